/// A reporter or partner code as the source gives it: ISO 3166-1 alpha-3 or a Comtrade area code.
///
/// Codes are kept exactly as given (letters upper-cased) and never recoded:
/// `CHN`, `PRK`, `KOR`, the World `W00` (Comtrade+) or `WLD`, "Other Asia, nes"
/// `S19`, "Areas, nes" `_X`. A code is 2 or 3 characters of ASCII letters, digits
/// or underscores, so Comtrade's non-ISO codes are accepted alongside ISO codes.
///
/// `Codable` as its string.
public struct CountryCode: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The code, upper-case, as given (`CHN`, `W00`, `S19`).
    public let iso3: String

    /// A checked code.
    ///
    /// - Parameter text: 2 or 3 ASCII letters, digits or underscores; surrounding
    ///   white space is ignored and letters are upper-cased.
    /// - Throws: ``TradeDomainError/invalidCountryCode(_:)`` for anything else.
    public init(_ text: String) throws(TradeDomainError) {
        let code = text.trimmingASCIIWhitespace().uppercased()
        guard (2...3).contains(code.utf8.count),
              code.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 48 && $0 <= 57) || $0 == 95 })
        else { throw .invalidCountryCode(text) }
        iso3 = code
    }

    /// China (`CHN`).
    public static let china = CountryCode(unchecked: "CHN")
    /// The Democratic People's Republic of Korea (`PRK`).
    public static let northKorea = CountryCode(unchecked: "PRK")
    /// The World aggregate of Comtrade+ (`W00`).
    public static let world = CountryCode(unchecked: "W00")

    private init(unchecked code: String) { iso3 = code }

    /// Codes of aggregates or residual areas rather than single countries.
    private static let knownAggregates: Set<String> = ["W00", "WLD", "S19", "_X", "XX", "EUR", "EUN", "EU", "000", "0", "490"]

    /// Whether the code stands for a group of countries or a residual area, not one country.
    ///
    /// True for `W00`, `WLD`, `S19` ("Other Asia, nes"), `_X` ("Areas, nes"), the
    /// EU codes `EUR`/`EUN`/`EU`, M49 `000` (World) and `490` (Other Asia, nes), any
    /// code starting with `_`, and any letter followed by two digits (the Comtrade
    /// form of special areas, which no ISO alpha-3 code has).
    public var isAggregate: Bool {
        if Self.knownAggregates.contains(iso3) || iso3.hasPrefix("_") { return true }
        let bytes = Array(iso3.utf8)
        let isLetter: (UInt8) -> Bool = { $0 >= 65 && $0 <= 90 }
        let isDigit: (UInt8) -> Bool = { $0 >= 48 && $0 <= 57 }
        return bytes.count == 3 && isLetter(bytes[0]) && isDigit(bytes[1]) && isDigit(bytes[2])
    }

    /// The code.
    public var description: String { iso3 }

    /// Alphabetical order of the codes.
    public static func < (lhs: CountryCode, rhs: CountryCode) -> Bool { lhs.iso3 < rhs.iso3 }
}

extension CountryCode: WrittenForm {
    public init(writtenForm text: String) throws(TradeDomainError) {
        try self.init(text)
    }
}
