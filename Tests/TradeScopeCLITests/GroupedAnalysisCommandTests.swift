import Foundation
import Testing
import _TestSupport

@Suite("breaks --by and anomalies --by: one CSV row or NDJSON line per group")
struct GroupedAnalysisCommandTests {
    @Test("breaks --by hs2 --method cusum: chapter 27 as R strucchange; chapter 44 fails with its reason in the row")
    func breaksByChapter() throws {
        let result = try runTradescope(["breaks", "--by", "hs2", "--method", "cusum", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "group,periods,missing,type,statistic,p,error")
        // Reference: the fixture's chapter-27 values (China's imports from the DPRK, UN Comtrade, 1992-2017, 26 years,
        // as `series --hs 27 --format csv` lists them) in R 4.2.2 / strucchange 1.5.3:
        //   sctest(efp(ts(value_usd, start = 1992) ~ 1, type = "Rec-CUSUM")) -> S = 1.1442907681255778, p = 0.0098816109448530698
        let row27 = try #require(lines.first { $0.hasPrefix("27,") }).split(separator: ",", omittingEmptySubsequences: false)
        expectClose(try #require(Double(row27[4])), 1.1442907681255778, rtol: 1e-7, atol: 0, "S")
        expectClose(try #require(Double(row27[5])), 0.0098816109448530698, rtol: 0, atol: 1e-6, "p")
        // Chapter 44 has one year (2016) in the fixture.
        #expect(row27[1] == "26" && row27[2] == "0", "26 years, none missing")
        #expect(lines.contains("44,,,,,,Recursive CUSUM test needs at least 3 observations; the series has 1 usable ones"))
    }

    @Test("anomalies --by hs4 writes NDJSON, one object per group; bad combinations are refused")
    func anomaliesByHeading() throws {
        let result = try runTradescope(["anomalies", "--by", "hs4", "--measure", "unit-price", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n")
        #expect(lines.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(object["group"] as? String == "2701" && object["anomalies"] is [Any] && object["sanction_flags"] is [Any])
        let withSeries = try runTradescope(["anomalies", "--by", "hs4", "--series", seriesFixture("nile.csv")])
        #expect(withSeries.status == 2 && withSeries.standardError.contains("--by splits a trade selection"))
        #expect(try runTradescope(["breaks", "--by", "hs9"]).status == 2)
    }

    /// Issue 23 item 8: one group near 1e300 unwrapped nil in Bai-Perron and killed the whole `--by` run.
    @Test("breaks --by hs4 --method bai-perron: a group near 1e300 is an error row; the other equals its single run")
    func baiPerronFailingGroup() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-by-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Synthetic (seeded): HS 2701 steps from about 100 to about 300 in 2005; HS 2601 is of order 1e300.
        var random = PropertyRandom(seed: 23_08)
        var text = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
        for year in 1990..<2020 {
            text += "\(year),CHN,PRK,import,2701,\((year < 2005 ? 100 : 300) + random.integer(0...20)),,,SYNTHETIC,\n"
            text += "\(year),CHN,PRK,import,2601,\(1e300 * (1 + random.unit())),,,SYNTHETIC,\n"
        }
        let input = directory.appendingPathComponent("groups.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("store.sqlite").path
        #expect(try runTradescope(["ingest", input.path, "--db", db]).status == 0)
        let batch = try runTradescope(["breaks", "--db", db, "--by", "hs4", "--method", "bai-perron", "--format", "csv"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let lines = batch.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "group,periods,missing,n,n_breaks,breaks,ci_low,ci_high,error")
        let failing = try #require(lines.first { $0.hasPrefix("2601,") })
        #expect(failing.hasPrefix("2601,,,,,,,,data scale ") && failing.contains("overflow double precision"), "\(failing)")
        let single = try runTradescope(["breaks", "--db", db, "--hs", "2701", "--method", "bai-perron", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(single.standardOutput.utf8)) as? [String: Any])
        let periods = (object["breaks"] as? [[String: Any]] ?? []).compactMap { $0["period"] as? String }
        #expect(!periods.isEmpty)
        #expect(lines.contains { $0.hasPrefix("2701,30,0,30,\(periods.count),\(periods.joined(separator: " ")),") }, "\(lines)")
    }

    /// Issue 23 item 10: a constant series got 5 Bai-Perron breaks and a CUSUM p of 3.3e-05 from rounding noise.
    @Test("a constant series: breaks says there is nothing to test, alone (exit 2) and as a --by row", arguments: ["bai-perron", "cusum"])
    func constantGroup(method: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-constant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // Synthetic: HS 2701 varies (seeded), HS 2601 is 1000 every year.
        var random = PropertyRandom(seed: 23_10)
        var text = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
        for year in 1990..<2020 {
            text += "\(year),CHN,PRK,import,2701,\(100 + random.integer(0...50)),,,SYNTHETIC,\n"
            text += "\(year),CHN,PRK,import,2601,1000,,,SYNTHETIC,\n"
        }
        let input = directory.appendingPathComponent("groups.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let db = directory.appendingPathComponent("store.sqlite").path
        #expect(try runTradescope(["ingest", input.path, "--db", db]).status == 0)
        let single = try runTradescope(["breaks", "--db", db, "--hs", "2601", "--method", method])
        #expect(single.status == 2, "\(single.standardOutput)")
        #expect(single.standardError.contains("the model fits the series exactly"), "\(single.standardError)")
        let batch = try runTradescope(["breaks", "--db", db, "--by", "hs4", "--method", method, "--format", "csv"])
        #expect(batch.status == 0, "\(batch.standardError)")
        let row = batch.standardOutput.split(separator: "\n").first { $0.hasPrefix("2601,") }.map(String.init) ?? ""
        #expect(row.contains("the model fits the series exactly"), "\(batch.standardOutput)")
        #expect(batch.standardOutput.split(separator: "\n").contains { $0.hasPrefix("2701,") && !$0.contains("exactly") })
    }
}
