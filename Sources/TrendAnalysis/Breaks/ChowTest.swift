import NumericCore
import TradeDomain

/// The Chow test for a structural break at a known date.
///
/// With `n` observations, `k` regressors and the break after observation `T` (0-based index
/// `T`, the last observation of the first regime), the statistic compares the residual sum of
/// squares of one regression on all observations (`RSS₀`) with the sum of the two regimes' (`RSS₁`):
/// ```
/// y[t] = x[t]ᵀ β₁ + u[t]  (t ≤ T),   y[t] = x[t]ᵀ β₂ + u[t]  (t > T)
/// F = ((RSS₀ − RSS₁) / k) / (RSS₁ / (n − 2k))  ~  F(k, n − 2k)  under β₁ = β₂
/// ```
/// Index convention: the break index is 0-based and names the last observation before the
/// break, as strucchange's `point` does 1-based (Nile: R point 28 = index 27 = 1898).
///
/// Reference: Chow (1960) Econometrica 28(3); strucchange `sctest(formula, type = "Chow", point = )`.
public struct ChowTest: Sendable, Equatable, Codable {
    /// The 0-based index of the last observation of the first regime.
    public let breakIndex: Int

    /// A Chow test after observation `breakIndex`.
    ///
    /// - Parameter breakIndex: The 0-based index of the last observation before the break.
    public init(breakIndex: Int) {
        self.breakIndex = breakIndex
    }

    /// Tests a regression given by its rows.
    ///
    /// - Parameters:
    ///   - response: The response y.
    ///   - regressors: One row of regressors per observation (a column of ones for an intercept).
    /// - Returns: The F statistic, its p-value from F(k, n − 2k), the degrees of freedom and the
    ///   critical values at 10%, 5% and 1%.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` unless
    ///   `k ≤ breakIndex < n − k − 1` (each regime must identify its k coefficients with a residual
    ///   left over), ``AnalysisError/regressionFailed(step:_:)`` for a rank-deficient regime, and
    ///   ``AnalysisError/noResidualVariation(method:residualStandardDeviation:scale:)`` when the
    ///   full-sample model fits exactly.
    public func test(response: [Double], regressors: [[Double]]) throws(AnalysisError) -> HypothesisTestResult {
        try test(RegressionSample(response: response, rows: regressors, periods: []))
    }

    /// Tests for a break in the mean of a series (or its level and slope with `trend`), or in an
    /// autoregression on the given lags, after `period`.
    ///
    /// A series with gaps is tested on its observed periods: rows only where the value and its lags
    /// are observed, the trend in calendar time, and the first regime made of the rows up to `period`
    /// (which may itself be missing).
    ///
    /// - Parameters:
    ///   - series: The series; missing periods are left out of the regression.
    ///   - period: The last period of the first regime.
    ///   - lags: Positive lags of the series used as regressors besides the intercept.
    ///   - trend: Whether to add a linear trend in calendar time (a break in level and slope).
    /// - Returns: The test result.
    /// - Throws: `invalidParameter` for a period outside the sample or too close to its ends, and the
    ///   errors of ``test(response:regressors:)``.
    public static func test(_ series: TimeSeries<Double>, lastPeriodBefore period: Period, lags: [Int] = [], trend: Bool = false) throws(AnalysisError) -> HypothesisTestResult {
        let sample = try RegressionSample(series: series, lags: lags, trend: trend, method: "Chow test")
        return try ChowTest(breakIndex: try sample.lastIndex(atOrBefore: period, method: "Chow test")).test(sample)
    }

    func test(_ sample: RegressionSample) throws(AnalysisError) -> HypothesisTestResult {
        let n = sample.observationCount, k = sample.regressorCount
        // strucchange: point > k and point < n − k with the 1-based point = breakIndex + 1.
        guard breakIndex + 1 > k, breakIndex + 1 < n - k else {
            throw .invalidParameter(name: "Chow break index", value: "\(breakIndex)",
                                    constraint: "must leave more than \(k) observations in each regime of \(n) (index \(k)...\(n - k - 2))")
        }
        let all = try sample.leastSquares(0..<n, step: "Chow test, full sample")
        try ResidualVariation.require(residualSumOfSquares: all.residualSumOfSquares, response: sample.response, method: "the Chow test")
        let first = try sample.leastSquares(0..<(breakIndex + 1), step: "Chow test, first regime")
        let second = try sample.leastSquares((breakIndex + 1)..<n, step: "Chow test, second regime")
        let rss1 = first.residualSumOfSquares + second.residualSumOfSquares
        let df2 = Double(n - 2 * k)
        let statistic = ((all.residualSumOfSquares - rss1) / Double(k)) / (rss1 / df2)
        let distribution = FisherF(numeratorDegreesOfFreedom: Double(k), denominatorDegreesOfFreedom: df2)
        return HypothesisTestResult(
            name: "Chow test", statistic: statistic, pValue: distribution.survival(statistic),
            degreesOfFreedom: [Double(k), df2],
            criticalValues: HypothesisTestResult.conventionalLevels.map {
                HypothesisTestResult.CriticalValue(significance: $0, value: distribution.inverseSurvival($0))
            })
    }
}
