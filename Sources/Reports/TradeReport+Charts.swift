import Foundation
import TradeDomain

/// Which measure of a trade series a chart shows.
public enum ChartMeasure: String, Sendable, CaseIterable {
    case quantity, value, unitPrice = "unit-price"
}

extension TradeReport {
    /// The line chart of one measure, with the sanction events touching the code
    /// marked at their effective dates (`SanctionEvent.effectiveDate`) and the
    /// periods where sources disagree on that measure highlighted.
    ///
    /// - Parameter measure: Quantity, value or unit price.
    /// - Returns: The chart; its series has a point per period, missing figures as gaps.
    public func chart(_ measure: ChartMeasure) -> LineChart {
        let series = table.series
        let code = series.selection.commodity.description
        let unit = self.unit.isEmpty ? "-" : self.unit
        let (name, axis, valueUnit): (String, String, String)
        switch measure {
        case .quantity: (name, axis, valueUnit) = ("Quantity", "Quantity (\(unit))", unit)
        case .value: (name, axis, valueUnit) = ("Value", "Value (USD, \(table.valuation.split(separator: ",").first ?? "CIF"))", "USD")
        case .unitPrice: (name, axis, valueUnit) = ("Unit price", "Unit price (USD/\(unit))", "USD/\(unit)")
        }
        func figure(_ point: TradeSeriesPoint) -> Double? {
            switch measure {
            case .quantity: return point.quantity?.amount
            case .value: return point.value?.amount
            case .unitPrice: return point.unitPrice?.amount
            }
        }
        let points = series.points.map { LineChart.Point(period: $0.period, value: figure($0)) }
        var highlights: [LineChart.Highlight] = []
        for point in series.points {
            guard let shown = figure(point) else { continue }
            let others: [AlternativeFigure]
            switch measure {
            case .quantity: others = point.alternatives.filter { $0.measure == .quantity }
            case .value, .unitPrice: others = point.alternatives.filter { $0.measure == .value }
            }
            guard !others.isEmpty else { continue }
            let listed = others.map { "\(NumberStyle.grouped($0.amount)) \($0.measure == .value ? "USD" : unit) (\($0.sourceID))" }
            highlights.append(.init(
                x: ChartTime.position(point.period), value: shown,
                note: "\(point.period): sources disagree; other \(measure == .quantity ? "quantity" : "value") figures: " + listed.joined(separator: "; ")))
        }
        // Events keep their number in the report's event list in every chart; the key says what each did and when.
        var markers = events.enumerated().map { index, entry in
            let did = entry.measures.map(Self.measureSummary).joined(separator: "; ")
            return LineChart.Marker(date: entry.event.effectiveDate, label: entry.event.id, detail: "\(entry.event.id) effective: " + did,
                                    tag: String(index + 1), key: "\(entry.event.id), effective \(entry.event.effectiveDate): \(did)")
        }
        let (breakMarkers, anomalyHighlights) = diagnosisMarks(measure)
        markers += breakMarkers
        highlights += anomalyHighlights
        let first = series.points.first?.period.description ?? ""
        let last = series.points.last?.period.description ?? ""
        let summary = "\(name) of HS \(code) (\(commodityName)), \(table.selectionLabel), \(first) to \(last), "
            + "\(points.filter { $0.value != nil }.count) of \(points.count) periods reported; "
            + "\(events.count) sanction event\(events.count == 1 ? "" : "s") marked at effective dates; "
            + "\(highlights.count - anomalyHighlights.count) period\(highlights.count - anomalyHighlights.count == 1 ? "" : "s") where sources disagree highlighted."
            + (diagnosis == nil ? "" : " \(breakMarkers.count) structural break\(breakMarkers.count == 1 ? "" : "s") marked after the last period of a regime; "
                + "\(anomalyHighlights.count) anomal\(anomalyHighlights.count == 1 ? "y" : "ies") highlighted.")
        return LineChart(
            title: "HS \(code): \(name.lowercased()) by \(series.selection.frequency == .monthly ? "month" : "year")",
            summary: summary, xLabel: series.selection.frequency == .monthly ? "Month" : "Year", yLabel: axis, valueUnit: valueUnit,
            series: [.init(name: "HS \(code)", points: points)], markers: markers, highlights: highlights)
    }

