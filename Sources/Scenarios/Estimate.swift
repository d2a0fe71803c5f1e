/// A figure with the bounds of its prediction interval.
public struct Estimate: Hashable, Codable, Sendable {
    /// Point value.
    public let mean: Double
    /// Lower bound.
    public let lower: Double
    /// Upper bound.
    public let upper: Double

    /// An estimate.
    ///
    /// - Parameters:
    ///   - mean: Point value.
    ///   - lower: Lower bound.
    ///   - upper: Upper bound.
    public init(mean: Double, lower: Double, upper: Double) {
        self.mean = mean
        self.lower = lower
        self.upper = upper
    }

    /// Every figure multiplied by `factor` (non-negative).
    func scaled(_ factor: Double) -> Estimate { Estimate(mean: mean * factor, lower: lower * factor, upper: upper * factor) }
}
