import TradeDomain

/// Trade records as a tidy long table (`tradescope export`): one row per record and
/// measure, in CSV, JSON, NDJSON, or pivoted with periods as columns. Renders only:
/// every figure is a record's figure as stored, the unit price is the record's own
/// ``TradeRecord/unitPrice`` (value ÷ quantity of that one record).
///
/// Columns, in order:
///
/// | column | meaning |
/// | --- | --- |
/// | `period` | `YYYY` or `YYYY-MM` |
/// | `reporter_iso`, `partner_iso` | ISO 3166 alpha-3 code of the area, empty when it has none (World, `490` "Other Asia, nes") |
/// | `flow` | `import`, `export`, `re-export`, `re-import` |
/// | `hs_code` | the commodity code as written (`270112`, `27`, `61-62`, `XV`, `TOTAL`) |
/// | `hs_level` | `6`, `4`, `2`, `section`, `chapter-range` or `total` |
/// | `measure` | `value_usd`, `quantity`, `net_weight_kg`, `unit_price` |
/// | `value` | the figure, at full double precision |
/// | `unit` | `USD`, the quantity unit's abbreviation, `kg`, or `USD/<unit>` |
/// | `estimated_share` | 1 when the source flags the figure as estimated (`isQtyEstimated` for quantity and unit price, `isNetWgtEstimated` for net weight), 0 when not; empty for values (no source flags them) |
/// | `source` | the source id |
/// | `classification` | the HS version (`H4`, `H5`), or the source's classification |
/// | `reporter_code`, `partner_code` | the numeric UN M49 / Comtrade area code (`156`, `490`, `0`): the record's own, else the area list's |
/// | `reporter_name`, `partner_name` | Comtrade's name of the area (`Data/areas.csv`), empty when the list lacks it |
/// | `legacy_flag`, `description`, `note` | the other fields kept with the record, so that ingest then export reproduces every kept field |
///
/// Rows come series by series (reporter, partner, flow, code, source, classification), each series by
/// period: the order of a store query, so that a store's records stream out without being held.
///
/// A record without a figure for a measure has no row for it (missing is never 0);
/// a zero quantity against a positive value is exported as reported (0) and has
/// no unit-price row.
public struct ExportTable: Sendable {
    /// The area columns of one side of a record: ISO3 (empty when the area has none), numeric code and name.
    public struct AreaColumns: Sendable, Hashable {
        /// The ISO 3166 alpha-3 code; `nil` for an area without one.
        public let iso3: String?
        /// The numeric area code.
        public let code: Int?
        /// Comtrade's name of the area.
        public let name: String?

        /// - Parameters:
        ///   - iso3: The ISO 3166 alpha-3 code, `nil` when the area has none.
        ///   - code: The numeric area code.
        ///   - name: The area's name.
        public init(iso3: String?, code: Int?, name: String?) {
            self.iso3 = iso3
            self.code = code
            self.name = name
        }
    }

    /// One record with the fields a store keeps beside it.
    public struct Entry: Sendable, Hashable {
        /// The record.
        public let record: TradeRecord
        /// The reporter's numeric code (`reporterCode`), when known.
        public let reporterNumericCode: Int?
        /// The partner's numeric code (`partnerCode`), when known.
        public let partnerNumericCode: Int?
        /// The raw legacy estimation flag, when known.
        public let legacyEstimationFlag: Int?
        /// The reporter's ISO3, code and name as exported.
        public let reporterArea: AreaColumns
        /// The partner's ISO3, code and name as exported.
        public let partnerArea: AreaColumns

        /// - Parameters:
        ///   - record: The record.
        ///   - reporterNumericCode: The reporter's numeric code; `nil` by default.
        ///   - partnerNumericCode: The partner's numeric code; `nil` by default.
        ///   - legacyEstimationFlag: The raw legacy estimation flag; `nil` by default.
        ///   - reporterArea: The reporter's columns, resolved in the area list by the caller; `nil` (default):
        ///     the stored code as ISO3 when it is three letters, the numeric code, no name.
        ///   - partnerArea: The partner's columns, likewise.
        public init(record: TradeRecord, reporterNumericCode: Int? = nil, partnerNumericCode: Int? = nil, legacyEstimationFlag: Int? = nil,
                    reporterArea: AreaColumns? = nil, partnerArea: AreaColumns? = nil) {
            self.record = record
            self.reporterNumericCode = reporterNumericCode
            self.partnerNumericCode = partnerNumericCode
            self.legacyEstimationFlag = legacyEstimationFlag
            func unresolved(_ code: CountryCode, _ number: Int?) -> AreaColumns {
                let text = code.iso3
                let letters = text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
                return AreaColumns(iso3: letters ? text : nil, code: number ?? Int(text), name: nil)
            }
            self.reporterArea = reporterArea ?? unresolved(record.reporter, reporterNumericCode)
            self.partnerArea = partnerArea ?? unresolved(record.partner, partnerNumericCode)
        }
    }

