import NumericCore
import TradeDomain
import TrendAnalysis

/// JSON and CSV renderings of trend and regression results (CLI.md `trend`, `regress`).
public enum TrendTable {
    /// JSON of one trend fit: `model`, `n`, `missing`, `from`, `to`, then the model's fields —
    /// regressions: the `regression(_:)` fields (plus `growth_rate`, `annual_growth_rate`, `cagr`
    /// for loglinear); Mann–Kendall: `s`, `var_s`, `z`, `p`, `tau`, `sen_slope`, `sen_intercept`,
    /// `trend`; Theil–Sen: `slope`, `intercept`, `slope_ci_low`, `slope_ci_high`.
    ///
    /// - Parameters:
    ///   - fit: The fit.
    ///   - leading: Fields placed first (selection, group key).
    /// - Returns: The JSON object.
    public static func json(_ fit: TrendFit, leading: [(String, JSONValue)] = []) -> JSONValue {
        var fields = leading + [
            ("model", .string(fit.specification.model.description)), ("seasonal", .bool(fit.specification.seasonal)),
            ("missing", .integer(fit.missingCount)),
            ("from", .string(fit.firstPeriod?.description)), ("to", .string(fit.lastPeriod?.description)),
            ("level", .number(fit.specification.level)),
        ]
        if let regression = fit.regression {
            fields += regressionFields(regression)
            if let growth = fit.growth {
                fields += [("growth_rate", rate(growth.perPeriod)), ("annual_growth_rate", rate(growth.annual)),
                           ("cagr", growth.compoundAnnual.map(rate) ?? .null)]
            }
        }
        if fit.regression == nil { fields.append(("n", .integer(fit.observationCount))) }
        if let test = fit.mannKendall {
            fields += [("s", .number(test.s)), ("var_s", .number(test.varianceS)), ("z", .number(test.z)), ("p", .number(test.pValue)),
                       ("tau", .number(test.tau)), ("sen_slope", .number(test.senSlope)), ("sen_intercept", .number(test.senIntercept)),
                       ("trend", .string(test.trend.rawValue)), ("alpha", .number(test.significance))]
            if test.hamedRaoCorrected { fields.append(("variance_correction", .number(test.varianceCorrection))) }
        }
        if let estimate = fit.theilSen {
            fields += [("slope", .number(estimate.slope)), ("intercept", .number(estimate.intercept)),
                       ("slope_ci_low", .number(estimate.lower)), ("slope_ci_high", .number(estimate.upper))]
        }
        return .object(fields)
    }

    /// JSON of a column regression (`regress`): `response`, `dropped_rows`, then the regression fields.
    ///
    /// - Parameters:
    ///   - fit: The fit.
    ///   - source: The data file as named by the user.
    /// - Returns: The JSON object.
    public static func json(_ fit: ColumnRegressionFit, source: String) -> JSONValue {
        .object([("data", .string(source)), ("response", .string(fit.specification.response)),
                 ("weights", .string(fit.specification.weights)), ("dropped_rows", .integer(fit.droppedRowCount)),
                 ("level", .number(fit.regression.level))] + regressionFields(fit.regression))
    }

