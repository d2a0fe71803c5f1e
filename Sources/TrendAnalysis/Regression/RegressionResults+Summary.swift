import Foundation
import NumericCore

extension RegressionResults {
    /// The regression table in the layout of statsmodels' `summary()` and R's
    /// `summary.lm`: fit statistics in the header, one row per coefficient
    /// (estimate, std. error, t, P>|t|, interval; HAC SE and p when computed).
    ///
    /// - Parameters:
    ///   - title: The title line (default "OLS Regression Results").
    ///   - dependent: The response's name for the header.
    ///   - extraHeader: Rows added after the standard ones.
    ///   - notes: Notes added after the standard ones.
    /// - Returns: The table.
    public func summary(title: String = "OLS Regression Results", dependent: String = "y",
                        extraHeader: [SummaryTable.HeaderRow] = [], notes: [String] = []) -> SummaryTable {
        let g = SummaryNumber.general
        let header: [SummaryTable.HeaderRow] = [
            .init("Dep. Variable", dependent), .init("R-squared", SummaryNumber.fixed(rSquared, 4)),
            .init("No. Observations", "\(observationCount)"), .init("Adj. R-squared", SummaryNumber.fixed(adjustedRSquared, 4)),
            .init("Df Residuals", "\(residualDegreesOfFreedom)"), .init("F-statistic", g(fStatistic)),
            .init("Df Model", "\(modelDegreesOfFreedom)"), .init("Prob (F-statistic)", g(fPValue)),
            .init("Residual std. error", g(residualStandardError)), .init("Log-Likelihood", g(logLikelihood)),
            .init("Durbin-Watson", SummaryNumber.fixed(durbinWatson, 3)), .init("AIC", g(aic)),
            .init("Covariance", hacLags.map { "nonrobust + HAC(\($0))" } ?? "nonrobust"), .init("BIC", g(bic)),
        ] + extraHeader
        let lowerLabel = "[" + SummaryNumber.trimmed((1 - level) / 2) + "]"
        let upperLabel = "[" + SummaryNumber.trimmed(1 - (1 - level) / 2) + "]"
        var columns = ["", "coef", "std err", "t", "P>|t|", lowerLabel, upperLabel]
        if hacLags != nil { columns += ["HAC se", "HAC P>|z|"] }
        let rows = coefficients.map { c -> [String] in
            var row = [c.name, g(c.estimate), g(c.standardError), SummaryNumber.fixed(c.tStatistic, 3),
                       SummaryNumber.fixed(c.pValue, 4), g(c.lower), g(c.upper)]
            if hacLags != nil { row += [c.hacStandardError.map(g) ?? "", c.hacPValue.map { SummaryNumber.fixed($0, 4) } ?? ""] }
            return row
        }
        var allNotes = ["Standard errors assume that the covariance matrix of the errors is correctly specified."]
        if let hacLags {
            allNotes.append("HAC: Newey-West (Bartlett kernel) with \(hacLags) lags, no small-sample correction; HAC p-values use the normal.")
        }
        if isExactFit {
            allNotes.append("Exact fit: the residual standard error is rounding noise (at most 1e-10 of the data's size), so t, P>|t| and F are undefined (NA).")
        }
        allNotes += notes
        return SummaryTable(title: title, header: header, columns: columns, rows: rows,
                            notes: ["Notes:"] + allNotes.enumerated().map { "[\($0.offset + 1)] \($0.element)" })
    }
}

/// Number formatting for summary tables (fixed, so tables are deterministic).
enum SummaryNumber {
    /// Six significant digits, or "NA" for a value that is not finite.
    static func general(_ value: Double) -> String {
        value.isFinite ? String(format: "%.6g", value) : "NA"
    }

    /// `decimals` places, or "NA" for a value that is not finite.
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        value.isFinite ? String(format: "%.\(decimals)f", value) : "NA"
    }

    /// A short form: 0.025, 0.975.
    static func trimmed(_ value: Double) -> String {
        String(format: "%.4g", value)
    }

    /// A fraction as a percentage with two decimals.
    static func percent(_ value: Double) -> String {
        value.isFinite ? String(format: "%.2f%%", 100 * value) : "NA"
    }
}
