import Foundation
import Testing
@testable import TrendAnalysis
import _TestSupport

/// The O(n log n) Kendall S, slope selection and FFT autocorrelations (issue 23 item 9) against the
/// former O(n²) implementations, kept here verbatim as the differential reference.
@Suite("Pairwise slopes: O(n log n) against the O(n²) listing")
struct PairwiseSlopesTests {
    // MARK: The former implementations (reference)

    static func quadraticS(_ values: [Double]) -> Int {
        let n = values.count
        var s = 0
        for i in 0..<max(n - 1, 0) {
            for j in (i + 1)..<n {
                if values[j] > values[i] { s += 1 } else if values[j] < values[i] { s -= 1 }
            }
        }
        return s
    }

    static func quadraticSlopes(values: [Double], times: [Double]) -> [Double] {
        let n = values.count
        var slopes: [Double] = []
        for i in 0..<n {
            for j in (i + 1)..<n { slopes.append((values[j] - values[i]) / (times[j] - times[i])) }
        }
        slopes.sort()
        return slopes
    }

    static func quadraticAutocovariances(_ x: [Double]) -> [Double] {
        (0..<x.count).map { k in (0..<(x.count - k)).reduce(0.0) { $0 + x[$1] * x[$1 + k] } }
    }

    // MARK: Series in the shapes data come in

    /// Series of the kinds trade data take: continuous, integer-valued with many ties, a few
    /// distinct levels, constant stretches, trends, spread over decades, and gappy times.
    static func series(_ random: inout PropertyRandom, kind: Int, n: Int) -> (values: [Double], times: [Double]) {
        var times: [Double] = []
        var t = 0.0
        for _ in 0..<n {
            times.append(t)
            t += kind % 2 == 0 ? 1 : Double(random.integer(1...3))
        }
        let values: [Double] = (0..<n).map { i in
            switch kind {
            case 0, 1: return random.uniform(-1...1) + 0.01 * Double(i)
            case 2, 3: return Double(random.integer(0...20))
            case 4: return Double(random.integer(0...2))
            case 5: return i % 7 < 4 ? 5 : random.magnitude(from: 1, decades: 9)
            case 6: return 1e9 * (1 + 0.001 * Double(i)) + random.uniform(-1e6...1e6)
            default: return (random.integer(0...1) == 0 ? -1 : 1) * random.magnitude(from: 1e-3, decades: 12)
            }
        }
        return (values, times)
    }

    @Test("Kendall's S by merge sort equals the pair count, on 1,600 random series with ties")
    func kendallScore() {
        var random = PropertyRandom(seed: 23_0901)
        for trial in 0..<1_600 {
            let (values, _) = Self.series(&random, kind: trial % 8, n: random.integer(1...120))
            #expect(PairwiseSlopes.kendallScore(values) == Self.quadraticS(values), "trial \(trial): \(values)")
        }
    }

    @Test("selected slopes equal the sorted list at every rank asked, exactly, on 300 random series")
    func selection() {
        var random = PropertyRandom(seed: 23_0902)
        for trial in 0..<300 {
            let n = random.integer(2...(trial % 10 == 0 ? 400 : 60))
            let (values, times) = Self.series(&random, kind: trial % 8, n: n)
            let sorted = Self.quadraticSlopes(values: values, times: times)
            var ranks = [0, sorted.count - 1, sorted.count / 2, max(sorted.count / 2 - 1, 0)]
            ranks += (0..<4).map { _ in random.integer(0...(sorted.count - 1)) }
            let selected = PairwiseSlopes.select(values: values, times: times, ranks: ranks)
            #expect(selected == ranks.map { sorted[$0] }, "trial \(trial) kind \(trial % 8) n \(n)")
        }
    }

    @Test("a constant series and a perfect line: every slope is one value")
    func degenerate() {
        let n = 3_000
        let times = (0..<n).map(Double.init)
        let constant = [Double](repeating: 1_234_567, count: n)
        #expect(PairwiseSlopes.select(values: constant, times: times, ranks: [0, n * (n - 1) / 4, n * (n - 1) / 2 - 1]) == [0, 0, 0])
        let line = times.map { 3 + 0.25 * $0 }
        #expect(PairwiseSlopes.select(values: line, times: times, ranks: [0, n * (n - 1) / 4, n * (n - 1) / 2 - 1]) == [0.25, 0.25, 0.25])
    }

    @Test("FFT autocovariance sums equal the direct sums (rtol 1e-12 of c0)")
    func autocovariances() {
        var random = PropertyRandom(seed: 23_0903)
        for trial in 0..<200 {
            let x = (0..<random.integer(1...300)).map { _ in random.uniform(-5...5) }
            let direct = Self.quadraticAutocovariances(x)
            // FFT rounding is about log2(m) eps sum(x^2) per lag: an absolute tolerance on the scale of c0.
            expectClose(Autocovariance.sums(x), direct, rtol: 0, atol: 1e-12 * max(direct[0], 1), "trial \(trial)")
        }
    }

    @Test("Mann-Kendall, Hamed-Rao and Theil-Sen results equal the former O(n²) computation on random series")
    func wholeResults() throws {
        var random = PropertyRandom(seed: 23_0904)
        for trial in 0..<240 {
            let (values, times) = Self.series(&random, kind: trial % 8, n: random.integer(3...150))
            let sorted = Self.quadraticSlopes(values: values, times: times)
            let count = sorted.count
            let median = count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2
            let test = try MannKendallTest(values: values, times: times, hamedRao: false)
            #expect(test.s == Double(Self.quadraticS(values)) && test.senSlope == median, "trial \(trial)")
            let estimate = try TheilSenEstimate(values: values, times: times, level: 0.95)
            #expect(estimate.slope == median, "trial \(trial)")
            let nd = Double(values.count)
            var sigma2 = nd * (nd - 1) * (2 * nd + 5)
            for g in MannKendallTest.tieCounts(values) where g > 1 { sigma2 -= Double(g) * Double(g - 1) * Double(2 * g + 5) }
            let z = 1.959963984540054, sigma = (sigma2 / 18).squareRoot()
            let upper = min(Int(((Double(count) + z * sigma) / 2).rounded(.toNearestOrEven)), count - 1)
            let lower = max(Int(((Double(count) - z * sigma) / 2).rounded(.toNearestOrEven)) - 1, 0)
            #expect(estimate.lower == sorted[lower] && estimate.upper == sorted[upper], "trial \(trial)")
            // Hamed-Rao: the correction from the direct lag sums, rtol 1e-9 (FFT rounding of the
            // autocorrelations; a lag within 1e-12 of the significance bound would flip, none does here).
            let corrected = try MannKendallTest(values: values, times: times, hamedRao: true)
            let detrended = zip(values, times).map { $0 - median * $1 }
            let ranks = MannKendallTest.averageRanks(detrended)
            let mean = ranks.reduce(0, +) / nd
            let direct = Self.quadraticAutocovariances(ranks.map { $0 - mean })
            let bound = 1.959963984540054 / nd.squareRoot()
            var sum = 0.0
            for k in 1..<values.count {
                let rho = direct[k] / direct[0]
                if abs(rho) > bound { sum += (nd - Double(k)) * (nd - Double(k) - 1) * (nd - Double(k) - 2) * rho }
            }
            expectClose(corrected.varianceCorrection, 1 + 2 / (nd * (nd - 1) * (nd - 2)) * sum, rtol: 1e-9, atol: 1e-12, "trial \(trial) correction")
        }
    }
}
