import TradeDomain

/// A sanction event as cited by an anomaly flag.
public struct SanctionReference: Sendable, Equatable, Codable {
    /// The event's identifier in the calendar.
    public let eventID: String
    /// The event's title.
    public let title: String
    /// The effective date of the earliest measure of the event that covers the series.
    public let date: CalendarDate
    /// The period containing `date`, at the series' frequency.
    public let period: Period
}
