import TradeDomain

/// How a forecast of a non-negative measure (a trade value, a quantity, a unit price) is kept at or
/// above zero: the series is modelled on logs (or another Box-Cox scale) and the forecast
/// back-transformed, and whatever a model still puts below zero is truncated at 0 with a note.
///
/// ```
/// automatic:  every observation > 0 and the model has no multiplicative component  -> log
///             every observation > 0, multiplicative error or seasonality           -> none (the model
///                                                                                    is already one of ratios)
///             a zero or negative observation (cannot be logged)                    -> none, with a note
/// then:       back-transform (median or bias-adjusted mean), and truncate what is < 0 at 0
/// ```
/// Additive models of trade flows that fall steeply project straight lines through zero; on logs
/// the same model projects a geometric decline that stays positive (Hyndman & Athanasopoulos,
/// *Forecasting: Principles and Practice*, 3rd ed., §5.6 and §13.3, "Ensuring forecasts stay
/// within limits"). A multiplicative-error model with an additive trend still projects a straight
/// line, so truncation is applied after every model, transformed or not.
///
/// Use: ``prepare(_:multiplicativeModel:)`` the series, fit any model to ``PreparedSeries/modelSeries``,
/// then pass its forecast to ``PreparedSeries/finish(_:)``.
///
/// Reference: R `forecast::ets(y, lambda = 0, biasadj = TRUE)`; fable `model(log(y) ~ ...)`.
public struct NonNegativeForecasting: Sendable, Hashable, Codable {
    /// Which transformation to use.
    public enum Request: Sendable, Hashable, Codable {
        /// Log when every observation is positive and the model is additive; none otherwise (with a note).
        case automatic
        /// This transformation; a series it cannot take is an error.
        case fixed(ForecastTransformation)
        /// The series is not a non-negative measure (a generic series with negative values): fitted as
        /// it is and never truncated, with a note saying so.
        case unconstrained
    }

    /// The transformation requested.
    public let request: Request
    /// The point forecast reported after a back-transformation.
    public let point: BackTransformedPoint

    /// A policy.
    ///
    /// - Parameters:
    ///   - request: `.automatic` (the default) or a fixed transformation (`.fixed(.none)` for the untransformed model).
    ///   - point: `.mean` (bias-adjusted, the default) or `.median`.
    public init(request: Request = .automatic, point: BackTransformedPoint = .mean) {
        self.request = request
        self.point = point
    }

    /// Chooses the transformation for a series and transforms it.
    ///
    /// - Parameters:
    ///   - series: The non-negative measure (gaps stay gaps).
    ///   - multiplicativeModel: Whether the model to be fitted has a multiplicative error or season
    ///     (`automatic` then fits the series untransformed).
    /// - Returns: The series on the model's scale, the transformation and the notes that explain the choice.
    /// - Throws: ``AnalysisError/nonPositive(what:value:)`` when a fixed Box-Cox transformation meets a
    ///   zero or negative observation; ``AnalysisError/invalidParameter(name:value:constraint:)`` for λ outside [0, 1].
    public func prepare(_ series: TimeSeries<Double>, multiplicativeModel: Bool = false) throws(AnalysisError) -> PreparedSeries {
        var notes: [String] = []
        let transformation: ForecastTransformation
        switch request {
        case .unconstrained:
            notes.append("the series has negative values, so it is not treated as a non-negative measure: fitted untransformed, not truncated at 0")
            return PreparedSeries(original: series, modelSeries: series, transformation: .none, point: point, notes: notes, truncatesAtZero: false)
        case let .fixed(fixed):
            try fixed.validate(series.values)
            transformation = fixed
            if fixed == .none { notes.append("untransformed model, as requested; figures below 0 are truncated at 0") }
        case .automatic:
            let bad = series.observations.filter { !($0.value > 0) }
            if let first = bad.first {
                transformation = .none
                notes.append("the series cannot be logged: \(bad.count) observation(s) are zero or negative (first \(first.period) = \(first.value == first.value.rounded() && abs(first.value) < 1e15 ? String(Int64(first.value)) : String(first.value))); "
                             + "the model is fitted untransformed and figures below 0 are truncated at 0")
            } else if multiplicativeModel {
                transformation = .none
                notes.append("multiplicative model fitted on the original scale (a model of ratios, not logged); figures below 0 are truncated at 0")
            } else {
                transformation = .log
            }
        }
        let modelSeries = transformation == .none ? series : series.map { transformation.forward($0) }
        return PreparedSeries(original: series, modelSeries: modelSeries, transformation: transformation, point: point, notes: notes,
                              truncatesAtZero: true)
    }
}

/// A series ready to be fitted on the model's scale, and how to bring its forecast back
/// (see ``NonNegativeForecasting``).
public struct PreparedSeries: Sendable, Equatable {
    /// The series as given.
    public let original: TimeSeries<Double>
    /// The series on the model's scale: fit the model to this.
    public let modelSeries: TimeSeries<Double>
    /// The transformation applied.
    public let transformation: ForecastTransformation
    /// The point forecast to report.
    public let point: BackTransformedPoint
    /// Why this transformation (empty for the plain log default).
    public let notes: [String]
    /// Whether ``finish(_:)`` raises figures below 0 to 0 (false only for ``NonNegativeForecasting/Request/unconstrained``).
    public let truncatesAtZero: Bool

    /// A model's forecast of ``modelSeries`` brought back to the data's scale, floored at zero.
    ///
    /// - Parameter forecast: The forecast made on the model's scale.
    /// - Returns: The back-transformed forecast, truncated at 0 unless the request was `unconstrained`,
    ///   with the preparation's notes first.
    public func finish(_ forecast: Forecast) -> Forecast {
        let withNotes = Forecast(periods: forecast.periods, mean: forecast.mean, intervals: forecast.intervals, level: forecast.level,
                                 intervalMethod: forecast.intervalMethod, simulationPaths: forecast.simulationPaths, seed: forecast.seed,
                                 variances: forecast.variances, notes: notes + forecast.notes)
        let back = withNotes.backTransformed(transformation, point: point)
        return truncatesAtZero ? back.truncatedAtZero() : back
    }
}
