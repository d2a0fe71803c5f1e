/// A sanctions calendar: the measures on one target country's trade, and where it was read from.
///
/// A calendar is data (`Data/sanctions/sanctions_dprk.yaml` for the DPRK, or a user's own file
/// with the same schema). Its events bear on a trade selection only when the target country is a
/// side of the flow: measures of direction ``SanctionDirection/export`` (goods leaving the target)
/// where the target is the exporting side, ``SanctionDirection/import`` where it is the importing
/// side. A calendar on the DPRK says nothing about China's imports from Russia.
public struct SanctionCalendar: Hashable, Sendable {
    /// The country the measures are on (`PRK` for the DPRK calendar).
    public let target: CountryCode
    /// The events in file order.
    public let events: [SanctionEvent]
    /// Where the calendar was read from ("Data/sanctions/sanctions_dprk.yaml", a user's path).
    public let origin: String

    /// A calendar.
    ///
    /// - Parameters:
    ///   - target: The country the measures are on.
    ///   - events: The events.
    ///   - origin: Where the calendar was read from.
    public init(target: CountryCode, events: [SanctionEvent], origin: String) {
        self.target = target
        self.events = events
        self.origin = origin
    }

    /// The direction of goods, seen from the target, of a selection's flow; `nil` when the target
    /// is not a side of the flow (the calendar does not apply).
    ///
    /// The exporting side of an import or re-import flow is the partner; of an export or
    /// re-export flow, the reporter. With no flow given, the target must still be one side.
    ///
    /// - Parameter selection: A selection (for a mirror view, the selection as the user asked it).
    /// - Returns: ``SanctionDirection/export`` when the target exports, ``SanctionDirection/import``
    ///   when it imports, `nil` when the calendar does not bear on the selection.
    public func direction(of selection: TradeSelection) -> SanctionDirection? {
        guard let flow = selection.flow else { return nil }
        let exporter = flow == .import || flow == .reImport ? selection.partner : selection.reporter
        let importer = flow == .import || flow == .reImport ? selection.reporter : selection.partner
        if exporter == target { return .export }
        if importer == target { return .import }
        return nil
    }

    /// Whether the calendar bears on a selection (the target is one side of its flow).
    ///
    /// - Parameter selection: A selection.
    public func applies(to selection: TradeSelection) -> Bool {
        direction(of: selection) != nil
    }

    /// The country whose own (national) measures bind the selection's trade: the side that is not the target.
    ///
    /// - Parameter selection: A selection the calendar applies to.
    /// - Returns: The other side of the flow, or `nil` when the calendar does not apply or that side is open.
    public func counterpart(of selection: TradeSelection) -> CountryCode? {
        guard applies(to: selection) else { return nil }
        return selection.reporter == target ? selection.partner : selection.reporter
    }
}
