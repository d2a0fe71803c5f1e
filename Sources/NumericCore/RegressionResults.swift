/// The results of a linear regression: the least-squares solution, computed once, with
/// its classical inference and, when asked for, a Newey–West HAC covariance of the same
/// estimates. All quantities are computed at construction (no caches, no setters).
///
/// Conventions follow statsmodels `RegressionResults` (with R's names in brackets):
/// ```
/// n = observationCount, p = parameterCount (including the intercept)
/// df_model = p − 1 with intercept, p without;  df_resid = n − p
/// RSS = Σ wᵢ eᵢ²,   σ̂² = RSS / df_resid                       (sigma(m)²)
/// V = σ̂² (XᵀWX)⁻¹                                            (vcov(m))
/// TSS = Σ wᵢ (yᵢ − ȳ_w)² with intercept, Σ wᵢ yᵢ² without      (uncentred R²)
/// R² = 1 − RSS/TSS,  adjusted R² = 1 − (n − c)/df_resid · (1 − R²), c = 1 with intercept else 0
/// F = ((TSS − RSS)/df_model) / σ̂²   (classical; the HAC Wald F is in `hac`)
/// log L = −n/2 (ln 2π + ln(RSS/n) + 1) + ½ Σ ln wᵢ                (logLik)
/// AIC = −2 log L + 2p,  BIC = −2 log L + p ln n     (p counts the intercept, not σ)
/// DW = Σ (ẽᵢ − ẽᵢ₋₁)² / Σ ẽᵢ²   on whitened residuals ẽᵢ = √wᵢ eᵢ
/// ```
/// Note that R's `AIC(lm)` counts σ as a parameter (p + 1); statsmodels does not.
///
/// The covariance estimator is a choice made on the results, not on the fit:
/// ``withCovariance(_:design:)`` adds (or drops) the Newey–West covariance from the stored
/// residuals and (XᵀWX)⁻¹ without solving the least-squares problem again, as statsmodels
/// `get_robustcov_results` does. ``reparametrized(by:)`` maps the results to other
/// coefficients β' = Tβ of the same model (a polynomial fitted on a centred, scaled
/// variable, reported in powers of the raw variable).
///
/// An exact fit (``isExactFit``) leaves t, the p-values and F undefined: they are NaN,
/// not infinite beside a p of 0.
public struct RegressionResults: Sendable, Equatable, Codable {
    /// Per-coefficient estimates and inference, in design-column order.
    public let coefficients: [RegressionCoefficient]
    /// The classical covariance σ̂²(XᵀWX)⁻¹ of the estimates, in design-column order
    /// (statsmodels `cov_params()` with `cov_type="nonrobust"`; R `vcov`).
    public let covariance: Matrix
    /// The Newey–West covariance and its Wald test, or nil when only classical inference was asked for.
    public let hac: HACCovariance?
    /// The least-squares solution (coefficients, residuals, weights, (XᵀWX)⁻¹, RSS),
    /// in the parametrisation of `coefficients`.
    public let leastSquares: LeastSquaresFit
    /// The coverage of the coefficient intervals `lower`...`upper`, in (0, 1).
    public let level: Double
    /// The design column that is the intercept, or nil for a model without one.
    public let interceptColumn: Int?
    /// df_model: p − 1 with an intercept, p without (statsmodels `df_model`).
    public let modelDegreesOfFreedom: Int
    /// σ̂ = √(RSS / (n − p)) (R `sigma`; statsmodels `np.sqrt(scale)`).
    public let residualStandardError: Double
    /// R², centred with an intercept and uncentred without (statsmodels `rsquared`).
    public let rSquared: Double
    /// Adjusted R² (statsmodels `rsquared_adj`).
    public let adjustedRSquared: Double
    /// The classical overall F statistic (statsmodels `fvalue` with `cov_type="nonrobust"`);
    /// NaN without a slope term or for an exact fit.
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

    /// n (statsmodels `nobs`).
    public var observationCount: Int { leastSquares.observationCount }
    /// p, including the intercept.
    public var parameterCount: Int { leastSquares.parameterCount }
    /// df_resid = n − p (statsmodels `df_resid`; R `df.residual`).
    public var residualDegreesOfFreedom: Int { observationCount - parameterCount }
    /// RSS = Σ wᵢ eᵢ² (statsmodels `ssr`; R `deviance`).
    public var residualSumOfSquares: Double { leastSquares.residualSumOfSquares }
    /// The fitted values xᵢᵀβ̂.
    public var fittedValues: [Double] { leastSquares.fittedValues }
    /// The residuals yᵢ − xᵢᵀβ̂.
    public var residuals: [Double] { leastSquares.residuals }
    /// The Newey–West lag count, or nil without HAC covariance.
    public var hacLags: Int? { hac?.lags }

    /// Whether the model fits the data exactly: the residual standard error is at most 1e-10 of
    /// the largest magnitude of the response (a constant or perfectly linear series). The
    /// t statistics, their p-values and F are then undefined (NaN) rather than infinite.
    public var isExactFit: Bool { Self.isExact(leastSquares, residualStandardError: residualStandardError) }

