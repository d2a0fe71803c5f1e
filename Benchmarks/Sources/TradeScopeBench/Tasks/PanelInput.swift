import Foundation
import TradeDomain

/// The synthetic panel of `generate/panel.py` (`PREFIX.f64` + `PREFIX.json`), loaded once per
/// process: the warm-up run reads it and the timed runs reuse it, as the peers load it before
/// timing. `BENCH_SERIES_LIMIT` (set by `run.py` for slow peers) keeps only the first series.
struct PanelInput: @unchecked Sendable {
    /// Values, series after series.
    let values: [Double]
    /// Natural logarithms of `values`.
    let logs: [Double]
    let series: Int
    let months: Int
    let start: Period
    let bytes: Int

    /// Series `k` as an array.
    func row(_ k: Int) -> ArraySlice<Double> { values[(k * months)..<((k + 1) * months)] }
    /// log of series `k`.
    func logRow(_ k: Int) -> [Double] { Array(logs[(k * months)..<((k + 1) * months)]) }

    nonisolated(unsafe) private static var cache: [String: PanelInput] = [:]

    static func load(_ prefix: String) throws -> PanelInput {
        if let panel = cache[prefix] { return panel }
        let meta = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: prefix + ".json"))) as? [String: Any] ?? [:]
        guard let total = meta["series"] as? Int, let months = meta["months"] as? Int else {
            throw AnalysisInputError("\(prefix).json has no integer `series` and `months`")
        }
        var series = total
        if let text = ProcessInfo.processInfo.environment["BENCH_SERIES_LIMIT"], let limit = Int(text), limit > 0 {
            series = min(series, limit)
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: prefix + ".f64"))
        guard data.count == total * months * 8 else {
            throw AnalysisInputError("\(prefix).f64 has \(data.count) bytes, expected \(total) x \(months) float64")
        }
        var values = [Double](repeating: 0, count: series * months)
        values.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<(series * months * 8)])) }
        }
        let start = try Period(parsing: meta["start"] as? String ?? "2005-01")
        let panel = PanelInput(values: values, logs: values.map { Foundation.log($0) }, series: series, months: months,
                               start: start, bytes: series * months * 8)
        cache[prefix] = panel
        return panel
    }
}

/// A benchmark input problem, with a sentence saying what is wrong.
struct AnalysisInputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
