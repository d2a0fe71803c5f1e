/// One reported trade flow: who traded what with whom, when, for how much and how much of it.
///
/// Value and quantity are kept apart and may each be missing (`nil`, "not
/// reported"), which is never the same as zero. A zero quantity with a positive
/// value is kept as reported (tariff-line data may give 0 where the quantity is
/// really missing; see comtradeapicall issue 22) and flagged by
/// ``hasSuspectQuantity``; it yields no ``unitPrice``.
public struct TradeRecord: Hashable, Codable, Sendable {
    /// The period of the flow.
    public let period: Period
    /// The reporting country or area.
    public let reporter: CountryCode
    /// The partner country or area.
    public let partner: CountryCode
    /// The direction of the flow as the reporter sees it.
    public let flow: TradeFlow
    /// What was traded.
    public let commodity: CommodityCode
    /// The source's description of the commodity, as given.
    public let commodityDescription: String?
    /// The classification as given by the source ("H4", "HS2022", ...).
    public let classification: String?
    /// The trade value; `nil` when not reported.
    public let value: MonetaryAmount?
    /// The quantity in its reported unit; `nil` when not reported.
    public let quantity: Quantity?
    /// The net weight in kilograms; `nil` when not reported.
    public let netWeightKilograms: Double?
    /// Whether the source estimated the quantity (Comtrade+ `isQtyEstimated`).
    public let isQuantityEstimated: Bool
    /// Whether the source estimated the net weight (Comtrade+ `isNetWgtEstimated`).
    public let isNetWeightEstimated: Bool
    /// Which source the record came from (a file, a source id of `Data/`).
    public let sourceID: String
    /// A free-text note (conversions applied, caveats).
    public let note: String?

    /// A trade record.
    ///
    /// - Parameters:
    ///   - period: The period of the flow.
    ///   - reporter: The reporting country.
    ///   - partner: The partner country.
    ///   - flow: The direction of the flow.
    ///   - commodity: What was traded.
    ///   - commodityDescription: The source's description; `nil` by default.
    ///   - classification: The classification code; `nil` by default.
    ///   - value: The value; `nil` (not reported) by default.
    ///   - quantity: The quantity; `nil` (not reported) by default.
    ///   - netWeightKilograms: The net weight in kg; `nil` by default.
    ///   - isQuantityEstimated: Whether the quantity was estimated; `false` by default.
    ///   - isNetWeightEstimated: Whether the net weight was estimated; `false` by default.
    ///   - sourceID: The source of the record; empty by default.
    ///   - note: A note; `nil` by default.
    public init(
        period: Period, reporter: CountryCode, partner: CountryCode, flow: TradeFlow, commodity: CommodityCode,
        commodityDescription: String? = nil, classification: String? = nil,
        value: MonetaryAmount? = nil, quantity: Quantity? = nil, netWeightKilograms: Double? = nil,
        isQuantityEstimated: Bool = false, isNetWeightEstimated: Bool = false,
        sourceID: String = "", note: String? = nil
    ) {
        self.period = period
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.commodityDescription = commodityDescription
        self.classification = classification
        self.value = value
        self.quantity = quantity
        self.netWeightKilograms = netWeightKilograms
        self.isQuantityEstimated = isQuantityEstimated
        self.isNetWeightEstimated = isNetWeightEstimated
        self.sourceID = sourceID
        self.note = note
    }

    /// Whether the quantity is reported as zero while the value is positive, which
    /// usually means the quantity is really missing.
    public var hasSuspectQuantity: Bool {
        guard let quantity, let value else { return false }
        return quantity.amount == 0 && value.amount > 0
    }

    /// `value / quantity` when both are reported and the quantity is positive, finite
    /// and measured; `nil` otherwise.
    public var unitPrice: UnitPrice? {
        guard let value, let quantity else { return nil }
        return try? UnitPrice(value: value, quantity: quantity)
    }
}
