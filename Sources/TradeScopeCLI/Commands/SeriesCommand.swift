import ArgumentParser
import Reports
import TradeDomain
import TradeScopeKit

/// `tradescope series`: quantity, value and unit-price series for a selection.
struct SeriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "series",
        abstract: "Print the quantity, value and unit-price series of a selection.",
        discussion: """
            Quantity and value are separate series; a unit price (USD per quantity unit) exists only where \
            both exist. Where sources disagree, the preferred figure is used (Data/README.md) and the others \
            are listed. With --mirror the series is read from the partner's records of the opposite flow, \
            the CIF/FOB convention is stated, and a mirror gap (mirror − reported) is shown for the periods \
            where both sides report. Missing figures are shown as '-' (text), empty (CSV) or null (JSON).

            Example:
              tradescope series --hs 2701 --format json
              tradescope series --hs 2701 --freq monthly --from 2016-01 --format csv
              tradescope series --hs 27 --mirror                  (DPRK exports to China read from China's imports)
              tradescope series --hs 27 --mirror --cif-fob imf    (the same, CIF ÷ 1.06 to estimate FOB)
              tradescope series --db trade.sqlite --hs XV         (section XV rolled up from its chapters, headings or subheadings)
              tradescope series --db trade.sqlite --hs 72 --quantity net-weight   (net weight in kg as the quantity)
            """)

    @OptionGroup var selection: SelectionOptions
    @OptionGroup var output: OutputOptions

    func validate() throws {
        if output.format == .svg { throw ValidationError("--format svg: a series is text, md, json or csv; use 'trend --format svg' for a chart") }
        if output.format == .html { throw ValidationError("--format html: a series is text, md, json or csv; use 'report --format html' for charts") }
    }

    func run() throws {
        let context = RunContext()
        let workspace = try selection.workspace(context)
        var texts: [String] = []
        var objects: [JSONValue] = []
        let selections = try selection.selections(workspace.profile)
        // Several codes make one CSV with an hs_code column, not one block per code.
        let several = selections.count > 1
        for (index, selected) in selections.enumerated() {
            let mirror = selection.mirrorView
            let (series, gap) = try workspace.series(selected, mirror: mirror, quantity: selection.quantity)
            let table = SeriesTable(
                series: series, selectionLabel: workspace.label(selected, mirror: mirror) + (selection.quantity == .netWeight ? "; quantity = net weight" : ""),
                valuation: workspace.valuation(selected, mirror: mirror))
            let gapTable = gap.map(MirrorGapTable.init)
            switch output.format {
            case .text, .md, .html, .svg: texts.append(table.text() + (gapTable?.text() ?? ""))
            case .csv: texts.append(table.csv(withCode: several, header: index == 0))
            case .json:
                var object = table.json(selection: try workspace.selectionJSON(selected, mirror: mirror, quantity: selection.quantity))
                if let gapTable, case let .object(pairs) = object { object = .object(pairs + [("mirror_gap", gapTable.json())]) }
                objects.append(object)
            }
        }
        if output.format == .json {
            try output.write(json: objects.count == 1 ? objects[0] : .array(objects), context: context)
        } else {
            try output.write(texts.joined(separator: output.format == .csv ? "" : "\n"))
        }
    }
}
