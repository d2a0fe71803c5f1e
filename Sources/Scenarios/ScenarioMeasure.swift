import TradeDomain

/// One measure of a scenario timeline, new or taken from the sanctions calendar, with the
/// assumptions the engine applies: compliance, exempted share, phase-in and end date.
///
/// Within its active months a ban or suspension keeps the share
/// ```
/// retained(month) = 1 - compliance · (1 - exemptionShare) · ramp(month)
/// ramp(k)         = min(1, (k + 1) / phaseInMonths)   (k = 0 in the effective month; 1 without phase-in)
/// ```
/// of the baseline flow; a month cut by the effective or lift date counts by its days in force.
/// A cap lets the flow through until cumulative value or quantity since 1 January (lesser-of,
/// ``CapRule``) reaches the stop share, then retains `1 - compliance` of the excess.
public struct ScenarioMeasure: Hashable, Codable, Sendable {
    /// What the measure does.
    public enum Action: String, Hashable, Codable, Sendable, CaseIterable {
        /// Prohibits the covered flows.
        case ban
        /// Limits the covered flows per calendar year.
        case cap
        /// Prohibits the covered flows until an expiry date.
        case suspension
    }

    /// An id: the user's for a new measure, `EVENT-ID` (or `EVENT-ID#k` for its k-th covered measure) from the calendar.
    public let id: String
    /// The calendar event the measure comes from; `nil` for a new measure.
    public let eventID: String?
    /// Ban, cap or suspension.
    public let action: Action
    /// The HS codes covered (empty with `coversAllGoods`).
    public let hsCodes: [HSCode]
    /// Whether every good is covered.
    public let coversAllGoods: Bool
    /// The first day in force.
    public let effective: CalendarDate
    /// The first day no longer in force (lift date or the day after expiry); `nil` = open-ended.
    public let end: CalendarDate?
    /// Share of the prohibited flow actually stopped, 0...1.
    public let compliance: Double
    /// Share of the covered flow exempted (for example livelihood trade), 0...1.
    public let exemptionShare: Double
    /// Months over which a ban reaches full force (0 = at once).
    public let phaseInMonths: Int
    /// The cap of a `cap` measure.
    public let cap: CapRule?

    /// A measure; values are assumed checked by the caller (``ScenarioFile`` checks them with locations).
    ///
    /// - Parameters: One per property.
    public init(id: String, eventID: String?, action: Action, hsCodes: [HSCode], coversAllGoods: Bool = false,
                effective: CalendarDate, end: CalendarDate?, compliance: Double = 1, exemptionShare: Double = 0,
                phaseInMonths: Int = 0, cap: CapRule? = nil) {
        self.id = id
        self.eventID = eventID
        self.action = action
        self.hsCodes = hsCodes
        self.coversAllGoods = coversAllGoods
        self.effective = effective
        self.end = end
        self.compliance = compliance
        self.exemptionShare = exemptionShare
        self.phaseInMonths = phaseInMonths
        self.cap = cap
    }

    /// Whether the measure covers all of a commodity: one of its codes contains the code, or, for a
    /// chapter range, every chapter of the range.
    ///
    /// - Parameter commodity: The commodity of a series.
    /// - Returns: `true` only for full coverage; partial overlap is ``touchesPartly(_:)``.
    public func covers(_ commodity: CommodityCode) -> Bool {
        if coversAllGoods { return true }
        switch commodity {
        case .total: return false
        case let .hs(code): return hsCodes.contains { $0.covers(code) }
        case let .chapterRange(range):
            return range.allSatisfy { chapter in hsCodes.contains { $0.level == .chapter && $0.chapterNumber == chapter } }
        case let .section(section):
            return section.chapters.allSatisfy { chapter in hsCodes.contains { $0.level == .chapter && $0.chapterNumber == chapter } }
        }
    }

    /// Whether the measure covers part of a commodity but not all of it (not applied; reported).
    ///
    /// - Parameter commodity: The commodity of a series.
    /// - Returns: Whether the overlap is partial.
    public func touchesPartly(_ commodity: CommodityCode) -> Bool {
        guard !covers(commodity) else { return false }
        switch commodity {
        case .total: return !hsCodes.isEmpty
        case let .hs(code): return hsCodes.contains { code.covers($0) }
        case let .chapterRange(range): return hsCodes.contains { range.contains($0.chapterNumber) }
        case let .section(section): return hsCodes.contains { section.chapters.contains($0.chapterNumber) }
        }
    }

    /// A copy with some assumptions changed.
    func with(effective: CalendarDate? = nil, end: CalendarDate?? = nil, compliance: Double? = nil,
              exemptionShare: Double? = nil, phaseInMonths: Int? = nil) -> ScenarioMeasure {
        ScenarioMeasure(id: id, eventID: eventID, action: action, hsCodes: hsCodes, coversAllGoods: coversAllGoods,
                        effective: effective ?? self.effective, end: end ?? self.end,
                        compliance: compliance ?? self.compliance, exemptionShare: exemptionShare ?? self.exemptionShare,
                        phaseInMonths: phaseInMonths ?? self.phaseInMonths, cap: cap)
    }
}
