import TradeDomain

/// The result of a Bai-Perron multiple-break search.
///
/// Index convention: every break index is 0-based and names the last observation of the regime
/// before the break (strucchange's breakpoint minus one), with its period beside it.
public struct Breakpoints: Sendable, Equatable, Codable {
    /// The specification used.
    public let specification: BreakpointSpecification
    /// The number of observations used (after lags).
    public let observationCount: Int
    /// The number of regressors.
    public let regressorCount: Int
    /// The minimum regime length `h` in observations.
    public let minimumSegmentObservations: Int
    /// The chosen breaks, with their confidence intervals.
    public let breaks: [BreakEstimate]
    /// The regime fits for the chosen breaks.
    public let segments: [BreakSegmentFit]
    /// The RSS of the chosen model.
    public let residualSumOfSquares: Double
    /// The minimal RSS for 0, 1, … M breaks.
    public let residualSumOfSquaresByBreakCount: [Double]
    /// BIC for 0, 1, … M breaks.
    public let bicByBreakCount: [Double]
    /// LWZ for 0, 1, … M breaks.
    public let lwzByBreakCount: [Double]
    /// The optimal break indices for each number of breaks.
    public let breakIndicesByBreakCount: [[Int]]
    /// The periods of the observations used, when known.
    public let periods: [Period]
}
