import Foundation
import Testing

@Suite("tradescope report and events")
struct ReportCommandTests {
    @Test("the report tells the 2015 story with the figures that exist")
    func story2015() throws {
        let result = try runTradescope(["report"])
        #expect(result.status == 0, "\(result.standardError)")
        // Text output is wrapped at 100 columns: sentences are read with their line breaks undone.
        let text = result.standardOutput.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
        // Hand calculation: 19,600,000 / 15,430,000 - 1 = +27.03%; 1,100,000,000 / 1,132,180,000 - 1 = -2.84%;
        // unit price 1,132,180,000 / 15,430,000 = 73.375 -> 1,100,000,000 / 19,600,000 = 56.122 (-23.5%).
        #expect(text.contains("2015: tonnage rose +27.0% (15,430,000 t in 2014 to 19,600,000 t) while value fell -2.8%"))
        #expect(text.contains("73.38 to 56.12 USD/t"))
        // The value has 2 significant digits: 1,050m..1,150m, i.e. 53.57..58.67 USD/t (1.05e9/19.6e6, 1.15e9/19.6e6).
        #expect(text.contains("between 53.57 and 58.67 USD/t"))
        // The conflicting figure is kept and shown: 925,000,000 / 19,600,000 = 47.19 USD/t.
        #expect(text.contains("USD 925.0m (NUMERICAL_2017; unit price 47.19 USD/t)"))
        #expect(text.contains("UNSCR-2371"))
        // Upper bound from UN Comtrade: China's 2015 imports of all of chapter 27 from the DPRK were
        // USD 1,063,985,968 (fixture row H4,2015,...,27,...,1063,985,968). Only 1,050m..1,064.0m is consistent
        // with the rounded 1.1bn: 1.05e9 / 19.6e6 = 53.57 and 1,063,985,968 / 19.6e6 = 54.28 USD/t.
        #expect(text.contains("The whole of chapter 27 was worth USD 1,063,985,968 that year (UNCT_PMACG)"))
        #expect(text.contains("a unit price of 53.57 to 54.28 USD/t"))
    }

    @Test("JSON report carries the series, the changes and the events")
    func jsonReport() throws {
        let result = try runTradescope(["report", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let changes = try #require(object?["changes"] as? [[String: Any]])
        let change2015 = try #require(changes.first { $0["to"] as? String == "2015" })
        let price = try #require(change2015["price_effect_usd"] as? Double)
        let volume = try #require(change2015["volume_effect_usd"] as? Double)
        // The log-mean Divisia effects add up to the value change (1,100,000,000 - 1,132,180,000).
        #expect(abs(price + volume - (1_100_000_000 - 1_132_180_000)) < 1e-4)
        let events = try #require(object?["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["id"] as? String } == ["UNSCR-2321", "UNSCR-2371"])
    }

    @Test("events --hs lists the events touching a code")
    func events() throws {
        let result = try runTradescope(["events", "--hs", "2701", "--format", "json"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        let events = try #require(object?["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["id"] as? String } == ["UNSCR-2321", "UNSCR-2371"])
        let cap = try #require((events[0]["measures"] as? [[String: Any]])?.first)
        #expect(cap["cap_value_usd"] as? Double == 400_870_018)
        #expect(cap["cap_quantity"] as? Double == 7_500_000)
        // Iron ore (2601) is touched by 2321 and 2371; copper (2603) only by 2321.
        let copper = try runTradescope(["events", "--hs", "2603", "--format", "json"])
        let copperEvents = (try JSONSerialization.jsonObject(with: Data(copper.standardOutput.utf8)) as? [String: Any])?["events"] as? [[String: Any]]
        #expect(copperEvents?.compactMap { $0["id"] as? String } == ["UNSCR-2321"])
    }

    @Test("every command's help has an example", arguments: ["report", "series", "events"])
    func helpHasExample(command: String) throws {
        let result = try runTradescope([command, "--help"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("Example:"))
    }

    @Test("--out refuses to overwrite without --force")
    func outRefusesOverwrite() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-out-\(UUID().uuidString).txt").path
        try "keep".write(toFile: path, atomically: true, encoding: .utf8)
        let refused = try runTradescope(["series", "--out", path])
        #expect(refused.status == 2)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep")
        let forced = try runTradescope(["series", "--out", path, "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("19,600,000"))
    }
}
