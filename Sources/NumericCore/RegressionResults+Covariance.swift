/// The Newey–West HAC covariance of a regression's estimates with the Wald test of all
/// coefficients but the intercept (see ``CovarianceEstimator/neweyWest(lags:smallSampleCorrection:)``).
///
/// ```
/// F_W = β̂_sᵀ (V_ss)⁻¹ β̂_s / q,   s = the q non-intercept columns,  p-value from F(q, df_resid)
/// ```
/// Reference: statsmodels `OLS(...).fit(cov_type="HAC")`, whose `fvalue` and `f_pvalue` are this Wald test.
public struct HACCovariance: Sendable, Equatable, Codable {
    /// The truncation lag L of the Bartlett kernel.
    public let lags: Int
    /// Whether V carries the factor n / (n − p).
    public let smallSampleCorrection: Bool
    /// V, p x p in design-column order (statsmodels `cov_params()` with `cov_type="HAC"`).
    public let covariance: Matrix
    /// The Wald F statistic; NaN without a slope term or for an exact fit.
    public let fStatistic: Double
    /// Its p-value from F(q, df_resid).
    public let fPValue: Double
}

extension RegressionResults {
    /// The same fit with the covariance of the estimates estimated another way, without
    /// solving the least-squares problem again (statsmodels `get_robustcov_results`): the
    /// classical inference stays, and `.neweyWest` adds the HAC covariance, the HAC standard
    /// errors and p-values of the coefficients and the Wald F; `.classical` drops them.
    ///
    /// The HAC covariance is formed from the stored whitened residuals, weights and
    /// (XᵀWX)⁻¹ as `Σ_ℓ k_ℓ Σᵢ (aᵢ ẽᵢ)(aᵢ₋ℓ ẽᵢ₋ℓ)ᵀ`, `aᵢ = (XᵀWX)⁻¹ x̃ᵢ`, `k_ℓ = 1 − ℓ/(L + 1)`,
    /// accumulated in double-double. This equals `H S H` but avoids the cancellation of
    /// multiplying the large, alternating entries of H = (XᵀWX)⁻¹ in plain double (which
    /// costs about 7 digits on Longley).
    ///
    /// - Parameters:
    ///   - estimator: The covariance estimator; `lags` nil takes ``CovarianceEstimator/defaultNeweyWestLags(observationCount:)``.
    ///   - design: The n x p design the results were fitted on, in their parametrisation
    ///     (the results keep no copy of it).
    /// - Returns: The results with the chosen covariance.
    /// - Throws: `LinearAlgebraError.rankDeficient` when the HAC covariance of the non-intercept
    ///   coefficients is singular, so the Wald F cannot be formed.
    /// - Complexity: O(n p L) for Newey–West with L lags.
    public func withCovariance(_ estimator: CovarianceEstimator, design: Matrix) throws(LinearAlgebraError) -> RegressionResults {
        let n = observationCount, p = parameterCount
        precondition(design.rows == n && design.columns == p, "a \(design.rows) x \(design.columns) design for results of \(n) x \(p)")
        let names = coefficients.map(\.name)
        let estimates = leastSquares.coefficients
        let exact = isExactFit
        switch estimator {
        case .classical:
            let plain = Self.coefficients(names: names, estimates: estimates, covariance: covariance, hac: nil,
                                          residualDegreesOfFreedom: residualDegreesOfFreedom, level: level, exact: exact)
            return replacing(coefficients: plain, covariance: covariance, hac: nil, leastSquares: leastSquares)
        case let .neweyWest(requested, correction):
            let lags = requested ?? CovarianceEstimator.defaultNeweyWestLags(observationCount: n)
            precondition(lags >= 0 && lags < n, "Newey-West lag count \(lags) must lie in 0..<\(n)")
            let v = Self.neweyWest(design: design, fit: leastSquares, lags: lags, correction: correction)
            var fStatistic = Double.nan, fPValue = Double.nan
            let tested = (0..<p).filter { $0 != interceptColumn }
            if !tested.isEmpty && !exact {
                // Wald: F = b'(V_ss)⁻¹ b / q, solving V_ss z = b by least squares on the square system.
                let q = tested.count
                let block = Matrix(rows: q, columns: q, columnMajor: tested.flatMap { k in tested.map { v[$0, k] } })
                let b = tested.map { estimates[$0] }
                let solution = try LeastSquaresFit.ordinaryLeastSquares(design: block, response: b).coefficients
                var quadratic = CompensatedSum()
                for k in 0..<q { quadratic.addProduct(b[k], solution[k]) }
                fStatistic = quadratic.value / Double(q)
                fPValue = FisherF(numeratorDegreesOfFreedom: Double(q),
                                  denominatorDegreesOfFreedom: Double(residualDegreesOfFreedom)).survival(fStatistic)
            }
            let hac = HACCovariance(lags: lags, smallSampleCorrection: correction, covariance: v,
                                    fStatistic: fStatistic, fPValue: fPValue)
            let robust = Self.coefficients(names: names, estimates: estimates, covariance: covariance, hac: v,
                                           residualDegreesOfFreedom: residualDegreesOfFreedom, level: level, exact: exact)
            return replacing(coefficients: robust, covariance: covariance, hac: hac, leastSquares: leastSquares)
        }
    }

