import ArgumentParser
import Foundation

/// What the analysis commands (decompose, breaks, anomalies) analyse: a measure of the trade
/// selection, or a generic `period,value` file (CLI.md "Common").
struct AnalysisInputOptions: ParsableArguments {
    @Option(help: "A CSV with columns period,value (periods YYYY, YYYY-MM or YYYY-Qn; an empty value is missing) to analyse instead of a trade selection; - reads standard input.")
    var series: String?

    @Option(help: "Series of the trade selection: value (USD), quantity (the selection's unit) or unit-price (USD per unit) (default: value).")
    var measure: AnalysisMeasure = .value
}

enum AnalysisMeasure: String, ExpressibleByArgument, CaseIterable {
    case value, quantity
    case unitPrice = "unit-price"
}
