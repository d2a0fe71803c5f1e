/// One estimated coefficient with its inference.
public struct RegressionCoefficient: Sendable, Equatable, Codable {
    /// The column name (or `x0`, `x1`, ... when none were given).
    public let name: String
    /// The estimate β̂ⱼ (statsmodels `params`).
    public let estimate: Double
    /// √Vⱼⱼ from the chosen covariance estimator (statsmodels `bse`; R `coef(summary(m))[, 2]`).
    public let standardError: Double
    /// β̂ⱼ / standardError (statsmodels `tvalues`).
    public let tStatistic: Double
    /// Two-sided p-value of H₀: βⱼ = 0, from Student's t with the residual
    /// degrees of freedom, or the normal under HAC covariance (statsmodels `pvalues`).
    public let pValue: Double
}
