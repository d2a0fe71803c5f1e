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
    ///   header is not the tidy layout; what `body` throws, unchanged.
    public func forEachRow(_ body: (Result<TradeRecord, TradeIOError>) throws -> Bool) throws {
        var caller = CallerFailure()
        try readRows { outcome in caller.stopOnError { try body(outcome) } }
        try caller.rethrow()
    }

    /// As ``forEachRow(_:)``, for a `body` that throws only `TradeIOError`.
    func readRows(_ body: (Result<TradeRecord, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        var columns: Columns?
        var headerCount = 0
        let cache = FieldCache()
        try CSVReader(path: path, displayName: displayName).forEachRawRecord(checkingUTF8: true) { (record) throws(TradeIOError) -> Bool in
            let line = record.line
            if headerCount == 0 {
                let header = try record.strings().map { $0.trimmingCharacters(in: .whitespaces) }
                for required in Self.requiredColumns where !header.contains(required) {
                    throw TradeIOError.missingColumn(file: displayName, column: required)
                }
                columns = Columns(try HeaderColumns.checked(header, file: displayName))
                headerCount = header.count
                return true
            }
            guard record.count == headerCount else {
                return try body(.failure(.fieldCount(SourceLocation(file: displayName, line: line), expected: headerCount, found: record.count)))
            }
            guard let columns else { return false }
            let row = FieldAccess(record: record, cache: cache)
            return try body(Result { () throws(TradeIOError) in try Self.record(from: row, columns: columns, knownSources: knownSources) })
        }
    }

    /// Reads every row; the first bad row is an error.
    ///
    /// - Throws: `TradeIOError` naming the file, line and field of the first bad row.
    public func readAll() throws(TradeIOError) -> [TradeRecord] {
        var records: [TradeRecord] = []
        try readRows { (outcome) throws(TradeIOError) -> Bool in
            records.append(try outcome.get())
            return true
        }
        return records
    }

    /// The positions of the columns this reader uses, resolved once per file from the header
    /// (a class, so that handing it to each row copies one reference, not every column name).
    final class Columns {
        let period: Column
        let reporterIso: Column
        let partnerIso: Column
        let flow: Column
        let hsCode: Column
        let valueUsd: Column
        let quantity: Column
        let quantityUnit: Column
        let sourceId: Column
        let note: Column

        init(_ header: HeaderColumns) {
            period = header.column("period")
            reporterIso = header.column("reporter_iso")
            partnerIso = header.column("partner_iso")
            flow = header.column("flow")
            hsCode = header.column("hs_code")
            valueUsd = header.column("value_usd")
            quantity = header.column("quantity")
            quantityUnit = header.column("quantity_unit")
            sourceId = header.column("source_id")
            note = header.column("note")
        }
    }

    static func record(from row: FieldAccess, columns c: Columns, knownSources: Set<String>?) throws(TradeIOError) -> TradeRecord {
        let period = try row.parse(c.period) { (text) throws(TradeDomainError) in try Period(parsing: text) }
        let reporter = try row.parse(c.reporterIso) { (text) throws(TradeDomainError) in try CountryCode(text) }
        let partner = try row.parse(c.partnerIso) { (text) throws(TradeDomainError) in try CountryCode(text) }
        let flow = try row.parse(c.flow) { (text) throws(TradeDomainError) in try TradeFlow(parsing: text) }
        let commodity = try row.parse(c.hsCode) { (text) throws(TradeDomainError) in try CommodityCode(parsing: text) }
        let value = try row.optionalAmount(c.valueUsd)
        let amount = try row.optionalAmount(c.quantity)
        let unitText = row[c.quantityUnit]
        var quantity: Quantity?
        if let amount {
            guard !unitText.isEmpty else {
                throw TradeIOError.invalidValue(row.location(c.quantityUnit), value: unitText, reason: "is empty but the row has a quantity")
            }
            let unit = try row.parse(c.quantityUnit) { (text) throws(TradeDomainError) in try QuantityUnit(parsing: text) }
            quantity = Quantity(amount: amount, unit: unit)
        }
        let source = row[c.sourceId]
        guard !source.isEmpty else {
            throw TradeIOError.invalidValue(row.location(c.sourceId), value: source, reason: "is empty: every figure needs its source")
        }
        if let knownSources, !knownSources.contains(source) {
            throw TradeIOError.invalidValue(row.location(c.sourceId), value: source, reason: "is not a listed source")
        }
        guard value != nil || quantity != nil else {
            throw TradeIOError.invalidValue(row.location(c.valueUsd), value: "", reason: "is empty and so is quantity: the row holds no figure")
        }
        let note = row[c.note]
        return TradeRecord(
            period: period, reporter: reporter, partner: partner, flow: flow, commodity: commodity,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
            sourceID: source, note: note.isEmpty ? nil : note)
    }
}
