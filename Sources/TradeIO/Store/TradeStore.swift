import Foundation
import GRDB
import GRDBSQLite
import TradeDomain

/// A SQLite store of trade records with the provenance of every file ingested
/// (through GRDB).
///
/// Tables:
/// - `provenance`: one row per file ingested: file name, SHA-256, reader
///   (layout), rows read/kept/rejected/replaced, time.
/// - `records`: one row per record, keyed by reporter, partner, flow, period,
///   code, classification and source (so that the figures of several sources
///   in a tidy file live side by side, while a revised Comtrade download
///   replaces the earlier one); with the numeric area codes, description, value,
///   quantity and unit code, net weight, estimation flags, source and the
///   provenance row and line it came from.
///
/// Rules:
/// - One transaction per file: a file that fails (or a process killed while
///   ingesting) leaves the store as it was (SQLite rolls the transaction back).
/// - The store is in WAL mode: readers (another process's `series --db`) never wait
///   for an ingest and see the store as of the last committed file, old or new,
///   never half a file. Writers wait up to ``busyTimeout`` for each other.
/// - A file that is not a regular file (a pipe, standard input) is read once: its
///   SHA-256 is computed while its rows are stored, and the transaction is rolled
///   back if those bytes turn out to have been ingested before.
/// - A file whose SHA-256 is already in `provenance` adds nothing.
/// - A record with the key of a stored one replaces it and is counted
///   (``IngestSummary/rowsReplaced``); with `strict` it is an error instead.
/// - Rejected rows are not stored; with `strict` the first one is an error.
public final class TradeStore: Sendable {
    /// The database file.
    public let path: String
    let queue: DatabaseQueue

    /// Opens (creating when needed) a store.
    ///
    /// - Parameter path: The SQLite file.
    /// - Throws: `TradeIOError.store` when the file cannot be opened or is not a store.
    public init(path: String) throws {
        self.path = path
        do {
            var configuration = Configuration()
            configuration.journalMode = .wal
            configuration.busyMode = .timeout(Self.busyTimeout)
            queue = try DatabaseQueue(path: path, configuration: configuration)
            // Only a new store is written to here, so that opening one for reading
            // never waits for (or blocks) an ingest in another process.
            let hasSchema = try queue.read { db in try db.tableExists("provenance") && db.tableExists("records") }
            if !hasSchema { try queue.write { db in
                try db.execute(sql: """
                    CREATE TABLE IF NOT EXISTS provenance (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        file_name TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, reader TEXT NOT NULL,
                        rows_read INTEGER NOT NULL, rows_kept INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
                        rows_replaced INTEGER NOT NULL, ingested_at TEXT NOT NULL);
                    CREATE TABLE IF NOT EXISTS records (
                        reporter TEXT NOT NULL, partner TEXT NOT NULL, flow TEXT NOT NULL, period TEXT NOT NULL,
                        commodity TEXT NOT NULL, classification TEXT NOT NULL,
                        reporter_code INTEGER, partner_code INTEGER, description TEXT,
                        value_usd REAL, quantity REAL, quantity_unit INTEGER, net_weight_kg REAL,
                        quantity_estimated INTEGER NOT NULL, net_weight_estimated INTEGER NOT NULL, legacy_flag INTEGER,
                        source_id TEXT NOT NULL, note TEXT,
                        provenance_id INTEGER NOT NULL REFERENCES provenance(id), line INTEGER NOT NULL,
                        PRIMARY KEY (reporter, partner, flow, period, commodity, classification, source_id));
                    """)
            } }
        } catch let error as TradeIOError {
            throw error
        } catch {
            throw TradeIOError.store(path: path, reason: "\(error)")
        }
    }

