import Scenarios
import TradeDomain

/// Renders scenario outcomes (one or several side by side, or a sweep) as text, Markdown, CSV or JSON.
/// Computes nothing: every figure comes from the ``ScenarioOutcome``s.
public struct ScenarioReport: Sendable {
    /// The outcomes, each with a label (the scenario name, or the sweep value).
    public let outcomes: [(label: String, outcome: ScenarioOutcome)]
    /// Whether the outcomes are a sweep of one scenario.
    public let isSweep: Bool
    /// Marginal comparisons (`whatif --against`), each labelled like its outcome; `nil` when none was asked for.
    public let comparisons: [(label: String, comparison: ScenarioComparison)]?

    /// A report.
    ///
    /// - Parameters:
    ///   - outcomes: Labelled outcomes.
    ///   - isSweep: Whether they are a sweep.
    ///   - comparisons: Marginal comparisons, or `nil`.
    public init(outcomes: [(label: String, outcome: ScenarioOutcome)], isSweep: Bool = false,
                comparisons: [(label: String, comparison: ScenarioComparison)]? = nil) {
        self.outcomes = outcomes
        self.isSweep = isSweep
        self.comparisons = comparisons
    }

    private static func number(_ value: Double?, decimals: Int = 0) -> String {
        guard let value else { return "-" }
        return decimals == 0 ? NumberStyle.grouped(value) : NumberStyle.fixed(value, decimals: decimals)
    }

    private static func range(_ estimate: Estimate?) -> String {
        guard let estimate else { return "-" }
        return "\(number(estimate.lower)) to \(number(estimate.upper))"
    }

    private static func measureLine(_ m: ScenarioMeasure) -> String {
        var parts = ["\(m.id): \(m.action.rawValue) from \(m.effective)"]
        if let end = m.end { parts.append("until \(end) (exclusive)") }
        parts.append("compliance \(NumberStyle.share(m.compliance, decimals: 0))")
        if m.exemptionShare > 0 { parts.append("exempt \(NumberStyle.share(m.exemptionShare, decimals: 0))") }
        if m.phaseInMonths > 0 { parts.append("phase-in \(m.phaseInMonths) months") }
        if let cap = m.cap {
            var limits: [String] = []
            if let v = cap.valueCap { limits.append("USD \(NumberStyle.grouped(v))") }
            if let q = cap.quantityCap { limits.append("\(NumberStyle.grouped(q.amount)) \(q.unit.abbreviation)") }
            parts.append("cap \(limits.joined(separator: " or ")) per year, stop at \(NumberStyle.share(cap.stopShare, decimals: 0))")
        }
        return parts.joined(separator: ", ")
    }

    /// The widest line of a text table (columns); wider tables are split or their labels keyed.
    public static let maximumWidth = 100

    /// Money in USD millions with one decimal ("1,180.0"), for tables headed "USD m".
    static func usdMillions(_ value: Double?) -> String {
        guard let value else { return "-" }
        return scaled(value, by: 1e6)
    }

    /// A figure divided by `divisor`, grouped, one decimal.
    static func scaled(_ value: Double, by divisor: Double) -> String {
        let text = String(format: "%.1f", abs(value) / divisor)
        let parts = text.split(separator: ".")
        let sign = value < 0 && text != "0.0" ? "-" : ""
        return sign + NumberStyle.grouped(Double(parts[0]) ?? 0) + "." + parts[1]
    }

    /// The quantity divisor and its header: thousands of the unit ("'000 t").
    static func quantityHeader(_ unit: String?) -> String { "'000 \(unit ?? "units")" }

    static func quantity(_ value: Double?) -> String {
        guard let value else { return "-" }
        return scaled(value, by: 1e3)
    }

    static func interval(_ e: Estimate?, _ format: (Double?) -> String) -> String {
        guard let e else { return "-" }
        return "\(format(e.lower)) to \(format(e.upper))"
    }

