/// The verdict of a trend test at its significance level.
public enum TrendDirection: String, Sendable, Equatable, Codable {
    /// Significant and positive.
    case increasing
    /// Significant and negative.
    case decreasing
    /// Not significant.
    case noTrend = "no trend"
}