    /// Reads and validates a file without writing anywhere (`ingest --dry-run`).
    ///
    /// Memory: the file is streamed; what grows with the file is one 64-bit hash per
    /// row for the overlap check (``KeyHashLog``: 16 MB for 2 million rows, 32 MB while
    /// they are sorted at the end; with `strict`, a set of them), where the text keys
    /// took some 100 bytes each. The hash is SipHash-1-3 with a
    /// per-process seed (Swift's `Hasher`) of the key's fields; two different keys share a hash
    /// with a probability of about n²/2⁶⁵ (10⁻⁷ for 2 million rows), in which case a row would be
    /// counted as replacing one (or, strict, rejected) in the dry run only; a real ingest
    /// compares the full keys.
    ///
    /// - Parameters:
    ///   - file: The file to read.
    ///   - displayName: How the file is named in messages.
    ///   - strict: Stop at the first rejected row (throw it).
    ///   - reject: Called with each rejected row's error.
    ///   - progress: Called with the number of data rows handled so far, every ``progressInterval`` rows and at the end.
    /// - Returns: The summary (replacements counted within the file only).
    /// - Throws: `TradeIOError` for an unreadable file, an unknown layout, or (strict) the first bad or repeated row.
    public static func validate(file: String, displayName: String? = nil, strict: Bool = false,
                                reject: (TradeIOError) throws -> Void = { _ in }, progress: (Int) -> Void = { _ in }) throws -> IngestSummary {
        let name = displayName ?? file
        // One pass for a pipe (it cannot be read twice): hash the bytes as they are read.
        let streamed = !isRegularFile(file)
        var hasher = SHA256.Hasher()
        let digestFirst = streamed ? nil : try SHA256.hexDigest(ofFile: file, displayName: name)
        // Strict: a set, so that the first repeated key stops the read at its line (before any later
        // bad row). Otherwise: the hashes are logged and their repeats counted once at the end.
        var keys: Set<Int> = []
        var log = KeyHashLog()
        var counts = Counts()
        let layout = try TradeFileReader(path: file, displayName: name).forEachRow(observingBytes: streamed ? { hasher.update($0) } : nil) { outcome in
            if counts.handled % Self.progressInterval == 0 { progress(counts.handled) }
            try counts.take(outcome, strict: strict, reject: reject) { row in
                guard strict else {
                    log.append(Self.keyHash(row.record))
                    return false
                }
                if !keys.insert(Self.keyHash(row.record)).inserted {
                    throw TradeIOError.overlappingRecord(SourceLocation(file: name, line: row.line), key: Self.key(row.record), previousFile: name)
                }
                return false
            }
            return true
        }
        if !strict { counts.replaced = log.repeats() }
        progress(counts.handled)
        let digest = digestFirst ?? hasher.finalizeHex()
        return counts.summary(file: name, sha256: digest, layout: layout, alreadyIngested: false, dryRun: true)
    }