    /// Words wrapped to lines of at most `width` characters, continuation lines indented by `indent`.
    static func wrap(_ text: String, width: Int = maximumWidth, indent: String = "  ") -> String {
        let lead = String(text.prefix { $0 == " " })
        var lines: [String] = [], line = lead
        let text = String(text.dropFirst(lead.count))
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if line.count > lead.count, line.count + 1 + word.count > width {
                lines.append(line)
                line = indent + word
            } else {
                line += (line.count == lead.count ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    /// One baseline in words: model, window, scale, and its backtest.
    static func baselineLines(_ b: BaselineSummary, level: Double) -> [String] {
        var params: [String] = []
        if let alpha = b.alpha { params.append("alpha \(NumberStyle.fixed(alpha, decimals: 4))") }
        if let beta = b.beta { params.append("beta \(NumberStyle.fixed(beta, decimals: 4))") }
        if let phi = b.phi { params.append("phi \(NumberStyle.fixed(phi, decimals: 4))") }
        var lines = ["\(b.measure == .value ? "Value" : "Quantity") baseline: \(b.description) [\(b.model)], fitted on \(b.fitFrom) to \(b.fitThrough) "
                     + "(\(b.observationCount) figures; needs \(b.observationsNeeded) = 2 x \(b.parameterCount) parameters + 2)\(scaleText(b))"
                     + (params.isEmpty ? "" : "; " + params.joined(separator: ", ")) + "; \(NumberStyle.share(level, decimals: 0)) \(b.intervalMethod.rawValue) intervals"
                     + (b.truncatedFigures > 0 ? "; \(b.truncatedFigures) figure(s) truncated at 0" : "")]
        if let backtest = b.backtest {
            let origins = backtest.origins.map(\.description).joined(separator: ", ")
            if let chosen = b.chosenScore, let mase = chosen.mase, let smape = chosen.smape {
                lines.append("Backtest: MASE \(NumberStyle.fixed(mase, decimals: 2)), sMAPE \(NumberStyle.fixed(smape, decimals: 1))% over \(chosen.forecasts) forecasts "
                             + "from origins \(origins) of every later figure through \(backtest.through).")
            } else {
                lines.append("Backtest: none possible (origins \(origins.isEmpty ? "none" : origins)); the baseline is not chosen by evidence.")
            }
        }
        for warning in b.warnings { lines.append("WARNING: \(b.measure == .value ? "value" : "quantity") baseline " + warning) }
        return lines
    }

    /// The backtest table of one baseline: every candidate with its scores.
    func backtestTable(_ b: BaselineSummary, markdown: Bool) -> String {
        guard let backtest = b.backtest, backtest.scores.count > 1 else { return "" }
        let header = ["Candidate", "MASE", "sMAPE %", "Forecasts", "Result"]
        let rows = backtest.scores.map { score -> [String] in
            [score.candidate, score.mase.map { NumberStyle.fixed($0, decimals: 2) } ?? "-", score.smape.map { NumberStyle.fixed($0, decimals: 1) } ?? "-",
             String(score.forecasts), score.candidate == backtest.chosen ? "chosen" : (score.skipped == nil ? "" : "not scored")]
        }
        var out = table(header, rows, markdown: markdown)
        var legend = "Candidate: a baseline model tried; MASE: mean absolute error of its forecasts divided by the mean absolute change "
            + "between consecutive figures of its training data (below 1 beats the naive no-change forecast); sMAPE: mean of "
            + "200|actual - forecast| / (|actual| + |forecast|), in percent; Forecasts: figures forecast (origins x later figures); "
            + "the lowest MASE is chosen."
        for score in backtest.scores where score.skipped != nil { legend += " \(score.candidate): \(score.skipped!)." }
        out += Self.wrap("Legend: " + legend) + "\n"
        return out
    }

    /// Fixed-width text (or Markdown with `markdown`); text lines are at most ``maximumWidth`` columns
    /// (notes and legends are wrapped), and every table is followed by a legend of its columns.
    ///
    /// - Parameter markdown: Render Markdown headings and tables.
    /// - Returns: The report.
    public func text(markdown: Bool = false) -> String {
        var out = ""
        // In Markdown every line and cell is escaped (Markdown.escape): scenario names, descriptions and notes are data.
        func e(_ text: String) -> String { markdown ? Markdown.escape(text) : text }
        func heading(_ text: String, _ level: Int) { out += markdown ? String(repeating: "#", count: level) + " " + e(text) + "\n\n" : text + "\n" + String(repeating: level == 1 ? "=" : "-", count: min(text.count, Self.maximumWidth)) + "\n" }
        func line(_ text: String = "") { out += (markdown ? e(text) : Self.wrap(text)) + "\n" }
        if outcomes.count > 1 {
            heading(isSweep ? "Sweep: \(outcomes[0].outcome.scenario.name)" : "Scenarios side by side", 1)
            for (index, item) in outcomes.enumerated() {
                let bases = item.outcome.commodities.flatMap { c in c.baselines.map { "HS \(c.code) \($0.measure == .value ? "value" : "quantity"): \($0.description), \($0.fitFrom) to \($0.fitThrough)" } }
                line("\(index + 1) = \(item.label) (baselines: \(bases.isEmpty ? "none fitted" : bases.joined(separator: "; ")))")
            }
            line()
            let unit = Set(outcomes.compactMap(\.outcome.totals.quantityUnit))
            let qHeader = Self.quantityHeader(unit.count == 1 ? unit.first : nil)
            let header = ["No.", "Forgone USD m", "Interval USD m", "Forgone \(qHeader)", "Interval \(qHeader)"]
            let rows = outcomes.enumerated().map { index, item -> [String] in
                let t = item.outcome.totals
                return [String(index + 1), Self.usdMillions(t.forgoneValue?.mean), Self.interval(t.forgoneValue, Self.usdMillions),
                        Self.quantity(t.forgoneQuantity?.mean), Self.interval(t.forgoneQuantity, Self.quantity)]
            }
            out += table(header, rows, markdown: markdown)
            line()
            line("Legend: No.: the scenario listed above; Forgone: baseline minus the scenario's counterfactual, summed over the projected periods "
                 + "and commodities (each scenario against its own no-sanction baseline, not against the others: use --against for the "
                 + "marginal effect of one scenario over another); Interval: the sum of the per-period bounds (conservative).")
            line()
        }
        for (label, outcome) in outcomes where !isSweep || outcomes.count == 1 {
            heading("What if: \(label)", outcomes.count > 1 ? 2 : 1)
            if let description = outcome.scenario.description { line(description); line() }
            let s = outcome.scenario
            line("Selection: \(s.selection.reporter?.iso3 ?? "-") \(s.selection.flow?.rawValue ?? "-")s from \(s.selection.partner?.iso3 ?? "-"), HS \(s.hsCodes.map(\.description).joined(separator: ", ")), \(s.selection.frequency.rawValue) figures")
            line("Baseline method: \(s.baseline.methodDescription); \(NumberStyle.share(s.baseline.level, decimals: 0)) intervals; seed \(s.seed)")
            line()
            for commodity in outcome.commodities {
                heading("HS \(commodity.code)", outcomes.count > 1 ? 3 : 2)
                for b in commodity.baselines {
                    for text in Self.baselineLines(b, level: s.baseline.level) { line(text) }
                    let bt = backtestTable(b, markdown: markdown)
                    if !bt.isEmpty { line(); out += bt }
                    line()
                }
                line("Scenario measures: " + (commodity.measures.isEmpty ? "none" : ""))
                for m in commodity.measures { line("  " + Self.measureLine(m)) }
                line("Sanctions as enacted: " + (commodity.realMeasures.isEmpty ? "none" : commodity.realMeasures.map(\.id).joined(separator: ", ")))
                line()
                if !commodity.periods.isEmpty {
                    let unit = commodity.quantityUnit
                    let valueHeader = ["Period", "Actual", "Baseline", "Scenario", "Scenario interval", "As enacted", "Forgone", "Retained"]
                    let valueRows = commodity.periods.map { p -> [String] in
                        [p.period.description, Self.usdMillions(p.actualValue), Self.usdMillions(p.baselineValue?.mean),
                         Self.usdMillions(p.counterfactualValue?.mean), Self.interval(p.counterfactualValue, Self.usdMillions),
                         Self.usdMillions(p.realCalendarValue), Self.usdMillions(p.forgoneValue?.mean), NumberStyle.share(p.retainedShare)]
                    }
                    line("Value, USD million:")
                    out += table(valueHeader, valueRows, markdown: markdown)
                    if commodity.periods.contains(where: { $0.baselineQuantity != nil || $0.actualQuantity != nil }) {
                        line()
                        line("Quantity, \(Self.quantityHeader(unit)):")
                        let qHeader = ["Period", "Actual", "Baseline", "Scenario", "Scenario interval", "As enacted", "Forgone", "USD per unit"]
                        let qRows = commodity.periods.map { p -> [String] in
                            [p.period.description, Self.quantity(p.actualQuantity), Self.quantity(p.baselineQuantity?.mean),
                             Self.quantity(p.counterfactualQuantity?.mean), Self.interval(p.counterfactualQuantity, Self.quantity),
                             Self.quantity(p.realCalendarQuantity), Self.quantity(p.forgoneQuantity?.mean),
                             p.impliedUnitPrice.map { NumberStyle.fixed($0, decimals: 1) } ?? "-"]
                        }
                        out += table(qHeader, qRows, markdown: markdown)
                    }
                    line()
                    line("Legend: Actual: the recorded figure; Baseline: the no-sanction forecast of the baseline named above; "
                         + "Scenario: the baseline times the share of flows the scenario's measures retain (Retained); Scenario interval: "
                         + "the baseline's \(NumberStyle.share(s.baseline.level, decimals: 0)) prediction interval times that share; As enacted: the baseline times the share "
                         + "the sanctions actually in force retain (a model figure for the real calendar, not a recorded one: compare it with "
                         + "Actual to see how far the baseline and the enacted measures explain the record); Forgone: Baseline minus Scenario; "
                         + "USD per unit: Scenario value divided by Scenario quantity; '-': not computed (see the notes).")
                    let t = commodity.totals
                    line()
                    line("Forgone over \(t.valuePeriods) period(s): " + (t.forgoneValue == nil ? "value not computed" : "USD \(Self.usdMillions(t.forgoneValue?.mean))m (\(Self.interval(t.forgoneValue, Self.usdMillions)))")
                         + (t.forgoneQuantity == nil ? "" : "; \(Self.quantity(t.forgoneQuantity?.mean)) \(Self.quantityHeader(unit)) (\(Self.interval(t.forgoneQuantity, Self.quantity)))"))
                }
                for note in commodity.notes {
                    if markdown { out += "- " + e(note) + "\n" } else { line("Note: " + note) }
                }
                line()
            }
            let sections = outcome.sections
            if !sections.isEmpty {
                heading("By HS section", outcomes.count > 1 ? 3 : 2)
                let header = ["Section", "Codes", "Forgone USD m", "Interval USD m"]
                let rows = sections.map { s -> [String] in
                    [Self.sectionLabel(s.section), s.codes.map(\.description).joined(separator: " "), Self.usdMillions(s.totals.forgoneValue?.mean),
                     Self.interval(s.totals.forgoneValue, Self.usdMillions)]
                }
                out += table(header, rows, markdown: markdown)
                line("Legend: Forgone: the sum over the section's codes and periods; Interval: the sum of their bounds (conservative).")
                line()
            }
            if outcome.commodities.count > 1 {
                let t = outcome.totals
                line("Total forgone: USD \(Self.usdMillions(t.forgoneValue?.mean))m (\(Self.interval(t.forgoneValue, Self.usdMillions)))")
                line()
            }
        }
        if let comparisons, !comparisons.isEmpty { out += comparisonText(markdown: markdown) }
        line("Intervals: the baseline's prediction intervals scaled by the retained share; totals add the per-period bounds (conservative).")
        return out
    }

    /// The marginal comparisons as text.
    func comparisonText(markdown: Bool) -> String {
        var out = ""
        func line(_ text: String = "") { out += (markdown ? text : Self.wrap(text)) + "\n" }
        for (label, comparison) in comparisons ?? [] {
            let against: String
            switch comparison.against {
            case let .scenario(name): against = "'\(name)'"
            case .actual: against = "the recorded figures"
            case .enacted: against = "the sanctions as enacted"
            }
            let title = "Difference: '\(label)' minus \(against)"
            out += markdown ? "## \(title)\n\n" : title + "\n" + String(repeating: "-", count: min(title.count, Self.maximumWidth)) + "\n"
            for c in comparison.commodities {
                let bases = c.baselines.map { "\($0.measure == .value ? "value" : "quantity"): \($0.description), fitted on \($0.fitFrom) to \($0.fitThrough)" }
                line("HS \(c.code), on one baseline (" + (bases.isEmpty ? "none fitted" : bases.joined(separator: "; ")) + ")")
                for b in c.baselines { for w in b.warnings { line("WARNING: \(b.measure == .value ? "value" : "quantity") baseline \(w)") } }
                let header = ["Period", "A USD m", "B USD m", "A - B USD m", "Interval USD m", "A - B \(Self.quantityHeader(c.quantityUnit))"]
                let rows = c.periods.map { p -> [String] in
                    [p.period.description, Self.usdMillions(p.valueA?.mean), Self.usdMillions(p.valueB?.mean), Self.usdMillions(p.valueDifference?.mean),
                     Self.interval(p.valueDifference, Self.usdMillions), Self.quantity(p.quantityDifference?.mean)]
                }
                out += table(header, rows, markdown: markdown)
                line("Total over \(c.valuePeriods) period(s): USD \(Self.usdMillions(c.totalValue?.mean))m (\(Self.interval(c.totalValue, Self.usdMillions))); "
                     + "\(Self.quantity(c.totalQuantity?.mean)) \(Self.quantityHeader(c.quantityUnit))")
                let bText: String
                switch comparison.against {
                case .actual: bText = "the recorded figure"
                case .enacted: bText = "the baseline times the share the sanctions as enacted retain"
                case .scenario: bText = "the reference scenario's counterfactual on the same baseline"
                }
                line("Legend: A: the scenario's counterfactual; B: \(bText); A - B: their difference (negative: A lets less through); "
                     + "Interval: " + (comparison.against == .actual
                        ? "A's prediction interval minus the recorded figure."
                        : "the baseline's prediction interval times the difference of the retained shares (exact for bans)."))
                line()
            }
            for note in comparison.notes {
                if markdown { out += "- " + Markdown.escape(note) + "\n" } else { line("Note: " + note) }
            }
            if !comparison.notes.isEmpty { line() }
        }
        return out
    }

    /// " on logs (bias-adjusted mean)" style phrase; empty for an untransformed model.
    private static func scaleText(_ b: BaselineSummary) -> String {
        guard b.transformation != .none else { return " untransformed" }
        return " on \(b.transformation == .log ? "logs" : "the \(b.transformation.name) scale") (\(pointName(b)))"
    }

    /// `mean` for an untransformed model; `bias-adjusted mean` or `median` after a back-transformation.
    private static func pointName(_ b: BaselineSummary) -> String {
        b.transformation == .none ? "mean" : (b.point == .mean ? "bias-adjusted mean" : "median")
    }

    /// "V Mineral products" style label; codes outside one section are "none (spans sections)".
    private static func sectionLabel(_ section: HSSection?) -> String {
        guard let section else { return "none (spans sections)" }
        return "\(section.roman) \(section.name)"
    }

    private func table(_ header: [String], _ rows: [[String]], markdown: Bool) -> String {
        if markdown {
            var out = "| " + header.map(Markdown.escape).joined(separator: " | ") + " |\n|" + header.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(Markdown.escape).joined(separator: " | ") + " |\n" }
            return out
        }
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        func render(_ row: [String]) -> String {
            row.indices.map { i in i == 0 ? NumberStyle.left(row[i], widths[i]) : NumberStyle.right(row[i], widths[i]) }.joined(separator: "  ")
        }
        var out = render(header) + "\n" + String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)) + "\n"
        for row in rows { out += render(row) + "\n" }
        return out
    }

