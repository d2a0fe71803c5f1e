import Foundation
import TradeDomain
import TrendAnalysis

/// Bai-Perron multiple breaks (`BreakpointSpecification`), against R strucchange `breakpoints` + `confint`.
///
/// - `bai-perron-seatbelt`: the strucchange vignette, log10 UKDriverDeaths on lags 1 and 12,
///   1970-01..1984-12 (n = 180, 3 regressors), h = 0.1, two breaks with their 95% intervals.
///   Input: the period,deaths CSV (R `datasets`), lines starting with `#` ignored.
/// - `bai-perron-panel`: `log y ~ 1 + t` per series of the panel, h = 0.15, breaks chosen by BIC,
///   95% intervals of those.
/// Checksum: breaks found, Σ break, Σ lower, Σ upper (0-based last index of a regime), Σ RSS at the breaks used.
enum BaiPerronTask {
    static func seatbelt(_ path: String) throws -> TaskOutcome {
        let series = try loadDeaths(path)
        let result = try BreakpointSpecification(minimumSegment: .fraction(0.1), breakCount: 2).fit(series, lags: [1, 12])
        var checksum = summary(result)
        checksum["rss_sum"] = result.residualSumOfSquares
        return TaskOutcome(bytes: fileSize(path), rows: 1, checksum: checksum)
    }

    static func panel(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        let rows = (0..<panel.months).map { [1.0, Double($0)] }
        let specification = BreakpointSpecification(minimumSegment: .fraction(0.15))
        var checksum: [String: Double] = ["breaks": 0, "break_sum": 0, "lower_sum": 0, "upper_sum": 0, "rss_sum": 0]
        for k in 0..<panel.series {
            let result = try specification.fit(response: panel.logRow(k), regressors: rows)
            for (key, value) in summary(result) { checksum[key, default: 0] += value }
            checksum["rss_sum"]! += result.residualSumOfSquares
        }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: checksum)
    }

    /// `bai-perron-long` (issue 23 item 22): breaks in the mean of one long series, the panel's log series
    /// laid end to end up to `BENCH_LONG_N` observations (default 20,000), h = 0.15, BIC over up to
    /// 5 breaks. Measures the time and, above all, the peak memory of the dynamic programme, which
    /// once held every segment's RSS (O(n²): 1.6 GB at 20,000 observations). No peer: strucchange keeps the
    /// same O(n²) table.
    static func long(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        let n = Int(ProcessInfo.processInfo.environment["BENCH_LONG_N"] ?? "") ?? 20_000
        var y = [Double]()
        y.reserveCapacity(n)
        var k = 0
        while y.count < n { y += panel.logRow(k % panel.series).prefix(n - y.count); k += 1 }
        let result = try BreakpointSpecification(minimumSegment: .fraction(0.15)).fit(response: y, regressors: Array(repeating: [1.0], count: n))
        var checksum = summary(result)
        checksum["rss_sum"] = result.residualSumOfSquares
        checksum["n"] = Double(n)
        return TaskOutcome(bytes: n * 8, rows: 1, checksum: checksum)
    }

    private static func summary(_ result: Breakpoints) -> [String: Double] {
        var checksum: [String: Double] = ["breaks": Double(result.breaks.count), "break_sum": 0, "lower_sum": 0, "upper_sum": 0]
        for estimate in result.breaks {
            checksum["break_sum"]! += Double(estimate.index)
            checksum["lower_sum"]! += Double(estimate.lowerIndex ?? -1_000_000)
            checksum["upper_sum"]! += Double(estimate.upperIndex ?? -1_000_000)
        }
        return checksum
    }

    nonisolated(unsafe) private static var deaths: [String: TimeSeries<Double>] = [:]

    private static func loadDeaths(_ path: String) throws -> TimeSeries<Double> {
        if let series = deaths[path] { return series }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
        guard lines.first == "period,deaths" else { throw AnalysisInputError("\(path): expected the header period,deaths") }
        var start: Period?
        var values: [Double?] = []
        for (number, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",")
            guard fields.count == 2, let value = Double(fields[1]), value > 0 else {
                throw AnalysisInputError("\(path): data line \(number + 1) is not period,positive count: \(line)")
            }
            if start == nil { start = try Period(parsing: String(fields[0])) }
            values.append(log10(value))
        }
        guard let start else { throw AnalysisInputError("\(path) has no data") }
        let series = TimeSeries(start: start, values: values)
        deaths[path] = series
        return series
    }
}
