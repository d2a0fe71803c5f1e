import Foundation
import Testing
import _TestSupport

/// `breaks` on the bundled monthly HS 2701 series (29 of the 154 months 2005-03..2017-12 have a value).
/// References: strucchange 1.5.3 and ruptures 1.1.10 on the same 29 observed months
/// (TrendAnalysisTests/Reference/breaks_gaps_*.csv, case coal_mean; generate/breaks_gaps.R, pelt_gaps.py).
@Suite("tradescope breaks --hs 2701 --freq monthly: every method on the observed months of the bundled series")
struct BreaksGapsCommandTests {
    /// The repository's Data/ (the test fixture has two coal months); the reference file was written from it.
    static let data = BundledMonthlyTests.data
    static let window = "Window 2005-03 to 2017-12: 125 of 154 months missing"

    @Test("each method runs and states the missing months", arguments: [
        ["--method", "bai-perron"], ["--method", "sup-f"], ["--method", "cusum"], ["--method", "cusum", "--cusum-type", "ols"],
        ["--method", "pelt"], ["--method", "chow", "--at", "2016-12"], ["--method", "its", "--at", "2017-03"],
        ["--method", "bai-perron", "--trend"],
    ])
    func everyMethod(arguments: [String]) throws {
        let result = try runTradescope(["breaks", "--hs", "2701", "--freq", "monthly"] + arguments, dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains(Self.window), "\(result.standardOutput)")
        let json = try runTradescope(["breaks", "--hs", "2701", "--freq", "monthly", "--format", "json"] + arguments, dataDirectory: Self.data)
        let window = try #require(try jsonObject(json)["window"] as? [String: Any])
        #expect(window["missing_periods"] as? Int == 125 && window["periods"] as? Int == 154 && window["observed_periods"] as? Int == 29)
    }

    @Test("bai-perron: breaks 2013-08 and 2017-02 with R's intervals, as YYYY-MM periods (strucchange, coal_mean)")
    func baiPerron() throws {
        let object = try jsonObject(try runTradescope(["breaks", "--hs", "2701", "--freq", "monthly", "--method", "bai-perron", "--format", "json"], dataDirectory: Self.data))
        let breaks = try #require(object["breaks"] as? [[String: Any]])
        #expect(breaks.map { $0["period"] as? String } == ["2013-08", "2017-02"])
        #expect(breaks.map { $0["ci_low"] as? String } == ["2005-04", "2016-11"])
        #expect(breaks.map { $0["ci_high"] as? String } == ["2016-02", "2017-03"])
        #expect(object["n"] as? Int == 29 && object["min_segment"] as? Int == 4)
        // breaks_gaps_breakpoints.csv, coal_mean: BIC for 0, 1 and 2 breaks; rtol 1e-9 as in the library test.
        let bic = try #require(object["bic_by_breaks"] as? [Double])
        expectClose(Array(bic.prefix(3)), [1122.2172461768075, 1112.2951792750425, 1111.0723970442393], rtol: 1e-9, atol: 0, "BIC")
    }

    @Test("report: the diagnostics' breaks use the observed months too, and equal strucchange's (coal_mean, h = 4)")
    func reportDiagnostics() throws {
        // h = max(2, floor(0.15 * 29)) = 4, as the reference's; BIC picks 2 breaks there too.
        let object = try jsonObject(try runTradescope(["report", "--hs", "2701", "--freq", "monthly", "--format", "json"], dataDirectory: Self.data))
        let measures = try #require((object["diagnostics"] as? [String: Any])?["measures"] as? [[String: Any]])
        let value = try #require(measures.first { $0["measure"] as? String == "value" })
        let window = try #require(value["breaks_window"] as? [String: Any])
        #expect(window["from"] as? String == "2005-03" && window["to"] as? String == "2017-12")
        #expect(window["periods"] as? Int == 154 && window["missing"] as? Int == 125)
        let breaks = try #require(value["breaks"] as? [[String: Any]])
        #expect(breaks.map { $0["period"] as? String } == ["2013-08", "2017-02"])
        #expect(breaks.map { $0["ci_low"] as? String } == ["2005-04", "2016-11"])
        #expect(breaks.map { $0["ci_high"] as? String } == ["2016-02", "2017-03"])
        // The text says which window each analysis used.
        let text = try runTradescope(["report", "--hs", "2701", "--freq", "monthly"], dataDirectory: Self.data).standardOutput
        #expect(text.contains("- value, breaks on 2005-03 to 2017-12 (29 of 154 periods observed; the missing ones left out)"), "\(text)")
    }

