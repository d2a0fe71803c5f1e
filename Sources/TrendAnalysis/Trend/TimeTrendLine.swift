import Foundation
import NumericCore

/// A straight-line time trend `y = β₀ + β₁ t + ε` fitted in closed form, with full
/// classical inference: the fast path of `TrendSpecification` for linear and
/// log-linear trends without seasonal terms or HAC, and a batch kernel for many
/// series at once.
///
/// ```
/// t̄ = Σt/n,  S_tt = Σ(t − t̄)²,  β₁ = Σ(t − t̄)(y − ȳ) / S_tt,  β₀ = ȳ − β₁ t̄
/// σ̂² = RSS/(n − 2),  SE(β₁) = σ̂/√S_tt,  SE(β₀) = σ̂ √(1/n + t̄²/S_tt),  Cov(β₀, β₁) = −t̄ σ̂²/S_tt
/// F = β₁² S_tt / σ̂² = t₁²,  p(F) = p(t₁)
/// ```
/// With the time index centred the two columns are orthogonal, so these sums are
/// the exact least-squares solution; two passes (means first, then centred sums)
/// keep them accurate (the test compares them with the pivoted-QR path of NumericCore).
///
/// Reference: statsmodels `OLS(y, add_constant(t)).fit()`; R `summary(lm(y ~ t))`.
public struct TimeTrendLine: Sendable, Equatable, Codable {
    /// n.
    public let observationCount: Int
    /// β₀: the trend's value at t = 0.
    public let intercept: Double
    /// β₁: the change per period.
    public let slope: Double
    /// SE(β₀).
    public let interceptStandardError: Double
    /// SE(β₁).
    public let slopeStandardError: Double
    /// Cov(β₀, β₁).
    public let interceptSlopeCovariance: Double
    /// Two-sided p-value of β₀ (t with n − 2 df).
    public let interceptPValue: Double
    /// Two-sided p-value of β₁ (t with n − 2 df); also the F test's p-value.
    public let slopePValue: Double
    /// The Student t quantile used for intervals at `level`.
    public let criticalValue: Double
    /// The intervals' coverage.
    public let level: Double
    /// σ̂.
    public let residualStandardError: Double
    /// RSS.
    public let residualSumOfSquares: Double
    /// R².
    public let rSquared: Double
    /// Gaussian log-likelihood (statsmodels `llf`).
    public let logLikelihood: Double
    /// Durbin–Watson statistic.
    public let durbinWatson: Double

    /// df_resid = n − 2.
    public var residualDegreesOfFreedom: Int { observationCount - 2 }
    /// Adjusted R².
    public var adjustedRSquared: Double { 1 - Double(observationCount - 1) / Double(observationCount - 2) * (1 - rSquared) }
    /// F = (β₁/SE)²; NaN for an exact fit.
    public var fStatistic: Double {
        guard !slopePValue.isNaN else { return .nan }   // an exact fit: undefined
        let t = slope / slopeStandardError
        return t * t
    }
    /// AIC = −2 log L + 4.
    public var aic: Double { -2 * logLikelihood + 4 }
    /// BIC = −2 log L + 2 ln n.
    public var bic: Double { -2 * logLikelihood + 2 * log(Double(observationCount)) }

    /// Fits the line.
    ///
    /// - Parameters:
    ///   - values: y, n ≥ 3 finite values.
    ///   - times: t, same count, not all equal.
    ///   - level: Interval coverage in (0, 1).
    ///   - criticalValue: The t(n − 2) quantile for `level`, when already known (a batch reuses it).
    /// - Returns: The fit, or nil when there are fewer than 3 values, t does not vary, or a value is not finite.
    /// - Complexity: O(n).
    public static func fit(values: UnsafeBufferPointer<Double>, times: UnsafeBufferPointer<Double>, level: Double,
                           criticalValue: Double? = nil) -> TimeTrendLine? {
        let n = values.count
        guard n >= 3, times.count == n else { return nil }
        let nd = Double(n)
        var sumT = 0.0, sumY = 0.0
        for i in 0..<n { sumT += times[i]; sumY += values[i] }
        let meanT = sumT / nd, meanY = sumY / nd
        var stt = 0.0, sty = 0.0, syy = 0.0
        for i in 0..<n {
            let tc = times[i] - meanT, yc = values[i] - meanY
            stt += tc * tc
            sty += tc * yc
            syy += yc * yc
        }
        guard stt > 0, syy.isFinite else { return nil }
        let slope = sty / stt
        var rss = 0.0, dw = 0.0, previous = 0.0
        for i in 0..<n {
            let e = values[i] - meanY - slope * (times[i] - meanT)
            rss += e * e
            if i > 0 { let d = e - previous; dw += d * d }
            previous = e
        }
        return assemble(count: n, meanT: meanT, meanY: meanY, stt: stt, slope: slope, syy: syy, rss: rss, dw: dw,
                        level: level, criticalValue: criticalValue, distribution: StudentT(degreesOfFreedom: Double(n - 2)))
    }

