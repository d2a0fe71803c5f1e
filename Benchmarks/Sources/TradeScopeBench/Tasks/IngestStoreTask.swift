import Foundation
import TradeIO

/// `tradescope ingest FILE --db PATH` through the library: a fresh SQLite store
/// per run (created in a temporary directory, removed afterwards), one
/// transaction for the file.
///
/// Checksum: rows read, records in the store after the ingest (counted with
/// SQL, so a row the store lost would show), and rows with a suspect quantity.
enum IngestStoreTask {
    static func run(_ path: String) throws -> TaskOutcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try TradeStore(path: directory.appendingPathComponent("bench.sqlite").path)
        let summary = try store.ingest(file: path)
        let stored = try store.recordCount()
        return TaskOutcome(bytes: fileSize(path), rows: summary.rowsRead, checksum: IngestValidateTask.checksum(summary, kept: stored))
    }
}
