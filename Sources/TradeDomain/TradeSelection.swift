/// Which trade records a question is about: reporter, partner, flow, one
/// commodity code, a period range and a frequency; optionally one classification
/// (HS version) and one source.
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
    /// The classification of the records read, as recorded (`H4`, `H5`, ...); `nil` = any.
    public let classification: String?
    /// The source id of the records read; `nil` = any (the series builder then picks among sources).
    public let source: String?

    public init(
        reporter: CountryCode? = nil, partner: CountryCode? = nil, flow: TradeFlow? = nil,
        commodity: CommodityCode, from: Period? = nil, through: Period? = nil, frequency: Frequency = .annual,
        classification: String? = nil, source: String? = nil
    ) {
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.commodity = commodity
        self.from = from
        self.through = through
        self.frequency = frequency
        self.classification = classification
        self.source = source
    }

    /// The same selection for another commodity.
    public func with(commodity: CommodityCode) -> TradeSelection {
        TradeSelection(reporter: reporter, partner: partner, flow: flow, commodity: commodity, from: from, through: through, frequency: frequency,
                       classification: classification, source: source)
    }

    /// The same selection with other countries, flow, periods or frequency; the commodity, classification and
    /// source are kept.
    public func with(reporter: CountryCode?, partner: CountryCode?, flow: TradeFlow?,
                     from: Period?, through: Period?, frequency: Frequency) -> TradeSelection {
        TradeSelection(reporter: reporter, partner: partner, flow: flow, commodity: commodity, from: from, through: through, frequency: frequency,
                       classification: classification, source: source)
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
        if let classification, record.classification != classification { return false }
        if let source, record.sourceID != source { return false }
        return true
    }
}

extension TradeSelection {
    /// The same selection over every period (no `from` or `through`).
    public var openPeriods: TradeSelection {
        TradeSelection(reporter: reporter, partner: partner, flow: flow, commodity: commodity, frequency: frequency,
                       classification: classification, source: source)
    }
}
