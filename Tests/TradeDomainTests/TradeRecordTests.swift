import Foundation
import Testing
@testable import TradeDomain

@Suite("TradeRecord")
struct TradeRecordTests {
    private func record(value: Double?, quantity: Double?, unit: QuantityUnit = .tonne) throws -> TradeRecord {
        TradeRecord(
            period: try Period(parsing: "2017-03"), reporter: .china, partner: .northKorea, flow: .import,
            commodity: .hs(try HSCode("2701")),
            value: value.map { MonetaryAmount.usd($0) }, quantity: quantity.map { Quantity(amount: $0, unit: unit) },
            sourceID: "test")
    }

    @Test("Unit price of a record: 580,000 USD / 6,342 t")
    func unitPrice() throws {
        // Hand calculation: 580,000 / 6,342 = 91.453800063... USD/t (computed by one IEEE division).
        let price = try #require(try record(value: 580_000, quantity: 6_342).unitPrice)
        #expect(price.amount == 580_000.0 / 6_342.0)
        #expect(price.unitLabel == "USD/t")
    }

    @Test("Zero quantity with positive value is kept, flagged suspect, and has no unit price")
    func suspectZero() throws {
        let zero = try record(value: 1_000, quantity: 0)
        #expect(zero.quantity?.amount == 0)
        #expect(zero.hasSuspectQuantity)
        #expect(zero.unitPrice == nil)
    }

    @Test func missingIsNotZero() throws {
        let noQuantity = try record(value: 1_000, quantity: nil)
        #expect(!noQuantity.hasSuspectQuantity && noQuantity.unitPrice == nil && noQuantity.quantity == nil)
        let noValue = try record(value: nil, quantity: 10)
        #expect(!noValue.hasSuspectQuantity && noValue.unitPrice == nil)
        let bothZero = try record(value: 0, quantity: 0)
        #expect(!bothZero.hasSuspectQuantity)
        #expect(try record(value: 5, quantity: 3, unit: .noQuantity).unitPrice == nil)
    }

    @Test func codableRoundTrip() throws {
        let original = try record(value: 126_390_000, quantity: 1_440_000)
        let data = try JSONEncoder().encode(original)
        #expect(try JSONDecoder().decode(TradeRecord.self, from: data) == original)
    }
}
