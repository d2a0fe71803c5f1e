/// Errors of scenario definitions and their evaluation.
public enum ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A cap that cannot be applied.
    case invalidCap(String)
    /// A quantity in a unit that cannot be converted to the cap's unit.
    case incompatibleUnit(String)

    public var description: String {
        switch self {
        case let .invalidCap(reason): return "invalid cap: \(reason)"
        case let .incompatibleUnit(reason): return "incompatible units: \(reason)"
        }
    }
}
