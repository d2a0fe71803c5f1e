import Foundation
import TradeDomain

extension TradeReport {
    /// The report as Markdown: headings, tables and lists.
    public func markdown() -> String {
        let unit = table.series.quantityUnit?.abbreviation ?? "-"
        var out = "# \(Markdown.escape(title))\n\nValues in USD (\(table.valuation)); quantities in \(unit). '–' = not reported.\n\n"
        out += "| Period | Quantity (\(unit)) | Value (USD) | Unit price (USD/\(unit)) | Sources |\n|---|--:|--:|--:|---|\n"
        for point in table.series.allPoints {
            let quantity = point.quantity.map { NumberStyle.grouped($0.amount) } ?? "–"
            let value = point.value.map { NumberStyle.grouped($0.amount) } ?? "–"
            let price = point.unitPrice.map { NumberStyle.fixed($0.amount, decimals: 2) } ?? "–"
            var sources = point.sourceIDs.joined(separator: ", ")
            if !point.alternatives.isEmpty {
                sources += "; other: " + point.alternatives.map { "\($0.measure == .value ? "value" : "quantity") \(NumberStyle.grouped($0.amount)) (\($0.sourceID))" }.joined(separator: ", ")
            }
            out += "| \(point.period) | \(quantity) | \(value) | \(price) | \(Markdown.escape(sources)) |\n"
        }
        let partial = table.series.partialPoints
        if !partial.isEmpty {
            out += "\nCoverage: no source reports HS \(table.series.selection.commodity) itself in these periods; the figures are sums of the codes present.\n\n"
                + partial.map { "- \($0.period): \(Markdown.escape($0.coverage.summary))" }.joined(separator: "\n") + "\n"
        }
        let glance = glance(heading: { $0 }).split(separator: "\n").map(String.init)
        if let heading = glance.first {
            out += "\n## \(Markdown.escape(heading))\n\n```\n" + glance.dropFirst().joined(separator: "\n") + "\n```\n"
        }
        if !yearOnYear.isEmpty {
            out += "\n## \(changesHeading)\n\n| From | To | Quantity | Value | Unit price | Price effect | Volume effect |\n|---|---|--:|--:|--:|--:|--:|\n"
            for (change, row) in zip(yearOnYear, changeRows()) {
                out += "| \(change.from) | \(change.to) | " + row.dropFirst().joined(separator: " | ") + " |\n"
            }
            out += "\n" + Markdown.escape(changesNote) + "\n"
        }
        let stories = stories()
        if !stories.isEmpty {
            out += "\n## \(quantityNoun.capitalized) and value moving apart\n\n" + stories.map { "- " + Markdown.escape($0) }.joined(separator: "\n") + "\n"
        }
        if !events.isEmpty {
            out += "\n## \(Markdown.escape(eventsHeading))\n\n"
            for (event, measures) in events {
                out += "- **\(event.adopted) \(Markdown.escape(event.id))**: " + Markdown.escape(measures.map(Self.measureSummary).joined(separator: "; ")) + "\n"
            }
        }
        // The same sections as the text report: breaks and anomalies near the events, the monthly series.
        let diagnosis = diagnosisText(heading: { $0 }).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if let heading = diagnosis.first {
            out += "\n## \(Markdown.escape(heading))\n\n" + diagnosis.dropFirst().map { line in
                line.hasPrefix("    ") ? "    - " + Markdown.escape(String(line.drop { $0 == " " })) : "- " + Markdown.escape(String(line.dropFirst(2)))
            }.joined(separator: "\n") + "\n"
        }
        if let monthly {
            out += "\n## Monthly value through the gaps (structural model)\n\n" + monthly.lines().map { "- " + Markdown.escape($0) }.joined(separator: "\n") + "\n"
        }
        out += "\n## Data questions\n\n" + dataQuestions().map { "- " + Markdown.escape($0) }.joined(separator: "\n") + "\n"
        let ids = citedSourceIDs
        if !ids.isEmpty {
            out += "\n## Sources\n\n" + ids.map { id in
                guard let citation = citations[id] else { return "- " + Markdown.escape(id) }
                return "- " + Markdown.escape(id) + ": " + Markdown.escape("\(citation.publisher), \"\(citation.title)\" (\(citation.displayDate)) \(citation.url)")
            }.joined(separator: "\n") + "\n"
        }
        return out
    }
}
