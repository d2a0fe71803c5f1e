import TrendAnalysis

/// Renders a fitted exponential smoothing model and its forecast. Computes nothing.
public struct ForecastTable: Sendable {
    /// The fitted model.
    public let fit: ExponentialSmoothingFit
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
        self.fit = fit
        self.forecast = forecast
        self.label = label
    }

    private var parameters: [(String, Double?)] {
        [("alpha", fit.parameters.alpha), ("beta", fit.parameters.beta), ("gamma", fit.parameters.gamma), ("phi", fit.parameters.phi)]
    }

    /// Text or Markdown.
    ///
    /// - Parameter markdown: Markdown table.
    /// - Returns: The rendering.
    public func text(markdown: Bool = false) -> String {
        var out = (markdown ? "# " : "") + "\(fit.specification.name) forecast: \(label)\n\n"
        let periods = fit.periods
        let window = periods.isEmpty ? "\(fit.observed.count) observations" : "\(periods[0])-\(periods[periods.count - 1]) (\(periods.count) periods)"
        out += "Fitted on \(window); " + parameters.compactMap { name, value in value.map { "\(name) \(NumberStyle.fixed($0, decimals: 4))" } }.joined(separator: ", ")
        out += "; SSE \(NumberStyle.grouped(fit.sumOfSquaredErrors)); \(forecast.intervalMethod.rawValue) \(NumberStyle.percent(forecast.level, decimals: 0)) intervals"
        if forecast.intervalMethod == .simulation { out += " (\(forecast.simulationPaths) paths, seed \(forecast.seed))" }
        out += "\n\n"
        let rows = (0..<forecast.horizon).map { h in
            [forecast.periods.isEmpty ? "h+\(h + 1)" : forecast.periods[h].description, NumberStyle.grouped(forecast.mean[h]),
             NumberStyle.grouped(forecast.intervals[h].lower), NumberStyle.grouped(forecast.intervals[h].upper)]
        }
        let header = ["Period", "Mean", "Lower", "Upper"]
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
        return out
    }

    /// CSV `period,mean,lower,upper,level`.
    ///
    /// - Returns: The CSV text.
    public func csv() -> String {
        var out = "period,mean,lower,upper,level\n"
        for h in 0..<forecast.horizon {
            out += "\(forecast.periods.isEmpty ? "h+\(h + 1)" : forecast.periods[h].description),\(forecast.mean[h]),\(forecast.intervals[h].lower),\(forecast.intervals[h].upper),\(forecast.level)\n"
        }
        return out
    }

    /// JSON (CLI.md `forecast`): `model`, `params`, `sse`, `sigma2`, `forecast: [{period, mean, lower, upper}]`.
    ///
    /// - Returns: The JSON value.
    public func json(selection: JSONValue) -> JSONValue {
        .object([
            ("selection", selection),
            ("model", .string(fit.specification.name)),
            ("estimation", .string(fit.specification.formulation == .stateSpace ? "maximum likelihood" : "least squares")),
            ("params", .object(parameters.map { ($0.0, .number($0.1)) })),
            ("fit_from", .string(fit.periods.first?.description)), ("fit_to", .string(fit.periods.last?.description)),
            ("sse", .number(fit.sumOfSquaredErrors)), ("sigma2", .number(fit.sigma2)),
            ("level", .number(forecast.level)), ("intervals", .string(forecast.intervalMethod.rawValue)),
            ("simulation_paths", .integer(forecast.simulationPaths)), ("seed", .string(String(forecast.seed))),
            ("forecast", .array((0..<forecast.horizon).map { h in
                .object([("period", .string(forecast.periods.isEmpty ? nil : forecast.periods[h].description)), ("mean", .number(forecast.mean[h])),
                         ("lower", .number(forecast.intervals[h].lower)), ("upper", .number(forecast.intervals[h].upper))])
            })),
        ])
    }
}
