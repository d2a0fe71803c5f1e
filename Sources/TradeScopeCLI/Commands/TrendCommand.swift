import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeIO
import TrendAnalysis
import TradeScopeKit

/// `tradescope trend`: fit a trend model to a selection's series or to a `period,value` file.
struct TrendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trend",
        abstract: "Fit a trend model (least squares, Mann-Kendall or Theil-Sen) to a series.",
        discussion: """
            Regression models print a table like statsmodels' summary() or R's summary.lm. t counts \
            periods from the first observed period (t = 0 there); missing periods are dropped and \
            counted, never filled. loglinear fits ln(y) and adds the growth rate per period, the \
            annualised rate and the first-to-last CAGR, each with a confidence interval. \
            --seasonal adds month (or quarter) dummies, January the base. --hac LAGS adds Newey-West \
            standard errors (Bartlett kernel, as statsmodels cov_type="HAC"). With --by, every group of \
            the selection is fitted (using all cores) and written as one CSV row or NDJSON line per group.

            Examples:
              tradescope trend --hs 2701 --model loglinear
              tradescope trend --hs 2701 --measure unit-price --model theil-sen --format json
              tradescope trend --series prices.csv --model loglinear --seasonal --hac 12
              tradescope trend --db trade.sqlite --hs 27 --by hs6 --model loglinear --format csv
              tradescope trend --hs 2701 --model loglinear --format html --out trend.html
              tradescope trend --hs 2701 --format svg --log-scale --out trend.svg

            --format html writes one page (the series, the fitted trend with its confidence band, the sanction \
            events touching the code numbered with a key, then the coefficient table); --format svg the chart \
            alone. --log-scale and --index-base PERIOD (rebased to 100) change the chart only.
              tradescope export --db trade.sqlite --format ndjson | tradescope trend --hs 27 --by hs6 --input - --input-format ndjson --input-unsorted

            With --input FILE (- for standard input) the records of --by are read from a stream of the \
            'tradescope export' columns (CSV or NDJSON; CSV may also be a tidy, legacy Comtrade or Comtrade+ file) \
            instead of a store, filtered by the same selection flags, and one NDJSON line is written per group as \
            soon as the group is complete: the input must be grouped by the --by key (each group's records together), \
            or --input-unsorted holds every record until the end. The lines are those of --by --format json on a \
            store of the same records, but for selection.source ("stream:stdin"). Tools/spark runs this on each \
            partition of a Spark job.
            """)

    @OptionGroup var selection: SelectionOptions

    @Option(help: "Model: linear, loglinear, poly:K (degree K), mann-kendall, hamed-rao or theil-sen (default: linear).")
    var model: String = "linear"

    @Flag(help: "Add seasonal dummies (monthly or quarterly series; regression models only).")
    var seasonal = false

    @Option(help: "Newey-West lags for HAC standard errors (0 or more; regression models only; default: none).")
    var hac: Int?

    @Option(help: "Confidence level of intervals, between 0 and 1 (default: 0.95; Mann-Kendall tests at 1 - level).")
    var level: Double = 0.95

    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Fit every group of the selection: hs6, hs4, hs2, partner or reporter; one CSV row or NDJSON line each. Each group's fit is the fit its single run gives.")
    var by: Grouping?

    @OptionGroup var stream: StreamInputOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try stream.validate(by: by, selection: selection, format: output.format)
        try chart.validate(format: output.format)
        do { _ = try TrendModel(parsing: model) } catch { throw ValidationError("--model: \(error)") }
        if let hac, hac < 0 { throw ValidationError("--hac must be 0 or more (lags)") }
        guard level > 0 && level < 1 else { throw ValidationError("--level must lie between 0 and 1, for example 0.95") }
        if by != nil && stream.input == nil { try Grouping.validate(series: input.series, format: output.format) }
        if input.series != nil && (!selection.hs.isEmpty || selection.db != nil || selection.mirror) {
            throw ValidationError("--series reads its own series; drop --hs, --db and --mirror")
        }
        if by == nil && selection.codeTexts.count > 1 { throw ValidationError("--hs: trend takes one code (or use --by)") }
    }

    func run() throws {
        let context = RunContext()
        let specification = TrendSpecification(model: try TrendModel(parsing: model), seasonal: seasonal, hacLags: hac, level: level)
        if let by {
            if stream.input != nil {
                return try stream.run(selection, grouping: by, measure: input.measure) { groups, _ in
                    groupFits(groups, specification).map(TrendTable.batchLine).joined()
                }
            }
            let workspace = try selection.workspace(context)
            let selected = try selection.selections(workspace.profile, defaultCode: .total)[0]
            let groups = try workspace.analysisGroups(selected, by: by, mirror: selection.mirrorView, quantity: selection.quantity)
            let fits = groupFits(groups, specification)
            let text = output.format == .json ? fits.map(TrendTable.batchLine).joined()
                : TrendTable.batchHeader(model: specification.model) + fits.map { TrendTable.batchRow($0, model: specification.model) }.joined()
            return try output.write(text)
        }
        let resolved = try input.resolve(selection, context: context)
        let leading: [(String, JSONValue)] = resolved.input.trade == nil ? [("source", resolved.selectionJSON)]
            : [("selection", resolved.selectionJSON), ("measure", .string(input.measure.rawValue))]
        let fit = try specification.fit(resolved.input.series)
        if output.format.isChart { return try writeChart(fit, resolved: resolved, context: context) }
        try write(fit, label: resolved.input.label, leading: leading, context: context)
    }

    /// The series with its fitted trend and band: the SVG alone, or a page with the coefficient table.
    private func writeChart(_ fit: TrendFit, resolved: ResolvedInput, context: RunContext) throws {
        let events = try ChartOutput.events(resolved)
        let label = resolved.input.label
        let drawn = try AnalysisCharts.trend(fit, series: resolved.input.series, label: label,
                                             yLabel: ChartOutput.axisLabel(resolved, measure: input.measure), events: events, display: chart.display)
        try ChartOutput.write(output, charts: [drawn]) {
            AnalysisPage(title: "Trend (\(fit.specification.model)): \(label)", selection: label, lines: try ChartOutput.lines(resolved, events: events),
                         charts: [drawn], blocks: [.html(SummaryTableRenderer.html(fit.summary(label: label)))], manifest: context.manifest())
        }
    }

    /// The fit of every group (a group without a series of the measure fits an empty series, which reports why).
    private func groupFits(_ groups: AnalysisGroups, _ specification: TrendSpecification) -> [GroupResult<TrendFit>] {
        specification.fitAll(groups.keys.indices.map { index in
            (key: groups.keys[index], series: (try? groups.series(index, measure: input.measure, allowingPartial: input.allowPartial)) ?? TimeSeries(start: groups.selections[index].from ?? Period(year: 2000), values: []))
        })
    }

    private func write(_ fit: TrendFit, label: String, leading: [(String, JSONValue)], context: RunContext) throws {
        switch output.format {
        case .text: try output.write(fit.summary(label: label).description)
        case .md: try output.write(SummaryTableRenderer.markdown(fit.summary(label: label)))
        case .html, .svg: try output.write(SummaryTableRenderer.html(fit.summary(label: label)))
        case .csv: try output.write(TrendTable.csv(fit))
        case .json: try output.write(json: TrendTable.json(fit, leading: leading), context: context)
        }
    }
}

