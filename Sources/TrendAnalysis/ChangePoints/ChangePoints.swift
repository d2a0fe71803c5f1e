import TradeDomain

/// The result of a change-point search: where new segments start, and each segment's mean and variance.
///
/// Index convention: ``changePoints`` are 0-based indices of the first observation of each new
/// segment; ``periods`` are their periods (the first period of the new segment), empty when the
/// input had no calendar.
public struct ChangePoints: Sendable, Equatable, Codable {
    /// One segment between change points.
    public struct Segment: Sendable, Equatable, Codable {
        /// Index of the first observation.
        public let start: Int
        /// Index of the last observation.
        public let end: Int
        /// The segment mean.
        public let mean: Double
        /// The segment variance (divisor: the segment length).
        public let variance: Double
        /// The period of the first observation, when known.
        public let firstPeriod: Period?
    }

    /// The specification used.
    public let specification: PELTSpecification
    /// The number of observations.
    public let observationCount: Int
    /// 0-based index of the first observation of each new segment, ascending.
    public let changePoints: [Int]
    /// The period of each change point (the first period of the new segment).
    public let periods: [Period]
    /// The segments in order.
    public let segments: [Segment]
    /// The penalty per change point actually used.
    public let penaltyValue: Double
    /// The noise variance used by the `mean` cost; `nil` for `meanAndVariance`.
    public let noiseVariance: Double?
    /// The sum of the segment costs.
    public let totalCost: Double
    /// `totalCost + penaltyValue × changePoints.count`, the minimised objective.
    public let penalisedCost: Double
}
