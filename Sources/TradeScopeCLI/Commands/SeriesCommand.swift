import ArgumentParser
import Reports
import TradeDomain

/// `tradescope series`: quantity, value and unit-price series for a selection.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Print the quantity, value and unit-price series of a selection.",
        discussion: """
            Quantity and value are separate series; a unit price (USD per quantity unit) exists only where \
            both exist. Where sources disagree, the preferred figure is used (Data/README.md) and the others \
            are listed. Missing figures are shown as '-' (text), empty (CSV) or null (JSON).

            Example:
              tradescope series --hs 2701 --format json
              tradescope series --hs 2701 --freq monthly --from 2016-01 --format csv
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .html { throw ValidationError("--format html: a series is text, md, json or csv; use 'report --format html' for charts") }
    }

    func run() throws {
        let workspace = try Workspace()
        var texts: [String] = []
        var objects: [JSONValue] = []
        for selected in try selection.selections(defaultCode: "2701") {
            let series = try workspace.builder.build(workspace.data.records, selection: selected)
            let table = SeriesTable(series: series, selectionLabel: Workspace.label(selected), valuation: Workspace.valuation(selected))
            switch output.format {
            case .text, .md, .html: texts.append(table.text())
            case .csv: texts.append(table.csv())
            case .json: objects.append(table.json(selection: Workspace.selectionJSON(selected, source: "bundled")))
            }
        }
        if output.format == .json {
            try output.write((objects.count == 1 ? objects[0] : .array(objects)).rendered() + "\n")
        } else {
            try output.write(texts.joined(separator: "\n"))
        }
    }
}
