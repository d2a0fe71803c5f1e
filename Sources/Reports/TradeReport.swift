import Foundation
import TradeDomain
import TrendAnalysis

/// The main job's report for one commodity: quantity, value and unit price by
/// period with each figure's source, the year-on-year price/volume changes,
/// the periods where tonnage and value moved apart (the 2015 coal story), the
/// sanction events touching the code, and the data questions.
///
/// The report assembles results computed elsewhere (`TradeSeriesBuilder`,
/// `PriceVolumeChange`, `SanctionEvent`); it computes no statistics itself.
public struct TradeReport: Sendable {
    public let title: String
    public let table: SeriesTable
    public let commodityName: String
    /// Each period against the same period a year earlier (the previous year, or the same month
    /// of the previous year), with the value change always and the price/volume split where both
    /// periods have a quantity.
    public let yearOnYear: [YearOnYearChange]
    /// The year-on-year changes with a price/volume split (both value and quantity known).
    public let changes: [PriceVolumeChange]
    /// Events with at least one measure touching the code, with those measures: only when the
    /// calendar's target is a side of the flow, only measures on goods moving the flow's way, and
    /// only events binding the other side (UN measures, and its own).
    public let events: [(event: SanctionEvent, measures: [SanctionMeasure])]
    /// The sanctions calendar the events come from.
    public let calendar: SanctionCalendar
    /// Where the figures come from, in one sentence (derived from the selection and the data source).
    public let provenance: String
    public let citations: [String: SourceCitation]
    /// The series of the code's chapter (same selection otherwise), when the code
    /// is a heading or subheading: its values bound the code's values from above.
    public let chapterSeries: TradeSeries?
    /// Breaks, anomaly flags and sanction screens computed by `DiagnosticsSpecification`, when the caller ran them.
    public let diagnosis: TradeSeriesDiagnosis?
    /// The monthly value series of the code through a structural model (gaps kept as gaps), when there is one.
    public let monthly: MonthlyStructuralSection?

    /// - Parameters:
    ///   - table: The series and how its selection is described.
    ///   - commodityName: The HS name of the code.
    ///   - calendar: The sanctions calendar; only events bearing on the selection and touching the code are kept.
    ///   - provenance: Where the figures come from, in one sentence.
    ///   - citations: Citations by source id.
    ///   - chapterSeries: The series of the code's HS chapter, used as an upper bound of its values.
    ///   - diagnosis: Breaks, anomalies and sanction screens to show next to the events, or `nil`.
    public init(table: SeriesTable, commodityName: String, calendar: SanctionCalendar, provenance: String, citations: [String: SourceCitation],
                chapterSeries: TradeSeries? = nil, diagnosis: TradeSeriesDiagnosis? = nil, monthly: MonthlyStructuralSection? = nil) {
        self.table = table
        self.diagnosis = diagnosis
        self.monthly = monthly
        self.chapterSeries = chapterSeries
        self.commodityName = commodityName
        self.title = "\(table.selectionLabel): HS \(table.series.selection.commodity) (\(commodityName))"
        self.yearOnYear = YearOnYearChange.changes(table.series)
        self.changes = yearOnYear.compactMap(\.priceVolume)
        self.citations = citations
        self.calendar = calendar
        self.provenance = provenance
        var touching: [(SanctionEvent, [SanctionMeasure])] = []
        let selection = table.series.selection
        if let direction = calendar.direction(of: selection) {
            // The country whose own measures count: the side of the flow that is not the target.
            let bound = calendar.counterpart(of: selection)
            for event in calendar.events where bound.map(event.binds) ?? true {
                let measures = event.measures.filter { $0.direction == direction && $0.touches(selection.commodity) }
                if !measures.isEmpty { touching.append((event, measures)) }
            }
        }
        self.events = touching
    }

    var unit: String { table.series.quantityUnit?.abbreviation ?? "" }