    /// The CLI.md regression fields: `coefficients: [{name, estimate, std_error, t, p, ci_low, ci_high
    /// [, hac_std_error, hac_p]}]`, `n`, `df_resid`, `df_model`, `sigma`, `r_squared`, `adj_r_squared`,
    /// `f_statistic`, `f_p_value`, `log_likelihood`, `aic`, `bic`, `durbin_watson` (and `hac_lags`).
    static func regressionFields(_ fit: RegressionResults) -> [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("coefficients", .array(fit.coefficients.map { c in
                var entry: [(String, JSONValue)] = [
                    ("name", .string(c.name)), ("estimate", .number(c.estimate)), ("std_error", .number(c.standardError)),
                    ("t", .number(c.tStatistic)), ("p", .number(c.pValue)), ("ci_low", .number(c.lower)), ("ci_high", .number(c.upper)),
                ]
                if fit.hacLags != nil {
                    entry += [("hac_std_error", .number(c.hacStandardError)), ("hac_p", .number(c.hacPValue))]
                }
                return .object(entry)
            })),
            ("n", .integer(fit.observationCount)), ("df_resid", .integer(fit.residualDegreesOfFreedom)),
            ("df_model", .integer(fit.modelDegreesOfFreedom)), ("sigma", .number(fit.residualStandardError)),
            ("r_squared", .number(fit.rSquared)), ("adj_r_squared", .number(fit.adjustedRSquared)),
            ("f_statistic", .number(fit.fStatistic)), ("f_p_value", .number(fit.fPValue)),
            ("log_likelihood", .number(fit.logLikelihood)), ("aic", .number(fit.aic)), ("bic", .number(fit.bic)),
            ("durbin_watson", .number(fit.durbinWatson)),
        ]
        if let lags = fit.hacLags { fields.append(("hac_lags", .integer(lags))) }
        return fields
    }

    private static func rate(_ rate: GrowthRate) -> JSONValue {
        .object([("estimate", .number(rate.estimate)), ("ci_low", .number(rate.lower)), ("ci_high", .number(rate.upper))])
    }

    /// CSV of one regression: a row per coefficient (`name,estimate,std_error,t,p,ci_low,ci_high[,hac_std_error,hac_p]`).
    ///
    /// - Parameter fit: The regression.
    /// - Returns: CSV text with a header row.
    public static func csv(_ fit: RegressionResults) -> String {
        let hac = fit.hacLags != nil
        var out = "name,estimate,std_error,t,p,ci_low,ci_high" + (hac ? ",hac_std_error,hac_p" : "") + "\n"
        for c in fit.coefficients {
            var cells = [c.name, number(c.estimate), number(c.standardError), number(c.tStatistic), number(c.pValue),
                         number(c.lower), number(c.upper)]
            if hac { cells += [number(c.hacStandardError), number(c.hacPValue)] }
            out += cells.joined(separator: ",") + "\n"
        }
        return out
    }

    /// CSV of one trend fit: the coefficient table for regressions, `statistic,value` rows otherwise.
    ///
    /// - Parameter fit: The fit.
    /// - Returns: CSV text with a header row.
    public static func csv(_ fit: TrendFit) -> String {
        if let regression = fit.regression { return csv(regression) }
        guard case let .object(fields) = json(fit) else { return "" }
        var out = "statistic,value\n"
        for (key, value) in fields {
            switch value {
            case let .number(x): out += "\(key),\(number(x))\n"
            case let .integer(k): out += "\(key),\(k)\n"
            case let .string(text): out += "\(key),\(text)\n"
            case let .bool(flag): out += "\(key),\(flag)\n"
            default: out += "\(key),\n"
            }
        }
        return out
    }

    /// The header of the one-row-per-group CSV (`trend --by`), for a model.
    ///
    /// - Parameter model: The trend model of every group.
    /// - Returns: The header line with its newline.
    public static func batchHeader(model: TrendModel) -> String {
        var columns = ["group", "n", "missing", "from", "to"]
        switch model {
        case .linear, .logLinear, .polynomial:
            columns += ["intercept", "slope", "slope_std_error", "slope_t", "slope_p", "slope_ci_low", "slope_ci_high",
                        "sigma", "r_squared", "durbin_watson"]
            if model == .logLinear { columns += ["growth_rate", "annual_growth_rate", "annual_ci_low", "annual_ci_high", "cagr"] }
        case .mannKendall, .hamedRao:
            columns += ["s", "var_s", "z", "p", "tau", "sen_slope", "sen_intercept", "trend"]
        case .theilSen:
            columns += ["slope", "intercept", "slope_ci_low", "slope_ci_high"]
        }
        return (columns + ["error"]).joined(separator: ",") + "\n"
    }

    /// One CSV row of a group (`trend --by`), matching ``batchHeader(model:)``; a failed group has
    /// empty statistics and its error.
    ///
    /// - Parameters:
    ///   - group: The group's result.
    ///   - model: The model of every group.
    /// - Returns: The row with its newline.
    public static func batchRow(_ group: GroupResult<TrendFit>, model: TrendModel) -> String {
        let width = batchHeader(model: model).split(separator: ",").count - 6
        var cells = [quoted(group.key)]
        guard let fit = group.value else {
            cells += [String](repeating: "", count: 4 + width) + [quoted(group.error.map { "\($0)" } ?? "")]
            return cells.joined(separator: ",") + "\n"
        }
        cells += ["\(fit.observationCount)", "\(fit.missingCount)", fit.firstPeriod?.description ?? "", fit.lastPeriod?.description ?? ""]
        if let r = fit.regression {
            let slope = r.coefficient(named: "t")
            cells += [number(r.coefficients.first?.estimate), number(slope?.estimate), number(slope?.standardError),
                      number(slope?.tStatistic), number(slope?.pValue), number(slope?.lower), number(slope?.upper),
                      number(r.residualStandardError), number(r.rSquared), number(r.durbinWatson)]
            if model == .logLinear {
                cells += [number(fit.growth?.perPeriod.estimate), number(fit.growth?.annual.estimate),
                          number(fit.growth?.annual.lower), number(fit.growth?.annual.upper),
                          number(fit.growth?.compoundAnnual?.estimate)]
            }
        } else if let t = fit.mannKendall {
            cells += [number(t.s), number(t.varianceS), number(t.z), number(t.pValue), number(t.tau), number(t.senSlope),
                      number(t.senIntercept), t.trend.rawValue]
        } else if let e = fit.theilSen {
            cells += [number(e.slope), number(e.intercept), number(e.lower), number(e.upper)]
        }
        return (cells + [""]).joined(separator: ",") + "\n"
    }

    /// One NDJSON line of a group (`trend --by --format json`): the fit's JSON with `group`
    /// first, or `{group, error}`.
    ///
    /// - Parameter group: The group's result.
    /// - Returns: One line of JSON with its newline.
    public static func batchLine(_ group: GroupResult<TrendFit>) -> String {
        let value: JSONValue
        if let fit = group.value {
            value = json(fit, leading: [("group", .string(group.key))])
        } else {
            value = .object([("group", .string(group.key)), ("error", .string(group.error.map { "\($0)" }))])
        }
        return value.rendered(indent: 0) + "\n"
    }

    /// Full precision; empty for nil (missing), `NA` for a value that is not finite (undefined,
    /// as the JSON's `null` with its `_na` reason).
    static func number(_ value: Double?) -> String {
        guard let value else { return "" }
        return value.isFinite ? "\(value)" : "NA"
    }

    static func quoted(_ text: String) -> String { CSVText.field(text) }
}
