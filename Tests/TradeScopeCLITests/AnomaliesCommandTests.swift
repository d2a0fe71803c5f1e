import Foundation
import Testing
import _TestSupport

@Suite("tradescope anomalies and decompose")
struct AnomaliesCommandTests {
    @Test("robust z of the Nile's linear-trend residuals: 1913 flagged (R: z = -2.775, anomalies_zscore.csv); --fail-on-anomaly exits 1")
    func nile() throws {
        let arguments = ["anomalies", "--series", seriesFixture("nile.csv"), "--threshold", "2.5", "--hs", "2701", "--format", "json"]
        let plain = try runTradescope(arguments)
        #expect(plain.status == 0, "\(plain.standardError)")
        let anomalies = try #require(try jsonObject(plain)["anomalies"] as? [[String: Any]])
        #expect(anomalies.map { $0["period"] as? String } == ["1913"])
        // R 4.2.2: residual of lm(Nile ~ t) at t = 42 is -483.70729072907289, z = -2.7750186992978207; value 456.
        expectClose(try #require(anomalies[0]["score"] as? Double), -2.7750186992978207, rtol: 1e-9, atol: 0, "z")
        expectClose(try #require(anomalies[0]["expected"] as? Double), 456 + 483.70729072907289, rtol: 1e-9, atol: 0, "expected")
        // The fixture calendar's coal events: UNSCR-2321 (cap, effective 2017-01-01) and UNSCR-2371 (2017-08-05);
        // the nearer to 1913 is UNSCR-2321, 2017 - 1913 = 104 years before.
        let event = try #require(anomalies[0]["nearest_event"] as? [String: Any])
        #expect(event["id"] as? String == "UNSCR-2321" && event["periods_from_event"] as? Int == -104 && event["months_from_event"] as? Int == -1248)
        let failing = try runTradescope(arguments + ["--fail-on-anomaly"])
        #expect(failing.status == 1)
        #expect(try runTradescope(["anomalies", "--series", seriesFixture("nile.csv"), "--fail-on-anomaly"]).status == 0)
    }

    @Test("generalized ESD on a trade selection: unit price of coal, with the sanction screens in JSON")
    func tradeSelection() throws {
        let result = try runTradescope(["anomalies", "--hs", "2701", "--measure", "unit-price", "--method", "esd", "--max-outliers", "1", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result)
        #expect(object["anomalies"] is [Any] && object["sanction_flags"] is [Any])
        let selection = try #require(object["selection"] as? [String: Any])
        #expect(selection["hs"] as? String == "2701" && selection["reporter"] as? String == "CHN")
    }

    @Test("decompose: components add up to the data; parameters resolved as statsmodels STL does")
    func decompose() throws {
        let result = try runTradescope(["decompose", "--series", seriesFixture("ukdriverdeaths.csv"), "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result)
        let observed = try #require(object["observed"] as? [Double])
        let trend = try #require(object["trend"] as? [Double]), seasonal = try #require(object["seasonal"] as? [Double])
        let remainder = try #require(object["remainder"] as? [Double])
        #expect(observed.count == 192 && (object["periods"] as? [String])?.first == "1969-01")
        expectClose(observed.indices.map { trend[$0] + seasonal[$0] + remainder[$0] }, observed, rtol: 1e-12, atol: 0, "sum")
        // statsmodels: trend = smallest odd integer >= 1.5 * 12 / (1 - 1.5 / 7) = 22.9 -> 23; low_pass = smallest odd > 12 = 13.
        let parameters = try #require(object["parameters"] as? [String: Any])
        #expect(parameters["period"] as? Int == 12 && parameters["seasonal"] as? Int == 7)
        #expect(parameters["trend"] as? Int == 23 && parameters["low_pass"] as? Int == 13)
        #expect(try runTradescope(["decompose", "--help"]).standardOutput.contains("Examples:"))
        let annual = try runTradescope(["decompose", "--series", seriesFixture("nile.csv")])
        #expect(annual.status == 2, "STL of an annual series needs --period")
    }

    @Test("report shows the diagnostics next to the events, with a note where the data is too short")
    func reportSection() throws {
        let result = try runTradescope(["report"])
        #expect(result.status == 0, "\(result.standardError)")
        // The fixture's annual coal value runs 2013-2016: 4 periods, fewer than the 8 a break search needs.
        #expect(result.standardOutput.contains("Breaks and anomalies near the sanction events"))
        #expect(result.standardOutput.contains("No break search on value: 2013 to 2016 has 4 observed periods; 8 are needed."), "\(result.standardOutput)")
        let object = try jsonObject(try runTradescope(["report", "--format", "json"]))
        let diagnostics = try #require(object["diagnostics"] as? [String: Any])
        #expect((diagnostics["measures"] as? [Any])?.count == 3)
    }
}
