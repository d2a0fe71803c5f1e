import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeIO

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
            code takes in its subheadings; a section XV its chapters), --from, --to, --freq. \
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

    @Option(help: "Flow as the reporter records it: import or export (default: any).")
    var flow: FlowChoice?

    @Option(help: "HS code: 2, 4 or 6 digits, a section such as XV, a chapter range such as 61-62, or TOTAL; repeatable or comma-separated (default: all).")
    var hs: [String] = []

    @Option(help: "First period included: YYYY or YYYY-MM (default: the first with data).")
    var from: String?

    @Option(help: "Last period included: YYYY or YYYY-MM (default: the last with data).")
    var to: String?

    @Option(help: "Frequency: annual or monthly (default: both).")
    var freq: FrequencyChoice?

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
        let keep = try filter()
        let entries = try loadEntries().filter { keep($0.record) }
        let table = ExportTable(entries: entries)
        let text: String
        switch format {
        case .csv: text = wide ? table.wideCSV(guardingFormulas: csvFormulaGuard) : table.csv(guardingFormulas: csvFormulaGuard)
        case .ndjson: text = table.ndjson()
        case .json: text = try RunRecord.shared.stamped(table.json(selection: selectionJSON()))
        }
        try OutputOptions.write(text, to: out, force: force)
    }

    /// The store's records with their numeric codes and flags, or the bundled records.
    func loadEntries() throws -> [ExportTable.Entry] {
        guard let db else { return try Workspace().records.map { ExportTable.Entry(record: $0) } }
        guard FileManager.default.fileExists(atPath: db) else {
            throw InputError(description: "--db: \(db) does not exist; create it with 'tradescope ingest FILE --db \(db)'")
        }
        return try TradeStore(path: db).rows().map {
            ExportTable.Entry(record: $0.record, reporterNumericCode: $0.reporterNumericCode, partnerNumericCode: $0.partnerNumericCode,
                              legacyEstimationFlag: $0.legacyEstimationFlag)
        }
    }

    /// The test a record must pass: every flag given (an absent flag passes everything).
    /// A period is in range when it starts no earlier than --from starts and ends no later than --to ends.
    func filter() throws -> (TradeRecord) -> Bool {
        let reporter = try reporter.map { try CountryCode($0) }, partner = try partner.map { try CountryCode($0) }
        let flow = flow?.flow, frequency = freq?.frequency
        let first = try from.map { try Period(parsing: $0) }, last = try to.map { try Period(parsing: $0) }
        let selected = try codes.map { try CommodityCode(parsing: $0) }
        return { record in
            if let reporter, record.reporter != reporter { return false }
            if let partner, record.partner != partner { return false }
            if let flow, record.flow != flow { return false }
            if let frequency, record.period.frequency != frequency { return false }
            let period = record.period
            if let first, (period.year, period.months.lowerBound) < (first.year, first.months.lowerBound) { return false }
            if let last, (period.year, period.months.upperBound) > (last.year, last.months.upperBound) { return false }
            return selected.isEmpty || selected.contains { $0.covers(record.commodity) }
        }
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
        ])
    }
}

enum ExportFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, json, ndjson
}