    /// CSV: one row per scenario, commodity and period; empty fields are missing.
    ///
    /// - Returns: The CSV text with a header row.
    ///
    /// - Parameter guardingFormulas: Prefix a scenario label a spreadsheet would evaluate with `'`
    ///   (``CSVText/field(_:guardingFormulas:)``; default on).
    public func csv(guardingFormulas: Bool = true) -> String {
        var out = "scenario,hs,period,actual_value_usd,baseline_value_usd,counterfactual_value_usd,lower,upper,real_calendar_value_usd,forgone_value_usd,forgone_value_lower,forgone_value_upper,actual_quantity,baseline_quantity,counterfactual_quantity,forgone_quantity,quantity_unit,retained_share,real_retained_share,implied_unit_price,baseline_value_model,baseline_quantity_model,warnings\n"
        func f(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        func quoted(_ text: String) -> String { CSVText.field(text, guardingFormulas: guardingFormulas) }
        for (label, outcome) in outcomes {
            for c in outcome.commodities {
                for p in c.periods {
                    out += [quoted(label), c.code.description, p.period.description, f(p.actualValue), f(p.baselineValue?.mean),
                            f(p.counterfactualValue?.mean), f(p.counterfactualValue?.lower), f(p.counterfactualValue?.upper),
                            f(p.realCalendarValue), f(p.forgoneValue?.mean), f(p.forgoneValue?.lower), f(p.forgoneValue?.upper),
                            f(p.actualQuantity), f(p.baselineQuantity?.mean), f(p.counterfactualQuantity?.mean), f(p.forgoneQuantity?.mean),
                            quoted(c.quantityUnit ?? ""), f(p.retainedShare), f(p.realRetainedShare), f(p.impliedUnitPrice),
                            quoted(c.baselines.first { $0.measure == .value }.map { "\($0.description) [\($0.model)] \($0.fitFrom)-\($0.fitThrough)" } ?? ""),
                            quoted(c.baselines.first { $0.measure == .quantity }.map { "\($0.description) [\($0.model)] \($0.fitFrom)-\($0.fitThrough)" } ?? ""),
                            quoted(c.baselines.flatMap(\.warnings).joined(separator: " | "))].joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    /// One baseline as JSON (field names in docs/scenarios.md, "JSON fields").
    static func baselineJSON(_ b: BaselineSummary, code: CommodityCode) -> JSONValue {
        var backtest: JSONValue = .null
        if let t = b.backtest {
            backtest = .object([("mase", .number(b.chosenScore?.mase)), ("smape", .number(b.chosenScore?.smape)),
                                ("origins", .array(t.origins.map { .string($0.description) })), ("through", .string(t.through.description)),
                                ("chosen", .string(t.chosen)),
                                ("candidates", .array(t.scores.map { score in
                                    .object([("candidate", .string(score.candidate)), ("model", .string(score.model)), ("mase", .number(score.mase)),
                                             ("smape", .number(score.smape)), ("forecasts", .integer(score.forecasts)),
                                             ("skipped", .string(score.skipped))])
                                }))])
        }
        return .object([("hs", .string(code.description)), ("measure", .string(b.measure.rawValue)), ("model", .string(b.model)),
                         ("description", .string(b.description)),
                         ("fit_from", .string(b.fitFrom.description)), ("fit_to", .string(b.fitThrough.description)),
                         ("observations", .integer(b.observationCount)), ("parameters", .integer(b.parameterCount)),
                         ("observations_needed", .integer(b.observationsNeeded)),
                         ("alpha", .number(b.alpha)), ("beta", .number(b.beta)),
                         ("gamma", .number(b.gamma)), ("phi", .number(b.phi)), ("sigma2", .number(b.sigma2)),
                         ("intervals", .string(b.intervalMethod.rawValue)),
                         ("transformation", .string(b.transformation.name)), ("point", .string(Self.pointName(b))),
                         ("truncated_figures", .integer(b.truncatedFigures)),
                         ("backtest", backtest), ("warnings", .array(b.warnings.map { .string($0) }))])
    }

    /// CSV of the marginal comparisons: one row per scenario, code and period.
    ///
    /// - Parameter guardingFormulas: As ``csv(guardingFormulas:)``.
    /// - Returns: The CSV text with a header row; empty fields are missing.
    public func comparisonCSV(guardingFormulas: Bool = true) -> String {
        var out = "scenario,against,hs,period,value_a,value_b,value_difference,value_difference_lower,value_difference_upper,"
            + "quantity_a,quantity_b,quantity_difference,quantity_difference_lower,quantity_difference_upper,quantity_unit,baseline_value_model\n"
        func f(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        func quoted(_ text: String) -> String { CSVText.field(text, guardingFormulas: guardingFormulas) }
        for (label, comparison) in comparisons ?? [] {
            let against: String
            switch comparison.against {
            case let .scenario(name): against = name
            case .actual: against = "actual"
            case .enacted: against = "enacted"
            }
            for c in comparison.commodities {
                let model = c.baselines.first { $0.measure == .value }.map { "\($0.description) [\($0.model)] \($0.fitFrom)-\($0.fitThrough)" } ?? ""
                for p in c.periods {
                    out += [quoted(label), quoted(against), c.code.description, p.period.description, f(p.valueA?.mean), f(p.valueB?.mean),
                            f(p.valueDifference?.mean), f(p.valueDifference?.lower), f(p.valueDifference?.upper),
                            f(p.quantityA?.mean), f(p.quantityB?.mean), f(p.quantityDifference?.mean), f(p.quantityDifference?.lower),
                            f(p.quantityDifference?.upper), quoted(c.quantityUnit ?? ""), quoted(model)].joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    private static func estimateJSON(_ e: Estimate?) -> JSONValue {
        guard let e else { return .null }
        return .object([("mean", .number(e.mean)), ("lower", .number(e.lower)), ("upper", .number(e.upper))])
    }

    /// JSON (CLI.md `whatif`): `scenario`, `baseline`, `impacts: [{hs, period, actual, counterfactual, lower, upper,
    /// forgone_value, ...}]`, `sections: [{section, name, hs, forgone_value, forgone_quantity, periods}]` (sums of the
    /// codes of each HS section; they add up to `totals`), `totals`, `notes`; several outcomes give `{"scenarios": [...]}`.
    ///
    /// - Returns: The JSON value.
    public func json() -> JSONValue {
        let items = outcomes.map { label, outcome -> JSONValue in
            let s = outcome.scenario
            var impacts: [JSONValue] = []
            var baselines: [JSONValue] = []
            var notes: [JSONValue] = []
            var measures: [JSONValue] = []
            for c in outcome.commodities {
                for b in c.baselines { baselines.append(Self.baselineJSON(b, code: c.code)) }
                for m in c.measures {
                    measures.append(.object([("hs", .string(c.code.description)), ("id", .string(m.id)), ("event", .string(m.eventID)),
                                             ("action", .string(m.action.rawValue)), ("effective", .string(m.effective.description)),
                                             ("end", .string(m.end?.description)), ("compliance", .number(m.compliance)),
                                             ("exemption_share", .number(m.exemptionShare)), ("phase_in_months", .integer(m.phaseInMonths)),
                                             ("value_cap_usd", .number(m.cap?.valueCap)), ("quantity_cap", .number(m.cap?.quantityCap?.amount)),
                                             ("stop_share", .number(m.cap?.stopShare))]))
                }
                for p in c.periods {
                    impacts.append(.object([
                        ("hs", .string(c.code.description)), ("period", .string(p.period.description)),
                        ("actual", .number(p.actualValue)), ("baseline", .number(p.baselineValue?.mean)),
                        ("counterfactual", .number(p.counterfactualValue?.mean)),
                        ("lower", .number(p.counterfactualValue?.lower)), ("upper", .number(p.counterfactualValue?.upper)),
                        ("real_calendar", .number(p.realCalendarValue)),
                        ("forgone_value", .number(p.forgoneValue?.mean)),
                        ("forgone_value_lower", .number(p.forgoneValue?.lower)), ("forgone_value_upper", .number(p.forgoneValue?.upper)),
                        ("actual_quantity", .number(p.actualQuantity)), ("baseline_quantity", .number(p.baselineQuantity?.mean)),
                        ("counterfactual_quantity", .number(p.counterfactualQuantity?.mean)),
                        ("forgone_quantity", .number(p.forgoneQuantity?.mean)), ("quantity_unit", .string(c.quantityUnit)),
                        ("retained_share", .number(p.retainedShare)), ("real_retained_share", .number(p.realRetainedShare)),
                        ("implied_unit_price", .number(p.impliedUnitPrice)),
                    ]))
                }
                notes += c.notes.map { .string("HS \(c.code): " + $0) }
            }
            let t = outcome.totals
            return .object([
                ("scenario", .object([("name", .string(s.name)), ("label", .string(label)), ("hs", .array(s.hsCodes.map { .string($0.description) })),
                                      ("freq", .string(s.selection.frequency.rawValue)), ("calendar", .string(s.includesCalendar ? "all" : "referenced")),
                                      ("seed", .string(String(s.seed))), ("level", .number(s.baseline.level)), ("measures", .array(measures))])),
                ("baseline", .array(baselines)),
                ("impacts", .array(impacts)),
                ("sections", .array(outcome.sections.map { s in
                    .object([("section", .string(s.section?.roman)), ("name", .string(s.section?.name)),
                             ("hs", .array(s.codes.map { .string($0.description) })),
                             ("forgone_value", Self.estimateJSON(s.totals.forgoneValue)),
                             ("forgone_quantity", Self.estimateJSON(s.totals.forgoneQuantity)), ("quantity_unit", .string(s.totals.quantityUnit)),
                             ("periods", .array(s.periods.map { p in
                                 .object([("period", .string(p.period.description)), ("forgone_value", Self.estimateJSON(p.forgoneValue)),
                                          ("forgone_quantity", Self.estimateJSON(p.forgoneQuantity))])
                             }))])
                })),
                ("totals", .object([("forgone_value", Self.estimateJSON(t.forgoneValue)), ("forgone_quantity", Self.estimateJSON(t.forgoneQuantity)),
                                    ("quantity_unit", .string(t.quantityUnit)), ("interval_rule", .string("sum of per-period bounds (conservative)"))])),
                ("notes", .array(notes)),
            ])
        }
        let base = items.count == 1 ? items[0] : .object([("scenarios", .array(items))])
        guard let comparisons else { return base }
        return .object([("scenarios", .array(items)), ("comparisons", .array(comparisons.map { Self.comparisonJSON($0.label, $0.comparison) }))])
    }

    /// One comparison as JSON: `against`, `baseline` (the shared fits), `differences` per code and period, `totals`, `notes`.
    static func comparisonJSON(_ label: String, _ comparison: ScenarioComparison) -> JSONValue {
        let against: JSONValue
        switch comparison.against {
        case let .scenario(name): against = .string(name)
        case .actual: against = .string("actual")
        case .enacted: against = .string("enacted")
        }
        var rows: [JSONValue] = [], baselines: [JSONValue] = [], totals: [JSONValue] = []
        for c in comparison.commodities {
            baselines += c.baselines.map { baselineJSON($0, code: c.code) }
            for p in c.periods {
                rows.append(.object([("hs", .string(c.code.description)), ("period", .string(p.period.description)),
                                     ("value_a", estimateJSON(p.valueA)), ("value_b", estimateJSON(p.valueB)),
                                     ("value_difference", estimateJSON(p.valueDifference)),
                                     ("quantity_a", estimateJSON(p.quantityA)), ("quantity_b", estimateJSON(p.quantityB)),
                                     ("quantity_difference", estimateJSON(p.quantityDifference)), ("quantity_unit", .string(c.quantityUnit))]))
            }
            totals.append(.object([("hs", .string(c.code.description)), ("value_difference", estimateJSON(c.totalValue)),
                                   ("quantity_difference", estimateJSON(c.totalQuantity)), ("quantity_unit", .string(c.quantityUnit)),
                                   ("value_periods", .integer(c.valuePeriods)), ("quantity_periods", .integer(c.quantityPeriods))]))
        }
        return .object([("scenario", .string(label)), ("against", against), ("baseline", .array(baselines)), ("differences", .array(rows)),
                        ("totals", .array(totals)), ("total_value_difference", estimateJSON(comparison.totalValue)),
                        ("interval_rule", .string(comparison.against == .actual ? "counterfactual interval minus the recorded figure"
                                                  : "baseline interval times the difference of retained shares; totals add the per-period bounds")),
                        ("notes", .array(comparison.notes.map { .string($0) }))])
    }
}
