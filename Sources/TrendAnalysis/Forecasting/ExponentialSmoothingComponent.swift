/// The form of one component of an exponential smoothing model (the letters of ETS(E, T, S)).
///
/// Error: `additive` (A) or `multiplicative` (M). Trend: `none` (N), `additive` (A) or
/// `additiveDamped` (Ad). Seasonality: `none` (N), `additive` (A) or `multiplicative` (M).
/// Reference: Hyndman, Koehler, Ord and Snyder (2008), *Forecasting with Exponential
/// Smoothing*, Table 2.1; R `forecast::ets(model = "MAM")`.
public enum ExponentialSmoothingComponent: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// Absent (N).
    case none
    /// Additive (A).
    case additive
    /// Additive and damped by `phi` (Ad); a trend only.
    case additiveDamped
    /// Multiplicative (M); an error or a seasonal component only.
    case multiplicative

    /// The ETS letter: N, A, Ad or M.
    public var letter: String {
        switch self {
        case .none: return "N"
        case .additive: return "A"
        case .additiveDamped: return "Ad"
        case .multiplicative: return "M"
        }
    }
}
