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
}
