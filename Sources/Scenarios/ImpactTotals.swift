/// Forgone value and quantity summed over periods (and commodities).
///
/// Interval bounds are sums of the per-period bounds: a conservative band (wider than the
/// interval of the sum, which would need the joint forecast distribution).
public struct ImpactTotals: Hashable, Codable, Sendable {
    /// Forgone value in USD; `nil` when no period could be computed.
    public let forgoneValue: Estimate?
    /// Forgone quantity (in ``quantityUnit``); `nil` when none could be computed or units differ.
    public let forgoneQuantity: Estimate?
    /// The quantity unit's abbreviation, for example `t`.
    public let quantityUnit: String?
    /// Periods with a forgone value.
    public let valuePeriods: Int
    /// Periods with a forgone quantity.
    public let quantityPeriods: Int

    /// Totals.
    ///
    /// - Parameters: One per property.
    public init(forgoneValue: Estimate?, forgoneQuantity: Estimate?, quantityUnit: String?, valuePeriods: Int, quantityPeriods: Int) {
        self.forgoneValue = forgoneValue
        self.forgoneQuantity = forgoneQuantity
        self.quantityUnit = quantityUnit
        self.valuePeriods = valuePeriods
        self.quantityPeriods = quantityPeriods
    }

    /// Sums of estimates, or `nil` for none.
    static func sum(_ estimates: [Estimate]) -> Estimate? {
        guard !estimates.isEmpty else { return nil }
        return Estimate(mean: estimates.reduce(0) { $0 + $1.mean }, lower: estimates.reduce(0) { $0 + $1.lower },
                        upper: estimates.reduce(0) { $0 + $1.upper })
    }

    /// Totals over commodities: values always add; quantities only when every commodity has the same unit.
    static func combining(_ outcomes: [CommodityOutcome]) -> ImpactTotals {
        let units = Set(outcomes.compactMap(\.quantityUnit))
        let quantityTotals = units.count == 1 ? outcomes.compactMap(\.totals.forgoneQuantity) : []
        return ImpactTotals(forgoneValue: sum(outcomes.compactMap(\.totals.forgoneValue)),
                            forgoneQuantity: sum(quantityTotals), quantityUnit: units.count == 1 ? units.first : nil,
                            valuePeriods: outcomes.reduce(0) { $0 + $1.totals.valuePeriods },
                            quantityPeriods: quantityTotals.isEmpty ? 0 : outcomes.reduce(0) { $0 + $1.totals.quantityPeriods })
    }
}
