import ArgumentParser
import Reports
import TradeDomain
import TradeScopeKit

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
              tradescope events --hs 61-62                 (chapter ranges and sections as elsewhere)
            """)

    @Option(help: "HS code: 2, 4 or 6 digits, a section such as XI, a chapter range such as 61-62, or TOTAL; repeatable or comma-separated. Default: all events.")
    var hs: [String] = []

    @Option(help: "A sanctions calendar (YAML with 'target: ISO3') instead of the data set's (the DPRK calendar).")
    var calendar: String?

    @Option(help: "Direction of the measures: export (goods leaving the calendar's target, the DPRK by default), import, or any (default: any).")
    var direction: DirectionChoice = .any

    @OptionGroup var output: OutputOptions

    func validate() throws {
        for code in codes { do { _ = try CommodityCode(parsing: code) } catch { throw ValidationError("--hs: \(error)") } }
        if output.format == .csv || output.format == .html || output.format == .svg { throw ValidationError("--format \(output.format.rawValue): events are text, md or json") }
    }

    var codes: [String] {
        var seen = Set<String>()
        return hs.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }.filter { !$0.isEmpty && seen.insert($0.uppercased()).inserted }
    }

    func run() throws {
        let context = RunContext()
        let workspace = try Workspace(calendarFile: calendar, context: context, dataDirectory: Console.dataDirectory)
        let list = EventList(
            events: try workspace.calendar.events, codes: try codes.map { try CommodityCode(parsing: $0) }, direction: direction.direction)
        switch output.format {
        case .json: try output.write(json: list.json(), context: context)
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
