/// How the standard errors of a panel regression are estimated.
public enum PanelCovariance: String, Codable, Sendable, CaseIterable {
    /// `σ̂² (XᵀX)⁻¹`, Student's t with n − p degrees of freedom (statsmodels
    /// `cov_type="nonrobust"`; R `vcov(lm)`). Assumes independent errors.
    case classical
    /// Cluster-robust by code (CR1), normal reference distribution:
    /// ```
    /// V = G/(G − 1) · (n − 1)/(n − p) · (XᵀX)⁻¹ [Σ_g (X_gᵀ e_g)(X_gᵀ e_g)ᵀ] (XᵀX)⁻¹
    /// ```
    /// with G codes. Robust to any correlation of a code's errors over time
    /// (serial correlation, which HAC handles for one series) and to heteroscedasticity.
    /// Matches statsmodels `OLS(...).fit(cov_type="cluster", cov_kwds={"groups": code}, use_t=False)`;
    /// R `sandwich::vcovCL(m, cluster = ~code, type = "HC1")`.
    case clusteredByCode = "clustered"
}
