import Foundation
import GRDB
import GRDBSQLite
import TradeDomain

/// A SQLite store of trade records with the provenance of every file ingested
/// (through GRDB).
///
/// Tables (``StoreSchema``, version 3; a store of version 1 or 2 is upgraded when opened for writing):
/// - `provenance`: one row per file ingested: file name, SHA-256, size, reader
///   (layout), rows read/kept/rejected/replaced, time.
/// - `series`: each key without its period once: reporter, partner, flow,
///   classification, code and source (so that the figures of several sources
///   in a tidy file live side by side, while a revised Comtrade download
///   replaces the earlier one); `descriptions`: each description once.
/// - `records`: one row per record, unique by series and period; with the numeric
///   area codes, description, value, quantity and unit code, net weight,
///   estimation flags, note and the provenance row and line it came from.
/// - `trade_records`: a view of the records with every field spelled out.
///
/// Queries (`TradeStore+Query.swift`): ``forEachRecord(matching:order:_:)`` and ``forEachRow(matching:order:_:)``
/// answer a ``RecordFilter`` in SQL, reading the selected rows of `series` through its indexes and then each
/// series' records in the period range through the unique index on (series, period), streamed through a cursor;
/// ``distinctValues(_:matching:)`` says what a selection holds. Open a store for reading with
/// `access: .read`, which never writes to it.
///
/// Rules:
/// - One transaction per file: a file that fails (or a process killed while
///   ingesting) leaves the store as it was (SQLite rolls the transaction back).
/// - The store is in WAL mode: readers (another process's `series --db`) never wait
///   for an ingest and see the store as of the last committed file, old or new,
///   never half a file. Writers wait up to ``busyTimeout`` for each other.
/// - A file is read once, its SHA-256 computed while its rows are stored, and the
///   transaction rolled back if those bytes turn out to have been ingested before;
///   except a regular file of the size of one ingested before, which is hashed
///   first, so that a repeated file is skipped unread.
/// - A file whose SHA-256 is already in `provenance` adds nothing.
/// - A record with the key of a stored one replaces it and is counted
///   (``IngestSummary/rowsReplaced``); with `strict` it is an error instead.
/// - Rejected rows are not stored; with `strict` the first one is an error.
public final class TradeStore: Sendable {
    /// The database file.
    public let path: String
    /// The schema version of the store as opened (``StoreSchema``): the current version, or 2 when a store of
    /// that version was opened for reading (it lacks the indexes that serve selections by partner and by
    /// commodity; such queries then read the `series` table, never every record).
    public let schemaVersion: Int
    let queue: DatabaseQueue
    /// What the queries of this store have read so far (``statistics``).
    let readCounter = ReadCounter()

    /// How a store is opened.
    public enum Access: Sendable {
        /// Reading only: the file must be a store; nothing is written to it, not even an upgrade of its schema.
        case read
        /// Reading and writing: the store is created when missing and upgraded when written by an earlier version.
        case write
    }

