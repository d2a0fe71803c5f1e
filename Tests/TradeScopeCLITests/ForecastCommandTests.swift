import Foundation
import Testing
import _TestSupport

/// The fixture with every HS 2701 row of the bundled data (Fixtures/PROVENANCE.md, `whatif_data`).
private func allCoalRows() -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("whatif_data")
}

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

    /// Issue 15, defect 7: the monthly coal values 2016-10..2017-05 end in three zero months (the UNSCR 2321
    /// cap and China's February 2017 halt); the additive ETS line projected -25m, -49m, -73m USD with no warning.
    @Test("forecast of a series that fell to zero: every mean and bound >= 0, each format states the model's scale and the truncation")
    func coalAfterTheHaltIsNotNegative() throws {
        let arguments = ["forecast", "--hs", "2701", "--freq", "monthly", "--from", "2016-10", "--to", "2017-05", "--horizon", "3"]
        let result = try runTradescope(arguments + ["--format", "json"], dataDirectory: allCoalRows())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let rows = forecast(object)
        #expect(rows.compactMap { $0["period"] as? String } == ["2017-06", "2017-07", "2017-08"])
        for row in rows {
            for key in ["mean", "lower", "upper"] {
                let figure = try #require(row[key] as? Double, "\(key) missing in \(row)")
                #expect(figure >= 0, "\(row["period"] ?? "") \(key) = \(figure)")
            }
        }
        // The series has zeros, so it cannot be logged: the output says so, fits untransformed and names the truncation.
        #expect(object["transformation"] as? String == "none")
        #expect(object["error"] as? String == "additive")
        let notes = object["notes"] as? [String] ?? []
        #expect(notes.contains { $0.contains("cannot be logged") && $0.contains("first 2017-03 = 0") }, "\(notes)")
        #expect(notes.contains { $0.contains("truncated at 0") && $0.contains("point forecast in 2017-06, 2017-07, 2017-08") }, "\(notes)")
        let truncations = object["truncations"] as? [[String: Any]] ?? []
        #expect(truncations.contains { $0["figure"] as? String == "mean" && ($0["untruncated"] as? Double ?? 0) < -20e6 })
        #expect(rows.allSatisfy { ($0["truncated"] as? [String] ?? []).contains("mean") })
        // Text, Markdown, HTML and CSV state it too.
        for format in ["text", "md", "html", "csv"] {
            let rendered = try runTradescope(arguments + ["--format", format], dataDirectory: allCoalRows())
            #expect(rendered.status == 0, "\(format): \(rendered.standardError)")
            // A negative figure is a minus sign at the start of a number (after a space, comma, bar or tag).
            // In HTML only the text a reader sees counts, not markup (the chart's rotate(-90) transform).
            let shown = format == "html" ? rendered.standardOutput.replacingOccurrences(of: "<[^>]*>", with: " ", options: .regularExpression)
                : rendered.standardOutput
            let negative = shown.range(of: "(^|[ ,|>(])-[0-9]", options: .regularExpression)
            #expect(negative == nil, "\(format) shows a negative figure:\n\(rendered.standardOutput)")
            if format == "csv" {
                #expect(rendered.standardOutput.hasPrefix("period,mean,lower,upper,level,transformation,point,truncated\n"))
                #expect(rendered.standardOutput.contains(",0.95,none,mean,mean;lower\n"), "\(rendered.standardOutput)")
            } else {
                #expect(rendered.standardOutput.contains("cannot be logged"), "\(format)")
                #expect(rendered.standardOutput.contains("truncated at 0"), "\(format)")
            }
        }
    }

    @Test("a positive series is fitted on logs by default: the output says so and the bounds are positive; --transform none is the old model")
    func positiveSeriesOnLogs() throws {
        // Values 2016-10..2017-02 (before the zeros): positive, falling from 184m to 97.6m.
        let arguments = ["forecast", "--hs", "2701", "--freq", "monthly", "--from", "2016-10", "--to", "2017-02", "--horizon", "6",
                         "--trend", "additive", "--format", "json"]
        let logged = try runTradescope(arguments, dataDirectory: allCoalRows())
        #expect(logged.status == 0, "\(logged.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(logged.standardOutput.utf8)) as? [String: Any])
        #expect(object["transformation"] as? String == "log")
        #expect(object["box_cox_lambda"] as? Double == 0)
        #expect(object["point"] as? String == "bias-adjusted mean")
        #expect((object["notes"] as? [String] ?? []).contains { $0.contains("model fitted on logs") })
        let rows = forecast(object)
        #expect(rows.count == 6)
        #expect(rows.allSatisfy { ($0["lower"] as? Double ?? -1) > 0 && ($0["mean"] as? Double ?? -1) > 0 })
        #expect((object["truncations"] as? [Any] ?? [1]).isEmpty)
        // The median is exp of the log forecast: below the bias-adjusted mean, inside the interval.
        let median = try runTradescope(arguments + ["--point", "median"], dataDirectory: allCoalRows())
        let medianObject = try #require(try JSONSerialization.jsonObject(with: Data(median.standardOutput.utf8)) as? [String: Any])
        #expect(medianObject["point"] as? String == "median")
        for (m, a) in zip(forecast(medianObject), rows) {
            #expect((m["mean"] as? Double ?? .nan) < (a["mean"] as? Double ?? .nan))
            #expect(m["lower"] as? Double == a["lower"] as? Double)
        }
        let plain = try runTradescope(arguments + ["--transform", "none"], dataDirectory: allCoalRows())
        let plainObject = try #require(try JSONSerialization.jsonObject(with: Data(plain.standardOutput.utf8)) as? [String: Any])
        #expect(plainObject["transformation"] as? String == "none")
        #expect(forecast(plainObject).allSatisfy { ($0["lower"] as? Double ?? -1) >= 0 })
        // --transform log on a series with zeros is refused with the reason.
        let refused = try runTradescope(["forecast", "--hs", "2701", "--freq", "monthly", "--from", "2016-10", "--to", "2017-05",
                                         "--horizon", "3", "--transform", "log"], dataDirectory: allCoalRows())
        #expect(refused.status != 0)
        #expect(refused.standardError.contains("not positive"), "\(refused.standardError)")
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
