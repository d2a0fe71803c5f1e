import TradeDomain

/// A scenario's result for one commodity.
public struct CommodityOutcome: Hashable, Codable, Sendable {
    /// The commodity.
    public let code: CommodityCode
    /// The quantity unit, when the data have quantities.
    public let quantityUnit: String?
    /// How the value and quantity baselines were fitted (absent when they could not be).
    public let baselines: [BaselineSummary]
    /// The scenario measures applied to this commodity.
    public let measures: [ScenarioMeasure]
    /// The real calendar's measures on this commodity.
    public let realMeasures: [ScenarioMeasure]
    /// One row per projected period.
    public let periods: [PeriodImpact]
    /// Sums over the periods.
    public let totals: ImpactTotals
    /// What could not be computed, and why; assumptions that matter.
    public let notes: [String]

    /// An outcome.
    ///
    /// - Parameters: One per property.
    public init(code: CommodityCode, quantityUnit: String?, baselines: [BaselineSummary], measures: [ScenarioMeasure],
                realMeasures: [ScenarioMeasure], periods: [PeriodImpact], totals: ImpactTotals, notes: [String]) {
        self.code = code
        self.quantityUnit = quantityUnit
        self.baselines = baselines
        self.measures = measures
        self.realMeasures = realMeasures
        self.periods = periods
        self.totals = totals
        self.notes = notes
    }
}
