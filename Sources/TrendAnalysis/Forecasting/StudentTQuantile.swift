import Foundation

/// Student t quantiles through the regularised incomplete beta function (continued fraction,
/// Lentz's method) and a safeguarded Newton iteration; relative accuracy about 1e-13.
///
/// Internal stand-in until NumericCore's distributions are merged.
/// Reference: Press et al., *Numerical Recipes* (3rd ed.), §6.4 `betacf`; R `qt`.
enum StudentTQuantile {
    /// The regularised incomplete beta I_x(a, b).
    static func incompleteBeta(_ x: Double, _ a: Double, _ b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logBeta: Double = lgamma(a + b) - lgamma(a) - lgamma(b)
        let logPowers: Double = a * log(x) + b * log(1 - x)
        let front = exp(logBeta + logPowers)
        if x < (a + 1) / (a + b + 2) { return front * continuedFraction(x, a, b) / a }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        var c = 1.0, d = 1 - (a + b) * x / (a + 1)
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            var numerator = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d; h *= d * c
            numerator = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1))
            d = 1 + numerator * d; if abs(d) < tiny { d = tiny }
            c = 1 + numerator / c; if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return h
    }

    /// P(T ≤ t) for ν degrees of freedom.
    static func cdf(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let tail = 0.5 * incompleteBeta(nu / (nu + t * t), nu / 2, 0.5)
        return t >= 0 ? 1 - tail : tail
    }

    /// The p-quantile of Student's t with ν > 0 degrees of freedom, 0.5 ≤ p < 1.
    static func quantile(_ p: Double, degreesOfFreedom nu: Double) -> Double {
        precondition(p >= 0.5 && p < 1 && nu > 0, "t quantile needs 0.5 <= p < 1 and positive degrees of freedom")
        if p == 0.5 { return 0 }
        var lower = 0.0, upper = 1.0
        while cdf(upper, degreesOfFreedom: nu) < p { lower = upper; upper *= 2 }
        var x = NormalQuantile.standard(p)
        if !(x > lower && x < upper) { x = (lower + upper) / 2 }
        for _ in 0..<200 {
            let f = cdf(x, degreesOfFreedom: nu) - p
            if f > 0 { upper = x } else { lower = x }
            let logNormaliser: Double = lgamma((nu + 1) / 2) - lgamma(nu / 2)
            let kernel: Double = pow(1 + x * x / nu, -(nu + 1) / 2)
            let density: Double = exp(logNormaliser) / (nu * Double.pi).squareRoot() * kernel
            var next = x - f / density
            if !(next > lower && next < upper) { next = (lower + upper) / 2 }
            if abs(next - x) <= 1e-15 * abs(x) { x = next; break }
            x = next
        }
        return x
    }
}
