import TradeDomain

/// A fitted trend: the result of ``TrendSpecification/fit(_:)``.
///
/// Exactly one of `regression` (linear, log-linear, polynomial), `mannKendall`
/// (Mann–Kendall and Hamed–Rao) and `theilSen` is set, according to the model.
/// For a log-linear trend, `regression` is on the log scale and `growth` holds the
/// implied growth rates.
public struct TrendFit: Sendable, Equatable, Codable {
    /// What was fitted.
    public let specification: TrendSpecification
    /// The first period of the series fitted (missing or not).
    public let seriesStart: Period
    /// The positions of the observations used in the series (0 = `seriesStart`), in order.
    public let observedOffsets: [Int]
    /// The periods of the observations used, in order (missing periods left out).
    public var periods: [Period] { observedOffsets.map { seriesStart.advanced(by: $0) } }
    /// The first period with an observation used, or nil.
    public var firstPeriod: Period? { observedOffsets.first.map { seriesStart.advanced(by: $0) } }
    /// The last period with an observation used, or nil.
    public var lastPeriod: Period? { observedOffsets.last.map { seriesStart.advanced(by: $0) } }
    /// The number of observations used.
    public var observationCount: Int { observedOffsets.count }
    /// The number of missing entries dropped (gaps anywhere in the series, never filled).
    public let missingCount: Int
    /// The least-squares fit, for regression models.
    public let regression: RegressionFit?
    /// Growth rates, for the log-linear model.
    public let growth: GrowthRates?
    /// The Mann–Kendall test, for `mannKendall` and `hamedRao`.
    public let mannKendall: MannKendallTest?
    /// The Theil–Sen estimate, for `theilSen`.
    public let theilSen: TheilSenEstimate?

    init(specification: TrendSpecification, seriesStart: Period, observedOffsets: [Int], missingCount: Int, regression: RegressionFit?,
         growth: GrowthRates?, mannKendall: MannKendallTest?, theilSen: TheilSenEstimate?) {
        self.specification = specification
        self.seriesStart = seriesStart
        self.observedOffsets = observedOffsets
        self.missingCount = missingCount
        self.regression = regression
        self.growth = growth
        self.mannKendall = mannKendall
        self.theilSen = theilSen
    }
}
