#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The normal distribution N(μ, σ²).
///
/// ```
/// F(x) = ½ erfc(−(x − μ) / (σ√2))
/// ```
/// Built on `erf`/`erfc` from the C library. The quantile starts from Acklam's
/// rational approximation and is polished by Newton steps on `ln` of the
/// relevant tail, which keeps relative accuracy down to tail probabilities of
/// 1e-300.
///
/// Reference: scipy.stats `norm`; R `pnorm`, `qnorm`.
public struct Normal: ContinuousDistribution, Equatable, Codable {
    /// The mean μ.
    public let mean: Double
    /// The standard deviation σ > 0.
    public let standardDeviation: Double

    /// Creates N(mean, standardDeviation²).
    ///
    /// - Parameters:
    ///   - mean: μ, finite.
    ///   - standardDeviation: σ, positive and finite.
    public init(mean: Double = 0, standardDeviation: Double = 1) {
        precondition(mean.isFinite, "normal mean must be finite")
        precondition(standardDeviation > 0 && standardDeviation.isFinite, "normal standard deviation must be positive")
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// The standard normal density φ(z).
    static func standardDensity(_ z: Double) -> Double {
        exp(-0.5 * z * z) / (2 * Double.pi).squareRoot()
    }

    /// The standard normal lower tail Φ(z).
    static func standardCDF(_ z: Double) -> Double {
        let u = z * 0.707_106_781_186_547_524_40
        if abs(u) < 0.707_106_781_186_547_524_40 { return 0.5 + 0.5 * erf(u) }
        return u > 0 ? 1 - 0.5 * erfc(u) : 0.5 * erfc(-u)
    }

    /// The standard normal upper quantile: z with 1 − Φ(z) = q, for 0 < q ≤ ½.
    static func standardUpperQuantile(_ q: Double) -> Double {
        if q == 0.5 { return 0 }
        // Acklam's approximation of the lower quantile at p = q (≤ ½), negated.
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        var z: Double
        if q < 0.02425 {
            let t = (-2 * log(q)).squareRoot()
            z = -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5])
                / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1)
        } else {
            let t = q - 0.5, r = t * t
            z = -(((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * t
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        }
        // Newton on g(z) = ln S(z) − ln q, with S(z) = Φ(−z) and g' = −φ(z)/S(z).
        for _ in 0..<6 {
            let tail = standardCDF(-z)
            let step = (log(tail) - log(q)) * tail / standardDensity(z)
            z += step
            if abs(step) <= 1e-15 * abs(z) { break }
        }
        return z
    }

    public func cdf(_ x: Double) -> Double {
        Self.standardCDF((x - mean) / standardDeviation)
    }

    public func survival(_ x: Double) -> Double {
        Self.standardCDF((mean - x) / standardDeviation)
    }

    /// The density φ((x − μ)/σ)/σ.
    ///
    /// - Parameter x: The point.
    /// - Returns: The density at x.
    public func density(_ x: Double) -> Double {
        Self.standardDensity((x - mean) / standardDeviation) / standardDeviation
    }

    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability \(p) is outside [0, 1]")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        let z = p <= 0.5 ? -Self.standardUpperQuantile(p) : Self.standardUpperQuantile(1 - p)
        return mean + standardDeviation * z
    }

    public func inverseSurvival(_ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "probability \(q) is outside [0, 1]")
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        let z = q <= 0.5 ? Self.standardUpperQuantile(q) : -Self.standardUpperQuantile(1 - q)
        return mean + standardDeviation * z
    }
}
