import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// The Bai-Perron programme without the O(n²) table of segment RSS (issue 23 item 22): optimal
/// against an exhaustive search, and bounded by a stated limit.
@Suite("Bai-Perron dynamic programme: exhaustive check and the size limit")
struct SegmentProgrammeTests {
    /// The RSS of a segment about its mean, by the two-pass formula (independent of Givens updating).
    static func rss(_ y: ArraySlice<Double>) -> Double {
        let mean = y.reduce(0, +) / Double(y.count)
        return y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
    }

    @Test("for every number of breaks, the minimal RSS and its breaks equal an exhaustive search over all partitions")
    func exhaustive() throws {
        var random = PropertyRandom(seed: 23_22)
        for _ in 0..<20 {
            let n = 24, h = 3
            let y = (0..<n).map { t in (t < 8 ? 0.0 : t < 17 ? 2.0 : -1.0) + random.unit() * 2 }
            let result = try BreakpointSpecification(minimumSegment: .observations(h)).fit(response: y, regressors: Array(repeating: [1.0], count: n))
            for m in 1..<result.residualSumOfSquaresByBreakCount.count {
                // All break sets (0-based last indices of regimes) with every regime at least h long.
                var best = Double.infinity, bestBreaks: [Int] = []
                func search(_ start: Int, _ left: Int, _ chosen: [Int], _ total: Double) {
                    if left == 0 {
                        guard n - start >= h else { return }
                        let value = total + Self.rss(y[start...])
                        if value < best { best = value; bestBreaks = chosen }
                        return
                    }
                    guard start + h <= n else { return }
                    for end in (start + h - 1)..<n where n - (end + 1) >= h * left {
                        search(end + 1, left - 1, chosen + [end], total + Self.rss(y[start...end]))
                    }
                }
                search(0, m, [], 0)
                // Givens RSS against the two-pass RSS: rtol 1e-10 on sums of squares of order 10.
                expectClose(result.residualSumOfSquaresByBreakCount[m], best, rtol: 1e-10, atol: 0, "\(m) breaks")
                #expect(result.breakIndicesByBreakCount[m] == bestBreaks, "\(m) breaks")
            }
        }
    }

    @Test("a search beyond the entry limit is refused with the limit and a --max-breaks that fits")
    func limit() throws {
        let n = 20_000
        let y = (0..<n).map { Double($0 % 7) }
        // h = 2: strucchange's default search would keep 9,998 levels of 20,001 entries.
        #expect {
            try BreakpointSpecification(minimumSegment: .observations(2)).fit(response: y, regressors: Array(repeating: [1.0], count: n))
        } throws: { error in
            let text = (error as? AnalysisError)?.description ?? ""
            return text.contains("search size") && text.contains("\(BreakpointSpecification.programmeEntryLimit)")
                && text.contains("--max-breaks \(BreakpointSpecification.programmeEntryLimit / (n + 1))")
        }
    }
}
