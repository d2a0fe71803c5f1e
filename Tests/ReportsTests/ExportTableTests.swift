import Testing
import TradeDomain
import _TestSupport
@testable import Reports

@Suite("ExportTable: tidy long rows of trade records")
struct ExportTableTests {
    static func record(_ period: String, _ code: String, value: Double?, quantity: Quantity?, kilograms: Double? = nil,
                       estimated: Bool = false, description: String? = nil) throws -> TradeRecord {
        TradeRecord(
            period: try Period(parsing: period), reporter: try CountryCode("CHN"), partner: try CountryCode("PRK"), flow: .import,
            commodity: try CommodityCode(parsing: code), commodityDescription: description, classification: "H4",
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity, netWeightKilograms: kilograms,
            isQuantityEstimated: estimated, sourceID: "UN_COMTRADE")
    }

    @Test("one row per record and measure; missing figures have no row; a zero quantity has no unit price")
    func longRows() throws {
        let table = ExportTable(entries: [
            // Given out of order: the table orders by period.
            ExportTable.Entry(record: try Self.record("2016", "2701", value: 1_000, quantity: Quantity(amount: 0, unit: .tonne))),
            ExportTable.Entry(record: try Self.record("2015", "2701", value: 1_500, quantity: Quantity(amount: 20, unit: .tonne), kilograms: 20_000,
                                                      estimated: true, description: "Coal; \"bituminous\", briquettes"),
                              reporterNumericCode: 156, partnerNumericCode: 408, legacyEstimationFlag: 2),
            ExportTable.Entry(record: try Self.record("2017", "XV", value: nil, quantity: Quantity(amount: 5, unit: .items))),
        ])
        // Hand calculation: 1,500 USD / 20 t = 75 USD/t, estimated because the quantity is.
        #expect(table.csv() == """
            period,reporter_iso,partner_iso,flow,hs_code,hs_level,measure,value,unit,estimated_share,source,classification,reporter_code,partner_code,reporter_name,partner_name,legacy_flag,description,note,reporter_key,partner_key
            2015,CHN,PRK,import,2701,4,value_usd,1500,USD,,UN_COMTRADE,H4,156,408,,,2,"Coal; ""bituminous"", briquettes",,CHN,PRK
            2015,CHN,PRK,import,2701,4,quantity,20,t,1,UN_COMTRADE,H4,156,408,,,2,"Coal; ""bituminous"", briquettes",,CHN,PRK
            2015,CHN,PRK,import,2701,4,net_weight_kg,20000,kg,0,UN_COMTRADE,H4,156,408,,,2,"Coal; ""bituminous"", briquettes",,CHN,PRK
            2015,CHN,PRK,import,2701,4,unit_price,75,USD/t,1,UN_COMTRADE,H4,156,408,,,2,"Coal; ""bituminous"", briquettes",,CHN,PRK
            2016,CHN,PRK,import,2701,4,value_usd,1000,USD,,UN_COMTRADE,H4,,,,,,,,CHN,PRK
            2016,CHN,PRK,import,2701,4,quantity,0,t,0,UN_COMTRADE,H4,,,,,,,,CHN,PRK
            2017,CHN,PRK,import,XV,section,quantity,5,u,0,UN_COMTRADE,H4,,,,,,,,CHN,PRK

            """)
        #expect(table.ndjson().split(separator: "\n").count == 7)
        #expect(table.ndjson().hasPrefix(#"{"period":"2015","reporter_iso":"CHN","partner_iso":"PRK","flow":"import","hs_code":"2701","hs_level":"4","measure":"value_usd","value":1500,"unit":"USD","estimated_share":null,"source":"UN_COMTRADE","classification":"H4","reporter_code":156"#))
    }

    @Test("wide: one row per series key and measure, one column per period, empty where there is no figure")
    func wide() throws {
        let table = ExportTable(entries: [
            ExportTable.Entry(record: try Self.record("2015", "2701", value: 10.5, quantity: nil)),
            ExportTable.Entry(record: try Self.record("2017", "2701", value: 30, quantity: nil)),
            ExportTable.Entry(record: try Self.record("2016", "27", value: 99, quantity: nil)),
        ])
        #expect(table.wideCSV() == """
            reporter_iso,reporter_code,reporter_name,partner_iso,partner_code,partner_name,flow,hs_code,hs_level,source,classifications,measure,unit,2015,2016,2017
            CHN,,,PRK,,,import,27,2,UN_COMTRADE,H4,value_usd,USD,,99,
            CHN,,,PRK,,,import,2701,4,UN_COMTRADE,H4,value_usd,USD,10.5,,30

            """)
    }
}

@Suite("ProgressBar: one terminal line")
struct ProgressBarTests {
    @Test("the bar fills in proportion, clamps, and is plain without colour")
    func line() {
        // 52% of 10 cells = 5.2 -> 5 filled cells.
        #expect(ProgressBar.line(fraction: 0.52, rows: 104_000, label: "a.csv", width: 10, color: false) == "[#####.....]  52%  104,000 rows  a.csv")
        #expect(ProgressBar.line(fraction: 1.7, rows: 5, label: "b", width: 4, color: false) == "[####] 100%  5 rows  b")
        #expect(ProgressBar.line(fraction: 0, rows: 0, label: "c", width: 2, color: true) == "[\u{1B}[32m..\u{1B}[0m]   0%  0 rows  c")
    }
}
