import ArgumentParser
import Foundation
import Reports
import Scenarios
import TradeDomain
import TradeIO
import TradeScopeKit

/// The output formats of `whatif`: those of every command plus `svg` (the chart alone).
enum WhatifFormat: String, ExpressibleByArgument, CaseIterable {
    case text, md, html, json, csv, svg
}

/// `tradescope whatif`: apply hypothetical sanction timelines to a baseline forecast.
struct WhatifCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Apply a hypothetical sanction timeline from a scenario file to a baseline forecast.",
        discussion: """
            A scenario file (YAML; docs/scenarios.md) names a selection, a baseline method and events: new \
            bans, caps and suspensions, or real calendar events shifted, dropped or with another compliance. \
            The baseline (the no-sanction path) is chosen by evidence unless the file names a method: \
            exponential smoothing (model by AICc), the structural model and the log-linear trend are compared \
            by rolling-origin out-of-sample error (MASE, sMAPE) on the data before the first measure, and the \
            chosen model and its backtest error are printed. A model fitted on fewer observations than it needs \
            (2 x parameters + 2) is refused unless --allow-short. The output gives, per HS code and period, the \
            actual flow, the baseline, the scenario's counterfactual with its interval, the path of the \
            sanctions as enacted and the forgone value and quantity; a legend under each table explains its \
            columns. Several files are shown side by side (each against its own baseline); --against gives the \
            marginal effect of one scenario over another on one shared baseline, over the sanctions as enacted, or \
            over the recorded figures. \
            Figures that cannot be computed (gaps in the data) are '-' or null, with a note saying why. Results \
            are deterministic for a given seed.

            Example:
              tradescope whatif Data/scenarios/coal_2371_march_2016.yaml
              tradescope whatif Data/scenarios/coal_2371_six_months_earlier.yaml --against actual
              tradescope whatif Data/scenarios/coal_2321_cap_50pct.yaml --against Data/scenarios/coal_2321_cap_70pct.yaml
              tradescope whatif Data/scenarios/coal_2321_cap_70pct.yaml --sweep UNSCR-2321:compliance=0:1:0.25 --format csv
              tradescope whatif Data/scenarios/coal_2371_march_2016.yaml --format html --out whatif.html
            """)

    @Argument(help: "Scenario files (YAML); several are compared side by side.")
    var scenarios: [String]

    @Option(help: "Vary one parameter of one event: EVENT:compliance=0.5,0.7,0.9, EVENT:compliance=FROM:TO:STEP or EVENT:date=YYYY-MM-DD,...")
    var sweep: String?

    @Option(help: "Compare each scenario (or sweep value) with another scenario file on one shared baseline, with the recorded figures ('actual'), or with the sanctions as enacted on the same baseline ('enacted'): differences per period and in total, with intervals.")
    var against: String?

    @Flag(help: "Fit a baseline on fewer observations than its model needs (2 x parameters + 2) instead of refusing it; every output then carries a warning.")
    var allowShort = false

    @Option(help: "A tidy trade CSV (columns as Data/dprk_china.csv) to use instead of the bundled trade data.")
    var data: String?

    @Option(help: "Output format: text, md, html (a self-contained page: charts and the report), json, csv, or svg (the chart alone) (default: text).")
    var format: WhatifFormat = .text

    @Option(help: "Write to this file instead of standard output; an existing file is kept unless --force is given.")
    var out: String?

    @Flag(help: "Overwrite the file named by --out.")
    var force = false

    @Flag(inversion: .prefixedNo, help: "Prefix CSV text cells beginning with =, +, -, @, tab or CR with ' so spreadsheets do not run them as formulas (OWASP CSV injection; numbers are unchanged).")
    var csvFormulaGuard = true

    func validate() throws {
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario file") }
        if sweep != nil, scenarios.count > 1 { throw ValidationError("--sweep takes exactly one scenario file") }
        if against == "" { throw ValidationError("--against needs a scenario file or 'actual'") }
    }

    func run() throws {
        let context = RunContext()
        let workspace = try Workspace(context: context, dataDirectory: Console.dataDirectory)
        let records: [TradeRecord]
        if let data {
            try context.recordFile(data)
            records = try TidyReader(path: data, displayName: data).readAll()
        } else {
            records = try workspace.source.records(matching: RecordFilter())
        }
        let calendar = try workspace.calendar.events
        let fileContext = ScenarioFile.Context(calendar: calendar, dataRange: Workspace.dateRange(records))
        let engine = ScenarioEngine(calendar: calendar, allowShort: allowShort)
        var labelled: [(label: String, scenario: Scenario)] = []
        for path in scenarios {
            try context.recordFile(path)
            let scenario = try ScenarioFile.read(path: path, context: fileContext)
            if let sweep {
                labelled += try ScenarioSweep(parsing: sweep).scenarios(from: scenario, calendar: calendar, dataRange: fileContext.dataRange)
            } else {
                labelled.append((scenario.name, scenario))
            }
        }
        var reference: Scenario?
        if let against, against != "actual", against != "enacted" {
            try context.recordFile(against)
            reference = try ScenarioFile.read(path: against, context: fileContext)
        }
        let builder = workspace.builder()
        func series(_ scenario: Scenario) throws -> [CommodityCode: TradeSeries] {
            try Dictionary(uniqueKeysWithValues: scenario.hsCodes.map { code in
                (code, try builder.build(records, selection: scenario.selection.with(commodity: code)))
            })
        }
        var outcomes: [(label: String, outcome: ScenarioOutcome)] = []
        var comparisons: [(label: String, comparison: ScenarioComparison)] = []
        var histories: [[CommodityCode: TradeSeries]] = []
        for item in labelled {
            let data = try series(item.scenario)
            histories.append(data)
            guard against != nil else {
                outcomes.append((item.label, engine.run(item.scenario, series: data)))
                continue
            }
            let comparison = reference.map { engine.compare(item.scenario, against: $0, series: data) }
                ?? (against == "enacted" ? engine.compareWithEnacted(item.scenario, series: data) : engine.compareWithActual(item.scenario, series: data))
            outcomes.append((item.label, comparison.outcome))
            comparisons.append((item.label, comparison))
        }
        let report = ScenarioReport(outcomes: outcomes, isSweep: sweep != nil, comparisons: against == nil ? nil : comparisons)
        let output = OutputOptions.self
        switch format {
        case .text: try output.write(report.text(), to: out, force: force)
        case .md: try output.write(report.text(markdown: true), to: out, force: force)
        case .csv:
            try output.write(against == nil ? report.csv(guardingFormulas: csvFormulaGuard) : report.comparisonCSV(guardingFormulas: csvFormulaGuard),
                             to: out, force: force)
        case .json: try output.write(context.stamped(report.json()), to: out, force: force)
        case .svg, .html:
            let charts = zip(outcomes, histories).map { ScenarioChart(outcome: $0.0.outcome, label: $0.0.label, history: $0.1) }
            if format == .svg {
                try output.write(ScenarioChart.stacked(charts), to: out, force: force)
            } else {
                try output.write(ScenarioChart.page(charts: charts, report: report.text(), title: "What if: " + outcomes.map(\.label).joined(separator: "; ")),
                                 to: out, force: force)
            }
        }
    }
}
