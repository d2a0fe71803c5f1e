import ArgumentParser
import Reports
import TradeDomain

/// `tradescope events`: the sanctions calendar, optionally only events touching HS codes.
struct EventsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "events",
        abstract: "List the sanction events of the calendar, or those whose measures touch given HS codes.",
        discussion: """
            A measure touches a code when either code is a prefix of the other (a measure on 2701 touches \
            chapter 27 and subheading 270112). '*' measures touch every code.

            Example:
              tradescope events --hs 2701
              tradescope events --hs 2601,2701 --format json
            """)

    @Option(help: "HS code (2, 4 or 6 digits); repeatable or comma-separated. Default: all events.")
    var hs: [String] = []

    @Option(help: "Direction of the measures: export (goods leaving the DPRK), import, or any (default: any).")
    var direction: DirectionChoice = .any

    @OptionGroup var output: OutputOptions

    func validate() throws {
        for code in codes { do { _ = try HSCode(code) } catch { throw ValidationError("--hs: \(error)") } }
        if output.format == .csv || output.format == .html { throw ValidationError("--format \(output.format.rawValue): events are text, md or json") }
    }

    var codes: [String] {
        hs.flatMap { $0.split(separator: ",").map(String.init) }.filter { !$0.isEmpty }
    }

    func run() throws {
        let workspace = try Workspace()
        let list = EventList(
            events: workspace.data.sanctions, codes: try codes.map { try HSCode($0) }, direction: direction.direction)
        switch output.format {
        case .json: try output.write(json: list.json())
        case .md: try output.write(list.markdown())
        default: try output.write(list.text())
        }
    }
}

enum DirectionChoice: String, ExpressibleByArgument, CaseIterable {
    case any, export, `import`
    var direction: SanctionDirection? {
        switch self {
        case .any: return nil
        case .export: return .export
        case .import: return .import
        }
    }
}