    /// The word for the quantity in prose: "tonnage" for a mass, "quantity" for items, litres or other units.
    var quantityNoun: String { table.series.quantityUnit?.dimension == .mass ? "tonnage" : "quantity" }

    /// Consecutive-period changes in which quantity and value moved in opposite directions.
    public var divergences: [PriceVolumeChange] {
        changes.filter { ($0.quantityChange > 0) != ($0.valueChange > 0) && $0.quantityChange != 0 && $0.valueChange != 0 }
    }

    /// One sentence per divergence, with the figures and their caveats.
    public func stories() -> [String] {
        divergences.map { change in
            let rose = change.quantityChange > 0
            var sentence = "\(change.to): \(quantityNoun) \(rose ? "rose" : "fell") \(NumberStyle.percent(change.quantityChange)) "
                + "(\(NumberStyle.grouped(change.quantityFrom)) \(unit) in \(change.from) to \(NumberStyle.grouped(change.quantityTo)) \(unit)) "
                + "while value \(rose ? "fell" : "rose") \(NumberStyle.percent(change.valueChange)) "
                + "(USD \(NumberStyle.millions(change.valueFrom)) to USD \(NumberStyle.millions(change.valueTo))), "
                + "so the unit price moved \(NumberStyle.percent(change.unitPriceChange)) "
                + "(\(NumberStyle.fixed(change.valueFrom / change.quantityFrom, decimals: 2)) to \(NumberStyle.fixed(change.valueTo / change.quantityTo, decimals: 2)) USD/\(unit)). "
                + "Of the value change, the price effect is \(NumberStyle.percent(change.priceEffectShare)) and the volume effect \(NumberStyle.percent(change.volumeEffectShare)) (log-mean Divisia)."
            if let point = table.series.points.first(where: { $0.period == change.to }) {
                sentence += caveat(point)
            }
            return sentence
        }
    }

    /// The caveats of one period: mixed sources, low-precision and conflicting figures.
    func caveat(_ point: TradeSeriesPoint) -> String {
        var notes: [String] = []
        if point.mixesSources {
            notes.append("Value and \(quantityNoun) come from different sources (value: \(point.valueSources.joined(separator: ", ")); \(quantityNoun): \(point.quantitySources.joined(separator: ", "))).")
        }
        if let value = point.value?.amount, TradeSeriesBuilder.significantDigits(value) <= 2 {
            // A figure given to d significant digits lies within half a unit of its last digit.
            let digits = TradeSeriesBuilder.significantDigits(value)
            let halfWidth = 0.5 * pow(10, floor(log10(value)) - Double(digits) + 1)
            var note = "The value is known only to \(digits) significant digit\(digits == 1 ? "" : "s"): USD \(NumberStyle.millions(value)) stands for anything from USD \(NumberStyle.millions(value - halfWidth)) to USD \(NumberStyle.millions(value + halfWidth))"
            if let quantity = point.quantity?.amount, quantity > 0 {
                note += ", so the unit price lies between \(NumberStyle.fixed((value - halfWidth) / quantity, decimals: 2)) and \(NumberStyle.fixed((value + halfWidth) / quantity, decimals: 2)) USD/\(unit)"
            }
            notes.append(note + ".")
        }
        if let bound = chapterBound(point.period), let value = point.value?.amount {
            let digits = TradeSeriesBuilder.significantDigits(value)
            let halfWidth = digits <= 2 ? 0.5 * pow(10, floor(log10(value)) - Double(digits) + 1) : 0
            if value > bound.value {
                var note = "The whole of chapter \(bound.chapter) was worth USD \(NumberStyle.grouped(bound.value)) that year (\(bound.sources)), less than this figure"
                if value - halfWidth <= bound.value, let quantity = point.quantity?.amount, quantity > 0 {
                    note += "; only USD \(NumberStyle.millions(value - halfWidth)) to USD \(NumberStyle.millions(bound.value)) is consistent with both, a unit price of \(NumberStyle.fixed((value - halfWidth) / quantity, decimals: 2)) to \(NumberStyle.fixed(bound.value / quantity, decimals: 2)) USD/\(unit)"
                }
                notes.append(note + ".")
            }
        }
        let values = point.alternatives.filter { $0.measure == .value }
        if !values.isEmpty, let quantity = point.quantity?.amount, quantity > 0 {
            let others = values.map { "USD \(NumberStyle.millions($0.amount)) (\($0.sourceID); unit price \(NumberStyle.fixed($0.amount / quantity, decimals: 2)) USD/\(unit))" }
            notes.append("Other sources give " + others.joined(separator: "; ") + ".")
        }
        return notes.isEmpty ? "" : " " + notes.joined(separator: " ")
    }

