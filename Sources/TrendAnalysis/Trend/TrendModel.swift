/// The trend models `TrendSpecification` can fit.
public enum TrendModel: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// y = β₀ + β₁ t + ε.
    case linear
    /// ln y = β₀ + β₁ t + ε (positive data); adds growth rates.
    case logLinear
    /// y = β₀ + β₁ t + ... + β_K t^K + ε, fitted on a centred and scaled t.
    case polynomial(degree: Int)
    /// Mann–Kendall test (Mann 1945, Kendall 1975) with Sen's slope.
    case mannKendall
    /// Mann–Kendall with Hamed and Rao's (1998) autocorrelation correction of Var S.
    case hamedRao
    /// Theil–Sen slope (Theil 1950, Sen 1968) with its rank-based confidence interval.
    case theilSen

    /// Whether the model is a least-squares regression (linear, log-linear, polynomial).
    public var isRegression: Bool {
        switch self {
        case .linear, .logLinear, .polynomial: return true
        case .mannKendall, .hamedRao, .theilSen: return false
        }
    }

    /// The name used on the command line: `linear`, `loglinear`, `poly:K`, `mann-kendall`, `hamed-rao`, `theil-sen`.
    public var description: String {
        switch self {
        case .linear: return "linear"
        case .logLinear: return "loglinear"
        case let .polynomial(degree): return "poly:\(degree)"
        case .mannKendall: return "mann-kendall"
        case .hamedRao: return "hamed-rao"
        case .theilSen: return "theil-sen"
        }
    }

    /// Parses the command-line name (see ``description``).
    ///
    /// - Parameter text: `linear`, `loglinear`, `poly:K` (K ≥ 1), `mann-kendall`, `hamed-rao` or `theil-sen`.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for anything else.
    public init(parsing text: String) throws(AnalysisError) {
        switch text {
        case "linear": self = .linear
        case "loglinear", "log-linear": self = .logLinear
        case "mann-kendall": self = .mannKendall
        case "hamed-rao": self = .hamedRao
        case "theil-sen": self = .theilSen
        default:
            if text.hasPrefix("poly:"), let degree = Int(text.dropFirst(5)), degree >= 1 {
                self = .polynomial(degree: degree)
                return
            }
            throw .invalidParameter(name: "trend model", value: text,
                                    constraint: "use linear, loglinear, poly:K (K at least 1), mann-kendall, hamed-rao or theil-sen")
        }
    }
}
