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
            estimated_share, source, then classification, reporter_code, partner_code, legacy_flag, description \
            and note (the other fields kept with a record). Measures: value_usd, quantity (in the reported unit), \
            net_weight_kg and unit_price (the record's value ÷ its quantity, USD per unit). A figure that is not \
            reported has no row; estimated_share is 1 for a quantity or net weight the source flags as estimated. \
            Records are exported as stored, not rolled up; without selection flags everything in the store (or \
            the bundled data) is written. A flag narrows the records: --reporter, --partner, --flow, --hs (a \
            code takes in its subheadings; a section XV its chapters), --from, --to, --freq, --classification, \
            --source; on a store each becomes part of the SQL query. \
            --wide pivots periods to columns (CSV only).

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

    @Option(help: "Frequency: annual or monthly (default: both).")
    var freq: FrequencyChoice?

    @Option(help: "Classification as recorded (H4, H5, ...; default: any).")
    var classification: String?

    @Option(help: "Source id (default: any).")
    var source: String?

    @Option(help: "Output format: csv (default), json (one object with the selection and rows) or ndjson (one row object per line).")
    var format: ExportFormat = .csv

    @Flag(help: "Pivot periods to columns: one row per reporter, partner, flow, code, classification, measure, unit and source (CSV).")
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
        let entries = try loadEntries(filter: try filter(), context: context)
        let table = ExportTable(entries: entries)
        let text: String
        switch format {
        case .csv: text = wide ? table.wideCSV(guardingFormulas: csvFormulaGuard) : table.csv(guardingFormulas: csvFormulaGuard)
        case .ndjson: text = table.ndjson()
        case .json: text = context.stamped(table.json(selection: selectionJSON()))
        }
        try OutputOptions.write(text, to: out, force: force)
    }

    /// The records of the selection, from the store through SQL or from the bundled data.
    func loadEntries(filter: RecordFilter, context: RunContext) throws -> [ExportTable.Entry] {
        let workspace = try Workspace(db: db, context: context, dataDirectory: Console.dataDirectory)
        guard let store = workspace.store else {
            return try workspace.source.records(matching: filter).map { ExportTable.Entry(record: $0) }
        }
        return try store.rows(matching: filter).map {
            ExportTable.Entry(record: $0.record, reporterNumericCode: $0.reporterNumericCode, partnerNumericCode: $0.partnerNumericCode,
                              legacyEstimationFlag: $0.legacyEstimationFlag)
        }
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
