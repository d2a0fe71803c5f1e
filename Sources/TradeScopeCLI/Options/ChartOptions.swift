import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeScopeKit
import TrendAnalysis

/// How `--format html` and `--format svg` draw the series (CLI.md "Charts").
struct ChartOptions: ParsableArguments {
    @Flag(help: "html/svg: draw the series on a logarithmic axis (every value must be positive).")
    var logScale = false

    @Option(help: "html/svg: rebase the series, its fit and bands to 100 in this period (YYYY, YYYY-MM or YYYY-Qn).")
    var indexBase: String?

    /// Checks the flags against the output format and whether this command's chart can use them.
    ///
    /// - Parameters:
    ///   - format: The output format.
    ///   - logScale: Why this command refuses `--log-scale`, or `nil` when it takes it.
    ///   - indexBase: Why this command refuses `--index-base`, or `nil` when it takes it.
    func validate(format: OutputFormat, refusingLogScale logReason: String? = nil, refusingIndexBase baseReason: String? = nil) throws {
        if (logScale || indexBase != nil) && !format.isChart {
            throw ValidationError("\(logScale ? "--log-scale" : "--index-base") draws a chart: add --format html or --format svg")
        }
        if logScale, let logReason { throw ValidationError("--log-scale: \(logReason)") }
        if let indexBase {
            if let baseReason { throw ValidationError("--index-base: \(baseReason)") }
            do { _ = try Period(parsing: indexBase) } catch { throw ValidationError("--index-base: \(error)") }
        }
    }

    /// The display of the chart (checked in `validate`).
    var display: ChartDisplay {
        ChartDisplay(scale: logScale ? .logarithmic : .linear, indexBase: indexBase.flatMap { try? Period(parsing: $0) })
    }
}

/// The chart outputs of the analysis commands: the chart alone (svg) or a page (html).
enum ChartOutput {
    /// The numbered sanction events of a trade selection (none for a `--series` file).
    static func events(_ resolved: ResolvedInput) throws -> [TimeChart.Event] {
        guard let workspace = resolved.workspace, let selected = resolved.input.selection else { return [] }
        return AnalysisCharts.events(SanctionContext(calendar: try workspace.calendar, selection: selected))
    }

    /// The vertical axis label of the analysed measure.
    static func axisLabel(_ resolved: ResolvedInput, measure: AnalysisMeasure) -> String {
        guard let trade = resolved.input.trade else { return "Value" }
        let unit = trade.quantityUnit?.abbreviation ?? "unit"
        switch measure {
        case .value: return "Value (USD)"
        case .quantity: return "Quantity (\(unit))"
        case .unitPrice: return "Unit price (USD/\(unit))"
        }
    }

    /// The provenance lines of a page: where the data came from and which calendar marks the events.
    static func lines(_ resolved: ResolvedInput, events: [TimeChart.Event]) throws -> [String] {
        var lines: [String] = []
        if let workspace = resolved.workspace, resolved.input.trade != nil {
            lines.append("Source: \(workspace.source.label); valuation and conventions in the run manifest below.")
            lines.append("Sanction events: \(events.count) of the calendar \(try workspace.calendar.origin) touch the selection"
                         + (events.isEmpty ? "." : "; numbered on the charts at their effective dates, with the key under each chart."))
        } else {
            lines.append("Source: \(resolved.input.label) (a period,value file; no sanction events are drawn).")
        }
        return lines
    }

    /// Writes `charts[0]` as SVG, or the page.
    static func write(_ output: OutputOptions, charts: [TimeChart], page: () throws -> AnalysisPage) throws {
        if output.format == .svg { return try output.write(charts.first?.svg(id: "chart") ?? "") }
        try output.write(try page().html())
    }
}
