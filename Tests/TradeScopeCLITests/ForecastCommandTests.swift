import Foundation
import Testing

@Suite("tradescope forecast: inputs")
struct ForecastCommandTests {
    private func forecast(_ object: [String: Any]) -> [[String: Any]] { object["forecast"] as? [[String: Any]] ?? [] }

    @Test("--series period,value gives the same forecast as the same figures read from the trade selection")
    func seriesFileMatchesSelection() throws {
        // The fixture's coal values 2013-2016 (KITA 2013, 2014; NEWSPOSTSEVEN 2015; CEIC 2016), written as a
        // period,value file: both inputs must reach the same fit (same numbers, same model, same seed).
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-forecast-\(UUID().uuidString).csv")
        try "period,value\n2013,1373710000\n2014,1132180000\n2015,1100000000\n2016,1180000000\n".write(to: file, atomically: true, encoding: .utf8)
        let common = ["--method", "ets", "--trend", "none", "--horizon", "2", "--format", "json"]
        let fromFile = try runTradescope(["forecast", "--series", file.path] + common)
        let fromSelection = try runTradescope(["forecast", "--hs", "2701", "--from", "2013", "--to", "2016"] + common)
        #expect(fromFile.status == 0, "\(fromFile.standardError)")
        #expect(fromSelection.status == 0, "\(fromSelection.standardError)")
        let a = try JSONSerialization.jsonObject(with: Data(fromFile.standardOutput.utf8)) as? [String: Any] ?? [:]
        let b = try JSONSerialization.jsonObject(with: Data(fromSelection.standardOutput.utf8)) as? [String: Any] ?? [:]
        let meansA = forecast(a).compactMap { $0["mean"] as? Double }
        let meansB = forecast(b).compactMap { $0["mean"] as? Double }
        #expect(meansA.count == 2)
        #expect(meansA == meansB)
        #expect(forecast(a).compactMap { $0["period"] as? String } == ["2017", "2018"])
    }

    @Test("--series and --data together, or a bad series file, exit 2")
    func badInput() throws {
        let both = try runTradescope(["forecast", "--series", "a.csv", "--data", "b.csv", "--horizon", "1"])
        #expect(both.status == 2)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-forecast-bad-\(UUID().uuidString).csv")
        try "period,value\n2013,1\n2014,x\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try runTradescope(["forecast", "--series", file.path, "--horizon", "1"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains(":3: field 'value'"), "\(bad.standardError)")
    }

    /// Issue 23 item 7: `--horizon 10000`, or a series ending in 9999, tripped a precondition in `Period.advanced`.
    @Test("a horizon past the year 9999 or over the limit is exit 2 with the limit", arguments: [
        ("2013,1\n2014,2\n2015,1.5\n2016,1.8\n", "10000", "horizon 10000 is invalid: must be at most 1000 periods"),
        ("9996,1\n9997,2\n9998,1.5\n9999,1.8\n", "1", "horizon 1 is invalid: a forecast after 9999 may reach at most 0 periods ahead"),
        ("9990,1\n9991,2\n9992,1.5\n9993,1.8\n", "7", "horizon 7 is invalid: a forecast after 9993 may reach at most 6 periods ahead"),
    ])
    func horizonLimits(series: String, horizon: String, message: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-forecast-late-\(UUID().uuidString).csv")
        try ("period,value\n" + series).write(to: file, atomically: true, encoding: .utf8)
        for method in ["ets", "holt-winters"] {
            let result = try runTradescope(["forecast", "--series", file.path, "--method", method, "--trend", "none", "--horizon", horizon])
            #expect(result.status == 2, "\(result.standardError)")
            #expect(result.standardError.contains(message), "\(result.standardError)")
            #expect(!result.standardError.contains("Fatal error"), "\(result.standardError)")
        }
    }

    @Test("the last horizon that fits the calendar is forecast")
    func horizonToYear9999() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-forecast-end-\(UUID().uuidString).csv")
        try "period,value\n9990,1\n9991,2\n9992,1.5\n9993,1.8\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runTradescope(["forecast", "--series", file.path, "--method", "ets", "--trend", "none", "--horizon", "6", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any] ?? [:]
        #expect(forecast(object).compactMap { $0["period"] as? String }.last == "9999")
    }

    /// Issue 23 item 24: `--horizon -1` said "Missing value for '--horizon'", as if none were given.
    @Test("a negative horizon is refused as a horizon, not as a missing value")
    func negativeHorizon() throws {
        let result = try runTradescope(["forecast", "--hs", "2701", "--horizon", "-1"])
        #expect(result.status == 2, "\(result.standardError)")
        #expect(result.standardError.contains("--horizon must be at least 1 (periods ahead)"), "\(result.standardError)")
    }
}
