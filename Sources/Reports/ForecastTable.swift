import TrendAnalysis

/// The model behind a forecast: exponential smoothing, or a structural model (which runs on gaps).
public enum ForecastModel: Sendable {
    case exponentialSmoothing(ExponentialSmoothingFit)
    case structural(StructuralModelFit)
}

/// Renders a fitted model (exponential smoothing or structural) and its forecast. Computes nothing.
///
/// Every format states the scale the model was fitted on (`transformation`: `none`, `log`), what the
/// point forecast is (`point`: the model's mean, a back-transformed bias-adjusted mean, or a median)
/// and which figures were truncated at 0, with the forecast's notes.
public struct ForecastTable: Sendable {
    /// The fitted model.
    public let model: ForecastModel
    /// Its forecast.
    public let forecast: Forecast
    /// What the series is, for the heading.
    public let label: String

    /// A table.
    ///
    /// - Parameters:
    ///   - fit: The fitted model.
    ///   - forecast: The forecast.
    ///   - label: The series label.
    public init(fit: ExponentialSmoothingFit, forecast: Forecast, label: String) {
        self.init(model: .exponentialSmoothing(fit), forecast: forecast, label: label)
    }

    /// A table of any model's forecast.
    public init(model: ForecastModel, forecast: Forecast, label: String) {
        self.model = model
        self.forecast = forecast
        self.label = label
    }

    private var parameters: [(String, Double?)] {
        switch model {
        case let .exponentialSmoothing(fit):
            return [("alpha", fit.parameters.alpha), ("beta", fit.parameters.beta), ("gamma", fit.parameters.gamma), ("phi", fit.parameters.phi)]
        case let .structural(fit):
            return zip(fit.variances.names, fit.variances.values).map { ("var_" + $0, $1) }
        }
    }

    /// The model's name ("ETS(A,A,N)", "structural model (local level + seasonal(12))").
    public var modelName: String {
        switch model {
        case let .exponentialSmoothing(fit): return fit.specification.name
        case let .structural(fit): return "structural model (\(fit.specification.name(period: fit.period)))"
        }
    }

    private var estimation: String {
        switch model {
        case let .exponentialSmoothing(fit): return fit.specification.formulation == .stateSpace ? "maximum likelihood" : "least squares"
        case .structural: return "maximum likelihood (exact diffuse Kalman filter; missing periods skipped)"
        }
    }

    /// The periods fitted, and the count of observations.
    private var window: String {
        switch model {
        case let .exponentialSmoothing(fit):
            let periods = fit.periods
            return periods.isEmpty ? "\(fit.observed.count) observations" : "\(periods[0])-\(periods[periods.count - 1]) (\(periods.count) periods)"
        case let .structural(fit):
            guard let first = fit.periods.first, let last = fit.periods.last else { return "no periods" }
            return "\(first)-\(last) (\(fit.observationCount) periods observed, \(fit.missingCount) missing)"
        }
    }

    private var fitFrom: String? {
        switch model {
        case let .exponentialSmoothing(fit): return fit.periods.first?.description
        case let .structural(fit): return fit.periods.first?.description
        }
    }

    private var fitTo: String? {
        switch model {
        case let .exponentialSmoothing(fit): return fit.periods.last?.description
        case let .structural(fit): return fit.periods.last?.description
        }
    }

    /// SSE and sigma2 for exponential smoothing; `nil` for a structural model (its log-likelihood instead).
    private var errorFigures: (sse: Double?, sigma2: Double?, logLikelihood: Double?) {
        switch model {
        case let .exponentialSmoothing(fit): return (fit.sumOfSquaredErrors, fit.sigma2, nil)
        case let .structural(fit): return (nil, nil, fit.logLikelihood)
        }
    }

    /// `mean`; after a back-transformation `bias-adjusted mean` or `median`.
    private var pointName: String {
        forecast.transformation == .none ? "mean" : (forecast.point == .mean ? "bias-adjusted mean" : "median")
    }

