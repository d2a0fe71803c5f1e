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
        #expect(lines.first == "group,type,statistic,p,error")
        // Reference: the fixture's chapter-27 values (China's imports from the DPRK, UN Comtrade, 1992-2017, 26 years,
        // as `series --hs 27 --format csv` lists them) in R 4.2.2 / strucchange 1.5.3:
        //   sctest(efp(ts(value_usd, start = 1992) ~ 1, type = "Rec-CUSUM")) -> S = 1.1442907681255778, p = 0.0098816109448530698
        let row27 = try #require(lines.first { $0.hasPrefix("27,") }).split(separator: ",", omittingEmptySubsequences: false)
        expectClose(try #require(Double(row27[2])), 1.1442907681255778, rtol: 1e-7, atol: 0, "S")
        expectClose(try #require(Double(row27[3])), 0.0098816109448530698, rtol: 0, atol: 1e-6, "p")
        // Chapter 44 has one year (2016) in the fixture.
        #expect(lines.contains("44,,,,Recursive CUSUM test needs at least 3 observations; the series has 1 usable ones"))
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
}
