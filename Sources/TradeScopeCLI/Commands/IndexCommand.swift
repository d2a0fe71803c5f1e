import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeScopeKit
import TradeIO
import TrendAnalysis

/// `tradescope index`: unit-value price and quantity indices of a basket, and the
/// price/volume decomposition of its value change.
struct IndexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index",
        abstract: "Compute unit-value price and quantity indices of a basket of codes and split its value change into price and volume.",
        discussion: """
            The basket is the --hs codes of a selection (each code one item, at any HS level), or a CSV \
            file given with --data with the columns period,code,value,quantity (and optionally unit). \
            Each comparison uses the codes with a positive value and quantity in both periods in the same \
            unit; the others are listed as left out, never dropped silently. A period whose value is only \
            partly matched by a quantity counts as having no quantity. The index is 1 in the base period. \
            The value change of each comparison is split into a price and a volume effect that add up \
            exactly (log-mean Divisia, summed over codes); Fisher's price index × quantity index equals the \
            value ratio. Unit values whose robust z (log unit value, within each code) exceeds \
            --outlier-threshold are flagged and listed, and still used.

            --sanctions-at DAY splits the basket into the codes that sanction measures in force on that day \
            touch (bans, caps, suspensions of the calendar that bind the importing country) and the rest, \
            with the value of each group by period. --event PERIOD (the first period under the measures) adds \
            a difference-in-differences estimate and event-study coefficients by period (reference: the period \
            before), with code and period effects and standard errors clustered by code.

            Example:
              tradescope index --hs 2701,2601,0307 --formula fisher --format json
              tradescope index --hs 2701 --formula tornqvist --chained --from 2010 --to 2017
              tradescope index --data basket.csv --formula laspeyres --base 2015 --format csv
              tradescope index --hs 2701,2601,2502 --sanctions-at 2017-12-31
              tradescope index --data panel.csv --event 2017 --treated S01,S02 --format json
              tradescope index --hs 2701,2601,2502 --format html --out index.html

            --format html writes one page (the price index, quantity index and value ratio with the base at \
            100, and the price and volume effects of each comparison, then the text tables); --format svg the \
            chart alone. --log-scale draws the indices on a logarithmic axis; --index-base is refused (use --base).
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    @OptionGroup var chart: ChartOptions

    @Option(help: "Index formula: laspeyres, paasche, fisher or tornqvist (default: fisher).")
    var formula: FormulaChoice = .fisher

    @Flag(help: "Chain the index through adjacent periods of the data (default: every period compared with the base).")
    var chained = false

    @Option(help: "Base period (index = 1): YYYY, YYYY-MM or YYYY-Qn (default: the first period in which some code has a value and a quantity).")
    var base: String?

    @Option(help: "Read the basket from this CSV (columns period,code,value,quantity[,unit]; value in USD; empty quantity = not reported); '-' reads standard input. Replaces the selection.")
    var data: String?

    @Option(name: .customLong("outlier-threshold"), help: "Flag unit values whose robust z of the log unit value exceeds this (default: 3, as UNSD's unit-value notebook).")
    var outlierThreshold: Double = 3

    @Option(name: .customLong("sanctions-at"), help: "Split the basket into goods covered by sanction measures in force on this day (YYYY-MM-DD) and the rest, with totals by period (default: no split; with --event, the last day of the event period).")
    var sanctionsAt: String?

    @Option(help: "First period under the sanctions: adds a difference-in-differences and event-study estimate (code and period effects) of sanctioned against other codes.")
    var event: String?

    @Option(help: "Codes treated as sanctioned in --event, comma-separated (default: the codes the calendar covers, see --sanctions-at).")
    var treated: String?

    @Option(help: "Standard errors of --event: clustered (by code, CR1; default) or classical.")
    var covariance: CovarianceChoice = .clustered

    @Option(help: "Outcome of --event: log-value (default; zero values left out and listed) or value (USD).")
    var outcome: OutcomeChoice = .logValue

    func validate() throws {
        if output.format == .md { throw ValidationError("--format md: index writes text, json, csv, html or svg") }
        try chart.validate(format: output.format, refusingIndexBase: "an index has its base already; use --base PERIOD")
        if let base { do { _ = try Period(parsing: base) } catch { throw ValidationError("--base: \(error)") } }
        if let event { do { _ = try Period(parsing: event) } catch { throw ValidationError("--event: \(error)") } }
        if let sanctionsAt { do { _ = try CalendarDate(parsing: sanctionsAt) } catch { throw ValidationError("--sanctions-at: \(error)") } }
        if treated != nil && event == nil { throw ValidationError("--treated applies to --event; add --event PERIOD") }
        if data != nil && (!selection.hs.isEmpty || selection.mirror || selection.db != nil) {
            throw ValidationError("--data replaces the selection; drop --hs, --db and --mirror")
        }
    }

    func run() throws {
        let specification = UnitValueIndexSpecification(
            formula: formula.formula, chaining: chained ? .chained : .fixedBase, base: try base.map { try Period(parsing: $0) })
        let context = RunContext()
        let (basket, label, source) = try loadBasket(context)
        let index = try specification.compute(basket)
        let outliers = try UnitValueOutlierSpecification(threshold: outlierThreshold).flag(basket)
        let table = IndexTable(index: index, outliers: outliers, outlierThreshold: outlierThreshold, label: label)
        for flagged in outliers where flagged.isOutlier {
            StandardError.write("note: unit-value outlier \(flagged.code) \(flagged.period) (robust z \(flagged.robustZ ?? .nan)); flagged, still used\n")
        }
        let (groups, effect) = try sanctionAnalysis(basket, label: label, context: context)
        switch output.format {
        case .json:
            guard case let .object(members) = table.json(source: source) else { return }
            let extra: [(String, JSONValue)] = [("sanction_groups", groups?.json() ?? .null), ("sanction_effect", effect?.json() ?? .null)]
            try output.write(json: JSONValue.object(members + extra), context: context)
        case .csv: try output.write(table.csv())
        case .html, .svg:
            let drawn = try AnalysisCharts.index(index, label: label, display: chart.display)
            try ChartOutput.write(output, charts: [drawn]) {
                AnalysisPage(title: "Unit-value index: \(label)", selection: label, lines: ["Basket: \(index.codes.count) code\(index.codes.count == 1 ? "" : "s"); base \(index.base)."],
                             charts: [drawn], blocks: [.preformatted(table.text() + (groups?.text() ?? "") + (effect?.text() ?? ""))], manifest: context.manifest())
            }
        case .text, .md: try output.write(table.text() + (groups?.text() ?? "") + (effect?.text() ?? ""))
        }
    }

    /// The sanctioned/other split (`--sanctions-at`, or implied by `--event`) and the effect estimate (`--event`).
    private func sanctionAnalysis(_ basket: [BasketObservation], label: String, context: RunContext) throws -> (SanctionGroupChart?, SanctionEffectTable?) {
        guard sanctionsAt != nil || event != nil else { return (nil, nil) }
        let eventPeriod = try event.map { try Period(parsing: $0) }
        let date = try sanctionsAt.map { try CalendarDate(parsing: $0) } ?? eventPeriod!.lastDay
        let workspace = try selection.workspace(context)
        let selected = try selection.selections(workspace.profile)[0]
        let calendar = try workspace.calendar
        guard let direction = calendar.direction(of: selected) else {
            throw InputError(description: "the sanctions calendar \(calendar.origin) is on \(calendar.target), which is not a side of \(workspace.describe(selected)); give the selection's --reporter/--partner/--flow or a --calendar on one of its sides")
        }
        let country = calendar.counterpart(of: selected) ?? selected.reporter ?? workspace.profile.reporter
        let coverage = SanctionCoverage(codes: basket.map(\.code), events: calendar.events, date: date, country: country, direction: direction)
        let groups = SanctionGroupChart(coverage: coverage, totals: coverage.totals(basket), label: label)
        guard let eventPeriod else { return (groups, nil) }
        let treatedCodes = treated.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }) } ?? Set(coverage.sanctioned.keys)
        let specification = SanctionEffectSpecification(treatedCodes: treatedCodes, eventPeriod: eventPeriod, outcome: outcome.outcome, covariance: covariance.covariance)
        return (groups, SanctionEffectTable(effect: try specification.fit(basket)))
    }

    private func loadBasket(_ context: RunContext) throws -> ([BasketObservation], String, (String, JSONValue)) {
        if let data {
            try context.recordFile(data)
            let observations = try BasketFile.read(data)
            return (observations, "Basket from \(data == "-" ? "standard input" : data)", ("data", .string(data)))
        }
        let workspace = try selection.workspace(context)
        var basket: [BasketObservation] = []
        let selections = try selection.selections(workspace.profile)
        for selected in selections {
            let observations = BasketObservation.observations(from: try workspace.series(selected, mirror: selection.mirrorView).series)
            if observations.isEmpty {
                StandardError.write("note: HS \(selected.commodity) has no value in the selection; it is not in the basket\n")
            }
            basket += observations
        }
        let first = selections[0]
        let label = workspace.label(first, mirror: selection.mirrorView) + ", HS " + selections.map(\.commodity.description).joined(separator: ", ")
        return (basket, label, ("selection", try workspace.selectionJSON(first, mirror: selection.mirrorView)))
    }
}

/// Reads a `period,code,value,quantity[,unit]` basket file; errors name the file, line and field.
enum BasketFile {
    static func read(_ path: String) throws -> [BasketObservation] {
        let name = path == "-" ? "stdin" : path
        let records = try CSVReader(path: path == "-" ? "/dev/stdin" : path, displayName: name).readAll()
        guard let header = records.first?.fields.map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) else {
            throw TradeIOError.missingColumn(file: name, column: "period")
        }
        var column: [String: Int] = [:]
        for required in ["period", "code", "value", "quantity"] {
            guard let k = header.firstIndex(of: required) else { throw TradeIOError.missingColumn(file: name, column: required) }
            column[required] = k
        }
        let unitColumn = header.firstIndex(of: "unit")
        var seen: [String: Int] = [:]
        var observations: [BasketObservation] = []
        for (line, fields) in records.dropFirst() {
            if fields.count == 1 && fields[0].isEmpty { continue }
            guard fields.count == header.count else {
                throw TradeIOError.fieldCount(SourceLocation(file: name, line: line), expected: header.count, found: fields.count)
            }
            func field(_ key: String) -> String { fields[column[key]!].trimmingCharacters(in: .whitespaces) }
            func bad(_ key: String, _ reason: String) -> TradeIOError {
                .invalidValue(SourceLocation(file: name, line: line, field: key), value: field(key), reason: reason)
            }
            let period: Period
            do { period = try Period(parsing: field("period")) } catch { throw bad("period", "\(error)") }
            let code = field("code")
            guard !code.isEmpty else { throw bad("code", "a code is required") }
            guard let value = Double(field("value")), value.isFinite, value >= 0 else { throw bad("value", "a value in USD, 0 or more, is required") }
            var quantity: Double?
            if !field("quantity").isEmpty {
                guard let amount = Double(field("quantity")), amount.isFinite, amount >= 0 else {
                    throw bad("quantity", "a quantity must be a number, 0 or more, or empty when not reported")
                }
                quantity = amount
            }
            var unit: QuantityUnit?
            if let unitColumn, !fields[unitColumn].trimmingCharacters(in: .whitespaces).isEmpty {
                do { unit = try QuantityUnit(parsing: fields[unitColumn]) } catch {
                    throw TradeIOError.invalidValue(SourceLocation(file: name, line: line, field: "unit"), value: fields[unitColumn], reason: "\(error)")
                }
            }
            let key = "\(period)|\(code)"
            if let earlier = seen[key] { throw bad("code", "period \(period) and code \(code) already appear on line \(earlier)") }
            seen[key] = line
            observations.append(BasketObservation(period: period, code: code, value: value, quantity: quantity, unit: unit))
        }
        return observations
    }
}

enum CovarianceChoice: String, ExpressibleByArgument, CaseIterable {
    case clustered, classical
    var covariance: PanelCovariance { self == .clustered ? .clusteredByCode : .classical }
}

enum OutcomeChoice: String, ExpressibleByArgument, CaseIterable {
    case logValue = "log-value", value
    var outcome: SanctionEffectSpecification.Outcome { self == .logValue ? .logValue : .value }
}

enum FormulaChoice: String, ExpressibleByArgument, CaseIterable {
    case laspeyres, paasche, fisher, tornqvist
    var formula: IndexFormula { IndexFormula(rawValue: rawValue)! }
}
