import TradeDomain

/// The sanction calendar as it applies to one series: the events with a measure covering the
/// series' HS codes that bind its reporter (the importer for import measures).
public struct SanctionContext: Sendable, Equatable {
    /// The relevant events.
    public let events: [SanctionEvent]
    /// The series' HS codes; empty means every event with any measure.
    public let hsCodes: [HSCode]
    /// The country whose trade the series reports, or `nil` to keep events of every authority.
    public let reporter: CountryCode?

    /// A context.
    ///
    /// - Parameters:
    ///   - events: The whole calendar.
    ///   - hsCodes: The series' HS codes (a measure covers a code at any HS level, ``SanctionMeasure/covers(_:)``).
    ///   - reporter: The reporting country (``SanctionEvent/binds(_:)``), or `nil`.
    public init(events: [SanctionEvent], hsCodes: [HSCode], reporter: CountryCode?) {
        self.hsCodes = hsCodes
        self.reporter = reporter
        self.events = events.filter { event in
            (reporter.map { event.binds($0) } ?? true) && !Self.coveringMeasures(event, hsCodes).isEmpty
        }
    }

    static func coveringMeasures(_ event: SanctionEvent, _ codes: [HSCode]) -> [SanctionMeasure] {
        codes.isEmpty ? event.measures : event.measures.filter { measure in codes.contains { measure.covers($0) } }
    }

    /// The relevant event whose covering-measure date is nearest to `period`, and the signed
    /// distance in periods from that event's period to `period` (positive: after the event).
    ///
    /// Ties go to the earlier event.
    ///
    /// - Parameter period: A period of the series.
    /// - Returns: The reference and the offset, or `nil` when no event is relevant.
    public func nearest(to period: Period) -> (sanction: SanctionReference, offset: Int)? {
        var best: (SanctionReference, Int)?
        for event in events {
            let measures = Self.coveringMeasures(event, hsCodes)
            guard let date = measures.map({ event.effectiveDate(of: $0) }).min() else { continue }
            let eventPeriod = Period.containing(date, frequency: period.frequency)
            let offset = eventPeriod.distance(to: period)
            let reference = SanctionReference(eventID: event.id, title: event.title, date: date, period: eventPeriod)
            if let current = best {
                if abs(offset) < abs(current.1) || (abs(offset) == abs(current.1) && date < current.0.date) { best = (reference, offset) }
            } else {
                best = (reference, offset)
            }
        }
        return best.map { (sanction: $0.0, offset: $0.1) }
    }
}
