import Foundation
import Testing
import _TestSupport

/// The export layout of issue 20 item 3: area columns from Comtrade's area list, the wide table by
/// series key with its HS versions in one column and one frequency, the same column names in the
/// store's `trade_records` view, a pandas load, and the streamed export equal to the in-memory one.
@Suite("tradescope export: layout")
struct ExportLayoutTests {
    /// A Comtrade+ CSV with one series key (China's imports of HS 2701 from the DPRK) under two HS
    /// versions, H4 for 2015-2016 and H5 for 2017-2018, one monthly record, and a partner without an
    /// ISO3 code (490 "Other Asia, nes", Comtrade alpha S19). SYNTHETIC figures, written for this test.
    static func twoVersionFile() throws -> String {
        let fixture = try String(contentsOf: ExportCommandTests.readerFixtures.appendingPathComponent("comtrade_plus_synthetic.csv"), encoding: .utf8)
        let header = String(fixture.split(whereSeparator: \.isNewline)[0]).trimmingCharacters(in: .whitespacesAndNewlines)
        let columns = header.replacingOccurrences(of: "\u{FEFF}", with: "").split(separator: ",").map(String.init)
        func row(_ period: String, classification: String, partner: (code: String, iso: String, name: String) = ("408", "PRK", "Dem. People's Rep. of Korea"),
                 value: String, quantity: String) -> String {
            let monthly = period.count == 6
            let fields: [String: String] = [
                "typeCode": "C", "freqCode": monthly ? "M" : "A", "refPeriodId": monthly ? period + "01" : period + "0101",
                "refYear": String(period.prefix(4)), "refMonth": monthly ? String(Int(period.suffix(2))!) : "52", "period": period,
                "reporterCode": "156", "reporterISO": "CHN", "reporterDesc": "China", "flowCode": "M", "flowDesc": "Import",
                "partnerCode": partner.code, "partnerISO": partner.iso, "partnerDesc": "\"\(partner.name)\"",
                "partner2Code": "0", "partner2ISO": "W00", "partner2Desc": "World", "classificationCode": classification,
                "classificationSearchCode": "HS", "isOriginalClassification": "True", "cmdCode": "2701", "cmdDesc": "Coal",
                "aggrLevel": "4", "isLeaf": "False", "customsCode": "C00", "customsDesc": "TOTAL CPC", "mosCode": "0", "motCode": "0",
                "motDesc": "TOTAL MOT", "qtyUnitCode": quantity.isEmpty ? "-1" : "8", "qtyUnitAbbr": quantity.isEmpty ? "N/A" : "kg",
                "qty": quantity, "isQtyEstimated": "False", "altQtyUnitCode": "-1", "altQtyUnitAbbr": "N/A", "isAltQtyEstimated": "False",
                "isNetWgtEstimated": "False", "isGrossWgtEstimated": "False", "cifvalue": value, "primaryValue": value,
                "legacyEstimationFlag": "0", "isReported": "True", "isAggregate": "False",
            ]
            return columns.map { fields[$0] ?? "" }.joined(separator: ",")
        }
        return ([header] + [
            row("2015", classification: "H4", value: "100", quantity: "10"),
            row("2016", classification: "H4", value: "200", quantity: "20"),
            row("2017", classification: "H5", value: "300", quantity: "30"),
            row("2018", classification: "H5", value: "400", quantity: ""),
            row("201803", classification: "H5", value: "50", quantity: "5"),
            row("2017", classification: "H5", partner: ("490", "S19", "Other Asia, nes"), value: "7", quantity: ""),
        ]).joined(separator: "\n") + "\n"
    }

