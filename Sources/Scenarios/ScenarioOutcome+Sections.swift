import TradeDomain

extension ScenarioOutcome {
    /// The impacts summed by HS section, sections in HS order, then codes outside any single section.
    ///
    /// Each section sums the codes of the scenario that lie in it (``SectionImpact/section(of:)``) by the
    /// same rule as ``totals``, so the sections' forgone values (and bounds) add up to the total, and so do their
    /// quantities when the total has one.
    ///
    /// - Returns: One entry per section that holds at least one of the scenario's codes.
    /// - Complexity: O(codes × periods).
    public var sections: [SectionImpact] {
        var groups: [HSSection?: [CommodityOutcome]] = [:]
        for commodity in commodities { groups[SectionImpact.section(of: commodity.code), default: []].append(commodity) }
        let keys = groups.keys.sorted { left, right in
            switch (left, right) {
            case let (l?, r?): return l < r
            case (.some, .none): return true
            default: return false
            }
        }
        return keys.map { key in
            let members = groups[key] ?? []
            let units = Set(members.compactMap(\.quantityUnit))
            let sameUnit = units.count == 1
            let periods = Set(members.flatMap { $0.periods.map(\.period) }).sorted()
            let rows = periods.map { period -> SectionPeriodImpact in
                let impacts = members.compactMap { member in member.periods.first { $0.period == period } }
                let values = impacts.compactMap(\.forgoneValue)
                return SectionPeriodImpact(period: period, forgoneValue: ImpactTotals.sum(values),
                                           forgoneQuantity: sameUnit ? ImpactTotals.sum(impacts.compactMap(\.forgoneQuantity)) : nil,
                                           valueCodes: values.count)
            }
            return SectionImpact(section: key, codes: members.map(\.code), periods: rows, totals: ImpactTotals.combining(members))
        }
    }
}