    /// The error of the model fitted: `additive` or `multiplicative` (Holt-Winters: additive).
    private var errorName: String {
        switch model {
        case let .exponentialSmoothing(fit): return fit.specification.formulation == .holtWinters ? "additive" : fit.specification.error.rawValue
        case .structural: return "additive"
        }
    }

    /// One sentence on the scale of the model and of the figures.
    private var scaleLine: String {
        switch forecast.transformation {
        case .none:
            return "Scale: untransformed (\(errorName) errors); point forecast: mean"
        case .boxCox:
            let scale = forecast.transformation == .log ? "logs" : "the \(forecast.transformation.name) scale"
            return "Scale: fitted on \(scale) (\(errorName) errors there), figures back-transformed; point forecast: \(pointName); SSE and sigma2 are on \(scale)"
        }
    }

    /// The SSE: grouped on the data's scale, six decimals on a transformed (log) scale where it is small.
    private var sseText: String {
        guard let sse = errorFigures.sse else { return "log-likelihood " + AnalysisText.significant(errorFigures.logLikelihood ?? .nan) }
        return forecast.transformation == .none ? NumberStyle.grouped(sse) : NumberStyle.fixed(sse, decimals: 6)
    }

    /// The truncated figures of step `h`, for example `mean;lower` (empty when none).
    private func truncated(_ h: Int) -> String {
        forecast.truncations.filter { $0.step == h }.map(\.figure.rawValue).joined(separator: ";")
    }

    /// Text or Markdown.
    ///
    /// - Parameter markdown: Markdown table.
    /// - Returns: The rendering.
    public func text(markdown: Bool = false) -> String {
        var out = (markdown ? "# " : "") + "\(modelName) forecast: \(label)\n\n"
        out += "Fitted on \(window); " + parameters.compactMap { name, value in value.map { "\(name) \(NumberStyle.fixed($0, decimals: 4))" } }.joined(separator: ", ")
        out += "; \(errorFigures.sse == nil ? "" : "SSE ")\(sseText); \(forecast.intervalMethod.rawValue) \(NumberStyle.share(forecast.level, decimals: 0)) intervals"
        if forecast.intervalMethod == .simulation { out += " (\(forecast.simulationPaths) paths, seed \(forecast.seed))" }
        out += "\n" + scaleLine + "\n\n"
        let rows = (0..<forecast.horizon).map { h in
            [forecast.stepLabel(h), NumberStyle.grouped(forecast.mean[h]) + (truncated(h).isEmpty ? "" : " *"),
             NumberStyle.grouped(forecast.intervals[h].lower), NumberStyle.grouped(forecast.intervals[h].upper)]
        }
        let header = ["Period", forecast.point == .median && forecast.transformation != .none ? "Median" : "Mean", "Lower", "Upper"]
        if markdown {
            out += "| " + header.joined(separator: " | ") + " |\n|---|---|---|---|\n"
            for row in rows { out += "| " + row.joined(separator: " | ") + " |\n" }
        } else {
            let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
            out += header.indices.map { i in i == 0 ? NumberStyle.left(header[i], widths[i]) : NumberStyle.right(header[i], widths[i]) }.joined(separator: "  ") + "\n"
            for row in rows {
                out += row.indices.map { i in i == 0 ? NumberStyle.left(row[i], widths[i]) : NumberStyle.right(row[i], widths[i]) }.joined(separator: "  ") + "\n"
            }
        }
        if !forecast.notes.isEmpty {
            out += "\n"
            if !forecast.truncations.isEmpty { out += (markdown ? "" : "* ") + "figures below 0 truncated at 0 (see notes)\n" + (markdown ? "\n" : "") }
            for note in forecast.notes { out += (markdown ? "- " : "Note: ") + note + "\n" }
        }
        return out
    }

