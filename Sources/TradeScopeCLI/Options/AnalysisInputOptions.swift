import ArgumentParser
import Foundation
import TradeDomain
import Reports
import TradeIO
import TradeScopeKit

/// What the analysis commands (decompose, breaks, anomalies) analyse: a measure of the trade
/// selection, or a generic `period,value` file (CLI.md "Common").
struct AnalysisInputOptions: ParsableArguments {
    @Option(help: "A CSV with columns period,value (periods YYYY, YYYY-MM or YYYY-Qn; an empty value is missing) to analyse instead of a trade selection; - reads standard input.")
    var series: String?

    @Option(help: "Series of the trade selection: value (USD), quantity (the selection's unit) or unit-price (USD per unit) (default: value).")
    var measure: AnalysisMeasure = .value

    @Flag(help: "Analyse partial sums too: years or quarters no source reports, summed from only some of their months (they are shown but left out by default).")
    var allowPartial = false
}

extension AnalysisMeasure: ExpressibleByArgument {}

/// The input of a single-series analysis with the JSON that says where it came from.
struct ResolvedInput {
    let input: AnalysisInput
    let selectionJSON: JSONValue
    /// The workspace of a trade selection; `nil` for a `--series` file.
    let workspace: Workspace?
}

extension AnalysisInputOptions {
    /// The series to analyse: `--series FILE` (recorded in the run context), or the `--measure` of the
    /// trade selection; `--from`/`--to` limit either.
    ///
    /// - Throws: `TradeIOError` naming file, line and field for a bad series file; `InputError` when the
    ///   file has no period in range; the workspace's errors for a selection that matches nothing.
    func resolve(_ options: SelectionOptions, context: RunContext, defaultCode: CommodityCode? = nil) throws -> ResolvedInput {
        if let path = series {
            try context.recordFile(path)
            let whole = try SeriesFileReader(path: path).read()
            let from = try options.from.map { try Period(parsing: $0) }, through = try options.to.map { try Period(parsing: $0) }
            let sliced = whole.slice(from: from, through: through)
            guard sliced.count > 0 else { throw InputError(description: "--series \(path): no periods between --from and --to") }
            let name = path == "-" ? "standard input" : path
            return ResolvedInput(
                input: AnalysisInput(series: sliced, label: "series \(name)", trade: nil, selection: nil),
                selectionJSON: .object([("source", .string(name)), ("from", .string(sliced.start.description)), ("to", .string(sliced.end.description)),
                                        ("freq", .string(sliced.frequency.rawValue))]),
                workspace: nil)
        }
        let workspace = try options.workspace(context)
        let selected = try options.selections(workspace.profile, defaultCode: defaultCode)[0]
        let mirror = options.mirrorView
        let input = try workspace.analysisInput(selected, measure: measure, mirror: mirror, quantity: options.quantity, allowingPartial: allowPartial)
        return ResolvedInput(input: input, selectionJSON: try workspace.selectionJSON(selected, mirror: mirror, quantity: options.quantity),
                             workspace: workspace)
    }
}
