import Foundation
import Testing
import TradeDomain
import _TestSupport
@testable import TradeIO

/// The synthetic Comtrade+ fixtures (generate/comtrade_plus_synthetic.py, seed 20261129)
/// against the expectations the same script wrote with Python's csv module.
@Suite("ComtradePlusReader")
struct ComtradePlusReaderTests {
    @Test("every line kept or rejected as expected, fields exact", arguments: [
        ("comtrade_plus_synthetic.csv", TradeFileLayout.comtradePlus),
        ("comtrade_plus_bulk_synthetic.csv", TradeFileLayout.comtradePlusBulk),
    ])
    func syntheticFile(name: String, layout: TradeFileLayout) throws {
        let expected = try expectationRows("comtrade_plus_synthetic.expected.csv")
        var outcomes: [Int: Result<TradeFileRow, TradeIOError>] = [:]
        var order: [Int] = []
        let found = try TradeFileReader(path: fixturePath(name), displayName: name, sourceID: "synthetic").forEachRow { outcome in
            let line: Int
            switch outcome {
            case let .success(row): line = row.line
            case let .failure(error):
                guard case let .invalidValue(location, _, _) = error else { Issue.record("unexpected error \(error)"); return true }
                line = location.line
            }
            order.append(line)
            outcomes[line] = outcome
            return true
        }
        #expect(found == layout)
        #expect(order == expected.map { Int($0["line"]!)! })
        for want in expected {
            let line = Int(want["line"]!)!
            switch outcomes[line] {
            case let .failure(error)?:
                #expect(want["status"] == "rejected", "line \(line): \(error)")
                if case let .invalidValue(location, _, _) = error {
                    #expect(location.field == want["reject_column"], "line \(line): \(error)")
                    #expect(location.file == name)
                }
            case let .success(row)?:
                #expect(want["status"] == "kept", "line \(line) kept")
                let record = row.record
                #expect(record.period == (try Period(parsing: want["period"]!)))
                #expect(record.reporter.iso3 == want["reporter"]! && row.reporterNumericCode == Int(want["reporter_code"]!))
                #expect(record.partner.iso3 == want["partner"]! && row.partnerNumericCode == Int(want["partner_code"]!))
                #expect(record.flow.rawValue == want["flow"]!)
                #expect(record.commodity.description == want["cmd"]!)
                #expect(record.classification == want["classification"]!)
                // Python's repr(float) round-trips exactly: exact comparison.
                #expect(record.value?.amount == Double(want["value"]!))
                #expect(record.quantity?.amount == Double(want["qty"]!))
                #expect(record.quantity?.unit.code == Int(want["qty_unit_code"]!))
                #expect(record.netWeightKilograms == Double(want["net_weight"]!))
                #expect(record.isQuantityEstimated == (want["qty_estimated"] == "true"))
                #expect(record.isNetWeightEstimated == (want["net_weight_estimated"] == "true"))
                #expect(row.legacyEstimationFlag == Int(want["legacy_flag"]!))
                #expect(record.hasSuspectQuantity == (want["suspect"] == "true"))
                #expect(record.commodityDescription == want["description"]!)
            case nil:
                Issue.record("line \(line) not reported")
            }
        }
    }

    @Test("the fixture exercises the awkward cases: W00, S19, suspect zeros, missing quantity, quoted commas")
    func coverage() throws {
        let contents = try TradeFileReader(path: fixturePath("comtrade_plus_synthetic.csv")).readAll()
        let codes = Set(contents.records.flatMap { [$0.reporter.iso3, $0.partner.iso3] })
        #expect(codes.isSuperset(of: ["W00", "S19", "CHN", "PRK"]))
        #expect(contents.suspectQuantityRows > 0)
        #expect(contents.records.contains { $0.quantity == nil })
        #expect(contents.records.contains { $0.commodityDescription?.contains("\"bituminous\"") == true })
        #expect(contents.records.contains { $0.period.frequency == .annual } && contents.records.contains { $0.period.frequency == .monthly })
        #expect(contents.rejected.count == 6)
    }
}