    /// The results for coefficients β' = T β of the same model: a design X' = X T⁻¹ spans the
    /// same columns, so fitted values, residuals, R², σ̂, the likelihood and the F tests are
    /// unchanged, while
    /// ```
    /// β̂' = T β̂,   V' = T V Tᵀ,   V'_HAC = T V_HAC Tᵀ,   (X'ᵀWX')⁻¹ = T (XᵀWX)⁻¹ Tᵀ
    /// ```
    /// and the per-coefficient inference is recomputed from them. Used to report a
    /// polynomial fitted on a centred and scaled variable in powers of the raw variable
    /// (the design is then well conditioned, the map exact up to rounding).
    ///
    /// - Parameter transform: T, p x p and invertible. It must keep the tested hypothesis
    ///   (all coefficients but the intercept zero): no coefficient other than the intercept
    ///   may depend on the intercept (T[j, c] = 0 for j ≠ c, c the intercept column).
    /// - Returns: The reparametrised results; coefficient names are kept.
    /// - Complexity: O(p³).
    public func reparametrized(by transform: Matrix) -> RegressionResults {
        let p = parameterCount
        precondition(transform.rows == p && transform.columns == p, "a \(transform.rows) x \(transform.columns) map for \(p) coefficients")
        if let c = interceptColumn {
            precondition((0..<p).allSatisfy { $0 == c || transform[$0, c] == 0 }, "the map must not move the intercept into a slope")
        }
        func sandwich(_ m: Matrix) -> Matrix { transform.multiply(m).multiply(transform.transposed) }
        let estimates = transform.multiply(leastSquares.coefficients)
        let mappedCovariance = sandwich(covariance)
        let mappedHAC = hac.map {
            HACCovariance(lags: $0.lags, smallSampleCorrection: $0.smallSampleCorrection, covariance: sandwich($0.covariance),
                          fStatistic: $0.fStatistic, fPValue: $0.fPValue)
        }
        let solution = leastSquares.replacing(coefficients: estimates, unscaledCovariance: sandwich(leastSquares.unscaledCovariance))
        let mapped = Self.coefficients(names: coefficients.map(\.name), estimates: estimates, covariance: mappedCovariance,
                                       hac: mappedHAC?.covariance, residualDegreesOfFreedom: residualDegreesOfFreedom,
                                       level: level, exact: isExactFit)
        return replacing(coefficients: mapped, covariance: mappedCovariance, hac: mappedHAC, leastSquares: solution)
    }