    /// The value of the code's chapter in a period, with its sources.
    func chapterBound(_ period: Period) -> (chapter: String, value: Double, sources: String)? {
        guard let chapterSeries, let point = chapterSeries.points.first(where: { $0.period == period }),
              let value = point.value?.amount else { return nil }
        return (chapterSeries.selection.commodity.description, value, point.valueSources.joined(separator: ", "))
    }

    /// Questions a careful reader asks of these figures, answered from the data.
    public func dataQuestions() -> [String] {
        var questions: [String] = []
        questions.append(provenance)
        questions.append("Valuation: \(table.valuation).")
        let conflicting = table.series.points.filter { !$0.alternatives.isEmpty }.map(\.period.description)
        if !conflicting.isEmpty {
            questions.append("Conflicting figures: sources disagree for \(conflicting.joined(separator: ", ")). The preferred figure follows the rank rule of Data/README.md; the others are listed beside it.")
        }
        let exceeding = table.series.points.filter { point in
            guard let value = point.value?.amount, let bound = chapterBound(point.period) else { return false }
            return value > bound.value
        }.map(\.period.description)
        if let chapter = chapterSeries?.selection.commodity {
            questions.append("Upper bound: a heading cannot be worth more than its chapter. The chapter \(chapter) totals of the same flow (where known) are used as a check"
                + (exceeding.isEmpty ? "; no figure exceeds them." : "; the figure for \(exceeding.joined(separator: ", ")) exceeds it (see the notes)."))
        }
        let valueOnly = table.series.points.filter { $0.value != nil && $0.quantity == nil }.map(\.period.description)
        if !valueOnly.isEmpty {
            questions.append("No \(quantityNoun) for \(valueOnly.joined(separator: ", ")): no unit price there.")
        }
        let quantityOnly = table.series.points.filter { $0.value == nil && $0.quantity != nil }.map(\.period.description)
        if !quantityOnly.isEmpty {
            questions.append("No value for \(quantityOnly.joined(separator: ", ")): no unit price there.")
        }
        let empty = table.series.points.filter { $0.value == nil && $0.quantity == nil }.map(\.period.description)
        if !empty.isEmpty {
            questions.append("No figure at all for \(empty.joined(separator: ", ")).")
        }
        return questions
    }

