import TradeDomain
import TrendAnalysis

/// How one baseline series (value or quantity of one commodity) was fitted.
public struct BaselineSummary: Hashable, Codable, Sendable {
    /// `value` or `quantity`.
    public let measure: TradeMeasure
    /// The model name, for example `ETS(A,A,N)`.
    public let model: String
    /// First period fitted.
    public let fitFrom: Period
    /// Last period fitted.
    public let fitThrough: Period
    /// Observations fitted.
    public let observationCount: Int
    /// α, β, γ, φ as estimated (`nil` where absent; all `nil` for the regression).
    public let alpha: Double?
    public let beta: Double?
    public let gamma: Double?
    public let phi: Double?
    /// Innovation variance.
    public let sigma2: Double
    /// How the intervals were obtained.
    public let intervalMethod: Forecast.IntervalMethod
    /// The scale the model was fitted on (`none`, `log`); ``sigma2`` is on that scale.
    public let transformation: ForecastTransformation
    /// What the baseline figure is after a back-transformation (median or bias-adjusted mean).
    public let point: BackTransformedPoint
    /// How many baseline figures (means and bounds) were truncated at 0.
    public let truncatedFigures: Int

    /// A summary.
    ///
    /// - Parameters: One per property.
    public init(measure: TradeMeasure, model: String, fitFrom: Period, fitThrough: Period, observationCount: Int,
                alpha: Double?, beta: Double?, gamma: Double?, phi: Double?, sigma2: Double, intervalMethod: Forecast.IntervalMethod,
                transformation: ForecastTransformation = .none, point: BackTransformedPoint = .mean, truncatedFigures: Int = 0) {
        self.measure = measure
        self.model = model
        self.fitFrom = fitFrom
        self.fitThrough = fitThrough
        self.observationCount = observationCount
        self.alpha = alpha
        self.beta = beta
        self.gamma = gamma
        self.phi = phi
        self.sigma2 = sigma2
        self.intervalMethod = intervalMethod
        self.transformation = transformation
        self.point = point
        self.truncatedFigures = truncatedFigures
    }
}
