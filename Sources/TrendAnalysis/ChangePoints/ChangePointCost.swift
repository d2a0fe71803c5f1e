/// The segment cost of a change-point search: twice the Gaussian negative log-likelihood, up to a constant.
///
/// ```
/// mean:             C(a, b) = Σ_{a<t≤b} (y[t] − ȳ(a,b))² / σ²          (σ² fixed: the noise variance)
/// meanAndVariance:  C(a, b) = (b − a) · log σ̂²(a, b),  σ̂² = Σ (y[t] − ȳ)² / (b − a)
/// ```
/// These are ruptures' `CostL2` (with σ² = 1) and `CostNormal(add_small_diag=False)`, and
/// R changepoint's `cpt.mean` / `cpt.meanvar` normal costs without their constants.
public enum ChangePointCost: String, Sendable, Equatable, Codable, CaseIterable {
    /// A change in mean with a common, known noise variance.
    case mean
    /// A change in mean and variance.
    case meanAndVariance

    /// Free parameters per segment (1 for `mean`, 2 for `meanAndVariance`); the BIC and AIC penalties scale with it.
    public var parametersPerSegment: Int { self == .mean ? 1 : 2 }
}