    /// The measures of the long table, in output order.
    public enum Measure: String, Sendable, CaseIterable {
        /// The trade value in US dollars.
        case valueUSD = "value_usd"
        /// The quantity in the unit the source reported.
        case quantity
        /// The net weight in kilograms.
        case netWeightKilograms = "net_weight_kg"
        /// The record's value ÷ its quantity, in USD per quantity unit.
        case unitPrice = "unit_price"
    }

    /// One row of the long table.
    public struct Row: Sendable, Hashable {
        /// The record the row comes from.
        public let entry: Entry
        /// Which figure of the record.
        public let measure: Measure
        /// The figure.
        public let value: Double
        /// `USD`, the quantity unit's abbreviation, `kg`, or `USD/<unit>`.
        public let unit: String
        /// 1 when the source flags the figure as estimated, 0 when not, `nil` for values.
        public let estimatedShare: Double?
    }

    /// The records, ordered by series (reporter, partner, flow, code, source, classification), then period.
    public let entries: [Entry]

    /// The long columns, in order (the same names as the store's `trade_records` view where it has the field).
    public static let columns = [
        "period", "reporter_iso", "partner_iso", "flow", "hs_code", "hs_level", "measure", "value", "unit", "estimated_share", "source",
        "classification", "reporter_code", "partner_code", "reporter_name", "partner_name", "legacy_flag", "description", "note",
        "reporter_key", "partner_key",
    ]

    /// The key columns of the wide table; the periods follow. One row per series key (reporter, partner,
    /// flow, code, source) and measure; the HS versions its figures come from are listed in `classifications`.
    public static let wideKeyColumns = [
        "reporter_iso", "reporter_code", "reporter_name", "partner_iso", "partner_code", "partner_name", "flow", "hs_code", "hs_level",
        "source", "classifications", "measure", "unit",
    ]

    /// A table of records.
    ///
    /// - Parameter entries: The records with their stored extras, in any order.
    /// - Complexity: O(n log n) for the ordering.
    public init(entries: [Entry]) {
        self.entries = entries.map { (Self.sortKey($0.record), $0) }
            .sorted { $0.0.lexicographicallyPrecedes($1.0) }
            .map(\.1)
    }

