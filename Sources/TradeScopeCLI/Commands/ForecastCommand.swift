import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeIO
import TrendAnalysis
import TradeScopeKit

/// `tradescope forecast`: a baseline forecast with prediction intervals.
struct ForecastCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forecast",
        abstract: "Forecast a value or quantity series by exponential smoothing, with prediction intervals.",
        discussion: """
            --method ets fits the ETS state space model by maximum likelihood (R forecast::ets); --method \
            holt-winters fits Holt-Winters by least squares (R HoltWinters). Intervals are analytic for \
            additive models and simulated (seeded, so repeatable) otherwise. The series must have no gaps \
            between --from and --to: choose a window without missing periods.

            Values, quantities and unit prices are never negative, and neither are their forecasts: by \
            default (--transform auto) a positive series is fitted on logs and the point forecast and \
            interval bounds are back-transformed (the point is the bias-adjusted mean exp(w)(1 + v/2), or \
            the median exp(w) with --point median, as R forecast's biasadj). A multiplicative model \
            (--error or --seasonal multiplicative) is fitted untransformed, and a series with a zero cannot \
            be logged: both are fitted untransformed and any figure below 0 is truncated at 0, with a note \
            naming the periods. --transform none asks for the untransformed model (truncated the same way); \
            --transform log refuses a series with zeros. A --series file with negative values is taken as \
            a signed series: fitted untransformed, never truncated. Every format states the transformation.

            Example:
              tradescope forecast --hs 2701 --from 2009 --to 2015 --method ets --horizon 2
              tradescope forecast --hs 2701 --measure quantity --from 2012 --to 2016 --method holt-winters --horizon 1 --format json
              tradescope forecast --series co2.csv --seasonal additive --horizon 24   # a period,value file
              tradescope forecast --hs 2701 --from 2009 --to 2016 --horizon 3 --format html --out forecast.html

            --format html writes one page (the history, the point forecast and its fan: the 80% interval dark, \
            the --level interval light; the sanction events numbered with a key; then the forecast table); \
            --format svg the chart alone. --log-scale and --index-base PERIOD (rebased to 100) change the chart only.
            """)

    @OptionGroup var selection: SelectionOptions

    @Option(help: "Method: ets (maximum likelihood), holt-winters (least squares), or structural (a structural model by maximum likelihood; runs on a window with gaps, which ets and holt-winters refuse).")
    var method: ForecastMethodChoice = .ets

    @Option(help: "Trend: none, additive or damped (default: additive; damped needs ets).")
    var trend: TrendChoice = .additive

    @Option(help: "Seasonality: none, additive or multiplicative (default: none; needs monthly data).")
    var seasonal: SeasonalChoice = .none

    @Option(help: "Error (ets only): additive or multiplicative (default: additive).")
    var error: ErrorChoice = .additive

    @Option(parsing: .unconditional, help: "Periods ahead to forecast, 1 to 1000; the last must fall by the year 9999.")
    var horizon: Int

    @Option(help: "Coverage of the prediction intervals, between 0 and 1 (default: 0.95).")
    var level: Double = 0.95

    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Scale of the model: auto (log for a positive series and an additive model; untransformed otherwise, truncated at 0), log, or none (untransformed, truncated at 0).")
    var transform: TransformChoice = .auto

    @Option(help: "Point forecast after a log back-transformation: mean (bias-adjusted, adds up over periods) or median (exp of the log forecast).")
    var point: BackTransformedPoint = .mean

    @Option(help: "Seed of the simulation for non-linear models (default: 20261129).")
    var seed: UInt64 = 20_261_129

    @Option(help: "A tidy trade CSV (columns as Data/dprk_china.csv) to select from instead of the bundled data.")
    var data: String?

    @OptionGroup var structural: StructuralOptions

    @OptionGroup var output: OutputOptions

    @OptionGroup var chart: ChartOptions

    func validate() throws {
        try chart.validate(format: output.format)
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 (periods ahead)") }
        guard level > 0 && level < 1 else { throw ValidationError("--level must lie between 0 and 1, for example 0.95") }
        if method == .holtWinters && trend == .damped { throw ValidationError("--trend damped needs --method ets") }
        if selection.codeTexts.count > 1 { throw ValidationError("--hs: forecast takes one code") }
        if input.series != nil && data != nil { throw ValidationError("--series and --data are alternatives: give one") }
    }

    func run() throws {
        let context = RunContext()
        let values: TimeSeries<Double>
        let request: NonNegativeForecasting.Request
        let label: String
        let source: JSONValue
        var resolvedInput: ResolvedInput?
        if input.series != nil {
            let resolved = try input.resolve(selection, context: context)
            resolvedInput = resolved
            (values, label, source) = (resolved.input.series, resolved.input.label, resolved.selectionJSON)
            // A generic file is a non-negative measure unless it has a negative value.
            let signed = values.values.contains { ($0 ?? 0) < 0 }
            request = signed && transform != .log ? .unconstrained : transform.request
        } else if let data {
            // A tidy file of records instead of the data set: the selection is applied to it.
            let workspace = try selection.workspace(context)
            let selected = try selection.selections(workspace.profile)[0]
            try context.recordFile(data)
            let trade = try workspace.builder(quantity: selection.quantity).build(try TidyReader(path: data, displayName: data).readAll(), selection: selected)
            guard let measured = input.measure.series(of: trade) else {
                throw InputError(description: "\(data): no \(input.measure.rawValue) figures for \(workspace.describe(selected))")
            }
            values = measured
            request = transform.request
            label = "\(input.measure.rawValue) of HS \(selected.commodity), \(workspace.label(selected))"
            source = .object([("source", .string(data)), ("selection", try workspace.selectionJSON(selected))])
        } else {
            let resolved = try input.resolve(selection, context: context)
            resolvedInput = resolved
            (values, label, source) = (resolved.input.series, resolved.input.label, resolved.selectionJSON)
            request = transform.request
        }
        let table: ForecastTable
        // The 80% interval of the fan, when the chart is drawn and --level is wider.
        var inner: Forecast?
        if method == .structural {
            // The scale (logs or not) is chosen by the non-negative policy; the model is fitted on that scale.
            let prepared = try NonNegativeForecasting(request: request, point: point).prepare(values)
            let automatic = structural.specification(for: prepared.modelSeries)
            let specification = StructuralModelSpecification(trend: automatic.trend, seasonal: automatic.seasonal, logarithm: false)
            let fit = try specification.fit(prepared.modelSeries)
            table = ForecastTable(model: .structural(fit), forecast: prepared.finish(try fit.forecast(horizon: horizon, level: level)), label: label)
            if output.format.isChart && level > 0.8 { inner = prepared.finish(try fit.forecast(horizon: horizon, level: 0.8)) }
        } else {
            let specification = ExponentialSmoothingSpecification(
                formulation: method == .ets ? .stateSpace : .holtWinters, error: error.component, trend: trend.component,
                seasonal: seasonal.component, seed: seed)
            let multiplicative = (method == .ets && error == .multiplicative) || seasonal == .multiplicative
            let prepared = try NonNegativeForecasting(request: request, point: point).prepare(values, multiplicativeModel: multiplicative)
            let fit: ExponentialSmoothingFit
            do { fit = try specification.fit(prepared.modelSeries) } catch { throw error.explainingGaps(in: values) }
            table = ForecastTable(fit: fit, forecast: prepared.finish(try fit.forecast(horizon: horizon, level: level)), label: label)
            if output.format.isChart && level > 0.8 { inner = prepared.finish(try fit.forecast(horizon: horizon, level: 0.8)) }
        }
        if output.format.isChart {
            let events = try resolvedInput.map(ChartOutput.events) ?? []
            let yLabel = resolvedInput.map { ChartOutput.axisLabel($0, measure: input.measure) } ?? input.measure.rawValue
            let drawn = try AnalysisCharts.forecast(table.forecast, inner: inner, history: values, label: label, yLabel: yLabel,
                                                    model: table.modelName, events: events, display: chart.display)
            return try ChartOutput.write(output, charts: [drawn]) {
                AnalysisPage(title: "Forecast: \(label)", selection: label,
                             lines: try resolvedInput.map { try ChartOutput.lines($0, events: events) } ?? ["Source: \(data ?? "data")."],
                             charts: [drawn], blocks: [.html(table.html())], manifest: context.manifest())
            }
        }
        switch output.format {
        case .text: try output.write(table.text())
        case .html, .svg: try output.write(table.html())
        case .md: try output.write(table.text(markdown: true))
        case .csv: try output.write(table.csv())
        case .json: try output.write(json: table.json(selection: source), context: context)
        }
    }
}

enum ForecastMethodChoice: String, ExpressibleByArgument, CaseIterable {
    case ets
    case holtWinters = "holt-winters"
    case structural
}

enum TrendChoice: String, ExpressibleByArgument, CaseIterable {
    case none, additive, damped
    var component: ExponentialSmoothingComponent { self == .none ? .none : (self == .additive ? .additive : .additiveDamped) }
}

enum SeasonalChoice: String, ExpressibleByArgument, CaseIterable {
    case none, additive, multiplicative
    var component: ExponentialSmoothingComponent { self == .none ? .none : (self == .additive ? .additive : .multiplicative) }
}

enum TransformChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, log, none
    var request: NonNegativeForecasting.Request {
        switch self {
        case .auto: return .automatic
        case .log: return .fixed(.log)
        case .none: return .fixed(.none)
        }
    }
}

extension BackTransformedPoint: ExpressibleByArgument {}

enum ErrorChoice: String, ExpressibleByArgument, CaseIterable {
    case additive, multiplicative
    var component: ExponentialSmoothingComponent { self == .additive ? .additive : .multiplicative }
}

