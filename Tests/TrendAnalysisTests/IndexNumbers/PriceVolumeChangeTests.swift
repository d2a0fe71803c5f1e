import NumericCore
import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("PriceVolumeChange: log-mean Divisia split of a value change")
struct PriceVolumeChangeTests {
    @Test("hand calculation: KITA 2014 coal against the 2015 figures")
    func handCalculation() throws {
        // V0 = 1,132,180,000 USD, Q0 = 15,430,000 t (KITA 2014); V1 = 1,100,000,000, Q1 = 19,600,000 (2015).
        // Independent calculation (Python 3.11 math.log, double precision):
        //   ln(V1/V0) = -0.028834797936527497; L = (V1 - V0) / ln(V1/V0) = 1,116,012,675.7550414
        //   ln(Q1/Q0) =  0.23921589986140207;  ln(P1/P0) = -0.26805069779792956
        //   price effect  = L * ln(P1/P0) = -299,147,976.48747337
        //   volume effect = L * ln(Q1/Q0) =  266,967,976.48747334 (sum: -32,180,000 = V1 - V0)
        let change = try PriceVolumeChange(
            from: Period(year: 2014), value: 1_132_180_000, quantity: 15_430_000,
            to: Period(year: 2015), value: 1_100_000_000, quantity: 19_600_000)
        expectClose(change.valueChange, 1_100_000_000.0 / 1_132_180_000 - 1, rtol: 1e-14, atol: 0, "value change")
        expectClose(change.quantityChange, 19_600_000.0 / 15_430_000 - 1, rtol: 1e-14, atol: 0, "quantity change")
        // A few roundings of logarithms of ratios near 1: rtol 1e-12.
        expectClose(change.priceEffect, -299_147_976.48747337, rtol: 1e-12, atol: 0, "price effect")
        expectClose(change.volumeEffect, 266_967_976.48747334, rtol: 1e-12, atol: 0, "volume effect")
    }

    @Test("the effects add up to the value change (decomposition identity), over a seeded sample")
    func identity() throws {
        var random = SplitMix64(seed: 0x5EED_2015)
        func next() -> Double { random.nextUniform() }
        for _ in 0..<1000 {
            let v0 = 1e6 + 1e9 * next(), v1 = 1e6 + 1e9 * next(), q0 = 1 + 1e7 * next(), q1 = 1 + 1e7 * next()
            let change = try PriceVolumeChange(from: Period(year: 2000), value: v0, quantity: q0, to: Period(year: 2001), value: v1, quantity: q1)
            expectClose(change.priceEffect + change.volumeEffect, v1 - v0, rtol: 1e-12, atol: 1e-12 * v0, "identity")
            expectClose(change.priceEffectShare + change.volumeEffectShare, change.valueChange, rtol: 1e-10, atol: 1e-12, "shares")
        }
    }

    @Test("an unchanged value splits into opposite effects")
    func unchangedValue() throws {
        // V0 = V1 = 100, Q doubles: the price halves; L = V0 = 100; effects 100 ln(1/2) and 100 ln 2.
        let change = try PriceVolumeChange(from: Period(year: 2000), value: 100, quantity: 10, to: Period(year: 2001), value: 100, quantity: 20)
        expectClose(change.priceEffect, -100 * log(2.0), rtol: 1e-14, atol: 0, "price")
        expectClose(change.volumeEffect, 100 * log(2.0), rtol: 1e-14, atol: 0, "volume")
    }

    @Test("a non-positive figure is refused")
    func nonPositive() {
        #expect(throws: AnalysisError.nonPositive(what: "quantity", value: 0)) {
            try PriceVolumeChange(from: Period(year: 2000), value: 1, quantity: 0, to: Period(year: 2001), value: 1, quantity: 1)
        }
    }
}
