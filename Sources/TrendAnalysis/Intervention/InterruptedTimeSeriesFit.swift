import NumericCore
import TradeDomain

/// A fitted interrupted time series (see ``InterruptedTimeSeriesSpecification``).
public struct InterruptedTimeSeriesFit: Sendable, Equatable, Codable {
    /// The specification that produced this fit.
    public let specification: InterruptedTimeSeriesSpecification
    /// The periods of the observations.
    public let periods: [Period]
    /// n.
    public let observationCount: Int
    /// The 0-based index of the first observation under the intervention (the first observed period
    /// at or after it).
    public let interventionIndex: Int
    /// The Newey–West truncation lag used.
    public let hacLags: Int
    /// The OLS fit (all coefficients in design order) with classical inference and the
    /// Newey–West covariance of the same estimates (``RegressionResults/hac``; normal inference).
    public let regression: RegressionResults
    /// The immediate change in level at the intervention.
    public let levelChange: InterventionEffect
    /// The change in slope per period from the intervention on.
    public let slopeChange: InterventionEffect
    /// The fitted values.
    public let fittedValues: [Double]
    /// The fitted path without the interruption (level and slope change set to 0), for every observation.
    public let counterfactual: [Double]
}