    /// The sentence shown instead of a chart when a measure has no figure in any period, `nil` when
    /// the chart has something to draw.
    ///
    /// - Parameter measure: The chart's measure.
    public func noDataSentence(_ measure: ChartMeasure) -> String? {
        guard chart(measure).series.allSatisfy({ $0.points.allSatisfy { $0.value == nil } }) else { return nil }
        let code = table.series.selection.commodity
        let what: String
        switch measure {
        case .quantity: what = "No \(quantityNoun) is reported for HS \(code) in this selection"
        case .value: what = "No value is reported for HS \(code) in this selection"
        case .unitPrice: what = "No period of HS \(code) has both a value and a \(quantityNoun), so there is no unit price"
        }
        return what + ": no \(measure == .unitPrice ? "unit-price" : measure.rawValue) chart is drawn."
    }

    /// Periods as text with consecutive runs of three or more collapsed:
    /// `2009-09, 2010-01 to 2010-06, 2011-02`.
    static func runs(_ periods: [Period]) -> String {
        var parts: [String] = []
        var index = 0
        while index < periods.count {
            var end = index
            while end + 1 < periods.count, periods[end + 1] == periods[end].advanced(by: 1) { end += 1 }
            if end - index >= 2 {
                parts.append("\(periods[index]) to \(periods[end])")
            } else {
                parts.append(contentsOf: periods[index...end].map(\.description))
            }
            index = end + 1
        }
        return parts.joined(separator: ", ")
    }

    /// The data questions that bear on one chart: where the figures come from and
    /// the valuation, then the gaps and conflicts of that measure.
    ///
    /// - Parameter measure: The chart's measure.
    /// - Returns: Sentences, answered from the data.
    public func dataQuestions(for measure: ChartMeasure) -> [String] {
        let all = dataQuestions()
        var questions = Array(all.prefix(2))
        let points = table.series.points
        func periods(_ keep: (TradeSeriesPoint) -> Bool) -> String { Self.runs(points.filter(keep).map(\.period)) }
        let disputed: String
        switch measure {
        case .quantity:
            disputed = periods { $0.alternatives.contains { $0.measure == .quantity } }
            let missing = periods { $0.quantity == nil }
            if !missing.isEmpty { questions.append("No \(quantityNoun) reported for \(missing): the line has gaps there, nothing is filled in.") }
            let estimated = periods { ($0.estimatedQuantityShare ?? 0) > 0 }
            if !estimated.isEmpty { questions.append("Estimated quantities (flagged by the source) for \(estimated).") }
        case .value:
            disputed = periods { $0.alternatives.contains { $0.measure == .value } }
            let missing = periods { $0.value == nil }
            if !missing.isEmpty { questions.append("No value reported for \(missing): the line has gaps there.") }
        case .unitPrice:
            disputed = periods { $0.alternatives.contains { $0.measure == .value } }
            let undefined = periods { $0.unitPrice == nil }
            questions.append("Unit price = value ÷ \(quantityNoun) of the same period and code; it is not drawn where either is missing\(undefined.isEmpty ? "" : " (\(undefined))").")
            let mixed = periods(\.mixesSources)
            if !mixed.isEmpty { questions.append("Value and \(quantityNoun) come from different sources for \(mixed): the unit price divides figures of two publications.") }
        }
        if !disputed.isEmpty {
            questions.append("Sources disagree for \(disputed) (highlighted): the preferred figure is drawn, by the rank rule of Data/README.md; hover for the others.")
        }
        return questions
    }
}