    /// Ingests one file in one transaction.
    ///
    /// - Parameters:
    ///   - file: The file to read.
    ///   - displayName: How the file is named in messages and in `provenance`.
    ///   - strict: Fail (and store nothing of this file) at the first rejected row or overlapping record.
    ///   - reject: Called with each rejected row's error.
    ///   - progress: Called with the number of data rows handled so far, every ``progressInterval`` rows and at the end.
    /// - Returns: The summary; `alreadyIngested` when the same bytes were ingested before.
    /// - Throws: `TradeIOError` for an unreadable file, an unknown layout, (strict) the
    ///   first bad or overlapping row, or `.store` when SQLite fails. The store is then unchanged.
    public func ingest(file: String, displayName: String? = nil, strict: Bool = false,
                       reject: (TradeIOError) throws -> Void = { _ in }, progress: (Int) -> Void = { _ in }) throws -> IngestSummary {
        let name = displayName ?? file
        // A regular file is hashed first (a second pass) so that bytes ingested before are skipped unread;
        // a pipe is hashed as its rows are stored, and the transaction undone if they were.
        let streamed = !isRegularFile(file)
        var hasher = SHA256.Hasher()
        let digestFirst = streamed ? nil : try SHA256.hexDigest(ofFile: file, displayName: name)
        func alreadyIngested(_ digest: String, _ previous: Row) -> IngestSummary {
            IngestSummary(
                file: name, sha256: digest, layout: TradeFileLayout(rawValue: previous["reader"]), rowsRead: 0, rowsKept: 0,
                rowsRejected: 0, rowsReplaced: 0, suspectQuantityRows: 0, alreadyIngested: true, dryRun: false)
        }
        do {
            return try queue.write { db -> IngestSummary in
                if let digestFirst, let previous = try Row.fetchOne(db, sql: "SELECT * FROM provenance WHERE sha256 = ?", arguments: [digestFirst]) {
                    return alreadyIngested(digestFirst, previous)
                }
                try db.execute(sql: """
                    INSERT INTO provenance (file_name, sha256, reader, rows_read, rows_kept, rows_rejected, rows_replaced, ingested_at)
                    VALUES (?, ?, '', 0, 0, 0, 0, ?)
                    """, arguments: [name, digestFirst ?? "pending " + UUID().uuidString, ISO8601DateFormatter().string(from: Date())])
                let provenanceID = db.lastInsertedRowID
                // The page cache stays SQLite's default (about 2 MiB): a 64 MiB cache measured no faster
                // (Benchmarks/README.md) and would make an ingest's memory grow with the file up to its
                // size. The store is in WAL mode (see `open`), so a failed or killed ingest leaves it as it was.
                var counts = Counts()
                // Prepared once per file and reused for every row. The common case (a new key) is one
                // INSERT; only a row whose key is already stored is looked up and replaced.
                let columns = """
                    (reporter, partner, flow, period, commodity, classification, reporter_code,
                        partner_code, description, value_usd, quantity, quantity_unit, net_weight_kg, quantity_estimated,
                        net_weight_estimated, legacy_flag, source_id, note, provenance_id, line)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """
                let insert = try db.makeStatement(sql: "INSERT INTO records " + columns + " ON CONFLICT DO NOTHING")
                let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
                defer { scratch.deallocate() }
                let replace = try db.makeStatement(sql: "INSERT OR REPLACE INTO records " + columns)
                let existing = try db.makeStatement(sql: """
                    SELECT p.file_name FROM records r JOIN provenance p ON p.id = r.provenance_id
                    WHERE r.reporter = ? AND r.partner = ? AND r.flow = ? AND r.period = ? AND r.commodity = ? AND r.classification = ? AND r.source_id = ?
                    """)
                let layout = try TradeFileReader(path: file, displayName: name).forEachRow(observingBytes: streamed ? { hasher.update($0) } : nil) { outcome in
                    if counts.handled % Self.progressInterval == 0 { progress(counts.handled) }
                    try counts.take(outcome, strict: strict, reject: reject) { row in
                        let r = row.record
                        // The common case binds straight through the SQLite C API (no argument array
                        // of existentials per row); the values and their SQLite types are those GRDB binds.
                        if try Self.insertDirectly(row, provenanceID: provenanceID, statement: insert, db: db, scratch: scratch) { return false }
                        let arguments: StatementArguments = [
                            r.reporter.iso3, r.partner.iso3, r.flow.rawValue, r.period.description, r.commodity.description, r.classification ?? "",
                            row.reporterNumericCode, row.partnerNumericCode, r.commodityDescription, r.value?.amount, r.quantity?.amount,
                            r.quantity?.unit.code, r.netWeightKilograms, r.isQuantityEstimated, r.isNetWeightEstimated,
                            row.legacyEstimationFlag, r.sourceID, r.note, provenanceID, row.line,
                        ]
                        // The key is stored already (from an earlier file or earlier in this one).
                        let key: StatementArguments = [
                            r.reporter.iso3, r.partner.iso3, r.flow.rawValue, r.period.description, r.commodity.description, r.classification ?? "", r.sourceID,
                        ]
                        if strict {
                            let previous = try String.fetchOne(existing, arguments: key) ?? name
                            throw TradeIOError.overlappingRecord(SourceLocation(file: name, line: row.line), key: Self.key(r), previousFile: previous)
                        }
                        replace.setUncheckedArguments(arguments)
                        try replace.execute()
                        return true
                    }
                    return true
                }
                progress(counts.handled)
                let digest = digestFirst ?? hasher.finalizeHex()
                if digestFirst == nil, let previous = try Row.fetchOne(db, sql: "SELECT * FROM provenance WHERE sha256 = ?", arguments: [digest]) {
                    throw AlreadyIngested(summary: alreadyIngested(digest, previous))
                }
                let summary = counts.summary(file: name, sha256: digest, layout: layout, alreadyIngested: false, dryRun: false)
                try db.execute(sql: """
                    UPDATE provenance SET sha256 = ?, reader = ?, rows_read = ?, rows_kept = ?, rows_rejected = ?, rows_replaced = ? WHERE id = ?
                    """, arguments: [digest, layout.rawValue, summary.rowsRead, summary.rowsKept, summary.rowsRejected, summary.rowsReplaced, provenanceID])
                return summary
            }
        } catch let already as AlreadyIngested {
            // Thrown inside the transaction so that SQLite rolls back the rows of a stream seen before.
            return already.summary
        } catch let error as TradeIOError {
            throw error
        } catch {
            throw TradeIOError.store(path: path, reason: "\(error)")
        }
    }