    /// Opens a store.
    ///
    /// - Parameters:
    ///   - path: The SQLite file.
    ///   - access: ``Access/write`` (the default) creates a missing store and upgrades one of an earlier schema
    ///     version in place; ``Access/read`` opens an existing store without writing to it, of the current schema
    ///     version or version 2 (whose missing indexes make selections by partner or commodity read the small
    ///     `series` table), and refuses a version 1 store until it is opened for writing once.
    /// - Throws: `TradeIOError.store` when the file cannot be opened or is not a store (for reading: does not exist).
    public init(path: String, access: Access = .write) throws(TradeIOError) {
        self.path = path
        (queue, schemaVersion) = try Self.storeAccess(path: path) { () throws -> (DatabaseQueue, Int) in
            var configuration = Configuration()
            configuration.busyMode = .timeout(Self.busyTimeout)
            // SQLite does not check the references of `records` row by row (three index lookups per record): the
            // ingest takes every id from the table it names (RecordWriter), so they hold by construction, and
            // `integrityCheck()` runs `PRAGMA foreign_key_check` (the tests call it).
            configuration.foreignKeysEnabled = false
            switch access {
            case .read:
                guard FileManager.default.fileExists(atPath: path) else {
                    throw TradeIOError.store(path: path, reason: "no such store")
                }
                // A store is always in WAL mode (set when it was created); a read-only connection leaves it so.
                configuration.readonly = true
                // A 16 MiB page cache (SQLite's default is 2 MiB): a query that selects many series of a store
                // ingested period by period finds each series' records on pages shared with other series, which a
                // small cache drops and reads from the file again. It bounds what reading adds to memory.
                configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA cache_size = -16384") }
                let queue = try DatabaseQueue(path: path, configuration: configuration)
                let schemaVersion = try queue.read { db in
                    guard try db.tableExists("provenance") && db.tableExists("records") else {
                        throw TradeIOError.store(path: path, reason: "not a tradescope store (no provenance and records tables)")
                    }
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    if StoreSchema.readableVersions.contains(version) { return version }
                    if version == 0, try db.columns(in: "records").contains(where: { $0.name == "commodity" }) {
                        throw TradeIOError.store(path: path, reason: "the store has schema version 1, which is read only after an upgrade in place: open it for writing once (for example with 'tradescope ingest FILE --db \(path)')")
                    }
                    throw TradeIOError.store(path: path, reason: "the store has schema version \(version); this tradescope reads versions \(StoreSchema.readableVersions.lowerBound)-\(StoreSchema.version)")
                }
                return (queue, schemaVersion)
            case .write:
                configuration.journalMode = .wal
                // 16 KiB pages for a new store (before GRDB turns WAL on, after which the size is fixed): a quarter
                // of the page writes of SQLite's 4 KiB when an ingest appends millions of records. No effect on an
                // existing store.
                configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA page_size = 16384") }
                let queue = try Self.retryingWhileBusy { try DatabaseQueue(path: path, configuration: configuration) }
                // Only a new store, or one written by an earlier version, is written to here, so that opening
                // a current store never waits for (or blocks) an ingest in another process.
                // Checked again under the write lock (StoreSchema.migrate): another process may be doing it.
                if try queue.read({ db in try StoreSchema.storedVersion(db) }) != StoreSchema.version {
                    try StoreSchema.migrate(queue, path: path)
                }
                return (queue, StoreSchema.version)
            }
        }
    }

