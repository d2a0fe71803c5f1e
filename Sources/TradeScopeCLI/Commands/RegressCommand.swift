import ArgumentParser
import Foundation
import TradeScopeKit
import Reports
import TradeIO
import TrendAnalysis

/// `tradescope regress`: ordinary or weighted least squares on columns of a CSV.
struct RegressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "regress",
        abstract: "Fit ordinary or weighted least squares on columns of a CSV file.",
        discussion: """
            Coefficients come in design order: const first (unless --no-intercept), then each --x \
            column as given, a polynomial's powers ascending. Rows with a missing (empty or NA) value \
            in a used column are dropped and counted. Polynomials are fitted on a centred and scaled \
            column and mapped back to raw powers. --hac LAGS adds Newey-West standard errors as \
            statsmodels cov_type="HAC" (no small-sample correction).

            Examples:
              tradescope regress --data prices.csv --y price --x year
              tradescope regress --data panel.csv --y value --x t,index --poly t:2 --hac 4 --format json
              cat data.csv | tradescope regress --data - --y y --x x --weights w
            """)

    @Option(help: "The CSV file with a header row; - reads standard input.")
    var data: String

    @Option(help: "The response column.")
    var y: String

    @Option(help: "Regressor columns, comma-separated or repeated, in design order.")
    var x: [String] = []

    @Flag(help: "Leave out the intercept (R² is then uncentred, as in R and statsmodels).")
    var noIntercept = false

    @Option(help: "COL:K enters regressor COL as a polynomial of degree K (repeatable).")
    var poly: [String] = []

    @Option(help: "A column of positive inverse-variance weights (weighted least squares).")
    var weights: String?

    @Option(help: "Newey-West lags for HAC standard errors (0 or more; default: none).")
    var hac: Int?

    @Option(help: "Confidence level of intervals, between 0 and 1 (default: 0.95).")
    var level: Double = 0.95

    @OptionGroup var output: OutputOptions

    var regressors: [String] { x.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty } }

    func validate() throws {
        if output.format == .svg { throw ValidationError("--format svg: regress writes text, md, html, csv or json (a table)") }
        if regressors.isEmpty && noIntercept { throw ValidationError("--x: give at least one regressor, or keep the intercept") }
        _ = try polynomialDegrees()
        if let hac, hac < 0 { throw ValidationError("--hac must be 0 or more (lags)") }
        guard level > 0 && level < 1 else { throw ValidationError("--level must lie between 0 and 1, for example 0.95") }
    }

    func polynomialDegrees() throws -> [String: Int] {
        var degrees: [String: Int] = [:]
        for item in poly {
            let parts = item.split(separator: ":")
            guard parts.count == 2, let degree = Int(parts[1]), degree >= 1 else {
                throw ValidationError("--poly \(item): write COL:K with K a whole number of at least 1")
            }
            let name = String(parts[0])
            guard regressors.contains(name) else { throw ValidationError("--poly \(item): \(name) must also be given with --x") }
            degrees[name] = degree
        }
        return degrees
    }

    func run() throws {
        let specification = ColumnRegressionSpecification(response: y, regressors: regressors, hasIntercept: !noIntercept,
                                                          polynomialDegrees: try polynomialDegrees(), weights: weights,
                                                          hacLags: hac, level: level)
        try specification.checkColumnNames()
        let context = RunContext()
        try context.recordFile(data)
        let names = specification.columnNames
        let table = try NumericColumnsReader(path: data == "-" ? "/dev/stdin" : data,
                                             displayName: data == "-" ? "standard input" : data).read(columns: names)
        let fit = try specification.fit(columns: Dictionary(uniqueKeysWithValues: zip(names, table.columns)))
        switch output.format {
        case .text: try output.write(fit.summary().description)
        case .md: try output.write(SummaryTableRenderer.markdown(fit.summary()))
        case .html, .svg: try output.write(SummaryTableRenderer.html(fit.summary()))
        case .csv: try output.write(TrendTable.csv(fit.regression))
        case .json: try output.write(json: TrendTable.json(fit, source: data), context: context)
        }
    }
}
