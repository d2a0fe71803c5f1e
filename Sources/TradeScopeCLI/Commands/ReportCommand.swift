import ArgumentParser
import Reports
import TradeDomain

/// `tradescope report`: the main job, a report for one commodity of a selection.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report quantity, value and unit price of a commodity with sources, price/volume changes and sanction events.",
        discussion: """
            With no flags: DPRK exports to China of HS 2701 (coal), year by year, from the bundled data, \
            with the 2015 story (tonnage up, value down) told with the figures that exist.

            Example:
              tradescope report
              tradescope report --hs 2701 --format json --out coal.json
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .csv { throw ValidationError("--format csv: a report is text, md or json; use 'series --format csv' for the table") }
    }

    func run() throws {
        let workspace = try Workspace(db: selection.db)
        var texts: [String] = []
        var objects: [JSONValue] = []
        for selected in try selection.selections(defaultCode: "2701") {
            let mirror = selection.mirrorView
            let series = try workspace.series(selected, mirror: mirror, quantity: selection.quantity).series
            let table = SeriesTable(
                series: series, selectionLabel: Workspace.label(selected, mirror: mirror), valuation: Workspace.valuation(selected, mirror: mirror))
            var chapterSeries: TradeSeries?
            if case let .hs(code) = selected.commodity, code.level != .chapter {
                chapterSeries = try workspace.builder(quantity: selection.quantity).build(workspace.records, selection: selected.with(commodity: .hs(code.chapter)))
            }
            let report = TradeReport(
                table: table, commodityName: Workspace.commodityName(selected.commodity),
                events: workspace.data.sanctions, citations: workspace.citations, chapterSeries: chapterSeries)
            switch output.format {
            case .json: objects.append(report.json(selection: Workspace.selectionJSON(selected, source: workspace.sourceLabel, mirror: mirror, quantity: selection.quantity)))
            case .md: texts.append(report.markdown())
            default: texts.append(report.text())
            }
        }
        if output.format == .json {
            try output.write((objects.count == 1 ? objects[0] : .array(objects)).rendered() + "\n")
        } else {
            try output.write(texts.joined(separator: "\n"))
        }
    }
}
