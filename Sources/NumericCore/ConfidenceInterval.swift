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
}
