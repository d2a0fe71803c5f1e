import Foundation
import NumericCore
import TradeDomain

/// A CUSUM fluctuation process and its boundary-crossing test, unfitted.
///
/// With n observations, k regressors, OLS residuals `e` and recursive residuals `w`
/// (`w[r] = (y[r] − x[r]ᵀ b₍r−1₎) / √(1 + x[r]ᵀ (X₍r−1₎ᵀ X₍r−1₎)⁻¹ x[r])`, r = k … n−1, 0-based):
/// ```
/// OLS-CUSUM:  W⁰(j) = Σ_{t<j} e[t] / (σ̂ √n),            j = 0 … n,     σ̂² = Σ (e − ē)² / (n − k)
///             S⁰ = max |W⁰(j)|,  p = 1 − (1 + 2 Σ_{i=1}^{100} (−1)^i exp(−2 i² S⁰²))       (Brownian bridge)
/// Rec-CUSUM:  W(j)  = Σ_{r<k+j} w[r] / (σ̃ √(n − k)),    j = 0 … n − k, σ̃ = sd(w)
///             S = max_j |W(j)| / (1 + 2 j/(n − k)),  p = 2(1 − Φ(3S) + e^{−4S²}(Φ(S) + Φ(5S) − 1)
///                                                        − e^{−16S²}(1 − Φ(S)))   (Brownian motion, Zeileis 2000)
/// ```
/// (for S < 0.3 strucchange uses p = 1 − 0.1465 S, and for S⁰ < 0.1, p = 1).
///
/// Index convention: `process[0]` is the origin (0); for OLS-CUSUM `process[j]` sums the first j
/// residuals, so it ends at observation j − 1; for Rec-CUSUM `process[j]` ends at observation k − 1 + j.
///
/// Reference: Brown, Durbin and Evans (1975) JRSS B 37(2); Ploberger and Krämer (1992)
/// Econometrica 60(2); Zeileis et al. (2002) J. Statistical Software 7(2); strucchange `efp`,
/// `recresid`, `sctest.efp`.
public struct FluctuationProcessSpecification: Sendable, Equatable, Codable {
    /// The process.
    public let type: FluctuationType

    /// A specification.
    ///
    /// - Parameter type: OLS-CUSUM or recursive CUSUM.
    public init(type: FluctuationType) {
        self.type = type
    }

    /// The process for the mean of a series (or its level and slope with `trend`), or an
    /// autoregression on the given lags.
    ///
    /// A series with gaps is fitted on its observed periods: the process runs over the observed
    /// rows in order (each step one observation, the trend in calendar time) and each point is
    /// named by the period of its observation.
    ///
    /// - Parameters:
    ///   - series: The series; missing periods are left out of the regression.
    ///   - lags: Positive lags used as regressors besides the intercept.
    ///   - trend: Whether to add a linear trend in calendar time.
    /// - Returns: The process and its test.
    /// - Throws: The errors of ``fit(response:regressors:periods:)``.
    public func fit(_ series: TimeSeries<Double>, lags: [Int] = [], trend: Bool = false) throws(AnalysisError) -> FluctuationProcess {
        try fit(try RegressionSample(series: series, lags: lags, trend: trend, method: type.methodName))
    }

    /// The process for a regression given by its rows.
    ///
    /// - Parameters:
    ///   - response: The response.
    ///   - regressors: One row per observation (a column of ones for an intercept).
    ///   - periods: One period per observation, or empty.
    /// - Returns: The process and its boundary-crossing test.
    /// - Throws: ``AnalysisError/tooFewObservations(needed:found:method:)`` with fewer than k + 2
    ///   observations; ``AnalysisError/regressionFailed(step:_:)`` when the design (or, for recursive
    ///   residuals, its first k rows) is rank deficient; `noResidualVariation` when the residuals are rounding noise (a constant series).
    /// - Complexity: O(n k²).
    public func fit(response: [Double], regressors: [[Double]], periods: [Period] = []) throws(AnalysisError) -> FluctuationProcess {
        try fit(RegressionSample(response: response, rows: regressors, periods: periods))
    }

