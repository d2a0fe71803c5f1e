import Foundation
import Reports
import Testing
import TradeDomain
import TradeIO
import TradeScopeKit
@testable import TradeScopeCLI

/// Differential, end to end: `tradescope export` (rows rendered as bytes, ``ExportRowRenderer``) against the
/// `String` rendering of the same entries (``ExportTable`` `csvLines`, `ndjsonLines`, `jsonRows`), on the bundled
/// data and on a store ingested from a file of hostile text (quotes, commas, line ends, formula starts, escapes,
/// non-ASCII) and extreme figures.
@Suite("tradescope export: bytes equal the String rendering")
struct ExportBytesTests {
    /// Tidy rows with hostile notes and extreme figures (1e300, 5e-324, integers past 2^53, 10^15).
    static func hostileFile() -> String {
        let notes = [
            "plain", "\"a,b\"", "\"say \"\"hi\"\"\"", "\"line\nbreak\"", "\"crlf\r\nend\"", "=SUM(A1:A2)", "+1", "-12.5", "@cmd", "\"\tindent\"",
            "esc\u{1B}[31m", "del\u{7F}", "c1\u{85}next", "degree 25\u{B0}C", "Côte d'Ivoire", "中国 🚢", "e\u{301}", "back\\slash",
            "<script>", "", "'quoted", "-x",
        ]
        let figures = ["1", "0", "1e300", "5e-324", "9007199254740993", "1000000000000000", "999999999999999", "0.1", "123456789.123456789",
                       "2.5e-7", "18446744073709551616", "42"]
        var lines = ["period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note"]
        for (index, note) in notes.enumerated() {
            let value = figures[index % figures.count], quantity = figures[(index + 5) % figures.count]
            let period = index % 2 == 0 ? String(2000 + index) : "\(2000 + index)-0\(1 + index % 9)"
            lines.append("\(period),CHN,PRK,\(index % 3 == 0 ? "export" : "import"),\(["2701", "270112", "27", "61"][index % 4]),\(value),\(quantity),\(["t", "kg", "u"][index % 3]),HOSTILE,\(note)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The String rendering of a selection, from the same entries the command streams.
    static func reference(db: String?, dataDirectory: URL, format: String, guardingFormulas: Bool = true) throws -> String {
        let workspace = try Workspace(db: db, context: RunContext(), dataDirectory: dataDirectory)
        let areas = AreaColumnCache(names: workspace.areas)
        let entries: [ExportTable.Entry]
        if let store = workspace.store {
            entries = try store.rows(matching: RecordFilter(), order: .seriesKey).map {
                areas.entry($0.record, reporter: $0.reporterNumericCode, partner: $0.partnerNumericCode, legacyFlag: $0.legacyEstimationFlag)
            }
        } else {
            entries = ExportTable(entries: try workspace.source.records(matching: RecordFilter()).map { areas.entry($0) }).entries
        }
        switch format {
        case "csv": return ExportTable.csvHeader + entries.map { ExportTable.csvLines($0, guardingFormulas: guardingFormulas) }.joined()
        case "ndjson": return entries.map(ExportTable.ndjsonLines).joined()
        default:
            let rows = entries.flatMap(ExportTable.jsonRows)
            return rows.enumerated().map { ($0.offset == 0 ? "\n    " : ",\n    ") + $0.element }.joined()
        }
    }

    /// The command's output for `format`; for JSON, the rows array's elements (between `"rows": [` and `\n  ]`).
    static func exported(db: String?, dataDirectory: URL, format: String, extra: [String] = []) throws -> String {
        let result = try runTradescope(["export", "--format", format] + (db.map { ["--db", $0] } ?? []) + extra, dataDirectory: dataDirectory)
        #expect(result.status == 0, "\(result.standardError)")
        guard format == "json" else { return result.standardOutput }
        let text = result.standardOutput
        let start = try #require(text.range(of: "\"rows\": [")).upperBound
        let end = try #require(text.range(of: "\n  ],\n  \"manifest\"", options: .backwards)).lowerBound
        return String(text[start..<end])
    }

    @Test("bundled data: CSV, NDJSON and JSON rows as the String rendering writes them", arguments: ["csv", "ndjson", "json"])
    func bundled(format: String) throws {
        let data = bundledDataDirectory()
        let output = try Self.exported(db: nil, dataDirectory: data, format: format)
        #expect(output.utf8.count > 10_000)
        #expect(Array(output.utf8) == Array(try Self.reference(db: nil, dataDirectory: data, format: format).utf8))
    }

    @Test("a store of hostile text and extreme figures: every format, with and without the formula guard")
    func hostileStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-export-bytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("hostile.csv"), db = directory.appendingPathComponent("s.sqlite").path
        try Self.hostileFile().write(to: file, atomically: true, encoding: .utf8)
        let data = bundledDataDirectory()
        let ingest = try runTradescope(["ingest", file.path, "--db", db], dataDirectory: data)
        #expect(ingest.status == 0 && ingest.standardOutput.contains("22 kept"), "\(ingest.standardOutput) \(ingest.standardError)")
        for format in ["csv", "ndjson", "json"] {
            let output = try Self.exported(db: db, dataDirectory: data, format: format)
            #expect(Array(output.utf8) == Array(try Self.reference(db: db, dataDirectory: data, format: format).utf8), "\(format)")
        }
        let unguarded = try Self.exported(db: db, dataDirectory: data, format: "csv", extra: ["--no-csv-formula-guard"])
        #expect(Array(unguarded.utf8) == Array(try Self.reference(db: db, dataDirectory: data, format: "csv", guardingFormulas: false).utf8))
        #expect(unguarded.contains("=SUM(A1:A2)") && unguarded.contains("1e+300") && unguarded.contains("5e-324"))
    }
}
