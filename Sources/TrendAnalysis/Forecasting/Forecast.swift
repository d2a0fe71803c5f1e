import TradeDomain

/// Point forecasts with prediction intervals, one entry per step ahead.
///
/// A forecast made by a model is on the model's scale (``transformation`` `none`). A forecast of a
/// transformed series is brought back to the data's scale by ``backTransformed(_:point:)``, and one
/// that must not go below zero is floored by ``truncatedAtZero()``, which records every figure it
/// changed in ``truncations``; ``NonNegativeForecasting`` does both.
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
    /// Point forecasts, steps 1...horizon: the model's mean, or after a back-transformation the
    /// figure named by ``point``.
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
    /// The forecast error variance of each step on the model's scale: analytic, `s²(1 + x'(X'X)⁻¹x)`
    /// for a regression, or the sample variance of the simulated paths (empty when unknown).
    public let variances: [Double]
    /// The transformation the model was fitted under and that ``mean`` and the bounds were
    /// back-transformed from (`none`: they are the model's own figures).
    public let transformation: ForecastTransformation
    /// What ``mean`` is after a back-transformation (`mean` also when there is none: a model's
    /// point forecast is its mean).
    public let point: BackTransformedPoint
    /// The figures raised to zero by ``truncatedAtZero()``, with their untruncated values.
    public let truncations: [ForecastTruncation]
    /// Sentences on how the figures were obtained: transformation, point, truncation, fallbacks.
    public let notes: [String]

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
    ///   - variances: Forecast variances on the model's scale, one per step, or empty.
    ///   - transformation: The transformation back-transformed from (`none` for a model's own forecast).
    ///   - point: What the point forecast is.
    ///   - truncations: Figures raised to zero.
    ///   - notes: How the figures were obtained.
    public init(periods: [Period], mean: [Double], intervals: [PredictionInterval], level: Double,
                intervalMethod: IntervalMethod, simulationPaths: Int = 0, seed: UInt64 = 0, variances: [Double] = [],
                transformation: ForecastTransformation = .none, point: BackTransformedPoint = .mean,
                truncations: [ForecastTruncation] = [], notes: [String] = []) {
        precondition(mean.count == intervals.count, "one interval per point forecast")
        precondition(variances.isEmpty || variances.count == mean.count, "one variance per point forecast")
        self.periods = periods
        self.mean = mean
        self.intervals = intervals
        self.level = level
        self.intervalMethod = intervalMethod
        self.simulationPaths = simulationPaths
        self.seed = seed
        self.variances = variances
        self.transformation = transformation
        self.point = point
        self.truncations = truncations
        self.notes = notes
    }

    /// The number of steps ahead.
    public var horizon: Int { mean.count }

    /// The label of step `h` (0-based): its period, or `h+1`, `h+2`, ... without a calendar.
    public func stepLabel(_ h: Int) -> String { periods.isEmpty ? "h+\(h + 1)" : periods[h].description }

    /// This forecast, made on the scale of `transformation`, brought back to the data's scale.
    ///
    /// Interval bounds are back-transformed as they are (quantiles survive a monotone map). The point
    /// forecast becomes the median `inv(w)` or the bias-adjusted mean (``ForecastTransformation``);
    /// the adjustment uses ``variances`` (R `InvBoxCox` derives the same variance from the interval
    /// width, `((upper - lower) / (2 z))²`, which is identical for analytic intervals; for a regression
    /// forecast, dividing the t interval by the normal z gives (t/z)² times the `s²(1 + x'(X'X)⁻¹x)` used here, and for
    /// simulated intervals the sample variance of the paths replaces it).
    ///
    /// - Parameters:
    ///   - transformation: The transformation the model's series was fitted under.
    ///   - point: Median or bias-adjusted mean.
    /// - Returns: The back-transformed forecast (``variances`` stay on the model's scale); with a
    ///   Box-Cox λ > 0, figures whose `λ w + 1` is negative become 0 and are listed in ``truncations``.
    public func backTransformed(_ transformation: ForecastTransformation, point: BackTransformedPoint) -> Forecast {
        precondition(self.transformation == .none, "a forecast is back-transformed once")
        guard transformation != .none else { return self }
        precondition(point == .median || variances.count == mean.count, "a bias-adjusted mean needs the forecast variances")
        var truncated: [ForecastTruncation] = []
        func back(_ w: Double, _ h: Int, _ figure: ForecastTruncation.Figure, variance: Double?) -> Double {
            if transformation.truncatesInverse(w) {
                truncated.append(ForecastTruncation(step: h, period: periods.isEmpty ? nil : periods[h], figure: figure,
                                                    untruncated: w, scale: .model))
            }
            guard let variance else { return transformation.inverse(w) }
            return transformation.biasAdjustedInverse(w, variance: variance)
        }
        var newMean: [Double] = [], newIntervals: [PredictionInterval] = []
        for h in 0..<horizon {
            newMean.append(back(mean[h], h, .mean, variance: point == .mean ? variances[h] : nil))
            newIntervals.append(PredictionInterval(level: level, lower: back(intervals[h].lower, h, .lower, variance: nil),
                                                   upper: back(intervals[h].upper, h, .upper, variance: nil)))
        }
        var notes = self.notes
        notes.append(Self.transformationNote(transformation, point: point))
        if !truncated.isEmpty {
            notes.append("\(transformation.name) back-transformation below its floor (λw + 1 < 0), set to 0: " + ForecastTruncation.describe(truncated, forecast: self))
        }
        return Forecast(periods: periods, mean: newMean, intervals: newIntervals, level: level, intervalMethod: intervalMethod,
                        simulationPaths: simulationPaths, seed: seed, variances: variances, transformation: transformation,
                        point: point, truncations: truncations + truncated, notes: notes)
    }

    /// This forecast with every negative point forecast and bound raised to 0, each one listed in
    /// ``truncations`` and named in a note (no note when nothing was negative).
    ///
    /// Truncating a bound keeps the interval's coverage of a non-negative quantity (no mass lies below
    /// zero); truncating the mean raises it (the truncated figure is `max(mean, 0)`, not a mean).
    ///
    /// - Returns: The floored forecast.
    public func truncatedAtZero() -> Forecast {
        var truncated: [ForecastTruncation] = []
        func floor(_ x: Double, _ h: Int, _ figure: ForecastTruncation.Figure) -> Double {
            guard x < 0 else { return x }
            truncated.append(ForecastTruncation(step: h, period: periods.isEmpty ? nil : periods[h], figure: figure, untruncated: x, scale: .data))
            return 0
        }
        var newMean: [Double] = [], newIntervals: [PredictionInterval] = []
        for h in 0..<horizon {
            newMean.append(floor(mean[h], h, .mean))
            newIntervals.append(PredictionInterval(level: level, lower: floor(intervals[h].lower, h, .lower), upper: floor(intervals[h].upper, h, .upper)))
        }
        guard !truncated.isEmpty else { return self }
        let note = "the \(transformation == .none ? "untransformed" : transformation.name + "-scale") model's forecast crosses zero; truncated at 0: "
            + ForecastTruncation.describe(truncated, forecast: self)
        return Forecast(periods: periods, mean: newMean, intervals: newIntervals, level: level, intervalMethod: intervalMethod,
                        simulationPaths: simulationPaths, seed: seed, variances: variances, transformation: transformation,
                        point: point, truncations: truncations + truncated, notes: notes + [note])
    }

    static func transformationNote(_ transformation: ForecastTransformation, point: BackTransformedPoint) -> String {
        let scale = transformation == .log ? "logs" : "the \(transformation.name) scale"
        let isLog = transformation == .log
        let pointText = point == .mean
            ? "the point forecast is the bias-adjusted mean, " + (isLog ? "exp(w)(1 + v/2)" : "inv(w)(1 + v(1 - λ)/(2 inv(w)^(2λ)))")
                + " with w and v the forecast and its variance on that scale (R forecast biasadj = TRUE)"
            : "the point forecast is the median, " + (isLog ? "exp(w)" : "inv(w)") + " (R forecast biasadj = FALSE)"
        return "model fitted on \(scale); forecasts and interval bounds back-transformed; \(pointText)"
    }
}

