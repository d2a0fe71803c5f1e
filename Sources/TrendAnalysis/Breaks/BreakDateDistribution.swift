import Foundation

/// The limiting distribution of a break-date estimate (Bai 1997), used for its confidence interval.
///
/// `cdf(x)` is P(argmax V ≤ x) for the two-sided process V with regime parameters
/// `xi` (ratio of the regressor second moments along the shift) and `phi1`, `phi2`
/// (error standard deviations before and after); strucchange's `pargmaxV`.
///
/// Reference: Bai (1997), "Estimation of a change point in multiple regression models",
/// Review of Economics and Statistics 79(4); strucchange `confint.breakpointsfull`.
struct BreakDateDistribution {
    let xi: Double, phi1: Double, phi2: Double

    func cdf(_ x: Double) -> Double {
        let phi = xi * (phi2 / phi1) * (phi2 / phi1)
        let ax = abs(x)
        if x < 0 {
            let frac = xi / phi
            return -exp(log(ax) / 2 - ax / 8 - log(2 * Double.pi) / 2)
                - (phi / xi * (phi + 2 * xi) / (phi + xi)) * exp(frac * (1 + frac) * ax / 2 + Self.logNormalCDF(-(0.5 + frac) * ax.squareRoot()))
                + exp(log(ax / 2 - 2 + (phi + 2 * xi) * (phi + 2 * xi) / ((phi + xi) * xi)) + Self.logNormalCDF(-ax.squareRoot() / 2))
        }
        let frac = xi * xi / phi
        return 1 + frac.squareRoot() * exp(log(ax) / 2 - frac * ax / 8 - log(2 * Double.pi) / 2)
            + (xi / phi * (2 * phi + xi) / (phi + xi)) * exp((phi + xi) * ax / 2 + Self.logNormalCDF(-(phi + xi / 2) / phi.squareRoot() * ax.squareRoot()))
            - exp(log((2 * phi + xi) * (2 * phi + xi) / ((phi + xi) * phi) - 2 + frac * ax / 2) + Self.logNormalCDF(-frac.squareRoot() * ax.squareRoot() / 2))
    }

    /// log Φ(z), accurate in the far lower tail (asymptotic series below z = -30).
    static func logNormalCDF(_ z: Double) -> Double {
        if z > -30 { return log(0.5 * erfc(-z / 2.0.squareRoot())) }
        let t = 1 / (z * z)
        let series = 1 - t + 3 * t * t - 15 * t * t * t + 105 * t * t * t * t
        return -z * z / 2 - log(-z) - 0.5 * log(2 * Double.pi) + log(series)
    }

    /// The x with cdf(x) = p in [lower, upper], by bisection to machine precision.
    func quantile(_ p: Double, lower: Double, upper: Double) -> Double {
        var a = lower, b = upper
        for _ in 0..<200 {
            let m = (a + b) / 2
            if m == a || m == b { break }
            if cdf(m) < p { a = m } else { b = m }
        }
        return (a + b) / 2
    }
}
