import Foundation
import Testing
import _TestSupport

/// `tradescope export` through the built executable: ingest then export reproduces every kept field.
///
/// The reference for each fixture is its `.expected.csv` in `Tests/TradeIOTests/Fixtures`, written by Python's
/// `csv` module (`generate/legacy_expected.py`, `generate/comtrade_plus_synthetic.py`), independent of our readers.
@Suite("tradescope export")
struct ExportCommandTests {
    /// The TradeIOTests fixtures (real legacy rows, synthetic Comtrade+ rows), read in place.
    static let readerFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TradeIOTests/Fixtures")

    /// A minimal RFC 4180 parser (quoted fields, doubled quotes, LF/CRLF), written apart from `CSVReader`.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = ""
        var quoted = false, afterQuote = false
        var characters = Array(text.unicodeScalars)[...]
        if characters.first == "\u{FEFF}" { characters = characters.dropFirst() }
        var index = characters.startIndex
        while index < characters.endIndex {
            let c = characters[index]
            if quoted {
                if c == "\"" {
                    if index + 1 < characters.endIndex && characters[index + 1] == "\"" { field.unicodeScalars.append("\""); index += 1 } else { quoted = false; afterQuote = true }
                } else { field.unicodeScalars.append(c) }
            } else if c == "\"" && field.isEmpty && !afterQuote {
                quoted = true
            } else if c == "," {
                row.append(field); field = ""; afterQuote = false
            } else if c == "\n" || c == "\r" {
                if c == "\r" && index + 1 < characters.endIndex && characters[index + 1] == "\n" { index += 1 }
                row.append(field); rows.append(row); row = []; field = ""; afterQuote = false
            } else { field.unicodeScalars.append(c) }
            index += 1
        }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows as dictionaries keyed by the header.
    static func table(_ text: String) -> [[String: String]] {
        let rows = parseCSV(text)
        guard let header = rows.first else { return [] }
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// `201603` and `2016-03` are the same month; `2016` stays.
    static func period(_ text: String) -> String {
        text.count == 6 ? String(text.prefix(4)) + "-" + String(text.suffix(2)) : text
    }

    func ingestAndExport(_ files: [String]) throws -> [[String: String]] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("trade.sqlite").path
        let paths = files.map { Self.readerFixtures.appendingPathComponent($0).path }
        let ingest = try runTradescope(["ingest"] + paths + ["--db", db])
        #expect(ingest.status == 0, "\(ingest.standardError)")
        let export = try runTradescope(["export", "--db", db])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(export.standardOutput.hasPrefix("period,reporter_iso,partner_iso,flow,hs_code,hs_level,measure,value,unit,estimated_share,source,"))
        return Self.table(export.standardOutput)
    }

    /// Whether an exported row is of an area: by the numeric code when the reference has one (the ISO3
    /// column is empty for areas without an ISO code, such as 490 or W00), else by the stored code as ISO3.
    static func isArea(_ row: [String: String], side: String, key: String, code: String?) -> Bool {
        if let code, !code.isEmpty { return row[side + "_code"] == code }
        return row[side + "_iso"] == key
    }

    /// The exported rows of one expected record, keyed by measure.
    static func measures(_ exported: [[String: String]], period: String, reporter: String, partner: String, flow: String, code: String,
                         classification: String, reporterCode: String? = nil, partnerCode: String? = nil) -> [String: [String: String]] {
        var found: [String: [String: String]] = [:]
        for row in exported where row["period"] == period && isArea(row, side: "reporter", key: reporter, code: reporterCode)
            && isArea(row, side: "partner", key: partner, code: partnerCode)
            && row["flow"] == flow && row["hs_code"] == code && row["classification"] == classification {
            #expect(found[row["measure"]!] == nil, "measure \(row["measure"]!) twice for \(period) \(reporter) \(partner) \(code)")
            found[row["measure"]!] = row
        }
        return found
    }

