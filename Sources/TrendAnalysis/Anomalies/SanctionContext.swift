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
    /// The direction of goods seen from the calendar's target, or `nil` to keep measures of both directions.
    public let direction: SanctionDirection?

    /// A context.
    ///
    /// - Parameters:
    ///   - events: The whole calendar.
    ///   - hsCodes: The series' HS codes (a measure covers a code at any HS level, ``SanctionMeasure/covers(_:)``).
    ///   - reporter: The reporting country (``SanctionEvent/binds(_:)``), or `nil`.
    ///   - direction: Keep only measures on goods moving this way (seen from the calendar's target), or `nil`.
    public init(events: [SanctionEvent], hsCodes: [HSCode], reporter: CountryCode?, direction: SanctionDirection? = nil) {
        self.hsCodes = hsCodes
        self.reporter = reporter
        self.direction = direction
        self.events = events.filter { event in
            (reporter.map { event.binds($0) } ?? true) && !Self.coveringMeasures(event, hsCodes, direction).isEmpty
        }
    }

    /// The context of a trade selection under a calendar: its HS code, the measures on goods moving
    /// the selection's way as seen from the calendar's target, binding the side that is not the target.
    /// When the target is not a side of the selection's flow, no event is relevant (a calendar on
    /// the DPRK says nothing about China's imports from Russia).
    ///
    /// - Parameters:
    ///   - calendar: The sanctions calendar.
    ///   - selection: The selection of the series (for a mirror view, the selection as asked).
    public init(calendar: SanctionCalendar, selection: TradeSelection) {
        // A chapter range or section stands for its chapters (never for "every code", which would hold
        // an arms ban against clothing); TOTAL keeps every event.
        var codes: [HSCode] = []
        switch selection.commodity {
        case let .hs(code): codes = [code]
        case .section, .chapterRange:
            codes = (selection.commodity.chapterSpan ?? 0...(-1)).compactMap { try? HSCode($0 < 10 ? "0\($0)" : String($0)) }
        case .total: codes = []
        }
        guard let direction = calendar.direction(of: selection) else {
            self.init(events: [], hsCodes: codes, reporter: nil)
            return
        }
        let reporter = selection.reporter == calendar.target ? nil : selection.reporter
        self.init(events: calendar.events, hsCodes: codes, reporter: reporter, direction: direction)
    }

    /// The measures of `event` that cover the series.
    func coveringMeasures(_ event: SanctionEvent) -> [SanctionMeasure] {
        Self.coveringMeasures(event, hsCodes, direction)
    }

    static func coveringMeasures(_ event: SanctionEvent, _ codes: [HSCode], _ direction: SanctionDirection?) -> [SanctionMeasure] {
        event.measures.filter { measure in
            (direction == nil || measure.direction == direction) && (codes.isEmpty || codes.contains { measure.covers($0) })
        }
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
            let measures = coveringMeasures(event)
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
