/// Mirror statistics: one side's trade as its partner reports it.
///
/// A selection (reporter R, partner P, flow F) is answered from the records in
/// which P reports trade with R in the opposite flow: "R's exports to P" are read
/// from P's imports from R (and "R's imports" from P's exports). Each such record
/// is turned around (reporter and partner swapped, flow mirrored) and its value
/// converted by the CIF/FOB convention:
///
/// ```
/// value seen by R = partner's CIF import value / factor   (selection flow export or re-export)
/// value seen by R = partner's FOB export value × factor   (selection flow import or re-import)
/// ```
///
/// Quantities and net weights are not changed. Source ids, classification and
/// estimation flags travel with the record; the note says it is a mirror figure.
public struct MirrorView: Hashable, Sendable {
    /// The CIF/FOB convention applied to values.
    public let convention: CIFFOBConvention

    /// - Parameter convention: The CIF/FOB convention (``CIFFOBConvention/none`` keeps values as reported).
    public init(convention: CIFFOBConvention) {
        self.convention = convention
    }

    /// The selection whose records answer `selection` in the mirror: reporter and
    /// partner swapped, flow mirrored.
    ///
    /// - Parameter selection: The selection as the user sees it.
    /// - Returns: The partner-side selection.
    public func partnerSelection(_ selection: TradeSelection) -> TradeSelection {
        selection.with(
            reporter: selection.partner, partner: selection.reporter, flow: selection.flow?.mirrored,
            from: selection.from, through: selection.through, frequency: selection.frequency)
    }

    /// The partner-side records of a selection, turned around to read as the
    /// selection's own flow, values converted by the convention.
    ///
    /// - Parameters:
    ///   - records: Any records; only the partner side of `selection` is used.
    ///   - selection: The selection as the user sees it.
    /// - Returns: Records with the selection's reporter, partner and flow.
    public func mirroredRecords(_ records: [TradeRecord], for selection: TradeSelection) -> [TradeRecord] {
        let partnerSide = partnerSelection(selection)
        return records.filter(partnerSide.matchesExceptCommodity).map(mirrored)
    }

    /// One record turned around: reporter and partner swapped, flow mirrored, value converted.
    ///
    /// - Parameter record: A record as its reporter reported it.
    /// - Returns: The same trade as its partner would report it, under the convention.
    public func mirrored(_ record: TradeRecord) -> TradeRecord {
        let factor = convention.factor
        let toFOB = record.flow == .import || record.flow == .reImport
        let value = record.value.map { MonetaryAmount(amount: toFOB ? $0.amount / factor : $0.amount * factor, currency: $0.currency) }
        let how = convention == .none ? "no CIF/FOB adjustment" : (toFOB ? "CIF ÷ \(factor)" : "FOB × \(factor)")
        let note = "mirror of \(record.reporter)'s \(record.flow.rawValue) from \(record.partner) (\(how))"
        return TradeRecord(
            period: record.period, reporter: record.partner, partner: record.reporter, flow: record.flow.mirrored,
            commodity: record.commodity, commodityDescription: record.commodityDescription, classification: record.classification,
            value: value, quantity: record.quantity, netWeightKilograms: record.netWeightKilograms,
            isQuantityEstimated: record.isQuantityEstimated, isNetWeightEstimated: record.isNetWeightEstimated,
            sourceID: record.sourceID, note: record.note.map { note + "; " + $0 } ?? note)
    }
}
