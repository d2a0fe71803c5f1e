/// The results of `LinearRegression.fit`: estimates, standard errors, tests and
/// goodness of fit, all computed at construction (no caches, no setters).
///
/// Conventions follow statsmodels `RegressionResults` (with R's names in brackets):
/// ```
/// n = observationCount, p = parameterCount (including the intercept)
/// df_model = p − 1 with intercept, p without;  df_resid = n − p
/// RSS = Σ wᵢ eᵢ²,   σ̂² = RSS / df_resid                       (sigma(m)²)
/// TSS = Σ wᵢ (yᵢ − ȳ_w)² with intercept, Σ wᵢ yᵢ² without      (uncentred R²)
/// R² = 1 − RSS/TSS,  adjusted R² = 1 − (n − c)/df_resid · (1 − R²), c = 1 with intercept else 0
/// F = ((TSS − RSS)/df_model) / σ̂²  (classical);  Wald F of all non-intercept
///     coefficients with the chosen covariance otherwise
/// log L = −n/2 (ln 2π + ln(RSS/n) + 1) + ½ Σ ln wᵢ                (logLik)
/// AIC = −2 log L + 2p,  BIC = −2 log L + p ln n     (p counts the intercept, not σ)
/// DW = Σ (ẽᵢ − ẽᵢ₋₁)² / Σ ẽᵢ²   on whitened residuals ẽᵢ = √wᵢ eᵢ
/// ```
/// Note that R's `AIC(lm)` counts σ as a parameter (p + 1); statsmodels does not.
public struct RegressionResults: Sendable, Equatable, Codable {
    /// The specification that was fitted.
    public let specification: LinearRegression
    /// The least-squares solution (coefficients, residuals, (XᵀWX)⁻¹, RSS).
    public let leastSquares: LeastSquaresFit
    /// Per-coefficient estimates and inference, in design-column order.
    public let coefficients: [RegressionCoefficient]
    /// The covariance matrix of the estimates under `specification.covarianceEstimator`
    /// (statsmodels `cov_params()`; R `vcov`).
    public let covariance: Matrix
    /// The Newey–West lag count used, or nil for classical covariance.
    public let neweyWestLags: Int?
    /// Whether tests use Student's t and F (classical) or the normal (HAC).
    public let usesStudentT: Bool
    /// n.
    public let observationCount: Int
    /// p, including the intercept.
    public let parameterCount: Int
    /// p − 1 with an intercept, p without (statsmodels `df_model`).
    public let modelDegreesOfFreedom: Int
    /// n − p (statsmodels `df_resid`; R `df.residual`).
    public let residualDegreesOfFreedom: Int
    /// σ̂ = √(RSS / (n − p)) (R `sigma`).
    public let residualStandardError: Double
    /// R², centred with an intercept and uncentred without.
    public let rSquared: Double
    /// Adjusted R² (statsmodels `rsquared_adj`).
    public let adjustedRSquared: Double
    /// The overall F statistic (statsmodels `fvalue`).
    public let fStatistic: Double
    /// Its p-value from F(df_model, df_resid) (statsmodels `f_pvalue`).
    public let fPValue: Double
    /// The Gaussian log-likelihood (statsmodels `llf`).
    public let logLikelihood: Double
    /// Akaike's information criterion −2 log L + 2p (statsmodels `aic`).
    public let aic: Double
    /// Schwarz's criterion −2 log L + p ln n (statsmodels `bic`).
    public let bic: Double
    /// The Durbin–Watson statistic of the whitened residuals.
    public let durbinWatson: Double

    /// The fitted values xᵢᵀβ̂.
    public var fittedValues: [Double] { leastSquares.fittedValues }
    /// The residuals yᵢ − xᵢᵀβ̂.
    public var residuals: [Double] { leastSquares.residuals }

