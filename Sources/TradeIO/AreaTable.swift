import Foundation

/// One area of UN Comtrade's area list: a row of `Data/areas.csv`.
///
/// An area is what Comtrade reports for or against: a country, a former country
/// (`280` "Fed. Rep. of Germany (...1990)"), a territory, a residual area
/// (`490` "Other Asia, nes") or an aggregate (`0` "World").
public struct Area: Hashable, Codable, Sendable {
    /// Where a row of the table comes from.
    public enum Source: String, Hashable, Codable, Sendable {
        /// Comtrade+ reference lists (`Reporters.json`, `partnerAreas.json`).
        case comtradePlus = "comtrade_plus"
        /// The legacy Comtrade lists, for a code that Comtrade+ no longer has (`381` Italy).
        case comtradeLegacy = "comtrade_legacy"
    }

    /// The numeric area code used in Comtrade files (M49-based: `156` China, `0` World).
    public let code: Int
    /// The ISO 3166 alpha-3 code (current or withdrawn); nil when Comtrade gives none that is ISO.
    public let iso3: String?
    /// Comtrade's own alpha code as Comtrade gives it (`CHN`, `W00`, `S19`, `X1`); nil when none.
    public let comtradeAlpha: String?
    /// Comtrade's alpha-2 code; nil when none.
    public let iso2: String?
    /// Comtrade's English name, as Comtrade writes it ("Dem. People's Rep. of Korea").
    public let name: String
    /// Comtrade's note: usually the long name, sometimes the coverage ("France, Monaco"); nil when none.
    public let note: String?
    /// Whether Comtrade flags the area as a group of areas (World, European Union, ASEAN),
    /// whose figures repeat those of other areas.
    public let isGroup: Bool
    /// Whether the area is in Comtrade's reporter list.
    public let isReporter: Bool
    /// Whether the area is in Comtrade's partner list.
    public let isPartner: Bool
    /// The first year of the code (1900 in Comtrade+ stands for "from the start").
    public let entryYear: Int?
    /// The last year of the code; nil while it is in use.
    public let exitYear: Int?
    public let source: Source

    public init(code: Int, iso3: String?, comtradeAlpha: String?, iso2: String?, name: String, note: String?,
                isGroup: Bool, isReporter: Bool, isPartner: Bool, entryYear: Int?, exitYear: Int?, source: Source) {
        self.code = code
        self.iso3 = iso3
        self.comtradeAlpha = comtradeAlpha
        self.iso2 = iso2
        self.name = name
        self.note = note
        self.isGroup = isGroup
        self.isReporter = isReporter
        self.isPartner = isPartner
        self.entryYear = entryYear
        self.exitYear = exitYear
        self.source = source
    }

    /// Whether the code is valid in `year` (entry and exit years included).
    public func isValid(in year: Int) -> Bool {
        (entryYear ?? Int.min) <= year && year <= (exitYear ?? Int.max)
    }
}

/// UN Comtrade's area list (reporters and partners), read from `Data/areas.csv`:
/// names and codes for any area, by numeric code or by alpha code.
///
/// Names are Comtrade's as given ("Dem. People's Rep. of Korea", "USA"); a
/// display name is the caller's choice.
///
/// One ISO code can belong to several area codes: a former and a current
/// code (`DEU`: 280 until 1990, 276 from 1991), or two codes of different
/// coverage in use together (`CHE`: 757 "Switzerland, Liechtenstein", the one
/// Switzerland reports under, and 756). ``code(iso3:year:)`` then picks one by a
/// fixed rule and ``codes(iso3:)`` lists them all.
public struct AreaTable: Sendable, Equatable {
    /// The areas, sorted by code.
    public let areas: [Area]
    private let indexByCode: [Int: Int]
    private let codesByISO3: [String: [Int]]
    private let codesByComtradeAlpha: [String: [Int]]

