import Foundation
import Testing
import TradeDomain
import _TestSupport
@testable import TradeIO

/// Real legacy Comtrade rows (Fixtures/PROVENANCE.md) against the expectations that
/// generate/legacy_expected.py derives from the same bytes with Python's csv module.
@Suite("ComtradeLegacyReader")
struct ComtradeLegacyReaderTests {
    @Test("real rows read exactly as Python's csv module reads them", arguments: ["comtrade_legacy_head30", "comtrade_legacy_selected"])
    func realRows(name: String) throws {
        let contents = try TradeFileReader(path: fixturePath(name + ".csv"), sourceID: "UNCT_PMACG").readAll()
        let expected = try expectationRows(name + ".expected.csv")
        #expect(contents.layout == .comtradeLegacyAPI)
        #expect(contents.rejected.isEmpty)
        try #require(contents.rows.count == expected.count)
        for (row, want) in zip(contents.rows, expected) {
            let record = row.record
            #expect(row.line == Int(want["line"]!)!)
            #expect(record.period == (try Period(parsing: want["period"]!)))
            #expect(record.reporter.iso3 == want["reporter"]!)
            #expect(row.reporterNumericCode == Int(want["reporter_code"]!))
            #expect(record.partner.iso3 == want["partner"]!)
            #expect(row.partnerNumericCode == Int(want["partner_code"]!))
            #expect(record.flow.rawValue == want["flow"]!)
            #expect(record.commodity.description == want["cmd"]!)
            #expect(record.classification == want["classification"]!)
            // Values are integers of dollars in the file: exact.
            #expect(record.value?.amount == Double(want["value"]!))
            #expect(record.quantity == nil && want["qty"]! == "")
            #expect(record.netWeightKilograms == Double(want["net_weight"]!))
            #expect(row.legacyEstimationFlag == Int(want["legacy_flag"]!))
            #expect(row.hasSuspectNetWeight == (want["suspect_net_weight"]! == "true"))
            #expect(record.commodityDescription == want["description"]!)
            #expect(record.sourceID == "UNCT_PMACG")
            #expect(record.isQuantityEstimated == false && record.isNetWeightEstimated == false)
        }
    }

    @Test("'Other Asia, nes' keeps its numeric code 490; nothing is recoded")
    func otherAsia() throws {
        let rows = try TradeFileReader(path: fixturePath("comtrade_legacy_selected.csv")).readAll().rows
        let otherAsia = try #require(rows.first { $0.reporterNumericCode == 490 })
        #expect(otherAsia.record.reporter.iso3 == "490")
        #expect(otherAsia.record.reporter.isAggregate)
    }

    @Test("a quantity under 'no quantity' and SITC rows are rejected, naming the column; an unknown unit code sets the quantity aside")
    func rejections() throws {
        let header = TradeFileLayout.legacyAPIColumns.joined(separator: ",") + "\r\n"
        func line(flowCode: String = "1", classification: String = "H4", unit: String = "1", qty: String = "") -> String {
            "\(classification),2016,2016,2016,2,0,\(flowCode),Import,156,China,CHN,408,Korea,PRK,27,\"Fuels, etc\",\(unit),No Quantity,\(qty),,100,0\r\n"
        }
        let path = try temporaryFile(header + line() + line(unit: "1", qty: "5") + line(unit: "99", qty: "5")
                                     + line(classification: "S3") + line(flowCode: "7"), name: "legacy.csv")
        let contents = try TradeFileReader(path: path, displayName: "legacy.csv").readAll()
        #expect(contents.rows.map(\.line) == [2, 4])
        #expect(contents.rows.last?.quantitySetAside?.strictError.description
                == "legacy.csv:4: field 'Qty Unit Code': '99' is not a legacy quantity unit code (1-13)")
        #expect(contents.rows.last?.record.quantity == nil && contents.rows.last?.record.value?.amount == 100)
        #expect(contents.rejected.map(\.description) == [
            "legacy.csv:3: field 'Qty': '5' is a quantity but 'Qty Unit Code' says no quantity",
            "legacy.csv:5: field 'Classification': 'S3' is not an HS classification (H0-H6, HS); SITC and BEC rows are not read",
            "legacy.csv:6: field 'Trade Flow Code': '7' is invalid: \(TradeDomainError.invalidFlow("7"))",
        ])
    }

    @Test("the 35-column bulk layout: totals read, breakdowns by mode of transport rejected")
    func bulkLayout() throws {
        let header = TradeFileLayout.legacyBulkColumns.joined(separator: ",") + "\n"
        // Hand-written rows in the bulk layout: 2 t of coal (legacy unit 8 = kg, 2000 kg) for 150 USD.
        let total = "H4,2016,201603,March 2016,4,0,1,Import,156,China,CHN,408,Korea,PRK,,,,,,,,2701,\"Coal; briquettes, ovoids\",8,kg,2000,,,,2000,,150,150,,0\n"
        let bySea = "H4,2016,201603,March 2016,4,0,1,Import,156,China,CHN,408,Korea,PRK,,,,,,2100,Sea,2701,Coal,8,kg,2000,,,,2000,,150,150,,0\n"
        let contents = try TradeFileReader(path: try temporaryFile(header + total + bySea, name: "bulk.csv"), displayName: "bulk.csv").readAll()
        #expect(contents.layout == .comtradeLegacyBulk)
        let record = try #require(contents.rows.first).record
        #expect(record.period == (try Period(year: 2016, month: 3)))
        #expect(record.quantity == Quantity(amount: 2000, unit: .kilogram))
        // 150 USD / 2 t = 75 USD/t (hand calculation).
        expectClose(try #require(record.unitPrice).converted(to: .tonne).amount, 75, rtol: 1e-15, atol: 0)
        #expect(contents.rejected.map(\.description) == [
            "bulk.csv:3: field 'Mode of Transport Code': '2100' is a breakdown, not the total (0); only total rows are read",
        ])
    }
}
