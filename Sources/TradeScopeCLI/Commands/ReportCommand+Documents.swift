import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TrendAnalysis
import TradeScopeKit

extension ReportCommand {
    /// The composition of the first selection's trade by HS section, or why there is none: in
    /// `--composition-year`, else in the last period with a TOTAL figure up to the last period
    /// the selected code has a value (the end of the report's story), never a later, unrelated one.
    func composition(_ selected: TradeSelection, storyEnd: Period?, workspace: Workspace) -> (CompositionChart?, String?) {
        let records: [TradeRecord]
        do { records = try workspace.records(for: selected.with(commodity: .total).openPeriods) } catch { return (nil, "No composition: \(error).") }
        let year = compositionYear.map { Period(year: $0) }
            ?? SectionComposition.latestPeriodWithTotal(records: records, selection: selected.with(commodity: .total), notAfter: storyEnd)
        guard let year else {
            let limit = storyEnd.map { " up to \($0), the last period with a value of HS \(selected.commodity)" } ?? ""
            return (nil, "No composition: the data has no TOTAL figure for \(workspace.label(selected))\(limit).")
        }
        do {
            let composition = try SectionComposition(
                records: records, selection: selected, period: year, builder: workspace.builder(), minimumShare: minShare)
            return (CompositionChart(composition: composition, selectionLabel: workspace.label(selected)), nil)
        } catch {
            return (nil, "No composition: \(error.description).")
        }
    }

    /// Writes the JSON, Markdown (with SVG charts beside an --out file) or HTML document.
    func writeDocument(_ reports: [TradeReport], selections: [TradeSelection], workspace: Workspace) throws {
        guard let first = selections.first else { return }
        let storyEnd = reports.first?.table.series.points.last { $0.value != nil }?.period
        let (composition, note) = self.composition(first, storyEnd: storyEnd, workspace: workspace)
        let groups = try sanctionGroups(first, workspace: workspace)
        let manifest = workspace.context.manifest(parameters: [
            .init(name: "reporter", value: first.reporter?.iso3 ?? "any"), .init(name: "partner", value: first.partner?.iso3 ?? "any"),
            .init(name: "flow", value: first.flow?.rawValue ?? "any"),
            .init(name: "hs", value: selections.map(\.commodity.description).joined(separator: ",")),
            .init(name: "from", value: first.from?.description ?? "first with data"),
            .init(name: "to", value: first.through?.description ?? "last with data"),
            .init(name: "freq", value: first.frequency.rawValue),
            .init(name: "composition_year", value: composition.map { $0.composition.period.description } ?? "none"),
            .init(name: "min_share", value: String(minShare)),
        ])
        switch output.format {
        case .json:
            var objects = try reports.enumerated().map { index, report in
                report.json(selection: try workspace.selectionJSON(selections[index], mirror: selection.mirrorView, quantity: selection.quantity))
            }
            if case let .object(members)? = objects.first {
                objects[0] = .object(members + [("composition", composition?.json() ?? .null), ("composition_note", .string(note))]
                                     + (try priceMembers(selections, workspace: workspace, sanctionGroups: groups)))
            }
            let body: JSONValue = objects.count == 1 ? objects[0] : .object([("reports", .array(objects))])
            guard case let .object(members) = body else { return }
            try output.write(JSONValue.object(members + [("manifest", manifest.json())]).rendered() + "\n")
        case .md:
            let prefix = output.out.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
            let (markdown, charts) = MarkdownReport(
                reports: reports, composition: composition, compositionNote: note, manifest: manifest, chartPrefix: prefix, sanctionGroups: groups).render()
            if let out = output.out, out != "-" {
                let directory = URL(fileURLWithPath: out).deletingLastPathComponent()
                // Every target is checked before any is written, so a refusal leaves no half set of files.
                if !output.force {
                    let existing = ([out] + charts.map { directory.appendingPathComponent($0.name).path }).filter { path in
                        var status = stat()
                        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
                    }
                    if !existing.isEmpty {
                        throw InputError(description: "--out: " + existing.map { "\($0) exists" }.joined(separator: ", ") + "; add --force to replace (nothing was written)")
                    }
                }
                for chart in charts {
                    try OutputOptions.writeFile(directory.appendingPathComponent(chart.name).path, chart.svg, force: output.force)
                }
            }
            try output.write(markdown)
        default:
            let title = reports.count == 1 ? reports[0].title : "\(workspace.label(first)): trade report"
            try output.write(HTMLReport(title: title, reports: reports, composition: composition, compositionNote: note, manifest: manifest, sanctionGroups: groups).html())
        }
    }
}
