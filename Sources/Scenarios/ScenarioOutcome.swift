/// The result of running a scenario: per commodity and in total.
public struct ScenarioOutcome: Hashable, Codable, Sendable {
    /// The scenario run.
    public let scenario: Scenario
    /// One entry per selected commodity, in the scenario's order.
    public let commodities: [CommodityOutcome]
    /// Totals over commodities (quantities only when every commodity has the same unit).
    public let totals: ImpactTotals

    /// An outcome.
    ///
    /// - Parameters: One per property.
    public init(scenario: Scenario, commodities: [CommodityOutcome], totals: ImpactTotals) {
        self.scenario = scenario
        self.commodities = commodities
        self.totals = totals
    }
}
