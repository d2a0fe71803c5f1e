import NumericCore

/// Rosner's generalized extreme Studentized deviate (ESD) test for up to `r` outliers.
///
/// For i = 1 … r, with the i − 1 most extreme values removed (n − i + 1 left, mean x̄ and sample
/// standard deviation s of those):
/// ```
/// Rᵢ = max |x − x̄| / s,   λᵢ = (n − i) t_{p, n−i−1} / √((n − i − 1 + t²_{p, n−i−1}) (n − i + 1)),
/// p = 1 − α / (2 (n − i + 1))
/// ```
/// The number of outliers is the largest i with Rᵢ > λᵢ; the outliers are the first that many removed.
///
/// Reference: Rosner (1983) Technometrics 25(2), 165–172; NIST/SEMATECH e-Handbook 1.3.5.17.3;
/// EnvStats `rosnerTest`.
public struct GeneralizedESD: Sendable, Equatable, Codable {
    /// The most outliers tested for, r.
    public let maximumOutliers: Int
    /// The significance level α.
    public let significance: Double

    /// A test specification.
    ///
    /// - Parameters:
    ///   - maximumOutliers: r ≥ 1, at most n − 2.
    ///   - significance: α in (0, 1), 0.05 by default.
    public init(maximumOutliers: Int, significance: Double = 0.05) {
        self.maximumOutliers = maximumOutliers
        self.significance = significance
    }

    /// One step of the test.
    public struct Step: Sendable, Equatable, Codable {
        /// i, from 1.
        public let number: Int
        /// The 0-based index (in the input) of the value removed at this step.
        public let index: Int
        /// Rᵢ.
        public let statistic: Double
        /// λᵢ.
        public let criticalValue: Double
    }

    /// The steps and the outliers found.
    public struct Result: Sendable, Equatable, Codable {
        /// One entry per i = 1 … r.
        public let steps: [Step]
        /// The number of outliers: the largest i with Rᵢ > λᵢ (0 if none).
        public let outlierCount: Int
        /// The 0-based indices of the outliers, in the order removed.
        public var outlierIndices: [Int] { steps.prefix(outlierCount).map(\.index) }
    }

    /// Runs the test.
    ///
    /// - Parameter values: The data (for time series, residuals), all finite.
    /// - Returns: The steps and the number of outliers.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for r outside 1…n − 2,
    ///   α outside (0, 1) or a non-finite value; ``AnalysisError/tooFewObservations(needed:found:method:)``
    ///   for fewer than 3 values.
    /// - Complexity: O(r n).
    public func test(_ values: [Double]) throws(AnalysisError) -> Result {
        let n = values.count
        guard n >= 3 else { throw .tooFewObservations(needed: 3, found: n, method: "generalized ESD") }
        guard (1...(n - 2)).contains(maximumOutliers) else {
            throw .invalidParameter(name: "maximum outliers", value: "\(maximumOutliers)", constraint: "must be between 1 and \(n - 2) for \(n) values")
        }
        guard significance > 0, significance < 1 else {
            throw .invalidParameter(name: "significance", value: "\(significance)", constraint: "must lie strictly between 0 and 1")
        }
        for value in values where !value.isFinite {
            throw .invalidParameter(name: "value", value: "\(value)", constraint: "generalized ESD needs finite values")
        }
        var remaining = Array(values.indices)
        var steps = [Step]()
        var count = 0
        for i in 1...maximumOutliers {
            let m = Double(remaining.count)
            let mean = remaining.reduce(0) { $0 + values[$1] } / m
            let sd = (remaining.reduce(0) { $0 + (values[$1] - mean) * (values[$1] - mean) } / (m - 1)).squareRoot()
            var worst = 0
            for j in remaining.indices where abs(values[remaining[j]] - mean) > abs(values[remaining[worst]] - mean) { worst = j }
            let statistic = sd > 0 ? abs(values[remaining[worst]] - mean) / sd : 0
            let nu = Double(n - i - 1)
            let p = 1 - significance / (2 * Double(n - i + 1))
            let t = StudentT(degreesOfFreedom: nu).quantile(p)
            let lambda = Double(n - i) * t / ((nu + t * t) * Double(n - i + 1)).squareRoot()
            steps.append(Step(number: i, index: remaining[worst], statistic: statistic, criticalValue: lambda))
            if statistic > lambda { count = i }
            remaining.remove(at: worst)
        }
        return Result(steps: steps, outlierCount: count)
    }
}
