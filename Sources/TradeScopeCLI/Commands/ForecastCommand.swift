import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TrendAnalysis

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

            Example:
              tradescope forecast --hs 2701 --from 2009 --to 2015 --method ets --horizon 2
              tradescope forecast --hs 2701 --measure quantity --from 2012 --to 2016 --method holt-winters --horizon 1 --format json
            """)

    @OptionGroup var selection: SelectionOptions

    @Option(help: "Method: ets (maximum likelihood) or holt-winters (least squares).")
    var method: ForecastMethodChoice = .ets

    @Option(help: "Trend: none, additive or damped (default: additive; damped needs ets).")
    var trend: TrendChoice = .additive

    @Option(help: "Seasonality: none, additive or multiplicative (default: none; needs monthly data).")
    var seasonal: SeasonalChoice = .none

    @Option(help: "Error (ets only): additive or multiplicative (default: additive).")
    var error: ErrorChoice = .additive

    @Option(help: "Periods ahead to forecast (at least 1).")
    var horizon: Int

    @Option(help: "Coverage of the prediction intervals, between 0 and 1 (default: 0.95).")
    var level: Double = 0.95

    @Option(help: "Series to forecast: value (USD) or quantity (default: value).")
    var measure: MeasureChoice = .value

    @Option(help: "Seed of the simulation for non-linear models (default: 20261129).")
    var seed: UInt64 = 20_261_129

    @Option(help: "A tidy CSV (columns as Data/dprk_china.csv) to use instead of the bundled trade data.")
    var series: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .html { throw ValidationError("--format html: a forecast is text, md, json or csv") }
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 (periods ahead)") }
        guard level > 0 && level < 1 else { throw ValidationError("--level must lie between 0 and 1, for example 0.95") }
        if method == .holtWinters && trend == .damped { throw ValidationError("--trend damped needs --method ets") }
        if selection.codeTexts.count > 1 { throw ValidationError("--hs: forecast takes one code") }
    }

    func run() throws {
        let workspace = try Workspace()
        let selected = try selection.selections(defaultCode: "2701")[0]
        let trade = try workspace.builder.build(try workspace.records(series: series), selection: selected)
        guard let values = measure == .value ? trade.valueSeries : trade.quantitySeries else {
            throw InputError(description: "no \(measure.rawValue) figures for HS \(selected.commodity) in the selection")
        }
        let specification = ExponentialSmoothingSpecification(
            formulation: method == .ets ? .stateSpace : .holtWinters, error: error.component, trend: trend.component,
            seasonal: seasonal.component, seed: seed)
        let fit = try specification.fit(values)
        let table = ForecastTable(fit: fit, forecast: try fit.forecast(horizon: horizon, level: level),
                                  label: "\(measure.rawValue) of HS \(selected.commodity), \(Workspace.label(selected))")
        switch output.format {
        case .text, .html: try output.write(table.text())
        case .md: try output.write(table.text(markdown: true))
        case .csv: try output.write(table.csv())
        case .json: try output.write(table.json(selection: Workspace.selectionJSON(selected, source: series ?? "bundled")).rendered() + "\n")
        }
    }
}

enum ForecastMethodChoice: String, ExpressibleByArgument, CaseIterable {
    case ets
    case holtWinters = "holt-winters"
}

enum TrendChoice: String, ExpressibleByArgument, CaseIterable {
    case none, additive, damped
    var component: ExponentialSmoothingComponent { self == .none ? .none : (self == .additive ? .additive : .additiveDamped) }
}

enum SeasonalChoice: String, ExpressibleByArgument, CaseIterable {
    case none, additive, multiplicative
    var component: ExponentialSmoothingComponent { self == .none ? .none : (self == .additive ? .additive : .multiplicative) }
}

enum ErrorChoice: String, ExpressibleByArgument, CaseIterable {
    case additive, multiplicative
    var component: ExponentialSmoothingComponent { self == .additive ? .additive : .multiplicative }
}

enum MeasureChoice: String, ExpressibleByArgument, CaseIterable {
    case value, quantity
}