    /// A store ingested from ``twoVersionFile()``; the bundled Data/ supplies the area list.
    static func store() throws -> (db: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-layout-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("two_versions.csv")
        try twoVersionFile().write(to: file, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("trade.sqlite").path
        let ingest = try runTradescope(["ingest", file.path, "--db", db], dataDirectory: bundledDataDirectory())
        #expect(ingest.status == 0, "\(ingest.standardError)")
        return (db, directory)
    }

    @Test("--wide on a store with H4 and H5: one row per series key and measure, both versions listed, one frequency")
    func wideAcrossHSVersions() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try runTradescope(["export", "--db", db, "--wide"], dataDirectory: bundledDataDirectory())
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("annual and monthly"), "the default frequency is stated: \(result.standardError)")
        let rows = ExportCommandTests.parseCSV(result.standardOutput)
        #expect(rows[0] == ["reporter_iso", "reporter_code", "reporter_name", "partner_iso", "partner_code", "partner_name", "flow", "hs_code",
                            "hs_level", "source", "classifications", "measure", "unit", "2015", "2016", "2017", "2018"])
        let prk = rows.dropFirst().filter { $0[4] == "408" }
        // One row per measure of the one key: value, quantity, unit price; each spans both versions where it has figures.
        #expect(prk.map { $0[11] } == ["value_usd", "quantity", "unit_price"])
        let value = try #require(prk.first)
        #expect(value[0...6] == ["CHN", "156", "China", "PRK", "408", "Dem. People's Rep. of Korea", "import"])
        #expect(value[10] == "H4 H5" && value[13...] == ["100", "200", "300", "400"])
        #expect(prk[1][10] == "H4 H5" && prk[1][13...] == ["10", "20", "30", ""])
        // Hand calculation: 100/10, 200/20, 300/30 USD per kg.
        #expect(prk[2][13...] == ["10", "10", "10", ""])
        // 490 "Other Asia, nes" has no ISO3: empty, with its code and name.
        let other = try #require(rows.dropFirst().first { $0[4] == "490" })
        #expect(other[3] == "" && other[5] == "Other Asia, nes" && other[10] == "H5" && other[13...] == ["", "", "7", ""])
        // --freq monthly: the month alone, never beside the years.
        let monthly = try runTradescope(["export", "--db", db, "--wide", "--freq", "monthly"], dataDirectory: bundledDataDirectory())
        let monthRows = ExportCommandTests.parseCSV(monthly.standardOutput)
        #expect(monthRows[0].suffix(1) == ["2018-03"] && monthRows[0].count == 14)
        #expect(monthRows.dropFirst().first?[13] == "50")
    }

    @Test("long export and the store's trade_records view use the same column names and the same area columns")
    func viewColumnsMatchTheExport() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = ExportCommandTests.table(try runTradescope(["export", "--db", db], dataDirectory: bundledDataDirectory()).standardOutput)
        #expect(!export.isEmpty)
        // The view read with the sqlite3 CLI when present (the tool users reach for); else the check is skipped, said so.
        let sqlite = Process()
        sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        guard FileManager.default.isExecutableFile(atPath: sqlite.executableURL!.path) else {
            print("skipped: no /usr/bin/sqlite3 to read the view with")
            return
        }
        let pipe = Pipe()
        sqlite.arguments = ["-csv", "-header", db, "SELECT * FROM trade_records ORDER BY partner_code, period"]
        sqlite.standardOutput = pipe
        try sqlite.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        sqlite.waitUntilExit()
        let view = ExportCommandTests.table(String(decoding: data, as: UTF8.self))
        let shared = ["period", "reporter_iso", "reporter_code", "reporter_name", "partner_iso", "partner_code", "partner_name", "flow",
                      "hs_code", "classification", "source", "legacy_flag", "description", "note", "reporter_key", "partner_key"]
        let viewColumns = Set(view.first?.keys.map { $0 } ?? [])
        for column in shared {
            #expect(viewColumns.contains(column), "the view lacks \(column)")
        }
        #expect(view.count == 6)
        for row in view {
            let period = ExportCommandTests.period(row["period"]!)
            let match = export.first { $0["period"] == period && $0["partner_code"] == row["partner_code"] && $0["measure"] == "value_usd" }
            let exported = try #require(match, "no export row for \(row)")
            for column in ["reporter_iso", "reporter_code", "reporter_name", "partner_iso", "partner_name", "hs_code", "classification", "source",
                           "reporter_key", "partner_key"] {
                #expect(exported[column] == row[column], "\(column): export \(exported[column] ?? "nil"), view \(row[column] ?? "nil")")
            }
        }
    }

    @Test("the streamed export equals the table rendered in memory, in every format")
    func streamedEqualsInMemory() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try runTradescope(["export", "--db", db], dataDirectory: bundledDataDirectory()).standardOutput
        let ndjson = try runTradescope(["export", "--db", db, "--format", "ndjson"], dataDirectory: bundledDataDirectory()).standardOutput
        let json = try runTradescope(["export", "--db", db, "--format", "json"], dataDirectory: bundledDataDirectory()).standardOutput
        let table = ExportCommandTests.table(csv)
        #expect(table.count == ndjson.split(separator: "\n").count)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == table.count && object["manifest"] != nil && object["selection"] != nil)
        for (row, line) in zip(rows, table) {
            #expect((row["value"] as? Double) == Double(line["value"]!) && (row["measure"] as? String) == line["measure"])
            #expect((row["partner_iso"] as? String ?? "") == line["partner_iso"])
        }
    }

    /// The export loads in pandas with the documented one-liner, dtype of the codes integer, ISO3 of 490 empty (NaN).
    @Test("the long CSV loads in pandas")
    func loadsInPandas() throws {
        let candidates = [ProcessInfo.processInfo.environment["TRADESCOPE_PYTHON"], "/work/venv-report20/bin/python",
                          bundledDataDirectory().deletingLastPathComponent().appendingPathComponent("Notebooks/.venv/bin/python").path,
                          "/usr/bin/python3"].compactMap { $0 }
        func hasPandas(_ python: String) -> Bool {
            guard FileManager.default.isExecutableFile(atPath: python) else { return false }
            let probe = Process()
            probe.executableURL = URL(fileURLWithPath: python)
            probe.arguments = ["-c", "import pandas"]
            probe.standardError = FileHandle.nullDevice
            guard (try? probe.run()) != nil else { return false }
            probe.waitUntilExit()
            return probe.terminationStatus == 0
        }
        guard let python = candidates.first(where: hasPandas) else {
            print("skipped: no python with pandas found (set TRADESCOPE_PYTHON, or run make notebooks for Notebooks/.venv)")
            return
        }
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = directory.appendingPathComponent("export.csv").path
        #expect(try runTradescope(["export", "--db", db, "--out", csv], dataDirectory: bundledDataDirectory()).status == 0)
        let script = """
            import sys, pandas as pd
            df = pd.read_csv(sys.argv[1], dtype={"period": str, "hs_code": str}, keep_default_na=False, na_values=[""])
            assert pd.api.types.is_numeric_dtype(df["value"]), df.dtypes
            assert pd.api.types.is_integer_dtype(df["reporter_code"]) and pd.api.types.is_integer_dtype(df["partner_code"]), df.dtypes
            other = df[df["partner_code"] == 490]
            assert len(other) == 1 and other["partner_iso"].isna().all() and (other["partner_name"] == "Other Asia, nes").all()
            assert set(df["classification"]) == {"H4", "H5"}
            print(len(df), df["value"].sum())
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, csv]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
        // Rows: value 6, quantity 4, unit price 4 = 14; Σ value column by hand:
        // values 100+200+300+400+50+7 = 1057, quantities 10+20+30+5 = 65, unit prices 10*4 = 40 -> 1162.
        let fields = output.split(whereSeparator: \.isWhitespace)
        #expect(fields.first == "14")
        if let sum = fields.last.flatMap({ Double($0) }) { expectClose(sum, 1162, rtol: 0, atol: 1e-9, "sum of the value column") }
    }
}
