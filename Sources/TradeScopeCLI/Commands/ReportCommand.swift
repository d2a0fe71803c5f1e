import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TrendAnalysis
import TradeScopeKit

/// `tradescope report`: the main job, a report for one commodity of a selection.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report quantity, value and unit price of a commodity with sources, price/volume changes and sanction events.",
        discussion: """
            With no flags: the data set's default selection (for the bundled data, DPRK exports to China of \
            HS 2701, coal), year by year, with the 2015 story (tonnage up, value down) told with the figures \
            that exist. Sanction events, flags and the sanctioned-goods chart appear only where the calendar's \
            target (the DPRK by default; --calendar for another) is a side of the flow.

            --format html writes one self-contained page: the composition by HS section (a pie; click a \
            slice for its chapters), quantity, value and unit-price charts with the sanction events marked, \
            the tables and the data questions. --format md with --out writes the charts as SVG files beside \
            the Markdown file. md, html and json carry a run manifest (version, command, SHA-256 of inputs).

            Example:
              tradescope report
              tradescope report --format html --out report.html
              tradescope report --hs 2701 --format json --out coal.json
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    @Option(help: "Year of the composition by HS section, YYYY (default: the last year with a TOTAL figure up to the last year the selected code has a value).")
    var compositionYear: Int?

    @Option(help: "Sections below this share of the total are grouped as 'other', 0 to 1 (default: 0.02, i.e. 2%).")
    var minShare: Double = SectionComposition.defaultMinimumShare

    func validate() throws {
        if output.format == .csv { throw ValidationError("--format csv: a report is text, md, html or json; use 'series --format csv' for the table") }
        if output.format == .svg { throw ValidationError("--format svg: a report has several charts; use --format html (one page) or --format md (with its SVG files beside --out)") }
        if !(0...1).contains(minShare) { throw ValidationError("--min-share: \(minShare) is not a share between 0 and 1") }
    }

    func run() throws {
        let context = RunContext()
        let workspace = try selection.workspace(context)
        let selections = try selection.selections(workspace.profile)
        let reports = try self.reports(selections, workspace: workspace)
        switch output.format {
        case .text, .csv: try output.write(reports.map { $0.text(colour: output.colourAllowed) }.joined(separator: "\n"))
        case .json, .md, .html, .svg: try writeDocument(reports, selections: selections, workspace: workspace)
        }
    }

    /// One report per selection (the text report's content; the documents add charts around it).
    func reports(_ selections: [TradeSelection], workspace: Workspace) throws -> [TradeReport] {
        var reports: [TradeReport] = []
        let mirror = selection.mirrorView
        let citations = workspace.citations.mapValues {
            SourceCitation(id: $0.id, publisher: $0.publisher, title: $0.title, date: $0.date, url: $0.url, excerpt: $0.excerpt)
        }
        // On a store (--db) with many codes the reports take a while: a bar on stderr when it is a terminal.
        let progress = TerminalProgress(total: selections.count, unit: "codes", label: "report", enabled: selection.db != nil)
        defer { progress.finish() }
        for selected in selections {
            defer { progress.tick() }
            let series = try workspace.series(selected, mirror: mirror, quantity: selection.quantity).series
            let table = SeriesTable(
                series: series, selectionLabel: workspace.label(selected, mirror: mirror), valuation: workspace.valuation(selected, mirror: mirror))
            var chapterSeries: TradeSeries?
            if case let .hs(code) = selected.commodity, code.level != .chapter {
                chapterSeries = try? workspace.series(selected.with(commodity: .hs(code.chapter)), mirror: mirror, quantity: selection.quantity).series
            }
            reports.append(TradeReport(
                table: table, commodityName: Workspace.commodityName(selected.commodity),
                calendar: try workspace.calendar, provenance: workspace.provenance(of: series, mirror: mirror),
                citations: citations, chapterSeries: chapterSeries,
                diagnosis: DiagnosticsSpecification().diagnose(series, context: SanctionContext(calendar: try workspace.calendar, selection: selected)),
                monthly: selected.frequency == .annual ? workspace.monthlyStructural(selected, mirror: mirror).map {
                    MonthlyStructuralSection(fit: $0.fit, flags: $0.flags, window: $0.window)
                } : nil))
        }
        return reports
    }
}
