import Foundation
import TradeDomain

/// Reads the tidy CSV layout of tradescope's `Data/` (and of `tradescope export`):
///
/// ```
/// period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note
/// 2015,CHN,PRK,import,2701,,19600000,t,GAC_BLOOMBERG_IAC_2016-04,...
/// ```
///
/// `period` is `YYYY`, `YYYY-MM`, `YYYYMM` or `YYYY-Qn`; `hs_code` an HS code, a
/// chapter range such as `61-62`, or `TOTAL`; `value_usd` US dollars; `quantity`
/// in `quantity_unit` (a Comtrade abbreviation such as `t`, `kg`, `l`). An empty
/// field is missing. Extra columns are ignored; `note` is optional.
public struct TidyReader: Sendable {
    /// The columns a tidy file must have.
    public static let requiredColumns = [
        "period", "reporter_iso", "partner_iso", "flow", "hs_code", "value_usd", "quantity", "quantity_unit", "source_id",
    ]

    public let path: String
    public let displayName: String

    /// Source ids a row may name; `nil` accepts any non-empty id.
    public let knownSources: Set<String>?

    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayName: How the file is named in messages (defaults to `path`).
    ///   - knownSources: When given, a row naming another source id is rejected.
    public init(path: String, displayName: String? = nil, knownSources: Set<String>? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        self.knownSources = knownSources
    }

    /// Whether a header row is the tidy layout.
    public static func matches(header: [String]) -> Bool {
        requiredColumns.allSatisfy(header.contains)
    }

    /// Calls `body` with each data row's outcome: a record, or the error that
    /// rejects the row (naming file, line and field). `body` returns `false` to stop.
    ///
    /// - Throws: `TradeIOError` for a file that cannot be read as CSV or whose
    ///   header is not the tidy layout.
    public func forEachRow(_ body: (Result<TradeRecord, TradeIOError>) throws -> Bool) throws {
        var columns: [String: Int] = [:]
        var headerCount = 0
        try CSVReader(path: path, displayName: displayName).forEachRecord { line, fields in
            if headerCount == 0 {
                let header = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                for required in Self.requiredColumns where !header.contains(required) {
                    throw TradeIOError.missingColumn(file: displayName, column: required)
                }
                for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
                headerCount = header.count
                return true
            }
            guard fields.count == headerCount else {
                return try body(.failure(.fieldCount(SourceLocation(file: displayName, line: line), expected: headerCount, found: fields.count)))
            }
            let row = FieldAccess(file: displayName, line: line, fields: fields, columns: columns)
            do {
                return try body(.success(try Self.record(from: row, knownSources: knownSources)))
            } catch let error as TradeIOError {
                return try body(.failure(error))
            }
        }
    }

    /// Reads every row; the first bad row is an error.
    ///
    /// - Throws: `TradeIOError` naming the file, line and field of the first bad row.
    public func readAll() throws -> [TradeRecord] {
        var records: [TradeRecord] = []
        try forEachRow { outcome in
            records.append(try outcome.get())
            return true
        }
        return records
    }

    static func record(from row: FieldAccess, knownSources: Set<String>?) throws -> TradeRecord {
        let period = try row.parse("period") { try Period(parsing: $0) }
        let reporter = try row.parse("reporter_iso") { try CountryCode($0) }
        let partner = try row.parse("partner_iso") { try CountryCode($0) }
        let flow = try row.parse("flow") { try TradeFlow(parsing: $0) }
        let commodity = try row.parse("hs_code") { try CommodityCode(parsing: $0) }
        let value = try row.optionalAmount("value_usd")
        let amount = try row.optionalAmount("quantity")
        let unitText = row["quantity_unit"]
        var quantity: Quantity?
        if let amount {
            guard !unitText.isEmpty else {
                throw TradeIOError.invalidValue(row.location("quantity_unit"), value: unitText, reason: "is empty but the row has a quantity")
            }
            let unit = try row.parse("quantity_unit") { try QuantityUnit(parsing: $0) }
            quantity = Quantity(amount: amount, unit: unit)
        }
        let source = row["source_id"]
        guard !source.isEmpty else {
            throw TradeIOError.invalidValue(row.location("source_id"), value: source, reason: "is empty: every figure needs its source")
        }
        if let knownSources, !knownSources.contains(source) {
            throw TradeIOError.invalidValue(row.location("source_id"), value: source, reason: "is not a listed source")
        }
        guard value != nil || quantity != nil else {
            throw TradeIOError.invalidValue(row.location("value_usd"), value: "", reason: "is empty and so is quantity: the row holds no figure")
        }
        let note = row["note"]
        return TradeRecord(
            period: period, reporter: reporter, partner: partner, flow: flow, commodity: commodity,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
            sourceID: source, note: note.isEmpty ? nil : note)
    }
}

/// Named access to the fields of one CSV row, producing located errors.
struct FieldAccess {
    let file: String
    let line: Int
    let fields: [String]
    let columns: [String: Int]

    subscript(name: String) -> String {
        guard let index = columns[name], index < fields.count else { return "" }
        return fields[index].trimmingCharacters(in: .whitespaces)
    }

    func location(_ name: String) -> SourceLocation {
        SourceLocation(file: file, line: line, field: name)
    }

    /// Parses a required field, wrapping the domain error with the location.
    func parse<T>(_ name: String, _ transform: (String) throws -> T) throws -> T {
        let text = self[name]
        guard !text.isEmpty else {
            throw TradeIOError.invalidValue(location(name), value: text, reason: "is empty but required")
        }
        do {
            return try transform(text)
        } catch let error as TradeDomainError {
            throw TradeIOError.invalidValue(location(name), value: text, reason: "is invalid: \(error)")
        }
    }

    /// A non-negative finite number, or nil for an empty field.
    func optionalAmount(_ name: String) throws -> Double? {
        let text = self[name]
        if text.isEmpty { return nil }
        guard let number = Double(text) else {
            throw TradeIOError.invalidValue(location(name), value: text, reason: "is not a number")
        }
        guard number.isFinite else {
            throw TradeIOError.invalidValue(location(name), value: text, reason: "is not a finite number")
        }
        guard number >= 0 else {
            throw TradeIOError.invalidValue(location(name), value: text, reason: "is negative; trade values and quantities are non-negative")
        }
        return number
    }
}
