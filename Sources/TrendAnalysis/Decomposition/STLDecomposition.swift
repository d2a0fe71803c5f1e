import TradeDomain

/// The result of an STL decomposition: trend, seasonal and remainder aligned with the input.
///
/// `observed[t] == trend[t] + seasonal[t] + remainder[t]` up to rounding.
/// Arrays are 0-based and aligned with ``periods`` (empty when the input had no calendar).
///
/// Reference: statsmodels `DecomposeResult` (`trend`, `seasonal`, `resid`, `weights`).
public struct STLDecomposition: Sendable, Equatable, Codable {
    /// The specification with every window, degree, jump and iteration count resolved.
    public let specification: STLSpecification
    /// The period of each observation; empty when decomposed from bare values.
    public let periods: [Period]
    /// The input values.
    public let observed: [Double]
    /// The trend component.
    public let trend: [Double]
    /// The seasonal component.
    public let seasonal: [Double]
    /// The remainder, `observed - trend - seasonal`.
    public let remainder: [Double]
    /// The robustness weights of the last pass (all 1 when not robust).
    public let weights: [Double]
}
