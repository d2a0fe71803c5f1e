import TradeDomain

/// F statistics for a single break at every candidate date of a trimmed range, and the
/// sup-F, ave-F and exp-F tests on them (see ``FStatisticsSpecification``).
///
/// Index convention: `breakIndices` are 0-based indices of the last observation of the first
/// regime; strucchange's `Fstats` time points are these plus one.
public struct FStatistics: Sendable, Equatable, Codable {
    /// The specification that produced this result.
    public let specification: FStatisticsSpecification
    /// n, the observations in the regression.
    public let observationCount: Int
    /// k, the regressors.
    public let regressorCount: Int
    /// The candidate break indices (0-based last observation of the first regime).
    public let breakIndices: [Int]
    /// The candidate periods, aligned with `breakIndices`, or empty when periods are unknown.
    public let periods: [Period]
    /// F(T) for each candidate, aligned with `breakIndices` (strucchange `Fstats$Fstats`).
    public let statistics: [Double]
    /// λ of the trimmed range, which selects the p-value approximation (strucchange `Fstats$par`).
    public let lambda: Double
    /// The candidate with the largest F (the first, if tied).
    public let supremumIndex: Int
    /// Its period, when known.
    public let supremumPeriod: Period?
    /// The supF test (Andrews 1993).
    public let supF: HypothesisTestResult
    /// The aveF test (Andrews and Ploberger 1994).
    public let aveF: HypothesisTestResult
    /// The expF test (Andrews and Ploberger 1994).
    public let expF: HypothesisTestResult
}
