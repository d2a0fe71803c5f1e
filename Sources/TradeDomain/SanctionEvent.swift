/// A dated sanction decision (a UN resolution or a national measure) with its measures.
///
/// Events come from the sanctions calendar (`Data/sanctions/`, built from
/// `sanctions_dprk.yaml`). Trend analysis uses them only as dates with HS codes
/// to annotate breaks and anomalies.
public struct SanctionEvent: Hashable, Codable, Sendable, Identifiable {
    /// A stable identifier, for example `UNSCR-2371`.
    public let id: String
    /// Who adopted it: `UNSC`, `US`, `CN`, ...
    public let authority: String
    /// The day of adoption.
    public let adopted: CalendarDate
    /// The day it took effect, when later than adoption; `nil` to use ``adopted``.
    public let effective: CalendarDate?
    /// When the event's measures end (suspensions); `nil` when open-ended.
    public let expires: CalendarDate?
    /// Who applies it ("all UN member states", "United States only").
    public let partnerScope: String
    /// A short title.
    public let title: String
    /// The measures of the event.
    public let measures: [SanctionMeasure]
    /// Notes; `nil` when none.
    public let notes: String?
    /// Source identifiers (see SANCTIONS_SOURCES.md).
    public let sources: [String]

    /// An event.
    ///
    /// - Parameters:
    ///   - id: The identifier.
    ///   - authority: Who adopted it.
    ///   - adopted: The day of adoption.
    ///   - effective: The day it took effect; `nil` by default (same as adoption).
    ///   - expires: When it ends; `nil` by default.
    ///   - partnerScope: Who applies it.
    ///   - title: A short title.
    ///   - measures: Its measures.
    ///   - notes: Notes; `nil` by default.
    ///   - sources: Source identifiers; empty by default.
    public init(
        id: String, authority: String, adopted: CalendarDate, effective: CalendarDate? = nil,
        expires: CalendarDate? = nil, partnerScope: String, title: String, measures: [SanctionMeasure],
        notes: String? = nil, sources: [String] = []
    ) {
        self.id = id
        self.authority = authority
        self.adopted = adopted
        self.effective = effective
        self.expires = expires
        self.partnerScope = partnerScope
        self.title = title
        self.measures = measures
        self.notes = notes
        self.sources = sources
    }

    /// The day the event took effect: ``effective``, or ``adopted`` when none is given.
    public var effectiveDate: CalendarDate { effective ?? adopted }

    /// The day a measure of this event took effect: its own later start, or the event's.
    ///
    /// - Parameter measure: A measure (normally one of ``measures``).
    /// - Returns: The measure's ``SanctionMeasure/effective`` date or ``effectiveDate``.
    public func effectiveDate(of measure: SanctionMeasure) -> CalendarDate {
        measure.effective ?? effectiveDate
    }

    /// The measures that touch an HS code, optionally in one direction only.
    ///
    /// - Parameters:
    ///   - code: The HS code of a series (see ``SanctionMeasure/covers(_:)`` for the rule).
    ///   - direction: Keep only measures of this direction; `nil` keeps both.
    /// - Returns: The matching measures in their order in the event.
    public func measures(touching code: HSCode, direction: SanctionDirection?) -> [SanctionMeasure] {
        measures.filter { measure in
            measure.covers(code) && (direction == nil || measure.direction == direction)
        }
    }
}
