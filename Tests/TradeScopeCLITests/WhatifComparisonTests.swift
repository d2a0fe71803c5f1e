import Foundation
import Testing
import _TestSupport

/// The shipped example scenarios (Data/scenarios: the files under test, not data).
private func exampleScenario(_ name: String) -> String {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data/scenarios/\(name)").path
}

/// Every CHN/PRK coal and textile row of the bundled data (Fixtures/PROVENANCE.md, `whatif_data`).
private func whatifData() -> URL {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("whatif_data")
}

/// The repository's Data/ directory: the textile scenario projects to 2018, past the fixture's last year.
private func bundledData() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")
}

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func number(_ any: Any?) -> Double { any as? Double ?? .nan }

private let shipped = ["coal_2321_cap_70pct.yaml", "coal_2321_cap_50pct.yaml", "coal_2371_march_2016.yaml",
                       "coal_2371_six_months_earlier.yaml", "textiles_2375_removed.yaml"]

@Suite("tradescope whatif: comparisons, monthly and textile scenarios, plain outputs, charts")
struct WhatifComparisonTests {
    @Test("--against B equals the difference of the two runs (cap at 50% minus cap at 70%), per period and in total")
    func againstEqualsDifferenceOfRuns() throws {
        let a = try runTradescope(["whatif", exampleScenario("coal_2321_cap_50pct.yaml"), "--format", "json"], dataDirectory: whatifData())
        let b = try runTradescope(["whatif", exampleScenario("coal_2321_cap_70pct.yaml"), "--format", "json"], dataDirectory: whatifData())
        let both = try runTradescope(["whatif", exampleScenario("coal_2321_cap_50pct.yaml"), "--against", exampleScenario("coal_2321_cap_70pct.yaml"),
                                      "--format", "json"], dataDirectory: whatifData())
        #expect(a.status == 0 && b.status == 0 && both.status == 0, "\(a.standardError)\(b.standardError)\(both.standardError)")
        let rowsA = try json(a.standardOutput)["impacts"] as? [[String: Any]] ?? []
        let rowsB = try json(b.standardOutput)["impacts"] as? [[String: Any]] ?? []
        let comparison = try #require((try json(both.standardOutput)["comparisons"] as? [[String: Any]])?.first)
        #expect(comparison["against"] as? String == "UNSCR 2321 coal cap at 70% compliance")
        let differences = comparison["differences"] as? [[String: Any]] ?? []
        #expect(differences.count == rowsA.count && rowsA.count == rowsB.count && !rowsA.isEmpty)
        var total = 0.0
        for (d, (ra, rb)) in zip(differences, zip(rowsA, rowsB)) {
            #expect(d["period"] as? String == ra["period"] as? String)
            let expected = number(ra["counterfactual"]) - number(rb["counterfactual"])
            // The same baseline in all three runs: differences agree to rounding.
            expectClose(number((d["value_difference"] as? [String: Any])?["mean"]), expected, rtol: 1e-9, atol: 1e-3, "\(ra["period"] ?? "")")
            total += expected
        }
        expectClose(number((comparison["total_value_difference"] as? [String: Any])?["mean"]), total, rtol: 1e-9, atol: 1e-3, "total")
        // The 2017 difference is not zero (less compliance lets more through: A - B > 0).
        #expect(number((differences.last?["value_difference"] as? [String: Any])?["mean"]) > 0)
        // Every output names its baseline.
        let baselines = comparison["baseline"] as? [[String: Any]] ?? []
        #expect(baselines.contains { ($0["description"] as? String ?? "").contains("exponential smoothing") || ($0["description"] as? String ?? "").contains("trend") })
        let text = try runTradescope(["whatif", exampleScenario("coal_2321_cap_50pct.yaml"), "--against", exampleScenario("coal_2321_cap_70pct.yaml")],
                                     dataDirectory: whatifData())
        #expect(text.standardOutput.contains("Difference: 'UNSCR 2321 coal cap at 50% compliance' minus 'UNSCR 2321 coal cap at 70% compliance'"))
        #expect(text.standardOutput.contains("on one baseline (value:"))
    }

