import Foundation
import TradeDomain
import TradeIO
import TrendAnalysis

/// Which series of a trade selection an analysis reads.
public enum AnalysisMeasure: String, Sendable, CaseIterable {
    case value, quantity
    case unitPrice = "unit-price"

    /// The series of this measure in a trade series, or `nil` when it has no figure; partial sums of
    /// shorter periods count only with `allowingPartial`.
    public func series(of trade: TradeSeries, allowingPartial: Bool = false) -> TimeSeries<Double>? {
        switch self {
        case .value: return trade.valueSeries(allowingPartial: allowingPartial)
        case .quantity: return trade.quantitySeries(allowingPartial: allowingPartial)
        case .unitPrice: return trade.unitPriceSeries(allowingPartial: allowingPartial)
        }
    }

    /// The unit of this measure in a trade series ("USD", "t", "USD per t").
    public func unit(of trade: TradeSeries) -> String {
        switch self {
        case .value: return "USD"
        case .quantity: return trade.quantityUnit?.abbreviation ?? ""
        case .unitPrice: return "USD per \(trade.quantityUnit?.abbreviation ?? "unit")"
        }
    }
}

/// How `--by` splits a selection into groups (CLI.md "Common").
public enum Grouping: String, Sendable, CaseIterable {
    case hs6, hs4, hs2, partner, reporter

    /// The HS level of a code grouping; `nil` for a country grouping.
    public var level: HSLevel? {
        switch self {
        case .hs6: return .subheading
        case .hs4: return .heading
        case .hs2: return .chapter
        case .partner, .reporter: return nil
        }
    }

    /// The group a record belongs to, or `nil` when it belongs to none (a code coarser than the level).
    public func key(of record: TradeRecord) -> String? {
        switch self {
        case .partner: return record.partner.iso3
        case .reporter: return record.reporter.iso3
        case .hs6, .hs4, .hs2:
            guard case let .hs(code) = record.commodity, let level, code.level >= level else { return nil }
            return code.rolledUp(to: level).description
        }
    }

    /// The selection of one group: the user's selection with the group's code, partner or reporter.
    func selection(_ selection: TradeSelection, key: String) throws -> TradeSelection {
        switch self {
        case .hs6, .hs4, .hs2: return selection.with(commodity: .hs(try HSCode(key)))
        case .partner:
            return selection.with(reporter: selection.reporter, partner: try CountryCode(key), flow: selection.flow,
                                  from: selection.from, through: selection.through, frequency: selection.frequency)
        case .reporter:
            return selection.with(reporter: try CountryCode(key), partner: selection.partner, flow: selection.flow,
                                  from: selection.from, through: selection.through, frequency: selection.frequency)
        }
    }

    /// The grouping as seen on the records read: under a mirror view the user's partner is the
    /// records' reporter and the other way round.
    public func onRecordSide(mirror: MirrorView?) -> Grouping {
        guard mirror != nil else { return self }
        switch self {
        case .partner: return .reporter
        case .reporter: return .partner
        default: return self
        }
    }

    /// The selection whose records hold every group: the grouped side left open.
    public func open(_ selection: TradeSelection) -> TradeSelection {
        switch self {
        case .hs6, .hs4, .hs2: return selection
        case .partner:
            return selection.with(reporter: selection.reporter, partner: nil, flow: selection.flow,
                                  from: selection.from, through: selection.through, frequency: selection.frequency)
        case .reporter:
            return selection.with(reporter: nil, partner: selection.partner, flow: selection.flow,
                                  from: selection.from, through: selection.through, frequency: selection.frequency)
        }
    }
}

/// The series an analysis command works on, with its label and the JSON-ready description of where it came from.
public struct AnalysisInput: Sendable {
    /// The series analysed.
    public let series: TimeSeries<Double>
    /// What it is, for headings.
    public let label: String
    /// The trade series and selection, when the input is a trade selection (not a `period,value` file).
    public let trade: TradeSeries?
    /// The selection as asked, when the input is a trade selection.
    public let selection: TradeSelection?

    /// An input.
    public init(series: TimeSeries<Double>, label: String, trade: TradeSeries?, selection: TradeSelection?) {
        self.series = series
        self.label = label
        self.trade = trade
        self.selection = selection
    }
}

/// The groups of `--by`: each group's key, selection and trade series, or why it has none.
public struct AnalysisGroups: Sendable {
    /// The group keys (HS code or ISO3), sorted.
    public let keys: [String]
    /// Each group's selection, as its single run would be asked.
    public let selections: [TradeSelection]
    /// Each group's trade series, or the error of building it.
    public let trades: [Result<TradeSeries, AnalysisError>]

    /// Groups built elsewhere (one group of a record stream, say), index by index.
    public init(keys: [String], selections: [TradeSelection], trades: [Result<TradeSeries, AnalysisError>]) {
        self.keys = keys
        self.selections = selections
        self.trades = trades
    }

    /// The measure series of group `index`.
    ///
    /// - Throws: `AnalysisError` when the group's series could not be built or has no figure of the measure.
    public func series(_ index: Int, measure: AnalysisMeasure, allowingPartial: Bool = false) throws(AnalysisError) -> TimeSeries<Double> {
        let trade = try trades[index].get()
        guard let series = measure.series(of: trade, allowingPartial: allowingPartial) else {
            throw .invalidParameter(name: "measure", value: measure.rawValue, constraint: "group \(keys[index]) has no \(measure.rawValue) figures")
        }
        return series
    }
}

