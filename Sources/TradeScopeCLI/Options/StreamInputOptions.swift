import ArgumentParser
import Foundation
import Reports
import TradeDomain
import TradeIO
import TradeScopeKit
import TrendAnalysis

/// `--input -`: the records of `--by` come from a stream instead of a store (Tools/spark pipes
/// each partition through it).
struct StreamInputOptions: ParsableArguments {
    @Option(help: "With --by: read the records from this file, - for standard input, instead of a store; one NDJSON line per group is written as each group completes.")
    var input: String?

    @Option(help: "With --input: csv (the long columns of 'tradescope export', or a tidy, legacy Comtrade or Comtrade+ file) or ndjson ('tradescope export --format ndjson') (default: csv).")
    var inputFormat: RecordStreamFormat = .csv

    @Flag(help: "With --input: the stream is not grouped by the --by key; hold every record until it ends (memory grows with the stream) instead of analysing each group as the next begins.")
    var inputUnsorted = false

    /// Checks the flags that go with `--input`.
    func validate(by: Grouping?, selection: SelectionOptions, format: OutputFormat) throws {
        guard input != nil else {
            if inputUnsorted { throw ValidationError("--input-unsorted goes with --input") }
            return
        }
        if by == nil { throw ValidationError("--input reads the records of --by; add --by hs6, hs4, hs2, partner or reporter") }
        if selection.db != nil { throw ValidationError("--input replaces --db; give one of them") }
        if format != .json && format != .text { throw ValidationError("--input writes one NDJSON line per group (--format json, the default with --input)") }
    }

    /// Reads the stream, then calls `lines` with each complete group and writes what it returns
    /// to standard output at once. A rejected row is reported on standard error (file, line,
    /// field, reason) and skipped, as `ingest` does; the count closes the run on standard error.
    func run(_ options: SelectionOptions, grouping: Grouping, measure: AnalysisMeasure,
             lines: (AnalysisGroups, Workspace) throws -> String) throws {
        guard let input else { return }
        let name = input == "-" ? "stdin" : input
        let workspace = try Workspace(calendarFile: options.calendar, context: RunContext(), dataDirectory: Console.dataDirectory, recordSource: StreamRecordSource(name: name))
        let selected = try options.selections(workspace.profile, defaultCode: .total)[0]
        let reader = RecordStreamReader(path: input == "-" ? "/dev/stdin" : input, displayName: name, format: inputFormat)
        let stream = RecordStream(reader: reader, grouped: !inputUnsorted)
        let summary = try stream.forEachGroup(in: workspace, selection: selected, by: grouping, mirror: options.mirrorView, quantity: options.quantity,
                                              rejected: { StandardError.write("rejected: \($0)\n") }) { groups in
            try StandardOutput.write(try lines(groups, workspace))
        }
        if summary.rejected > 0 {
            StandardError.write("\(name): \(summary.rejected) rows rejected, \(summary.records) records read, \(summary.kept) in \(summary.groups) groups\n")
        }
    }
}

extension RecordStreamFormat: ExpressibleByArgument {}
