import TradeDomain
import TrendAnalysis

/// How one baseline series (value or quantity of one commodity) was fitted.
public struct BaselineSummary: Hashable, Codable, Sendable {
    /// `value` or `quantity`.
    public let measure: TradeMeasure
    /// The model's technical name, for example `ETS(A,Ad,N)`.
    public let model: String
    /// The model in words, for example "exponential smoothing: additive damped trend, no season, additive errors".
    public let description: String
    /// Parameters estimated (smoothing parameters and initial states, variances or coefficients).
    public let parameterCount: Int
    /// Observations a stable fit needs: 2 x ``parameterCount`` + 2.
    public let observationsNeeded: Int
    /// The rolling-origin comparison the baseline was chosen by (`nil` for baselines made before it).
    public let backtest: BaselineBacktest?
    /// Warnings every output repeats (a fit on fewer observations than ``observationsNeeded``).
    public let warnings: [String]
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
                transformation: ForecastTransformation = .none, point: BackTransformedPoint = .mean, truncatedFigures: Int = 0,
                description: String? = nil, parameterCount: Int = 0, observationsNeeded: Int = 0, backtest: BaselineBacktest? = nil,
                warnings: [String] = []) {
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
        self.description = description ?? model
        self.parameterCount = parameterCount
        self.observationsNeeded = observationsNeeded
        self.backtest = backtest
        self.warnings = warnings
    }

    /// The backtest score of the chosen model, if it was scored.
    public var chosenScore: BaselineBacktest.Score? {
        guard let backtest, let chosen = backtest.chosen else { return nil }
        return backtest.scores.first { $0.candidate == chosen }
    }
}