    /// Runs `open` again while SQLite reports the store busy, up to ``busyTimeout``: switching a new store to WAL
    /// (`PRAGMA journal_mode = WAL`, when the connection opens) needs a lock that SQLite does not wait for through the
    /// busy handler when another process is creating the same store at that moment.
    static func retryingWhileBusy<T>(_ open: () throws -> T) throws -> T {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                return try open()
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(20_000)
            }
        }
    }

    /// Reads and validates a file without writing anywhere (`ingest --dry-run`).
    ///
    /// Memory: the file is streamed; what grows with the file is one 64-bit hash per
    /// row for the overlap check (``KeyHashLog``: 16 MB for 2 million rows, 32 MB while
    /// they are sorted at the end; with `strict`, a set of them), not the text keys
    /// (some 100 bytes each). The hash (``KeyHashes``) is the same in every run; two different keys share a hash with a probability of
    /// about n²/2⁶⁵ (10⁻⁷ for 2 million rows), in which case a row would be counted as replacing one
    /// (or, strict, rejected) in the dry run only; a real ingest compares the full keys.
    ///
    /// The SHA-256 of the file is computed from the bytes as they are parsed (one read of the file).
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
                                reject: (TradeIOError) throws(TradeIOError) -> Void = { _ in }, progress: (Int) -> Void = { _ in }) throws(TradeIOError) -> IngestSummary {
        let name = displayName ?? file
        var hasher = SHA256.Hasher()
        var state = DryRun(name: name, strict: strict)
        let layout = try TradeFileReader(path: file, displayName: name).readRows(observingBytes: { hasher.update($0) }) { (outcome) throws(TradeIOError) -> Bool in
            try state.check(outcome, reject: reject, progress: progress)
        }
        var counts = state.counts
        if !strict { counts.replaced = state.log.repeats() }
        progress(counts.handled)
        return counts.summary(file: name, sha256: hasher.finalizeHex(), layout: layout, alreadyIngested: false, dryRun: true)
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
                       reject: (TradeIOError) throws(TradeIOError) -> Void = { _ in }, progress: (Int) -> Void = { _ in }) throws(TradeIOError) -> IngestSummary {
        let name = displayName ?? file
        // A regular file of a size ingested before is hashed first (a pass of its own) so that bytes ingested
        // before are skipped unread. Any other file (a new size, or a pipe) is hashed by the reader as its rows
        // are stored, and the transaction undone if those bytes turn out to be in `provenance` after all.
        let size = regularFileSize(file)
        func alreadyIngested(_ digest: String, _ previous: Row) -> IngestSummary {
            IngestSummary(
                file: name, sha256: digest, layout: TradeFileLayout(rawValue: previous["reader"]), rowsRead: 0, rowsKept: 0,
                rowsRejected: 0, rowsReplaced: 0, suspectQuantityRows: 0, alreadyIngested: true, dryRun: false)
        }
        let sizeSeenBefore = try size.map { (size) throws(TradeIOError) in
            try reading { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM provenance WHERE bytes IS NULL OR bytes = ?)", arguments: [size]) ?? true
            }
        } ?? false
        let digestFirst = sizeSeenBefore ? try SHA256.hexDigest(ofFile: file, displayName: name) : nil
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
                // A 32 MiB page cache (SQLite's default is 2 MiB) holds much of the `records` key index, whose
                // inserts land all over it when a file is not in series order. It bounds what an ingest adds to memory.
                try db.execute(sql: "PRAGMA cache_size = -32768")
                var counts = Counts()
                let writer = try RecordWriter(db: db, provenanceID: provenanceID, strict: strict, fileName: name)
                // The rows are read on a second thread while this one stores them (RowPipeline).
                let pipeline = RowPipeline.start(TradeFileReader(path: file, displayName: name), hashing: digestFirst == nil)
                defer { pipeline.cancel() }
                while let batch = pipeline.next() {
                    for outcome in batch {
                        if counts.handled % Self.progressInterval == 0 { progress(counts.handled) }
                        try counts.tally(outcome, strict: strict, reject: reject) { (row) throws(TradeIOError) -> Bool in
                            try Self.storeAccess(path: path) { try writer.write(row) }
                            return false
                        }
                    }
                }
                counts.replaced = try writer.finish()
                let (layout, readDigest, bytesRead) = try pipeline.result()
                progress(counts.handled)
                guard let digest = digestFirst ?? readDigest else {
                    throw TradeIOError.store(path: path, reason: "no SHA-256 was computed for \(name)")
                }
                if digestFirst == nil, let previous = try Row.fetchOne(db, sql: "SELECT * FROM provenance WHERE sha256 = ?", arguments: [digest]) {
                    throw AlreadyIngested(summary: alreadyIngested(digest, previous))
                }
                let summary = counts.summary(file: name, sha256: digest, layout: layout, alreadyIngested: false, dryRun: false)
                try db.execute(sql: """
                    UPDATE provenance SET sha256 = ?, reader = ?, rows_read = ?, rows_kept = ?, rows_rejected = ?, rows_replaced = ?, bytes = ?
                    WHERE id = ?
                    """, arguments: [digest, layout.rawValue, summary.rowsRead, summary.rowsKept, summary.rowsRejected, summary.rowsReplaced,
                                     size ?? bytesRead, provenanceID])
                return summary
            }
        } catch let already as AlreadyIngested {
            // Thrown inside the transaction so that SQLite rolls back the rows of a stream seen before.
            return already.summary
        } catch {
            throw Self.storeError(error, path: path)
        }
    }

    /// Replaces the store's copy of Comtrade's area list, which the `trade_records` view uses for the ISO3 codes
    /// and names of areas (`reporter_iso`, `reporter_name`, ...). Each area is keyed by its numeric code, its ISO3
    /// code (the code ``AreaTable/code(iso3:year:)`` prefers), its Comtrade alpha code and its numeric code as text.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be written.
    public func replaceAreas(_ table: AreaTable) throws {
        do {
            try queue.write { db in
                guard try db.tableExists("areas") else { return }
                try db.execute(sql: "DELETE FROM areas; DELETE FROM area_keys;")
                for area in table.areas {
                    try db.execute(sql: "INSERT INTO areas (code, iso3, name) VALUES (?, ?, ?)", arguments: [area.code, area.iso3, area.name])
                    var keys: [String: Int] = [String(area.code): area.code]
                    if let iso3 = area.iso3, let code = table.code(iso3: iso3) { keys[iso3] = code }
                    if let alpha = area.comtradeAlpha, let code = table.code(comtradeAlpha: alpha) { keys[alpha] = code }
                    for (key, code) in keys {
                        try db.execute(sql: "INSERT OR IGNORE INTO area_keys (key, code) VALUES (?, ?)", arguments: [key, code])
                    }
                }
            }
        } catch {
            throw TradeIOError.store(path: path, reason: "cannot write the area list: \(error)")
        }
    }

    /// How long a writer waits for another process's write transaction before failing, in seconds.
    public static let busyTimeout: TimeInterval = 30

    /// SQLite's own consistency checks: `PRAGMA integrity_check`, then `PRAGMA foreign_key_check` (every
    /// record's series, description and provenance row exist).
    ///
    /// - Returns: `["ok"]` for a sound store, else SQLite's list of problems (a broken reference as
    ///   "records row R: no parent in T").
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func integrityCheck() throws(TradeIOError) -> [String] {
        try reading { db in
                let problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                let references = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").map { row -> String in
                    let table: String = row[0], parent: String = row[2]
                    let rowID: Int64? = row[1]
                    return "\(table) row \(rowID.map(String.init) ?? "?"): no parent in \(parent)"
                }
                return problems == ["ok"] && references.isEmpty ? ["ok"] : problems.filter { $0 != "ok" } + references
        }
    }

    /// Every stored record, ordered by key.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value.
    public func records() throws(TradeIOError) -> [TradeRecord] {
        try rows().map(\.record)
    }

    /// Every stored record with its numeric codes, estimation flag and line, ordered by key.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value.
    public func rows() throws(TradeIOError) -> [TradeFileRow] {
        try reading { db in
            var rows: [TradeFileRow] = []
            // The tables, not the trade_records view, whose column names differ between schema versions 3 and 4.
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT s.reporter, s.partner, s.flow, r.period, s.commodity, s.classification,
                       r.reporter_code, r.partner_code, d.text AS description, r.value_usd, r.quantity, r.quantity_unit,
                       r.net_weight_kg, r.quantity_estimated, r.net_weight_estimated, r.legacy_flag, s.source_id, r.note,
                       r.provenance_id, r.line
                FROM records r JOIN series s ON s.id = r.series_id LEFT JOIN descriptions d ON d.id = r.description_id
                ORDER BY s.reporter, s.partner, s.flow, r.period, s.commodity, s.classification, s.source_id
                """)
            while let row = try cursor.next() {
                rows.append(try Self.fileRow(row))
            }
            return rows
        }
    }

    /// The number of stored records.
    ///
    /// - Returns: `SELECT count(*) FROM records`.
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func recordCount() throws(TradeIOError) -> Int {
        try reading { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM records") ?? 0 }
    }

    /// The provenance table, oldest first.
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func provenance() throws(TradeIOError) -> [IngestSummary] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT * FROM provenance ORDER BY id").map { row in
                IngestSummary(
                    file: row["file_name"], sha256: row["sha256"], layout: TradeFileLayout(rawValue: row["reader"]),
                    rowsRead: row["rows_read"], rowsKept: row["rows_kept"], rowsRejected: row["rows_rejected"],
                    rowsReplaced: row["rows_replaced"], suspectQuantityRows: 0, alreadyIngested: false, dryRun: false)
            }
        }
    }

    /// The files ingested into the store, oldest first: name, SHA-256 and size in bytes (`nil` for
    /// files ingested by a version 1 store, which did not keep sizes).
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func ingestedFiles() throws(TradeIOError) -> [(file: String, sha256: String, bytes: Int?)] {
        try reading { db in
            try Row.fetchAll(db, sql: "SELECT file_name, sha256, bytes FROM provenance ORDER BY id").map { row in
                (file: row["file_name"], sha256: row["sha256"], bytes: row["bytes"])
            }
        }
    }

    /// How many rows pass between two calls of an ingest's `progress` closure.
    public static let progressInterval = 16_384

    /// The overlap key as text: `CHN PRK import 2015 2701 H4 UN_COMTRADE`. Two records with one key
    /// are one figure reported twice; the later replaces the earlier (in a store, and in a record stream).
    public static func key(_ record: TradeRecord) -> String {
        [record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.period.description, record.commodity.description,
         record.classification ?? "-", record.sourceID].joined(separator: " ")
    }

    /// A 64-bit hash of the fields of ``key(_:)`` (for the dry run's overlap check; see ``KeyHashes``).
    static func keyHash(_ record: TradeRecord) -> Int {
        var hashes = KeyHashes()
        return hashes.hash(record)
    }

    static let unitsByCode = Dictionary(QuantityUnit.allUnits.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

    static func fileRow(_ row: Row) throws(TradeIOError) -> TradeFileRow {
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
        // Figures stored as text or blobs by another tool are refused, not read as 0 (see StoredSeries.fileRow).
        func number(_ column: String) throws(TradeIOError) -> Double? {
            let stored: DatabaseValue = row[column]
            switch stored.storage {
            case .null: return nil
            case let .double(value) where value.isFinite: return value
            case let .int64(value): return Double(value)
            default:
                throw TradeIOError.store(path: "records", reason: "record \(reporterText) \(partnerText) \(flowText) \(periodText) \(commodityText) (line \(row["line"] as Int64? ?? 0)): column \(column) holds \(stored), which is not a finite number")
            }
        }
        var quantity: Quantity?
        if let amount = try number("quantity") {
            let code: Int = row["quantity_unit"] ?? -1
            guard let unit = unitsByCode[code] else { throw invalid("quantity_unit", String(code)) }
            quantity = Quantity(amount: amount, unit: unit)
        }
        let classification: String = row["classification"]
        let value = try number("value_usd"), netWeight = try number("net_weight_kg")
        let record = TradeRecord(
            period: period, reporter: reporter, partner: partner, flow: flow, commodity: commodity,
            commodityDescription: row["description"], classification: classification.isEmpty ? nil : classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity, netWeightKilograms: netWeight,
            isQuantityEstimated: row["quantity_estimated"], isNetWeightEstimated: row["net_weight_estimated"],
            sourceID: row["source_id"], note: row["note"])
        return TradeFileRow(line: row["line"], record: record, reporterNumericCode: row["reporter_code"],
                            partnerNumericCode: row["partner_code"], legacyEstimationFlag: row["legacy_flag"])
    }
}

// MARK: - Store access

extension TradeStore {
    /// Runs `body` in a read transaction of the store (``storeAccess(path:_:)``).
    func reading<Value>(_ body: (Database) throws -> Value) throws(TradeIOError) -> Value {
        try Self.storeAccess(path: path) { try queue.read(body) }
    }

    /// Runs `body` in a write transaction of the store (``storeAccess(path:_:)``).
    func writing<Value>(_ body: (Database) throws -> Value) throws(TradeIOError) -> Value {
        try Self.storeAccess(path: path) { try queue.write(body) }
    }

    /// Runs `body`, which reads or writes the store at `path` through GRDB, and gives its errors their type:
    /// a `TradeIOError` thrown inside passes unchanged, any other error (GRDB's `DatabaseError`, SQLite's) becomes
    /// ``TradeIOError/store(path:reason:)`` (``storeError(_:path:)``). The one place where store errors are mapped.
    @discardableResult
    static func storeAccess<Value>(path: String, _ body: () throws -> Value) throws(TradeIOError) -> Value {
        do {
            return try body()
        } catch {
            throw storeError(error, path: path)
        }
    }

    /// `error` as a `TradeIOError`: itself when it is one, else ``TradeIOError/store(path:reason:)`` with its description.
    static func storeError(_ error: any Error, path: String) -> TradeIOError {
        error as? TradeIOError ?? .store(path: path, reason: "\(error)")
    }

    /// ``storeAccess(path:_:)`` for this store.
    @discardableResult
    func storeAccess<Value>(_ body: () throws -> Value) throws(TradeIOError) -> Value {
        try Self.storeAccess(path: path, body)
    }
}

/// The size in bytes of a regular file; nil for a pipe, a terminal or a path that cannot be read.
func regularFileSize(_ path: String) -> Int64? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    return Int64(status.st_size)
}

/// A streamed file whose bytes were ingested before: thrown to roll its transaction back.
private struct AlreadyIngested: Error {
    let summary: IngestSummary
}

/// The state of one dry run (``TradeStore/validate(file:displayName:strict:reject:progress:)``).
private struct DryRun {
    /// How the file is named in messages.
    let name: String
    /// Stop at the first rejected or repeated row.
    let strict: Bool
    var counts = Counts()
    /// Strict: a set, so that the first repeated key stops the read at its line (before any later
    /// bad row). Otherwise: the hashes are logged and their repeats counted once at the end.
    var keys: Set<Int> = []
    var log = KeyHashLog()
    var hashes = KeyHashes()

    /// Counts one row's outcome (see ``Counts/tally(_:strict:reject:keep:)``), calling `progress` first every
    /// ``TradeStore/progressInterval`` rows; returns `true` (read on).
    @inline(__always)
    mutating func check(_ outcome: Result<TradeFileRow, TradeIOError>, reject: (TradeIOError) throws(TradeIOError) -> Void,
                       progress: (Int) -> Void) throws(TradeIOError) -> Bool {
        if counts.handled % TradeStore.progressInterval == 0 { progress(counts.handled) }
        let strict = strict
        try counts.tally(outcome, strict: strict, reject: reject) { (row) throws(TradeIOError) -> Bool in
            guard strict else {
                log.append(hashes.hash(row.record))
                return false
            }
            if !keys.insert(hashes.hash(row.record)).inserted {
                throw TradeIOError.overlappingRecord(SourceLocation(file: name, line: row.line), key: TradeStore.key(row.record), previousFile: name)
            }
            return false
        }
        return true
    }
}

/// Running counts of one file's rows.
struct Counts {
    var kept = 0, rejected = 0, replaced = 0, suspect = 0, setAside = 0

    /// Rows handled so far (kept plus rejected).
    var handled: Int { kept + rejected }

    /// Counts one outcome; calls `keep` for a row (which says whether it replaced one), `reject` (or throws, when strict) for an error.
    /// A row whose quantity was set aside is kept and its notice handed to `reject`; when strict, its error is thrown instead.
    mutating func tally(_ outcome: Result<TradeFileRow, TradeIOError>, strict: Bool, reject: (TradeIOError) throws(TradeIOError) -> Void,
                       keep: (TradeFileRow) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        switch outcome {
        case let .success(row):
            if let aside = row.quantitySetAside {
                if strict { throw aside.strictError }
                setAside += 1
                try reject(aside.notice)
            }
            if try keep(row) { replaced += 1 }
            kept += 1
            if row.hasSuspectQuantityOrNetWeight { suspect += 1 }
        case let .failure(error):
            if strict { throw error }
            rejected += 1
            try reject(error)
        }
    }

    func summary(file: String, sha256: String, layout: TradeFileLayout, alreadyIngested: Bool, dryRun: Bool) -> IngestSummary {
        IngestSummary(file: file, sha256: sha256, layout: layout, rowsRead: kept + rejected, rowsKept: kept, rowsRejected: rejected,
                      rowsReplaced: replaced, suspectQuantityRows: suspect, quantitySetAside: setAside, alreadyIngested: alreadyIngested,
                      dryRun: dryRun)
    }
}
