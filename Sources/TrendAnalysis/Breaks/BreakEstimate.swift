import TradeDomain

/// One estimated structural break with its confidence interval.
///
/// Index convention: ``index`` is the 0-based index of the last observation of the regime
/// before the break (strucchange's breakpoint minus one); ``period`` is that period.
/// The interval bounds are indices of the same kind.
public struct BreakEstimate: Sendable, Equatable, Codable {
    /// 0-based index of the last observation before the break.
    public let index: Int
    /// The period of that observation, when the input had a calendar.
    public let period: Period?
    /// The lower bound of the interval (an index), or `nil` when it cannot be computed.
    public let lowerIndex: Int?
    /// The upper bound of the interval (an index), or `nil` when it cannot be computed.
    public let upperIndex: Int?
    /// The period of ``lowerIndex``.
    public let lowerPeriod: Period?
    /// The period of ``upperIndex``.
    public let upperPeriod: Period?
    /// The confidence level of the interval (0.95 by default).
    public let level: Double
}
