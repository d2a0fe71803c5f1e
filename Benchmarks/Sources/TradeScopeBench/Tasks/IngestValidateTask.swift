import TradeIO

/// `tradescope ingest FILE --dry-run` through the library: `TradeStore.validate`
/// reads, converts and checks every row (SHA-256 of the file, layout, field
/// parsing, overlap check) and writes nothing.
///
/// Checksum: rows read, rows kept and rows with a suspect quantity (zero with a
/// positive value), which the peers count from their parsed frame.
enum IngestValidateTask {
    static func run(_ path: String) throws -> TaskOutcome {
        let summary = try TradeStore.validate(file: path)
        return TaskOutcome(bytes: fileSize(path), rows: summary.rowsRead, checksum: checksum(summary, kept: summary.rowsKept))
    }

    /// The checksum shared by the validate and ingest tasks (`peers/csv_peers.py` `ingest_checksum`).
    static func checksum(_ summary: IngestSummary, kept: Int) -> [String: Double] {
        ["rows": Double(summary.rowsRead), "kept": Double(kept), "suspect_qty": Double(summary.suspectQuantityRows)]
    }
}