    @Test("--against actual: counterfactual minus the recorded figure where there is one")
    func againstActual() throws {
        let plain = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), "--format", "json"], dataDirectory: whatifData())
        let result = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), "--against", "actual", "--format", "json"], dataDirectory: whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let rows = try json(plain.standardOutput)["impacts"] as? [[String: Any]] ?? []
        let differences = (try #require((try json(result.standardOutput)["comparisons"] as? [[String: Any]])?.first))["differences"] as? [[String: Any]] ?? []
        #expect(differences.count == rows.count && rows.count == 2)
        for (d, r) in zip(differences, rows) {
            expectClose(number((d["value_difference"] as? [String: Any])?["mean"]), number(r["counterfactual"]) - number(r["actual"]),
                        rtol: 1e-9, atol: 1e-3, "\(r["period"] ?? "")")
        }
    }

    @Test("A monthly scenario on the gappy monthly coal series: the structural or log-linear baseline, with figures")
    func monthlyScenario() throws {
        let result = try runTradescope(["whatif", exampleScenario("coal_2371_six_months_earlier.yaml"), "--format", "json"], dataDirectory: whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        let rows = object["impacts"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["period"] as? String ?? "" } == (2...12).map { String(format: "2017-%02d", $0) })
        let baselines = object["baseline"] as? [[String: Any]] ?? []
        #expect(baselines.count == 2)
        for b in baselines {
            #expect(b["fit_from"] as? String == "2013-08" && b["fit_to"] as? String == "2017-01")
            // ETS cannot run on gaps: the chosen model is one that treats a missing month as missing.
            let model = b["description"] as? String ?? ""
            #expect(model.hasPrefix("structural model") || model.hasPrefix("log-linear trend"), "\(model)")
            let backtest = try #require(b["backtest"] as? [String: Any])
            #expect((backtest["origins"] as? [String])?.count == 3)
            #expect(number(backtest["mase"]).isFinite)
        }
        // The ban bites from 2017-03-08 (2017-02-05 plus its 30-day grace): March keeps 7 of 31 days, April on nothing.
        expectClose(number(rows[1]["retained_share"]), 7.0 / 31, rtol: 1e-12, atol: 0, "March")
        for row in rows.dropFirst(2) { #expect(number(row["retained_share"]) == 0) }
        expectClose(number(rows[0]["retained_share"]), 1, rtol: 0, atol: 0, "February")
        for row in rows {
            let baseline = number(row["baseline"]), quantity = number(row["baseline_quantity"])
            #expect(baseline > 0 && quantity > 0, "figures for \(row["period"] ?? "")")
            expectClose(number(row["forgone_value"]), baseline * (1 - number(row["retained_share"])), rtol: 1e-12, atol: 1e-6, "forgone")
        }
        // The recorded zeros of March-July 2017 are figures, not gaps.
        #expect(number(rows[1]["actual"]) == 0)
    }

    @Test("The textile scenario gives figures from the merged clothing series, with the short-fit warning in text, JSON and CSV")
    func textiles() throws {
        // The bundled data (the fixture ends in 2017, before 2018, the last year projected).
        let result = try runTradescope(["whatif", exampleScenario("textiles_2375_removed.yaml"), "--format", "json"], dataDirectory: bundledData())
        #expect(result.status == 0, "\(result.standardError)")
        let object = try json(result.standardOutput)
        let rows = object["impacts"] as? [[String: Any]] ?? []
        #expect(rows.map { $0["period"] as? String } == ["2017", "2018"])
        for row in rows { #expect(number(row["baseline"]) > 0) }
        let baseline = try #require((object["baseline"] as? [[String: Any]])?.first)
        #expect((baseline["warnings"] as? [String] ?? []).contains { $0.contains("fewer than the 6") })
        let text = try runTradescope(["whatif", exampleScenario("textiles_2375_removed.yaml")], dataDirectory: bundledData())
        #expect(text.standardOutput.contains("WARNING: value baseline fitted on 3 observations"))
        let csv = try runTradescope(["whatif", exampleScenario("textiles_2375_removed.yaml"), "--format", "csv"], dataDirectory: bundledData())
        #expect(csv.standardOutput.split(separator: "\n").dropFirst().allSatisfy { $0.contains("fewer than the 6") })
    }

    @Test("Too short without --allow-short: the quantity baseline is refused with the rule; with it, every output warns")
    func allowShort() throws {
        let refused = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml")], dataDirectory: whatifData())
        #expect(refused.standardOutput.contains("quantity baseline for HS 2701 refused"))
        #expect(refused.standardOutput.contains("--allow-short"))
        let allowed = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), "--allow-short"], dataDirectory: whatifData())
        #expect(allowed.standardOutput.contains("WARNING: quantity baseline"))
        let svg = try runTradescope(["whatif", exampleScenario("coal_2371_march_2016.yaml"), "--allow-short", "--format", "svg"], dataDirectory: whatifData())
        #expect(svg.standardOutput.contains("WARNING: "))
    }

    @Test("Plain text: every line of every shipped scenario's report within 100 columns, a legend under every table, no internal names",
          arguments: shipped)
    func plainText(file: String) throws {
        let result = try runTradescope(["whatif", exampleScenario(file)], dataDirectory: file.hasPrefix("textiles") ? bundledData() : whatifData())
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines { #expect(line.count <= 100, "\(line.count) columns: \(line)") }
        // A table is a header followed by a dashed rule; a legend follows before the next heading.
        let headings = ["HS ", "What if:", "Difference:", "By HS section"]
        let rules = lines.indices.filter { index in
            index > 0 && lines[index].count > 20 && lines[index].allSatisfy { $0 == "-" }
                && !headings.contains { prefix in lines[index - 1].hasPrefix(prefix) }
        }
        for rule in rules {
            let rest = lines[(rule + 1)...]
            let legend = rest.firstIndex { $0.hasPrefix("Legend: ") }
            #expect(legend != nil, "no legend after the table at line \(rule)")
        }
        let internals = ["additiveDamped", "Real cal.", "value_usd baseline", "Value_Usd"]
        for name in internals { #expect(!result.standardOutput.contains(name), "\(name)") }
    }

    @Test("--format svg is one SVG document with the baseline, scenario, intervals and events; --format html is a self-contained page")
    func charts() throws {
        let svg = try runTradescope(["whatif", exampleScenario("coal_2371_six_months_earlier.yaml"), "--format", "svg"], dataDirectory: whatifData())
        #expect(svg.status == 0, "\(svg.standardError)")
        let text = svg.standardOutput
        #expect(text.hasPrefix("<svg ") && text.hasSuffix("</svg>\n"))
        #expect(text.components(separatedBy: "<svg ").count == 2)
        for part in ["Baseline, no sanctions", "Scenario", "As enacted (model)", "Actual (recorded)", "<polygon", "UNSCR-2371", "Baseline: "] {
            #expect(text.contains(part), "\(part)")
        }
        let again = try runTradescope(["whatif", exampleScenario("coal_2371_six_months_earlier.yaml"), "--format", "svg"], dataDirectory: whatifData())
        #expect(again.standardOutput == text)
        let html = try runTradescope(["whatif", exampleScenario("coal_2371_six_months_earlier.yaml"), "--format", "html"], dataDirectory: whatifData())
        #expect(html.standardOutput.hasPrefix("<!DOCTYPE html>"))
        #expect(html.standardOutput.contains("<svg ") && html.standardOutput.contains("Legend: "))
        #expect(!html.standardOutput.contains("<script") && !html.standardOutput.contains("src=") && !html.standardOutput.contains("href="))
    }
}
