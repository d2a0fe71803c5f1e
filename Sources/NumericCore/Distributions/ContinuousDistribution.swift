/// A continuous probability distribution on the real line with accurate tails.
///
/// `survival(x)` is the upper tail `P(X > x)` computed directly (never as
/// `1 − cdf(x)`), so that small upper-tail probabilities keep their relative
/// precision; likewise `inverseSurvival(q)` solves `P(X > x) = q` without
/// forming `1 − q`. Accuracy is about 1e-12 relative where the value is a
/// normal double (see each type for its regions).
public protocol ContinuousDistribution: Sendable {
    /// The cumulative distribution function `P(X ≤ x)` (scipy `cdf`; R `p*`).
    ///
    /// - Parameter x: The point.
    /// - Returns: A probability in [0, 1].
    func cdf(_ x: Double) -> Double
    /// The survival function `P(X > x)` (scipy `sf`; R `p*(lower.tail = FALSE)`).
    ///
    /// - Parameter x: The point.
    /// - Returns: A probability in [0, 1].
    func survival(_ x: Double) -> Double
    /// The quantile function: the `x` with `P(X ≤ x) = p` (scipy `ppf`; R `q*`).
    ///
    /// - Parameter p: A probability in [0, 1].
    /// - Returns: The quantile; ±infinity at the end points of unbounded support.
    func quantile(_ p: Double) -> Double
    /// The inverse survival function: the `x` with `P(X > x) = q` (scipy `isf`).
    ///
    /// - Parameter q: A probability in [0, 1].
    /// - Returns: The upper quantile.
    func inverseSurvival(_ q: Double) -> Double
}

/// A distribution on [0, ∞) whose lower and upper tail probabilities come from
/// one computation (the regularised incomplete gamma or beta function), each
/// accurate on its own: chi-squared and F.
///
/// Conforming types supply `tails(_:)`; the CDF, survival function and both
/// inverses follow from it. Inverses solve on whichever tail is below one half,
/// so that small upper-tail probabilities keep their relative accuracy.
public protocol NonNegativeContinuousDistribution: ContinuousDistribution {
    /// P(X ≤ x) and P(X > x), each computed directly.
    func tails(_ x: Double) -> (lower: Double, upper: Double)
}

extension NonNegativeContinuousDistribution {
    /// P(X ≤ x); NaN for NaN.
    public func cdf(_ x: Double) -> Double { x.isNaN ? .nan : tails(x).lower }

    /// P(X > x), computed directly (not 1 − cdf); NaN for NaN.
    public func survival(_ x: Double) -> Double { x.isNaN ? .nan : tails(x).upper }

    /// The x with P(X ≤ x) = p (0 for p = 0, ∞ for p = 1).
    ///
    /// - Precondition: 0 ≤ p ≤ 1.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability \(p) is outside [0, 1]")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        if p > 0.5 { return SpecialFunctions.invertDecreasing(1 - p) { tails($0).upper } }
        return SpecialFunctions.invertDecreasing(-p) { -tails($0).lower }
    }

    /// The x with P(X > x) = q (scipy's `isf`; ∞ for q = 0, 0 for q = 1).
    ///
    /// - Precondition: 0 ≤ q ≤ 1.
    public func inverseSurvival(_ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "probability \(q) is outside [0, 1]")
        if q == 0 { return .infinity }
        if q == 1 { return 0 }
        if q <= 0.5 { return SpecialFunctions.invertDecreasing(q) { tails($0).upper } }
        return SpecialFunctions.invertDecreasing(-(1 - q)) { -tails($0).lower }
    }
}
