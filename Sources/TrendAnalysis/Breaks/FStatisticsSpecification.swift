import Foundation
import TradeDomain

/// The sequence of Chow-type F statistics over a trimmed range of candidate break dates, unfitted.
///
/// For each candidate `T` (0-based index of the last observation of the first regime) between
/// `from − 1` and `to − 1`, with `from = ⌊π₀ n⌋` and `to = n − from`,
/// ```
/// F(T) = (RSS₀ − RSS₁(T)) / (RSS₁(T) / (n − 2k))
/// supF = max F(T),   aveF = mean F(T),   expF = log mean exp(F(T) / 2)
/// ```
/// (strucchange's `Fstats` does not divide by k, so F(T) = k × the Chow statistic.) P-values use
/// Hansen's (1997) approximation with `λ = ((n − from) · to) / (from · (n − to))`; when the range
/// is a single date the sup-F and ave-F p-values are the Chow test's F(k, n − 2k).
///
/// Reference: Andrews (1993) Econometrica 61(4); Andrews and Ploberger (1994) Econometrica 62(6);
/// Hansen (1997) JBES 15(1); strucchange `Fstats(from = 0.15)` and `sctest.Fstats`.
public struct FStatisticsSpecification: Sendable, Equatable, Codable {
    /// The trimming π₀: the first candidate regime ends at observation ⌊π₀ n⌋ (1-based).
    public let trimming: Double

    /// A specification.
    ///
    /// - Parameter trimming: π₀ in (0, 0.5); strucchange's default is 0.15.
    public init(trimming: Double = 0.15) {
        self.trimming = trimming
    }

    /// F statistics for a break in the mean of a series (or its level and slope with `trend`), or in
    /// an autoregression on the given lags.
    ///
    /// A series with gaps is fitted on its observed periods: rows only where the value and its lags
    /// are observed, the trend in calendar time, the trimming counted in observations, and each
    /// candidate named by the period of its last observation.
    ///
    /// - Parameters:
    ///   - series: The series; missing periods are left out of the regression.
    ///   - lags: Positive lags used as regressors besides the intercept.
    ///   - trend: Whether to add a linear trend in calendar time.
    /// - Returns: The F sequence and the three tests.
    /// - Throws: The errors of ``fit(response:regressors:periods:)``.
    public func fit(_ series: TimeSeries<Double>, lags: [Int] = [], trend: Bool = false) throws(AnalysisError) -> FStatistics {
        try fit(try RegressionSample(series: series, lags: lags, trend: trend, method: "F statistics"))
    }

    /// F statistics for a regression given by its rows.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - regressors: One row per observation (a column of ones for an intercept).
    ///   - periods: One period per observation, or empty.
    /// - Returns: The F sequence and the sup-F, ave-F and exp-F tests.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a trimming outside
    ///   (0, 0.5) or an empty range of candidates; ``AnalysisError/regressionFailed(step:_:)`` for a
    ///   rank-deficient regime; ``AnalysisError/noResidualVariation(method:residualStandardDeviation:scale:)``
    ///   when the full-sample model fits exactly.
    /// - Complexity: O(n² k²) with n candidate dates each fitting two regimes.
    public func fit(response: [Double], regressors: [[Double]], periods: [Period] = []) throws(AnalysisError) -> FStatistics {
        try fit(RegressionSample(response: response, rows: regressors, periods: periods))
    }

    func fit(_ sample: RegressionSample) throws(AnalysisError) -> FStatistics {
        guard trimming > 0, trimming < 0.5 else {
            throw .invalidParameter(name: "trimming", value: "\(trimming)", constraint: "must lie strictly between 0 and 0.5")
        }
        let n = sample.observationCount, k = sample.regressorCount
        // strucchange: from = floor(π₀ n), to = n − from, then clamped to k + 1 ... n − k − 1 (1-based).
        var from = Int((trimming * Double(n)).rounded(.down))
        var to = n - from
        from = max(from, k + 1)
        to = min(to, n - k - 1)
        guard from <= to else {
            throw .invalidParameter(name: "trimming", value: "\(trimming)",
                                    constraint: "leaves no candidate break among \(n) observations with \(k) regressors")
        }
        let all = try sample.leastSquares(0..<n, step: "F statistics, full sample")
        try ResidualVariation.require(residualSumOfSquares: all.residualSumOfSquares, response: sample.response, method: "F statistics")
        let df2 = Double(n - 2 * k)
        var statistics = [Double]()
        for point in from...to {
            let first = try sample.leastSquares(0..<point, step: "F statistics, first regime ending at \(point - 1)")
            let second = try sample.leastSquares(point..<n, step: "F statistics, second regime starting at \(point)")
            let rss1 = first.residualSumOfSquares + second.residualSumOfSquares
            statistics.append((all.residualSumOfSquares - rss1) / (rss1 / df2))
        }
        let lambda = Double((n - from) * to) / Double(from * (n - to))
        let indices = Array((from - 1)...(to - 1))
        var best = 0
        for i in statistics.indices where statistics[i] > statistics[best] { best = i }   // first maximum, as which.max

        let supF = statistics.max() ?? .nan
        let aveF = statistics.reduce(0, +) / Double(statistics.count)
        // log mean exp(F/2), shifted by the maximum so that exp does not overflow.
        let shift = supF / 2
        let expF = shift + log(statistics.reduce(0) { $0 + exp($1 / 2 - shift) } / Double(statistics.count))

        func result(_ name: String, _ statistic: Double, _ functional: HansenPValue.Functional) -> HypothesisTestResult {
            if from == to, functional != .exponential {
                // A single candidate: strucchange reports the Chow test's exact F(k, n − 2k) p-value.
                let chow = try? ChowTest(breakIndex: from - 1).test(sample)
                if let chow {
                    return HypothesisTestResult(name: "Chow test", statistic: statistic, pValue: chow.pValue,
                                                degreesOfFreedom: chow.degreesOfFreedom,
                                                criticalValues: chow.criticalValues.map { .init(significance: $0.significance, value: $0.value * Double(k)) })
                }
            }
            let p = { (x: Double) in HansenPValue.pValue(x, functional: functional, regressors: k, lambda: lambda) }
            var upper = 10.0
            while p(upper) > 0.001, upper < 1e6 { upper *= 2 }
            return HypothesisTestResult(name: name, statistic: statistic, pValue: p(statistic), degreesOfFreedom: nil,
                                        criticalValues: HypothesisTestResult.criticalValues(upperBound: upper, pValue: p))
        }
        return FStatistics(specification: self, observationCount: n, regressorCount: k,
                           breakIndices: indices, periods: sample.periods.isEmpty ? [] : indices.map { sample.periods[$0] },
                           statistics: statistics, lambda: lambda,
                           supremumIndex: indices[best], supremumPeriod: sample.period(indices[best]),
                           supF: result("supF test", supF, .supremum),
                           aveF: result("aveF test", aveF, .average),
                           expF: result("expF test", expF, .exponential))
    }
}