    /// The report as plain text for a terminal.
    ///
    /// - Parameter colour: Whether to emphasise headings with ANSI escapes; the
    ///   caller decides (only on a terminal, never with `NO_COLOR`). `false` by default.
    /// - Returns: The text.
    public func text(colour: Bool = false) -> String {
        func heading(_ text: String) -> String { colour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }
        var out = heading(title) + "\n" + String(repeating: "=", count: min(title.count, 100)) + "\n\n"
        out += table.text() + "\n"
        out += glance(heading: heading)
        if !yearOnYear.isEmpty {
            out += heading(changesHeading) + "\n"
            let width = yearOnYear.map { "\($0.from) -> \($0.to)".count }.max() ?? 13
            let header = NumberStyle.left("From -> to", width) + "    Quantity     Value  Unit price  Price effect  Volume effect"
            out += header + "\n" + String(repeating: "-", count: header.count) + "\n"
            for row in changeRows() {
                out += NumberStyle.left(row[0], width) + NumberStyle.right(row[1], 12) + NumberStyle.right(row[2], 10)
                    + NumberStyle.right(row[3], 12) + NumberStyle.right(row[4], 14) + NumberStyle.right(row[5], 15) + "\n"
            }
            out += changesNote + "\n\n"
        }
        let stories = stories()
        if !stories.isEmpty {
            out += heading("\(quantityNoun.capitalized) and value moving apart") + "\n"
            for story in stories { out += "- " + story + "\n" }
            out += "\n"
        }
        if !events.isEmpty {
            out += heading(eventsHeading) + "\n"
            for (event, measures) in events {
                let effective = event.effective.map { ", effective \($0)" } ?? ""
                out += "- \(event.adopted) \(event.id) [\(event.partnerScope)]\(effective): " + measures.map(Self.measureSummary).joined(separator: "; ") + "\n"
            }
            out += "\n"
        }
        out += diagnosisText(heading: heading)
        if let monthly { out += monthly.text(heading: heading) }
        out += heading("Data questions") + "\n"
        for question in dataQuestions() { out += "- " + question + "\n" }
        let ids = citedSourceIDs
        if !ids.isEmpty {
            out += "\n" + heading("Sources") + "\n"
            for id in ids {
                if let citation = citations[id] {
                    out += "- \(id): \(citation.publisher), \"\(citation.title)\" (\(citation.displayDate)) \(citation.url)\n"
                } else {
                    out += "- \(id)\n"
                }
            }
        }
        return out
    }

    /// The heading of the year-on-year table: "Change from the previous year" or, for a monthly
    /// series, "Change from the same month a year earlier".
    public var changesHeading: String {
        switch table.series.selection.frequency {
        case .annual: "Change from the previous year"
        case .quarterly: "Change from the same quarter a year earlier"
        case .monthly: "Change from the same month a year earlier"
        }
    }

    /// The note under the year-on-year table.
    var changesNote: String {
        "Price and volume effects are shares of the earlier period's value (log-mean Divisia); they add up to the value change. "
            + "'–': no \(quantityNoun) in one of the two periods, so only the value change is known."
    }

    /// The cells of the year-on-year table: period pair, then quantity, value and unit-price changes
    /// and the price and volume effects ('–' where there is no quantity).
    func changeRows() -> [[String]] {
        yearOnYear.map { change in
            let split = change.priceVolume
            return ["\(change.from) -> \(change.to)", split.map { NumberStyle.percent($0.quantityChange) } ?? "–",
                    NumberStyle.percent(change.valueChange), split.map { NumberStyle.percent($0.unitPriceChange) } ?? "–",
                    split.map { NumberStyle.percent($0.priceEffectShare) } ?? "–", split.map { NumberStyle.percent($0.volumeEffectShare) } ?? "–"]
        }
    }

    /// "Sanction events touching HS 2701 (measures on PRK's exports, Data/sanctions/sanctions_dprk.yaml)".
    public var eventsHeading: String {
        let direction = calendar.direction(of: table.series.selection) == .import ? "imports" : "exports"
        return "Sanction events touching HS \(table.series.selection.commodity) (measures on \(calendar.target)'s \(direction), \(calendar.origin))"
    }

    /// Sparklines of quantity, value and unit price, with the lowest and highest figure.
    func glance(heading: (String) -> String) -> String {
        let points = table.series.points
        guard points.count >= 3, let first = points.first?.period, let last = points.last?.period else { return "" }
        let step = table.series.selection.frequency == .monthly ? "month" : "year"
        var out = heading("At a glance, \(first) to \(last)") + " (one character per \(step), lowest ▁ to highest █; blank = not reported)\n"
        let rows: [(String, String, (TradeSeriesPoint) -> Double?)] = [
            ("Quantity", unit, { $0.quantity?.amount }), ("Value", "USD", { $0.value?.amount }),
            ("Unit price", "USD/\(unit)", { $0.unitPrice?.amount }),
        ]
        for (name, rowUnit, measure) in rows {
            let present = points.compactMap { point in measure(point).map { (point.period, $0) } }
            guard let low = present.min(by: { $0.1 < $1.1 }), let high = present.max(by: { $0.1 < $1.1 }) else { continue }
            func figure(_ value: Double) -> String { name == "Unit price" ? NumberStyle.fixed(value, decimals: 2) : NumberStyle.grouped(value) }
            out += "  " + NumberStyle.left(name, 11) + Sparkline.render(points.map(measure))
                + "  lowest \(figure(low.1)) \(rowUnit) (\(low.0)), highest \(figure(high.1)) \(rowUnit) (\(high.0))\n"
        }
        return out + "\n"
    }