    @Test("sup-f and pelt: strucchange's supF and ruptures' change points on the observed months")
    func supFAndPELT() throws {
        let f = try jsonObject(try runTradescope(["breaks", "--hs", "2701", "--freq", "monthly", "--method", "sup-f", "--format", "json"], dataDirectory: Self.data))
        let sup = try #require(f["sup_f"] as? [String: Any])
        // breaks_gaps_tests.csv coal_mean supF: 20.952186631545626, p 0.00014775814319379949.
        expectClose(try #require(sup["statistic"] as? Double), 20.952186631545626, rtol: 1e-7, atol: 0, "supF")
        expectClose(try #require(sup["p"] as? Double), 0.00014775814319379949, rtol: 0, atol: 1e-6, "supF p")
        let pelt = try jsonObject(try runTradescope(["breaks", "--hs", "2701", "--freq", "monthly", "--method", "pelt", "--format", "json"], dataDirectory: Self.data))
        // breaks_gaps_pelt.csv coal, mean, BIC (log 29 per change on the variance-scaled cost), min_size 2.
        #expect(pelt["changepoints"] as? [String] == ["2010-08", "2016-11", "2017-03", "2017-08", "2017-10"])
    }

    @Test("--by csv: the periods and missing columns; the group equals its single run")
    func batch() throws {
        let result = try runTradescope(["breaks", "--by", "hs4", "--freq", "monthly", "--method", "cusum", "--format", "csv"], dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "group,periods,missing,type,statistic,p,error")
        let row = try #require(lines.first { $0.hasPrefix("2701,") }).split(separator: ",", omittingEmptySubsequences: false)
        #expect(row[1] == "154" && row[2] == "125")
        // breaks_gaps_tests.csv coal_mean Rec-CUSUM: 0.85341447660917735, p 0.097689201741830489.
        expectClose(try #require(Double(row[4])), 0.85341447660917735, rtol: 1e-7, atol: 0, "Rec-CUSUM")
    }

    @Test("a refusal of a gappy window names the longest complete one and what runs instead: decompose --by (STL only)")
    func refusalsNameTheWindow() throws {
        let result = try runTradescope(["decompose", "--by", "hs4", "--freq", "monthly", "--format", "json"], dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let line = try #require(result.standardOutput.split(separator: "\n").first { $0.contains("\"group\":\"2701\"") })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? String)
        #expect(error.contains("125 of 154 periods have none") && error.contains("longest complete window is 2016-10 to 2017-12"), "\(error)")
        #expect(error.contains("without --by") && error.contains("structural model"), "\(error)")
    }
}

@Suite("tradescope breaks --method bai-perron: the size limit of the dynamic programme (issue 23 item 22)")
struct BreaksSizeLimitTests {
    @Test("20,000 periods with --min-segment 2 exit 2 naming the limit and a --max-breaks that fits")
    func refusal() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-long-\(UUID().uuidString).csv")
        // Synthetic: a repeating pattern over 20,000 months from 1000-01.
        var text = "period,value\n"
        for t in 0..<20_000 { text += String(format: "%04d-%02d,%d\n", 1000 + t / 12, t % 12 + 1, t % 7) }
        try text.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try runTradescope(["breaks", "--series", path.path, "--method", "bai-perron", "--min-segment", "2"])
        #expect(result.status == 2, "\(result.standardOutput)")
        #expect(result.standardError.contains("search size") && result.standardError.contains("--max-breaks 1249"), "\(result.standardError)")
    }
}
