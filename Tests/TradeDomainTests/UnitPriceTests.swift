import Testing
import _TestSupport
@testable import TradeDomain

@Suite("UnitPrice")
struct UnitPriceTests {
    @Test("KDI FOCUS 57 style figure: 102 USD/t written as value/quantity")
    func valueOverQuantity() throws {
        // Hand calculation: 1,020,000 USD / 10,000 t = 102 USD/t.
        let price = try UnitPrice(value: .usd(1_020_000), quantity: Quantity(amount: 10_000, unit: .tonne))
        #expect(price.amount == 102)
        #expect(price.unitLabel == "USD/t")
        #expect(price.quantityUnit == .tonne && price.currency == .usd)
        // 102 USD/t = 0.102 USD/kg (one kg is 0.001 t).
        expectClose(try price.converted(to: .kilogram).amount, 0.102, rtol: 4.4e-16, atol: 0, "USD/kg")
    }

    @Test("Property: price × quantity = value, over 10,000 seeded draws")
    func priceTimesQuantityIsValue() throws {
        var random = PropertyRandom(seed: 20_171_205)
        for _ in 0..<10_000 {
            let value = random.unit() * 1e9
            let quantity = (random.unit() + 1e-6) * 1e7
            let price = try UnitPrice(value: .usd(value), quantity: Quantity(amount: quantity, unit: .kilogram))
            // One division and one multiplication, each rounded to within 2^-53 relative: the
            // round trip is within 2 ulp, so rtol 4.4e-16 (= 2 × 2^-52).
            let back = try price.value(of: Quantity(amount: quantity, unit: .kilogram))
            expectClose(back.amount, value, rtol: 4.4e-16, atol: 0, "price × quantity")
        }
    }

    @Test("Aggregate is Σ value / Σ quantity, not the mean of ratios")
    func aggregateIsRatioOfSums() throws {
        // Records: 100 USD / 10 t (10 USD/t), 300 USD / 20 t (15 USD/t), 80 USD / 2000 kg = 2 t (40 USD/t).
        // Σ value = 480 USD; Σ quantity = 10 + 20 + 2 = 32 t; 480 / 32 = 15 USD/t exactly.
        // (The mean of ratios would be (10 + 15 + 40) / 3 = 21.67 USD/t.)
        let pairs: [(value: MonetaryAmount, quantity: Quantity)] = [
            (.usd(100), Quantity(amount: 10, unit: .tonne)),
            (.usd(300), Quantity(amount: 20, unit: .tonne)),
            (.usd(80), Quantity(amount: 2000, unit: .kilogram)),
        ]
        let perTonne = try UnitPrice.aggregate(pairs, in: .tonne)
        #expect(perTonne.amount == 15)
        #expect(perTonne.unitLabel == "USD/t")
        // In kg: Σ quantity = 32,000 kg; 480 / 32,000 = 0.015 USD/kg.
        expectClose(try UnitPrice.aggregate(pairs, in: .kilogram).amount, 0.015, rtol: 4.4e-16, atol: 0, "USD/kg")
    }

    @Test func aggregateRejectsIncompatibleAndEmpty() throws {
        let pairs: [(value: MonetaryAmount, quantity: Quantity)] = [
            (.usd(100), Quantity(amount: 10, unit: .tonne)),
            (.usd(5), Quantity(amount: 3, unit: .litre)),
        ]
        #expect(throws: TradeDomainError.incompatibleUnits(.litre, .tonne)) { try UnitPrice.aggregate(pairs, in: .tonne) }
        #expect(throws: TradeDomainError.emptyAggregate) { try UnitPrice.aggregate([], in: .tonne) }
        let zero: [(value: MonetaryAmount, quantity: Quantity)] = [(.usd(100), Quantity(amount: 0, unit: .tonne))]
        #expect(throws: TradeDomainError.zeroQuantity(.tonne)) { try UnitPrice.aggregate(zero, in: .tonne) }
        // A zero quantity among positive ones is summed, not rejected: 100 / (0 + 4) = 25.
        let mixed: [(value: MonetaryAmount, quantity: Quantity)] = [
            (.usd(0), Quantity(amount: 0, unit: .tonne)), (.usd(100), Quantity(amount: 4, unit: .tonne)),
        ]
        #expect(try UnitPrice.aggregate(mixed, in: .tonne).amount == 25)
    }

    @Test("Zero, negative, NaN and unmeasured quantities are rejected")
    func rejectsBadQuantities() {
        #expect(throws: TradeDomainError.zeroQuantity(.tonne)) {
            try UnitPrice(value: .usd(580_000), quantity: Quantity(amount: 0, unit: .tonne))
        }
        #expect(throws: TradeDomainError.negativeQuantity(-5, .kilogram)) {
            try UnitPrice(value: .usd(1), quantity: Quantity(amount: -5, unit: .kilogram))
        }
        #expect(throws: TradeDomainError.nonFiniteQuantity(.kilogram)) {
            try UnitPrice(value: .usd(1), quantity: Quantity(amount: .nan, unit: .kilogram))
        }
        #expect(throws: TradeDomainError.unmeasuredQuantity) {
            try UnitPrice(value: .usd(1), quantity: Quantity(amount: 3, unit: .noQuantity))
        }
        #expect(throws: TradeDomainError.negativeValue(-1, .usd)) {
            try UnitPrice(value: .usd(-1), quantity: Quantity(amount: 3, unit: .kilogram))
        }
        #expect(throws: TradeDomainError.nonFiniteValue(.usd)) {
            try UnitPrice(value: .usd(.infinity), quantity: Quantity(amount: 3, unit: .kilogram))
        }
    }
}
