import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// Property tests of the value-change decomposition (issue 11), on seeded random
/// (value, quantity) pairs over many orders of magnitude (SplitMix64).
///
/// With V = P·Q the identities are exact in real arithmetic:
/// ```
/// price effect + volume effect = V₁ − V₀                 (LMDI-I is additive without residual)
/// (1 + ΔV) = (1 + ΔP)·(1 + ΔQ)                             (value change = price change ∘ quantity change)
/// sign(price effect) = sign(ΔP), sign(volume effect) = sign(ΔQ)
/// ```
/// Tolerances: the effects are L·ln(ratio) with L the logarithmic mean; each carries a
/// few roundings of L·|ln ratio| ≤ max(V₀, V₁)·|ln ratio|, so the sum is checked with
/// atol 1e-12·max(V₀, V₁)·(1 + |ln P₁/P₀| + |ln Q₁/Q₀|) and rtol 1e-12. The product identity
/// is checked against the rounding of the stored changes (ratio − 1), see the comment there.
@Suite("PriceVolumeChange: the decomposition identity on random figures")
struct PriceVolumeChangePropertyTests {
    @Test("price effect + volume effect = value change; (1+ΔV) = (1+ΔP)(1+ΔQ); effects have the signs of their changes")
    func identity() throws {
        var random = PropertyRandom(seed: 2_004)
        for trial in 0..<5_000 {
            let v0 = random.magnitude(from: 1, decades: 12), q0 = random.magnitude(from: 1e-3, decades: 12)
            // Sometimes equal values or quantities (the L = V₀ branch and a zero effect).
            let v1 = random.integer(0...9) == 0 ? v0 : random.magnitude(from: 1, decades: 12)
            let q1 = random.integer(0...9) == 0 ? q0 : random.magnitude(from: 1e-3, decades: 12)
            let change = try PriceVolumeChange(from: Period(year: 2015), value: v0, quantity: q0, to: Period(year: 2016), value: v1, quantity: q1)
            let priceRatio: Double = (v1 / q1) / (v0 / q0)
            let logP: Double = abs(Foundation.log(priceRatio)), logQ: Double = abs(Foundation.log(q1 / q0))
            let spread: Double = 1 + logP + logQ
            let sumOfEffects: Double = change.priceEffect + change.volumeEffect
            expectClose(sumOfEffects, v1 - v0, rtol: 1e-12, atol: 1e-12 * max(v0, v1) * spread, "trial \(trial) sum")
            // The changes are stored as ratio − 1, so 1 + change carries an absolute rounding error of a few ε·max(1, ratio)
            // (all of the ratio when it is below ε: a fall of 99.99999999999999%). Propagated through the product:
            // |error| ≲ ε·(max(1, rP)·rQ + rP·max(1, rQ) + max(1, rV)); atol is 1e-14 (45 ε) times that bracket.
            let product: Double = (1 + change.unitPriceChange) * (1 + change.quantityChange)
            let rP = priceRatio, rQ = q1 / q0, rV = v1 / v0
            let bracket: Double = max(1, rP) * rQ + rP * max(1, rQ) + max(1, rV)
            expectClose(1 + change.valueChange, product, rtol: 1e-14, atol: 1e-14 * bracket, "trial \(trial) product")
            let shares: Double = change.priceEffectShare + change.volumeEffectShare
            expectClose(shares, change.valueChange, rtol: 1e-12, atol: 1e-12 * max(1, v1 / v0) * spread, "trial \(trial) shares")
            if q1 == q0 { #expect(change.volumeEffect == 0, "trial \(trial)") }
            #expect(change.priceEffect == 0 || (change.priceEffect > 0) == (change.unitPriceChange > 0), "trial \(trial) price sign")
            #expect(change.volumeEffect == 0 || (change.volumeEffect > 0) == (change.quantityChange > 0), "trial \(trial) volume sign")
        }
    }
}
