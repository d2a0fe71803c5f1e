/// How the covariance of regression coefficients is estimated.
public enum CovarianceEstimator: Sendable, Equatable, Codable {
    /// `σ̂² (XᵀWX)⁻¹` with `σ̂² = RSS / (n − p)` (statsmodels `cov_type="nonrobust"`;
    /// R `vcov(lm)`). Inference uses Student's t and F.
    case classical
    /// Newey–West heteroscedasticity and autocorrelation consistent (HAC)
    /// covariance with the Bartlett kernel:
    ///
    /// ```
    /// uᵢ = x̃ᵢ ẽᵢ  (whitened regressors times whitened residuals)
    /// S  = Σ_{ℓ=−L..L} (1 − |ℓ|/(L + 1)) Σᵢ uᵢ uᵢ₋ℓᵀ
    /// V  = (XᵀWX)⁻¹ S (XᵀWX)⁻¹ · [n / (n − p) if smallSampleCorrection]
    /// ```
    /// `lags` nil uses `⌊4 (n/100)^(2/9)⌋`. Inference then uses the normal and
    /// the Wald F, as statsmodels does (`use_t=False`).
    ///
    /// Matches statsmodels `OLS(...).fit(cov_type="HAC", cov_kwds={"maxlags": L,
    /// "use_correction": c})`. Note that `fit` defaults to `use_correction=False`
    /// while `sandwich_covariance.cov_hac` defaults to `True`; the flag here has
    /// no default so the choice is explicit. R: `sandwich::NeweyWest(m, lag = L,
    /// prewhite = FALSE, adjust = c)`.
    case neweyWest(lags: Int?, smallSampleCorrection: Bool)

    /// The default Newey–West truncation lag `⌊4 (n/100)^(2/9)⌋`.
    ///
    /// - Parameter observationCount: n.
    /// - Returns: The lag count L.
    public static func defaultNeweyWestLags(observationCount: Int) -> Int {
        Int((4 * pow2over9(Double(observationCount) / 100)).rounded(.down))
    }

    private static func pow2over9(_ x: Double) -> Double {
        // x^(2/9) without Foundation: exp((2/9) ln x) via the C library.
        exponential(2.0 / 9.0 * logarithm(x))
    }
}