    /// Results from their parts, for fits whose statistics are computed in closed form
    /// (a straight line in time) rather than by ``LinearRegression/fit(design:response:weights:)``.
    /// The results carry no HAC covariance; ``withCovariance(_:design:)`` adds one.
    ///
    /// - Parameters:
    ///   - leastSquares: The solution.
    ///   - coefficients: One per design column, with classical inference at `level`.
    ///   - covariance: σ̂²(XᵀWX)⁻¹.
    ///   - level: The coverage of the coefficient intervals.
    ///   - interceptColumn: The intercept's column, or nil.
    ///   - Others: One per stored property, as documented there.
    public init(leastSquares: LeastSquaresFit, coefficients: [RegressionCoefficient], covariance: Matrix, level: Double,
                interceptColumn: Int?, modelDegreesOfFreedom: Int, residualStandardError: Double, rSquared: Double,
                adjustedRSquared: Double, fStatistic: Double, fPValue: Double, logLikelihood: Double, aic: Double, bic: Double,
                durbinWatson: Double) {
        precondition(coefficients.count == leastSquares.parameterCount, "\(coefficients.count) coefficients for \(leastSquares.parameterCount) columns")
        self.init(coefficients: coefficients, covariance: covariance, hac: nil, leastSquares: leastSquares, level: level,
                  interceptColumn: interceptColumn, modelDegreesOfFreedom: modelDegreesOfFreedom,
                  residualStandardError: residualStandardError, rSquared: rSquared, adjustedRSquared: adjustedRSquared,
                  fStatistic: fStatistic, fPValue: fPValue, logLikelihood: logLikelihood, aic: aic, bic: bic,
                  durbinWatson: durbinWatson)
    }

    private init(coefficients: [RegressionCoefficient], covariance: Matrix, hac: HACCovariance?, leastSquares: LeastSquaresFit,
                 level: Double, interceptColumn: Int?, modelDegreesOfFreedom: Int, residualStandardError: Double,
                 rSquared: Double, adjustedRSquared: Double, fStatistic: Double, fPValue: Double, logLikelihood: Double,
                 aic: Double, bic: Double, durbinWatson: Double) {
        self.coefficients = coefficients
        self.covariance = covariance
        self.hac = hac
        self.leastSquares = leastSquares
        self.level = level
        self.interceptColumn = interceptColumn
        self.modelDegreesOfFreedom = modelDegreesOfFreedom
        self.residualStandardError = residualStandardError
        self.rSquared = rSquared
        self.adjustedRSquared = adjustedRSquared
        self.fStatistic = fStatistic
        self.fPValue = fPValue
        self.logLikelihood = logLikelihood
        self.aic = aic
        self.bic = bic
        self.durbinWatson = durbinWatson
    }

    /// The same results with other coefficients, covariances and solution (HAC, reparametrisation);
    /// the fit statistics are those of the model, which neither changes.
    func replacing(coefficients: [RegressionCoefficient], covariance: Matrix, hac: HACCovariance?,
                   leastSquares: LeastSquaresFit) -> RegressionResults {
        RegressionResults(coefficients: coefficients, covariance: covariance, hac: hac, leastSquares: leastSquares, level: level,
                          interceptColumn: interceptColumn, modelDegreesOfFreedom: modelDegreesOfFreedom,
                          residualStandardError: residualStandardError, rSquared: rSquared, adjustedRSquared: adjustedRSquared,
                          fStatistic: fStatistic, fPValue: fPValue, logLikelihood: logLikelihood, aic: aic, bic: bic,
                          durbinWatson: durbinWatson)
    }