    /// The order of a store query by series key across classifications (``TradeIO`` `RecordOrder.seriesKey`):
    /// reporter, partner, flow, code, source and classification as text, then the period.
    static func sortKey(_ record: TradeRecord) -> [String] {
        func padded(_ number: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, 6 - text.count)) + text
        }
        return [record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.commodity.description, record.sourceID,
                record.classification ?? "", padded(record.period.year), padded(record.period.frequency.periodsPerYear),
                padded(record.period.months.lowerBound)]
    }

    /// The HS level column of a commodity code.
    public static func level(_ code: CommodityCode) -> String {
        switch code {
        case .total: return "total"
        case let .hs(hs): return String(hs.level.rawValue)
        case .chapterRange: return "chapter-range"
        case .section: return "section"
        }
    }

    /// The rows of one record: its value, quantity, net weight and unit price, each when present.
    public static func rows(_ entry: Entry) -> [Row] {
        let record = entry.record
        var rows: [Row] = []
        if let value = record.value {
            rows.append(Row(entry: entry, measure: .valueUSD, value: value.amount, unit: value.currency.rawValue, estimatedShare: nil))
        }
        if let quantity = record.quantity {
            rows.append(Row(entry: entry, measure: .quantity, value: quantity.amount, unit: quantity.unit.abbreviation,
                            estimatedShare: record.isQuantityEstimated ? 1 : 0))
        }
        if let weight = record.netWeightKilograms {
            rows.append(Row(entry: entry, measure: .netWeightKilograms, value: weight, unit: "kg", estimatedShare: record.isNetWeightEstimated ? 1 : 0))
        }
        if let price = record.unitPrice {
            rows.append(Row(entry: entry, measure: .unitPrice, value: price.amount, unit: price.unitLabel,
                            estimatedShare: record.isQuantityEstimated ? 1 : 0))
        }
        return rows
    }

    /// Every row, record by record.
    public var rows: [Row] { entries.flatMap(Self.rows) }

    static func fields(_ row: Row) -> [String] {
        let record = row.entry.record
        return [
            record.period.description, row.entry.reporterArea.iso3 ?? "", row.entry.partnerArea.iso3 ?? "", record.flow.rawValue,
            record.commodity.description, level(record.commodity), row.measure.rawValue, CSVText.number(row.value), row.unit,
            row.estimatedShare.map(CSVText.number) ?? "", record.sourceID, record.classification ?? "",
            row.entry.reporterArea.code.map(String.init) ?? "", row.entry.partnerArea.code.map(String.init) ?? "",
            row.entry.reporterArea.name ?? "", row.entry.partnerArea.name ?? "", row.entry.legacyEstimationFlag.map(String.init) ?? "",
            record.commodityDescription ?? "", record.note ?? "", record.reporter.iso3, record.partner.iso3,
        ]
    }

    /// The long table as RFC 4180 CSV with a header row (LF line ends; empty = missing).
    ///
    /// - Parameter guardingFormulas: Prefix text cells that a spreadsheet would evaluate with `'`
    ///   (``CSVText/field(_:guardingFormulas:)``; default on).
    public func csv(guardingFormulas: Bool = true) -> String {
        var output = Self.csvHeader
        for entry in entries { output += Self.csvLines(entry, guardingFormulas: guardingFormulas) }
        return output
    }

    /// The header line of the long CSV.
    public static var csvHeader: String { columns.joined(separator: ",") + "\n" }

    /// The long CSV lines of one record (one per measure it has), for writing record by record.
    public static func csvLines(_ entry: Entry, guardingFormulas: Bool = true) -> String {
        var output = ""
        for row in rows(entry) {
            output += fields(row).map { CSVText.field($0, guardingFormulas: guardingFormulas) }.joined(separator: ",") + "\n"
        }
        return output
    }

    /// The NDJSON lines of one record (one object per measure it has).
    public static func ndjsonLines(_ entry: Entry) -> String {
        rows(entry).map { object($0).rendered(indent: 0) + "\n" }.joined()
    }

    /// The rows of one record as JSON objects rendered on one line each, for a streamed `rows` array.
    public static func jsonRows(_ entry: Entry) -> [String] {
        rows(entry).map { object($0).rendered(indent: 0) }
    }

    /// One row as a JSON object with the long columns as keys (codes as integers, missing as `null`).
    static func object(_ row: Row) -> JSONValue {
        let record = row.entry.record
        return .object([
            ("period", .string(record.period.description)),
            ("reporter_iso", .string(row.entry.reporterArea.iso3)),
            ("partner_iso", .string(row.entry.partnerArea.iso3)),
            ("flow", .string(record.flow.rawValue)),
            ("hs_code", .string(record.commodity.description)),
            ("hs_level", .string(level(record.commodity))),
            ("measure", .string(row.measure.rawValue)),
            ("value", .number(row.value)),
            ("unit", .string(row.unit)),
            ("estimated_share", .number(row.estimatedShare)),
            ("source", .string(record.sourceID)),
            ("classification", .string(record.classification)),
            ("reporter_code", row.entry.reporterArea.code.map(JSONValue.integer) ?? .null),
            ("partner_code", row.entry.partnerArea.code.map(JSONValue.integer) ?? .null),
            ("reporter_name", .string(row.entry.reporterArea.name)),
            ("partner_name", .string(row.entry.partnerArea.name)),
            ("legacy_flag", row.entry.legacyEstimationFlag.map(JSONValue.integer) ?? .null),
            ("description", .string(record.commodityDescription)),
            ("note", .string(record.note)),
            ("reporter_key", .string(record.reporter.iso3)),
            ("partner_key", .string(record.partner.iso3)),
        ])
    }

    /// One JSON object: the selection as resolved and the rows.
    ///
    /// - Parameter selection: The selection object to state (flags as resolved, source).
    /// - Returns: `{"selection": ..., "rows": [...]}`.
    public func json(selection: JSONValue) -> JSONValue {
        .object([("selection", selection), ("rows", .array(rows.map(Self.object)))])
    }

    /// Newline-delimited JSON: one row object per line, no enclosing object.
    public func ndjson() -> String {
        entries.map(Self.ndjsonLines).joined()
    }

    /// The table pivoted (``WideExport``): one row per series key and measure, one column per period of
    /// `periods` (default: every period of the entries, which must then be of one frequency).
    ///
    /// - Parameters:
    ///   - periods: The period columns; `nil` for the entries' own.
    ///   - guardingFormulas: As for ``csv(guardingFormulas:)``.
    public func wideCSV(periods: [Period]? = nil, guardingFormulas: Bool = true) -> String {
        var wide = WideExport(periods: periods ?? Set(entries.map(\.record.period)).sorted(), guardingFormulas: guardingFormulas)
        var output = wide.header
        for entry in entries { output += wide.add(entry) }
        return output + wide.finish()
    }
}

