#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fisher's F distribution with (d₁, d₂) degrees of freedom.
///
/// ```
/// P(F ≤ x) = I_{d₁x/(d₁x+d₂)}(d₁/2, d₂/2)
/// ```
/// Lower and upper tails each come directly from the incomplete beta function
/// on its convergent side. Quantiles are found by bisection on the bit patterns
/// of doubles.
///
/// Reference: scipy.stats `f`; R `pf`, `qf`.
public struct FisherF: NonNegativeContinuousDistribution, Equatable, Codable {
    /// The numerator degrees of freedom d₁ > 0.
    public let numeratorDegreesOfFreedom: Double
    /// The denominator degrees of freedom d₂ > 0.
    public let denominatorDegreesOfFreedom: Double

    /// Creates an F distribution.
    ///
    /// - Parameters:
    ///   - numeratorDegreesOfFreedom: d₁, positive and finite.
    ///   - denominatorDegreesOfFreedom: d₂, positive and finite.
    public init(numeratorDegreesOfFreedom: Double, denominatorDegreesOfFreedom: Double) {
        precondition(numeratorDegreesOfFreedom > 0 && numeratorDegreesOfFreedom.isFinite, "F numerator degrees of freedom must be positive")
        precondition(denominatorDegreesOfFreedom > 0 && denominatorDegreesOfFreedom.isFinite, "F denominator degrees of freedom must be positive")
        self.numeratorDegreesOfFreedom = numeratorDegreesOfFreedom
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
    }

    /// P(X ≤ x) and P(X > x), each computed directly.
    public func tails(_ x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        let d1 = numeratorDegreesOfFreedom, d2 = denominatorDegreesOfFreedom
        let u = d1 * x
        if u > 1e280 * d2 {
            // y = d₂/(d₁x + d₂) may underflow: pass ln y = ln d₂ − ln d₁ − ln x.
            let logY = log(d2) - log(d1) - log(x)
            return SpecialFunctions.incompleteBeta(d1 / 2, d2 / 2, x: 1, y: exp(logY), logY: logY)
        }
        if u < 1e-280 * d2 {
            // x = d₁x/(d₁x + d₂) may underflow: pass its logarithm.
            let logX = log(d1) + log(x) - log(d2)
            return SpecialFunctions.incompleteBeta(d1 / 2, d2 / 2, x: exp(logX), y: 1, logX: logX)
        }
        let denominator = u + d2
        return SpecialFunctions.incompleteBeta(d1 / 2, d2 / 2, x: u / denominator, y: d2 / denominator)
    }
}
