#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Regularised incomplete beta and gamma functions and their helpers.
///
/// The continued fractions follow Press et al., *Numerical Recipes* (3rd ed.)
/// §6.2 and §6.4 (modified Lentz). The power prefactors `xᵃ yᵇ / B(a, b)` and
/// `xᵃ e⁻ˣ / Γ(a)` are computed with Stirling's series and `log1p(t) − t` when a
/// parameter is 10 or more, as in DiDonato & Morris (1992, TOMS 708) and Temme,
/// so that large degrees of freedom do not lose digits to cancellation between
/// log-gamma values.
enum SpecialFunctions {
    static let epsilon = Double.ulpOfOne / 2
    static let tiny = 1e-300
    static let maximumIterations = 200_000
    static let halfLogTwoPi = 0.918_938_533_204_672_741_78

    /// `log1p(t) − t`, accurate for small |t|.
    static func log1pMinusX(_ t: Double) -> Double {
        if abs(t) >= 0.5 { return log1p(t) - t }
        // −t²/2 + t³/3 − t⁴/4 + ...
        var power = t * t
        var sum = -power / 2
        var k = 3.0
        while true {
            power *= -t
            let term = -power / k
            sum += term
            if abs(term) <= epsilon * abs(sum) { break }
            k += 1
        }
        return sum
    }

    /// Stirling's remainder `ln Γ(z) − [(z − ½) ln z − z + ½ ln 2π]`.
    static func stirlingCorrection(_ z: Double) -> Double {
        if z < 10 {
            return lgamma(z) - ((z - 0.5) * log(z) - z + halfLogTwoPi)
        }
        let r = 1 / z, r2 = r * r
        // 1/(12z) − 1/(360z³) + 1/(1260z⁵) − 1/(1680z⁷) + 1/(1188z⁹) − 691/(360360z¹¹) + 1/(156z¹³)
        return r * (1.0 / 12 + r2 * (-1.0 / 360 + r2 * (1.0 / 1260 + r2 * (-1.0 / 1680
            + r2 * (1.0 / 1188 + r2 * (-691.0 / 360_360 + r2 / 156))))))
    }

    /// `ln r − (r − 1)` for a ratio `r` whose `r − 1 = t` is supplied exactly:
    /// the series of `log1p(t) − t` near 1, the direct form away from it.
    static func logRatioMinusChange(ratio r: Double, change t: Double) -> Double {
        abs(t) < 0.5 ? log1pMinusX(t) : log(r) - t
    }

    /// `ln(xᵃ yᵇ / B(a, b))` with `y = 1 − x` supplied separately, and optionally
    /// `ln x` and `ln y` when x or y underflows (far tails of t and F), and `constant`,
    /// ``logBetaConstant(_:_:)`` of (a, b), when a caller evaluates many x with one (a, b).
    static func logBetaPrefactor(_ a: Double, _ b: Double, _ x: Double, _ y: Double,
                                 logX: Double? = nil, logY: Double? = nil, constant: Double? = nil) -> Double {
        if b >= 10 && a < 10 { return logBetaPrefactor(b, a, y, x, logX: logY, logY: logX, constant: constant) }
        let lnX = logX ?? (x <= 0.5 ? log(x) : log1p(-y))
        let lnY = logY ?? (y <= 0.5 ? log(y) : log1p(-x))
        let c = constant ?? logBetaConstant(a, b)
        if a >= 10 && b >= 10 {
            let total = a + b
            let x0 = a / total, y0 = b / total
            if logX != nil || logY != nil {
                return a * (lnX - log(x0)) + b * (lnY - log(y0)) + c
            }
            // a ln(x/x0) + b ln(y/y0) with the linear terms cancelled exactly:
            // a·d/x0 = b·d/y0 = (a + b)·d where d = x − x0 = y0 − y.
            let d = x <= y ? x - x0 : y0 - y
            return a * logRatioMinusChange(ratio: x / x0, change: d / x0)
                + b * logRatioMinusChange(ratio: y / y0, change: -d / y0) + c
        }
        return a * lnX + b * lnY + c
    }

    /// The part of ``logBetaPrefactor(_:_:_:_:logX:logY:constant:)`` that depends on a and b only
    /// (symmetric in a and b): `−ln B(a, b)` when both are below 10; with Stirling's series
    /// `−ln Γ(b) + (a − ½) ln(1 + b/a) + b ln(a + b) − b − c(a) + c(a + b)` when only a is 10 or more
    /// (`ln Γ(a) − ln Γ(a + b)` without cancellation; c is ``stirlingCorrection(_:)``); and the
    /// Stirling corrections `½ ln(ab/(a + b)) − ½ ln 2π − c(a) − c(b) + c(a + b)` when both are.
    static func logBetaConstant(_ a: Double, _ b: Double) -> Double {
        if b >= 10 && a < 10 { return logBetaConstant(b, a) }
        if a >= 10 && b >= 10 {
            let total = a + b
            return 0.5 * log(a / total * b) - halfLogTwoPi
                - stirlingCorrection(a) - stirlingCorrection(b) + stirlingCorrection(total)
        }
        if a >= 10 {
            return -lgamma(b) + (a - 0.5) * log1p(b / a) + b * log(a + b) - b
                - stirlingCorrection(a) + stirlingCorrection(a + b)
        }
        return -(lgamma(a) + lgamma(b) - lgamma(a + b))
    }

