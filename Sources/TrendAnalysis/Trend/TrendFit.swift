import NumericCore
import TradeDomain

/// What a trend model estimated: a least-squares line or curve, a Mann–Kendall test, or a
/// Theil–Sen slope, according to the ``TrendModel``.
public enum TrendEstimate: Sendable, Equatable, Codable {
    /// A least-squares fit (linear, polynomial, log-linear). For a log-linear trend the fit is on
    /// the log scale and `growth` holds the implied growth rates; otherwise `growth` is `nil`.
    case regression(RegressionResults, growth: GrowthRates?)
    /// The Mann–Kendall test (with the Hamed–Rao correction for `hamedRao`).
    case mannKendall(MannKendallTest)
    /// The Theil–Sen slope with its interval.
    case theilSen(TheilSenEstimate)
}

/// A fitted trend: the result of ``TrendSpecification/fit(_:)``.
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
    /// What the model estimated.
    public let estimate: TrendEstimate

    /// The least-squares fit, for regression models; `nil` otherwise.
    public var regression: RegressionResults? {
        if case let .regression(fit, _) = estimate { return fit }
        return nil
    }
    /// Growth rates, for the log-linear model; `nil` otherwise.
    public var growth: GrowthRates? {
        if case let .regression(_, growth) = estimate { return growth }
        return nil
    }
    /// The Mann–Kendall test, for `mannKendall` and `hamedRao`; `nil` otherwise.
    public var mannKendall: MannKendallTest? {
        if case let .mannKendall(test) = estimate { return test }
        return nil
    }
    /// The Theil–Sen estimate, for `theilSen`; `nil` otherwise.
    public var theilSen: TheilSenEstimate? {
        if case let .theilSen(slope) = estimate { return slope }
        return nil
    }

    init(specification: TrendSpecification, seriesStart: Period, observedOffsets: [Int], missingCount: Int, estimate: TrendEstimate) {
        self.specification = specification
        self.seriesStart = seriesStart
        self.observedOffsets = observedOffsets
        self.missingCount = missingCount
        self.estimate = estimate
    }
}
