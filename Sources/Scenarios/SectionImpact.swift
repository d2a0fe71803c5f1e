import TradeDomain

/// A scenario's impacts summed over the codes of one HS section: per period and in total.
///
/// The sums follow the rule of the scenario total (``ScenarioOutcome/totals``): forgone value
/// adds over codes and periods; forgone quantity adds only when every code of the section has
/// the same quantity unit; interval bounds add (a conservative band). The sections of an
/// outcome therefore add up to its total.
public struct SectionImpact: Hashable, Codable, Sendable {
    /// The section; `nil` for codes that lie in no single section (`TOTAL`, a chapter range across sections).
    public let section: HSSection?
    /// The scenario's codes in this section, in the scenario's order.
    public let codes: [CommodityCode]
    /// Forgone value and quantity of the section's codes, period by period (periods in time order).
    public let periods: [SectionPeriodImpact]
    /// Sums over the codes (and periods).
    public let totals: ImpactTotals

    /// A section's impacts.
    ///
    /// - Parameters:
    ///   - section: The section, or `nil` for codes outside any single section.
    ///   - codes: The codes summed.
    ///   - periods: Sums per period.
    ///   - totals: Sums over everything.
    public init(section: HSSection?, codes: [CommodityCode], periods: [SectionPeriodImpact], totals: ImpactTotals) {
        self.section = section
        self.codes = codes
        self.periods = periods
        self.totals = totals
    }

    /// The section a commodity code lies in: its own for an HS code or a section, the common one for a
    /// chapter range within one section; `nil` for `TOTAL` and ranges across sections.
    ///
    /// - Parameter code: A scenario code.
    /// - Returns: The section, or `nil`.
    public static func section(of code: CommodityCode) -> HSSection? {
        switch code {
        case let .hs(hs): return hs.section
        case let .section(section): return section
        case let .chapterRange(range):
            guard let low = HSNomenclature.section(ofChapter: range.lowerBound),
                  low.chapters.contains(range.upperBound) else { return nil }
            return low
        case .total: return nil
        }
    }
}

/// One section in one period: the forgone flows of its codes summed.
public struct SectionPeriodImpact: Hashable, Codable, Sendable {
    /// The period.
    public let period: Period
    /// Forgone value (USD) summed over the codes with a figure; `nil` when none has one.
    public let forgoneValue: Estimate?
    /// Forgone quantity summed over the codes, when they share a unit and at least one has a figure.
    public let forgoneQuantity: Estimate?
    /// The codes that contributed a forgone value.
    public let valueCodes: Int

    /// A period's sums.
    ///
    /// - Parameters: One per property.
    public init(period: Period, forgoneValue: Estimate?, forgoneQuantity: Estimate?, valueCodes: Int) {
        self.period = period
        self.forgoneValue = forgoneValue
        self.forgoneQuantity = forgoneQuantity
        self.valueCodes = valueCodes
    }
}
