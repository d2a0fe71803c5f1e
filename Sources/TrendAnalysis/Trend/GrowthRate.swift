/// A growth rate with a two-sided confidence interval, as a fraction (0.05 = 5%).
public struct GrowthRate: Sendable, Equatable, Codable {
    /// The point estimate.
    public let estimate: Double
    /// The lower end of the interval.
    public let lower: Double
    /// The upper end of the interval.
    public let upper: Double
    /// The interval's coverage, in (0, 1).
    public let level: Double

    /// A rate with its interval.
    ///
    /// - Parameters:
    ///   - estimate: The point estimate.
    ///   - lower: The lower end.
    ///   - upper: The upper end.
    ///   - level: The coverage.
    public init(estimate: Double, lower: Double, upper: Double, level: Double) {
        self.estimate = estimate
        self.lower = lower
        self.upper = upper
        self.level = level
    }
}
