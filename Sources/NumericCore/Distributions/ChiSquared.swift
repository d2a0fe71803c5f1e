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
public struct ChiSquared: NonNegativeContinuousDistribution, Equatable, Codable {
    /// The degrees of freedom k > 0 (need not be an integer).
    public let degreesOfFreedom: Double

    /// Creates a chi-squared distribution.
    ///
    /// - Parameter degreesOfFreedom: k, positive and finite.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite, "chi-squared degrees of freedom must be positive and finite")
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// P(X ≤ x) and P(X > x), each computed directly.
    public func tails(_ x: Double) -> (lower: Double, upper: Double) {
        SpecialFunctions.incompleteGamma(degreesOfFreedom / 2, x / 2)
    }
}
