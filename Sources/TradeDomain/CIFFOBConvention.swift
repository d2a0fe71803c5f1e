/// How a partner's CIF import value is turned into an FOB export value in mirror
/// statistics (ECOSYSTEM.md §4).
///
/// ```
/// FOB export estimate = CIF import / factor        (a partner's imports viewed as exports)
/// CIF import estimate = FOB export × factor        (a partner's exports viewed as imports)
/// ```
///
/// | convention | factor | used by |
/// | --- | --- | --- |
/// | ``none`` | 1 | NCNK northkoreaintheworld (no adjustment, stated) |
/// | ``imf`` | 1.06 | IMF DOTS partner estimates (DOTS Yearbook 2017) |
/// | ``ots`` | 1.08 | OTS / tradestatistics, x̂ = max(x, m/1.08) |
/// | ``ruleOfThumb`` | 1.10 | the "about 10%" rule of IMF DOTS area totals |
/// | ``factor(_:)`` | given | a user's own factor |
public enum CIFFOBConvention: Hashable, Codable, Sendable, CustomStringConvertible {
    case none
    case imf
    case ots
    case ruleOfThumb
    case factor(Double)

    /// Parses `none`, `imf`, `ots`, `rule-of-thumb` or a factor such as `1.07`.
    ///
    /// - Parameter text: The convention as written (case ignored).
    /// - Throws: ``TradeDomainError/invalidCIFFOBConvention(_:)`` for anything
    ///   else, or a factor that is not finite, below 1 or above 2.
    public init(parsing text: String) throws(TradeDomainError) {
        switch text.trimmingASCIIWhitespace().lowercased() {
        case "none": self = .none
        case "imf": self = .imf
        case "ots": self = .ots
        case "rule-of-thumb", "rule_of_thumb", "ruleofthumb": self = .ruleOfThumb
        default:
            guard let factor = Double(text.trimmingASCIIWhitespace()), factor.isFinite, factor >= 1, factor <= 2 else {
                throw .invalidCIFFOBConvention(text)
            }
            self = .factor(factor)
        }
    }

    /// CIF ÷ FOB: 1, 1.06, 1.08, 1.10 or the given factor.
    public var factor: Double {
        switch self {
        case .none: return 1
        case .imf: return 1.06
        case .ots: return 1.08
        case .ruleOfThumb: return 1.10
        case let .factor(factor): return factor
        }
    }

    /// The name as written on the command line: `none`, `imf`, `ots`, `rule-of-thumb`, or the factor.
    public var name: String {
        switch self {
        case .none: return "none"
        case .imf: return "imf"
        case .ots: return "ots"
        case .ruleOfThumb: return "rule-of-thumb"
        case let .factor(factor): return "\(factor)"
        }
    }

    /// For example `"imf (CIF = FOB × 1.06)"` or `"none (no CIF/FOB adjustment)"`.
    public var description: String {
        self == .none ? "none (no CIF/FOB adjustment)" : "\(name) (CIF = FOB × \(factor))"
    }
}
