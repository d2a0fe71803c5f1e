/// Errors of the trade domain: values that do not parse or do not make sense.
public enum TradeDomainError: Error, Equatable, CustomStringConvertible, Sendable {
    case invalidPeriod(String)
    case invalidHSCode(String)

    public var description: String {
        switch self {
        case let .invalidPeriod(text): return "'\(text)' is not a period (expected YYYY, YYYY-MM, YYYYMM or YYYY-Qn)"
        case let .invalidHSCode(text): return "'\(text)' is not an HS code (expected 2, 4 or 6 digits, or a section I-XXI)"
        }
    }
}
