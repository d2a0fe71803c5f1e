import TradeDomain

/// The least-squares fit of one regime of a multiple-break model.
public struct BreakSegmentFit: Sendable, Equatable, Codable {
    /// 0-based index of the first observation.
    public let start: Int
    /// 0-based index of the last observation.
    public let end: Int
    /// The first period, when known.
    public let firstPeriod: Period?
    /// The last period, when known.
    public let lastPeriod: Period?
    /// Coefficient estimates, in the order of the regressor names.
    public let coefficients: [Double]
    /// The residual sum of squares of the regime.
    public let residualSumOfSquares: Double
}
