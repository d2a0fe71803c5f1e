import Foundation
import TradeDomain
import TrendAnalysis

/// The value of sanctioned and non-sanctioned goods by period, as stacked-bar
/// chart data (``StackedBarChart``) and JSON. Renders only; computes nothing.
public struct SanctionGroupChart: Sendable {
    /// The split of the codes.
    public let coverage: SanctionCoverage
    /// The group totals by period.
    public let totals: [SanctionGroupTotal]
    /// What the goods are ("DPRK exports to China, HS chapters").
    public let label: String

    /// - Parameters:
    ///   - coverage: The split of the codes.
    ///   - totals: The totals by period (``SanctionCoverage/totals(_:)``).
    ///   - label: What the goods are.
    public init(coverage: SanctionCoverage, totals: [SanctionGroupTotal], label: String) {
        self.coverage = coverage
        self.totals = totals
        self.label = label
    }

    /// Every period from the first to the last total, one step at a time: the chart's time axis, on
    /// which a period without any figure is an empty slot rather than squeezed out.
    public var axisPeriods: [Period] {
        guard var period = totals.first?.period, let last = totals.last?.period else { return [] }
        var periods: [Period] = []
        while period <= last {
            periods.append(period)
            period = period.advanced(by: 1)
        }
        return periods
    }

    /// The stacked bars: sanctioned goods at the bottom, the others on top, one slot per period of
    /// ``axisPeriods`` (a period without figures is a gap).
    public var chart: StackedBarChart {
        var byPeriod: [Period: SanctionGroupTotal] = [:]
        for total in totals { byPeriod[total.period] = total }
        let periods = axisPeriods
        let gaps = periods.count - totals.count
        return StackedBarChart(
            title: "Sanctioned and other goods (measures in force on \(coverage.date))",
            summary: "\(label): value of goods covered by sanction measures in force on \(coverage.date) and of other goods, by period"
                + (gaps > 0 ? "; \(gaps) period\(gaps == 1 ? "" : "s") without any figure left empty." : "."),
            yLabel: "Value (USD)", valueUnit: "USD", categories: periods.map(\.description),
            layers: [StackedBarChart.Layer(name: "sanctioned goods", values: periods.map { byPeriod[$0]?.sanctionedValue }),
                     StackedBarChart.Layer(name: "other goods", values: periods.map { byPeriod[$0]?.nonSanctionedValue }, isResidual: true)])
    }

    /// `{date, country, direction, sanctioned_codes: [{code, events}], non_sanctioned_codes,
    /// periods, sanctioned_value_usd, non_sanctioned_value_usd}` (arrays aligned with `periods`).
    public func json() -> JSONValue {
        .object([
            ("label", .string(label)),
            ("date", .string(coverage.date.description)),
            ("country", .string(coverage.country.iso3)),
            ("direction", .string(coverage.direction.rawValue)),
            ("rule", .string("a code is sanctioned when a measure in force on the date, binding the country, touches it (either code nests in the other)")),
            ("sanctioned_codes", .array(coverage.sanctioned.keys.sorted().map { code in
                .object([("code", .string(code)), ("events", .array(coverage.sanctioned[code]!.map { .string($0) }))])
            })),
            ("non_sanctioned_codes", .array(coverage.nonSanctioned.map { .string($0) })),
            ("periods", .array(totals.map { .string($0.period.description) })),
            ("sanctioned_value_usd", .array(totals.map { .number($0.sanctionedValue) })),
            ("non_sanctioned_value_usd", .array(totals.map { .number($0.nonSanctionedValue) })),
        ])
    }

    /// The "Data questions" under the chart, answered from the coverage and the totals: what the
    /// bars add, the classification rule and its date, which chapters count as sanctioned and by
    /// which events, and the periods where chapters are missing.
    ///
    /// - Returns: Sentences, in the order shown.
    public func dataQuestions() -> [String] {
        var questions = ["Each bar adds the values (USD) of the HS chapters reported for \(label); nothing is estimated or filled in."]
        questions.append("A chapter counts as sanctioned when a measure in force on \(coverage.date) and binding \(coverage.country.iso3) touches it, "
            + "even when the measure names only some of its headings (the whole chapter then counts as sanctioned); "
            + "the same split is applied to every year, including years before the measures, so the bars show what later became sanctioned.")
        let sanctioned = coverage.sanctioned.keys.sorted()
        if sanctioned.isEmpty {
            questions.append("No reported chapter is touched by a measure in force on \(coverage.date).")
        } else {
            questions.append("Sanctioned chapters: " + sanctioned.map { "\($0) (\(coverage.sanctioned[$0]!.joined(separator: ", ")))" }.joined(separator: "; ") + ".")
        }
        let widest = totals.map { $0.sanctionedCodeCount + $0.nonSanctionedCodeCount }.max() ?? 0
        let thin = totals.filter { $0.sanctionedCodeCount + $0.nonSanctionedCodeCount < widest }
        if !thin.isEmpty {
            let listed = thin.map { "\($0.period) (\($0.sanctionedCodeCount + $0.nonSanctionedCodeCount))" }.joined(separator: ", ")
            questions.append("Not every chapter is reported in every period: \(widest) chapters at most, fewer in \(listed); "
                + "a lower bar there can be a gap in the data, not less trade.")
        }
        var absent: [String] = []
        for (earlier, later) in zip(totals, totals.dropFirst()) {
            var period = earlier.period.advanced(by: 1)
            while period < later.period { absent.append(period.description); period = period.advanced(by: 1) }
        }
        if !absent.isEmpty {
            let one = absent.count == 1
            questions.append("No chapter figure at all for \(absent.joined(separator: ", ")): \(one ? "that period keeps its place" : "those periods keep their places") "
                + "on the time axis with no bar; nothing is filled in.")
        }
        let noSanctioned = totals.filter { $0.sanctionedValue == nil }.map(\.period.description)
        if !noSanctioned.isEmpty, !sanctioned.isEmpty {
            questions.append("No sanctioned chapter is reported for \(noSanctioned.joined(separator: ", ")): those bars show other goods only.")
        }
        return questions
    }

    /// A fixed-width table of the two totals by period.
    public func text() -> String {
        var lines = ["", "Sanctioned and other goods (measures in force on \(coverage.date), binding \(coverage.country.iso3)):",
                     "Sanctioned: " + (coverage.sanctioned.isEmpty ? "none" : coverage.sanctioned.keys.sorted().joined(separator: ", ")),
                     "Other: " + (coverage.nonSanctioned.isEmpty ? "none" : coverage.nonSanctioned.joined(separator: ", ")),
                     NumberStyle.left("Period", 8) + "  " + NumberStyle.right("Sanctioned (USD)", 18) + "  " + NumberStyle.right("Other (USD)", 18)]
        for total in totals {
            lines.append(NumberStyle.left(total.period.description, 8) + "  "
                         + NumberStyle.right(total.sanctionedValue.map(NumberStyle.grouped) ?? "-", 18) + "  "
                         + NumberStyle.right(total.nonSanctionedValue.map(NumberStyle.grouped) ?? "-", 18))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
