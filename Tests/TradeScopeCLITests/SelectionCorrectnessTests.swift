import Foundation
import Testing

/// Right answers for every selection (issue 15): `--by` groups against single runs, other country pairs,
/// partial roll-ups, the sanctions calendar's scope, flows, empty selections and the manifest of a store.
/// The store is ingested from real UN Comtrade legacy rows (every reporter's trade with the DPRK, HS 27 and
/// 44; Tests/TradeScopeKitTests/Fixtures); the one non-DPRK pair is a small synthetic tidy file made here.
@Suite("Right answers for every selection")
struct SelectionCorrectnessTests {
    static let realComtrade = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("TradeScopeKitTests/Fixtures/comtrade_legacy_prk_hs27_hs44.csv").path

    /// A store ingested from the real Comtrade rows (and optionally more files), in a temporary directory.
    static func store(_ extra: [String] = []) throws -> (db: String, directory: URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-select-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("trade.sqlite").path
        let result = try runTradescope(["ingest", realComtrade] + extra + ["--db", db])
        #expect(result.status == 0, "\(result.standardError)")
        return (db, directory)
    }

    static func json(_ result: CommandResult) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], "\(result.standardError)")
    }

    @Test("trend --by reporter: each row is the single run of that reporter (it was one pair's fit on every row)")
    func trendByReporter() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let common = ["--db", db, "--partner", "PRK", "--flow", "import", "--hs", "27", "--model", "loglinear"]
        let batch = try runTradescope(["trend"] + common + ["--by", "reporter", "--format", "json"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let lines = batch.standardOutput.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        let rows = lines.compactMap { $0 }.filter { ($0["error"] as? String) == nil && $0["coefficients"] != nil }
        #expect(rows.count >= 10, "real data: many reporters import from the DPRK")
        var slopes = Set<Double>()
        for key in ["CHN", "JPN", "IND"] {
            let row = try #require(rows.first { $0["group"] as? String == key }, "no row for \(key)")
            let single = try Self.json(try runTradescope(["trend"] + common + ["--reporter", key, "--format", "json"]))
            let batchCoefficients = try #require(row["coefficients"] as? [[String: Any]])
            let singleCoefficients = try #require(single["coefficients"] as? [[String: Any]])
            #expect(batchCoefficients.count == singleCoefficients.count)
            for (b, s) in zip(batchCoefficients, singleCoefficients) {
                // Same data, same code path: the estimates agree to the last bit printed.
                #expect(b["estimate"] as? Double == s["estimate"] as? Double, "\(key): \(b) vs \(s)")
                #expect(b["std_error"] as? Double == s["std_error"] as? Double, "\(key)")
            }
            if let slope = batchCoefficients.last?["estimate"] as? Double { slopes.insert(slope) }
        }
        #expect(slopes.count == 3, "three reporters, three different trends")
    }

    @Test("a report for a non-DPRK pair says nothing about the DPRK, in text, md, html and json")
    func otherPair() throws {
        // Synthetic figures (not real): China's imports from Russia of wood (44) and fuels (27).
        let tidy = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-rus-\(UUID().uuidString).csv")
        var text = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
        for (index, year) in (2012...2019).enumerated() {
            text += "\(year),CHN,RUS,import,44,\(3_000_000_000 + 100_000_000 * index),,,SYNTHETIC,synthetic test figure\n"
            text += "\(year),CHN,RUS,import,27,\(30_000_000_000 + 900_000_000 * (index % 3)),,,SYNTHETIC,synthetic test figure\n"
            text += "\(year),CHN,RUS,import,TOTAL,\(40_000_000_000 + 1_000_000_000 * index),,,SYNTHETIC,synthetic test figure\n"
        }
        try text.write(to: tidy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: tidy) }
        let (db, directory) = try Self.store([tidy.path])
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in ["text", "md", "html", "json"] {
            let out = directory.appendingPathComponent("report.\(format)").path
            let result = try runTradescope(["report", "--db", db, "--reporter", "CHN", "--partner", "RUS", "--hs", "44,27", "--format", format, "--out", out])
            #expect(result.status == 0, "\(format): \(result.standardError)")
            let written = try String(contentsOfFile: out, encoding: .utf8)
            for phrase in ["DPRK", "PRK", "Dem. People", "North Korea", "UNSCR", "Sanction events", "sanctioned goods", "publishes no trade data"] {
                // The manifest names the calendar file it did not use only as "not applied"; no sentence of the report is about the DPRK.
                let body = format == "json" ? (written.components(separatedBy: "\"manifest\"").first ?? written) : written.components(separatedBy: "Run manifest").first ?? written
                #expect(!body.contains(phrase), "\(format) report for CHN-RUS contains '\(phrase)'")
            }
            #expect(written.contains("RUS"), "\(format): the pair is named")
        }
    }

    @Test("a TOTAL or section from a store holding chapters 27 and 44 only: coverage lists exactly those")
    func rollUpCoverage() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let total = try Self.json(try runTradescope(["series", "--db", db, "--reporter", "JPN", "--partner", "PRK", "--hs", "TOTAL", "--format", "json"]))
        #expect(total["coverage_complete"] as? Bool == false)
        let rows = try #require(total["rows"] as? [[String: Any]])
        let row = try #require(rows.first { $0["period"] as? String == "2000" })
        let coverage = try #require(row["coverage"] as? [String: Any])
        #expect(coverage["codes_present"] as? [String] == ["27", "44"])
        let missing = try #require(coverage["codes_missing"] as? [String])
        #expect(missing.count == 94 && !missing.contains("27") && !missing.contains("44") && !missing.contains("77"))
        #expect(coverage["complete"] as? Bool == false)
        // A section: V holds chapters 25-27, of which only 27 has figures.
        let section = try runTradescope(["series", "--db", db, "--reporter", "JPN", "--partner", "PRK", "--hs", "V", "--format", "csv"])
        #expect(section.standardOutput.contains("sum of 27; no figure for 25-26"), "\(section.standardOutput.prefix(400))")
        let textOut = try runTradescope(["series", "--db", db, "--reporter", "JPN", "--partner", "PRK", "--hs", "TOTAL"])
        #expect(textOut.standardOutput.contains("not the whole of HS TOTAL"))
        #expect(textOut.standardOutput.contains("sum of 27, 44; no figure for 01-26, 28-43, 45-97"))
        // A reported code is reported, not a sum.
        let chapter = try Self.json(try runTradescope(["series", "--db", db, "--reporter", "JPN", "--partner", "PRK", "--hs", "27", "--format", "json"]))
        #expect(chapter["coverage_complete"] as? Bool == true)
    }

    @Test("events accepts every code form: chapter ranges and sections reach UNSCR 2375's textile ban")
    func eventCodeForms() throws {
        for code in ["61-62", "50-63", "XI", "62"] {
            let result = try runTradescope(["events", "--hs", code, "--format", "json"], dataDirectory: nil)
            #expect(result.status == 0, "\(code): \(result.standardError)")
            let ids = ((try Self.json(result))["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids.contains("UNSCR-2375"), "\(code): \(ids)")
        }
        let coal = try Self.json(try runTradescope(["events", "--hs", "2701", "--format", "json"], dataDirectory: nil))
        let coalIDs = (coal["events"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(!coalIDs.contains("UNSCR-2375"))
    }

    @Test("re-exports are a flow of their own; a selection matching nothing exits 2 naming what is present")
    func flowsAndEmptySelections() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let reExport = try runTradescope(["series", "--db", db, "--reporter", "HKG", "--partner", "PRK", "--flow", "re-export", "--hs", "27", "--format", "csv"])
        #expect(reExport.status == 0, "\(reExport.standardError)")
        #expect(reExport.standardOutput.contains("1993,41754"), "Hong Kong's 1993 re-export of HS 27 (real row)")
        let noPartner = try runTradescope(["series", "--db", db, "--reporter", "CHN", "--partner", "XXX", "--hs", "27"])
        #expect(noPartner.status == 2)
        #expect(noPartner.standardError.contains("partners with records for reporter CHN: PRK"), "\(noPartner.standardError)")
        let noCode = try runTradescope(["series", "--db", db, "--reporter", "CHN", "--partner", "PRK", "--hs", "2601"])
        #expect(noCode.status == 2)
        #expect(noCode.standardError.contains("codes with records for this pair and flow: 27, 44"), "\(noCode.standardError)")
        let noReporter = try runTradescope(["series", "--db", db, "--reporter", "ZZZ", "--partner", "PRK", "--hs", "27"])
        #expect(noReporter.status == 2 && noReporter.standardError.contains("reporters with records:"))
    }

    @Test("the manifest of a store run names the store's files (with sizes), never the bundled trade file")
    func storeManifest() throws {
        let (db, directory) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        for arguments in [["series", "--hs", "27"], ["index", "--hs", "27,44", "--sanctions-at", "2017-12-31"]] {
            let result = try runTradescope(arguments + ["--db", db, "--reporter", "JPN", "--partner", "PRK", "--format", "json"])
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            let manifest = try #require((try Self.json(result))["manifest"] as? [String: Any])
            let inputs = try #require(manifest["inputs"] as? [[String: Any]])
            let names = inputs.compactMap { $0["name"] as? String }
            #expect(names.contains { $0.hasPrefix("store:") && $0.hasSuffix("comtrade_legacy_prk_hs27_hs44.csv") }, "\(names)")
            #expect(!names.contains("Data/dprk_china.csv"), "\(arguments): \(names)")
            let store = try #require(inputs.first { ($0["name"] as? String)?.hasPrefix("store:") == true })
            #expect(store["bytes"] as? Int == 330_525, "the size kept in provenance")
        }
    }
}

/// The bundled monthly coal series has gaps (39 of the 100 months from 2009-08 to 2017-11): the structural
/// model runs on it as it is. Run on the bundled Data/ (the fixture's monthly coal has two months): new
/// figures in Data/ may move the flags, and this test must then follow them.
@Suite("Gaps are data: the bundled monthly coal series")
struct BundledMonthlyTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    @Test("decompose picks the structural model on the gappy window and marks estimated months")
    func decompose() throws {
        let result = try runTradescope(["decompose", "--hs", "2701", "--freq", "monthly", "--from", "2009-08", "--to", "2017-11", "--format", "json"], dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let object = try SelectionCorrectnessTests.json(result)
        #expect(object["method"] as? String == "structural")
        // The months with a value, counted from `series` (39 months have some figure; fewer have a value).
        let series = try SelectionCorrectnessTests.json(try runTradescope(
            ["series", "--hs", "2701", "--freq", "monthly", "--from", "2009-08", "--to", "2017-11", "--format", "json"], dataDirectory: Self.data))
        let withValue = (series["rows"] as? [[String: Any]] ?? []).filter { $0["value_usd"] as? Double != nil }.count
        #expect(withValue >= 20)
        #expect(object["observed_periods"] as? Int == withValue && object["missing_periods"] as? Int == 100 - withValue)
        let rows = try #require(object["rows"] as? [[String: Any]])
        #expect(rows.count == 100)
        #expect(rows.filter { $0["estimated"] as? Bool == true }.count == 100 - withValue)
        // Every month has a smoothed level with a standard error, missing ones included.
        #expect(rows.allSatisfy { ($0["level"] as? Double) != nil && ($0["level_se"] as? Double ?? -1) > 0 })
        let stl = try runTradescope(["decompose", "--hs", "2701", "--freq", "monthly", "--method", "stl"], dataDirectory: Self.data)
        #expect(stl.status == 2 && stl.standardError.contains("longest complete window") && stl.standardError.contains("--method structural"))
    }

    @Test("anomalies --method structural flags the flows after UNSCR 2371's ban and the 2017 suspension, with their events")
    func anomalies() throws {
        let result = try runTradescope(["anomalies", "--hs", "2701", "--freq", "monthly", "--from", "2012-01", "--method", "structural", "--format", "json"],
                                       dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let flags = try #require((try SelectionCorrectnessTests.json(result))["anomalies"] as? [[String: Any]])
        let august = try #require(flags.first { $0["period"] as? String == "2017-08" }, "\(flags)")
        #expect(august["kind"] as? String == "outlier")
        #expect((august["nearest_event"] as? [String: Any])?["id"] as? String == "UNSCR-2371")
        let march = try #require(flags.first { $0["period"] as? String == "2017-03" }, "\(flags)")
        #expect(march["kind"] as? String == "level_shift" && (march["score"] as? Double ?? 0) < 0)
        let forecast = try runTradescope(["forecast", "--hs", "2701", "--freq", "monthly", "--from", "2012-01", "--method", "structural", "--horizon", "3", "--format", "json"],
                                         dataDirectory: Self.data)
        #expect(forecast.status == 0, "\(forecast.standardError)")
        let rows = try #require((try SelectionCorrectnessTests.json(forecast))["forecast"] as? [[String: Any]])
        #expect(rows.count == 3 && rows.allSatisfy { ($0["lower"] as? Double ?? -1) >= 0 })
    }
    @Test("anomalies without --method: the structural model on a window with gaps (and it says so), robust z on a complete one")
    func anomaliesAuto() throws {
        func flags(_ arguments: [String]) throws -> (flags: [[String: Any]], method: String) {
            let result = try runTradescope(["anomalies", "--hs", "2701", "--freq", "monthly", "--format", "json"] + arguments, dataDirectory: Self.data)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
            let object = try SelectionCorrectnessTests.json(result)
            return (try #require(object["anomalies"] as? [[String: Any]]), object["method"] as? String ?? "")
        }
        func periods(_ rows: [[String: Any]]) -> [String] { rows.compactMap { $0["period"] as? String } }
        // 2012-01 to 2017-12 has gaps: auto equals --method structural, flag for flag.
        let auto = try flags(["--from", "2012-01"]), structural = try flags(["--from", "2012-01", "--method", "structural"])
        #expect(!auto.flags.isEmpty && periods(auto.flags) == periods(structural.flags))
        #expect(auto.flags.map { $0["score"] as? Double } == structural.flags.map { $0["score"] as? Double })
        #expect(auto.method.contains("chosen because the window has"), "\(auto.method)")
        // 2016-10 to 2017-12 is complete (15 months, too few for STL: trend residuals): auto equals --method zscore.
        let window = ["--from", "2016-10", "--to", "2017-12", "--residuals", "trend"]
        let complete = try flags(window), zscore = try flags(window + ["--method", "zscore"])
        #expect(periods(complete.flags) == periods(zscore.flags) && complete.method == zscore.method)
        #expect(complete.method.hasPrefix("robust z"), "\(complete.method)")
    }
}

/// breaks and anomalies --by: each group's line equals the single run of that group, on real Comtrade rows.
@Suite("breaks and anomalies --by equal their single runs")
struct GroupedBreaksAnomaliesTests {
    @Test("--by reporter: the statistics, breaks and flags of each group are those of its single run", arguments: [
        ["breaks", "--method", "cusum"], ["breaks", "--method", "bai-perron", "--min-segment", "4"], ["anomalies", "--residuals", "trend"],
    ])
    func groupsEqualSingleRuns(command: [String]) throws {
        let (db, directory) = try SelectionCorrectnessTests.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let common = command + ["--db", db, "--partner", "PRK", "--flow", "import", "--hs", "27", "--format", "json"]
        let batch = try runTradescope(common + ["--by", "reporter"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let lines = batch.standardOutput.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count >= 10)
        var compared = 0
        for key in ["CHN", "JPN", "IND", "THA"] {
            guard let line = lines.first(where: { $0["group"] as? String == key }), line["error"] is NSNull || line["error"] == nil else { continue }
            let single = try SelectionCorrectnessTests.json(try runTradescope(common + ["--reporter", key]))
            for field in ["statistic", "p", "breaks", "n_breaks", "anomalies", "sanction_flags"] where single[field] != nil {
                let left = try #require(line[field], "\(key): the batch line has no \(field)")
                // Compared as canonical JSON text (sorted keys), so every number and period must be the same.
                func canonical(_ value: Any) throws -> String {
                    String(decoding: try JSONSerialization.data(withJSONObject: ["v": value], options: [.sortedKeys]), as: UTF8.self)
                }
                #expect(try canonical(left) == canonical(single[field] as Any), "\(command) \(key) \(field)")
                compared += 1
            }
        }
        #expect(compared >= 2, "\(command): too few groups compared")
    }
}

@Suite("--classification and --source select in the store as the definition does")
struct ClassificationSourceSelectionTests {
    /// Rows of `export --format json` as dictionaries.
    static func exported(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try runTradescope(["export", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        return try #require(object["rows"] as? [[String: Any]] ?? object["records"] as? [[String: Any]], "\(object.keys)")
    }

    @Test("export and series with --classification H2 / --source: exactly the rows of that HS version and source (real legacy rows)")
    func classificationAndSource() throws {
        let (db, directory) = try SelectionCorrectnessTests.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let all = try Self.exported(["--db", db])
        #expect(all.count > 1_900)
        let versions = Set(all.compactMap { $0["classification"] as? String })
        #expect(versions.isSuperset(of: ["H0", "H1", "H2", "H3", "H4", "H5"]), "\(versions)")
        for version in ["H2", "H5"] {
            let selected = try Self.exported(["--db", db, "--classification", version])
            #expect(!selected.isEmpty && selected.allSatisfy { $0["classification"] as? String == version })
            #expect(selected.count == all.filter { $0["classification"] as? String == version }.count, "\(version)")
        }
        let sources = Set(all.compactMap { $0["source"] as? String })
        let source = try #require(sources.sorted().first)
        let bySource = try Self.exported(["--db", db, "--source", source])
        #expect(bySource.count == all.filter { $0["source"] as? String == source }.count)
        #expect(try Self.exported(["--db", db, "--source", "NO_SUCH_SOURCE"]).isEmpty)
        // A series restricted to one HS version has only the years that version covers (H5: 2017 on).
        let series = try runTradescope(["series", "--db", db, "--reporter", "CHN", "--partner", "PRK", "--flow", "import", "--hs", "27",
                                        "--classification", "H5", "--format", "csv"])
        #expect(series.status == 0, "\(series.standardError)")
        let years = series.standardOutput.split(separator: "\n").dropFirst().compactMap { Int($0.prefix(4)) }
        let h5Years = Set(all.filter { $0["classification"] as? String == "H5" && $0["reporter_iso"] as? String == "CHN" }
            .compactMap { ($0["period"] as? String).flatMap { Int($0.prefix(4)) } })
        #expect(!years.isEmpty && Set(years) == h5Years, "\(years) vs \(h5Years)")
    }
}
