import TradeDomain

/// A CUSUM fluctuation process and its boundary-crossing test (see ``FluctuationProcessSpecification``).
public struct FluctuationProcess: Sendable, Equatable, Codable {
    /// The specification that produced this result.
    public let specification: FluctuationProcessSpecification
    /// n, the observations in the regression.
    public let observationCount: Int
    /// k, the regressors.
    public let regressorCount: Int
    /// The standardised process, starting with 0 (strucchange `efp$process`).
    public let process: [Double]
    /// For each process value, the 0-based index of the last observation it includes (−1 for an OLS-CUSUM origin).
    public let endIndices: [Int]
    /// The periods of `endIndices` (`nil` before the first observation), or empty when periods are unknown.
    public let endPeriods: [Period?]
    /// The residual standard deviation used for standardising (σ̂ or σ̃).
    public let residualStandardDeviation: Double
    /// The boundary-crossing test on the process (strucchange `sctest.efp`, max functional).
    public let test: HypothesisTestResult
}
