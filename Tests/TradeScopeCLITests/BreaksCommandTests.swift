import Foundation
import Testing
import _TestSupport

/// The path of a `series/` fixture.
func seriesFixture(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("series/\(name)").path
}

/// Parses a command's JSON output.
func jsonObject(_ result: CommandResult) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any], "\(result.standardError)")
}

@Suite("tradescope breaks on the Nile (references: strucchange 1.5.3 and sandwich 3.0.2, R 4.2.2)")
struct BreaksCommandTests {
    let nile = seriesFixture("nile.csv")

    @Test("bai-perron: one break at 1898, 95% interval 1895..1902 (strucchange breakpoints, confint)")
    func baiPerron() throws {
        let result = try runTradescope(["breaks", "--series", nile, "--method", "bai-perron", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try jsonObject(result)
        #expect(object["n_breaks"] as? Int == 1)
        let breaks = try #require(object["breaks"] as? [[String: Any]])
        #expect(breaks.map { $0["period"] as? String } == ["1898"])
        #expect(breaks.map { $0["ci_low"] as? String } == ["1895"] && breaks.map { $0["ci_high"] as? String } == ["1902"])
        // BIC for 0 and 1 breaks: breakpoints_summary.csv rows "nile,0,..." and "nile,1,...", rtol 1e-9 as in the library test.
        let bic = try #require(object["bic_by_breaks"] as? [Double])
        expectClose(Array(bic.prefix(2)), [1318.2418068761806, 1270.083735739566], rtol: 1e-9, atol: 0, "BIC")
    }

    @Test("chow --at 1898 (the last year of the first regime): F and p as strucchange sctest(type = \"Chow\", point = 28)")
    func chow() throws {
        let object = try jsonObject(try runTradescope(["breaks", "--series", nile, "--method", "chow", "--at", "1898", "--format", "json"]))
        // sctest.csv: nile,Chow,28,75.929769427485425,7.4384942649885488e-14
        expectClose(try #require(object["f_statistic"] as? Double), 75.929769427485425, rtol: 1e-7, atol: 0, "F")
        expectClose(try #require(object["p"] as? Double), 7.4384942649885488e-14, rtol: 0, atol: 1e-6, "p")
    }

    @Test("cusum, OLS and recursive: statistics and p-values as strucchange efp + sctest")
    func cusum() throws {
        // sctest.csv: nile,OLS-CUSUM 2.9517661026633726, 5.4085534606507224e-08; nile,Rec-CUSUM 2.0669208889031498, 7.4868837685038159e-08.
        for (type, statistic, p) in [("ols", 2.9517661026633726, 5.4085534606507224e-08), ("recursive", 2.0669208889031498, 7.4868837685038159e-08)] {
            let object = try jsonObject(try runTradescope(["breaks", "--series", nile, "--method", "cusum", "--cusum-type", type, "--format", "json"]))
            expectClose(try #require(object["statistic"] as? Double), statistic, rtol: 1e-7, atol: 0, "\(type) statistic")
            expectClose(try #require(object["p"] as? Double), p, rtol: 0, atol: 1e-6, "\(type) p")
        }
    }

    @Test("its --at 1899 --hac 3: level and slope change as R lm + sandwich::NeweyWest(lag = 3, prewhite = FALSE)")
    func interruptedTimeSeries() throws {
        let object = try jsonObject(try runTradescope(["breaks", "--series", nile, "--method", "its", "--at", "1899", "--hac", "3", "--format", "json"]))
        let level = try #require(object["level_change"] as? [String: Any])
        let slope = try #require(object["slope_change"] as? [String: Any])
        // its.csv (nile): level -289.10268536638415 (HAC SE 62.416685244457732, HAC p 3.6246987245609872e-06);
        // since -0.46908876763441976 (SE 3.088477030555465, HAC SE 2.6478665272475892).
        expectClose(try #require(level["estimate"] as? Double), -289.10268536638415, rtol: 1e-9, atol: 0, "level")
        expectClose(try #require(level["hac_std_error"] as? Double), 62.416685244457732, rtol: 1e-8, atol: 0, "level HAC SE")
        expectClose(try #require(level["p"] as? Double), 3.6246987245609872e-06, rtol: 1e-6, atol: 0, "level HAC p")
        expectClose(try #require(slope["estimate"] as? Double), -0.46908876763441976, rtol: 1e-9, atol: 0, "slope")
        expectClose(try #require(slope["std_error"] as? Double), 3.088477030555465, rtol: 1e-9, atol: 0, "slope SE")
        expectClose(try #require(slope["hac_std_error"] as? Double), 2.6478665272475892, rtol: 1e-8, atol: 0, "slope HAC SE")
        #expect((object["coefficients"] as? [[String: Any]])?.count == 4)
    }

    @Test("--series - reads standard input; text output names the break")
    func standardInput() throws {
        let text = try String(contentsOfFile: nile, encoding: .utf8)
        let result = try runTradescope(["breaks", "--series", "-", "--method", "bai-perron"], standardInput: text)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("series standard input"))
        #expect(result.standardOutput.contains("1898") && result.standardOutput.contains("1895") && result.standardOutput.contains("1902"))
    }

    @Test("bad input and bad usage exit 2 with a message naming file, line and field")
    func errors() throws {
        let bad = try runTradescope(["breaks", "--series", seriesFixture("bad_value.csv"), "--method", "cusum"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("bad_value.csv:4: field 'value'"), "\(bad.standardError)")
        let missingAt = try runTradescope(["breaks", "--series", nile, "--method", "chow"])
        #expect(missingAt.status == 2 && missingAt.standardError.contains("--at"))
        let outside = try runTradescope(["breaks", "--series", nile, "--method", "chow", "--at", "1990"])
        #expect(outside.status == 2 && outside.standardError.contains("1871...1970"), "\(outside.standardError)")
        // The bundled fixture's annual coal series has a gap in no year but only 4 years: too short for h = 0.15.
        let short = try runTradescope(["breaks", "--hs", "2701", "--method", "bai-perron"])
        #expect(short.status == 2 && short.standardError.contains("minimum segment"), "\(short.standardError)")
    }

    @Test("--help lists the methods and gives examples")
    func help() throws {
        let result = try runTradescope(["breaks", "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Examples:") && result.standardOutput.contains("--method"))
        #expect(result.standardOutput.contains("bai-perron") && result.standardOutput.contains("its"))
    }
}
