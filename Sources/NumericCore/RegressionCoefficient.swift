/// One estimated coefficient of a linear regression with its inference.
///
/// `standardError`, `tStatistic`, `pValue` and the interval `[lower, upper]` use the
/// classical covariance σ̂²(XᵀWX)⁻¹ and Student's t with the residual degrees of
/// freedom (R `summary(lm)`; statsmodels `bse`, `tvalues`, `pvalues`, `conf_int`).
/// When the results carry a Newey–West HAC covariance (`RegressionResults.hac`),
/// `hacStandardError` and `hacPValue` hold the robust standard error and the two-sided
/// p-value of β̂ / HAC SE from the standard normal (statsmodels `cov_type="HAC"`,
/// `use_t=False`). For an exact fit (`RegressionResults.isExactFit`) the statistics
/// and p-values are NaN: they would be rounding noise over rounding noise.
public struct RegressionCoefficient: Sendable, Equatable, Codable {
    /// The column's name (`const`, `t`, `t^2`, `month_2`, a data column), or `x0`, `x1`, ...
    /// when none were given.
    public let name: String
    /// The estimate β̂ⱼ (statsmodels `params`; R `coef`).
    public let estimate: Double
    /// The classical standard error √Vⱼⱼ, V = σ̂²(XᵀWX)⁻¹.
    public let standardError: Double
    /// β̂ⱼ / standardError.
    public let tStatistic: Double
    /// Two-sided p-value of H₀: βⱼ = 0 from Student's t(df_resid).
    public let pValue: Double
    /// Lower end of the two-sided Student t interval at the results' `level`.
    public let lower: Double
    /// Upper end of the two-sided Student t interval at the results' `level`.
    public let upper: Double
    /// The Newey–West standard error, or nil without HAC covariance.
    public let hacStandardError: Double?
    /// Two-sided p-value of β̂ⱼ / HAC SE from the standard normal, or nil without HAC covariance.
    public let hacPValue: Double?

    /// A coefficient with all its inference (for fits computed in closed form).
    ///
    /// - Parameters:
    ///   - name: The column's name.
    ///   - estimate: β̂.
    ///   - standardError: The classical SE.
    ///   - tStatistic: β̂ / SE (NaN for an exact fit).
    ///   - pValue: Two-sided p-value from Student's t (NaN for an exact fit).
    ///   - lower: Lower interval end.
    ///   - upper: Upper interval end.
    ///   - hacStandardError: HAC SE, or nil.
    ///   - hacPValue: HAC p-value, or nil.
    public init(name: String, estimate: Double, standardError: Double, tStatistic: Double, pValue: Double,
                lower: Double, upper: Double, hacStandardError: Double? = nil, hacPValue: Double? = nil) {
        self.name = name
        self.estimate = estimate
        self.standardError = standardError
        self.tStatistic = tStatistic
        self.pValue = pValue
        self.lower = lower
        self.upper = upper
        self.hacStandardError = hacStandardError
        self.hacPValue = hacPValue
    }
}