    @Test("legacy Comtrade (real rows: BOM, CRLF, re-export, zero net weight, area 490 without ISO) round-trips, API and bulk layouts", arguments: [
        ("comtrade_legacy_head30", "comtrade_legacy_head30"), ("comtrade_legacy_selected", "comtrade_legacy_selected"),
        // The same real rows in the 35-column bulk layout (PROVENANCE.md), so the same reference.
        ("comtrade_legacy_bulk_selected", "comtrade_legacy_selected"),
    ])
    func legacyRoundTrip(name: String, reference: String) throws {
        let detected = try runTradescope(["ingest", Self.readerFixtures.appendingPathComponent(name + ".csv").path, "--dry-run"]).standardOutput
        #expect(detected.contains(name.contains("bulk") ? "(comtrade-legacy-bulk)" : "(comtrade-legacy-api)"), "\(detected)")
        let exported = try ingestAndExport([name + ".csv"])
        let expected = Self.table(try String(contentsOf: Self.readerFixtures.appendingPathComponent(reference + ".expected.csv"), encoding: .utf8))
        var rowCount = 0
        for row in expected {
            let found = Self.measures(exported, period: Self.period(row["period"]!), reporter: row["reporter"]!, partner: row["partner"]!,
                                      flow: row["flow"]!, code: row["cmd"]!, classification: row["classification"]!,
                                      reporterCode: row["reporter_code"], partnerCode: row["partner_code"])
            let context = "line \(row["line"]!)"
            // Legacy rows carry no quantity in these files (Qty Unit Code 1 = no quantity), so no quantity or unit price rows.
            #expect(Set(found.keys) == Set(["value_usd"] + (row["net_weight"]!.isEmpty ? [] : ["net_weight_kg"])), "\(context)")
            rowCount += found.count
            let value = try #require(found["value_usd"], "\(context)")
            #expect(Double(value["value"]!) == Double(row["value"]!), "\(context)")
            #expect(value["unit"] == "USD" && value["estimated_share"] == "" && value["source"] == "UN_COMTRADE" && value["hs_level"] == "2")
            #expect(value["reporter_code"] == row["reporter_code"] && value["partner_code"] == row["partner_code"], "\(context)")
            #expect(value["legacy_flag"] == row["legacy_flag"] && value["description"] == row["description"], "\(context)")
            if let weight = found["net_weight_kg"] {
                #expect(Double(weight["value"]!) == Double(row["net_weight"]!) && weight["unit"] == "kg" && weight["estimated_share"] == "0", "\(context)")
            }
        }
        #expect(exported.count == rowCount, "no exported row beyond the expected records")
    }

