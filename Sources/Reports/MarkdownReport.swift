import Foundation

/// The report as Markdown, with its charts as SVG files to write beside it.
///
/// When a file prefix is given (the `--out` file's name without extension),
/// each chart becomes `<prefix>-<chart>.svg` and the Markdown links to it by
/// relative path; without one, the Markdown has the tables only.
public struct MarkdownReport: Sendable {
    /// One SVG file to write beside the Markdown file.
    public struct ChartFile: Sendable, Equatable {
        /// The file name, relative to the Markdown file's directory.
        public let name: String
        public let svg: String
    }

    public let reports: [TradeReport]
    public let composition: CompositionChart?
    public let compositionNote: String?
    public let manifest: RunManifest
    /// The chart file prefix; `nil` for no charts.
    public let chartPrefix: String?
    /// The stacked sanctioned vs other goods chart, if any.
    public let sanctionGroups: SanctionGroupChart?

    /// - Parameters:
    ///   - reports: One report per commodity.
    ///   - composition: The composition pie; `nil` when not computed.
    ///   - compositionNote: Why there is no composition.
    ///   - manifest: The run manifest.
    ///   - chartPrefix: The chart file prefix (`report` gives `report-composition.svg`); `nil` for no charts.
    ///   - sanctionGroups: The sanctioned vs other goods chart (`report-sanction-groups.svg` and a table); `nil` for none.
    public init(reports: [TradeReport], composition: CompositionChart?, compositionNote: String?, manifest: RunManifest, chartPrefix: String?,
                sanctionGroups: SanctionGroupChart? = nil) {
        self.sanctionGroups = sanctionGroups
        self.reports = reports
        self.composition = composition
        self.compositionNote = compositionNote
        self.manifest = manifest
        self.chartPrefix = chartPrefix
    }

    /// The Markdown text and the chart files it links to.
    public func render() -> (markdown: String, charts: [ChartFile]) {
        var out = ""
        var charts: [ChartFile] = []
        func questions(_ items: [String]) -> String {
            items.isEmpty ? "" : "> **Data questions**\n>\n" + items.map { "> - " + Markdown.escape($0) }.joined(separator: "\n") + "\n\n"
        }
        for (index, report) in reports.enumerated() {
            if index > 0 { out += "\n" }
            out += report.markdown()
            if let chartPrefix {
                out += "\n## Charts\n\n"
                let code = report.table.series.selection.commodity.description
                for measure in ChartMeasure.allCases {
                    if let sentence = report.noDataSentence(measure) {
                        out += Markdown.escape(sentence) + "\n\n"
                        continue
                    }
                    let chart = report.chart(measure)
                    let name = "\(chartPrefix)-\(code)-\(measure.rawValue).svg"
                    charts.append(ChartFile(name: name, svg: chart.svg(id: "c\(index)-\(measure.rawValue)")))
                    out += "![\(Markdown.escape(chart.title))](\(Markdown.linkDestination(name)))\n\n" + questions(report.dataQuestions(for: measure))
                }
                if let monthly = report.monthly, let chart = monthly.chart(title: "\(code): monthly value, smoothed level and 95% band") {
                    let name = "\(chartPrefix)-\(code)-monthly.svg"
                    charts.append(ChartFile(name: name, svg: chart.svg(id: "c\(index)-monthly")))
                    out += "![\(Markdown.escape(chart.title))](\(Markdown.linkDestination(name)))\n\n"
                }
            }
        }
        out += "\n## Composition by HS section\n\n"
        if let composition {
            let pie = composition.pie
            if let chartPrefix {
                let name = "\(chartPrefix)-composition.svg"
                charts.append(ChartFile(name: name, svg: pie.svg(id: "pie")))
                out += "![\(Markdown.escape(pie.title))](\(Markdown.linkDestination(name)))\n\n"
            } else {
                out += Markdown.escape(pie.title) + "\n\n"
            }
            out += "| Group | Value (USD) | Share | Chapters |\n|---|--:|--:|---|\n"
            for group in composition.composition.groups {
                let chapters = group.parts.map { "\($0.code) \(NumberStyle.share($0.share))" }.joined(separator: ", ")
                out += "| \(Markdown.escape(group.label)) | \(NumberStyle.grouped(group.value)) | \(NumberStyle.share(group.share)) | \(Markdown.escape(chapters)) |\n"
            }
            out += "\n" + questions(composition.dataQuestions())
        } else {
            out += Markdown.escape(compositionNote ?? "No composition: the data has no TOTAL figure for this selection.") + "\n\n"
        }
        if let sanctionGroups, !sanctionGroups.totals.isEmpty {
            out += "## Sanctioned and other goods\n\n"
            let chart = sanctionGroups.chart
            if let chartPrefix {
                let name = "\(chartPrefix)-sanction-groups.svg"
                charts.append(ChartFile(name: name, svg: chart.svg(id: "sanction-groups")))
                out += "![\(Markdown.escape(chart.title))](\(Markdown.linkDestination(name)))\n\n"
            } else {
                out += Markdown.escape(chart.title) + "\n\n"
            }
            out += questions(sanctionGroups.dataQuestions())
            out += "| Period | Sanctioned (USD) | Other (USD) | Chapters (sanctioned + other) |\n|---|--:|--:|--:|\n"
            for total in sanctionGroups.totals {
                out += "| \(total.period) | \(total.sanctionedValue.map(NumberStyle.grouped) ?? "–") | \(total.nonSanctionedValue.map(NumberStyle.grouped) ?? "–") | \(total.sanctionedCodeCount) + \(total.nonSanctionedCodeCount) |\n"
            }
            out += "\n"
        }
        out += manifest.markdown()
        return (out, charts)
    }
}