extension Workspace {
    /// The series of a trade selection's measure, with its label.
    ///
    /// - Throws: ``TradeScopeKitError/noRecords(selection:present:)``; `AnalysisError.invalidParameter`
    ///   when the selection has no figure of the measure.
    public func analysisInput(_ selection: TradeSelection, measure: AnalysisMeasure, mirror: MirrorView? = nil,
                              quantity: QuantityMeasure = .reported, allowingPartial: Bool = false) throws -> AnalysisInput {
        let trade = try series(selection, mirror: mirror, quantity: quantity).series
        guard let measured = measure.series(of: trade, allowingPartial: allowingPartial) else {
            throw AnalysisError.invalidParameter(name: "measure", value: measure.rawValue,
                                                 constraint: "the selection (\(describe(selection))) has no \(measure.rawValue) figures")
        }
        return AnalysisInput(series: measured, label: "\(measure.rawValue) (\(measure.unit(of: trade))) of HS \(selection.commodity), \(label(selection, mirror: mirror))",
                             trade: trade, selection: selection)
    }

    /// Splits a selection by `--by` and builds every group's trade series from one read of the
    /// records that hold all groups. Each group's series is the one its single run builds (the same
    /// records, the same builder): tested field by field.
    ///
    /// - Parameters:
    ///   - selection: The selection as asked (for a mirror view, the user's side).
    ///   - grouping: The grouping.
    ///   - mirror: The mirror view, if any (code groupings only).
    ///   - quantity: The quantity measure.
    ///   - progress: Called once per group built.
    /// - Throws: `TradeIOError` when the store cannot be read; ``TradeScopeKitError/noRecords(selection:present:)``
    ///   when the selection holds no group.
    public func analysisGroups(_ selection: TradeSelection, by grouping: Grouping, mirror: MirrorView? = nil,
                               quantity: QuantityMeasure = .reported, progress: (() -> Void)? = nil) throws -> AnalysisGroups {
        let side = mirror.map { $0.partnerSelection(selection) } ?? selection
        let sideGrouping = grouping.onRecordSide(mirror: mirror)
        var keys: [String] = [], selections: [TradeSelection] = [], trades: [Result<TradeSeries, AnalysisError>] = []
        // One read in group order: only one group's records are held at a time; each becomes its series.
        try source.forEachGroup(matching: RecordFilter(sideGrouping.open(side)), by: sideGrouping) { key, records in
            defer { progress?() }
            let group = try self.group(key, records: records, of: selection, by: grouping, mirror: mirror, quantity: quantity)
            keys.append(key)
            selections.append(group.selection)
            trades.append(group.series)
        }
        guard !keys.isEmpty else { throw try nothingFound(sideGrouping.open(side)) }
        return AnalysisGroups(keys: keys, selections: selections, trades: trades)
    }

    /// One group of `--by`: its selection and its series built from its records (the records of the
    /// group's side, e.g. read from a store or streamed from standard input), exactly as its single
    /// run builds them. Every way of forming groups (store, stream) goes through here.
    ///
    /// - Parameters:
    ///   - key: The group key (an HS code, or a reporter or partner code).
    ///   - records: The group's records as reported (the partner's side for a mirror view).
    ///   - selection: The selection as asked.
    ///   - grouping: The grouping.
    ///   - mirror: The mirror view, if any.
    ///   - quantity: The quantity measure.
    /// - Throws: `TradeDomainError` when the key is not a code of the grouping.
    public func group(_ key: String, records: [TradeRecord], of selection: TradeSelection, by grouping: Grouping,
                      mirror: MirrorView? = nil, quantity: QuantityMeasure = .reported) throws -> (selection: TradeSelection, series: Result<TradeSeries, AnalysisError>) {
        let group = try grouping.selection(selection, key: key)
        do {
            let built = try builder(quantity: quantity).build(mirror.map { $0.mirroredRecords(records, for: group) } ?? records, selection: group)
            return (group, .success(built))
        } catch {
            return (group, .failure(.seriesFailed(step: "building the series of group \(key)", error)))
        }
    }
}

extension Workspace {
    /// The monthly value series of an annual selection's code through a structural model, for the
    /// report's monthly section: the latest stretch of months with no gap longer than a year (older
    /// isolated months say little about the level), at least 12 months observed; outliers and level
    /// shifts flagged at |auxiliary residual| > 2 with their nearest covering events.
    ///
    /// - Returns: The fit, the flags and a sentence on the window; `nil` when the code has too few
    ///   months (or none) or the model cannot be fitted.
    public func monthlyStructural(_ selection: TradeSelection, mirror: MirrorView? = nil) -> (fit: StructuralModelFit, flags: [AnomalyFlag], window: String)? {
        let monthly = selection.with(reporter: selection.reporter, partner: selection.partner, flow: selection.flow,
                                     from: nil, through: nil, frequency: .monthly)
        guard let trade = try? series(monthly, mirror: mirror).series, let values = trade.valueSeries else { return nil }
        let stretch = values.latestStretch(maximumGap: 12)
        guard stretch.values.compactMap({ $0 }).count >= 12 else { return nil }
        let detector = StructuralAnomalyDetector(specification: .automatic(for: stretch), threshold: 2)
        guard let result = try? detector.detect(stretch, sanctions: SanctionContext(calendar: calendar, selection: monthly)) else { return nil }
        let window = "Months \(stretch.start) to \(stretch.end): the latest stretch with no gap longer than a year"
            + (stretch.start == values.start ? "." : " (\(values.start) to \(stretch.start.advanced(by: -1)) left out: isolated months).")
        return (result.fit, result.flags, window)
    }
}
