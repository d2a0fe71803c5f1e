import Scenarios
import TradeDomain

/// Renders scenario outcomes (one or several side by side, or a sweep) as text, Markdown, CSV or JSON.
/// Computes nothing: every figure comes from the ``ScenarioOutcome``s.
public struct ScenarioReport: Sendable {
    /// The outcomes, each with a label (the scenario name, or the sweep value).
    public let outcomes: [(label: String, outcome: ScenarioOutcome)]
    /// Whether the outcomes are a sweep of one scenario.
    public let isSweep: Bool

    /// A report.
    ///
    /// - Parameters:
    ///   - outcomes: Labelled outcomes.
    ///   - isSweep: Whether they are a sweep.
    public init(outcomes: [(label: String, outcome: ScenarioOutcome)], isSweep: Bool = false) {
        self.outcomes = outcomes
        self.isSweep = isSweep
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

    /// Fixed-width text (or Markdown with `markdown`).
    ///
    /// - Parameter markdown: Render Markdown headings and tables.
    /// - Returns: The report.
    public func text(markdown: Bool = false) -> String {
        var out = ""
        // In Markdown every line and cell is escaped (Markdown.escape): scenario names, descriptions and notes are data.
        func e(_ text: String) -> String { markdown ? Markdown.escape(text) : text }
        func heading(_ text: String, _ level: Int) { out += markdown ? String(repeating: "#", count: level) + " " + e(text) + "\n\n" : text + "\n" + String(repeating: level == 1 ? "=" : "-", count: text.count) + "\n" }
        func line(_ text: String = "") { out += e(text) + "\n" }
        if outcomes.count > 1 {
            heading(isSweep ? "Sweep: \(outcomes[0].outcome.scenario.name)" : "Scenarios side by side", 1)
            let header = ["Scenario", "Forgone value (USD)", "Interval", "Forgone quantity", "Interval"]
            let rows = outcomes.map { item -> [String] in
                let t = item.outcome.totals
                return [item.label, Self.number(t.forgoneValue?.mean), Self.range(t.forgoneValue),
                        Self.number(t.forgoneQuantity?.mean) + (t.quantityUnit.map { " " + $0 } ?? ""), Self.range(t.forgoneQuantity)]
            }
            out += table(header, rows, markdown: markdown)
            line()
        }
        for (label, outcome) in outcomes where !isSweep || outcomes.count == 1 {
            heading("What if: \(label)", outcomes.count > 1 ? 2 : 1)
            if let description = outcome.scenario.description { line(description); line() }
            let s = outcome.scenario
            line("Selection: \(s.selection.reporter?.iso3 ?? "-") \(s.selection.flow?.rawValue ?? "-") from \(s.selection.partner?.iso3 ?? "-"), HS \(s.hsCodes.map(\.description).joined(separator: ", ")), \(s.selection.frequency.rawValue)")
            line("Baseline: \(s.baseline.method.rawValue), trend \(s.baseline.trend.rawValue), seasonal \(s.baseline.seasonal.rawValue), \(NumberStyle.share(s.baseline.level, decimals: 0)) intervals; seed \(s.seed)")
            line()
            for commodity in outcome.commodities {
                heading("HS \(commodity.code)", outcomes.count > 1 ? 3 : 2)
                for b in commodity.baselines {
                    var params = b.alpha.map { "alpha \(NumberStyle.fixed($0, decimals: 4))" } ?? "least squares"
                    if let beta = b.beta { params += ", beta \(NumberStyle.fixed(beta, decimals: 4))" }
                    if let phi = b.phi { params += ", phi \(NumberStyle.fixed(phi, decimals: 4))" }
                    line("\(b.measure.rawValue) baseline: \(b.model) fitted on \(b.fitFrom)-\(b.fitThrough) (\(b.observationCount) periods)\(Self.scaleText(b)), \(params); \(b.intervalMethod.rawValue) intervals"
                         + (b.truncatedFigures > 0 ? "; \(b.truncatedFigures) figure(s) truncated at 0" : ""))
                }
                line("Scenario measures: " + (commodity.measures.isEmpty ? "none" : ""))
                for m in commodity.measures { line("  " + Self.measureLine(m)) }
                line("Real calendar: " + (commodity.realMeasures.isEmpty ? "none" : commodity.realMeasures.map(\.id).joined(separator: ", ")))
                line()
                if !commodity.periods.isEmpty {
                    let unit = commodity.quantityUnit ?? "qty"
                    let header = ["Period", "Actual USD", "Baseline USD", "Scenario USD", "Interval", "Real cal. USD", "Forgone USD",
                                  "Actual \(unit)", "Baseline \(unit)", "Scenario \(unit)", "Forgone \(unit)", "Retained"]
                    let rows = commodity.periods.map { p -> [String] in
                        [p.period.description, Self.number(p.actualValue), Self.number(p.baselineValue?.mean), Self.number(p.counterfactualValue?.mean),
                         Self.range(p.counterfactualValue), Self.number(p.realCalendarValue), Self.number(p.forgoneValue?.mean),
                         Self.number(p.actualQuantity), Self.number(p.baselineQuantity?.mean), Self.number(p.counterfactualQuantity?.mean),
                         Self.number(p.forgoneQuantity?.mean), NumberStyle.share(p.retainedShare)]
                    }
                    out += table(header, rows, markdown: markdown)
                    let t = commodity.totals
                    line()
                    line("Forgone over \(t.valuePeriods) period(s): USD \(Self.number(t.forgoneValue?.mean)) (\(Self.range(t.forgoneValue))); " +
                         "\(Self.number(t.forgoneQuantity?.mean)) \(unit) (\(Self.range(t.forgoneQuantity)))")
                }
                for note in commodity.notes { out += (markdown ? "- " : "Note: ") + e(note) + "\n" }
                line()
            }
            let sections = outcome.sections
            if !sections.isEmpty {
                heading("By HS section", outcomes.count > 1 ? 3 : 2)
                let header = ["Section", "Codes", "Forgone value (USD)", "Interval", "Forgone quantity", "Interval"]
                let rows = sections.map { s -> [String] in
                    let t = s.totals
                    return [Self.sectionLabel(s.section), s.codes.map(\.description).joined(separator: " "), Self.number(t.forgoneValue?.mean),
                            Self.range(t.forgoneValue), Self.number(t.forgoneQuantity?.mean) + (t.quantityUnit.map { " " + $0 } ?? ""),
                            Self.range(t.forgoneQuantity)]
                }
                out += table(header, rows, markdown: markdown)
                line()
            }
            if outcome.commodities.count > 1 {
                let t = outcome.totals
                line("Total forgone: USD \(Self.number(t.forgoneValue?.mean)) (\(Self.range(t.forgoneValue)))")
                line()
            }
        }
        line("Intervals: the baseline's prediction intervals scaled by the retained share; totals add the per-period bounds (conservative).")
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
        var out = "scenario,hs,period,actual_value_usd,baseline_value_usd,counterfactual_value_usd,lower,upper,real_calendar_value_usd,forgone_value_usd,forgone_value_lower,forgone_value_upper,actual_quantity,baseline_quantity,counterfactual_quantity,forgone_quantity,quantity_unit,retained_share,real_retained_share,implied_unit_price\n"
        func f(_ value: Double?) -> String { value.map { String($0) } ?? "" }
        func quoted(_ text: String) -> String { CSVText.field(text, guardingFormulas: guardingFormulas) }
        for (label, outcome) in outcomes {
            for c in outcome.commodities {
                for p in c.periods {
                    out += [quoted(label), c.code.description, p.period.description, f(p.actualValue), f(p.baselineValue?.mean),
                            f(p.counterfactualValue?.mean), f(p.counterfactualValue?.lower), f(p.counterfactualValue?.upper),
                            f(p.realCalendarValue), f(p.forgoneValue?.mean), f(p.forgoneValue?.lower), f(p.forgoneValue?.upper),
                            f(p.actualQuantity), f(p.baselineQuantity?.mean), f(p.counterfactualQuantity?.mean), f(p.forgoneQuantity?.mean),
                            quoted(c.quantityUnit ?? ""), f(p.retainedShare), f(p.realRetainedShare), f(p.impliedUnitPrice)].joined(separator: ",") + "\n"
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
                for b in c.baselines {
                    baselines.append(.object([("hs", .string(c.code.description)), ("measure", .string(b.measure.rawValue)), ("model", .string(b.model)),
                                              ("fit_from", .string(b.fitFrom.description)), ("fit_to", .string(b.fitThrough.description)),
                                              ("observations", .integer(b.observationCount)), ("alpha", .number(b.alpha)), ("beta", .number(b.beta)),
                                              ("gamma", .number(b.gamma)), ("phi", .number(b.phi)), ("sigma2", .number(b.sigma2)),
                                              ("intervals", .string(b.intervalMethod.rawValue)),
                                              ("transformation", .string(b.transformation.name)), ("point", .string(Self.pointName(b))),
                                              ("truncated_figures", .integer(b.truncatedFigures))]))
                }
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
        return items.count == 1 ? items[0] : .object([("scenarios", .array(items))])
    }
}
