import Foundation
import TradeDomain

extension StructuralModelSpecification {
    /// The model the commands fit when the user names only the trend: on logs when every observed
    /// value is positive (trade values, quantities and prices are), with a dummy seasonal of the
    /// series' periods per year for monthly and quarterly data observed over at least two full cycles
    /// plus the variances, and no seasonal otherwise.
    ///
    /// - Parameters:
    ///   - series: The series to be fitted (missing entries allowed).
    ///   - trend: Local level (default) or local linear trend.
    /// - Returns: The specification, with its variances to be estimated.
    public static func automatic(for series: TimeSeries<Double>, trend: Trend = .localLevel) -> StructuralModelSpecification {
        let observed = series.values.compactMap { $0 }
        let positive = !observed.isEmpty && observed.allSatisfy { $0 > 0 }
        let period = series.frequency.periodsPerYear
        let seasonal: Seasonal = period > 1 && observed.count >= 2 * period + 4 ? .dummy(period: nil) : .none
        return StructuralModelSpecification(trend: trend, seasonal: seasonal, logarithm: positive)
    }
}

extension TimeSeries where Value == Double {
    /// Whether some period between the first and the last has no value.
    public var hasGaps: Bool { values.contains { $0 == nil } }

    /// The longest run of consecutive periods with values (the latest of equally long runs).
    public var longestCompleteRun: TimeSeries<Double> { DiagnosticsSpecification.longestCompleteRun(self) }
}

extension AnalysisError {
    /// A method that needs a complete series, refused on a series with gaps: the same error with the
    /// longest complete window and the method that runs on gaps named.
    ///
    /// - Parameters:
    ///   - series: The series the method was given.
    ///   - alternative: What runs on the gappy window instead (default: `--method structural`).
    /// - Returns: The error to show; other errors unchanged.
    public func explainingGaps(in series: TimeSeries<Double>,
                               alternative: String = "use --method structural, which treats a missing period as missing") -> AnalysisError {
        guard case let .missingValue(method, period) = self else { return self }
        let run = series.longestCompleteRun
        let window = run.count == 0 ? "the series has no complete window"
            : "its longest complete window is \(run.start) to \(run.end) (\(run.count) periods: --from \(run.start) --to \(run.end))"
        return .insufficientData(method: method, constraint: "needs a complete series, but the value for \(period) is missing and "
            + "\(series.values.filter { $0 == nil }.count) of \(series.count) periods have none; \(window); "
            + "or \(alternative)")
    }
}

extension TimeSeries where Value == Double {
    /// The latest stretch of the series in which no run of missing periods is longer than `maximumGap`:
    /// from the first observation after the last longer gap to the end (older isolated observations
    /// say little about the current level). The whole series when it has no such gap.
    ///
    /// - Parameter maximumGap: The longest run of missing periods kept inside the stretch.
    public func latestStretch(maximumGap: Int) -> TimeSeries<Double> {
        var start = values.firstIndex { $0 != nil } ?? 0
        var run = 0
        for (index, value) in values.enumerated() {
            if value == nil { run += 1; continue }
            if run > maximumGap { start = index }
            run = 0
        }
        return TimeSeries(start: self.start.advanced(by: start), values: Array(values[start...]))
    }
}