    @Test("Comtrade+ (synthetic: W00, S19, monthly, missing and zero quantities, estimated flags, quoted commas) round-trips", arguments: [
        "comtrade_plus_synthetic", "comtrade_plus_bulk_synthetic",
    ])
    func plusRoundTrip(name: String) throws {
        let exported = try ingestAndExport([name + ".csv"])
        // The bulk copy holds the same rows plus datasetCode (PROVENANCE.md), so both use one reference.
        let expected = Self.table(try String(contentsOf: Self.readerFixtures.appendingPathComponent("comtrade_plus_synthetic.expected.csv"), encoding: .utf8))
        var rowCount = 0
        for row in expected where row["status"] == "kept" {
            let found = Self.measures(exported, period: Self.period(row["period"]!), reporter: row["reporter"]!, partner: row["partner"]!,
                                      flow: row["flow"]!, code: row["cmd"]!, classification: row["classification"]!,
                                      reporterCode: row["reporter_code"], partnerCode: row["partner_code"])
            let context = "line \(row["line"]!)"
            rowCount += found.count
            let value = try #require(found["value_usd"], "\(context)")
            #expect(Double(value["value"]!) == Double(row["value"]!), "\(context)")
            #expect(value["reporter_code"] == row["reporter_code"] && value["partner_code"] == row["partner_code"], "\(context)")
            #expect(value["legacy_flag"] == row["legacy_flag"] && value["description"] == row["description"], "\(context)")
            let level = row["cmd"] == "TOTAL" ? "total" : String(row["cmd"]!.count)
            #expect(value["hs_level"] == level, "\(context)")
            let quantityEstimated = row["qty_estimated"] == "true" ? "1" : "0"
            if row["qty"]!.isEmpty {
                #expect(found["quantity"] == nil && found["unit_price"] == nil, "\(context): no quantity, no unit price")
            } else {
                let quantity = try #require(found["quantity"], "\(context)")
                // Comtrade+ qtyUnitCode 8 is kg (the only unit code of this fixture).
                #expect(row["qty_unit_code"] == "8" && quantity["unit"] == "kg", "\(context)")
                #expect(Double(quantity["value"]!) == Double(row["qty"]!) && quantity["estimated_share"] == quantityEstimated, "\(context)")
                let amount = try #require(Double(row["qty"]!))
                if amount > 0 {
                    // Hand rule: the record's unit price is its value / its quantity.
                    let price = try #require(found["unit_price"], "\(context)")
                    expectClose(try #require(Double(price["value"]!)), try #require(Double(row["value"]!)) / amount, rtol: 1e-15, atol: 0, context)
                    #expect(price["unit"] == "USD/kg" && price["estimated_share"] == quantityEstimated, "\(context)")
                } else {
                    #expect(found["unit_price"] == nil && row["suspect"] == "true", "\(context): a zero quantity is suspect, never priced")
                }
            }
            if row["net_weight"]!.isEmpty {
                #expect(found["net_weight_kg"] == nil, "\(context)")
            } else {
                let weight = try #require(found["net_weight_kg"], "\(context)")
                #expect(Double(weight["value"]!) == Double(row["net_weight"]!), "\(context)")
                #expect(weight["estimated_share"] == (row["net_weight_estimated"] == "true" ? "1" : "0"), "\(context)")
            }
        }
        #expect(exported.count == rowCount, "no exported row beyond the expected records")
    }

    @Test("tidy (real bundled rows: UTF-8 notes with quoted commas, value-only and quantity-only rows) round-trips")
    func tidyRoundTrip() throws {
        let tidy = fixtureDataDirectory().appendingPathComponent("dprk_china.csv")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("trade.sqlite").path
        #expect(try runTradescope(["ingest", tidy.path, "--db", db]).status == 0)
        let exported = Self.table(try runTradescope(["export", "--db", db]).standardOutput)
        let expected = Self.table(try String(contentsOf: tidy, encoding: .utf8))
        var rowCount = 0
        for row in expected {
            var found: [String: [String: String]] = [:]
            for candidate in exported where candidate["period"] == Self.period(row["period"]!) && candidate["reporter_iso"] == row["reporter_iso"]
                && candidate["partner_iso"] == row["partner_iso"] && candidate["flow"] == row["flow"] && candidate["hs_code"] == row["hs_code"]
                && candidate["source"] == row["source_id"] {
                found[candidate["measure"]!] = candidate
            }
            let context = "\(row["period"]!) \(row["source_id"]!)"
            rowCount += found.count
            #expect(found.values.allSatisfy { $0["note"] == row["note"] && $0["classification"] == "" && $0["reporter_code"] == "" }, "\(context)")
            #expect(found["value_usd"].flatMap { Double($0["value"]!) } == Double(row["value_usd"]!), "\(context)")
            #expect(found["quantity"].flatMap { Double($0["value"]!) } == Double(row["quantity"]!), "\(context)")
            #expect(found["quantity"]?["unit"] == (row["quantity"]!.isEmpty ? nil : row["quantity_unit"]), "\(context)")
            #expect(found["net_weight_kg"] == nil, "tidy rows carry no net weight")
            if let value = Double(row["value_usd"]!), let quantity = Double(row["quantity"]!), quantity > 0 {
                // Hand rule: value / quantity of the one record, e.g. 2013: 1,373,710,000 / 16,494,000 = 83.285... USD/t.
                expectClose(try #require(found["unit_price"].flatMap { Double($0["value"]!) }), value / quantity, rtol: 1e-15, atol: 0, context)
            } else {
                #expect(found["unit_price"] == nil, "\(context)")
            }
        }
        #expect(exported.count == rowCount, "no exported row beyond the file's records")
    }

    @Test("a selection narrows the records; JSON and NDJSON carry the same rows")
    func selectionAndFormats() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("trade.sqlite").path
        #expect(try runTradescope(["ingest", Self.readerFixtures.appendingPathComponent("comtrade_plus_synthetic.csv").path, "--db", db]).status == 0)
        // From the expected file: kept rows with cmd 2701 or 270112 (chapter 27 below the chapter) and reporter PRK:
        // lines 15 (2014-08), 22 (2018-12) and 31 (2012), each with value, qty, net weight and price -> 12 rows.
        let csv = Self.table(try runTradescope(["export", "--db", db, "--hs", "2701", "--reporter", "PRK"]).standardOutput)
        #expect(csv.count == 12)
        #expect(Set(csv.map { $0["period"]! }) == ["2012", "2014-08", "2018-12"])
        // Section V (chapters 25-27) takes in 2601, 27 and 2701 codes: every kept row but the TOTAL ones (lines 4, 6, 13, 23).
        let section = Self.table(try runTradescope(["export", "--db", db, "--hs", "V"]).standardOutput)
        #expect(!section.isEmpty && section.allSatisfy { $0["hs_code"] != "TOTAL" })
        let all = Self.table(try runTradescope(["export", "--db", db]).standardOutput)
        #expect(all.filter { $0["hs_code"] != "TOTAL" }.count == section.count)
        let ndjson = try runTradescope(["export", "--db", db, "--hs", "2701", "--reporter", "PRK", "--format", "ndjson"]).standardOutput
        #expect(ndjson.split(separator: "\n").count == 12)
        struct Row: Decodable { let period: String; let measure: String; let value: Double; let reporter_code: Int? }
        struct Output: Decodable { let rows: [Row] }
        let json = try runTradescope(["export", "--db", db, "--hs", "2701", "--reporter", "PRK", "--format", "json"]).standardOutput
        let rows = try JSONDecoder().decode(Output.self, from: Data(json.utf8)).rows
        #expect(rows.map(\.measure) == csv.map { $0["measure"]! })
        #expect(zip(rows, csv).allSatisfy { $0.value == Double($1["value"]!) && $0.reporter_code == 408 })
    }

    @Test("--wide pivots periods to columns; a figure is in the cell of its period")
    func wide() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("trade.sqlite").path
        #expect(try runTradescope(["ingest", Self.readerFixtures.appendingPathComponent("comtrade_legacy_selected.csv").path, "--db", db]).status == 0)
        let result = try runTradescope(["export", "--db", db, "--wide"])
        let rows = Self.parseCSV(result.standardOutput)
        // Periods of comtrade_legacy_selected.expected.csv: 1993, 1997, 2016, 2017.
        #expect(rows[0] == ["reporter_iso", "reporter_code", "reporter_name", "partner_iso", "partner_code", "partner_name", "flow", "hs_code",
                            "hs_level", "source", "classifications", "measure", "unit", "1993", "1997", "2016", "2017"])
        // Line 4 of the expected file: CHN 2017 import, 421339878 USD (no area list in the fixture data: no names).
        let chinaImport = try #require(rows.first { $0[0] == "CHN" && $0[3] == "PRK" && $0[6...8] == ["import", "27", "2"] && $0[11] == "value_usd" })
        #expect(chinaImport[1] == "156" && chinaImport[4] == "408" && chinaImport[10] == "H5")
        #expect(chinaImport[13...] == ["", "", "", "421339878"])
        #expect(try runTradescope(["export", "--db", db, "--wide", "--format", "json"]).status == 2)
    }
}

