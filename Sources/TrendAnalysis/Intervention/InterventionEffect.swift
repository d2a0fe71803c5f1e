/// One intervention coefficient of an interrupted time series with classical and HAC inference.
public struct InterventionEffect: Sendable, Equatable, Codable {
    /// The coefficient's name (`level_change` or `slope_change`).
    public let name: String
    /// The OLS estimate.
    public let estimate: Double
    /// The classical standard error (R `summary(lm)`).
    public let standardError: Double
    /// The two-sided p-value from Student's t with the residual degrees of freedom.
    public let classicalPValue: Double
    /// The Newey–West standard error (R `sqrt(diag(sandwich::NeweyWest(m, lag = L, prewhite = FALSE)))`).
    public let hacStandardError: Double
    /// The two-sided p-value of `estimate / hacStandardError` from the standard normal.
    public let pValue: Double
}
