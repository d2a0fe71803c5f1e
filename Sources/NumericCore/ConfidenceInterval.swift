/// A two-sided confidence interval for one coefficient.
public struct ConfidenceInterval: Sendable, Equatable, Codable {
    /// The coefficient's name.
    public let name: String
    /// The coverage level, e.g. 0.95.
    public let level: Double
    /// The lower end.
    public let lower: Double
    /// The upper end.
    public let upper: Double

    /// An interval from its parts (for analyses built on NumericCore).
    ///
    /// - Parameters:
    ///   - name: The coefficient's name.
    ///   - level: The coverage, in (0, 1).
    ///   - lower: The lower end.
    ///   - upper: The upper end.
    public init(name: String, level: Double, lower: Double, upper: Double) {
        self.name = name
        self.level = level
        self.lower = lower
        self.upper = upper
    }
}
