import Foundation
import Testing
import _TestSupport

/// The shipped example scenarios, in the repository's Data/scenarios (the files under test, not data).
private func exampleScenario(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/scenarios/\(name)").path
}

/// The repository's Data/ directory: the bundled data the example scenarios are written for.
private func bundledData() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")
}

/// The fixture with the years before the 2016-2017 measures (Fixtures/PROVENANCE.md).
private func whatifData() -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("whatif_data")
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func impacts(_ object: [String: Any]) -> [[String: Any]] { object["impacts"] as? [[String: Any]] ?? [] }

@Suite("tradescope whatif and forecast")
struct WhatifCommandTests {
    @Test("the 2371 coal ban moved to March 2016: with its 30-day grace it bites from 1 April, so 2016 keeps 3/12 and 2017 nothing")
    func coalBanMoved() throws {
        let result = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), "--format", "json"], dataDirectory: whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        let rows = impacts(object)
        #expect(rows.map { $0["period"] as? String } == ["2016", "2017"])
        // Hand calculation: Jan-Mar of 12 months retained in 2016; none in 2017.
        expectClose(rows[0]["retained_share"] as? Double ?? .nan, 0.25, rtol: 1e-12, atol: 0, "2016 share")
        expectClose(rows[1]["retained_share"] as? Double ?? .nan, 0, rtol: 0, atol: 0, "2017 share")
        for row in rows {
            let baseline = row["baseline"] as? Double ?? .nan, counterfactual = row["counterfactual"] as? Double ?? .nan
            expectClose(counterfactual + (row["forgone_value"] as? Double ?? .nan), baseline, rtol: 1e-12, atol: 0, "adds up")
            #expect((row["lower"] as? Double ?? .nan) <= counterfactual && counterfactual <= (row["upper"] as? Double ?? .nan))
        }
        // Actual 2016 value from the data (CEIC_NIKKEI_2017, USD 1.18bn), not filled for 2017 quantity (missing).
        #expect(rows[0]["actual"] as? Double == 1_180_000_000)
        #expect(rows[1]["actual_quantity"] is NSNull)
        let baselines = object["baseline"] as? [[String: Any]] ?? []
        // The value baseline is fitted through 2015; the quantity one (2012-2015 and two earlier years) is refused: no
        // candidate has enough figures at the backtest origins (Baselines chosen by evidence, issue 21).
        #expect(baselines.map { $0["fit_to"] as? String } == ["2015"])
        #expect(baselines.map { $0["measure"] as? String } == ["value_usd"])
        #expect((object["notes"] as? [String] ?? []).contains { $0.contains("quantity baseline for HS 2701 refused") })
        // Deterministic: the same run gives the same bytes.
        let again = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), "--format", "json"], dataDirectory: whatifData())
        #expect(again.standardOutput == result.standardOutput)
    }

    @Test("impacts by HS section in JSON and text: section V holds 2701 and its sums equal the totals")
    func sections() throws {
        let result = try runTradescope(["whatif", exampleScenario("coal_2321_cap_70pct.yaml"), "--format", "json"], dataDirectory: whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        let sections = object["sections"] as? [[String: Any]] ?? []
        #expect(sections.map { $0["section"] as? String } == ["V"])
        #expect(sections.first?["hs"] as? [String] == ["2701"])
        let total = try #require((object["totals"] as? [String: Any])?["forgone_value"] as? [String: Any])
        let section = try #require(sections.first?["forgone_value"] as? [String: Any])
        for key in ["mean", "lower", "upper"] {
            expectClose(section[key] as? Double ?? .nan, total[key] as? Double ?? .nan, rtol: 1e-12, atol: 0, "section = total (\(key))")
        }
        let periods = sections.first?["periods"] as? [[String: Any]] ?? []
        let byPeriod = periods.map { ($0["forgone_value"] as? [String: Any])?["mean"] as? Double ?? .nan }.reduce(0, +)
        expectClose(byPeriod, total["mean"] as? Double ?? .nan, rtol: 1e-12, atol: 0, "periods add up")
        let text = try runTradescope(["whatif", exampleScenario("coal_2321_cap_70pct.yaml")], dataDirectory: whatifData())
        #expect(text.standardOutput.contains("By HS section\n-------------\n"))
        #expect(text.standardOutput.contains("V Mineral products"))
    }

    @Test("the 2321 coal cap at 70% compliance: the 2017 share follows the lesser-of rule by hand from the baselines")
    func coalCap() throws {
        let result = try runTradescope(["whatif", exampleScenario("coal_2321_cap_70pct.yaml"), "--format", "json"], dataDirectory: whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let rows = impacts(try json(result.standardOutput))
        let row2017 = try #require(rows.first { $0["period"] as? String == "2017" })
        let value = row2017["baseline"] as? Double ?? .nan, quantity = row2017["baseline_quantity"] as? Double ?? .nan
        // Allowed share f = min(1, 0.95 * 400,870,018 / V, 0.95 * 7,500,000 / Q); the excess passes at 1 - 0.7.
        let allowed = min(1, 0.95 * 400_870_018 / value, 0.95 * 7_500_000 / quantity)
        expectClose(row2017["retained_share"] as? Double ?? .nan, allowed + (1 - allowed) * 0.3, rtol: 1e-12, atol: 0, "2017 share")
        let row2016 = try #require(rows.first { $0["period"] as? String == "2016" })
        #expect(row2016["retained_share"] as? Double == 1)
    }

    /// Run on the bundled data (the fixture ends in 2017, before the first full year of the ban):
    /// new textile figures in Data/ change the expected mean below, and this test must follow them.
    @Test("the 2375 textile ban removed: clothing (HS 61-62) year by year, baseline fitted on 2014-2016, the real ban bites from 11 Dec 2017")
    func textiles() throws {
        // The shipped file fits on logs (the default): its baseline is the bias-adjusted mean, at or above the
        // geometric mean of the fit years (the median on logs). The hand calculation below is for the additive
        // model, the same file with `transform: none`.
        let shipped = try json(try runTradescope(["whatif", exampleScenario("textiles_2375_removed.yaml"), "--format", "json"],
                                                 dataDirectory: bundledData()).standardOutput)
        let geometric = exp((log(622_000_000.0) + log(800_000_000) + log(600_000_000)) / 3)
        for row in impacts(shipped) { #expect((row["baseline"] as? Double ?? 0) >= geometric * (1 - 1e-6), "log-scale mean below the median") }
        let additive = FileManager.default.temporaryDirectory.appendingPathComponent("textiles-additive-\(UUID().uuidString).yaml")
        let text = try String(contentsOfFile: exampleScenario("textiles_2375_removed.yaml"), encoding: .utf8)
        try text.replacingOccurrences(of: "  allow_short: true\n", with: "  allow_short: true\n  transform: none\n").write(to: additive, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: additive) }
        let result = try runTradescope(["whatif", additive.path, "--format", "json"], dataDirectory: bundledData())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        let rows = impacts(object)
        #expect(rows.map { $0["period"] as? String } == ["2017", "2018"])
        let baseline = try #require((object["baseline"] as? [[String: Any]])?.first)
        #expect(baseline["fit_from"] as? String == "2014" && baseline["fit_to"] as? String == "2016" && baseline["observations"] as? Int == 3)
        // Hand calculation: the HS 61-62 figures of 2015 and 2016 in Data/dprk_china.csv (USD 800m, 600m) and
        // the HS 62 figure of 2014 (USD 622m, rolled up); ETS(A,N,N) with alpha at its lower bound (1e-4)
        // forecasts their mean, 674,000,000, up to alpha's weight on the last errors.
        let mean = (622_000_000.0 + 800_000_000 + 600_000_000) / 3
        // Real calendar: the ban is in force from 11 December 2017 (grace to the 10th), 21 of 31 days of
        // one month of twelve in 2017, all of 2018. The scenario drops it, so it keeps everything.
        let realShares = [1 - 21.0 / 31 / 12, 0]
        for (row, realShare) in zip(rows, realShares) {
            let value = row["baseline"] as? Double ?? .nan
            expectClose(value, mean, rtol: 1e-6, atol: 0, "baseline near the mean of the fit years")
            expectClose(row["retained_share"] as? Double ?? .nan, 1, rtol: 0, atol: 0, "scenario share")
            expectClose(row["real_retained_share"] as? Double ?? .nan, realShare, rtol: 1e-12, atol: 0, "real share")
            expectClose(row["real_calendar"] as? Double ?? .nan, value * realShare, rtol: 1e-12, atol: 0, "real calendar value")
            expectClose(row["forgone_value"] as? Double ?? .nan, 0, rtol: 0, atol: 0, "nothing forgone")
        }
        let textOutput = try runTradescope(["whatif", exampleScenario("textiles_2375_removed.yaml")], dataDirectory: bundledData())
        // Text lines are wrapped at 100 columns with a two-space indent: join them before searching.
        #expect(textOutput.standardOutput.replacingOccurrences(of: "\n  ", with: " ").contains("fitted on 2014 to 2016 (3 figures"))
    }

    @Test("several scenarios side by side, and a sweep, in CSV")
    func sideBySideAndSweep() throws {
        let both = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), exampleScenario("coal_2321_cap_70pct.yaml")],
                                     dataDirectory: whatifData())
        #expect(both.status == 0)
        #expect(both.standardOutput.contains("Scenarios side by side"))
        let sweep = try runTradescope(["whatif", exampleScenario("coal_2321_cap_70pct.yaml"), "--sweep", "UNSCR-2321:compliance=0,1",
                                       "--format", "csv"], dataDirectory: whatifData())
        #expect(sweep.status == 0, "\(sweep.standardError)")
        let lines = sweep.standardOutput.split(separator: "\n")
        #expect(lines.count == 1 + 2 * 2)
        #expect(lines.filter { $0.hasPrefix("UNSCR-2321 compliance 0.0,2701,2017,") }.count == 1)
    }

    @Test("bad scenario files exit 2 with file, line and column", arguments: [
        ("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: UNSCR-2371\n    compliance: 2\n", ":5:17: compliance '2' is invalid"),
        ("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: UNSCR-0000\n", ":4:10: no event 'UNSCR-0000'"),
        ("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: UNSCR-2371\n    shift_to: 1990-01-01\n", ":5:15: shift_to 1990-01-01 lies outside the data"),
        ("name: [x\n", ":2:1: YAML syntax error"),
    ])
    func badFiles(yaml: String, message: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let result = try runTradescope(["whatif", url.path], dataDirectory: whatifData())
        #expect(result.status == 2)
        #expect(result.standardError.contains(url.path + message), "\(result.standardError)")
    }

    @Test("forecast: JSON as in CLI.md, repeatable, and a gap in the window exits 2 naming the period")
    func forecast() throws {
        let arguments = ["forecast", "--hs", "2701", "--from", "2009", "--to", "2015", "--method", "holt-winters", "--horizon", "2", "--format", "json"]
        let result = try runTradescope(arguments, dataDirectory: whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        let rows = object["forecast"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["period"] as? String } == ["2016", "2017"])
        #expect(object["params"] is [String: Any] && object["sse"] is Double)
        for row in rows { #expect((row["lower"] as? Double ?? .nan) < (row["mean"] as? Double ?? .nan)) }
        #expect(try runTradescope(arguments, dataDirectory: whatifData()).standardOutput == result.standardOutput)
        let gap = try runTradescope(["forecast", "--hs", "2701", "--from", "2003", "--to", "2015", "--horizon", "1"], dataDirectory: whatifData())
        #expect(gap.status == 2)
        #expect(gap.standardError.contains("2005 is missing"), "\(gap.standardError)")
    }
}