/// The wide layout of ``ExportTable``, written series by series: one row per series key (reporter,
/// partner, flow, code, source) and measure, one column per period. Figures of the same key under
/// several HS versions (H4, then H5) share the row, and `classifications` lists the versions its
/// figures come from ("H4 H5"). Should two figures of one key fall in the same period (two versions
/// reporting one year), the later starts a further row with the same key, so no figure is lost.
///
/// Entries must come in ``ExportTable`` order (a key's records together); only the current key's
/// figures are held, so memory does not grow with the table. Periods outside the columns (another
/// frequency) are not written: the caller picks one frequency.
public struct WideExport: Sendable {
    /// The period columns, oldest first.
    public let periods: [Period]
    let guardingFormulas: Bool
    let column: [Period: Int]
    var key: [String]?
    /// Rows of the current key: the figures by column, and the classifications of each row.
    var rows: [(measure: String, unit: String, cells: [String?], classifications: [String], prefix: [String])] = []
    /// Figures outside the period columns, skipped.
    public private(set) var skipped = 0

    /// - Parameters:
    ///   - periods: The period columns.
    ///   - guardingFormulas: As for ``ExportTable/csv(guardingFormulas:)``.
    public init(periods: [Period], guardingFormulas: Bool = true) {
        self.periods = periods
        self.guardingFormulas = guardingFormulas
        var column: [Period: Int] = [:]
        for (index, period) in periods.enumerated() { column[period] = index }
        self.column = column
    }

    /// The header line.
    public var header: String {
        (ExportTable.wideKeyColumns + periods.map(\.description)).map { CSVText.field($0) }.joined(separator: ",") + "\n"
    }

    /// Adds one record; returns the lines of the previous key when this record starts a new one.
    public mutating func add(_ entry: ExportTable.Entry) -> String {
        let record = entry.record
        let key = [record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.commodity.description, record.sourceID]
        var output = ""
        if key != self.key {
            output = finish()
            self.key = key
        }
        guard let index = column[record.period] else {
            skipped += 1
            return output
        }
        let prefix = [entry.reporterArea.iso3 ?? "", entry.reporterArea.code.map(String.init) ?? "", entry.reporterArea.name ?? "",
                      entry.partnerArea.iso3 ?? "", entry.partnerArea.code.map(String.init) ?? "", entry.partnerArea.name ?? "",
                      record.flow.rawValue, record.commodity.description, ExportTable.level(record.commodity), record.sourceID]
        let classification = record.classification ?? ""
        for row in ExportTable.rows(entry) {
            let figure = CSVText.number(row.value)
            if let at = rows.firstIndex(where: { $0.measure == row.measure.rawValue && $0.unit == row.unit && $0.cells[index] == nil }) {
                rows[at].cells[index] = figure
                if !rows[at].classifications.contains(classification) { rows[at].classifications.append(classification) }
            } else {
                var cells = [String?](repeating: nil, count: periods.count)
                cells[index] = figure
                rows.append((row.measure.rawValue, row.unit, cells, [classification], prefix))
            }
        }
        return output
    }

    /// The lines of the last key; call once after the last record.
    public mutating func finish() -> String {
        let order = ExportTable.Measure.allCases.map(\.rawValue)
        let sorted = rows.enumerated().sorted { a, b in
            let (ma, mb) = (order.firstIndex(of: a.element.measure) ?? 0, order.firstIndex(of: b.element.measure) ?? 0)
            return ma != mb ? ma < mb : a.element.unit != b.element.unit ? a.element.unit < b.element.unit : a.offset < b.offset
        }.map(\.element)
        var output = ""
        for row in sorted {
            let fields = row.prefix + [row.classifications.filter { !$0.isEmpty }.joined(separator: " "), row.measure, row.unit]
                + row.cells.map { $0 ?? "" }
            output += fields.map { CSVText.field($0, guardingFormulas: guardingFormulas) }.joined(separator: ",") + "\n"
        }
        rows.removeAll(keepingCapacity: true)
        return output
    }
}
