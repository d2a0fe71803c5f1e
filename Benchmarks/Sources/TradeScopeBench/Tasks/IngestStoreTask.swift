import Foundation
import TradeIO

/// `tradescope ingest FILE --db PATH` through the library: a fresh SQLite store
/// per run (created in a temporary directory, removed afterwards), one
/// transaction for the file.
///
/// Checksum: as `IngestValidateTask` (rows read, kept, suspect quantities); the
/// records in the store are counted with SQL and must be kept minus replaced.
enum IngestStoreTask {
    static func run(_ path: String) throws -> TaskOutcome {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-bench-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try TradeStore(path: directory.appendingPathComponent("bench.sqlite").path)
        let summary = try store.ingest(file: path)
        // Rows whose key repeats an earlier row's replace it (the generator draws series at random,
        // so some keys repeat): the store must hold kept - replaced records.
        let stored = try store.recordCount()
        guard stored == summary.rowsKept - summary.rowsReplaced else {
            throw BenchError.badField(path, 0, "records", "the store holds \(stored) records, not \(summary.rowsKept - summary.rowsReplaced)")
        }
        return TaskOutcome(bytes: fileSize(path), rows: summary.rowsRead, checksum: IngestValidateTask.checksum(summary, kept: summary.rowsKept))
    }
}
