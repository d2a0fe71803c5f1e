import TrendAnalysis

/// Errors of scenario definitions and their evaluation.
///
/// File errors carry a ``ScenarioLocation`` (file, line and column, 1-based) and say
/// what is wrong and what is allowed.
public enum ScenarioError: Error, Equatable, CustomStringConvertible, Sendable {
    /// A cap that cannot be applied.
    case invalidCap(String)
    /// A quantity in a unit that cannot be converted to the cap's unit.
    case incompatibleUnit(String)
    /// The scenario file cannot be read.
    case cannotOpen(file: String, reason: String)
    /// The file is larger than the limit (bytes).
    case fileTooLarge(file: String, bytes: Int, limit: Int)
    /// Collections nest deeper than the limit (checked before parsing; see `YAMLNesting`).
    case nestingTooDeep(ScenarioLocation, limit: Int)
    /// The YAML expands to more nodes than the limit (for example through nested aliases).
    case tooManyNodes(file: String, limit: Int)
    /// The text is not valid YAML.
    case syntax(ScenarioLocation, reason: String)
    /// A key that the schema does not define.
    case unknownKey(ScenarioLocation, key: String, allowed: [String])
    /// A required key is absent.
    case missingKey(ScenarioLocation, key: String)
    /// A value of the wrong form or outside its range.
    case invalidValue(ScenarioLocation, key: String, value: String, reason: String)
    /// An HS code that is malformed or not in the nomenclature.
    case unknownHSCode(ScenarioLocation, code: String)
    /// A reference to an event id that is not in the sanctions calendar.
    case unknownEvent(ScenarioLocation, id: String)
    /// A date before or after the data.
    case dateOutsideData(ScenarioLocation, key: String, date: String, first: String, last: String)
    /// A sweep specification that cannot be applied.
    case invalidSweep(String)
    /// The baseline could not be fitted (wrapped analysis error).
    case baseline(step: String, AnalysisError)

    public var description: String {
        switch self {
        case let .invalidCap(reason): return "invalid cap: \(reason)"
        case let .incompatibleUnit(reason): return "incompatible units: \(reason)"
        case let .cannotOpen(file, reason): return "\(file): cannot open scenario file: \(reason)"
        case let .fileTooLarge(file, bytes, limit):
            return "\(file): scenario file has \(bytes) bytes; the limit is \(limit) bytes"
        case let .nestingTooDeep(location, limit):
            return "\(location): scenario file nests collections more than \(limit) levels deep; refused"
        case let .tooManyNodes(file, limit):
            return "\(file): scenario file expands to more than \(limit) YAML nodes (nested aliases?); refused"
        case let .syntax(location, reason): return "\(location): YAML syntax error: \(reason)"
        case let .unknownKey(location, key, allowed):
            return "\(location): unknown key '\(key)'; allowed here: \(allowed.joined(separator: ", "))"
        case let .missingKey(location, key): return "\(location): required key '\(key)' is missing"
        case let .invalidValue(location, key, value, reason): return "\(location): \(key) '\(value)' is invalid: \(reason)"
        case let .unknownHSCode(location, code): return "\(location): unknown HS code '\(code)'"
        case let .unknownEvent(location, id): return "\(location): no event '\(id)' in the sanctions calendar"
        case let .dateOutsideData(location, key, date, first, last):
            return "\(location): \(key) \(date) lies outside the data (\(first) to \(last))"
        case let .invalidSweep(reason): return "invalid sweep: \(reason)"
        case let .baseline(step, error): return "\(step): \(error)"
        }
    }
}
