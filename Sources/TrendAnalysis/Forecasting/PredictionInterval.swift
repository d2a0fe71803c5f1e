/// A two-sided prediction interval at a stated coverage level.
public struct PredictionInterval: Sendable, Equatable, Codable {
    /// Nominal coverage in (0, 1), for example 0.95.
    public let level: Double
    /// Lower bound.
    public let lower: Double
    /// Upper bound.
    public let upper: Double

    /// An interval.
    ///
    /// - Parameters:
    ///   - level: Coverage in (0, 1).
    ///   - lower: Lower bound.
    ///   - upper: Upper bound.
    public init(level: Double, lower: Double, upper: Double) {
        self.level = level
        self.lower = lower
        self.upper = upper
    }

    /// `upper - lower`.
    public var width: Double { upper - lower }
}