    /// The cluster-robust covariance of the estimates (CR1), for an unweighted fit:
    /// ```
    /// V = G/(G − 1) · (n − 1)/(n − p) · (XᵀX)⁻¹ [Σ_g (X_gᵀ e_g)(X_gᵀ e_g)ᵀ] (XᵀX)⁻¹
    /// ```
    /// with G clusters. Robust to any correlation of the errors within a cluster and to
    /// heteroscedasticity; inference on it uses the normal distribution. Reference: Cameron and
    /// Miller (2015), "A practitioner's guide to cluster-robust inference", J. Human Resources
    /// 50(2); statsmodels `OLS(...).fit(cov_type="cluster", cov_kwds={"groups": g}, use_t=False)`;
    /// R `sandwich::vcovCL(m, cluster = g, type = "HC1")`.
    ///
    /// - Parameters:
    ///   - design: The n x p design the results were fitted on.
    ///   - clusters: The cluster of each observation, numbered from 0 (G = the largest + 1).
    /// - Returns: V, p x p in design-column order.
    /// - Complexity: O(n p + G p²).
    public func clusterRobustCovariance(design: Matrix, clusters: [Int]) -> Matrix {
        let n = observationCount, p = parameterCount
        precondition(design.rows == n && design.columns == p && clusters.count == n, "a design and a cluster per observation")
        precondition(leastSquares.weights.allSatisfy { $0 == 1 }, "cluster-robust covariance of an unweighted fit")
        let inverse = leastSquares.unscaledCovariance
        let residuals = self.residuals
        let groupCount = (clusters.max() ?? 0) + 1
        // u_g = Σ_{i∈g} x_i e_i, then a_g = (XᵀX)⁻¹ u_g; V = factor Σ_g a_g a_gᵀ.
        var scores = [[Double]](repeating: [Double](repeating: 0, count: p), count: groupCount)
        for i in 0..<n {
            for k in 0..<p where design[i, k] != 0 { scores[clusters[i]][k] += design[i, k] * residuals[i] }
        }
        let projected = scores.map { score in
            (0..<p).map { j in
                var sum = 0.0
                for k in 0..<p { sum += inverse[j, k] * score[k] }
                return sum
            }
        }
        let g = Double(groupCount)
        let factor = g / (g - 1) * Double(n - 1) / Double(n - p)
        var v = [Double](repeating: 0, count: p * p)
        for a in 0..<p {
            for b in a..<p {
                var sum = 0.0
                for score in projected { sum += score[a] * score[b] }
                v[a + b * p] = factor * sum
                v[b + a * p] = v[a + b * p]
            }
        }
        return Matrix(rows: p, columns: p, columnMajor: v)
    }

    /// Newey–West covariance (see ``withCovariance(_:design:)``).
    static func neweyWest(design: Matrix, fit: LeastSquaresFit, lags: Int, correction: Bool) -> Matrix {
        let n = design.rows, p = design.columns
        let h = fit.unscaledCovariance
        // gᵢ = H x̃ᵢ ẽᵢ with x̃ᵢ = √wᵢ xᵢ.
        var g = [Double](repeating: 0, count: n * p)
        for i in 0..<n {
            let root = fit.weights[i].squareRoot()
            for j in 0..<p {
                var sum = CompensatedSum()
                for k in 0..<p { sum.addProduct(h[j, k], design[i, k]) }
                let (high, low) = sum.normalized
                var scaled = CompensatedSum()
                scaled.addProduct(high, root * fit.whitenedResiduals[i])
                scaled.addProduct(low, root * fit.whitenedResiduals[i])
                g[i + j * n] = scaled.value
            }
        }
        var v = [Double](repeating: 0, count: p * p)
        let factor = correction ? Double(n) / Double(n - p) : 1
        for a in 0..<p {
            for b in a..<p {
                var sum = CompensatedSum()
                for lag in 0...lags {
                    let weight = 1 - Double(lag) / Double(lags + 1)
                    for i in lag..<n {
                        sum.addProduct(weight * g[i + a * n], g[i - lag + b * n])
                        if lag > 0 { sum.addProduct(weight * g[i - lag + a * n], g[i + b * n]) }
                    }
                }
                v[a + b * p] = factor * sum.value
                v[b + a * p] = v[a + b * p]
            }
        }
        return Matrix(rows: p, columns: p, columnMajor: v)
    }
}