    /// Classical results of a least-squares solution (``LinearRegression/fit(design:response:weights:)``).
    init(design: Matrix, response: [Double], leastSquares fit: LeastSquaresFit, names: [String], hasIntercept: Bool, level: Double) {
        let n = fit.observationCount, p = fit.parameterCount
        let interceptColumn: Int? = hasIntercept
            ? (0..<p).first { j in (0..<n).allSatisfy { design[$0, j] == design[0, j] } && design[0, j] != 0 }
            : nil
        precondition(!hasIntercept || interceptColumn != nil, "hasIntercept is set but no design column is constant")
        let dfResidual = n - p
        let dfModel = p - (hasIntercept ? 1 : 0)
        let rss = fit.residualSumOfSquares
        let sigma2 = rss / Double(dfResidual)
        let exact = Self.isExact(fit, residualStandardError: sigma2.squareRoot())

        let covariance = Matrix(rows: p, columns: p, columnMajor: fit.unscaledCovariance.storage.map { $0 * sigma2 })
        let coefficients = Self.coefficients(names: names, estimates: fit.coefficients, covariance: covariance, hac: nil,
                                             residualDegreesOfFreedom: dfResidual, level: level, exact: exact)

        // Sums of squares.
        var weightSum = CompensatedSum(), weightedY = CompensatedSum()
        for i in 0..<n {
            weightSum.add(fit.weights[i])
            weightedY.addProduct(fit.weights[i], response[i])
        }
        let mean = hasIntercept ? weightedY.value / weightSum.value : 0
        var total = CompensatedSum()
        for i in 0..<n {
            let d = response[i] - mean
            total.addProduct(fit.weights[i] * d, d)
        }
        let tss = total.value
        let r2 = 1 - rss / tss
        let c = hasIntercept ? 1.0 : 0.0

        // Classical F statistic of all coefficients but the intercept.
        var fStatistic = Double.nan, fPValue = Double.nan
        if dfModel > 0 && !exact {
            fStatistic = ((tss - rss) / Double(dfModel)) / sigma2
            fPValue = FisherF(numeratorDegreesOfFreedom: Double(dfModel),
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

        self.init(coefficients: coefficients, covariance: covariance, hac: nil, leastSquares: fit, level: level,
                  interceptColumn: interceptColumn, modelDegreesOfFreedom: dfModel, residualStandardError: sigma2.squareRoot(),
                  rSquared: r2, adjustedRSquared: 1 - (nd - c) / Double(dfResidual) * (1 - r2), fStatistic: fStatistic,
                  fPValue: fPValue, logLikelihood: llf, aic: -2 * llf + 2 * Double(p), bic: -2 * llf + Double(p) * logarithm(nd),
                  durbinWatson: numerator.value / denominator.value)
    }

    /// The coefficient of a column, by name.
    ///
    /// - Parameter name: The column's name (`const`, `t`, ...).
    /// - Returns: The coefficient, or nil when the model has no such column.
    public func coefficient(named name: String) -> RegressionCoefficient? {
        coefficients.first { $0.name == name }
    }

    /// Two-sided classical confidence intervals `β̂ⱼ ± q · SEⱼ`, with q the `(1 + level)/2`
    /// quantile of Student's t(df_resid) (statsmodels `conf_int(alpha = 1 − level)` with
    /// `cov_type="nonrobust"`; R `confint`).
    ///
    /// - Parameter level: The coverage, in (0, 1); default 0.95.
    /// - Returns: One interval per coefficient, in design-column order.
    public func confidenceIntervals(level: Double = 0.95) -> [ConfidenceInterval] {
        precondition(level > 0 && level < 1, "confidence level \(level) must lie in (0, 1)")
        let q = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).inverseSurvival((1 - level) / 2)
        return coefficients.map {
            ConfidenceInterval(name: $0.name, level: level, lower: $0.estimate - q * $0.standardError,
                               upper: $0.estimate + q * $0.standardError)
        }
    }

    /// Two-sided Newey–West intervals `β̂ⱼ ± z · HAC SEⱼ`, with z the `(1 + level)/2` quantile
    /// of the standard normal (statsmodels `conf_int(alpha = 1 − level)` with `cov_type="HAC"`).
    ///
    /// - Parameter level: The coverage, in (0, 1); default 0.95.
    /// - Returns: One interval per coefficient, in design-column order, or nil without HAC covariance.
    public func hacConfidenceIntervals(level: Double = 0.95) -> [ConfidenceInterval]? {
        precondition(level > 0 && level < 1, "confidence level \(level) must lie in (0, 1)")
        guard hac != nil else { return nil }
        let q = Normal().inverseSurvival((1 - level) / 2)
        return coefficients.map {
            let se = $0.hacStandardError ?? .nan
            return ConfidenceInterval(name: $0.name, level: level, lower: $0.estimate - q * se, upper: $0.estimate + q * se)
        }
    }

    // MARK: - Shared by construction, covariance swap and reparametrisation

    /// The exact-fit rule of ``isExactFit``: σ̂ ≤ 1e-10 · maxᵢ |yᵢ|, with yᵢ = ŷᵢ + eᵢ.
    static func isExact(_ fit: LeastSquaresFit, residualStandardError: Double) -> Bool {
        let scale = zip(fit.fittedValues, fit.residuals).reduce(0.0) { max($0, abs($1.0 + $1.1)) }
        return !(residualStandardError > 1e-10 * scale)
    }

    /// Per-coefficient inference from the estimates and covariances: SE = √Vⱼⱼ, t and p from
    /// Student's t(df_resid), the interval at `level`; the HAC SE and normal p-value when `hac` is given.
    static func coefficients(names: [String], estimates: [Double], covariance: Matrix, hac: Matrix?,
                             residualDegreesOfFreedom: Int, level: Double, exact: Bool) -> [RegressionCoefficient] {
        let t = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom))
        let q = t.inverseSurvival((1 - level) / 2)
        return estimates.indices.map { j in
            let estimate = estimates[j]
            let se = covariance[j, j].squareRoot()
            let statistic = exact ? .nan : estimate / se
            let hacSE = hac.map { $0[j, j].squareRoot() }
            return RegressionCoefficient(
                name: names[j], estimate: estimate, standardError: se, tStatistic: statistic,
                pValue: exact ? .nan : 2 * t.survival(abs(statistic)), lower: estimate - q * se, upper: estimate + q * se,
                hacStandardError: hacSE, hacPValue: hacSE.map { exact ? .nan : 2 * Normal().survival(abs(estimate / $0)) })
        }
    }
}
