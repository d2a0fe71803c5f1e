import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeIO
import TradeScopeKit

/// `tradescope export`: tidy long CSV, JSON or NDJSON of the records of a selection.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the records of a selection as tidy long CSV, JSON or NDJSON, one row per record and measure.",
        discussion: """
            Columns: period, reporter_iso, partner_iso, flow, hs_code, hs_level, measure, value, unit, \
            estimated_share, source, then classification, reporter_code, partner_code, reporter_name, \
            partner_name, legacy_flag, description and note (the other fields kept with a record), then \
            reporter_key and partner_key (the store's series keys, which 'tradescope ... --input FILE' reads \
            back, so an export read again gives the store's series). Measures: value_usd, quantity (in the reported unit), \
            net_weight_kg and unit_price (the record's value ÷ its quantity, USD per unit). A figure that is not \
            reported has no row; estimated_share is 1 for a quantity or net weight the source flags as estimated. \
            Records are exported as stored, not rolled up; without selection flags everything in the store (or \
            the bundled data) is written. A flag narrows the records: --reporter, --partner, --flow, --hs (a \
            code takes in its subheadings; a section XV its chapters), --from, --to, --freq, --classification, \
            --source (on a store each becomes part of the SQL query). \
            reporter_iso/partner_iso hold ISO 3166 alpha-3 codes only (empty for areas without one, such as 490 \
            "Other Asia, nes" or World); reporter_code/partner_code the numeric area code; reporter_name/partner_name \
            Comtrade's area names (Data/areas.csv). Rows come series by series, each by period; the export \
            streams from the store in constant memory. --wide (CSV) writes one row per series key (reporter, \
            partner, flow, code, source) and measure with one column per period, the HS versions of its figures \
            in a classifications column; it holds one frequency: --freq, else the data's (annual when the \
            selection has both, said on standard error).

            Example:
              tradescope export --db trade.sqlite > trade_long.csv
              tradescope export --db trade.sqlite --hs XV --from 2015 --format ndjson
              tradescope export --hs 2701 --wide
              tradescope export --db trade.sqlite --reporter CHN --format json --out chn.json
            """)

    @Option(help: "Read records from this store (made by 'tradescope ingest'); default: the bundled data set.")
    var db: String?

    @Option(help: "Reporting country, ISO 3166 alpha-3 (default: any).")
    var reporter: String?

    @Option(help: "Partner country, ISO 3166 alpha-3 (default: any).")
    var partner: String?

    @Option(help: "Flow as the reporter records it: import, export, re-export or re-import (default: any).")
    var flow: FlowChoice?

    @Option(help: "HS code: 2, 4 or 6 digits, a section such as XV, a chapter range such as 61-62, or TOTAL; repeatable or comma-separated (default: all).")
    var hs: [String] = []

    @Option(help: "First period included: YYYY or YYYY-MM (default: the first with data).")
    var from: String?

    @Option(help: "Last period included: YYYY or YYYY-MM (default: the last with data).")
    var to: String?

    @Option(help: "Frequency: annual or monthly (default: both; with --wide, the data's own, annual when it has both).")
    var freq: FrequencyChoice?

    @Option(help: "Classification as recorded (H4, H5, ...; default: any).")
    var classification: String?

    @Option(help: "Source id (default: any).")
    var source: String?

    @Option(help: "Output format: csv (default), json (one object with the selection and rows) or ndjson (one row object per line).")
    var format: ExportFormat = .csv

    @Flag(help: "Pivot periods to columns: one row per series key (reporter, partner, flow, code, source) and measure, HS versions in 'classifications' (CSV; one frequency).")
    var wide = false

    @Flag(inversion: .prefixedNo, help: "Prefix CSV text cells beginning with =, +, -, @, tab or CR with ' so spreadsheets do not run them as formulas (OWASP CSV injection; numbers are unchanged).")
    var csvFormulaGuard = true

    @Option(help: "Write to this file instead of standard output; an existing file is kept unless --force is given.")
    var out: String?

    @Flag(help: "Overwrite the file named by --out.")
    var force = false

    func validate() throws {
        if wide && format != .csv { throw ValidationError("--wide writes CSV; drop --format \(format.rawValue) or --wide") }
        for text in [from, to].compactMap({ $0 }) {
            do { _ = try Period(parsing: text) } catch { throw ValidationError("--from/--to: \(error)") }
        }
        for code in codes {
            do { _ = try CommodityCode(parsing: code) } catch { throw ValidationError("--hs: \(error)") }
        }
        for country in [reporter, partner].compactMap({ $0 }) {
            do { _ = try CountryCode(country) } catch { throw ValidationError("--reporter/--partner: \(error)") }
        }
    }

    var codes: [String] {
        hs.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty }
    }

    func run() throws {
        let context = RunContext()
        let filter = try filter()
        let workspace = try Workspace(db: db, context: context, dataDirectory: Console.dataDirectory)
        let output = try StreamedOutput(path: out, force: force)
        let areas = AreaColumnCache(names: workspace.areas)
        switch format {
        case .csv where wide:
            let frequency = try wideFrequency(filter: filter, workspace: workspace)
            let narrowed = RecordFilter(reporters: filter.reporters, partners: filter.partners, flows: filter.flows, commodities: filter.commodities,
                                        frequencies: [frequency], from: filter.from, through: filter.through)
            var table = WideExport(periods: try periods(matching: narrowed, workspace: workspace), guardingFormulas: csvFormulaGuard)
            try output.write(table.header)
            try forEachEntry(narrowed, workspace: workspace, areas: areas) { try output.write(table.add($0)) }
            try output.write(table.finish())
        case .csv:
            var renderer = ExportRowRenderer(guardingFormulas: csvFormulaGuard)
            try output.write(ExportTable.csvHeader)
            try forEachEntry(filter, workspace: workspace, areas: areas) { entry in try output.write { renderer.appendCSVLines(entry, to: &$0) } }
        case .ndjson:
            var renderer = ExportRowRenderer()
            try forEachEntry(filter, workspace: workspace, areas: areas) { entry in try output.write { renderer.appendNDJSONLines(entry, to: &$0) } }
        case .json:
            // {"selection": ..., "rows": [ one object per line ], "manifest": ...}, written as the rows come.
            try output.write("{\n  \"selection\": " + selectionJSON().rendered(indent: 0) + ",\n  \"rows\": [")
            var renderer = ExportRowRenderer()
            var first = true
            try forEachEntry(filter, workspace: workspace, areas: areas) { entry in
                try output.write { renderer.appendJSONRows(entry, first: &first, to: &$0) }
            }
            try output.write((first ? "]" : "\n  ]") + ",\n  \"manifest\": " + context.manifest().json().rendered(indent: 0) + "\n}\n")
        }
        try output.finish()
    }

    /// Hands every record of the selection to `body`, one at a time, in ``ExportTable`` order: from the
    /// store through one streamed query (`RecordOrder.seriesKey`), or from the bundled data, sorted.
    func forEachEntry(_ filter: RecordFilter, workspace: Workspace, areas: AreaColumnCache, _ body: (ExportTable.Entry) throws -> Void) throws {
        guard let store = workspace.store else {
            for entry in ExportTable(entries: try workspace.source.records(matching: filter).map { areas.entry($0) }).entries { try body(entry) }
            return
        }
        try store.forEachRow(matching: filter, order: .seriesKey) { row in
            try body(areas.entry(row.record, reporter: row.reporterNumericCode, partner: row.partnerNumericCode, legacyFlag: row.legacyEstimationFlag))
        }
    }

    /// The frequency of a wide table: `--freq`, else the data's own when it has one; with both annual
    /// and monthly records, annual, said on standard error (a wide table never mixes them).
    func wideFrequency(filter: RecordFilter, workspace: Workspace) throws -> Frequency {
        if let freq { return freq.frequency }
        let present: Set<Frequency>
        if let store = workspace.store {
            present = Set(try store.distinctValues(.frequency, matching: filter).compactMap(Frequency.init(rawValue:)))
        } else {
            present = Set(try workspace.source.records(matching: filter).map(\.period.frequency))
        }
        if present.count <= 1 { return present.first ?? .annual }
        let chosen: Frequency = present.contains(.annual) ? .annual : present.sorted().first ?? .annual
        let others = present.subtracting([chosen]).map(\.rawValue).sorted().joined(separator: ", ")
        StandardError.write("export --wide: the selection holds \(chosen.rawValue) and \(others) records; writing \(chosen.rawValue) (a wide table has one frequency; --freq picks another)\n")
        return chosen
    }

    /// The period columns of a wide table: every period with a record in the selection, oldest first.
    func periods(matching filter: RecordFilter, workspace: Workspace) throws -> [Period] {
        if let store = workspace.store {
            return try store.distinctValues(.period, matching: filter).map { try Period(parsing: $0) }.sorted()
        }
        return Set(try workspace.source.records(matching: filter).map(\.period)).sorted()
    }

    /// The records asked for: every flag narrows them (a code takes in its subheadings, a section its chapters).
    func filter() throws -> RecordFilter {
        RecordFilter(
            reporters: try reporter.map { [try CountryCode($0)] }, partners: try partner.map { [try CountryCode($0)] },
            flows: flow.map { [$0.flow] }, commodities: codes.isEmpty ? nil : try codes.map { try CommodityCode(parsing: $0) },
            frequencies: freq.map { [$0.frequency] }, from: try from.map { try Period(parsing: $0) }, through: try to.map { try Period(parsing: $0) },
            classifications: classification.map { [$0] }, sources: source.map { [$0] })
    }

    func selectionJSON() -> JSONValue {
        .object([
            ("source", .string(db.map { "db:" + $0 } ?? "bundled")),
            ("reporter", .string(reporter)),
            ("partner", .string(partner)),
            ("flow", .string(flow?.rawValue)),
            ("hs", .array(codes.map { .string($0) })),
            ("from", .string(from)),
            ("to", .string(to)),
            ("freq", .string(freq?.rawValue)),
            ("classification", .string(classification)),
            ("source_id", .string(source)),
        ])
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, ndjson
}

