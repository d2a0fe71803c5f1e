import NumericCore

/// A fitted linear model with full inference: the result of a trend regression
/// (`TrendSpecification` with a linear, log-linear or polynomial model) and of
/// `ColumnRegressionSpecification` (the `regress` command).
///
/// ```
/// y = X β + ε,  Var εᵢ = σ² / wᵢ,   n observations, p coefficients
/// df_model = p − 1 with an intercept (p without), df_resid = n − p
/// σ̂ = √(RSS / df_resid),  R² = 1 − RSS/TSS (centred with an intercept, uncentred without)
/// F = (ESS / df_model) / σ̂²,  log L = −n/2 (ln 2π + ln(RSS/n) + 1) + ½ Σ ln wᵢ
/// AIC = −2 log L + 2p,  BIC = −2 log L + p ln n,  DW = Σ(eᵢ − eᵢ₋₁)² / Σ eᵢ²
/// ```
/// All quantities follow statsmodels `OLS/WLS(...).fit()` (names in brackets in
/// each property); note R's `AIC(lm)` counts σ as a parameter and is 2 larger.
///
/// Reference: statsmodels `RegressionResults`; R `summary.lm`.
public struct RegressionFit: Sendable, Equatable, Codable {
    /// Coefficients in design order: the intercept first, then the terms.
    public let coefficients: [Coefficient]
    /// Cov(β̂) = σ̂²(XᵀWX)⁻¹ in design order (statsmodels `cov_params()`; R `vcov`).
    public let covariance: Matrix
    /// The Newey–West covariance in design order, or nil without HAC.
    public let hacCovariance: Matrix?
    /// The Newey–West lag count, or nil without HAC.
    public let hacLags: Int?
    /// The coverage of the coefficient intervals, in (0, 1).
    public let level: Double
    /// n (statsmodels `nobs`).
    public let observationCount: Int
    /// df_model (statsmodels `df_model`).
    public let modelDegreesOfFreedom: Int
    /// df_resid (statsmodels `df_resid`; R `df.residual`).
    public let residualDegreesOfFreedom: Int
    /// σ̂ (R `sigma`; statsmodels `np.sqrt(scale)`).
    public let residualStandardError: Double
    /// RSS (statsmodels `ssr`; R `deviance`).
    public let residualSumOfSquares: Double
    /// R² (statsmodels `rsquared`).
    public let rSquared: Double
    /// Adjusted R² (statsmodels `rsquared_adj`).
    public let adjustedRSquared: Double
    /// The overall F statistic with the classical covariance (statsmodels `fvalue`); NaN with no slope term.
    public let fStatistic: Double
    /// Its p-value from F(df_model, df_resid) (statsmodels `f_pvalue`).
    public let fPValue: Double
    /// Gaussian log-likelihood (statsmodels `llf`).
    public let logLikelihood: Double
    /// AIC (statsmodels `aic`).
    public let aic: Double
    /// BIC (statsmodels `bic`).
    public let bic: Double
    /// Durbin–Watson statistic of the (whitened) residuals.
    public let durbinWatson: Double
    /// Fitted values, one per observation used.
    public let fittedValues: [Double]
    /// Residuals yᵢ − ŷᵢ, one per observation used.
    public let residuals: [Double]

    /// A fit from its parts (used by the fitting code and the closed-form kernel).
    ///
    /// - Parameters: One per stored property, as documented there.
    public init(coefficients: [Coefficient], covariance: Matrix, hacCovariance: Matrix?, hacLags: Int?, level: Double,
                observationCount: Int, modelDegreesOfFreedom: Int, residualDegreesOfFreedom: Int,
                residualStandardError: Double, residualSumOfSquares: Double, rSquared: Double, adjustedRSquared: Double,
                fStatistic: Double, fPValue: Double, logLikelihood: Double, aic: Double, bic: Double, durbinWatson: Double,
                fittedValues: [Double], residuals: [Double]) {
        self.coefficients = coefficients
        self.covariance = covariance
        self.hacCovariance = hacCovariance
        self.hacLags = hacLags
        self.level = level
        self.observationCount = observationCount
        self.modelDegreesOfFreedom = modelDegreesOfFreedom
        self.residualDegreesOfFreedom = residualDegreesOfFreedom
        self.residualStandardError = residualStandardError
        self.residualSumOfSquares = residualSumOfSquares
        self.rSquared = rSquared
        self.adjustedRSquared = adjustedRSquared
        self.fStatistic = fStatistic
        self.fPValue = fPValue
        self.logLikelihood = logLikelihood
        self.aic = aic
        self.bic = bic
        self.durbinWatson = durbinWatson
        self.fittedValues = fittedValues
        self.residuals = residuals
    }

    /// The coefficient of a term, by name.
    ///
    /// - Parameter name: The term's name (`const`, `t`, ...).
    /// - Returns: The coefficient, or nil when the model has no such term.
    public func coefficient(named name: String) -> Coefficient? {
        coefficients.first { $0.name == name }
    }

    /// Two-sided intervals at another level, from the classical standard errors
    /// and Student's t(df_resid) (R `confint(m, level = level)`).
    ///
    /// - Parameter level: The coverage in (0, 1).
    /// - Returns: One interval per coefficient, in design order.
    public func confidenceIntervals(level: Double = 0.95) -> [ConfidenceInterval] {
        precondition(level > 0 && level < 1, "confidence level \(level) must lie in (0, 1)")
        let q = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).inverseSurvival((1 - level) / 2)
        return coefficients.map {
            ConfidenceInterval(name: $0.name, level: level, lower: $0.estimate - q * $0.standardError,
                               upper: $0.estimate + q * $0.standardError)
        }
    }

    /// Whether the model fits the data exactly: the residual standard error is at most 1e-10 of
    /// the largest magnitude of the response (a constant or perfectly linear series). The
    /// t statistics, their p-values and F are then undefined (NaN) rather than infinite.
    public var isExactFit: Bool {
        let scale = zip(fittedValues, residuals).reduce(0.0) { max($0, abs($1.0 + $1.1)) }
        return !(residualStandardError > 1e-10 * scale)
    }
}
