extension TrendFit {
    /// The fit as a neutral table: a regression table for linear, log-linear and
    /// polynomial trends (with growth rates for log-linear), or the test statistics
    /// for Mann–Kendall, Hamed–Rao and Theil–Sen.
    ///
    /// - Parameter label: What the series is (e.g. "value of HS 2701, CHN imports from PRK").
    /// - Returns: The table.
    public func summary(label: String = "y") -> SummaryTable {
        let span = firstPeriod.map { first in "\(first) to \(lastPeriod.map(String.init(describing:)) ?? "")" } ?? "none"
        let common: [SummaryTable.HeaderRow] = [
            .init("Periods", span), .init("Missing dropped", "\(missingCount)"),
        ]
        let model = specification.model
        let seasonalText = specification.seasonal ? " with seasonal dummies" : ""
        if let regression {
            let dependent = model == .logLinear ? "ln(\(label))" : label
            var notes = ["t counts periods from the first observed period (t = 0 at \(firstPeriod.map(String.init(describing:)) ?? "-"))."]
            if let growth {
                let pct = SummaryNumber.percent
                func line(_ name: String, _ rate: GrowthRate) -> String {
                    "\(name): \(pct(rate.estimate)) [\(pct(rate.lower)), \(pct(rate.upper))]"
                }
                notes.append("Growth (\(SummaryNumber.trimmed(100 * growth.perPeriod.level))% intervals): "
                             + line("per period", growth.perPeriod) + "; " + line("annualised", growth.annual)
                             + (growth.compoundAnnual.map { "; " + line("CAGR first-to-last", $0) } ?? ""))
            }
            return regression.summary(title: "Trend (\(model)\(seasonalText)): OLS Regression Results", dependent: dependent,
                                      extraHeader: common, notes: notes)
        }
        let g = SummaryNumber.general
        if let test = mannKendall {
            let name = test.hamedRaoCorrected ? "Mann-Kendall test, Hamed-Rao variance correction" : "Mann-Kendall test"
            var rows: [[String]] = [["S", g(test.s)], ["Var(S)", g(test.varianceS)], ["z", g(test.z)], ["p", g(test.pValue)],
                                    ["Kendall tau", g(test.tau)], ["Sen slope", g(test.senSlope)], ["Sen intercept", g(test.senIntercept)]]
            if test.hamedRaoCorrected { rows.insert(["n/n* (variance factor)", g(test.varianceCorrection)], at: 2) }
            return SummaryTable(title: name, header: [.init("Series", label), .init("No. Observations", "\(test.observationCount)")] + common
                                + [.init("Trend at alpha \(SummaryNumber.trimmed(test.significance))", test.trend.rawValue)],
                                columns: ["statistic", "value"], rows: rows,
                                notes: ["Two-sided p from the normal with continuity correction; slope per period, intercept at the first observed period."])
        }
        if let estimate = theilSen {
            let level = SummaryNumber.trimmed(100 * estimate.level)
            return SummaryTable(title: "Theil-Sen slope", header: [.init("Series", label), .init("No. Observations", "\(estimate.observationCount)")] + common,
                                columns: ["", "estimate", "[\(level)% low", "high]"],
                                rows: [["slope", g(estimate.slope), g(estimate.lower), g(estimate.upper)],
                                       ["intercept", g(estimate.intercept), "", ""]],
                                notes: ["Slope per period; interval from Sen (1968); intercept = median(y) - slope * median(t) at the first observed period."])
        }
        return SummaryTable(title: "Trend", header: common, columns: [], rows: [], notes: [])
    }
}