@Suite("tradescope series: sections and net weight")
struct SectionSeriesTests {
    @Test("--hs XV with tonnes and items: exit 2 naming both units; --quantity net-weight sums kilograms")
    func sectionUnits() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-section-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Synthetic rows (not real data): 7304 in kg (unit code 8), 7317 in items (unit code 5), both 2016.
        let tubes = IngestCommandTests.plusRow(year: 2016, valueUSD: "300", kilograms: "20000").replacingOccurrences(of: ",2701,", with: ",7304,")
        let nails = IngestCommandTests.plusRow(year: 2016, valueUSD: "500", kilograms: "10000").replacingOccurrences(of: ",2701,", with: ",7317,")
            .replacingOccurrences(of: ",8,kg,10000,", with: ",5,u,4000,")
        let file = directory.appendingPathComponent("metals.csv")
        try Data((IngestCommandTests.plusHeader + "\n" + tubes + "\n" + nails + "\n").utf8).write(to: file)
        let db = directory.appendingPathComponent("trade.sqlite").path
        #expect(try runTradescope(["ingest", file.path, "--db", db]).status == 0)
        let mixed = try runTradescope(["series", "--db", db, "--hs", "XV"])
        #expect(mixed.status == 2)
        #expect(mixed.standardError.contains("u (number of items)") && mixed.standardError.contains("t (metric tonnes)"), "\(mixed.standardError)")
        struct Row: Decodable { let period: String; let value_usd: Double?; let quantity: Double?; let quantity_unit: String?; let unit_price: Double? }
        struct Output: Decodable { let rows: [Row] }
        let result = try runTradescope(["series", "--db", db, "--hs", "XV", "--quantity", "net-weight", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8)).rows
        // Hand calculation: 300 + 500 = 800 USD; 20,000 + 10,000 = 30,000 kg; 800 / 30,000 USD/kg.
        #expect(rows.count == 1 && rows[0].value_usd == 800 && rows[0].quantity == 30_000 && rows[0].quantity_unit == "kg")
        expectClose(try #require(rows[0].unit_price), 800.0 / 30_000, rtol: 1e-15, atol: 0, "USD/kg")
    }
}
