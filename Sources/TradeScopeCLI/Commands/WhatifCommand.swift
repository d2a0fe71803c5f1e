import ArgumentParser
import Foundation
import Reports
import Scenarios
import TradeDomain
import TradeIO
import TradeScopeKit

/// `tradescope whatif`: apply hypothetical sanction timelines to a baseline forecast.
struct WhatifCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Apply a hypothetical sanction timeline from a scenario file to a baseline forecast.",
        discussion: """
            A scenario file (YAML; docs/scenarios.md) names a selection, a baseline method and events: new \
            bans, caps and suspensions, or real calendar events shifted, dropped or with another compliance. \
            The output gives, per HS code and period, the actual flow, the no-sanction baseline, the \
            scenario's counterfactual with its interval, the real calendar's counterfactual and the forgone \
            value and quantity. Several files are shown side by side. Figures that cannot be computed (gaps \
            in the data) are '-' or null, with a note saying why. Results are deterministic for a given seed.

            Example:
              tradescope whatif Data/scenarios/coal_2371_march_2016.yaml
              tradescope whatif Data/scenarios/coal_2321_cap_70pct.yaml --sweep UNSCR-2321:compliance=0:1:0.25 --format csv
            """)

    @Argument(help: "Scenario files (YAML); several are compared side by side.")
    var scenarios: [String]

    @Option(help: "Vary one parameter of one event: EVENT:compliance=0.5,0.7,0.9, EVENT:compliance=FROM:TO:STEP or EVENT:date=YYYY-MM-DD,...")
    var sweep: String?

    @Option(help: "A tidy trade CSV (columns as Data/dprk_china.csv) to use instead of the bundled trade data.")
    var data: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .html || output.format == .svg { throw ValidationError("--format \(output.format.rawValue): a scenario is text, md, json or csv") }
        guard !scenarios.isEmpty else { throw ValidationError("name at least one scenario file") }
        if sweep != nil, scenarios.count > 1 { throw ValidationError("--sweep takes exactly one scenario file") }
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
        let calendar = workspace.calendar.events
        let fileContext = ScenarioFile.Context(calendar: calendar, dataRange: Workspace.dateRange(records))
        let engine = ScenarioEngine(calendar: calendar)
        var labelled: [(label: String, scenario: Scenario)] = []
        for path in scenarios {
            try context.recordFile(path)
            let scenario = try ScenarioFile.read(path: path, context: fileContext)
            if let sweep {
                labelled += try ScenarioSweep(parsing: sweep).scenarios(from: scenario, calendar: calendar)
            } else {
                labelled.append((scenario.name, scenario))
            }
        }
        let builder = workspace.builder()
        let outcomes = try labelled.map { item in
            let series = try Dictionary(uniqueKeysWithValues: item.scenario.hsCodes.map { code in
                (code, try builder.build(records, selection: item.scenario.selection.with(commodity: code)))
            })
            return (label: item.label, outcome: engine.run(item.scenario, series: series))
        }
        let report = ScenarioReport(outcomes: outcomes, isSweep: sweep != nil)
        switch output.format {
        case .text, .html, .svg: try output.write(report.text())
        case .md: try output.write(report.text(markdown: true))
        case .csv: try output.write(report.csv(guardingFormulas: output.csvFormulaGuard))
        case .json: try output.write(json: report.json(), context: context)
        }
    }
}