    /// A table of the given areas.
    ///
    /// - Precondition: No two areas share a code (``read(path:displayName:)`` checks this
    ///   with a located error).
    public init(areas: [Area]) {
        let sorted = areas.sorted { $0.code < $1.code }
        self.areas = sorted
        indexByCode = Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($1.code, $0) })
        var byISO3: [String: [Int]] = [:], byAlpha: [String: [Int]] = [:]
        for area in sorted {
            if let iso3 = area.iso3 { byISO3[iso3, default: []].append(area.code) }
            if let alpha = area.comtradeAlpha { byAlpha[alpha, default: []].append(area.code) }
        }
        codesByISO3 = byISO3
        codesByComtradeAlpha = byAlpha
    }

    public static func == (lhs: AreaTable, rhs: AreaTable) -> Bool { lhs.areas == rhs.areas }

    // MARK: By numeric code

    /// The area with a Comtrade code (`408`), or nil when the table has none.
    public func area(code: Int) -> Area? { indexByCode[code].map { areas[$0] } }

    /// Comtrade's English name of an area code (`156` → "China").
    public func name(code: Int) -> String? { area(code: code)?.name }

    /// The ISO 3166 alpha-3 code of an area code (`408` → "PRK"); nil for an unknown code
    /// and for areas without one (`490` "Other Asia, nes", `0` World).
    public func iso3(code: Int) -> String? { area(code: code)?.iso3 }

    /// Whether Comtrade flags an area code as a group; nil for an unknown code.
    public func isGroup(code: Int) -> Bool? { area(code: code)?.isGroup }

    // MARK: By alpha code

    /// Every area code with an ISO alpha-3 code (upper or lower case), sorted.
    public func codes(iso3: String) -> [Int] { codesByISO3[Self.normalized(iso3)] ?? [] }

    /// The area code for an ISO alpha-3 code (`"CHN"` → 156), or nil when none or no single one.
    ///
    /// Among the codes with this ISO code (valid in `year`, when given), the rule
    /// prefers, in order: a code still in use (no exit year), then the later exit
    /// year, then a Comtrade+ row over a legacy one, then a reporter. A tie after
    /// these gives nil. So `DEU` is 276 (280 in 1988), `CHE` 757, `USA` 842,
    /// `FRA` 251, `ITA` 380.
    public func code(iso3: String, year: Int? = nil) -> Int? {
        preferred(codesByISO3[Self.normalized(iso3)] ?? [], year: year)
    }

    /// The area code for one of Comtrade's alpha codes as Comtrade+ files carry
    /// them (`"W00"` → 0, `"S19"` → 490, `"CHN"` → 156), by the rule of ``code(iso3:year:)``.
    public func code(comtradeAlpha: String, year: Int? = nil) -> Int? {
        preferred(codesByComtradeAlpha[Self.normalized(comtradeAlpha)] ?? [], year: year)
    }

    /// Comtrade's English name for an ISO alpha-3 code (`"PRK"` → "Dem. People's Rep. of Korea"),
    /// the name of ``code(iso3:year:)``.
    public func name(iso3: String, year: Int? = nil) -> String? {
        code(iso3: iso3, year: year).flatMap { name(code: $0) }
    }

    private static func normalized(_ alpha: String) -> String {
        alpha.trimmingCharacters(in: .whitespaces).uppercased()
    }

    private func preferred(_ codes: [Int], year: Int?) -> Int? {
        var candidates = codes.compactMap { area(code: $0) }
        if let year { candidates = candidates.filter { $0.isValid(in: year) } }
        // Larger is better: in use, later exit, Comtrade+, reporter.
        func rank(_ a: Area) -> (Int, Int, Int, Int) {
            (a.exitYear == nil ? 1 : 0, a.exitYear ?? Int.max, a.source == .comtradePlus ? 1 : 0, a.isReporter ? 1 : 0)
        }
        let ranked = candidates.sorted { rank($0) > rank($1) }
        guard let best = ranked.first else { return nil }
        if ranked.count > 1, rank(ranked[1]) == rank(best) { return nil }
        return best.code
    }

    // MARK: Reading

    /// The columns of `Data/areas.csv`.
    public static let columns = ["code", "iso3", "comtrade_alpha", "iso2", "name", "note", "is_group",
                                 "reporter", "partner", "entry_year", "exit_year", "source"]

    /// Reads an area file (`Data/areas.csv`, written by `Data/scripts/build_areas.R`).
    ///
    /// - Throws: `TradeIOError` naming the file, line and field of a bad row: a missing
    ///   column, a wrong field count, a code that is not a non-negative integer or that
    ///   repeats, an empty name, a flag other than `true`/`false`, a year that is not an
    ///   integer, an unknown source.
    public static func read(path: String, displayName: String? = nil) throws(TradeIOError) -> AreaTable {
        let file = displayName ?? path
        let records = try CSVReader(path: path, displayName: file).readAll()
        guard let header = records.first else { throw TradeIOError.missingColumn(file: file, column: "code") }
        var position: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() where position[name] == nil { position[name] = index }
        for column in columns where position[column] == nil { throw TradeIOError.missingColumn(file: file, column: column) }
        var areas: [Area] = []
        var lineOfCode: [Int: Int] = [:]
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                throw TradeIOError.fieldCount(SourceLocation(file: file, line: record.line), expected: header.fields.count, found: record.fields.count)
            }
            func field(_ column: String) -> String { record.fields[position[column]!] }
            func location(_ column: String) -> SourceLocation { SourceLocation(file: file, line: record.line, field: column) }
            func optional(_ column: String) -> String? { field(column).isEmpty ? nil : field(column) }
            func flag(_ column: String) throws(TradeIOError) -> Bool {
                switch field(column) {
                case "true": return true
                case "false": return false
                default: throw TradeIOError.invalidValue(location(column), value: field(column), reason: "is not true or false")
                }
            }
            func year(_ column: String) throws(TradeIOError) -> Int? {
                guard let text = optional(column) else { return nil }
                guard let value = Int(text) else {
                    throw TradeIOError.invalidValue(location(column), value: text, reason: "is not a year")
                }
                return value
            }
            guard let code = Int(field("code")), code >= 0 else {
                throw TradeIOError.invalidValue(location("code"), value: field("code"), reason: "is not a non-negative integer")
            }
            if let previous = lineOfCode[code] {
                throw TradeIOError.invalidValue(location("code"), value: field("code"), reason: "repeats the code of line \(previous)")
            }
            lineOfCode[code] = record.line
            guard !field("name").isEmpty else {
                throw TradeIOError.invalidValue(location("name"), value: "", reason: "is empty")
            }
            guard let source = Area.Source(rawValue: field("source")) else {
                throw TradeIOError.invalidValue(location("source"), value: field("source"), reason: "is not comtrade_plus or comtrade_legacy")
            }
            areas.append(Area(
                code: code, iso3: optional("iso3"), comtradeAlpha: optional("comtrade_alpha"), iso2: optional("iso2"),
                name: field("name"), note: optional("note"), isGroup: try flag("is_group"),
                isReporter: try flag("reporter"), isPartner: try flag("partner"),
                entryYear: try year("entry_year"), exitYear: try year("exit_year"), source: source))
        }
        return AreaTable(areas: areas)
    }
}
