import TradeDomain
import TrendAnalysis

/// How a scenario's baseline (the no-sanction path) is forecast: the method, its fit window and
/// the last period projected.
public struct ScenarioBaseline: Hashable, Codable, Sendable {
    /// The forecasting method.
    public enum Method: String, Hashable, Codable, Sendable, CaseIterable {
        /// The candidate with the lowest rolling-origin MASE: ETS chosen by AICc, the structural model
        /// (local level, local linear trend) and the log-linear trend (``BaselineSelector``).
        case automatic = "auto"
        /// The structural model (local level for `trend: none`, else local linear trend); gaps allowed.
        case structural
        /// A straight line by least squares on the (logged) series; gaps allowed.
        case logLinear = "log-linear"
        /// ETS state space model by maximum likelihood (``ExponentialSmoothingFormulation/stateSpace``).
        case ets
        /// Holt-Winters by least squares (``ExponentialSmoothingFormulation/holtWinters``).
        case holtWinters = "holt-winters"
        /// A least-squares line plus seasonal dummies (``SeasonalRegressionSpecification``); seasonal
        /// dummies enter when ``ScenarioBaseline/seasonal`` is not `none`.
        case regression
    }

    /// ETS or Holt-Winters.
    public let method: Method
    /// Trend component: none, additive or additive damped.
    public let trend: ExponentialSmoothingComponent
    /// Seasonal component: none, additive or multiplicative (monthly data only).
    public let seasonal: ExponentialSmoothingComponent
    /// First period of the fit window; `nil` = the longest gap-free run ending at ``fitThrough``.
    public let fitFrom: Period?
    /// Last period of the fit window; `nil` = the last period entirely before the first measure.
    public let fitThrough: Period?
    /// Last period projected; `nil` = the last period with data.
    public let through: Period?
    /// Coverage of the prediction intervals.
    public let level: Double
    /// How value and quantity baselines stay non-negative: by default fitted on logs (untransformed
    /// for a multiplicative model or a series with zeros) and back-transformed to the bias-adjusted
    /// mean, which is the figure that adds up over periods; anything still below 0 is truncated.
    public let nonNegative: NonNegativeForecasting
    /// Whether the baseline may be fitted on fewer observations than its model needs (YAML `allow_short`,
    /// as the CLI's `--allow-short`); the baseline then carries a warning into every output.
    public let allowShort: Bool

    /// A baseline specification.
    ///
    /// - Parameters: One per property; defaults: the automatic choice by backtest, 95%,
    ///   automatic transformation (log for positive series) with the bias-adjusted mean.
    public init(method: Method = .automatic, trend: ExponentialSmoothingComponent = .additive,
                seasonal: ExponentialSmoothingComponent = .none, fitFrom: Period? = nil, fitThrough: Period? = nil,
                through: Period? = nil, level: Double = 0.95, nonNegative: NonNegativeForecasting = NonNegativeForecasting(),
                allowShort: Bool = false) {
        self.method = method
        self.trend = trend
        self.seasonal = seasonal
        self.fitFrom = fitFrom
        self.fitThrough = fitThrough
        self.through = through
        self.level = level
        self.nonNegative = nonNegative
        self.allowShort = allowShort
    }

    /// Whether the model has a multiplicative component (``NonNegativeForecasting`` then leaves the series unlogged).
    public var isMultiplicative: Bool { (method == .ets || method == .holtWinters) && seasonal == .multiplicative }

    /// The method in words, for headers.
    public var methodDescription: String {
        switch method {
        case .automatic: return "chosen by rolling-origin backtest (ETS by AICc, structural local level and local linear trend, log-linear trend)"
        case .ets: return "exponential smoothing (\(trend.rawValue) trend, \(seasonal.rawValue) season)"
        case .holtWinters: return "Holt-Winters (\(trend.rawValue) trend, \(seasonal.rawValue) season)"
        case .regression: return "linear trend regression" + (seasonal != .none ? " with seasonal dummies" : "")
        case .structural: return "structural model (" + (trend == .none ? "local level" : "local linear trend") + ")"
        case .logLinear: return "log-linear trend"
        }
    }

    /// The exponential smoothing specification for one measure (value or quantity).
    ///
    /// - Parameter seed: Simulation seed.
    /// - Returns: The specification (additive errors).
    public func specification(seed: UInt64) -> ExponentialSmoothingSpecification {
        ExponentialSmoothingSpecification(formulation: method == .ets ? .stateSpace : .holtWinters,
                                          error: .additive, trend: trend, seasonal: seasonal, seed: seed)
    }
}
