import Foundation
import Testing
import _TestSupport
@testable import NumericCore

/// Distribution values against mpmath at 50 digits and scipy.stats
/// (Reference/distributions.csv, made by Reference/generate/distributions.py;
/// see PROVENANCE.md).
@Suite("Distributions against mpmath and scipy.stats")
struct DistributionsTests {
    static func reference() throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: "distributions", withExtension: "csv", subdirectory: "Reference"))
        return try Fixture(url: url)
    }

    static func distribution(_ name: String, _ df1: String, _ df2: String) -> (any ContinuousDistribution)? {
        switch name {
        case "normal": return Normal()
        case "studentT": return StudentT(degreesOfFreedom: Double(df1)!)
        case "fisherF": return FisherF(numeratorDegreesOfFreedom: Double(df1)!, denominatorDegreesOfFreedom: Double(df2)!)
        case "chiSquared": return ChiSquared(degreesOfFreedom: Double(df1)!)
        default: return nil
        }
    }

    @Test(arguments: ["normal", "studentT", "fisherF", "chiSquared"])
    func matchesScipy(name: String) throws {
        let fixture = try Self.reference().filter("distribution", equals: name)
        #expect(fixture.rows.count > 50)
        let df1 = fixture.strings("df1"), df2 = fixture.strings("df2"), functions = fixture.strings("function")
        let arguments = fixture.doubles("argument"), expected = fixture.doubles("reference")
        let scipy = fixture.doubles("scipy")
        for row in fixture.rows.indices {
            let distribution = try #require(Self.distribution(name, df1[row], df2[row]))
            let x = arguments[row]
            let actual: Double
            switch functions[row] {
            case "cdf": actual = distribution.cdf(x)
            case "sf": actual = distribution.survival(x)
            case "ppf": actual = distribution.quantile(x)
            case "isf": actual = distribution.inverseSurvival(x)
            default: Issue.record("unknown function \(functions[row])"); continue
            }
            // Both libraries aim at ~1e-15 relative; 1e-10 leaves room for the
            // conditioning of each function (e.g. ∂ln F/∂ln x for quantiles)
            // while still catching any lost digit in the algorithms.
            let label = "\(name)(\(df1[row]), \(df2[row])).\(functions[row])(\(x))"
            expectClose(actual, expected[row], rtol: 1e-10, atol: 0, label + " vs mpmath")
            // scipy as a second reference wherever it agrees with mpmath to 1e-12.
            if isClose(scipy[row], expected[row], rtol: 1e-12, atol: 0) {
                expectClose(actual, scipy[row], rtol: 1e-10, atol: 0, label + " vs scipy")
            }
        }
    }

    @Test func tailsAreComplementary() {
        // Property: cdf + survival = 1 where both are far from 0.
        let distributions: [any ContinuousDistribution] = [
            Normal(), StudentT(degreesOfFreedom: 7), FisherF(numeratorDegreesOfFreedom: 3, denominatorDegreesOfFreedom: 40),
            ChiSquared(degreesOfFreedom: 12),
        ]
        for distribution in distributions {
            for x in [0.2, 0.9, 1.7, 4.0] {
                expectClose(distribution.cdf(x) + distribution.survival(x), 1, rtol: 0, atol: 1e-15, "\(distribution) at \(x)")
            }
        }
    }

    @Test func normalHandValues() {
        // Hand values: Φ(0) = ½ exactly; Φ⁻¹(½) = 0 exactly; N(μ, σ) shifts and scales.
        #expect(Normal().cdf(0) == 0.5)
        #expect(Normal().quantile(0.5) == 0)
        let shifted = Normal(mean: 3, standardDeviation: 2)
        expectClose(shifted.cdf(5), Normal().cdf(1), rtol: 1e-15, atol: 0, "N(3, 2²) at 5")
        expectClose(shifted.quantile(0.975), 3 + 2 * Normal().quantile(0.975), rtol: 1e-15, atol: 0, "N(3, 2²) quantile")
    }

    @Test func cauchyClosedForm() {
        // t with 1 df is Cauchy: P(T > t) = ½ − atan(t)/π; quantile tan(π(p − ½)).
        let t1 = StudentT(degreesOfFreedom: 1)
        for x in [0.3, 1.0, 2.5, 40.0] {
            expectClose(t1.survival(x), atan(1 / x) / Double.pi, rtol: 1e-13, atol: 0, "Cauchy sf(\(x))")
        }
        expectClose(t1.quantile(0.75), 1, rtol: 1e-13, atol: 0, "Cauchy quantile(0.75)")
    }
}
