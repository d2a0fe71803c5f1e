import TradeDomain

/// A change to a real calendar event in a scenario: drop it, move it, or change its assumptions.
/// Every measure of the event that covers a selected code is changed alike; a shift moves each
/// measure's dates by the same number of days.
public struct CalendarEdit: Hashable, Codable, Sendable {
    /// The event id in the sanctions calendar.
    public let eventID: String
    /// Remove the event from the scenario timeline.
    public let drop: Bool
    /// The new effective date of the event (its measures keep their offsets from it).
    public let shiftTo: CalendarDate?
    /// New compliance, 0...1.
    public let compliance: Double?
    /// New exempted share, 0...1.
    public let exemptionShare: Double?
    /// New phase-in in months.
    public let phaseInMonths: Int?
    /// A lift date (first day no longer in force).
    public let lift: CalendarDate?
    /// New stop share of a cap, (0, 1].
    public let stopShare: Double?

    /// An edit.
    ///
    /// - Parameters: One per property.
    public init(eventID: String, drop: Bool = false, shiftTo: CalendarDate? = nil, compliance: Double? = nil,
                exemptionShare: Double? = nil, phaseInMonths: Int? = nil, lift: CalendarDate? = nil, stopShare: Double? = nil) {
        self.eventID = eventID
        self.drop = drop
        self.shiftTo = shiftTo
        self.compliance = compliance
        self.exemptionShare = exemptionShare
        self.phaseInMonths = phaseInMonths
        self.lift = lift
        self.stopShare = stopShare
    }
}
