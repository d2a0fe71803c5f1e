import Foundation
import Testing
import _TestSupport

private func trendFixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("trend").appendingPathComponent(name).path
}

private func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

private func coefficient(_ object: [String: Any], _ name: String) throws -> [String: Any] {
    let list = try #require(object["coefficients"] as? [[String: Any]])
    return try #require(list.first { $0["name"] as? String == name })
}

@Suite("tradescope trend")
struct TrendCommandTests {
    // Expected figures: statsmodels 0.15 OLS (Reference/trend_reference.csv of TrendAnalysisTests, case
    // air_loglinear_seasonal). JSON carries full precision, so issue 4's rtol 1e-8 applies.
    @Test("--series with loglinear, --seasonal and --hac 12: statsmodels figures in JSON (rtol 1e-8)")
    func seasonalLogLinearJSON() throws {
        let result = try runTradescope(["trend", "--series", trendFixture("airpassengers.csv"), "--model", "loglinear",
                                        "--seasonal", "--hac", "12", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result.standardOutput)
        let names = try #require(object["coefficients"] as? [[String: Any]]).compactMap { $0["name"] as? String }
        #expect(names == ["const", "t"] + (2...12).map { "month_\($0)" })
        let t = try coefficient(object, "t")
        expectClose(try #require(t["estimate"] as? Double), 0.01006880474104076, rtol: 1e-8, atol: 0, "slope")
        expectClose(try #require(t["std_error"] as? Double), 0.00011930011774774551, rtol: 1e-8, atol: 0, "SE")
        expectClose(try #require(t["hac_std_error"] as? Double), 0.0003172799532321566, rtol: 1e-8, atol: 0, "HAC SE")
        expectClose(try #require(object["r_squared"] as? Double), 0.9834681637064808, rtol: 1e-8, atol: 0, "R²")
        let growth = try #require(object["growth_rate"] as? [String: Any])
        expectClose(try #require(growth["estimate"] as? Double), 0.0101196657152427, rtol: 1e-8, atol: 0, "growth")
        expectClose(try #require(growth["ci_low"] as? Double), 0.009491710715511914, rtol: 1e-8, atol: 0, "growth low")
        #expect(object["annual_growth_rate"] != nil && object["cagr"] != nil)
        #expect(object["n"] as? Int == 144 && object["df_resid"] as? Int == 131 && object["hac_lags"] as? Int == 12)
        for key in ["sigma", "adj_r_squared", "f_statistic", "f_p_value", "log_likelihood", "aic", "bic", "durbin_watson"] {
            #expect(object[key] as? Double != nil, "\(key)")
        }
    }

    @Test("Text output is a regression table; CSV has one row per coefficient")
    func textAndCSV() throws {
        let text = try runTradescope(["trend", "--series", trendFixture("airpassengers.csv"), "--model", "poly:2"])
        #expect(text.status == 0, "\(text.standardError)")
        for needle in ["OLS Regression Results", "R-squared:", "coef", "std err", "P>|t|", "[0.025]", "t^2", "Durbin-Watson:"] {
            #expect(text.standardOutput.contains(needle), "\(needle)")
        }
        let csv = try runTradescope(["trend", "--series", trendFixture("airpassengers.csv"), "--model", "linear", "--format", "csv"])
        let lines = csv.standardOutput.split(separator: "\n")
        #expect(lines.first == "name,estimate,std_error,t,p,ci_low,ci_high")
        #expect(lines.count == 3 && lines[1].hasPrefix("const,") && lines[2].hasPrefix("t,"))
    }

    @Test("Mann-Kendall and Theil-Sen JSON fields of CLI.md")
    func rankModels() throws {
        let mk = try jsonObject(try runTradescope(["trend", "--series", trendFixture("airpassengers.csv"), "--model", "hamed-rao", "--format", "json"]).standardOutput)
        for key in ["s", "var_s", "z", "p", "tau", "sen_slope", "sen_intercept", "trend"] { #expect(mk[key] != nil, "\(key)") }
        #expect(mk["trend"] as? String == "increasing")
        let ts = try jsonObject(try runTradescope(["trend", "--series", trendFixture("airpassengers.csv"), "--model", "theil-sen", "--format", "json"]).standardOutput)
        for key in ["slope", "intercept", "slope_ci_low", "slope_ci_high"] { #expect(ts[key] as? Double != nil, "\(key)") }
    }

    @Test("A selection: HS 2701 value of the fixture, missing periods counted")
    func selection() throws {
        let result = try runTradescope(["trend", "--hs", "2701", "--model", "loglinear", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result.standardOutput)
        #expect(object["n"] as? Int == 4 && object["missing"] as? Int == 0)
        #expect((object["selection"] as? [String: Any])?["hs"] as? String == "2701")
    }

    @Test("--by hs2 writes one CSV row per chapter and one NDJSON line per chapter; a failing group keeps its row")
    func byGroups() throws {
        let csv = try runTradescope(["trend", "--by", "hs2", "--model", "loglinear", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.standardError)")
        let lines = csv.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("group,n,missing,from,to,intercept,slope,"))
        #expect(lines.dropFirst().map { String($0.prefix(3)) } == ["27,", "44,"])
        // Chapter 44 has one year in the fixture: too few observations, reported in the error column.
        #expect(lines[2].contains("needs at least 3 observations"))
        let ndjson = try runTradescope(["trend", "--by", "hs2", "--model", "mann-kendall", "--format", "json"])
        let objects = try ndjson.standardOutput.split(separator: "\n").map { try jsonObject(String($0)) }
        #expect(objects.map { $0["group"] as? String } == ["27", "44"])
        #expect(objects[0]["s"] as? Double != nil && objects[1]["error"] as? String != nil)
    }

    @Test("Bad input exits 2 naming file, line and field")
    func badInput() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-trend-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("bad.csv")
        try "period,value\n2001,1\n2002,abc\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try runTradescope(["trend", "--series", file.path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("bad.csv:3: field 'value'"), "\(result.standardError)")
        try "period,value\n2001,1\n2001-02,3\n".write(to: file, atomically: true, encoding: .utf8)
        let mixed = try runTradescope(["trend", "--series", file.path])
        #expect(mixed.status == 2 && mixed.standardError.contains("bad.csv:3: field 'period'"), "\(mixed.standardError)")
        let model = try runTradescope(["trend", "--model", "cubic"])
        #expect(model.status == 2 && model.standardError.contains("--model"))
        try "period,value\n2001,1\n2002,-1\n2003,2\n".write(to: file, atomically: true, encoding: .utf8)
        let negative = try runTradescope(["trend", "--series", file.path, "--model", "loglinear"])
        #expect(negative.status == 2 && negative.standardError.contains("2002"), "\(negative.standardError)")
    }

    @Test("--help lists the models and an example")
    func help() throws {
        let result = try runTradescope(["trend", "--help"])
        #expect(result.standardOutput.contains("mann-kendall") && result.standardOutput.contains("tradescope trend --hs 2701 --model loglinear"))
    }
}

/// Issue 23 item 11: JSON with bare nan/inf (rejected by jq and Python), t = inf beside p = 0.0000.
@Suite("tradescope trend on exact series")
struct ExactSeriesTrendTests {
    @Test("a perfectly linear or constant series: JSON parses (null + reason), CSV and text say NA", arguments: [
        "period,value\n" + (2000..<2020).map { "\($0),\(3 * $0 - 5000)" }.joined(separator: "\n") + "\n",
        "period,value\n" + (2000..<2020).map { "\($0),1000" }.joined(separator: "\n") + "\n",
    ])
    func exactSeries(text: String) throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-exact-\(UUID().uuidString).csv")
        try text.write(to: file, atomically: true, encoding: .utf8)
        for model in ["linear", "poly:2"] {
            let json = try runTradescope(["trend", "--series", file.path, "--model", model, "--format", "json"])
            #expect(json.status == 0, "\(json.standardError)")
            #expect(json.standardOutput.range(of: #"[:,\[]\s*-?(nan|inf)"#, options: .regularExpression) == nil, "\(json.standardOutput)")
            _ = try jsonObject(json.standardOutput)
            let csv = try runTradescope(["trend", "--series", file.path, "--model", model, "--format", "csv"])
            #expect(!csv.standardOutput.contains("nan") && !csv.standardOutput.contains("inf") && csv.standardOutput.contains("NA"), "\(csv.standardOutput)")
            let plain = try runTradescope(["trend", "--series", file.path, "--model", model])
            #expect(!plain.standardOutput.contains("inf") && !plain.standardOutput.contains("nan") && !plain.standardOutput.contains("0.0000"), "\(plain.standardOutput)")
        }
    }
}

@Suite("tradescope regress")
struct RegressCommandTests {
    // Expected figures: statsmodels 0.15 OLS of flow on t with HAC(4) (case nile_linear_hac4), rtol 1e-8.
    @Test("Nile flow on t with --hac 4: statsmodels figures (rtol 1e-8); design order")
    func nileHAC() throws {
        let result = try runTradescope(["regress", "--data", trendFixture("nile_regress.csv"), "--y", "flow", "--x", "t",
                                        "--hac", "4", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result.standardOutput)
        let t = try coefficient(object, "t")
        expectClose(try #require(t["estimate"] as? Double), -2.714305430543054, rtol: 1e-8, atol: 0, "slope")
        expectClose(try #require(t["std_error"] as? Double), 0.521554090157457, rtol: 1e-8, atol: 0, "SE")
        expectClose(try #require(t["hac_std_error"] as? Double), 0.6956199381840299, rtol: 1e-8, atol: 0, "HAC SE t")
        expectClose(try #require(try coefficient(object, "const")["hac_std_error"] as? Double), 43.224162663685945, rtol: 1e-8, atol: 0, "HAC SE const")
        expectClose(try #require(object["f_statistic"] as? Double), 27.084368872342456, rtol: 1e-8, atol: 0, "F")
        expectClose(try #require(object["durbin_watson"] as? Double), 1.2472281299888048, rtol: 1e-8, atol: 0, "DW")
        let order = try runTradescope(["regress", "--data", trendFixture("nile_regress.csv"), "--y", "flow", "--x", "year,t",
                                       "--poly", "year:2", "--format", "csv"])
        // year and t are collinear: the design is rank deficient and the error names the columns.
        #expect(order.status == 2 && order.standardError.contains("rank deficient"), "\(order.standardError)")
        let poly = try runTradescope(["regress", "--data", trendFixture("nile_regress.csv"), "--y", "flow", "--x", "t", "--poly", "t:3", "--format", "csv"])
        #expect(poly.standardOutput.split(separator: "\n").map { $0.split(separator: ",").first.map(String.init) ?? "" }
                == ["name", "const", "t", "t^2", "t^3"])
    }

    @Test("Missing rows dropped and counted, bad field exits 2, unknown column exits 2")
    func stdinAndErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-regress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("data.csv")
        try "y,x\n1,1\n2,2.1\n,3\n3.9,4\n5.2,5\n".write(to: file, atomically: true, encoding: .utf8)
        let ok = try runTradescope(["regress", "--data", file.path, "--y", "y", "--x", "x", "--format", "json"])
        #expect(ok.status == 0, "\(ok.standardError)")
        let object = try jsonObject(ok.standardOutput)
        #expect(object["dropped_rows"] as? Int == 1 && object["n"] as? Int == 4)
        try "y,x\n1,1\n2,oops\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try runTradescope(["regress", "--data", file.path, "--y", "y", "--x", "x"])
        #expect(bad.status == 2 && bad.standardError.contains("data.csv:3: field 'x'"), "\(bad.standardError)")
        let missing = try runTradescope(["regress", "--data", file.path, "--y", "y", "--x", "z"])
        #expect(missing.status == 2 && missing.standardError.contains("z"), "\(missing.standardError)")
    }

    /// Issue 23 items 14 and 15: a header naming a column twice used the first silently; `0x10` read as 16.
    @Test("a regress CSV naming a column twice, or holding a hex figure, is exit 2 naming it")
    func duplicateHeaderAndHex() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-regress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("dup.csv")
        try "y,x,x\n1,2,3\n2,3,4\n3,5,5\n4,4,7\n".write(to: file, atomically: true, encoding: .utf8)
        let duplicate = try runTradescope(["regress", "--data", file.path, "--y", "y", "--x", "x"])
        #expect(duplicate.status == 2 && duplicate.standardError.contains("dup.csv:1: header names the column 'x' twice"), "\(duplicate.standardError)")
        try "y,x\n1,2\n2,0x10\n3,5\n4,4\n".write(to: file, atomically: true, encoding: .utf8)
        let hex = try runTradescope(["regress", "--data", file.path, "--y", "y", "--x", "x"])
        #expect(hex.status == 2 && hex.standardError.contains("dup.csv:3: field 'x'"), "\(hex.standardError)")
    }

    /// Issue 23 item 6: a column named twice trapped on "Duplicate values for key".
    @Test("a column named twice is exit 2 naming it", arguments: [
        ["--x", "t,t"], ["--x", "flow"], ["--x", "t", "--weights", "flow"], ["--x", "t", "--x", "t"],
    ])
    func duplicateColumn(_ arguments: [String]) throws {
        let result = try runTradescope(["regress", "--data", trendFixture("nile_regress.csv"), "--y", "flow"] + arguments)
        #expect(result.status == 2, "\(result.standardError)")
        let column = arguments.contains("--weights") || arguments[1] == "flow" ? "flow" : "t"
        #expect(result.standardError.hasPrefix("Error: column \(column) is invalid: is "), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error"))
    }
}
