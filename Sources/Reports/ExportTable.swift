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
/// | `reporter_iso`, `partner_iso` | area codes as stored (`W00`, `S19`, or a numeric code where the source gave no ISO code) |
/// | `flow` | `import`, `export`, `re-export`, `re-import` |
/// | `hs_code` | the commodity code as written (`270112`, `27`, `61-62`, `XV`, `TOTAL`) |
/// | `hs_level` | `6`, `4`, `2`, `section`, `chapter-range` or `total` |
/// | `measure` | `value_usd`, `quantity`, `net_weight_kg`, `unit_price` |
/// | `value` | the figure, at full double precision |
/// | `unit` | `USD`, the quantity unit's abbreviation, `kg`, or `USD/<unit>` |
/// | `estimated_share` | 1 when the source flags the figure as estimated (`isQtyEstimated` for quantity and unit price, `isNetWgtEstimated` for net weight), 0 when not; empty for values (no source flags them) |
/// | `source` | the source id |
/// | `classification`, `reporter_code`, `partner_code`, `legacy_flag`, `description`, `note` | the other fields kept with the record, so that ingest then export reproduces every kept field |
///
/// A record without a figure for a measure has no row for it (missing is never 0);
/// a zero quantity against a positive value is exported as reported (0) and has
/// no unit-price row.
public struct ExportTable: Sendable {
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

        /// - Parameters:
        ///   - record: The record.
        ///   - reporterNumericCode: The reporter's numeric code; `nil` by default.
        ///   - partnerNumericCode: The partner's numeric code; `nil` by default.
        ///   - legacyEstimationFlag: The raw legacy estimation flag; `nil` by default.
        public init(record: TradeRecord, reporterNumericCode: Int? = nil, partnerNumericCode: Int? = nil, legacyEstimationFlag: Int? = nil) {
            self.record = record
            self.reporterNumericCode = reporterNumericCode
            self.partnerNumericCode = partnerNumericCode
            self.legacyEstimationFlag = legacyEstimationFlag
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

    /// The records, ordered by reporter, partner, flow, period, code, classification and source.
    public let entries: [Entry]

    /// The long columns, in order.
    public static let columns = [
        "period", "reporter_iso", "partner_iso", "flow", "hs_code", "hs_level", "measure", "value", "unit", "estimated_share", "source",
        "classification", "reporter_code", "partner_code", "legacy_flag", "description", "note",
    ]

    /// The key columns of the wide table; the periods follow.
    public static let wideKeyColumns = [
        "reporter_iso", "partner_iso", "flow", "hs_code", "hs_level", "classification", "measure", "unit", "source",
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

    static func sortKey(_ record: TradeRecord) -> [String] {
        func padded(_ number: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, 6 - text.count)) + text
        }
        return [record.reporter.iso3, record.partner.iso3, record.flow.rawValue, padded(record.period.year),
         padded(record.period.months.lowerBound), padded(record.period.frequency.periodsPerYear),
         record.commodity.description, record.classification ?? "", record.sourceID]
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
            record.period.description, record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.commodity.description,
            level(record.commodity), row.measure.rawValue, CSVText.number(row.value), row.unit, row.estimatedShare.map(CSVText.number) ?? "",
            record.sourceID, record.classification ?? "", row.entry.reporterNumericCode.map(String.init) ?? "",
            row.entry.partnerNumericCode.map(String.init) ?? "", row.entry.legacyEstimationFlag.map(String.init) ?? "",
            record.commodityDescription ?? "", record.note ?? "",
        ]
    }

    /// The long table as RFC 4180 CSV with a header row (LF line ends; empty = missing).
    ///
    /// - Parameter guardingFormulas: Prefix text cells that a spreadsheet would evaluate with `'`
    ///   (``CSVText/field(_:guardingFormulas:)``; default on).
    public func csv(guardingFormulas: Bool = true) -> String {
        var output = Self.columns.joined(separator: ",") + "\n"
        for entry in entries {
            for row in Self.rows(entry) {
                output += Self.fields(row).map { CSVText.field($0, guardingFormulas: guardingFormulas) }.joined(separator: ",") + "\n"
            }
        }
        return output
    }

    /// One row as a JSON object with the long columns as keys (codes as integers, missing as `null`).
    static func object(_ row: Row) -> JSONValue {
        let record = row.entry.record
        return .object([
            ("period", .string(record.period.description)),
            ("reporter_iso", .string(record.reporter.iso3)),
            ("partner_iso", .string(record.partner.iso3)),
            ("flow", .string(record.flow.rawValue)),
            ("hs_code", .string(record.commodity.description)),
            ("hs_level", .string(level(record.commodity))),
            ("measure", .string(row.measure.rawValue)),
            ("value", .number(row.value)),
            ("unit", .string(row.unit)),
            ("estimated_share", .number(row.estimatedShare)),
            ("source", .string(record.sourceID)),
            ("classification", .string(record.classification)),
            ("reporter_code", row.entry.reporterNumericCode.map(JSONValue.integer) ?? .null),
            ("partner_code", row.entry.partnerNumericCode.map(JSONValue.integer) ?? .null),
            ("legacy_flag", row.entry.legacyEstimationFlag.map(JSONValue.integer) ?? .null),
            ("description", .string(record.commodityDescription)),
            ("note", .string(record.note)),
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
        var output = ""
        for entry in entries {
            for row in Self.rows(entry) {
                output += Self.object(row).rendered(indent: 0) + "\n"
            }
        }
        return output
    }

    /// The table pivoted: one row per series (the ``wideKeyColumns``) and one column per
    /// period, oldest first. A cell is empty where the series has no figure. Should two
    /// records of one series share a period (only possible outside a store), the second
    /// starts a further row with the same key, so no figure is lost.
    ///
    /// - Parameter guardingFormulas: As for ``csv(guardingFormulas:)``.
    public func wideCSV(guardingFormulas: Bool = true) -> String {
        let periods = Set(entries.map(\.record.period)).sorted()
        var keys: [[String]] = []
        var cells: [[Period: String]] = []
        var rowsByKey: [[String]: [Int]] = [:]
        for row in rows {
            let record = row.entry.record
            let key = [record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.commodity.description, Self.level(record.commodity),
                       record.classification ?? "", row.measure.rawValue, row.unit, record.sourceID]
            let figure = CSVText.number(row.value)
            if let index = rowsByKey[key]?.first(where: { cells[$0][record.period] == nil }) {
                cells[index][record.period] = figure
            } else {
                rowsByKey[key, default: []].append(keys.count)
                keys.append(key)
                cells.append([record.period: figure])
            }
        }
        var output = (Self.wideKeyColumns + periods.map(\.description)).map(CSVText.field).joined(separator: ",") + "\n"
        let order = keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) || (keys[$0] == keys[$1] && $0 < $1) }
        for index in order {
            let fields = keys[index] + periods.map { cells[index][$0] ?? "" }
            output += fields.map { CSVText.field($0, guardingFormulas: guardingFormulas) }.joined(separator: ",") + "\n"
        }
        return output
    }
}
