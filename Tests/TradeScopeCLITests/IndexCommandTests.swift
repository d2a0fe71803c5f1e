import Foundation
import Testing
import _TestSupport

@Suite("tradescope index")
struct IndexCommandTests {
    struct Split: Decodable {
        let from: String
        let to: String
        let value_change_usd: Double?
        let price_effect: Double?
        let quantity_effect: Double?
    }
    struct Output: Decodable {
        let formula: String
        let base: String
        let periods: [String]
        let price_index: [Double?]
        let quantity_index: [Double?]
        let value_ratio: [Double?]
        let decomposition: [Split]
    }

    func basketPath() -> String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("index_basket.csv").path
    }

    func decode(_ arguments: [String]) throws -> Output {
        let result = try runTradescope(arguments)
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
    }

    @Test("--data: Fisher chained index of the synthetic basket equals the pandas reference")
    func dataFile() throws {
        let output = try decode(["index", "--data", basketPath(), "--formula", "fisher", "--chained", "--format", "json"])
        #expect(output.periods == ["2013", "2014", "2015", "2016", "2017"])
        // Tests/TrendAnalysisTests/Reference/unit_value_index.csv, rows "fisher,chained" (pandas 3.1.1).
        let price = [1.0, 0.895094828568397, 0.7035845781896453, 0.6580598562103736, 1.0640517014594126]
        let quantity = [1.0, 0.9410367682975902, 1.1804196502225601, 1.3538690682144465, 0.3111575246361546]
        // JSON carries full double precision; chained products of sums: rtol 1e-13.
        expectClose(output.price_index.map { $0 ?? .nan }, price, rtol: 1e-13, atol: 0, "price")
        expectClose(output.quantity_index.map { $0 ?? .nan }, quantity, rtol: 1e-13, atol: 0, "quantity")
        for (k, ratio) in output.value_ratio.enumerated() {
            expectClose(try #require(ratio), price[k] * quantity[k], rtol: 1e-12, atol: 0, "value ratio = P_F × Q_F, \(output.periods[k])")
        }
        for split in output.decomposition {
            let total = try #require(split.value_change_usd)
            expectClose(try #require(split.price_effect) + #require(split.quantity_effect), total, rtol: 1e-12, atol: 0, "\(split.from)→\(split.to)")
        }
    }

    @Test("a selection of one code: the 2014→2015 split is the single-code log-mean Divisia one")
    func selection() throws {
        let output = try decode(["index", "--hs", "2701", "--formula", "fisher", "--chained", "--format", "json"])
        #expect(output.periods == ["2013", "2014", "2015", "2016"] && output.base == "2013")
        // Fixture figures: 2013 V 1,373,710,000 Q 16,494,000; 2014 V 1,132,180,000 Q 15,430,000.
        // One code: the price index is the unit-value ratio (1132180000/15430000)/(1373710000/16494000).
        expectClose(try #require(output.price_index[1]), (1_132_180_000.0 / 15_430_000) / (1_373_710_000.0 / 16_494_000), rtol: 1e-14, atol: 0, "price 2014")
        let split = try #require(output.decomposition.first { $0.from == "2014" && $0.to == "2015" })
        // PriceVolumeChangeTests (Python math.log): price −299,147,976.48747337, volume 266,967,976.48747334.
        expectClose(try #require(split.price_effect), -299_147_976.48747337, rtol: 1e-12, atol: 0, "price effect")
        expectClose(try #require(split.quantity_effect), 266_967_976.48747334, rtol: 1e-12, atol: 0, "volume effect")
    }

    @Test("a bad basket file: exit 2, the message names file, line and field")
    func badInput() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("basket-\(UUID().uuidString).csv").path
        try "period,code,value,quantity\n2015,2701,100,10\n2016,2701,abc,12\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try runTradescope(["index", "--data", path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path):3: field 'value'"), "\(result.standardError)")
        let missing = try runTradescope(["index", "--data", path + ".absent"])
        #expect(missing.status == 2)
        let duplicate = path + ".dup.csv"
        try "period,code,value,quantity\n2015,2701,100,10\n2015,2701,90,12\n".write(toFile: duplicate, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: duplicate) }
        let twice = try runTradescope(["index", "--data", duplicate])
        #expect(twice.status == 2 && twice.standardError.contains(":3: field 'code'") && twice.standardError.contains("line 2"), "\(twice.standardError)")
    }

    @Test("--data with --hs is a usage error (exit 2)")
    func usage() throws {
        let result = try runTradescope(["index", "--data", basketPath(), "--hs", "2701"])
        #expect(result.status == 2)
    }
}

@Suite("tradescope index --event / --sanctions-at")
struct IndexSanctionTests {
    struct Coefficient: Decodable { let period: String?; let estimate: Double; let std_error: Double }
    struct Effect: Decodable { let n: Int; let did: Coefficient; let event_study: [Coefficient] }
    struct Groups: Decodable { let sanctioned_codes: [[String: JSONAny]]; let non_sanctioned_codes: [String]; let periods: [String] }
    struct JSONAny: Decodable { init(from decoder: any Decoder) throws {} }
    struct Output: Decodable { let sanction_effect: Effect?; let sanction_groups: Groups? }

    @Test("--event with --treated on the synthetic panel equals statsmodels (clustered by code)")
    func event() throws {
        let path = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("sanction_panel.csv").path
        let result = try runTradescope(["index", "--data", path, "--event", "2017", "--treated", "S01,S02,S03,S04,S05", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let effect = try #require(try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8)).sanction_effect)
        // Tests/TrendAnalysisTests/Reference/sanction_event_study.csv, statsmodels 0.15.0, cluster by code: rtol 1e-8.
        #expect(effect.n == 119)
        expectClose(effect.did.estimate, -1.4804489516724564, rtol: 1e-8, atol: 0, "did")
        expectClose(effect.did.std_error, 0.07280206380550941, rtol: 1e-8, atol: 0, "did se")
        let y2018 = try #require(effect.event_study.first { $0.period == "2018" })
        expectClose(y2018.estimate, -1.6879734393765868, rtol: 1e-8, atol: 0, "2018")
        expectClose(y2018.std_error, 0.13183953726905467, rtol: 1e-8, atol: 0, "2018 se")
    }

    @Test("--sanctions-at splits a selection's codes by the fixture calendar (UNSCR 2321 and 2371)")
    func split() throws {
        let result = try runTradescope(["index", "--hs", "2701,44", "--sanctions-at", "2017-12-31", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let groups = try #require(try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8)).sanction_groups)
        // 2371 bans coal (2701) from 2017-08-05; no measure of the fixture calendar touches chapter 44 (wood).
        #expect(groups.sanctioned_codes.count == 1 && groups.non_sanctioned_codes == ["44"])
    }
}