    /// The line and its inference from the sums of a fit (shared by ``fit(values:times:level:criticalValue:)``
    /// and the batch kernel): t̄, ȳ, S_tt, the slope, S_yy, the residual sum of squares and the Durbin–Watson numerator;
    /// `distribution` is t(n − 2), passed in so that a batch creates it (and its normaliser) once.
    private static func assemble(count n: Int, meanT: Double, meanY: Double, stt: Double, slope: Double, syy: Double,
                                 rss: Double, dw: Double, level: Double, criticalValue: Double?,
                                 distribution: StudentT) -> TimeTrendLine {
        let nd = Double(n)
        let df = nd - 2
        let sigma2 = rss / df
        let slopeSE = (sigma2 / stt).squareRoot()
        let interceptSE = (sigma2 * (1 / nd + meanT * meanT / stt)).squareRoot()
        let intercept = meanY - slope * meanT
        // An exact fit (residual standard error at most 1e-10 of the data's size, measured as
        // |ȳ| + √(S_yy/n)) leaves t and p as noise over noise: they are undefined (NaN).
        let exact = !(sigma2.squareRoot() > 1e-10 * (abs(meanY) + (syy / nd).squareRoot()))
        return TimeTrendLine(
            observationCount: n, intercept: intercept, slope: slope, interceptStandardError: interceptSE,
            slopeStandardError: slopeSE, interceptSlopeCovariance: -meanT * sigma2 / stt,
            interceptPValue: exact ? .nan : 2 * distribution.survival(abs(intercept / interceptSE)),
            slopePValue: exact ? .nan : 2 * distribution.survival(abs(slope / slopeSE)),
            criticalValue: criticalValue ?? CriticalValues.studentT(degreesOfFreedom: n - 2, level: level), level: level,
            residualStandardError: sigma2.squareRoot(), residualSumOfSquares: rss, rSquared: 1 - rss / syy,
            logLikelihood: -nd / 2 * (log(2 * Double.pi) + log(rss / nd) + 1), durbinWatson: dw / rss)
    }

    /// Log-linear trends `ln y = β₀ + β₁ t` on many complete series of one length, t = 0, 1, ...:
    /// the batch kernel for benchmarks and panels. Runs on the calling thread.
    ///
    /// - Parameters:
    ///   - panel: The series one after another (series k is `panel[k*length ..< (k+1)*length]`), all positive.
    ///   - length: Observations per series, at least 3.
    ///   - level: Interval coverage in (0, 1).
    /// - Returns: One fit per series; nil for a series with a value that is not positive and finite.
    /// - Complexity: O(panel.count).
    public static func fitLogLinear(panel: [Double], length: Int, level: Double = 0.95) -> [TimeTrendLine?] {
        precondition(length >= 3 && panel.count % length == 0, "panel of \(panel.count) values is not a whole number of series of \(length)")
        let count = panel.count / length
        let critical = CriticalValues.studentT(degreesOfFreedom: length - 2, level: level)
        let distribution = StudentT(degreesOfFreedom: Double(length - 2))
        // t = 0..n−1: t̄ = (n − 1)/2 and S_tt = Σ (t − t̄)² = n (n² − 1)/12 (exact in binary for any
        // realistic n), and Σ (t − t̄) = 0, so S_ty = Σ (t − t̄) ln y: one pass takes the logs (nothing
        // else, so the calls to log do not wait on sums); a second gives Σ ln y and S_ty, a third S_yy and
        // the residuals' sum of squares (keeping the residuals), a fourth the Durbin–Watson numerator.
        // The sums after the logs run in four SIMD lanes (i mod 4).
        let nd = Double(length)
        let meanT = Double(length - 1) / 2
        let stt = nd * (nd * nd - 1) / 12
        var logs = [Double](repeating: 0, count: length)
        var results: [TimeTrendLine?] = []
        results.reserveCapacity(count)
        panel.withUnsafeBufferPointer { all in
            logs.withUnsafeMutableBufferPointer { buffer in
                for k in 0..<count {
                    var valid = true
                    let base = k * length
                    for i in 0..<length {
                        let y = all[base + i]
                        if !(y > 0 && y.isFinite) { valid = false }
                        buffer[i] = log(y)
                    }
                    guard valid else { results.append(nil); continue }
                    let logs = buffer.baseAddress!
                    var sumY4 = SIMD4<Double>(repeating: 0), sty4 = SIMD4<Double>(repeating: 0)
                    var j = 0
                    while j + 4 <= length {
                        let value = UnsafeRawPointer(logs + j).loadUnaligned(as: SIMD4<Double>.self)
                        sumY4 += value
                        sty4 += (SIMD4<Double>(0, 1, 2, 3) + (Double(j) - meanT)) * value
                        j += 4
                    }
                    var sumY = sumY4.sum(), sty = sty4.sum()
                    while j < length {
                        sumY += logs[j]
                        sty += (Double(j) - meanT) * logs[j]
                        j += 1
                    }
                    let meanY = sumY / nd
                    let slope = sty / stt
                    // Four lanes of partial sums (i mod 4) shorten the chains of dependent additions and let
                    // the sums run as SIMD; the residuals overwrite the logs for the Durbin–Watson pass.
                    let residuals = buffer.baseAddress!
                    var syy4 = SIMD4<Double>(repeating: 0), rss4 = SIMD4<Double>(repeating: 0)
                    let offsets = SIMD4<Double>(0, 1, 2, 3)
                    var i = 0
                    while i + 4 <= length {
                        let c = UnsafeRawPointer(residuals + i).loadUnaligned(as: SIMD4<Double>.self) - meanY
                        let e = c - slope * (offsets + (Double(i) - meanT))
                        syy4 += c * c
                        rss4 += e * e
                        residuals[i] = e[0]; residuals[i + 1] = e[1]; residuals[i + 2] = e[2]; residuals[i + 3] = e[3]
                        i += 4
                    }
                    var syy = syy4.sum(), rss = rss4.sum()
                    while i < length {
                        let c = residuals[i] - meanY
                        let e = c - slope * (Double(i) - meanT)
                        syy += c * c
                        rss += e * e
                        residuals[i] = e
                        i += 1
                    }
                    var dw4 = SIMD4<Double>(repeating: 0)
                    i = 1
                    while i + 4 <= length {
                        let d = UnsafeRawPointer(residuals + i).loadUnaligned(as: SIMD4<Double>.self)
                            - UnsafeRawPointer(residuals + i - 1).loadUnaligned(as: SIMD4<Double>.self)
                        dw4 += d * d
                        i += 4
                    }
                    var dw = dw4.sum()
                    while i < length {
                        let d = residuals[i] - residuals[i - 1]
                        dw += d * d
                        i += 1
                    }
                    results.append(assemble(count: length, meanT: meanT, meanY: meanY, stt: stt, slope: slope, syy: syy,
                                            rss: rss, dw: dw, level: level, criticalValue: critical,
                                            distribution: distribution))
                }
            }
        }
        return results
    }

