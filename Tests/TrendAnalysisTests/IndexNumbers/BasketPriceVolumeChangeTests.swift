import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("BasketPriceVolumeChange: additive price/volume split of a basket's value change")
struct BasketPriceVolumeChangeTests {
    @Test("hand calculation: the two-code basket")
    func handCalculation() throws {
        // A: V 100 → 180, q 10 → 12: L_A = 80 / ln 1.8; price L_A ln 1.5, volume L_A ln 1.2.
        // B: V 50 → 40, q 25 → 40:   L_B = −10 / ln 0.8; price L_B ln 0.5, volume L_B ln 1.6.
        let index = try UnitValueIndexSpecification(formula: .fisher).compute(UnitValueIndexSpecificationTests.handBasket)
        let split = try #require(index.links.first?.decomposition)
        let la = 80 / log(1.8), lb = -10 / log(0.8)
        expectClose(split.priceEffect, la * log(1.5) + lb * log(0.5), rtol: 1e-14, atol: 0, "price")
        expectClose(split.volumeEffect, la * log(1.2) + lb * log(1.6), rtol: 1e-14, atol: 0, "volume")
        #expect(split.contributions.map(\.code) == ["A", "B"])
    }

    @Test("the parts sum to the total change (1e-12 relative), over every comparison of the reference basket")
    func identity() throws {
        for chaining in IndexChaining.allCases {
            let index = try UnitValueIndexSpecification(formula: .tornqvist, chaining: chaining).compute(try referenceBasket())
            for link in index.links {
                let split = try #require(link.decomposition)
                expectClose(split.priceEffect + split.volumeEffect, split.valueChange, rtol: 1e-12, atol: 0, "\(link.from)→\(link.to)")
                let codeSum = split.contributions.reduce(0) { $0 + $1.change.priceEffect + $1.change.volumeEffect }
                expectClose(codeSum, split.valueChange, rtol: 1e-12, atol: 0, "codes \(link.from)→\(link.to)")
                expectClose(split.valueTo / split.valueFrom, try #require(link.valueRatio), rtol: 1e-15, atol: 0, "value ratio")
            }
        }
    }

    @Test("a basket of one code reproduces PriceVolumeChange")
    func oneCode() throws {
        let basket = [
            BasketObservation(period: Period(year: 2014), code: "2701", value: 1_132_180_000, quantity: 15_430_000),
            BasketObservation(period: Period(year: 2015), code: "2701", value: 1_100_000_000, quantity: 19_600_000),
        ]
        let split = try #require(try UnitValueIndexSpecification(formula: .fisher).compute(basket).links[0].decomposition)
        // The values of PriceVolumeChangeTests (Python math.log): −299,147,976.48747337 and 266,967,976.48747334.
        expectClose(split.priceEffect, -299_147_976.48747337, rtol: 1e-12, atol: 0, "price")
        expectClose(split.volumeEffect, 266_967_976.48747334, rtol: 1e-12, atol: 0, "volume")
    }
}
