import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TrendAnalysis
import TradeScopeKit

/// `tradescope breaks`: structural breaks and change points of a series.
struct BreaksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "breaks",
        abstract: "Test for structural breaks and find change points in a trade series or a period,value file.",
        discussion: """
            Methods: chow (F test at a known date), sup-f (sup-F, ave-F and exp-F over a trimmed range, \
            Hansen p-values), cusum (OLS or recursive CUSUM with its boundary-crossing p-value), bai-perron \
            (multiple breaks by dynamic programming, number by BIC, 95% intervals), pelt (change points in \
            mean or mean and variance), its (interrupted time series: level and slope change with \
            Newey-West standard errors). All match R strucchange, changepoint/ruptures and sandwich.

            Conventions: a break's period is the last period of the regime before it (strucchange reports \
            the Nile break at 1898), and chow --at names that period; a PELT change point is the first \
            period of the new segment; its --at is the first period under the intervention.

            Examples:
              tradescope breaks --hs 27 --method bai-perron --min-segment 3
              tradescope breaks --hs 27 --method chow --at 2010
              tradescope breaks --series nile.csv --method cusum --cusum-type ols --format json
              tradescope breaks --hs 27 --method its --at 2011 --hac 2
              tradescope breaks --by hs2 --method cusum --format csv
              tradescope breaks --hs 2701 --method bai-perron --min-segment 3 --format html --out breaks.html

            --format html writes one page (the series, each break after its regime's last period with its 95% \
            interval shaded, the segment means or fits, the numbered sanction events with a key, then the text \
            report); --format svg the chart alone. cusum draws the process with its 5% boundary, sup-f the F \
            sequence; --log-scale and --index-base PERIOD (rebased to 100) apply to the other methods.

            Gaps: series with missing periods (the bundled monthly HS 2701 values: 29 of the 154 months 2005-03..2017-12) are \
            analysed on their observed periods. Regression rows exist only where the value and every lag it \
            needs are observed; the time regressor (--trend, its) counts calendar periods from the window's \
            start, so a gap is a jump in time, not a shift; minimum segments, trimming and PELT segment sizes \
            count observations; break dates and interval ends are the periods of the observations they fall \
            on. Every output states how many periods of the window were missing (text: a "Window" line; json: \
            "window"; csv: the periods and missing columns).
              tradescope breaks --hs 2701 --freq monthly --method bai-perron
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Method: chow, sup-f, cusum, bai-perron, pelt or its (default: bai-perron).")
    var method: BreakMethodChoice = .baiPerron

    @Option(help: "chow: the last period before the break; its: the first period under the intervention (YYYY, YYYY-MM or YYYY-Qn).")
    var at: String?

    @Option(help: "bai-perron: the most breaks searched (default: as many as the minimum segment allows).")
    var maxBreaks: Int?

    @Option(help: "bai-perron: a fixed number of breaks instead of choosing it by BIC.")
    var breaks: Int?

    @Option(help: "bai-perron: the shortest regime, a count of periods (12) or a fraction of the sample when it has a '.' (0.15; default 0.15).")
    var minSegment: String = "0.15"

    @Option(help: "chow, sup-f, cusum, bai-perron: lags of the series added as regressors besides the intercept, comma-separated (for example 1,12; default: none, a break in the mean).")
    var lags: String?

    @Flag(help: "chow, sup-f, cusum, bai-perron: add a linear time trend (in calendar periods) to the regressors: breaks in level and slope.")
    var trend = false

    @Option(help: "sup-f: the trimming, the share of the sample cut from each end (default 0.15).")
    var trimming: Double = 0.15

    @Option(help: "cusum: recursive (Brown-Durbin-Evans, default) or ols (Ploberger-Kramer).")
    var cusumType: CUSUMTypeChoice = .recursive

    @Option(help: "pelt: the penalty per change point, bic, aic or a number in cost units (default: bic).")
    var penalty: String = "bic"

    @Option(help: "pelt: the segment cost, mean (change in mean) or meanvar (change in mean and variance) (default: mean).")
    var cost: PELTCostChoice = .mean

    @Option(help: "pelt: the fewest periods in a segment (default 2).")
    var minSize: Int = 2

    @Flag(help: "its: add month or quarter dummies (monthly or quarterly series).")
    var seasonal = false

    @Option(help: "its: the Newey-West lag (default: floor(4 (n/100)^(2/9))).")
    var hac: Int?

    @Option(help: "Run for every group of the selection: hs6, hs4, hs2, partner or reporter; one CSV row or NDJSON line each.")
    var by: Grouping?

    @OptionGroup var stream: StreamInputOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try stream.validate(by: by, selection: selection, format: output.format)
        let statistic = method == .cusum || method == .supF ? "the \(method.rawValue) chart draws a test statistic, not the series" : nil
        try chart.validate(format: output.format, refusingLogScale: statistic, refusingIndexBase: statistic)
        if by != nil && stream.input != nil {
        } else if by != nil {
            try Grouping.validate(series: input.series, format: output.format)
        } else {
            if output.format == .csv || output.format == .md { throw ValidationError("--format: breaks writes text, json, html or svg (csv with --by)") }
            if selection.codeTexts.count > 1 { throw ValidationError("--hs: breaks takes one code (use --by for groups)") }
        }
        if (method == .chow || method == .its) && at == nil { throw ValidationError("--method \(method.rawValue) needs --at PERIOD") }
        if let at { do { _ = try Period(parsing: at) } catch { throw ValidationError("--at: \(error)") } }
        if trend && (method == .pelt || method == .its) { throw ValidationError("--trend is for chow, sup-f, cusum and bai-perron (its has its own time terms)") }
        if maxBreaks != nil && breaks != nil { throw ValidationError("--max-breaks and --breaks exclude each other") }
        _ = try minimumSegment()
        _ = try lagList()
        _ = try penaltyValue()
        if let hac, hac < 0 { throw ValidationError("--hac must be 0 or more") }
    }

    func minimumSegment() throws -> MinimumSegment {
        if minSegment.contains(".") {
            guard let fraction = Double(minSegment), fraction > 0, fraction < 0.5 else {
                throw ValidationError("--min-segment \(minSegment): a fraction must lie between 0 and 0.5")
            }
            return .fraction(fraction)
        }
        guard let count = Int(minSegment), count > 0 else { throw ValidationError("--min-segment \(minSegment): give a positive count or a fraction such as 0.15") }
        return .observations(count)
    }

    func lagList() throws -> [Int] {
        guard let lags else { return [] }
        return try lags.split(separator: ",").map { text in
            guard let lag = Int(text.trimmingCharacters(in: .whitespaces)), lag > 0 else { throw ValidationError("--lags \(lags): lags are positive integers such as 1,12") }
            return lag
        }
    }

    func penaltyValue() throws -> ChangePointPenalty {
        switch penalty.lowercased() {
        case "bic": return .bic
        case "aic": return .aic
        default:
            guard let value = Double(penalty), value >= 0, value.isFinite else { throw ValidationError("--penalty \(penalty): bic, aic or a non-negative number") }
            return .value(value)
        }
    }

    func run() throws {
        let context = RunContext()
        if let by {
            if stream.input != nil {
                return try stream.run(selection, grouping: by, measure: input.measure) { groups, workspace in
                    BreaksReport.batchNDJSON(results: groupResults(groups, progress: nil), selections: try selectionsJSON(groups, workspace))
                }
            }
            let workspace = try selection.workspace(context)
            let selected = try selection.selections(workspace.profile, defaultCode: .total)[0]
            let groups = try workspace.analysisGroups(selected, by: by, mirror: selection.mirrorView, quantity: selection.quantity)
            let progress = TerminalProgress(total: groups.keys.count, unit: "groups", label: "breaks by \(by.rawValue)")
            let results = groupResults(groups, progress: progress)
            progress.finish()
            return try output.write(output.format == .json ? BreaksReport.batchNDJSON(results: results, selections: try selectionsJSON(groups, workspace))
                                    : BreaksReport.batchCSV(method: method.rawValue, results: results))
        }
        let resolved = try input.resolve(selection, context: context)
        let analysis = try analyse(resolved.input.series)
        let report = BreaksReport(analysis: analysis, label: resolved.input.label, window: ObservedWindow(resolved.input.series))
        if output.format.isChart {
            let events = try ChartOutput.events(resolved)
            let drawn = try AnalysisCharts.breaks(analysis, series: resolved.input.series, label: resolved.input.label,
                                                  yLabel: ChartOutput.axisLabel(resolved, measure: input.measure), events: events, display: chart.display)
            return try ChartOutput.write(output, charts: [drawn]) {
                AnalysisPage(title: "Structural breaks (\(method.rawValue)): \(resolved.input.label)", selection: resolved.input.label,
                             lines: try ChartOutput.lines(resolved, events: events), charts: [drawn], blocks: [.preformatted(report.text())], manifest: context.manifest())
            }
        }
        if output.format == .json { try output.write(json: report.json(selection: resolved.selectionJSON), context: context) } else { try output.write(report.text()) }
    }

    /// The analysis of every group, in parallel.
    private func groupResults(_ groups: AnalysisGroups, progress: TerminalProgress?) -> [GroupResult<WindowedBreakAnalysis>] {
        let measure = input.measure, partial = input.allowPartial, command = self
        return GroupedAnalysis.run(keys: groups.keys) { (index: Int) throws(AnalysisError) -> WindowedBreakAnalysis in
            defer { progress?.tick() }
            let series = try groups.series(index, measure: measure, allowingPartial: partial)
            return WindowedBreakAnalysis(analysis: try command.analyse(series), window: ObservedWindow(series))
        }
    }

    private func selectionsJSON(_ groups: AnalysisGroups, _ workspace: Workspace) throws -> [JSONValue] {
        try groups.selections.map { try workspace.selectionJSON($0, mirror: selection.mirrorView, quantity: selection.quantity) }
    }

    /// Calls the library for the chosen method (flags were checked in `validate()`).
    func analyse(_ series: TimeSeries<Double>) throws(AnalysisError) -> BreakAnalysis {
        let period = at.flatMap { try? Period(parsing: $0) }
        let lagList = (try? lagList()) ?? []
        let minimumSegment = (try? minimumSegment()) ?? .fraction(0.15)
        let penaltyValue = (try? penaltyValue()) ?? .bic
        switch method {
        case .chow:
            return .chow(try ChowTest.test(series, lastPeriodBefore: period!, lags: lagList, trend: trend), lastPeriodBefore: period!)
        case .supF:
            return .supF(try FStatisticsSpecification(trimming: trimming).fit(series, lags: lagList, trend: trend))
        case .cusum:
            return .cusum(try FluctuationProcessSpecification(type: cusumType == .ols ? .olsCUSUM : .recursiveCUSUM).fit(series, lags: lagList, trend: trend))
        case .baiPerron:
            return .baiPerron(try BreakpointSpecification(minimumSegment: minimumSegment, maximumBreaks: maxBreaks, breakCount: breaks).fit(series, lags: lagList, trend: trend))
        case .pelt:
            return .pelt(try PELTSpecification(cost: cost == .mean ? .mean : .meanAndVariance, penalty: penaltyValue, minimumSegmentSize: minSize).fit(series))
        case .its:
            return .interruptedTimeSeries(try InterruptedTimeSeriesSpecification(interventionPeriod: period!, seasonal: seasonal, hacLags: hac).fit(series))
        }
    }
}

enum BreakMethodChoice: String, ExpressibleByArgument, CaseIterable {
    case chow
    case supF = "sup-f"
    case cusum
    case baiPerron = "bai-perron"
    case pelt
    case its
}

enum CUSUMTypeChoice: String, ExpressibleByArgument, CaseIterable {
    case recursive, ols
}

enum PELTCostChoice: String, ExpressibleByArgument, CaseIterable {
    case mean, meanvar
}