    /// HTML: a section with the model line, the scale, the forecast table and the notes.
    ///
    /// - Returns: An HTML fragment.
    public func html() -> String {
        var header = [SummaryTable.HeaderRow("Model", modelName), SummaryTable.HeaderRow("Fitted on", window)]
        header += parameters.compactMap { name, value in value.map { SummaryTable.HeaderRow(name, NumberStyle.fixed($0, decimals: 4)) } }
        header += [SummaryTable.HeaderRow("Transformation", forecast.transformation.name), SummaryTable.HeaderRow("Error", errorName),
                   SummaryTable.HeaderRow("Point forecast", pointName),
                   SummaryTable.HeaderRow("Intervals", "\(forecast.intervalMethod.rawValue) \(NumberStyle.share(forecast.level, decimals: 0))"),
                   SummaryTable.HeaderRow(errorFigures.sse == nil ? "Log-likelihood" : "SSE", sseText)]
        let rows = (0..<forecast.horizon).map { h in
            [forecast.stepLabel(h), NumberStyle.grouped(forecast.mean[h]), NumberStyle.grouped(forecast.intervals[h].lower),
             NumberStyle.grouped(forecast.intervals[h].upper), truncated(h)]
        }
        let table = SummaryTable(title: "\(modelName) forecast: \(label)", header: header,
                                 columns: ["Period", forecast.point == .median && forecast.transformation != .none ? "Median" : "Mean", "Lower", "Upper", "Truncated at 0"],
                                 rows: rows, notes: [scaleLine] + forecast.notes)
        return SummaryTableRenderer.html(table)
    }

    /// CSV `period,mean,lower,upper,level,transformation,point,truncated` (`truncated`: the figures of the
    /// row raised to 0, `;`-separated, for example `mean;lower`).
    ///
    /// - Returns: The CSV text.
    public func csv() -> String {
        var out = "period,mean,lower,upper,level,transformation,point,truncated\n"
        for h in 0..<forecast.horizon {
            out += "\(forecast.stepLabel(h)),\(forecast.mean[h]),\(forecast.intervals[h].lower),\(forecast.intervals[h].upper),\(forecast.level),"
                + "\(forecast.transformation.name),\(pointName),\(truncated(h))\n"
        }
        return out
    }

    /// JSON (CLI.md `forecast`): `model`, `params`, `sse`, `sigma2`, `transformation` (`none`, `log`), `box_cox_lambda`
    /// (`null` for `none`), `error` (`additive`, `multiplicative`), `point` (`mean`, `bias-adjusted mean`, `median`),
    /// `forecast: [{period, mean, lower, upper, truncated: [figure]}]`, `truncations: [{period, figure, untruncated, scale}]`
    /// and `notes`. `sse` and `sigma2` are on the scale of `transformation`.
    ///
    /// - Returns: The JSON value.
    public func json(selection: JSONValue) -> JSONValue {
        .object([
            ("selection", selection),
            ("model", .string(modelName)),
            ("estimation", .string(estimation)),
            ("params", .object(parameters.map { ($0.0, .number($0.1)) })),
            ("fit_from", .string(fitFrom)), ("fit_to", .string(fitTo)),
            ("sse", .number(errorFigures.sse)), ("sigma2", .number(errorFigures.sigma2)),
            ("log_likelihood", .number(errorFigures.logLikelihood)),
            ("level", .number(forecast.level)), ("intervals", .string(forecast.intervalMethod.rawValue)),
            ("simulation_paths", .integer(forecast.simulationPaths)), ("seed", .string(String(forecast.seed))),
            ("transformation", .string(forecast.transformation.name)), ("box_cox_lambda", .number(forecast.transformation.lambda)),
            ("error", .string(errorName)), ("point", .string(pointName)),
            ("forecast", .array((0..<forecast.horizon).map { h in
                .object([("period", .string(forecast.periods.isEmpty ? nil : forecast.periods[h].description)), ("mean", .number(forecast.mean[h])),
                         ("lower", .number(forecast.intervals[h].lower)), ("upper", .number(forecast.intervals[h].upper)),
                         ("truncated", .array(forecast.truncations.filter { $0.step == h }.map { .string($0.figure.rawValue) }))])
            })),
            ("truncations", .array(forecast.truncations.map { t in
                .object([("period", .string(t.period?.description ?? forecast.stepLabel(t.step))), ("figure", .string(t.figure.rawValue)),
                         ("untruncated", .number(t.untruncated)), ("scale", .string(t.scale.rawValue))])
            })),
            ("notes", .array(forecast.notes.map { .string($0) })),
        ])
    }
}
