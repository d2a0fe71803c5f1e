/// Which stored records a query reads, before any series is built: the part of a
/// selection that a record source (the bundled data in memory, a store through SQL)
/// can apply row by row.
///
/// A filter is wider than the series it feeds: a commodity takes in every record
/// whose code it covers at any level (HS 27 takes in 27, 2701 and 270112, so that
/// the series builder can prefer a reported aggregate or roll codes up), and a
/// period range takes in every record whose period lies inside it in calendar time
/// (2016-Q1 takes in the months 2016-01 to 2016-03, so that quarters can be built
/// from months). `nil` in any field means "any".
///
/// ``matches(_:)`` is the definition: a store that answers the filter in SQL must
/// return exactly the records for which it is `true` (tested differentially).
public struct RecordFilter: Hashable, Sendable {
    /// Reporting countries; `nil` = any.
    public let reporters: Set<CountryCode>?
    /// Partner countries; `nil` = any.
    public let partners: Set<CountryCode>?
    /// Flows as the reporter records them; `nil` = any.
    public let flows: Set<TradeFlow>?
    /// Commodities, each taking in itself and every code it covers; `nil` = every code.
    /// ``CommodityCode/total`` takes in every record, reported totals included.
    public let commodities: [CommodityCode]?
    /// Frequencies of the records' periods; `nil` = any.
    public let frequencies: Set<Frequency>?
    /// First period; a record is taken in when its period starts on or after this period's first day.
    public let from: Period?
    /// Last period; a record is taken in when its period ends on or before this period's last day.
    public let through: Period?
    /// Classifications as recorded (`H4`, `H5`, ...); `nil` = any. A record without one matches no set.
    public let classifications: Set<String>?
    /// Source ids; `nil` = any.
    public let sources: Set<String>?

    /// A filter.
    ///
    /// - Parameters:
    ///   - reporters: Reporting countries, or `nil` for any.
    ///   - partners: Partner countries, or `nil` for any.
    ///   - flows: Flows, or `nil` for any.
    ///   - commodities: Commodities, or `nil` for every code.
    ///   - frequencies: Frequencies, or `nil` for any.
    ///   - from: First period, or `nil`.
    ///   - through: Last period, or `nil`.
    ///   - classifications: Classifications, or `nil` for any.
    ///   - sources: Source ids, or `nil` for any.
    public init(
        reporters: Set<CountryCode>? = nil, partners: Set<CountryCode>? = nil, flows: Set<TradeFlow>? = nil,
        commodities: [CommodityCode]? = nil, frequencies: Set<Frequency>? = nil, from: Period? = nil, through: Period? = nil,
        classifications: Set<String>? = nil, sources: Set<String>? = nil
    ) {
        self.reporters = reporters
        self.partners = partners
        self.flows = flows
        self.commodities = commodities.map { codes in
            var seen = Set<CommodityCode>()
            return codes.filter { seen.insert($0).inserted }
        }
        self.frequencies = frequencies
        self.from = from
        self.through = through
        self.classifications = classifications
        self.sources = sources
    }

    /// The records a selection's series is built from: its reporter, partner, flow and
    /// commodity, periods of its frequency or a shorter one (an annual figure may be summed from
    /// months) within its range.
    ///
    /// - Parameter selection: A selection.
    public init(_ selection: TradeSelection) {
        self.init(
            reporters: selection.reporter.map { [$0] }, partners: selection.partner.map { [$0] },
            flows: selection.flow.map { [$0] }, commodities: [selection.commodity],
            frequencies: Set(Frequency.allCases.filter { $0 >= selection.frequency }), from: selection.from, through: selection.through,
            classifications: selection.classification.map { [$0] }, sources: selection.source.map { [$0] })
    }

    /// Whether a commodity filter takes in a record's code.
    ///
    /// - Parameters:
    ///   - filter: A commodity of the filter.
    ///   - code: A record's commodity.
    /// - Returns: `true` when `filter` is ``CommodityCode/total``, equals `code`, or covers it.
    public static func commodity(_ filter: CommodityCode, takesIn code: CommodityCode) -> Bool {
        filter == .total || filter == code || filter.covers(code)
    }

    /// Whether a record passes the filter (the definition every record source follows).
    ///
    /// - Parameter record: A record.
    /// - Returns: `true` when every non-`nil` field admits the record.
    public func matches(_ record: TradeRecord) -> Bool {
        if let reporters, !reporters.contains(record.reporter) { return false }
        if let partners, !partners.contains(record.partner) { return false }
        if let flows, !flows.contains(record.flow) { return false }
        if let frequencies, !frequencies.contains(record.period.frequency) { return false }
        if let from, record.period.firstDay < from.firstDay { return false }
        if let through, record.period.lastDay > through.lastDay { return false }
        if let classifications, !(record.classification.map(classifications.contains) ?? false) { return false }
        if let sources, !sources.contains(record.sourceID) { return false }
        if let commodities, !commodities.contains(where: { Self.commodity($0, takesIn: record.commodity) }) { return false }
        return true
    }
}
