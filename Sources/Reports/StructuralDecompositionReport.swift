import Foundation
import TradeDomain
import TrendAnalysis

/// Renders a structural model's decomposition (smoothed level, slope, seasonal and irregular with
/// standard errors at every period, missing ones marked as estimated) as text, CSV or JSON.
/// Computes nothing.
public struct StructuralDecompositionReport: Sendable {
    /// The fit.
    public let fit: StructuralModelFit
    /// What was analysed.
    public let label: String
    /// Why the structural model was used ("chosen: the window has 61 missing periods"), or `nil` when asked for.
    public let reason: String?

    /// A report.
    public init(fit: StructuralModelFit, label: String, reason: String? = nil) {
        self.fit = fit
        self.label = label
        self.reason = reason
    }

    private var name: String { fit.specification.name(period: fit.period) }

    /// The header lines: model, variances, log-likelihood, observed and missing counts.
    private var header: [String] {
        var lines = ["Structural model (\(name)): \(label)"]
        if let reason { lines.append(reason) }
        lines.append("\(fit.observationCount) periods observed, \(fit.missingCount) missing (estimated by the Kalman smoother, marked *); "
            + "exact diffuse log-likelihood \(AnalysisText.significant(fit.logLikelihood)), AIC \(AnalysisText.significant(fit.aic))")
        lines.append("variances: " + zip(fit.variances.names, fit.variances.values).map { "\($0) \(AnalysisText.significant($1))" }.joined(separator: ", ")
            + (fit.variancesEstimated ? " (maximum likelihood)" : " (fixed)"))
        if fit.specification.logarithm { lines.append("Figures are on the log scale (ln y).") }
        return lines
    }

    /// Fixed-width text: the header, then one row per period.
    public func text() -> String {
        var out = header.joined(separator: "\n") + "\n"
        let slope = fit.slope, seasonal = fit.seasonal
        var columns = ["period", "observed", "level", "level s.e."]
        if slope != nil { columns.append("slope") }
        if seasonal != nil { columns.append("seasonal") }
        columns += ["irregular aux.", "level aux."]
        out += AnalysisText.table(columns, fit.periods.indices.map { i in
            var row = [fit.periods[i].description + (fit.missing[i] ? " *" : ""), fit.observed[i].map(AnalysisText.significant) ?? "-",
                       AnalysisText.significant(fit.level.estimates[i]), AnalysisText.significant(fit.level.standardErrors[i])]
            if let slope { row.append(AnalysisText.significant(slope.estimates[i])) }
            if let seasonal { row.append(AnalysisText.significant(seasonal.estimates[i])) }
            row.append(fit.irregularAuxiliaryResiduals[i].map(AnalysisText.significant) ?? "-")
            row.append(fit.levelAuxiliaryResiduals[i].map(AnalysisText.significant) ?? "-")
            return row
        })
        return out
    }

    /// CSV: `period,estimated,observed,level,level_se,slope,slope_se,seasonal,seasonal_se,signal,signal_se,irregular_aux,level_aux`.
    public func csv() -> String {
        func cell(_ value: Double?) -> String { value.map { $0.isFinite ? "\($0)" : "" } ?? "" }
        var out = "period,estimated,observed,level,level_se,slope,slope_se,seasonal,seasonal_se,signal,signal_se,irregular_aux,level_aux\n"
        for i in fit.periods.indices {
            out += [fit.periods[i].description, fit.missing[i] ? "true" : "false", cell(fit.observed[i]),
                    cell(fit.level.estimates[i]), cell(fit.level.standardErrors[i]),
                    cell(fit.slope?.estimates[i]), cell(fit.slope?.standardErrors[i]),
                    cell(fit.seasonal?.estimates[i]), cell(fit.seasonal?.standardErrors[i]),
                    cell(fit.signal.estimates[i]), cell(fit.signal.standardErrors[i]),
                    cell(fit.irregularAuxiliaryResiduals[i]), cell(fit.levelAuxiliaryResiduals[i])].joined(separator: ",") + "\n"
        }
        return out
    }

    /// JSON: `method: "structural"`, `model`, `log_likelihood`, `aic`, `bic`, `parameters` (variances),
    /// `observed_periods`, `missing_periods`, and per period `{period, estimated, observed, level, level_se,
    /// slope, slope_se, seasonal, seasonal_se, signal, signal_se, irregular_aux, level_aux}`.
    public func json(selection: JSONValue) -> JSONValue {
        func number(_ value: Double?) -> JSONValue { value.map { $0.isFinite ? .number($0) : .null } ?? .null }
        return .object([
            ("selection", selection),
            ("method", .string("structural")),
            ("model", .string(name)),
            ("reason", .string(reason)),
            ("log_scale", .bool(fit.specification.logarithm)),
            ("log_likelihood", number(fit.logLikelihood)),
            ("aic", number(fit.aic)),
            ("bic", number(fit.bic)),
            ("parameters", .object(zip(fit.variances.names, fit.variances.values).map { ($0, number($1)) })),
            ("variances_estimated", .bool(fit.variancesEstimated)),
            ("observed_periods", .integer(fit.observationCount)),
            ("missing_periods", .integer(fit.missingCount)),
            ("rows", .array(fit.periods.indices.map { i in
                .object([
                    ("period", .string(fit.periods[i].description)), ("estimated", .bool(fit.missing[i])), ("observed", number(fit.observed[i])),
                    ("level", number(fit.level.estimates[i])), ("level_se", number(fit.level.standardErrors[i])),
                    ("slope", number(fit.slope?.estimates[i])), ("slope_se", number(fit.slope?.standardErrors[i])),
                    ("seasonal", number(fit.seasonal?.estimates[i])), ("seasonal_se", number(fit.seasonal?.standardErrors[i])),
                    ("signal", number(fit.signal.estimates[i])), ("signal_se", number(fit.signal.standardErrors[i])),
                    ("irregular_aux", number(fit.irregularAuxiliaryResiduals[i])), ("level_aux", number(fit.levelAuxiliaryResiduals[i])),
                ])
            })),
        ])
    }
}
