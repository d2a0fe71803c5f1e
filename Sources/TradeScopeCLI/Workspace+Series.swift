import Foundation
import TradeDomain
import TradeIO
import Reports
import TrendAnalysis

extension Workspace {
    /// The trade records to analyse: a tidy CSV given with `--data`, else the workspace's records
    /// (the bundled data or the `--db` store).
    ///
    /// - Parameter path: The `--data` file, or `nil`.
    /// - Returns: The records.
    /// - Throws: `TradeIOError` for a file that cannot be read or a bad row (file, line, field).
    func records(tidyFile path: String?) throws -> [TradeRecord] {
        guard let path else { return records }
        return try TidyReader(path: path, displayName: path).readAll()
    }

    /// The first and last day of the periods of some records.
    static func dateRange(_ records: [TradeRecord]) -> ClosedRange<CalendarDate>? {
        guard let first = records.map(\.period.firstDay).min(), let last = records.map(\.period.lastDay).max() else { return nil }
        return first...last
    }
}

/// The series an analysis command works on, with its label and the JSON describing where it came from.
struct AnalysisInput {
    let series: TimeSeries<Double>
    let label: String
    let selectionJSON: JSONValue
    /// The trade series and selection, when the input is a trade selection (not `--series`).
    let trade: (series: TradeSeries, selection: TradeSelection)?
}

extension Workspace {
    /// The series for decompose, breaks and anomalies: `--series FILE` (`period,value`), or the
    /// `--measure` of the trade selection; `--from`/`--to` limit either.
    ///
    /// - Throws: `TradeIOError` naming file, line and field for a bad series file; `InputError` when the
    ///   selection has no figures of the measure.
    func analysisInput(_ input: AnalysisInputOptions, selection options: SelectionOptions, selected: TradeSelection) throws -> AnalysisInput {
        if let path = input.series {
            let whole = try SeriesFileReader(path: path).read()
            let series = whole.slice(from: selected.from, through: selected.through)
            guard series.count > 0 else { throw InputError(description: "--series \(path): no periods between --from and --to") }
            let name = path == "-" ? "standard input" : path
            return AnalysisInput(series: series, label: "series \(name)",
                                 selectionJSON: .object([("source", .string(name)), ("from", .string(series.start.description)), ("to", .string(series.end.description)),
                                                         ("freq", .string(series.frequency.rawValue))]),
                                 trade: nil)
        }
        let mirror = options.mirrorView
        let trade = try series(selected, mirror: mirror, quantity: options.quantity).series
        let measured: TimeSeries<Double>?
        switch input.measure {
        case .value: measured = trade.valueSeries
        case .quantity: measured = trade.quantitySeries
        case .unitPrice: measured = trade.unitPriceSeries
        }
        guard let measured else {
            throw InputError(description: "no \(input.measure.rawValue) figures for HS \(selected.commodity) in the selection")
        }
        let unit = input.measure == .value ? "USD" : input.measure == .quantity ? (trade.quantityUnit?.abbreviation ?? "") : "USD per \(trade.quantityUnit?.abbreviation ?? "unit")"
        return AnalysisInput(series: measured, label: "\(input.measure.rawValue) (\(unit)) of HS \(selected.commodity), \(Workspace.label(selected, mirror: mirror))",
                             selectionJSON: Workspace.selectionJSON(selected, source: sourceLabel, mirror: mirror), trade: (trade, selected))
    }
}

/// The groups of `--by` for the analysis commands: each group's selection and its trade series, or why it has none.
struct AnalysisGroups {
    let keys: [String]
    let selections: [TradeSelection]
    let trades: [Result<TradeSeries, AnalysisError>]

    /// The measure series of group `index`.
    func series(_ index: Int, measure: AnalysisMeasure) throws(AnalysisError) -> TimeSeries<Double> {
        let trade = try trades[index].get()
        let series: TimeSeries<Double>?
        switch measure {
        case .value: series = trade.valueSeries
        case .quantity: series = trade.quantitySeries
        case .unitPrice: series = trade.unitPriceSeries
        }
        guard let series else {
            throw .invalidParameter(name: "measure", value: measure.rawValue, constraint: "group \(keys[index]) has no \(measure.rawValue) figures")
        }
        return series
    }
}

extension Workspace {
    /// Splits a selection by `--by` (as `trend --by` does) and builds every group's trade series.
    func analysisGroups(_ options: SelectionOptions, selected: TradeSelection, by grouping: GroupingChoice) -> AnalysisGroups {
        let mirror = options.mirrorView
        let scanned = mirror.map { $0.partnerSelection(selected) } ?? selected
        let groups = groups(of: scanned, by: grouping).map { group -> (String, TradeSelection) in
            let commodity = group.selection.commodity
            switch grouping {
            case .hs6, .hs4, .hs2: return (group.key, selected.with(commodity: commodity))
            case .partner, .reporter: return (group.key, group.selection)
            }
        }
        let progress = TerminalProgress(total: groups.count, unit: "groups", label: "building series by \(grouping.rawValue)")
        defer { progress.finish() }
        let trades = groups.map { _, selection -> Result<TradeSeries, AnalysisError> in
            defer { progress.tick() }
            do { return .success(try series(selection, mirror: mirror, quantity: options.quantity).series) } catch let error as TradeDomainError {
                return .failure(.seriesFailed(step: "building the series of HS \(selection.commodity)", error))
            } catch {
                return .failure(.invalidParameter(name: "group", value: selection.commodity.description, constraint: "\(error)"))
            }
        }
        return AnalysisGroups(keys: groups.map(\.0), selections: groups.map(\.1), trades: trades)
    }
}