    /// Binds a row's 20 values to the prepared `INSERT ... ON CONFLICT DO NOTHING` and steps it.
    ///
    /// - Returns: Whether a record was inserted (false: the key is stored already).
    /// - Throws: A GRDB `DatabaseError` with SQLite's code and message when the step fails.
    ///
    /// Text is copied into `scratch` and bound without a copy by SQLite (`SQLITE_STATIC`): the
    /// bytes stay put until the step, and every parameter is bound again before the next one.
    /// Text that does not fit (over 64 KiB in a row) is bound as a copy (`SQLITE_TRANSIENT`).
    static func insertDirectly(_ row: TradeFileRow, provenanceID: Int64, statement: Statement, db: Database,
                               scratch: UnsafeMutableRawBufferPointer) throws -> Bool {
        let handle = statement.sqliteStatement
        let r = row.record
        var used = 0
        func text(_ index: Int32, _ value: String?) {
            guard var value else { sqlite3_bind_null(handle, index); return }
            value.withUTF8 { bytes in
                if bytes.isEmpty {
                    sqlite3_bind_text(handle, index, "", 0, sqliteTransient)
                } else if used + bytes.count <= scratch.count, let base = scratch.baseAddress {
                    let target = base + used
                    target.copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
                    used += bytes.count
                    sqlite3_bind_text(handle, index, target.assumingMemoryBound(to: CChar.self), Int32(bytes.count), nil)
                } else {
                    bytes.withMemoryRebound(to: CChar.self) { sqlite3_bind_text(handle, index, $0.baseAddress, Int32($0.count), sqliteTransient) }
                }
            }
        }
        func integer(_ index: Int32, _ value: Int?) {
            if let value { sqlite3_bind_int64(handle, index, Int64(value)) } else { sqlite3_bind_null(handle, index) }
        }
        func real(_ index: Int32, _ value: Double?) {
            if let value { sqlite3_bind_double(handle, index, value) } else { sqlite3_bind_null(handle, index) }
        }
        text(1, r.reporter.iso3)
        text(2, r.partner.iso3)
        text(3, r.flow.rawValue)
        text(4, r.period.description)
        text(5, r.commodity.description)
        text(6, r.classification ?? "")
        integer(7, row.reporterNumericCode)
        integer(8, row.partnerNumericCode)
        text(9, r.commodityDescription)
        real(10, r.value?.amount)
        real(11, r.quantity?.amount)
        integer(12, r.quantity?.unit.code)
        real(13, r.netWeightKilograms)
        integer(14, r.isQuantityEstimated ? 1 : 0)
        integer(15, r.isNetWeightEstimated ? 1 : 0)
        integer(16, row.legacyEstimationFlag)
        text(17, r.sourceID)
        text(18, r.note)
        sqlite3_bind_int64(handle, 19, provenanceID)
        integer(20, row.line)
        let code = sqlite3_step(handle)
        let inserted = sqlite3_changes(db.sqliteConnection) > 0
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
        }
        return inserted
    }

    /// SQLite copies bound text (`SQLITE_TRANSIENT`).
    private static let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    /// How long a writer waits for another process's write transaction before failing, in seconds.
    public static let busyTimeout: TimeInterval = 30

    /// SQLite's own consistency check (`PRAGMA integrity_check`).
    ///
    /// - Returns: `["ok"]` for a sound store, else SQLite's list of problems.
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func integrityCheck() throws -> [String] {
        do {
            return try queue.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        } catch {
            throw TradeIOError.store(path: path, reason: "\(error)")
        }
    }

    /// Every stored record, ordered by key.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value.
    public func records() throws -> [TradeRecord] {
        try rows().map(\.record)
    }

    /// Every stored record with its numeric codes, estimation flag and line, ordered by key.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value.
    public func rows() throws -> [TradeFileRow] {
        do {
            return try queue.read { db in
                var rows: [TradeFileRow] = []
                let cursor = try Row.fetchCursor(db, sql: "SELECT * FROM records ORDER BY reporter, partner, flow, period, commodity, classification, source_id")
                while let row = try cursor.next() {
                    rows.append(try Self.fileRow(row))
                }
                return rows
            }
        } catch let error as TradeIOError {
            throw error
        } catch {
            throw TradeIOError.store(path: path, reason: "\(error)")
        }
    }

    /// The number of stored records.
    ///
    /// - Returns: `SELECT count(*) FROM records`.
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func recordCount() throws -> Int {
        do {
            return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0 }
        } catch {
            throw TradeIOError.store(path: path, reason: "\(error)")
        }
    }

    /// The provenance table, oldest first.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func provenance() throws -> [IngestSummary] {
        do {
            return try queue.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM provenance ORDER BY id").map { row in
                    IngestSummary(
                        file: row["file_name"], sha256: row["sha256"], layout: TradeFileLayout(rawValue: row["reader"]),
                        rowsRead: row["rows_read"], rowsKept: row["rows_kept"], rowsRejected: row["rows_rejected"],
                        rowsReplaced: row["rows_replaced"], suspectQuantityRows: 0, alreadyIngested: false, dryRun: false)
                }
            }
        } catch {
            throw TradeIOError.store(path: path, reason: "\(error)")
        }
    }

    /// How many rows pass between two calls of an ingest's `progress` closure.
    public static let progressInterval = 16_384

    /// The overlap key as text: `CHN PRK import 2015 2701 H4 UN_COMTRADE`.
    static func key(_ record: TradeRecord) -> String {
        [record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.period.description, record.commodity.description,
         record.classification ?? "-", record.sourceID].joined(separator: " ")
    }

    /// A 64-bit hash of the fields of ``key(_:)`` (for the dry run's overlap check).
    static func keyHash(_ record: TradeRecord) -> Int {
        var hasher = Hasher()
        hasher.combine(record.reporter.iso3)
        hasher.combine(record.partner.iso3)
        hasher.combine(record.flow.rawValue)
        hasher.combine(record.period)
        hasher.combine(record.commodity.description)
        hasher.combine(record.classification ?? "-")
        hasher.combine(record.sourceID)
        return hasher.finalize()
    }

    private static let unitsByCode = Dictionary(QuantityUnit.allUnits.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static func fileRow(_ row: Row) throws -> TradeFileRow {
        func invalid(_ column: String, _ value: String) -> TradeIOError {
            TradeIOError.store(path: "records", reason: "column \(column) holds '\(value)', which is not valid")
        }
        let periodText: String = row["period"]
        let reporterText: String = row["reporter"], partnerText: String = row["partner"]
        let flowText: String = row["flow"], commodityText: String = row["commodity"]
        guard let period = try? Period(parsing: periodText) else { throw invalid("period", periodText) }
        guard let reporter = try? CountryCode(reporterText) else { throw invalid("reporter", reporterText) }
        guard let partner = try? CountryCode(partnerText) else { throw invalid("partner", partnerText) }
        guard let flow = TradeFlow(rawValue: flowText) else { throw invalid("flow", flowText) }
        guard let commodity = try? CommodityCode(parsing: commodityText) else { throw invalid("commodity", commodityText) }
        var quantity: Quantity?
        if let amount: Double = row["quantity"] {
            let code: Int = row["quantity_unit"] ?? -1
            guard let unit = unitsByCode[code] else { throw invalid("quantity_unit", String(code)) }
            quantity = Quantity(amount: amount, unit: unit)
        }
        let classification: String = row["classification"]
        let value: Double? = row["value_usd"]
        let record = TradeRecord(
            period: period, reporter: reporter, partner: partner, flow: flow, commodity: commodity,
            commodityDescription: row["description"], classification: classification.isEmpty ? nil : classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity, netWeightKilograms: row["net_weight_kg"],
            isQuantityEstimated: row["quantity_estimated"], isNetWeightEstimated: row["net_weight_estimated"],
            sourceID: row["source_id"], note: row["note"])
        return TradeFileRow(line: row["line"], record: record, reporterNumericCode: row["reporter_code"],
                            partnerNumericCode: row["partner_code"], legacyEstimationFlag: row["legacy_flag"])
    }
}

