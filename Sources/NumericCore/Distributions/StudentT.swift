#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Student's t distribution with ν degrees of freedom.
///
/// ```
/// P(T > t) = ½ I_{ν/(ν+t²)}(ν/2, ½)      for t ≥ 0
/// ```
/// with the regularised incomplete beta function evaluated on whichever side
/// converges, and its prefactor computed from Stirling's series for large ν, so
/// that ν up to 1e6 and beyond keeps about 12 significant digits. Quantiles are
/// found by bisection on the bit patterns of doubles (64 tail evaluations). The part of the
/// prefactor that depends on ν alone (the log-beta normaliser) is computed once, when the
/// value is created, so a batch with one ν should create one `StudentT` and reuse it.
///
/// Reference: scipy.stats `t`; R `pt`, `qt`.
public struct StudentT: ContinuousDistribution, Equatable, Codable {
    /// The degrees of freedom ν > 0 (need not be an integer).
    public let degreesOfFreedom: Double
    /// `SpecialFunctions.logBetaConstant(ν/2, ½)`, cached for the tails.
    private let logBetaConstant: Double

    /// Creates a t distribution.
    ///
    /// - Parameter degreesOfFreedom: ν, positive and finite.
    public init(degreesOfFreedom: Double) {
        precondition(degreesOfFreedom > 0 && degreesOfFreedom.isFinite, "t degrees of freedom must be positive and finite")
        self.degreesOfFreedom = degreesOfFreedom
        self.logBetaConstant = SpecialFunctions.logBetaConstant(degreesOfFreedom / 2, 0.5)
    }

    private enum CodingKeys: String, CodingKey { case degreesOfFreedom }

    /// Decodes ν alone (the cached constant is recomputed), checking it as ``init(degreesOfFreedom:)`` does.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let nu = try container.decode(Double.self, forKey: .degreesOfFreedom)
        guard nu > 0 && nu.isFinite else {
            throw DecodingError.dataCorruptedError(forKey: .degreesOfFreedom, in: container,
                                                   debugDescription: "t degrees of freedom must be positive and finite")
        }
        self.init(degreesOfFreedom: nu)
    }

    /// Encodes ν alone.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(degreesOfFreedom, forKey: .degreesOfFreedom)
    }

    /// Equal when ν is (the cached constant follows from ν).
    public static func == (lhs: StudentT, rhs: StudentT) -> Bool { lhs.degreesOfFreedom == rhs.degreesOfFreedom }

    /// (½ P(|T| > |t|), ½ P(|T| ≤ |t|)).
    private func halfTails(_ t: Double) -> (outer: Double, inner: Double) {
        let nu = degreesOfFreedom
        let magnitude = abs(t)
        if magnitude.isInfinite { return (0, 0.5) }
        let square = magnitude * magnitude
        if square > 1e300 || square > 1e280 * nu {
            // x = ν/(ν + t²) may underflow: pass ln x = ln ν − 2 ln|t| (ν ≪ t²).
            let logX = log(nu) - 2 * log(magnitude)
            let beta = SpecialFunctions.incompleteBeta(nu / 2, 0.5, x: exp(logX), y: 1, logX: logX,
                                                       constant: logBetaConstant)
            return (0.5 * beta.lower, 0.5 * beta.upper)
        }
        let denominator = nu + square
        let beta = SpecialFunctions.incompleteBeta(nu / 2, 0.5, x: nu / denominator, y: square / denominator,
                                                   constant: logBetaConstant)
        return (0.5 * beta.lower, 0.5 * beta.upper)
    }

    public func cdf(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let tails = halfTails(t)
        return t < 0 ? tails.outer : 0.5 + tails.inner
    }

    public func survival(_ t: Double) -> Double {
        if t.isNaN { return .nan }
        let tails = halfTails(t)
        return t > 0 ? tails.outer : 0.5 + tails.inner
    }

    /// The t ≥ 0 with P(T > t) = q, for 0 < q ≤ ½.
    private func upperQuantile(_ q: Double) -> Double {
        if q == 0.5 { return 0 }
        return SpecialFunctions.invertDecreasing(q) { halfTails($0).outer }
    }

    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "probability \(p) is outside [0, 1]")
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        return p <= 0.5 ? -upperQuantile(p) : upperQuantile(1 - p)
    }

    public func inverseSurvival(_ q: Double) -> Double {
        precondition(q >= 0 && q <= 1, "probability \(q) is outside [0, 1]")
        if q == 0 { return .infinity }
        if q == 1 { return -.infinity }
        return q <= 0.5 ? upperQuantile(q) : -upperQuantile(1 - q)
    }
}
