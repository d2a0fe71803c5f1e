import Foundation
import TradeDomain
import TrendAnalysis

extension TradeReport {
    /// The diagnosis entry of a chart measure.
    func diagnosis(of measure: ChartMeasure) -> TradeSeriesDiagnosis.MeasureDiagnosis? {
        let wanted: TradeSeriesDiagnosis.Measure = measure == .value ? .value : measure == .quantity ? .quantity : .unitPrice
        return diagnosis?.measures.first { $0.measure == wanted }
    }

    /// Chart marks for a measure: a marker at the end of the last period of each regime before a
    /// break (the break convention of CLI.md), and a highlight at each anomaly.
    func diagnosisMarks(_ measure: ChartMeasure) -> (markers: [LineChart.Marker], highlights: [LineChart.Highlight]) {
        guard let entry = diagnosis(of: measure) else { return ([], []) }
        let markers = (entry.breaks?.breaks ?? []).compactMap(\.period).enumerated().map { index, period -> LineChart.Marker in
            let estimate = (entry.breaks?.breaks ?? []).first { $0.period == period }
            let interval = estimate.flatMap { e in e.lowerPeriod.flatMap { low in e.upperPeriod.map { "; 95% interval \(low) to \($0)" } } } ?? ""
            // Breaks are tagged b1, b2 so that they never take an event's number.
            return LineChart.Marker(date: period.lastDay, label: "break \(period)",
                                    detail: "structural break in the mean after \(period) (Bai-Perron, BIC)\(interval)", tag: "b\(index + 1)")
        }
        let highlights = entry.anomalies.map { flag in
            LineChart.Highlight(x: ChartTime.position(flag.period), value: flag.observed, note: "\(flag.period): " + Self.anomalySentence(flag))
        }
        return (markers, highlights)
    }

    static func anomalySentence(_ flag: AnomalyFlag) -> String {
        var text = "anomaly, robust z \(NumberStyle.fixed(flag.score, decimals: 2)) (observed \(NumberStyle.hoverValue(flag.observed)), expected \(NumberStyle.hoverValue(flag.expected)))"
        if let event = flag.nearestSanction, let offset = flag.offsetFromSanction {
            let unit = flag.period.frequency == .monthly ? "month" : flag.period.frequency == .quarterly ? "quarter" : "year"
            let distance = offset == 0 ? "in the period of" : "\(abs(offset)) \(unit)\(abs(offset) == 1 ? "" : "s") \(offset < 0 ? "before" : "after")"
            text += ", \(distance) \(event.eventID) (\(event.date))"
        }
        return text
    }

    /// The text section "Breaks and anomalies near the sanction events", empty without a diagnosis.
    func diagnosisText(heading: (String) -> String) -> String {
        guard let diagnosis else { return "" }
        var out = heading("Breaks and anomalies near the sanction events") + "\n"
        for entry in diagnosis.measures {
            guard let first = entry.firstPeriod, let last = entry.lastPeriod, let window = entry.breakWindow else { continue }
            let breaks = entry.breaks.map { bp in
                bp.breaks.isEmpty ? "no break (BIC)" : "break after " + bp.breaks.map { b in
                    // An interval end outside the data (strucchange gives an index before 1 or past n) is said so.
                    "\(AnalysisText.period(b.period)) (95% interval \(b.lowerPeriod.map(\.description) ?? "before \(window.first)") to \(b.upperPeriod.map(\.description) ?? "after \(window.last)"))"
                }.joined(separator: ", ")
            } ?? "no break search"
            let anomalies = entry.anomalies.isEmpty ? "no anomaly.\n" : "\(entry.anomalies.count) anomal\(entry.anomalies.count == 1 ? "y" : "ies"):\n"
            if window.first == first && window.last == last {
                out += "- \(entry.measure.rawValue), \(first) to \(last): \(breaks); " + anomalies
            } else {
                // Gaps: the breaks use every observed period, the scores the longest run without gaps; each says its window.
                out += "- \(entry.measure.rawValue), breaks on \(window.first) to \(window.last) (\(window.periodCount - window.missingCount) of "
                    + "\(window.periodCount) periods observed; the missing ones left out): \(breaks); anomaly scores on \(first) to \(last) "
                    + "(the longest run without gaps): " + anomalies
            }
            for flag in entry.anomalies { out += "    \(flag.period): " + Self.anomalySentence(flag) + "\n" }
        }
        let notes = diagnosis.measures.flatMap(\.notes) + (diagnosis.screenNote.map { [$0] } ?? [])
        for note in notes { out += "- " + note + "\n" }
        for flag in diagnosis.sanctionFlags { out += "- \(flag.period) \(AnomalyReport.kindName(flag.kind)): \(flag.note)\n" }
        return out + "\n"
    }

    /// The JSON of the diagnosis, `null` without one.
    func diagnosisJSON() -> JSONValue {
        guard let diagnosis else { return .null }
        return .object([
            ("measures", .array(diagnosis.measures.map { entry in
                .object([
                    ("measure", .string(entry.measure.rawValue)), ("from", .string(entry.firstPeriod?.description)), ("to", .string(entry.lastPeriod?.description)),
                    ("breaks_window", entry.breakWindow.map { window in
                        .object([("from", .string(window.first.description)), ("to", .string(window.last.description)),
                                 ("periods", .number(Double(window.periodCount))), ("missing", .number(Double(window.missingCount)))])
                    } ?? .null),
                    ("breaks", entry.breaks.map { bp in .array(bp.breaks.map { b in
                        .object([("period", .string(b.period?.description)), ("ci_low", .string(b.lowerPeriod?.description)), ("ci_high", .string(b.upperPeriod?.description))])
                    }) } ?? .null),
                    ("anomalies", AnomalyReport(flags: entry.anomalies, sanctionFlags: [], label: "", methodDescription: "").json(selection: .null).member("anomalies")),
                    ("notes", .array(entry.notes.map { .string($0) })),
                ])
            })),
            ("sanction_flags", AnomalyReport(flags: [], sanctionFlags: diagnosis.sanctionFlags, label: "", methodDescription: "").json(selection: .null).member("sanction_flags")),
            ("screen_note", .string(diagnosis.screenNote)),
        ])
    }
}

extension JSONValue {
    /// The member `key` of an object, or `null`.
    func member(_ key: String) -> JSONValue {
        guard case let .object(members) = self else { return .null }
        return members.first { $0.0 == key }?.1 ?? .null
    }
}
