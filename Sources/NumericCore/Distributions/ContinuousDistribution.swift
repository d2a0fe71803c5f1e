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
