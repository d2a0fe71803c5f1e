import TrendAnalysis

/// Log-linear trend of every series with the batch kernel `TimeTrendLine.fitLogLinear(panel:length:)`
/// (closed form with standard errors, p-values, intervals, R², log-likelihood, Durbin-Watson).
/// Peers: the numpy closed form and the statsmodels `OLS` loop. Checksum: Σ slope, Σ slope SE.
enum TrendBatchTask {
    static func run(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        let fits = TimeTrendLine.fitLogLinear(panel: panel.values, length: panel.months)
        var slopes = 0.0, errors = 0.0
        for fit in fits {
            guard let fit else { throw AnalysisInputError("a series of the panel has a value that is not positive") }
            slopes += fit.slope
            errors += fit.slopeStandardError
        }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: ["slope_sum": slopes, "slope_se_sum": errors])
    }
}
