import TradeDomain

/// A what-if sanction timeline: what to look at, how to forecast the no-sanction baseline, and
/// which measures apply (the real calendar, edited, plus new measures).
public struct Scenario: Hashable, Codable, Sendable {
    /// A short name.
    public let name: String
    /// Free text.
    public let description: String?
    /// Reporter, partner, flow and frequency (its commodity is the first of ``hsCodes``).
    public let selection: TradeSelection
    /// The commodities analysed, each separately.
    public let hsCodes: [CommodityCode]
    /// The baseline forecast.
    public let baseline: ScenarioBaseline
    /// Whether every real calendar measure on the selection starts the timeline (`calendar: all`), or
    /// only those of events named by an edit (`calendar: referenced`).
    public let includesCalendar: Bool
    /// Changes to real events.
    public let edits: [CalendarEdit]
    /// New measures.
    public let measures: [ScenarioMeasure]
    /// The seed of every simulation.
    public let seed: UInt64

    /// A scenario.
    ///
    /// - Parameters: One per property.
    public init(name: String, description: String? = nil, selection: TradeSelection, hsCodes: [CommodityCode],
                baseline: ScenarioBaseline = ScenarioBaseline(), includesCalendar: Bool = true,
                edits: [CalendarEdit] = [], measures: [ScenarioMeasure] = [], seed: UInt64 = 20_261_129) {
        self.name = name
        self.description = description
        self.selection = selection
        self.hsCodes = hsCodes
        self.baseline = baseline
        self.includesCalendar = includesCalendar
        self.edits = edits
        self.measures = measures
        self.seed = seed
    }

    /// The sanction direction that restricts the selected flow: goods leaving the partner
    /// (`export`) for a reporter's imports, goods entering it (`import`) for its exports.
    public var restrictingDirection: SanctionDirection {
        selection.flow == .export ? .import : .export
    }

    /// The real calendar's measures on the selected codes and flow, unedited.
    ///
    /// A measure starts on its own or its event's effective date, or the day after its grace
    /// period; it ends the day after its own or its event's expiry. Caps stop at 100% unless edited.
    ///
    /// - Parameter calendar: The sanctions calendar.
    /// - Returns: The measures as ``ScenarioMeasure``s, ids `EVENT` or `EVENT#k`.
    public func calendarMeasures(_ calendar: [SanctionEvent]) -> [ScenarioMeasure] {
        var result: [ScenarioMeasure] = []
        for event in calendar where Self.binds(event, reporter: selection.reporter) {
            let relevant = event.measures.filter { measure in
                measure.direction == restrictingDirection && hsCodes.contains { measure.touches($0) }
            }
            for (k, measure) in relevant.enumerated() {
                let action: ScenarioMeasure.Action
                switch measure.action {
                case .ban: action = .ban
                case .cap: action = .cap
                case .suspension: action = .suspension
                }
                var effective = event.effectiveDate(of: measure)
                if let grace = measure.graceUntil, grace >= effective { effective = grace.nextDay }
                let end = (measure.expires ?? event.expires).map(\.nextDay)
                let cap = action == .cap ? CapRule(measure: measure) : nil
                if action == .cap && cap == nil { continue }
                result.append(ScenarioMeasure(
                    id: relevant.count == 1 ? event.id : "\(event.id)#\(k + 1)", eventID: event.id, action: action,
                    hsCodes: measure.hsCodes, coversAllGoods: measure.coversAllGoods, effective: effective, end: end, cap: cap))
            }
        }
        return result
    }

    /// Whether an event binds the reporter: UN Security Council measures bind every state; a national
    /// measure (authority `China-MOFCOM/GAC`, `US`, ...) binds only its own country.
    ///
    /// - Parameters:
    ///   - event: A calendar event.
    ///   - reporter: The reporting country.
    /// - Returns: Whether its measures restrict the reporter's trade.
    public static func binds(_ event: SanctionEvent, reporter: CountryCode?) -> Bool {
        if event.authority == "UNSC" { return true }
        let national = ["CHN": ["China", "CN"], "USA": ["US", "United States"], "KOR": ["KR", "Korea"], "JPN": ["JP", "Japan"]]
        guard let reporter else { return false }
        let names = (national[reporter.iso3] ?? []) + [reporter.iso3]
        return names.contains { event.authority == $0 || event.authority.hasPrefix($0 + "-") }
    }

    /// The scenario timeline: the calendar's measures (if included) with the edits applied, then the new measures.
    ///
    /// - Parameter calendar: The sanctions calendar.
    /// - Returns: The measures the engine applies.
    public func timeline(_ calendar: [SanctionEvent]) -> [ScenarioMeasure] {
        var result: [ScenarioMeasure] = []
        let events = Dictionary(calendar.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let referenced = Set(edits.map(\.eventID))
        for measure in calendarMeasures(calendar) where includesCalendar || referenced.contains(measure.eventID ?? "") {
            guard let eventID = measure.eventID, let edit = edits.last(where: { $0.eventID == eventID }) else {
                result.append(measure)
                continue
            }
            if edit.drop { continue }
            var edited = measure
            if let shiftTo = edit.shiftTo, let event = events[eventID] {
                let days = event.effectiveDate.daysSinceEpoch
                let offset = shiftTo.daysSinceEpoch - days
                edited = edited.with(effective: CalendarDate(daysSinceEpoch: measure.effective.daysSinceEpoch + offset),
                                     end: .some(measure.end.map { CalendarDate(daysSinceEpoch: $0.daysSinceEpoch + offset) }))
            }
            if let lift = edit.lift { edited = edited.with(end: .some(lift)) }
            edited = edited.with(compliance: edit.compliance, exemptionShare: edit.exemptionShare, phaseInMonths: edit.phaseInMonths)
            if let stop = edit.stopShare, let cap = edited.cap,
               let rule = try? CapRule(valueCap: cap.valueCap, quantityCap: cap.quantityCap, stopShare: stop) {
                edited = ScenarioMeasure(id: edited.id, eventID: edited.eventID, action: edited.action, hsCodes: edited.hsCodes,
                                         coversAllGoods: edited.coversAllGoods, effective: edited.effective, end: edited.end,
                                         compliance: edited.compliance, exemptionShare: edited.exemptionShare,
                                         phaseInMonths: edited.phaseInMonths, cap: rule)
            }
            result.append(edited)
        }
        return result + measures
    }
}