    /// The continued fraction for `I_x(a, b)` (Numerical Recipes `betacf`).
    static func betaContinuedFraction(_ a: Double, _ b: Double, _ x: Double) -> Double {
        let qab = a + b, qap = a + 1, qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...maximumIterations {
            let m = Double(m), m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        return h
    }

    /// The regularised incomplete beta function `I_x(a, b)` and its complement
    /// `1 − I_x(a, b) = I_y(b, a)`, each computed directly on its own side.
    ///
    /// - Parameters:
    ///   - a: Positive shape.
    ///   - b: Positive shape.
    ///   - x: In [0, 1].
    ///   - y: `1 − x`, passed separately so that it keeps full precision.
    ///   - logX: `ln x` when x is too small to represent (otherwise nil).
    ///   - logY: `ln y` when y is too small to represent (otherwise nil).
    ///   - constant: ``logBetaConstant(_:_:)`` of (a, b) when already known (many x with one (a, b)).
    static func incompleteBeta(_ a: Double, _ b: Double, x: Double, y: Double,
                               logX: Double? = nil, logY: Double? = nil,
                               constant: Double? = nil) -> (lower: Double, upper: Double) {
        if x <= 0 && logX == nil { return (0, 1) }
        if y <= 0 && logY == nil { return (1, 0) }
        // Below −750 the prefactor's exp is exactly 0, so the tail is 0 whatever the (finite)
        // continued fraction: skip it.
        if x < (a + 1) / (a + b + 2) {
            let logPrefactor = logBetaPrefactor(a, b, x, y, logX: logX, logY: logY, constant: constant)
            if logPrefactor < -750 { return (0, 1) }
            let lower = exp(logPrefactor) * betaContinuedFraction(a, b, x) / a
            return (lower, 1 - lower)
        } else {
            let logPrefactor = logBetaPrefactor(b, a, y, x, logX: logY, logY: logX, constant: constant)
            if logPrefactor < -750 { return (1, 0) }
            let upper = exp(logPrefactor) * betaContinuedFraction(b, a, y) / b
            return (1 - upper, upper)
        }
    }

    /// `ln(xᵃ e⁻ˣ / Γ(a))`.
    static func logGammaPrefactor(_ a: Double, _ x: Double) -> Double {
        if a >= 10 {
            return a * logRatioMinusChange(ratio: x / a, change: (x - a) / a)
                + 0.5 * log(a) - halfLogTwoPi - stirlingCorrection(a)
        }
        return a * log(x) - x - lgamma(a)
    }

    /// The regularised incomplete gamma functions `P(a, x)` and `Q(a, x) = 1 − P`:
    /// the series for `x < a + 1`, the continued fraction otherwise.
    static func incompleteGamma(_ a: Double, _ x: Double) -> (lower: Double, upper: Double) {
        if x <= 0 { return (0, 1) }
        if x.isInfinite { return (1, 0) }
        if x < a + 1 {
            var term = 1 / a, sum = term, denominator = a
            for _ in 0..<maximumIterations {
                denominator += 1
                term *= x / denominator
                sum += term
                if abs(term) <= abs(sum) * epsilon { break }
            }
            let lower = sum * exp(logGammaPrefactor(a, x))
            return (lower, 1 - lower)
        }
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        for i in 1...maximumIterations {
            let i = Double(i)
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) <= epsilon { break }
        }
        let upper = exp(logGammaPrefactor(a, x)) * h
        return (1 - upper, upper)
    }

    /// The smallest non-negative double `x` at which the non-increasing
    /// function `tail` falls to `target` or below, by bisection on the IEEE bit
    /// patterns of non-negative doubles (at most 64 evaluations; exact to the
    /// accuracy of `tail`).
    static func invertDecreasing(_ target: Double, _ tail: (Double) -> Double) -> Double {
        var low = UInt64(0)                                      // bits of 0.0
        var high = Double.infinity.bitPattern
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if tail(Double(bitPattern: middle)) > target { low = middle } else { high = middle }
        }
        let xLow = Double(bitPattern: low), xHigh = Double(bitPattern: high)
        return abs(tail(xLow) - target) < abs(tail(xHigh) - target) ? xLow : xHigh
    }
}