/// The area columns of export rows, looked up once per stored code, numeric code and year; the last
/// reporter's and partner's are kept apart, since rows come series by series and mostly repeat them.
final class AreaColumnCache {
    private struct Key: Hashable {
        let code: CountryCode
        let numeric: Int?
        let year: Int
    }

    private let names: AreaNames
    private var cache: [Key: ExportTable.AreaColumns] = [:]
    private var lastReporter: (key: Key, columns: ExportTable.AreaColumns)?
    private var lastPartner: (key: Key, columns: ExportTable.AreaColumns)?

    init(names: AreaNames) {
        self.names = names
    }

    func columns(_ code: CountryCode, numeric: Int?, year: Int) -> ExportTable.AreaColumns {
        let key = Key(code: code, numeric: numeric, year: year)
        if let known = cache[key] { return known }
        let found = names.exportColumns(code, numeric: numeric, year: year)
        let columns = ExportTable.AreaColumns(iso3: found.iso3, code: found.code, name: found.name)
        cache[key] = columns
        return columns
    }

    private func columns(_ code: CountryCode, numeric: Int?, year: Int, last: inout (key: Key, columns: ExportTable.AreaColumns)?) -> ExportTable.AreaColumns {
        let key = Key(code: code, numeric: numeric, year: year)
        if let last, last.key == key { return last.columns }
        let columns = columns(code, numeric: numeric, year: year)
        last = (key, columns)
        return columns
    }

    func entry(_ record: TradeRecord, reporter: Int? = nil, partner: Int? = nil, legacyFlag: Int? = nil) -> ExportTable.Entry {
        ExportTable.Entry(record: record, reporterNumericCode: reporter, partnerNumericCode: partner, legacyEstimationFlag: legacyFlag,
                          reporterArea: columns(record.reporter, numeric: reporter, year: record.period.year, last: &lastReporter),
                          partnerArea: columns(record.partner, numeric: partner, year: record.period.year, last: &lastPartner))
    }
}
