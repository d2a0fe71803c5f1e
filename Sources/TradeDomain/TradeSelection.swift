/// Which trade records a question is about: reporter, partner, flow, one
/// commodity code, a period range and a frequency.
///
/// A selection does not itself hold records; `TradeSeriesBuilder` applies it.
public struct TradeSelection: Hashable, Codable, Sendable {
    /// The reporting country (whose customs recorded the flow); `nil` = any.
    public let reporter: CountryCode?
    /// The partner country; `nil` = any.
    public let partner: CountryCode?
    /// The flow as the reporter records it; `nil` = any.
    public let flow: TradeFlow?
    /// The commodity: an HS code at any level, a chapter range, or all goods.
    public let commodity: CommodityCode
    /// First period included; `nil` = from the first observation.
    public let from: Period?
    /// Last period included; `nil` = to the last observation.
    public let through: Period?
    /// The frequency of the series.
    public let frequency: Frequency

    public init(
        reporter: CountryCode? = nil, partner: CountryCode? = nil, flow: TradeFlow? = nil,
        commodity: CommodityCode, from: Period? = nil, through: Period? = nil, frequency: Frequency = .annual
    ) {
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.from = from
        self.through = through
        self.frequency = frequency
    }

    /// The same selection for another commodity.
    public func with(commodity: CommodityCode) -> TradeSelection {
        TradeSelection(reporter: reporter, partner: partner, flow: flow, commodity: commodity, from: from, through: through, frequency: frequency)
    }

    /// Whether a record matches reporter, partner, flow, frequency and period range
    /// (the commodity is matched separately, because of roll-up).
    public func matchesExceptCommodity(_ record: TradeRecord) -> Bool {
        if let reporter, record.reporter != reporter { return false }
        if let partner, record.partner != partner { return false }
        if let flow, record.flow != flow { return false }
        if record.period.frequency != frequency { return false }
        if let from, record.period < from { return false }
        if let through, record.period > through { return false }
        return true
    }
}

extension TradeSelection {
    /// The same selection over every period (no `from` or `through`).
    public var openPeriods: TradeSelection {
        TradeSelection(reporter: reporter, partner: partner, flow: flow, commodity: commodity, frequency: frequency)
    }
}
