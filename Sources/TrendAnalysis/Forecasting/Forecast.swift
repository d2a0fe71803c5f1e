import TradeDomain

/// Point forecasts with prediction intervals, one entry per step ahead.
public struct Forecast: Sendable, Equatable, Codable {
    /// How the intervals were obtained.
    public enum IntervalMethod: String, Sendable, Equatable, Codable {
        /// Closed-form forecast variance (linear models; Hyndman et al. 2008, ch. 6; R `predict.HoltWinters`).
        case analytic
        /// Quantiles of simulated future sample paths from a seeded generator.
        case simulation
        /// Student t intervals of a regression forecast.
        case regression
    }

    /// The most steps ahead a forecast computes. A documented limit: simulated intervals hold
    /// horizon × paths draws (1,000 × 5,000 doubles is 40 MB), and 1,000 steps is 83 years of
    /// months, far past any horizon a trade baseline can inform.
    public static let maximumHorizon = 1_000

    /// The periods of a forecast `horizon` steps after `last`, with the horizon checked.
    ///
    /// - Parameters:
    ///   - last: The last fitted period, or `nil` when the series has no calendar.
    ///   - horizon: Steps ahead.
    /// - Returns: The periods (empty when `last` is `nil`).
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a horizon below 1,
    ///   above ``maximumHorizon``, or reaching past the year 9999.
    static func futurePeriods(after last: Period?, horizon: Int) throws(AnalysisError) -> [Period] {
        guard horizon >= 1 else { throw .invalidParameter(name: "horizon", value: "\(horizon)", constraint: "must be at least 1") }
        guard horizon <= maximumHorizon else {
            throw .invalidParameter(name: "horizon", value: "\(horizon)", constraint: "must be at most \(maximumHorizon) periods")
        }
        guard let last else { return [] }
        guard last.advancedWithinCalendar(by: horizon) != nil else {
            throw .invalidParameter(name: "horizon", value: "\(horizon)",
                                    constraint: "a forecast after \(last) may reach at most \(last.periodsRemainingInCalendar) periods ahead (periods end in the year 9999)")
        }
        return (1...horizon).map { last.advanced(by: $0) }
    }

    /// The forecast periods (empty when the fitted series had no calendar).
    public let periods: [Period]
    /// Point forecasts, steps 1...horizon.
    public let mean: [Double]
    /// Intervals, one per step, at ``level``.
    public let intervals: [PredictionInterval]
    /// The coverage of every interval.
    public let level: Double
    /// How the intervals were computed.
    public let intervalMethod: IntervalMethod
    /// Number of simulated paths (0 unless `simulation`).
    public let simulationPaths: Int
    /// The generator seed (0 unless `simulation`).
    public let seed: UInt64

    /// A forecast.
    ///
    /// - Parameters:
    ///   - periods: Forecast periods or empty.
    ///   - mean: Point forecasts.
    ///   - intervals: One interval per point forecast.
    ///   - level: Coverage.
    ///   - intervalMethod: How intervals were computed.
    ///   - simulationPaths: Paths simulated, or 0.
    ///   - seed: Seed used, or 0.
    public init(periods: [Period], mean: [Double], intervals: [PredictionInterval], level: Double,
                intervalMethod: IntervalMethod, simulationPaths: Int = 0, seed: UInt64 = 0) {
        precondition(mean.count == intervals.count, "one interval per point forecast")
        self.periods = periods
        self.mean = mean
        self.intervals = intervals
        self.level = level
        self.intervalMethod = intervalMethod
        self.simulationPaths = simulationPaths
        self.seed = seed
    }

    /// The number of steps ahead.
    public var horizon: Int { mean.count }
}
