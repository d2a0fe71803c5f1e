/// The chi-squared distribution with k degrees of freedom.
///
/// ```
/// P(X ≤ x) = P(k/2, x/2)      (regularised lower incomplete gamma)
/// ```
/// Lower and upper tails each come directly from the series (x < k/2 + 1) or
/// the continued fraction, with a Stirling-series prefactor for k ≥ 20.
/// Quantiles are found by bisection on the bit patterns of doubles.
///
/// Reference: scipy.stats `chi2`; R `pchisq`, `qchisq`.
public struct ChiSquared: ContinuousDistribution, Equatable, Codable {
    /// The degrees of freedom k > 0 (need not be an integer).
    public let degreesOfFreedom: Double

    /// Creates a chi-squared distribution.
    ///
    /// - Parameter degreesOfFreedom: k, positive and finite.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite, "chi-squared degrees of freedom must be positive and finite")
        self.degreesOfFreedom = degreesOfFreedom
    }

    private func tails(_ x: Double) -> (lower: Double, upper: Double) {
        SpecialFunctions.incompleteGamma(degreesOfFreedom / 2, x / 2)
    }

    public func cdf(_ x: Double) -> Double { x.isNaN ? .nan : tails(x).lower }

    public func survival(_ x: Double) -> Double { x.isNaN ? .nan : tails(x).upper }

    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability \(p) is outside [0, 1]")
        if p == 0 { return 0 }
        if p == 1 { return .infinity }
        if p > 0.5 { return SpecialFunctions.invertDecreasing(1 - p) { tails($0).upper } }
        return SpecialFunctions.invertDecreasing(-p) { -tails($0).lower }
    }

    public func inverseSurvival(_ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "probability \(q) is outside [0, 1]")
        if q == 0 { return .infinity }
        if q == 1 { return 0 }
        if q <= 0.5 { return SpecialFunctions.invertDecreasing(q) { tails($0).upper } }
        return SpecialFunctions.invertDecreasing(-(1 - q)) { -tails($0).lower }
    }
}
