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
        abstract: "Split a monthly or quarterly series into trend, seasonal and remainder by STL.",
        discussion: """
            STL (Cleveland et al. 1990) with the defaults of statsmodels STL: seasonal window 7, trend and \
            low-pass windows derived from the period, degrees 1, and 5 inner / 0 outer iterations (2 / 15 \
            with --robust). The period defaults to the periods per year of the series.

            Examples:
              tradescope decompose --series co2.csv
              tradescope decompose --series co2.csv --robust --format json

            STL needs a complete series of at least two cycles; the bundled monthly trade data has gaps, \
            so decompose is mostly used with --series or a store made by 'tradescope ingest'.
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Observations per seasonal cycle (default: 12 for monthly, 4 for quarterly data).")
    var period: Int?

    @Option(name: .customLong("seasonal-window"), help: "Seasonal smoother length, odd and at least 3 (default 7).")
    var seasonalWindow: Int = 7

    @Flag(help: "Robust fitting: downweight outliers (2 inner, 15 outer iterations).")
    var robust = false

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .html || output.format == .md { throw ValidationError("--format: decompose writes text, csv or json") }
        if selection.codeTexts.count > 1 { throw ValidationError("--hs: decompose takes one code") }
        if let period, period < 2 { throw ValidationError("--period must be at least 2") }
    }

    func run() throws {
        let context = RunContext()
        let resolved = try input.resolve(selection, context: context)
        let decomposition = try STLSpecification(period: period, seasonal: seasonalWindow, robust: robust).fit(resolved.input.series)
        let report = DecompositionReport(decomposition: decomposition, label: resolved.input.label)
        switch output.format {
        case .json: try output.write(json: report.json(selection: resolved.selectionJSON), context: context)
        case .csv: try output.write(report.csv())
        default: try output.write(report.text())
        }
    }
}