    /// Every source id behind a figure shown or listed beside it, sorted.
    public var citedSourceIDs: [String] {
        let cited = table.series.points.flatMap { $0.sourceIDs + $0.alternatives.map(\.sourceID) }
        var seen: Set<String> = []
        return cited.filter { seen.insert($0).inserted }.sorted()
    }

    static func measureSummary(_ measure: SanctionMeasure) -> String {
        var text = "\(measure.action.rawValue) on \(measure.category)"
        if let effective = measure.effective { text += " from \(effective)" }
        if let expires = measure.expires { text += " until \(expires)" }
        if let cap = measure.cap {
            var limits: [String] = []
            if let value = cap.valueUSD { limits.append("USD \(NumberStyle.grouped(value))") }
            if let quantity = cap.quantity { limits.append("\(NumberStyle.grouped(quantity.amount)) \(quantity.unit.abbreviation)") }
            if !limits.isEmpty { text += " (cap: " + limits.joined(separator: " or ") + ", whichever is lower)" }
        }
        if let grace = measure.graceUntil { text += ", grace until \(grace)" }
        return text
    }

    /// The report as JSON: everything it shows, as data.
    public func json(selection: JSONValue) -> JSONValue {
        .object([
            ("title", .string(title)),
            ("commodity_name", .string(commodityName)),
            ("series", table.json(selection: selection)),
            ("changes", .array(changes.map { change in
                .object([
                    ("from", .string(change.from.description)), ("to", .string(change.to.description)),
                    ("value_from", .number(change.valueFrom)), ("value_to", .number(change.valueTo)),
                    ("quantity_from", .number(change.quantityFrom)), ("quantity_to", .number(change.quantityTo)),
                    ("value_change", .number(change.valueChange)), ("quantity_change", .number(change.quantityChange)),
                    ("unit_price_change", .number(change.unitPriceChange)),
                    ("price_effect_usd", .number(change.priceEffect)), ("volume_effect_usd", .number(change.volumeEffect)),
                    ("price_effect_share", .number(change.priceEffectShare)), ("volume_effect_share", .number(change.volumeEffectShare)),
                ])
            })),
            ("year_on_year", .array(yearOnYear.map { change in
                .object([
                    ("from", .string(change.from.description)), ("to", .string(change.to.description)),
                    ("value_from", .number(change.valueFrom)), ("value_to", .number(change.valueTo)),
                    ("value_change", .number(change.valueChange)),
                    ("quantity_change", .number(change.priceVolume?.quantityChange)),
                    ("unit_price_change", .number(change.priceVolume?.unitPriceChange)),
                ])
            })),
            ("stories", .array(stories().map { .string($0) })),
            ("events", .array(events.map { event, measures in
                .object([
                    ("id", .string(event.id)), ("authority", .string(event.authority)),
                    ("adopted", .string(event.adopted.description)), ("effective", .string(event.effective?.description)),
                    ("title", .string(event.title)),
                    ("measures", .array(measures.map { .string(Self.measureSummary($0)) })),
                ])
            })),
            ("data_questions", .array(dataQuestions().map { .string($0) })),
            ("diagnostics", diagnosisJSON()),
            ("monthly", monthly?.json() ?? .null),
        ])
    }
}
