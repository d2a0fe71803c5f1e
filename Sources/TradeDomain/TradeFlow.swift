import Foundation

/// The direction of a trade flow as seen by the reporter.
///
/// UN Comtrade legacy files code flows 1 Import, 2 Export, 3 Re-export,
/// 4 Re-import; Comtrade+ uses M, X, RX, RM. The raw values are the spellings
/// used in tidy CSV and JSON output.
public enum TradeFlow: String, Codable, Sendable, CaseIterable {
    /// Goods entering the reporter (Comtrade M, 1).
    case `import`
    /// Goods leaving the reporter (Comtrade X, 2).
    case export
    /// Foreign goods leaving the reporter again (Comtrade RX, 3).
    case reExport = "re-export"
    /// Domestic goods returning to the reporter (Comtrade RM, 4).
    case reImport = "re-import"

    /// Parses a flow from any of its usual spellings, ignoring case and surrounding white space.
    ///
    /// Import: `import`, `imports`, `M`, `1`. Export: `export`, `exports`, `X`, `2`.
    /// Re-export: `re-export`, `re-exports`, `reexport`, `re export`, `RX`, `3`.
    /// Re-import: `re-import`, `re-imports`, `reimport`, `re import`, `RM`, `4`.
    ///
    /// - Parameter text: The flow as written.
    /// - Throws: ``TradeDomainError/invalidFlow(_:)`` for any other text.
    public init(parsing text: String) throws(TradeDomainError) {
        var key = text.trimmingASCIIWhitespace().lowercased()
        key = key.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: " ", with: "-")
        switch key {
        case "import", "imports", "m", "1": self = .import
        case "export", "exports", "x", "2": self = .export
        case "re-export", "re-exports", "reexport", "reexports", "rx", "3": self = .reExport
        case "re-import", "re-imports", "reimport", "reimports", "rm", "4": self = .reImport
        default: throw .invalidFlow(text)
        }
    }

    /// The Comtrade+ `flowCode`: `M`, `X`, `RX` or `RM`.
    public var comtradeCode: String {
        switch self {
        case .import: return "M"
        case .export: return "X"
        case .reExport: return "RX"
        case .reImport: return "RM"
        }
    }

    /// The legacy UN Comtrade `Trade Flow Code`: 1, 2, 3 or 4.
    public var legacyCode: Int {
        switch self {
        case .import: return 1
        case .export: return 2
        case .reExport: return 3
        case .reImport: return 4
        }
    }

    /// The flow as the partner would report it (mirror statistics): import ↔ export,
    /// re-import ↔ re-export.
    public var mirrored: TradeFlow {
        switch self {
        case .import: return .export
        case .export: return .import
        case .reExport: return .reImport
        case .reImport: return .reExport
        }
    }
}