/// Whether a path names a regular file (which can be read twice), not a pipe or a terminal.
func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    guard stat(path, &status) == 0 else { return true }  // let the reader report what is wrong
    return (status.st_mode & S_IFMT) == S_IFREG
}

/// A streamed file whose bytes were ingested before: thrown to roll its transaction back.
private struct AlreadyIngested: Error {
    let summary: IngestSummary
}

/// Running counts of one file's rows.
struct Counts {
    var kept = 0, rejected = 0, replaced = 0, suspect = 0

    /// Rows handled so far (kept plus rejected).
    var handled: Int { kept + rejected }

    /// Counts one outcome; calls `keep` for a row (which says whether it replaced one), `reject` (or throws, when strict) for an error.
    mutating func take(_ outcome: Result<TradeFileRow, TradeIOError>, strict: Bool, reject: (TradeIOError) throws -> Void,
                       keep: (TradeFileRow) throws -> Bool) throws {
        switch outcome {
        case let .success(row):
            if try keep(row) { replaced += 1 }
            kept += 1
            if row.record.hasSuspectQuantity { suspect += 1 }
        case let .failure(error):
            if strict { throw error }
            rejected += 1
            try reject(error)
        }
    }

    func summary(file: String, sha256: String, layout: TradeFileLayout, alreadyIngested: Bool, dryRun: Bool) -> IngestSummary {
        IngestSummary(file: file, sha256: sha256, layout: layout, rowsRead: kept + rejected, rowsKept: kept, rowsRejected: rejected,
                      rowsReplaced: replaced, suspectQuantityRows: suspect, alreadyIngested: alreadyIngested, dryRun: dryRun)
    }
}
