import ArgumentParser
import Foundation
import TradeScopeKit
import Reports
import TradeIO

/// `tradescope ingest`: read trade files into a store, with provenance.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read Comtrade+, legacy Comtrade or tidy CSV files, gzip-compressed or not, and Comtrade+ API JSON responses (auto-detected) into a SQLite store.",
        discussion: """
            Each file is one transaction: a file that fails leaves the store as it was. The store records \
            file name, SHA-256, size, reader, rows read/kept/rejected/replaced and time; a file ingested before \
            (same bytes) adds nothing. The view trade_records of the store lists every record with its fields. A record with the key of a stored one (reporter, partner, flow, period, \
            code, classification, source; Comtrade rows have source UN_COMTRADE) replaces it and is counted. Bad rows are rejected with file, line and column \
            and the ingest goes on, unless --strict (exit 2 at the first bad or overlapping row). A progress bar is drawn on \
            standard error for files over 8 MB when standard error is a terminal (uncoloured under NO_COLOR); nothing otherwise.

            Example:
              tradescope ingest comtrade_2016.csv comtrade_2017.csv --db trade.sqlite
              tradescope ingest download.csv --dry-run
              tradescope ingest download.csv --db trade.sqlite --rejects rejects.csv
              tradescope ingest download.csv --dry-run --format json
              unzip -p big.zip | tradescope ingest - --db trade.sqlite
              tradescope ingest comtrade_2017.csv.gz api_response.json --db trade.sqlite
              tradescope series --db trade.sqlite --reporter CHN --partner PRK --hs 2701
            """)

    @Argument(help: "CSV files: Comtrade+ (47 fields, or 48 with datasetCode), legacy Comtrade (22 or 35 columns) or tidy; gzip-compressed or not; or Comtrade+ API JSON ({\"count\": n, \"data\": [...]}). The format is told from the first bytes, not the name; - reads standard input.")
    var files: [String]

    @Option(help: "The SQLite store to write (created when missing). Required unless --dry-run.")
    var db: String?

    @Flag(help: "Read and validate only; print the summary and write nothing.")
    var dryRun = false

    @Flag(help: "Stop at the first rejected row or overlapping record (exit 2); the file's rows are not stored.")
    var strict = false

    @Option(help: "Write the rejected rows (file,line,field,reason) to this CSV file; an existing file is kept unless --force is given, and the store or an input is always refused.")
    var rejects: String?

    @Flag(help: "Replace the file named by --rejects.")
    var force = false

    @Option(help: "Summary format: text (default, one line per file) or json (one object: files and totals).")
    var format: IngestFormat = .text

    func validate() throws {
        if db == nil && !dryRun { throw ValidationError("--db PATH is required (or --dry-run to validate without storing)") }
        if files.isEmpty { throw ValidationError("name at least one file to ingest") }
    }

    func run() throws {
        let context = RunContext()
        let protected = files.filter { $0 != "-" } + (dryRun ? [] : db.map { [$0, $0 + "-wal", $0 + "-shm"] } ?? [])
        // Rejects on a terminal show control characters escaped, as every other text output does.
        let escape: @Sendable (String) -> String = { TerminalText.escape($0) }
        var writer: RejectsWriter?
        if let rejects {
            writer = try RejectsWriter(path: rejects, force: force, protectedPaths: protected,
                                       shown: rejects == "-" && Console.standardOutputIsTerminal ? escape : nil)
        }
        let store = try dryRun ? nil : db.map { try TradeStore(path: $0) }
        // The store keeps a copy of Comtrade's area list for its trade_records view (ISO3 codes and names).
        if let store, let directory = Console.dataDirectory ?? (try? BundledData.locate()) {
            let areas = directory.appendingPathComponent(BundledData.areasFile)
            if FileManager.default.fileExists(atPath: areas.path) {
                try store.replaceAreas(try AreaTable.read(path: areas.path, displayName: "Data/" + BundledData.areasFile))
            }
        }
        var summaries: [IngestSummary] = []
        for file in files {
            let reject: (TradeIOError) -> Void = { writer?.write($0) }
            let progress = IngestProgress(file: file)
            // "-" is standard input, read once as it streams (memory does not grow with it).
            let (path, name) = file == "-" ? ("/dev/stdin", "stdin") : (file, file)
            let summary = try store.map { try $0.ingest(file: path, displayName: name, strict: strict, reject: reject, progress: progress.update) }
                ?? TradeStore.validate(file: path, displayName: name, strict: strict, reject: reject, progress: progress.update)
            progress.finish()
            summaries.append(summary)
            let bytes = file == "-" ? 0 : (((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? Int) ?? 0)
            context.record(RunContext.Input(name: file == "-" ? "standard input" : file, sha256: summary.sha256, bytes: bytes))
            if format == .text { try StandardOutput.write(summary.description + "\n") }
        }
        try writer?.finish()
        if format == .json { try StandardOutput.write(context.stamped(Self.json(summaries, rejectsFile: rejects))) }
        let rejected = summaries.map(\.rowsRejected).reduce(0, +)
        let setAside = summaries.map(\.quantitySetAside).reduce(0, +)
        if setAside > 0 {
            let note = rejects.map { "; listed in \($0)" } ?? "; add --rejects FILE to list them"
            StandardError.write("warning: \(setAside) quantities set aside (unknown unit code; rows and values kept)\(note)\n")
        }
        if rejected > 0 {
            let note = rejects.map { "; written to \($0)" } ?? "; add --rejects FILE to list them, or --strict to stop at the first"
            StandardError.write("warning: \(rejected) rows rejected\(note)\n")
        }
    }

    /// The JSON summary: one object per file and the totals (snake_case keys, missing as null).
    static func json(_ summaries: [IngestSummary], rejectsFile: String?) -> JSONValue {
        let files: [JSONValue] = summaries.map { summary in
            .object([
                ("file", .string(summary.file)),
                ("sha256", .string(summary.sha256)),
                ("reader", .string(summary.layout?.rawValue)),
                ("rows_read", .integer(summary.rowsRead)),
                ("rows_kept", .integer(summary.rowsKept)),
                ("rows_rejected", .integer(summary.rowsRejected)),
                ("rows_replaced", .integer(summary.rowsReplaced)),
                ("suspect_quantity_rows", .integer(summary.suspectQuantityRows)),
                ("quantity_set_aside", .integer(summary.quantitySetAside)),
                ("already_ingested", .bool(summary.alreadyIngested)),
                ("dry_run", .bool(summary.dryRun)),
            ])
        }
        let total: (KeyPath<IngestSummary, Int>) -> JSONValue = { path in .integer(summaries.map { $0[keyPath: path] }.reduce(0, +)) }
        return .object([
            ("files", .array(files)),
            ("rows_read", total(\.rowsRead)),
            ("rows_kept", total(\.rowsKept)),
            ("rows_rejected", total(\.rowsRejected)),
            ("rows_replaced", total(\.rowsReplaced)),
            ("quantity_set_aside", total(\.quantitySetAside)),
            ("rejects_file", .string(rejectsFile)),
        ])
    }
}

enum IngestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// A progress bar on standard error while a large file is read: only when standard
/// error is a terminal and the file is over 8 MB; uncoloured when `NO_COLOR` is set.
final class IngestProgress {
    let file: String
    let totalRows: Int?
    let color: Bool
    private var shown = false

    init(file: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.file = file
        let size = ((try? FileManager.default.attributesOfItem(atPath: file))?[.size] as? Int) ?? 0
        let large = size > 8 << 20
        totalRows = Console.standardErrorIsTerminal && large ? TradeFileReader.physicalLineCount(path: file).map { max($0 - 1, 1) } : nil
        color = (environment["NO_COLOR"] ?? "").isEmpty
    }

    func update(_ rows: Int) {
        guard let totalRows else { return }
        shown = true
        let line = ProgressBar.line(fraction: Double(rows) / Double(totalRows), rows: rows, label: file, color: color)
        StandardError.write("\r" + line, redraw: true)
    }

    func finish() {
        if shown { StandardError.write("\n") }
    }
}