    func fit(_ sample: RegressionSample) throws(AnalysisError) -> FluctuationProcess {
        let n = sample.observationCount, k = sample.regressorCount
        guard n >= k + 2 else { throw .tooFewObservations(needed: k + 2, found: n, method: type.methodName) }
        let residuals: [Double], sigma: Double, scale: Double, firstEnd: Int
        switch type {
        case .olsCUSUM:
            residuals = try sample.leastSquares(0..<n, step: type.methodName).residuals
            sigma = Self.standardDeviation(residuals, degreesOfFreedom: n - k)
            scale = sigma * Double(n).squareRoot()
            firstEnd = -1
        case .recursiveCUSUM:
            residuals = try Self.recursiveResiduals(sample)
            sigma = Self.standardDeviation(residuals, degreesOfFreedom: residuals.count - 1)
            scale = sigma * Double(n - k).squareRoot()
            firstEnd = k - 1
        }
        try ResidualVariation.require(residualStandardDeviation: sigma, response: sample.response, method: type.methodName)
        var process = [0.0]
        var sum = 0.0
        for value in residuals { sum += value; process.append(sum / scale) }
        let endIndices = (0..<process.count).map { firstEnd + $0 }
        let m = Double(process.count - 1)
        let statistic: Double
        switch type {
        case .olsCUSUM:
            statistic = process.dropFirst().map(abs).max() ?? 0
        case .recursiveCUSUM:
            statistic = process.indices.dropFirst().map { abs(process[$0]) / (1 + 2 * Double($0) / m) }.max() ?? 0
        }
        let pValue = type == .olsCUSUM ? Self.brownianBridgePValue : Self.brownianMotionPValue
        let test = HypothesisTestResult(name: type.methodName, statistic: statistic, pValue: pValue(statistic), degreesOfFreedom: nil,
                                        criticalValues: HypothesisTestResult.criticalValues(upperBound: 10, pValue: pValue))
        return FluctuationProcess(specification: self, observationCount: n, regressorCount: k, process: process,
                                  endIndices: endIndices,
                                  endPeriods: sample.periods.isEmpty ? [] : endIndices.map { sample.period($0) },
                                  residualStandardDeviation: sigma, test: test)
    }

    /// R's `sd(x) * sqrt((length(x) − 1) / df)`: the centred standard deviation on `df` degrees of freedom.
    static func standardDeviation(_ x: [Double], degreesOfFreedom df: Int) -> Double {
        let mean = x.reduce(0, +) / Double(x.count)
        return (x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(df)).squareRoot()
    }

    /// Recursive residuals r = k … n − 1 (strucchange `recresid`), from a Givens-updated triangular factor.
    static func recursiveResiduals(_ sample: RegressionSample) throws(AnalysisError) -> [Double] {
        let n = sample.observationCount, k = sample.regressorCount
        var accumulator = GivensAccumulator(columns: k)
        for t in 0..<k { accumulator.add(sample.rows[t], sample.response[t]) }
        guard accumulator.rank == k else {
            throw .regressionFailed(step: "recursive residuals: the first \(k) observations",
                                    .rankDeficient(dependentColumns: [], rank: accumulator.rank, columnCount: k))
        }
        var residuals = [Double]()
        residuals.reserveCapacity(n - k)
        for t in k..<n {
            let x = sample.rows[t]
            guard let beta = accumulator.coefficients() else {
                throw .regressionFailed(step: "recursive residuals at observation \(t)", .singularTriangularFactor(index: 0))
            }
            // v = R⁻ᵀ x by forward substitution, so that xᵀ (XᵀX)⁻¹ x = |v|².
            var v = [Double](repeating: 0, count: k)
            for i in 0..<k {
                var s = x[i]
                for j in 0..<i { s -= accumulator.r[j * k + i] * v[j] }
                v[i] = s / accumulator.r[i * k + i]
            }
            let leverage = v.reduce(0) { $0 + $1 * $1 }
            var prediction = 0.0
            for j in 0..<k { prediction += x[j] * beta[j] }
            residuals.append((sample.response[t] - prediction) / (1 + leverage).squareRoot())
            accumulator.add(x, sample.response[t])
        }
        return residuals
    }

    /// strucchange `pvalue.efp` for a Brownian bridge with the max functional and k = 1.
    static func brownianBridgePValue(_ x: Double) -> Double {
        if x < 0.1 { return 1 }
        var sum = 0.0
        for i in 1...100 {
            let a = Double(i)
            sum += exp(-2 * a * a * x * x) * (i % 2 == 0 ? 1 : -1)
        }
        return 1 - (1 + 2 * sum)
    }

    /// strucchange `pvalue.efp` for a Brownian motion with the max functional, linear boundary and k = 1.
    static func brownianMotionPValue(_ x: Double) -> Double {
        if x < 0.3 { return 1 - 0.1465 * x }
        let normal = Normal()
        return 2 * (1 - normal.cdf(3 * x) + exp(-4 * x * x) * (normal.cdf(x) + normal.cdf(5 * x) - 1)
                    - exp(-16 * x * x) * (1 - normal.cdf(x)))
    }
}

extension FluctuationType {
    /// The name strucchange gives the test.
    var methodName: String {
        switch self {
        case .olsCUSUM: return "OLS-based CUSUM test"
        case .recursiveCUSUM: return "Recursive CUSUM test"
        }
    }
}
