import TradeIO

/// Reads every row with `TradeFileReader.forEachRow` (CSV scan with UTF-8 checks plus the
/// conversion of each record to a `TradeFileRow`), without the SHA-256 or the overlap check of
/// `ingest-validate`: `trade-rows` minus `csv-read-raw` is the reader's conversion cost.
///
/// Checksum: rows kept, rows rejected and rows with a suspect quantity, as `ingest-validate`.
enum TradeRowsTask {
    static func run(_ path: String) throws -> TaskOutcome {
        var kept = 0, rejected = 0, suspect = 0
        try TradeFileReader(path: path).forEachRow { outcome in
            switch outcome {
            case let .success(row):
                kept += 1
                if row.hasSuspectQuantityOrNetWeight { suspect += 1 }
            case .failure:
                rejected += 1
            }
            return true
        }
        return TaskOutcome(bytes: fileSize(path), rows: kept + rejected,
                           checksum: ["rows": Double(kept + rejected), "kept": Double(kept), "suspect_qty": Double(suspect)])
    }
}
