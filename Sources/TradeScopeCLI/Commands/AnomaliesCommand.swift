import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TrendAnalysis
import TradeScopeKit

/// `tradescope anomalies`: anomaly flags annotated with the nearest relevant sanction event.
struct AnomaliesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "anomalies",
        abstract: "Flag anomalous periods of a series and name the nearest sanction event covering its HS code.",
        discussion: """
            Residuals come from STL (monthly or quarterly data) or a linear trend (annual data, or \
            --residuals trend) and are scored by robust z-scores (median and MAD; flag above --threshold) \
            or by Rosner's generalized ESD test (--method esd). Both need a complete window: on a series \
            with gaps, --method auto (the default) uses the structural model (--method structural: a \
            missing period is a missing observation; outliers and level shifts from its auxiliary \
            residuals) and says so. Each flag names the nearest event of the \
            sanctions calendar whose measure covers the series' HS code and binds the reporter, its date \
            and the signed distance in periods (negative: before the event).

            On a trade selection the sanction screens run too: a non-zero flow after a ban's effective \
            date plus grace, a pre-ban surge, a unit-price move that departs from value and quantity, and \
            the use of a cap against both its value and its quantity limit.

            --fail-on-anomaly exits with status 1 when any statistical anomaly is flagged.

            Examples:
              tradescope anomalies --hs 2701 --measure unit-price --from 2012 --to 2016
              tradescope anomalies --hs 27 --method esd --max-outliers 3 --format json
              tradescope anomalies --series prices.csv --threshold 3 --fail-on-anomaly
              tradescope anomalies --hs 2701 --freq monthly --method structural --format html --out anomalies.html

            --format html writes one page (the series with each flagged period marked A1, A2, ..., its nearest \
            covering sanction event named in the key, the events numbered, then the text report); --format svg \
            the chart alone. --log-scale and --index-base PERIOD (rebased to 100) change the chart only.
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Scoring: auto (structural for a series with gaps, else zscore), zscore (robust z of residuals), esd (generalized ESD), or structural (outliers and level shifts from a structural model's auxiliary residuals; runs on series with gaps) (default: auto).")
    var method: AnomalyMethodChoice = .auto

    @Option(help: "zscore: flag residuals whose robust z-score exceeds this in absolute value (default 3.5); structural: the absolute standardised auxiliary residual (default 2, about the 5% two-sided normal point; the residuals are serially correlated, so it is a screen, not a test).")
    var threshold: Double?

    @OptionGroup var structural: StructuralOptions

    @Option(help: "esd: the most outliers tested for (default 10, at most n - 2).")
    var maxOutliers: Int = 10

    @Option(help: "esd: the significance level (default 0.05).")
    var alpha: Double = 0.05

    @Option(help: "Residual model: stl or trend (default: stl for monthly and quarterly data, trend for annual).")
    var residuals: ResidualChoice?

    @Option(help: "Sanction screens: periods in the pre-ban window and in its baseline (default 6).")
    var surgeWindow: Int = 6

    @Option(help: "Sanction screens: window mean over baseline mean that counts as a pre-ban surge (default 1.5).")
    var surgeRatio: Double = 1.5

    @Option(help: "Sanction screens: absolute log change in unit price that counts as value and quantity diverging (default 0.4, about 49%).")
    var divergence: Double = 0.4

    @Flag(help: "Exit with status 1 when any anomaly is flagged.")
    var failOnAnomaly = false

    @Option(help: "Run for every group of the selection: hs6, hs4, hs2, partner or reporter; one CSV row or NDJSON line each.")
    var by: Grouping?

    @OptionGroup var stream: StreamInputOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try stream.validate(by: by, selection: selection, format: output.format)
        try chart.validate(format: output.format)
        if by != nil && stream.input != nil {
        } else if by != nil {
            try Grouping.validate(series: input.series, format: output.format)
        } else {
            if output.format == .csv || output.format == .md { throw ValidationError("--format: anomalies writes text, json, html or svg (csv with --by)") }
            if selection.codeTexts.count > 1 { throw ValidationError("--hs: anomalies takes one code (use --by for groups)") }
        }
        if let threshold, !(threshold > 0) { throw ValidationError("--threshold must be positive") }
        guard alpha > 0 && alpha < 1 else { throw ValidationError("--alpha must lie between 0 and 1") }
        guard maxOutliers >= 1 else { throw ValidationError("--max-outliers must be at least 1") }
    }

    func run() throws {
        let context = RunContext()
        if let by { return try runGroups(context, grouping: by) }
        let resolved = try input.resolve(selection, context: context)
        let workspace = try resolved.workspace ?? selection.workspace(context)
        let sanctions: SanctionContext
        if let selected = resolved.input.selection {
            sanctions = SanctionContext(calendar: try workspace.calendar, selection: selected)
        } else {
            // A period,value file has no sides: events of the calendar touching the --hs code, if one is given.
            var codes: [HSCode] = []
            if let text = selection.codeTexts.first, case let .hs(code)? = try? CommodityCode(parsing: text) { codes = [code] }
            sanctions = SanctionContext(events: codes.isEmpty ? [] : try workspace.calendar.events, hsCodes: codes, reporter: nil)
        }
        let flags = try flag(resolved.input.series, sanctions: sanctions)
        let screens = try resolved.input.trade.map { try screen.screen($0, context: sanctions) } ?? []
        let report = AnomalyReport(flags: flags, sanctionFlags: screens, label: resolved.input.label, methodDescription: describe(resolved.input.series))
        if output.format.isChart {
            let events = AnalysisCharts.events(sanctions)
            let drawn = try AnalysisCharts.anomalies(flags, series: resolved.input.series, label: resolved.input.label,
                                                     yLabel: ChartOutput.axisLabel(resolved, measure: input.measure),
                                                     method: describe(resolved.input.series), events: events, display: chart.display)
            try ChartOutput.write(output, charts: [drawn]) {
                AnalysisPage(title: "Anomalies: \(resolved.input.label)", selection: resolved.input.label, lines: try ChartOutput.lines(resolved, events: events),
                             charts: [drawn], blocks: [.preformatted(report.text())], manifest: context.manifest())
            }
            if failOnAnomaly && !flags.isEmpty { throw ExitCode(1) }
            return
        }
        if output.format == .json { try output.write(json: report.json(selection: resolved.selectionJSON), context: context) } else { try output.write(report.text()) }
        if failOnAnomaly && !flags.isEmpty { throw ExitCode(1) }
    }

    /// `--by`: the same analysis for every group, one CSV row or NDJSON line each.
    func runGroups(_ context: RunContext, grouping: Grouping) throws {
        if stream.input != nil {
            var flagged = false
            try stream.run(selection, grouping: grouping, measure: input.measure) { groups, workspace in
                let results = try groupResults(groups, workspace: workspace, progress: nil)
                flagged = flagged || results.contains(where: { !($0.value?.flags.isEmpty ?? true) })
                return AnomalyReport.batchNDJSON(results: results, selections: try selectionsJSON(groups, workspace),
                                                 methodDescription: describe(method, groups.selections[0].frequency))
            }
            if failOnAnomaly && flagged { throw ExitCode(1) }
            return
        }
        let workspace = try selection.workspace(context)
        let selected = try selection.selections(workspace.profile, defaultCode: .total)[0]
        let groups = try workspace.analysisGroups(selected, by: grouping, mirror: selection.mirrorView, quantity: selection.quantity)
        let progress = TerminalProgress(total: groups.keys.count, unit: "groups", label: "anomalies by \(grouping.rawValue)")
        let results = try groupResults(groups, workspace: workspace, progress: progress)
        progress.finish()
        try output.write(output.format == .json
            ? AnomalyReport.batchNDJSON(results: results, selections: try selectionsJSON(groups, workspace), methodDescription: describe(method, selected.frequency))
            : AnomalyReport.batchCSV(results: results))
        if failOnAnomaly && results.contains(where: { !($0.value?.flags.isEmpty ?? true) }) { throw ExitCode(1) }
    }

    /// The flags of every group, in parallel.
    private func groupResults(_ groups: AnalysisGroups, workspace: Workspace, progress: TerminalProgress?) throws -> [GroupResult<AnomalyReport.GroupFlags>] {
        let measure = input.measure, partial = input.allowPartial, calendar = try workspace.calendar, command = self
        return GroupedAnalysis.run(keys: groups.keys) { (index: Int) throws(AnalysisError) -> AnomalyReport.GroupFlags in
            defer { progress?.tick() }
            let series = try groups.series(index, measure: measure, allowingPartial: partial)
            let sanctions = SanctionContext(calendar: calendar, selection: groups.selections[index])
            let flags = try command.flag(series, sanctions: sanctions)
            return AnomalyReport.GroupFlags(flags: flags, sanctionFlags: try command.screen.screen(try groups.trades[index].get(), context: sanctions))
        }
    }

    private func selectionsJSON(_ groups: AnalysisGroups, _ workspace: Workspace) throws -> [JSONValue] {
        try groups.selections.map { try workspace.selectionJSON($0, mirror: selection.mirrorView, quantity: selection.quantity) }
    }

    /// The anomaly flags of a series: from the structural model's auxiliary residuals, or from scored
    /// residuals of STL or a trend (whose refusal of a gappy window names the longest complete one).
    func flag(_ series: TimeSeries<Double>, sanctions: SanctionContext) throws(AnalysisError) -> [AnomalyFlag] {
        let method = chosenMethod(series)
        if method == .structural {
            return try StructuralAnomalyDetector(specification: structural.specification(for: series), threshold: threshold ?? 2)
                .detect(series, sanctions: sanctions).flags
        }
        do { return try detector(for: series.frequency, method: method).detect(series, sanctions: sanctions) } catch { throw error.explainingGaps(in: series) }
    }

    /// The method a series is scored by: `auto` is the structural model for a series with gaps (the
    /// robust scores need a complete window), robust z-scores otherwise; any other choice as given.
    /// A group of `--by` chooses as its single run does.
    func chosenMethod(_ series: TimeSeries<Double>) -> AnomalyMethodChoice {
        method == .auto ? (series.hasGaps ? .structural : .zscore) : method
    }

    /// STL residuals for monthly and quarterly data, a linear trend for annual data, unless --residuals says otherwise.
    func usesSTL(_ frequency: Frequency) -> Bool { (residuals ?? (frequency == .annual ? .trend : .stl)) == .stl }

    func detector(for frequency: Frequency, method: AnomalyMethodChoice) -> AnomalyDetector {
        AnomalyDetector(method: method == .esd ? .generalizedESD(maximumOutliers: maxOutliers, significance: alpha) : .robustZScore(threshold: threshold ?? 3.5),
                        model: usesSTL(frequency) ? .stl(STLSpecification()) : .linearTrend)
    }

    var screen: SanctionScreen { SanctionScreen(surgeWindow: surgeWindow, surgeRatio: surgeRatio, divergenceThreshold: divergence) }

    /// The method used on `series`, with why when `auto` chose the structural model.
    func describe(_ series: TimeSeries<Double>) -> String {
        let chosen = chosenMethod(series)
        let text = describe(chosen, series.frequency)
        guard method == .auto, chosen == .structural else { return text }
        return text + " (chosen because the window has \(series.values.filter { $0 == nil }.count) missing periods of \(series.count); robust scores need a complete one)"
    }

    /// A method in words; `auto` as a `--by` run applies it, group by group.
    func describe(_ method: AnomalyMethodChoice, _ frequency: Frequency) -> String {
        switch method {
        case .auto: return "auto: \(describe(.structural, frequency)) for a group with gaps; \(describe(.zscore, frequency)) otherwise"
        case .structural:
            return "structural model (\(structural.trend == .level ? "local level" : "local linear trend"), seasonal and logs as the data allow): |auxiliary residual| > \(threshold ?? 2); outliers from the irregular, level shifts from the level disturbance"
        case .zscore: return "robust z > \(threshold ?? 3.5) on \(usesSTL(frequency) ? "STL" : "linear trend") residuals"
        case .esd: return "generalized ESD, r = \(maxOutliers), alpha = \(alpha) on \(usesSTL(frequency) ? "STL" : "linear trend") residuals"
        }
    }
}

enum AnomalyMethodChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, zscore, esd, structural
}

enum ResidualChoice: String, ExpressibleByArgument, CaseIterable {
    case stl, trend
}
