/// One estimated coefficient of a linear model with its inference.
///
/// `standardError`, `tStatistic`, `pValue` and the interval use the classical
/// covariance σ̂²(XᵀX)⁻¹ and Student's t with the residual degrees of freedom
/// (R `summary(lm)`; statsmodels `bse`, `tvalues`, `pvalues`, `conf_int`).
/// When Newey–West HAC covariance was asked for, `hacStandardError` and
/// `hacPValue` (normal reference, as statsmodels `cov_type="HAC"`) are added.
public struct Coefficient: Sendable, Equatable, Codable {
    /// The term's name: `const`, `t`, `t^2`, `month_2`, or a data column.
    public let name: String
    /// β̂.
    public let estimate: Double
    /// The classical standard error.
    public let standardError: Double
    /// β̂ / SE.
    public let tStatistic: Double
    /// Two-sided p-value from Student's t(df_resid).
    public let pValue: Double
    /// Lower end of the two-sided interval at the fit's `level`.
    public let lower: Double
    /// Upper end of the two-sided interval at the fit's `level`.
    public let upper: Double
    /// The Newey–West standard error, or nil without HAC.
    public let hacStandardError: Double?
    /// Two-sided p-value of β̂ / HAC SE from the standard normal, or nil without HAC.
    public let hacPValue: Double?

    /// A coefficient with all its inference.
    ///
    /// - Parameters:
    ///   - name: The term's name.
    ///   - estimate: β̂.
    ///   - standardError: The classical SE.
    ///   - tStatistic: β̂ / SE.
    ///   - pValue: Two-sided p-value.
    ///   - lower: Lower interval end.
    ///   - upper: Upper interval end.
    ///   - hacStandardError: HAC SE or nil.
    ///   - hacPValue: HAC p-value or nil.
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
