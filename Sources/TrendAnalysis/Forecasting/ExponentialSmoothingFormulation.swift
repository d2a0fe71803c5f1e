/// Which exponential smoothing recursions, start-up and estimation criterion a model uses.
///
/// - `stateSpace`: the innovations state space model ETS(E, T, S) of Hyndman et al. (2008),
///   as R `forecast::ets` runs it. Initial states are estimated with the smoothing
///   parameters by **maximum likelihood** (the concentrated likelihood
///   `n log Σ e² (+ 2 Σ log |ŷ|` for multiplicative errors)), within the "usual" bounds
///   `1e-4 ≤ β ≤ α ≤ 0.9999`, `γ ≤ 1 − α`, `0.8 ≤ φ ≤ 0.98`.
/// - `holtWinters`: the Holt-Winters recursions of R `stats::HoltWinters`, started from a
///   classical decomposition of the first two cycles (seasonal) or the first two
///   observations (non-seasonal); α, β, γ in [0, 1] minimise the **sum of squared**
///   one-step errors.
public enum ExponentialSmoothingFormulation: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// ETS state space model, maximum likelihood (R `forecast::ets`).
    case stateSpace
    /// Holt-Winters, least squares (R `stats::HoltWinters`).
    case holtWinters
}