/// A forecast figure that was raised to zero (see ``Forecast/truncatedAtZero()``).
public struct ForecastTruncation: Sendable, Equatable, Codable {
    /// Which figure of a step.
    public enum Figure: String, Sendable, Equatable, Codable, CaseIterable {
        case mean, lower, upper
    }
    /// Where the untruncated value lies.
    public enum Scale: String, Sendable, Equatable, Codable {
        /// The data's scale (a negative figure).
        case data
        /// The model's (Box-Cox) scale, below the floor `-1/λ` of the back-transformation.
        case model
    }

    /// The step, 0-based.
    public let step: Int
    /// The step's period, when the forecast has a calendar.
    public let period: Period?
    /// Mean, lower or upper bound.
    public let figure: Figure
    /// The figure before truncation.
    public let untruncated: Double
    /// The scale of ``untruncated``.
    public let scale: Scale

    /// A truncation record.
    ///
    /// - Parameters: One per property.
    public init(step: Int, period: Period?, figure: Figure, untruncated: Double, scale: Scale) {
        self.step = step
        self.period = period
        self.figure = figure
        self.untruncated = untruncated
        self.scale = scale
    }

    /// "mean in 2017-06, 2017-07; lower bound in 2017-04 to 2017-07" style list, figure by figure.
    static func describe(_ truncations: [ForecastTruncation], forecast: Forecast) -> String {
        Figure.allCases.compactMap { figure -> String? in
            let steps = truncations.filter { $0.figure == figure }.map(\.step)
            guard !steps.isEmpty else { return nil }
            let name = figure == .mean ? "point forecast" : "\(figure.rawValue) bound"
            return "\(name) in " + steps.map { forecast.stepLabel($0) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }
}
