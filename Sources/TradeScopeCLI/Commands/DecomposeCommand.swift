import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TrendAnalysis
import TradeScopeKit

/// `tradescope decompose`: STL seasonal-trend decomposition.
struct DecomposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decompose",
        abstract: "Split a monthly or quarterly series into trend, seasonal and remainder (STL, or a structural model when there are gaps).",
        discussion: """
            STL (Cleveland et al. 1990) with the defaults of statsmodels STL: seasonal window 7, trend and \
            low-pass windows derived from the period, degrees 1, and 5 inner / 0 outer iterations (2 / 15 \
            with --robust). The period defaults to the periods per year of the series.

            Examples:
              tradescope decompose --series co2.csv
              tradescope decompose --series co2.csv --robust --format json
              tradescope decompose --db trade.sqlite --hs 27 --freq monthly --by hs6 --format json

            With --by, every group of the selection is decomposed and written as one NDJSON line \
            (--format json): the group, an error or the single run's JSON. --input - reads the records \
            from standard input instead of a store (see 'tradescope trend --help').

            STL needs a complete series of at least two cycles. A window with gaps (the bundled monthly trade \
            data has 39 of 100 months from 2009-08 to 2017-11) is decomposed by a structural model instead \
            (--method auto, the default, says which it used): a local level (or local linear trend) plus a \
            dummy seasonal and an irregular, Kalman filter and smoother with exact diffuse initialisation, \
            variances by maximum likelihood. A missing month is a missing observation: its smoothed level \
            and seasonal are estimated, with standard errors, and marked with * (JSON: estimated: true).

              tradescope decompose --hs 2701 --freq monthly
              tradescope decompose --hs 2701 --freq monthly --method structural --structural-trend trend --format json
              tradescope decompose --hs 2701 --freq monthly --format html --out decompose.html

            --format html writes one page (panels on one time axis: observed, trend, seasonal and remainder for \
            STL; observed with the smoothed signal, level, slope and seasonal with 95% bands for the structural \
            model; the sanction events numbered with a key; then the text report); --format svg the chart alone.
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Observations per seasonal cycle (default: 12 for monthly, 4 for quarterly data).")
    var period: Int?

    @Option(name: .customLong("seasonal-window"), help: "Seasonal smoother length, odd and at least 3 (default 7).")
    var seasonalWindow: Int = 7

    @Flag(help: "Robust fitting: downweight outliers (2 inner, 15 outer iterations).")
    var robust = false

    @Option(help: "auto (STL on a complete window, the structural model on one with gaps), stl or structural (default: auto).")
    var method: DecomposeMethodChoice = .auto

    @OptionGroup var structural: StructuralOptions

    @Option(help: "Decompose every group of the selection: hs6, hs4, hs2, partner or reporter; one NDJSON line each (--format json).")
    var by: Grouping?

    @OptionGroup var stream: StreamInputOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try stream.validate(by: by, selection: selection, format: output.format)
        try chart.validate(format: output.format, refusingLogScale: "the seasonal and remainder panels are around zero; decompose draws a linear axis",
                           refusingIndexBase: "the components add up on the scale of the data; decompose draws them unrebased")
        if by != nil {
            if input.series != nil { throw ValidationError("--by splits a trade selection; it cannot be used with --series") }
            if stream.input == nil && output.format != .json { throw ValidationError("--by: decompose writes one NDJSON line per group; add --format json") }
        } else if selection.codeTexts.count > 1 { throw ValidationError("--hs: decompose takes one code") }
        if output.format == .md { throw ValidationError("--format: decompose writes text, csv, json, html or svg") }
        if by != nil && output.format.isChart { throw ValidationError("--by writes one NDJSON line per group; --format \(output.format.rawValue) draws one series: drop --by") }
        if let period, period < 2 { throw ValidationError("--period must be at least 2") }
    }

    func run() throws {
        let context = RunContext()
        if let by {
            if stream.input != nil {
                return try stream.run(selection, grouping: by, measure: input.measure) { groups, workspace in
                    DecompositionReport.batchNDJSON(results: groupResults(groups), selections: try selectionsJSON(groups, workspace))
                }
            }
            let workspace = try selection.workspace(context)
            let selected = try selection.selections(workspace.profile, defaultCode: .total)[0]
            let groups = try workspace.analysisGroups(selected, by: by, mirror: selection.mirrorView, quantity: selection.quantity)
            return try output.write(DecompositionReport.batchNDJSON(results: groupResults(groups), selections: try selectionsJSON(groups, workspace)))
        }
        let resolved = try input.resolve(selection, context: context)
        let series = resolved.input.series
        let useStructural = method == .structural || (method == .auto && series.hasGaps)
        if useStructural {
            let reason = method == .auto ? "Structural model chosen: STL needs a complete series and this window has \(series.values.filter { $0 == nil }.count) missing periods of \(series.count)." : nil
            let report = StructuralDecompositionReport(fit: try structural.specification(for: series).fit(series), label: resolved.input.label, reason: reason)
            if output.format.isChart {
                let events = try ChartOutput.events(resolved)
                let drawn = AnalysisCharts.decomposition(report.fit, label: resolved.input.label, yLabel: ChartOutput.axisLabel(resolved, measure: input.measure), events: events)
                return try ChartOutput.write(output, charts: [drawn]) {
                    AnalysisPage(title: "Decomposition (structural model): \(resolved.input.label)", selection: resolved.input.label,
                                 lines: try ChartOutput.lines(resolved, events: events) + (reason.map { [$0] } ?? []), charts: [drawn],
                                 blocks: [.preformatted(report.text())], manifest: context.manifest())
                }
            }
            switch output.format {
            case .json: try output.write(json: report.json(selection: resolved.selectionJSON), context: context)
            case .csv: try output.write(report.csv())
            default: try output.write(report.text())
            }
            return
        }
        let decomposition: STLDecomposition
        do { decomposition = try STLSpecification(period: period, seasonal: seasonalWindow, robust: robust).fit(series) } catch {
            throw error.explainingGaps(in: series)
        }
        let report = DecompositionReport(decomposition: decomposition, label: resolved.input.label)
        if output.format.isChart {
            let events = try ChartOutput.events(resolved)
            let drawn = AnalysisCharts.decomposition(decomposition, label: resolved.input.label, yLabel: ChartOutput.axisLabel(resolved, measure: input.measure), events: events)
            return try ChartOutput.write(output, charts: [drawn]) {
                AnalysisPage(title: "Decomposition (STL): \(resolved.input.label)", selection: resolved.input.label, lines: try ChartOutput.lines(resolved, events: events),
                             charts: [drawn], blocks: [.preformatted(report.text())], manifest: context.manifest())
            }
        }
        switch output.format {
        case .json: try output.write(json: report.json(selection: resolved.selectionJSON), context: context)
        case .csv: try output.write(report.csv())
        default: try output.write(report.text())
        }
    }

    /// The decomposition of every group, in parallel.
    private func groupResults(_ groups: AnalysisGroups) -> [GroupResult<STLDecomposition>] {
        let measure = input.measure, partial = input.allowPartial, specification = STLSpecification(period: period, seasonal: seasonalWindow, robust: robust)
        return GroupedAnalysis.run(keys: groups.keys) { (index: Int) throws(AnalysisError) -> STLDecomposition in
            let series = try groups.series(index, measure: measure, allowingPartial: partial)
            do throws(AnalysisError) { return try specification.fit(series) } catch {
                throw error.explainingGaps(in: series, alternative: "decompose this group alone (without --by), which fits the structural model to a window with gaps")
            }
        }
    }

    private func selectionsJSON(_ groups: AnalysisGroups, _ workspace: Workspace) throws -> [JSONValue] {
        try groups.selections.map { try workspace.selectionJSON($0, mirror: selection.mirrorView, quantity: selection.quantity) }
    }
}

enum DecomposeMethodChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, stl, structural
}