    /// The fit as ``RegressionResults`` with terms `const` and `t`, keeping the closed-form
    /// statistics; (XᵀX)⁻¹ = [[1/n + t̄²/S_tt, −t̄/S_tt], [−t̄/S_tt, 1/S_tt]] completes the
    /// solution, so a covariance swap (``RegressionResults/withCovariance(_:design:)``) works on it.
    ///
    /// - Parameters:
    ///   - values: The y the line was fitted to (for fitted values and residuals).
    ///   - times: The t.
    /// - Returns: The general result type.
    func regressionResults(values: [Double], times: [Double]) -> RegressionResults {
        let q = criticalValue
        func coefficient(_ name: String, _ estimate: Double, _ se: Double, _ p: Double) -> RegressionCoefficient {
            RegressionCoefficient(name: name, estimate: estimate, standardError: se, tStatistic: p.isNaN ? .nan : estimate / se, pValue: p,
                                  lower: estimate - q * se, upper: estimate + q * se)
        }
        let fitted = times.map { intercept + slope * $0 }
        let meanT = times.reduce(0, +) / Double(times.count)
        let stt = times.reduce(0) { $0 + ($1 - meanT) * ($1 - meanT) }
        let solution = LeastSquaresFit(
            coefficients: [intercept, slope], fittedValues: fitted, residuals: zip(values, fitted).map { $0 - $1 },
            unscaledCovariance: Matrix(rows: 2, columns: 2, columnMajor: [1 / Double(times.count) + meanT * meanT / stt, -meanT / stt,
                                                                          -meanT / stt, 1 / stt]),
            residualSumOfSquares: residualSumOfSquares)
        return RegressionResults(
            leastSquares: solution,
            coefficients: [coefficient("const", intercept, interceptStandardError, interceptPValue),
                           coefficient("t", slope, slopeStandardError, slopePValue)],
            covariance: Matrix(rows: 2, columns: 2, columnMajor: [
                interceptStandardError * interceptStandardError, interceptSlopeCovariance,
                interceptSlopeCovariance, slopeStandardError * slopeStandardError]),
            level: level, interceptColumn: 0, modelDegreesOfFreedom: 1, residualStandardError: residualStandardError,
            rSquared: rSquared, adjustedRSquared: adjustedRSquared, fStatistic: fStatistic, fPValue: slopePValue,
            logLikelihood: logLikelihood, aic: aic, bic: bic, durbinWatson: durbinWatson)
    }
}
