import Foundation
import Testing
import _TestSupport

@Suite("tradescope series")
struct SeriesCommandTests {
    struct Row: Decodable {
        let period: String
        let value_usd: Double?
        let quantity: Double?
        let quantity_unit: String?
        let unit_price: Double?
        let unit_price_unit: String?
        let missing_quantity_share: Double?
        let source_ids: [String]
        let value_source_ids: [String]
        let quantity_source_ids: [String]
    }
    struct Output: Decodable { let rows: [Row] }

    func rows() throws -> [Row] {
        let result = try runTradescope(["series", "--hs", "2701", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8)).rows
    }

    @Test("JSON gives exactly the fixture figures chosen by the rule of Data/README.md")
    func exactFigures() throws {
        let rows = try rows()
        // 2017 has no annual figure: it is the partial sum of the fixture's two months (shown, marked, not analysed).
        #expect(rows.map(\.period) == ["2013", "2014", "2015", "2016", "2017"])
        // Hand calculation: 2017-01 126,390,000 USD and 1,440,000 t, 2017-02 97,600,000 USD and 1,230,000 t.
        #expect(rows[4].value_usd == 126_390_000 + 97_600_000 && rows[4].quantity == 1_440_000 + 1_230_000)
        // Figures as written in Tests/.../Fixtures/data/dprk_china.csv (copied from Data/dprk_china.csv).
        #expect(rows[0].value_usd == 1_373_710_000 && rows[0].quantity == 16_494_000)
        #expect(rows[1].value_usd == 1_132_180_000 && rows[1].quantity == 15_430_000)
        // 2015: value from NEWSPOSTSEVEN (rank 6) over NUMERICAL (rank 7); tonnage from GAC via Bloomberg.
        #expect(rows[2].value_usd == 1_100_000_000 && rows[2].quantity == 19_600_000)
        #expect(rows[2].value_source_ids == ["NEWSPOSTSEVEN_2017-05"])
        #expect(rows[2].quantity_source_ids == ["GAC_BLOOMBERG_IAC_2016-04"])
        // 2016: tonnage 22,490,000 (CEIC, 2017-01) and 22,480,000 (Reuters, 2017-02-18) tie on rank and
        // significant digits; the later publication wins.
        #expect(rows[3].value_usd == 1_180_000_000 && rows[3].quantity == 22_480_000)
        #expect(rows[3].quantity_source_ids == ["REU_2017-02-18"])
        #expect(rows.allSatisfy { $0.quantity_unit == "t" && $0.unit_price_unit == "USD/t" && $0.missing_quantity_share == 0 })
    }

    @Test("each unit price is value / quantity of the same period")
    func unitPriceIsRatio() throws {
        for row in try rows() {
            let value = try #require(row.value_usd), quantity = try #require(row.quantity)
            // One division in double precision on both sides: equal to within one rounding.
            expectClose(try #require(row.unit_price), value / quantity, rtol: 1e-15, atol: 0, row.period)
        }
        // Hand calculation for 2015: 1,100,000,000 / 19,600,000 = 56.122448979...
        expectClose(try rows()[2].unit_price ?? .nan, 56.12244897959184, rtol: 1e-12, atol: 0, "2015")
    }

    @Test("CSV output has the contract's header and empty fields for missing figures")
    func csvOutput() throws {
        let result = try runTradescope(["series", "--hs", "2701", "--freq", "monthly", "--format", "csv"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first == "period,value_usd,quantity,quantity_unit,unit_price,unit_price_unit,missing_quantity_share,estimated_quantity_share,source_ids,coverage")
        // 2017-01: the UN 1718 row is the only one with a value; tonnage 1,440,000 t from UN 1718
        // (un1718 rank 3 loses to customs rank 1: GAC via 38 North 1,440,000 t published 2017-04-05).
        #expect(lines[1].hasPrefix("2017-01,126390000,1440000,t,"))
        #expect(lines.count == 3)
    }

    @Test("a malformed row gives exit code 2 and names file, line and field")
    func malformedRow() throws {
        let directory = try copyOfFixtureData()
        let file = directory.appendingPathComponent("dprk_china.csv")
        var text = try String(contentsOf: file, encoding: .utf8)
        text += "2017-03,CHN,PRK,import,2701,12x,,,UN1718_USEMB_2017-05,\n"
        try text.write(to: file, atomically: true, encoding: .utf8)
        let result = try runTradescope(["series", "--hs", "2701"], dataDirectory: directory)
        #expect(result.status == 2)
        // The fixture has a header and 18 rows, so the appended row is line 20.
        #expect(result.standardError.contains("Data/dprk_china.csv:20: field 'value_usd': '12x' is not a decimal number"))
    }

    @Test("bad usage gives exit code 2", arguments: [
        ["series", "--hs", "27011"], ["series", "--from", "2015-13"], ["series", "--freq", "weekly"], ["nosuchcommand"],
    ])
    func badUsage(arguments: [String]) throws {
        let result = try runTradescope(arguments)
        #expect(result.status == 2, "\(arguments): \(result.standardError)")
        #expect(!result.standardError.isEmpty)
    }
}

@Suite("tradescope series: several codes")
struct SeriesSeveralCodesTests {
    @Test("several codes give one CSV with an hs_code column and one header")
    func oneCSV() throws {
        let result = try runTradescope(["series", "--hs", "2701,27", "--format", "csv"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("hs_code,period,value_usd,") == true)
        #expect(lines.filter { $0.hasPrefix("hs_code,") }.count == 1)
        #expect(lines.contains { $0.hasPrefix("2701,2015,1100000000,19600000,t,") })
        // Chapter 27 of 2015 is the UN Comtrade figure of the fixture (1,063,985,968 USD).
        #expect(lines.contains { $0.hasPrefix("27,2015,1063985968,") })
        // Fields counted outside quotes (a coverage cell may hold commas inside its quotes).
        let widths = Set(lines.map { $0.replacingOccurrences(of: "\"[^\"]*\"", with: "q", options: .regularExpression)
            .split(separator: ",", omittingEmptySubsequences: false).count })
        #expect(widths.count == 1)
    }
}
