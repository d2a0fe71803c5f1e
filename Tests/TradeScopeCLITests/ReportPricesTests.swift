import Foundation
import Testing
import _TestSupport

@Suite("tradescope report --format json: price/volume table and sanctioned vs other goods")
struct ReportPricesTests {
    @Test("price_volume carries the year-on-year split; sanction_groups the chapter split")
    func members() throws {
        let result = try runTradescope(["report", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let priceVolume = try #require(object["price_volume"] as? [String: Any])
        let splits = try #require(priceVolume["decomposition"] as? [[String: Any]])
        let split = try #require(splits.first { $0["from"] as? String == "2014" && $0["to"] as? String == "2015" })
        // PriceVolumeChangeTests (Python math.log): price −299,147,976.48747337, volume 266,967,976.48747334.
        expectClose(try #require(split["price_effect"] as? Double), -299_147_976.48747337, rtol: 1e-12, atol: 0, "price")
        expectClose(try #require(split["quantity_effect"] as? Double), 266_967_976.48747334, rtol: 1e-12, atol: 0, "volume")
        let groups = try #require(object["sanction_groups"] as? [String: Any])
        // Fixture: chapters 27 (touched by 2321's coal cap and 2371's ban) and 44 (no fixture measure).
        let sanctioned = try #require(groups["sanctioned_codes"] as? [[String: Any]]).compactMap { $0["code"] as? String }
        #expect(sanctioned == ["27"])
        #expect(groups["non_sanctioned_codes"] as? [String] == ["44"])
    }
}