    init(specification: LinearRegression, design: Matrix, response: [Double],
         leastSquares fit: LeastSquaresFit) throws(LinearAlgebraError) {
        let n = fit.observationCount, p = fit.parameterCount
        let names = specification.columnNames ?? (0..<p).map { "x\($0)" }
        let interceptColumn: Int? = specification.hasIntercept
            ? (0..<p).first { j in (0..<n).allSatisfy { design[$0, j] == design[0, j] } && design[0, j] != 0 }
            : nil
        precondition(!specification.hasIntercept || interceptColumn != nil,
                     "hasIntercept is set but no design column is constant")
        let dfResidual = n - p
        let dfModel = p - (specification.hasIntercept ? 1 : 0)
        let rss = fit.residualSumOfSquares
        let sigma2 = rss / Double(dfResidual)

        // Covariance of the estimates.
        var covariance = fit.unscaledCovariance
        var lags: Int?
        let usesT: Bool
        switch specification.covarianceEstimator {
        case .classical:
            covariance = Matrix(rows: p, columns: p, columnMajor: covariance.storage.map { $0 * sigma2 })
            usesT = true
        case let .neweyWest(requested, correction):
            let L = requested ?? CovarianceEstimator.defaultNeweyWestLags(observationCount: n)
            precondition(L >= 0 && L < n, "Newey-West lag count \(L) must lie in 0..<\(n)")
            lags = L
            covariance = Self.neweyWest(design: design, fit: fit, lags: L, correction: correction)
            usesT = false
        }

        let reference: any ContinuousDistribution = usesT
            ? StudentT(degreesOfFreedom: Double(dfResidual)) : Normal()
        var coefficients: [RegressionCoefficient] = []
        for j in 0..<p {
            let estimate = fit.coefficients[j]
            let standardError = covariance[j, j].squareRoot()
            let t = estimate / standardError
            coefficients.append(RegressionCoefficient(
                name: names[j], estimate: estimate, standardError: standardError, tStatistic: t,
                pValue: 2 * reference.survival(abs(t))))
        }

        // Sums of squares.
        var weightSum = CompensatedSum(), weightedY = CompensatedSum()
        for i in 0..<n {
            weightSum.add(fit.weights[i])
            weightedY.addProduct(fit.weights[i], response[i])
        }
        let mean = specification.hasIntercept ? weightedY.value / weightSum.value : 0
        var total = CompensatedSum()
        for i in 0..<n {
            let d = response[i] - mean
            total.addProduct(fit.weights[i] * d, d)
        }
        let tss = total.value
        let r2 = 1 - rss / tss
        let c = specification.hasIntercept ? 1.0 : 0.0

        // F statistic.
        var fStatistic: Double
        var fPValue: Double
        let tested = (0..<p).filter { $0 != interceptColumn }
        if tested.isEmpty {
            fStatistic = .nan
            fPValue = .nan
        } else if usesT {
            fStatistic = ((tss - rss) / Double(dfModel)) / sigma2
            fPValue = FisherF(numeratorDegreesOfFreedom: Double(dfModel),
                              denominatorDegreesOfFreedom: Double(dfResidual)).survival(fStatistic)
        } else {
            // Wald: F = b'(V_ss)⁻¹ b / q, solving V_ss z = b by least squares on the square system.
            let q = tested.count
            let block = Matrix(rows: q, columns: q, columnMajor: tested.flatMap { k in tested.map { covariance[$0, k] } })
            let b = tested.map { fit.coefficients[$0] }
            let solution = try LeastSquaresFit.ordinaryLeastSquares(design: block, response: b).coefficients
            var quadratic = CompensatedSum()
            for k in 0..<q { quadratic.addProduct(b[k], solution[k]) }
            fStatistic = quadratic.value / Double(q)
            fPValue = FisherF(numeratorDegreesOfFreedom: Double(q),
                              denominatorDegreesOfFreedom: Double(dfResidual)).survival(fStatistic)
        }

        // Likelihood and information criteria.
        let nd = Double(n)
        var logWeights = CompensatedSum()
        for w in fit.weights where w != 1 { logWeights.add(logarithm(w)) }
        let llf = -nd / 2 * (logarithm(2 * Double.pi) + logarithm(rss / nd) + 1) + 0.5 * logWeights.value

        // Durbin–Watson on whitened residuals.
        let e = fit.whitenedResiduals
        var numerator = CompensatedSum(), denominator = CompensatedSum()
        for i in 0..<n {
            denominator.addProduct(e[i], e[i])
            if i > 0 { let d = e[i] - e[i - 1]; numerator.addProduct(d, d) }
        }

        self.specification = specification
        self.leastSquares = fit
        self.coefficients = coefficients
        self.covariance = covariance
        self.neweyWestLags = lags
        self.usesStudentT = usesT
        self.observationCount = n
        self.parameterCount = p
        self.modelDegreesOfFreedom = dfModel
        self.residualDegreesOfFreedom = dfResidual
        self.residualStandardError = sigma2.squareRoot()
        self.rSquared = r2
        self.adjustedRSquared = 1 - (nd - c) / Double(dfResidual) * (1 - r2)
        self.fStatistic = fStatistic
        self.fPValue = fPValue
        self.logLikelihood = llf
        self.aic = -2 * llf + 2 * Double(p)
        self.bic = -2 * llf + Double(p) * logarithm(nd)
        self.durbinWatson = numerator.value / denominator.value
    }

    /// Two-sided confidence intervals `β̂ⱼ ± q · SEⱼ`, with q the `(1 + level)/2`
    /// quantile of Student's t (classical) or the normal (HAC)
    /// (statsmodels `conf_int(alpha = 1 − level)`; R `confint`).
    ///
    /// - Parameter level: The coverage, in (0, 1); default 0.95.
    /// - Returns: One interval per coefficient, in design-column order.
    public func confidenceIntervals(level: Double = 0.95) -> [ConfidenceInterval] {
        precondition(level > 0 && level < 1, "confidence level \(level) must lie in (0, 1)")
        let reference: any ContinuousDistribution = usesStudentT
            ? StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)) : Normal()
        let q = reference.inverseSurvival((1 - level) / 2)
        return coefficients.map {
            ConfidenceInterval(name: $0.name, level: level,
                               lower: $0.estimate - q * $0.standardError,
                               upper: $0.estimate + q * $0.standardError)
        }
    }

    /// Newey–West covariance (see `CovarianceEstimator.neweyWest`), formed as
    /// `Σ_ℓ k_ℓ Σᵢ (aᵢ ẽᵢ)(aᵢ₋ℓ ẽᵢ₋ℓ)ᵀ` with `aᵢ = (XᵀWX)⁻¹ x̃ᵢ` accumulated in
    /// double-double. This equals `H S H` but avoids the cancellation of
    /// multiplying the large, alternating entries of H = (XᵀWX)⁻¹ in plain
    /// double (which costs about 7 digits on Longley).
    private static func neweyWest(design: Matrix, fit: LeastSquaresFit, lags: Int, correction: Bool) -> Matrix {
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
