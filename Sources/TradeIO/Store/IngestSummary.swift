/// What reading (and storing) one file did: the counts of CLI.md's `ingest`
/// summary and the provenance row.
public struct IngestSummary: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The SHA-256 of the file's bytes (lower-case hex).
    public let sha256: String
    /// The layout (reader) detected from the header; `nil` when the file was
    /// skipped as already ingested without being read.
    public let layout: TradeFileLayout?
    /// Data rows read.
    public let rowsRead: Int
    /// Rows kept (stored, or that would be stored in a dry run).
    public let rowsKept: Int
    /// Rows rejected, each with a reason.
    public let rowsRejected: Int
    /// Kept rows that replaced a record with the same key (from an earlier file, or earlier in this file).
    public let rowsReplaced: Int
    /// Kept rows whose quantity or net weight is zero against a positive value (suspect, never priced).
    public let suspectQuantityRows: Int
    /// Kept rows whose quantity was set aside (a unit code the reader does not know): the row and its
    /// value are kept without the quantity, and each is listed with the rejects (``QuantitySetAside``).
    public let quantitySetAside: Int
    /// True when the same bytes were ingested before: nothing was added.
    public let alreadyIngested: Bool
    /// True when nothing was written (`--dry-run`).
    public let dryRun: Bool

    /// A summary; the parameters are the properties of the same names.
    public init(file: String, sha256: String, layout: TradeFileLayout?, rowsRead: Int, rowsKept: Int, rowsRejected: Int,
                rowsReplaced: Int, suspectQuantityRows: Int, quantitySetAside: Int = 0, alreadyIngested: Bool, dryRun: Bool) {
        self.file = file
        self.sha256 = sha256
        self.layout = layout
        self.rowsRead = rowsRead
        self.rowsKept = rowsKept
        self.rowsRejected = rowsRejected
        self.rowsReplaced = rowsReplaced
        self.suspectQuantityRows = suspectQuantityRows
        self.quantitySetAside = quantitySetAside
        self.alreadyIngested = alreadyIngested
        self.dryRun = dryRun
    }

    /// For example `data.csv (comtrade-plus): 30 rows read, 24 kept, 6 rejected, 0 replaced, 3 with suspect zero quantity or net weight`,
    /// followed by `, 2 quantities set aside` when there are any.
    public var description: String {
        if alreadyIngested { return "\(file): already ingested (sha256 \(sha256.prefix(12))…), nothing added" }
        let reader = layout.map { " (\($0))" } ?? ""
        return "\(file)\(reader): \(rowsRead) rows read, \(rowsKept) kept, \(rowsRejected) rejected, \(rowsReplaced) replaced, "
            + "\(suspectQuantityRows) with suspect zero quantity or net weight"
            + (quantitySetAside > 0 ? ", \(quantitySetAside) \(quantitySetAside == 1 ? "quantity" : "quantities") set aside (unknown unit code)" : "")
            + (dryRun ? " (dry run: nothing written)" : "")
    }
}
