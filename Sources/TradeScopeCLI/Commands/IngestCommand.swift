import ArgumentParser
import Foundation
import TradeIO

/// `tradescope ingest`: read trade files into a store, with provenance.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Read Comtrade+, legacy Comtrade or tidy CSV files (auto-detected) into a SQLite store.",
        discussion: """
            Each file is one transaction: a file that fails leaves the store as it was. The store records \
            file name, SHA-256, reader, rows read/kept/rejected/replaced and time; a file ingested before \
            (same bytes) adds nothing. A record with the key of a stored one (reporter, partner, flow, period, \
            code, classification, source; Comtrade rows have source UN_COMTRADE) replaces it and is counted. Bad rows are rejected with file, line and column \
            and the ingest goes on, unless --strict (exit 2 at the first bad or overlapping row).

            Example:
              tradescope ingest comtrade_2016.csv comtrade_2017.csv --db trade.sqlite
              tradescope ingest download.csv --dry-run
              tradescope ingest download.csv --db trade.sqlite --rejects rejects.csv
              tradescope series --db trade.sqlite --reporter CHN --partner PRK --hs 2701
            """)

    @Argument(help: "CSV files: Comtrade+ (47 fields, or 48 with datasetCode), legacy Comtrade (22 or 35 columns) or tidy.")
    var files: [String]

    @Option(help: "The SQLite store to write (created when missing). Required unless --dry-run.")
    var db: String?

    @Flag(help: "Read and validate only; print the summary and write nothing.")
    var dryRun = false

    @Flag(help: "Stop at the first rejected row or overlapping record (exit 2); the file's rows are not stored.")
    var strict = false

    @Option(help: "Write the rejected rows (file,line,field,reason) to this CSV file.")
    var rejects: String?

    func validate() throws {
        if db == nil && !dryRun { throw ValidationError("--db PATH is required (or --dry-run to validate without storing)") }
        if files.isEmpty { throw ValidationError("name at least one file to ingest") }
    }

    func run() throws {
        let writer = try rejects.map { try RejectsWriter(path: $0) }
        let store = try dryRun ? nil : db.map { try TradeStore(path: $0) }
        var rejected = 0
        for file in files {
            let reject: (TradeIOError) throws -> Void = { writer?.write($0) }
            let summary = try store.map { try $0.ingest(file: file, strict: strict, reject: reject) }
                ?? TradeStore.validate(file: file, strict: strict, reject: reject)
            rejected += summary.rowsRejected
            FileHandle.standardOutput.write(Data((summary.description + "\n").utf8))
        }
        if rejected > 0 {
            let note = rejects.map { "; written to \($0)" } ?? "; add --rejects FILE to list them, or --strict to stop at the first"
            FileHandle.standardError.write(Data("warning: \(rejected) rows rejected\(note)\n".utf8))
        }
    }
}
