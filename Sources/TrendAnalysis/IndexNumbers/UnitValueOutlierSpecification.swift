import Foundation
import TradeDomain

/// The unit-value outlier policy: a robust z score of the log unit value within
/// each code, flagged above a threshold (default 3, as UNSD's unit-value notebook
/// keeps |z(log UV)| < 3). ``flag(_:)`` scores; nothing is dropped.
///
/// ```
/// uᵢ = ln(valueᵢ / quantityᵢ)                  (observations of one code with a positive quantity)
/// m  = median(u),   s = 1.482602218505602 · median(|uᵢ − m|)     (1 / Φ⁻¹(3/4) · MAD)
/// zᵢ = (uᵢ − m) / s,   outlier when |zᵢ| > threshold
/// ```
/// Why robust: a mean and standard deviation are pulled by the very outliers they
/// should find; the median and MAD are not (breakdown point 50%).
/// A code with fewer than ``minimumCount`` unit values, or with `s = 0`, gets no
/// score (`robustZ == nil`) and no flag.
///
/// Reference: UNSD `comtradeapicall` unit-value notebook (|z| < 3 on log UV);
/// Rousseeuw and Croux (1993), JASA 88, 1273-1283; scipy
/// `median_abs_deviation(scale="normal")`; R `mad()` (constant 1.4826).
public struct UnitValueOutlierSpecification: Hashable, Codable, Sendable {
    /// The |z| above which a unit value is flagged.
    public let threshold: Double
    /// The fewest unit values of a code that are scored.
    public let minimumCount: Int

    /// A policy.
    ///
    /// - Parameters:
    ///   - threshold: The |z| above which a unit value is flagged; 3 by default.
    ///   - minimumCount: The fewest unit values of a code that are scored; 3 by default.
    /// - Throws: `AnalysisError.invalidParameter` if the threshold is not positive
    ///   and finite or the minimum count is below 3.
    public init(threshold: Double = 3, minimumCount: Int = 3) throws(AnalysisError) {
        guard threshold > 0, threshold.isFinite else {
            throw .invalidParameter(name: "outlier threshold", value: "\(threshold)", constraint: "it must be a positive number of robust standard deviations")
        }
        guard minimumCount >= 3 else {
            throw .invalidParameter(name: "minimum count", value: "\(minimumCount)", constraint: "a median and MAD need at least 3 unit values")
        }
        self.threshold = threshold
        self.minimumCount = minimumCount
    }

    /// Scores the unit value of every observation with a positive value and quantity.
    ///
    /// - Parameter observations: A basket (any codes and periods).
    /// - Returns: One score per unit value, ordered by code then period; observations
    ///   without a unit value are not listed.
    public func flag(_ observations: [BasketObservation]) -> [UnitValueOutlier] {
        var byCode: [String: [BasketObservation]] = [:]
        for observation in observations where observation.value > 0 && observation.unitValue != nil {
            byCode[observation.code, default: []].append(observation)
        }
        var result: [UnitValueOutlier] = []
        for code in byCode.keys.sorted() {
            let group = byCode[code]!.sorted { $0.period < $1.period }
            let logs = group.map { log($0.unitValue!) }
            let median = Self.median(logs)
            let scaledMAD = 1.482602218505602 * Self.median(logs.map { abs($0 - median) })
            let scored = group.count >= minimumCount && scaledMAD > 0
            for (observation, u) in zip(group, logs) {
                let z = scored ? (u - median) / scaledMAD : nil
                result.append(UnitValueOutlier(
                    period: observation.period, code: code, unitValue: observation.unitValue!, median: median,
                    scaledMAD: scaledMAD, robustZ: z, isOutlier: z.map { abs($0) > threshold } ?? false))
            }
        }
        return result
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = sorted.count
        return n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2])
    }
}
