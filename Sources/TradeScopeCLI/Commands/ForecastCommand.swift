import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeIO
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
              tradescope forecast --series co2.csv --seasonal additive --horizon 24   # a period,value file
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

    @Option(parsing: .unconditional, help: "Periods ahead to forecast, 1 to 1000; the last must fall by the year 9999.")
    var horizon: Int

    @Option(help: "Coverage of the prediction intervals, between 0 and 1 (default: 0.95).")
    var level: Double = 0.95

    @OptionGroup var input: AnalysisInputOptions

    @Option(help: "Seed of the simulation for non-linear models (default: 20261129).")
    var seed: UInt64 = 20_261_129

    @Option(help: "A tidy trade CSV (columns as Data/dprk_china.csv) to select from instead of the bundled data.")
    var data: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .html { throw ValidationError("--format html: a forecast is text, md, json or csv") }
        guard horizon >= 1 else { throw ValidationError("--horizon must be at least 1 (periods ahead)") }
        guard level > 0 && level < 1 else { throw ValidationError("--level must lie between 0 and 1, for example 0.95") }
        if method == .holtWinters && trend == .damped { throw ValidationError("--trend damped needs --method ets") }
        if selection.codeTexts.count > 1 { throw ValidationError("--hs: forecast takes one code") }
        if input.series != nil && data != nil { throw ValidationError("--series and --data are alternatives: give one") }
    }

    func run() throws {
        let workspace = try Workspace(db: selection.db)
        let selected = try selection.selections(defaultCode: "2701")[0]
        let values: TimeSeries<Double>
        let label: String
        let source: JSONValue
        if let path = input.series {
            // A generic period,value file (CLI.md); --from/--to limit it.
            values = try SeriesFileReader(path: path).read().slice(from: selected.from, through: selected.through)
            label = "series \(path == "-" ? "standard input" : path)"
            source = .object([("source", .string(path))])
        } else {
            let records = try data.map { try TidyReader(path: $0, displayName: $0).readAll() } ?? workspace.records
            let trade = try workspace.builder(quantity: selection.quantity).build(records, selection: selected)
            let measured: TimeSeries<Double>?
            switch input.measure {
            case .value: measured = trade.valueSeries
            case .quantity: measured = trade.quantitySeries
            case .unitPrice: measured = trade.unitPriceSeries
            }
            guard let measured else {
                throw InputError(description: "no \(input.measure.rawValue) figures for HS \(selected.commodity) in the selection")
            }
            values = measured
            label = "\(input.measure.rawValue) of HS \(selected.commodity), \(Workspace.label(selected))"
            source = Workspace.selectionJSON(selected, source: data ?? workspace.sourceLabel)
        }
        let specification = ExponentialSmoothingSpecification(
            formulation: method == .ets ? .stateSpace : .holtWinters, error: error.component, trend: trend.component,
            seasonal: seasonal.component, seed: seed)
        let fit = try specification.fit(values)
        let table = ForecastTable(fit: fit, forecast: try fit.forecast(horizon: horizon, level: level),
                                  label: label)
        switch output.format {
        case .text, .html: try output.write(table.text())
        case .md: try output.write(table.text(markdown: true))
        case .csv: try output.write(table.csv())
        case .json: try output.write(json: table.json(selection: source))
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

