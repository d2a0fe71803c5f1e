import Foundation
import GRDB
import GRDBSQLite
import TradeDomain

/// Writes the rows of one file into a store inside the caller's write transaction (``TradeStore/ingest``).
///
/// Rows are written in batches of ``sortBatch`` sorted by key (series, period), not in file order, so that
/// the key index is filled in its own order whatever the order of the file (period-major, shuffled).
///
/// Each row's series key (reporter, partner, flow, classification, commodity, source) and description are
/// looked up in bounded caches (the previous row's first, as files run series by series), then in the
/// `series` and `descriptions` tables, and added when new. Records are bound through the SQLite C API
/// into one upsert of ``rowsPerStatement`` rows (`INSERT ... ON CONFLICT (series_id, period) DO UPDATE`):
/// a row whose (series, period) is stored already, from an earlier file or earlier in this one, replaces
/// it, later rows winning as in file order (rows of one key keep their file order within a sorted batch,
/// and batches are written in file order). How many rows replaced one is known at the end (``finish()``):
/// SQLite gives a new record the rowid after the largest, and records are never deleted, so the records
/// added are the growth of `max(rowid)`. Under `strict` each row is inserted alone and the first one whose
/// key is stored is an error naming the file it came from.
///
/// Memory: the caches hold at most ``cacheLimit`` keys each and are emptied when full (a miss costs one
/// indexed lookup), and a sort batch at most ``sortBatch`` rows, so an ingest's memory does not grow with the file.
final class RecordWriter {
    private let db: Database
    private let provenanceID: Int64
    private let strict: Bool
    private let fileName: String
    /// Strict: one row, `ON CONFLICT DO NOTHING`. Otherwise: the upsert of ``rowsPerStatement`` rows, and of one row.
    private let insert: Statement
    private let upsert: Statement
    private let upsertOne: Statement
    private let findSeries: Statement
    private let addSeries: Statement
    private let findDescription: Statement
    private let addDescription: Statement
    private let previousFile: Statement
    private var seriesIDs: [SeriesKey: Int64] = [:]
    private var lastSeries: (key: SeriesKey, id: Int64)?
    private var descriptionIDs: [String: Int64] = [:]
    private var lastDescription: (text: String, id: Int64)?
    /// The periods' text of the rows of one statement (8 bytes per row), bound without a copy (`SQLITE_STATIC`).
    private let periodBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 8 * RecordWriter.rowsPerStatement)
    /// Rows waiting to be sorted and written (fewer than ``sortBatch``).
    private var pending: [RecordValues] = []
    private let sortBatchSize: Int
    /// The sort keys of the pending rows (reused from batch to batch).
    private var order: [SortKey] = []
    /// Rows written (non-strict), and `max(rowid)` of `records` before the first.
    private var written = 0
    private let largestRowIDBefore: Int64

    /// The most keys each cache holds before it is emptied.
    static let cacheLimit = 65_536
    /// Rows per upsert statement: 32 rows of 15 values (SQLite allows 32,766), so that starting and ending
    /// statements is a small part of SQLite's work.
    static let rowsPerStatement = 32
    /// Rows sorted by key before they are written (non-strict): 131,072 rows of about 200 bytes, so a batch
    /// holds at most some 28 MB whatever the file's size, while rows of a file not in key order reach the
    /// key index in order within each batch (the sizes tried: Benchmarks/README.md). The
    /// environment variable `TRADESCOPE_INGEST_SORT_BATCH` (rows, at least 32) overrides it, so that a test
    /// can show with small inputs that memory stops growing once a batch is full.
    static let sortBatch = max(32, Int(ProcessInfo.processInfo.environment["TRADESCOPE_INGEST_SORT_BATCH"] ?? "") ?? (1 << 17))

    /// The columns of `records` in the order they are bound.
    private static let recordColumns = """
        (series_id, period, reporter_code, partner_code, description_id, value_usd, quantity, quantity_unit, net_weight_kg,
         quantity_estimated, net_weight_estimated, legacy_flag, note, provenance_id, line)
        """
    private static let valuesPerRow: Int32 = 15

    /// Prepares the statements of one file.
    ///
    /// - Parameters:
    ///   - db: The store, inside a write transaction.
    ///   - provenanceID: The file's `provenance` row.
    ///   - strict: Throw at the first row whose key is stored already, instead of replacing the record.
    ///   - fileName: The file being ingested (named in that error when the key repeats within the file).
    ///   - sortBatch: Rows sorted and written together (``sortBatch`` by default; small in tests).
    /// - Throws: A GRDB `DatabaseError` when a statement cannot be prepared.
    init(db: Database, provenanceID: Int64, strict: Bool, fileName: String, sortBatch: Int = RecordWriter.sortBatch) throws {
        self.db = db
        self.sortBatchSize = max(1, sortBatch)
        self.provenanceID = provenanceID
        self.strict = strict
        self.fileName = fileName
        let row = "(" + Array(repeating: "?", count: Int(Self.valuesPerRow)).joined(separator: ", ") + ")"
        let onConflict = " ON CONFLICT (series_id, period) DO UPDATE SET " + """
            reporter_code = excluded.reporter_code, partner_code = excluded.partner_code, description_id = excluded.description_id,
            value_usd = excluded.value_usd, quantity = excluded.quantity, quantity_unit = excluded.quantity_unit,
            net_weight_kg = excluded.net_weight_kg, quantity_estimated = excluded.quantity_estimated,
            net_weight_estimated = excluded.net_weight_estimated, legacy_flag = excluded.legacy_flag, note = excluded.note,
            provenance_id = excluded.provenance_id, line = excluded.line
            """
        insert = try db.makeStatement(sql: "INSERT INTO records " + Self.recordColumns + " VALUES " + row + " ON CONFLICT DO NOTHING")
        upsert = try db.makeStatement(sql: "INSERT INTO records " + Self.recordColumns + " VALUES "
                                      + Array(repeating: row, count: Self.rowsPerStatement).joined(separator: ", ") + onConflict)
        upsertOne = try db.makeStatement(sql: "INSERT INTO records " + Self.recordColumns + " VALUES " + row + onConflict)
        findSeries = try db.makeStatement(sql: """
            SELECT id FROM series
            WHERE reporter = ? AND partner = ? AND flow = ? AND classification = ? AND commodity = ? AND source_id = ?
            """)
        addSeries = try db.makeStatement(sql: """
            INSERT INTO series (reporter, partner, flow, classification, commodity, source_id) VALUES (?, ?, ?, ?, ?, ?)
            """)
        findDescription = try db.makeStatement(sql: "SELECT id FROM descriptions WHERE text = ?")
        addDescription = try db.makeStatement(sql: "INSERT INTO descriptions (text) VALUES (?)")
        previousFile = try db.makeStatement(sql: """
            SELECT p.file_name FROM records r JOIN provenance p ON p.id = r.provenance_id WHERE r.series_id = ? AND r.period = ?
            """)
        largestRowIDBefore = try Self.largestRowID(db)
    }

    deinit {
        periodBuffer.deallocate()
    }

    /// `max(rowid)` of `records`, 0 when empty (SQLite reads it from the end of the table).
    private static func largestRowID(_ db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT max(rowid) FROM records") ?? 0
    }

    /// Stores one row (or adds it to the pending batch; ``finish()`` writes the rest).
    ///
    /// - Throws: `TradeIOError.overlappingRecord` (strict), or a GRDB `DatabaseError` when SQLite fails.
    func write(_ row: TradeFileRow) throws {
        let record = row.record
        let series = try seriesID(of: record)
        let description = try record.commodityDescription.map { try descriptionID(of: $0) }
        guard strict else {
            let period = Self.periodText(record.period, into: periodBuffer)
            pending.append(RecordValues(row, series: series, period: period, description: description))
            if pending.count == sortBatchSize { try flush() }
            return
        }
        let period = Self.periodText(record.period, into: periodBuffer)
        bind(insert, at: 0, RecordValues(row, series: series, period: period, description: description), period: periodBuffer)
        if try step(insert) { return }
        // The key is stored already (from an earlier file or earlier in this one).
        bind(previousFile, 1, series)
        bind(previousFile, 2, record.period.description)
        let previous = try fetchText(previousFile) ?? fileName
        throw TradeIOError.overlappingRecord(SourceLocation(file: fileName, line: row.line), key: TradeStore.key(record), previousFile: previous)
    }

    /// Writes the pending batch in key order (series, period; rows of one key in file order, so that the
    /// later one wins as in file order): the upsert of ``rowsPerStatement`` rows, then the rest one by one.
    ///
    /// Sorted, the batch reaches the `records` key index as a sweep from its start to its end, whatever the
    /// file's order: in a file ordered by period (as the Comtrade+ API and bulk files are) or shuffled, each
    /// row unsorted landed on another page of the index, and SQLite's moving of cells and writing of pages
    /// dominated the ingest.
    private func flush() throws {
        // The order is sorted as small keys (24 bytes a row), not the rows themselves.
        order.removeAll(keepingCapacity: true)
        for (index, values) in pending.enumerated() {
            order.append(SortKey(series: values.series, period: values.periodKey, index: Int32(truncatingIfNeeded: index)))
        }
        order.sort { a, b in a.series != b.series ? a.series < b.series : a.period != b.period ? a.period < b.period : a.index < b.index }
        var start = 0
        while start + Self.rowsPerStatement <= order.count {
            for slot in 0..<Self.rowsPerStatement {
                let values = pending[Int(order[start + slot].index)]
                let period = periodBuffer + 8 * slot
                values.writePeriod(into: period)
                bind(upsert, at: Int32(slot) * Self.valuesPerRow, values, period: period)
            }
            _ = try step(upsert)
            start += Self.rowsPerStatement
        }
        for key in order[start...] {
            let values = pending[Int(key.index)]
            values.writePeriod(into: periodBuffer)
            bind(upsertOne, at: 0, values, period: periodBuffer)
            _ = try step(upsertOne)
        }
        written += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Writes the rows still pending.
    ///
    /// - Returns: How many rows replaced a stored record (0 under `strict`, where that is an error).
    /// - Throws: A GRDB `DatabaseError` when SQLite fails.
    func finish() throws -> Int {
        guard !strict else { return 0 }
        try flush()
        let added = try Self.largestRowID(db) - largestRowIDBefore
        return written - Int(added)
    }

    /// The id of a record's series, added to `series` when new.
    private func seriesID(of record: TradeRecord) throws -> Int64 {
        if let lastSeries, lastSeries.key.matches(record) { return lastSeries.id }
        let key = SeriesKey(record)
        let id: Int64
        if let cached = seriesIDs[key] {
            id = cached
        } else {
            let texts = [key.reporter.iso3, key.partner.iso3, key.flow.rawValue, key.classification, key.commodity.description, key.sourceID]
            for (index, text) in texts.enumerated() { bind(findSeries, Int32(index + 1), text) }
            if let found = try fetchInteger(findSeries) {
                id = found
            } else {
                for (index, text) in texts.enumerated() { bind(addSeries, Int32(index + 1), text) }
                _ = try step(addSeries)
                id = db.lastInsertedRowID
            }
            if seriesIDs.count >= Self.cacheLimit { seriesIDs.removeAll(keepingCapacity: true) }
            seriesIDs[key] = id
        }
        lastSeries = (key, id)
        return id
    }

    /// The id of a description, added to `descriptions` when new.
    private func descriptionID(of text: String) throws -> Int64 {
        if let lastDescription, lastDescription.text == text { return lastDescription.id }
        let id: Int64
        if let cached = descriptionIDs[text] {
            id = cached
        } else {
            bind(findDescription, 1, text)
            if let found = try fetchInteger(findDescription) {
                id = found
            } else {
                bind(addDescription, 1, text)
                _ = try step(addDescription)
                id = db.lastInsertedRowID
            }
            if descriptionIDs.count >= Self.cacheLimit { descriptionIDs.removeAll(keepingCapacity: true) }
            descriptionIDs[text] = id
        }
        lastDescription = (text, id)
        return id
    }

    /// Binds a record's 15 values to parameters `offset + 1` to `offset + 15`; the period's text is read
    /// from `period` without a copy (it must stay there until the statement is stepped).
    private func bind(_ statement: Statement, at offset: Int32, _ values: RecordValues, period: UnsafeMutablePointer<UInt8>) {
        bind(statement, offset + 1, values.series)
        period.withMemoryRebound(to: CChar.self, capacity: values.periodLength) {
            _ = sqlite3_bind_text(statement.sqliteStatement, offset + 2, $0, Int32(values.periodLength), nil)
        }
        bind(statement, offset + 3, values.reporterCode)
        bind(statement, offset + 4, values.partnerCode)
        bind(statement, offset + 5, values.description)
        bind(statement, offset + 6, values.value)
        bind(statement, offset + 7, values.quantity)
        bind(statement, offset + 8, values.quantityUnit)
        bind(statement, offset + 9, values.netWeight)
        bind(statement, offset + 10, Int64(values.quantityEstimated ? 1 : 0))
        bind(statement, offset + 11, Int64(values.netWeightEstimated ? 1 : 0))
        bind(statement, offset + 12, values.legacyFlag)
        bind(statement, offset + 13, values.note)
        bind(statement, offset + 14, provenanceID)
        bind(statement, offset + 15, values.line)
    }

    /// Writes a period's text, as `Period.description` spells it (`2015`, `2015-Q1`, `2015-01`), into `buffer`
    /// (8 bytes) without making a `String` (it runs once per row).
    ///
    /// - Returns: The bytes written.
    static func periodText(_ period: Period, into buffer: UnsafeMutablePointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        let zero = UInt8(ascii: "0")
        var year = period.year  // 1000...9999 (Period.validYears): four digits
        for index in stride(from: 3, through: 0, by: -1) {
            buffer[index] = zero + UInt8(year % 10)
            year /= 10
        }
        switch period.frequency {
        case .annual:
            return UnsafeBufferPointer(start: buffer, count: 4)
        case .quarterly:
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = UInt8(ascii: "Q")
            buffer[6] = zero + UInt8(period.subperiod)
        case .monthly:
            buffer[4] = UInt8(ascii: "-")
            buffer[5] = zero + UInt8(period.subperiod / 10)
            buffer[6] = zero + UInt8(period.subperiod % 10)
        }
        return UnsafeBufferPointer(start: buffer, count: 7)
    }

    private func bind(_ statement: Statement, _ index: Int32, _ value: Int64?) {
        if let value { sqlite3_bind_int64(statement.sqliteStatement, index, value) } else { sqlite3_bind_null(statement.sqliteStatement, index) }
    }

    private func bind(_ statement: Statement, _ index: Int32, _ value: Double?) {
        if let value { sqlite3_bind_double(statement.sqliteStatement, index, value) } else { sqlite3_bind_null(statement.sqliteStatement, index) }
    }

    /// Binds text as a copy made by SQLite (`SQLITE_TRANSIENT`), so that the Swift string need not outlive the call.
    private func bind(_ statement: Statement, _ index: Int32, _ value: String?) {
        guard var value else { sqlite3_bind_null(statement.sqliteStatement, index); return }
        value.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { text in
                if let base = text.baseAddress, !text.isEmpty {
                    _ = sqlite3_bind_text(statement.sqliteStatement, index, base, Int32(text.count), Self.sqliteTransient)
                } else {
                    _ = sqlite3_bind_text(statement.sqliteStatement, index, "", 0, Self.sqliteTransient)
                }
            }
        }
    }

    /// Steps a statement that returns no row; returns whether it changed a row.
    private func step(_ statement: Statement) throws -> Bool {
        let handle = statement.sqliteStatement
        let code = sqlite3_step(handle)
        let changed = sqlite3_changes(db.sqliteConnection) > 0
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else { throw error(code, statement) }
        return changed
    }

    /// The first column of a query's first row as an integer, or nil when there is no row.
    private func fetchInteger(_ statement: Statement) throws -> Int64? {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_int64(handle, 0)
        case SQLITE_DONE: return nil
        case let code: throw error(code, statement)
        }
    }

    /// The first column of a query's first row as text, or nil when there is no row.
    private func fetchText(_ statement: Statement) throws -> String? {
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return sqlite3_column_text(handle, 0).map { String(cString: $0) }
        case SQLITE_DONE: return nil
        case let code: throw error(code, statement)
        }
    }

    private func error(_ code: Int32, _ statement: Statement) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: statement.sql)
    }

    /// SQLite copies bound text (`SQLITE_TRANSIENT`).
    private static let sqliteTransient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)
}

/// A pending row's place in the key order: series, period (``RecordValues/periodKey``), then its place in
/// the batch (file order).
private struct SortKey {
    let series: Int64
    let period: UInt64
    let index: Int32
}

/// The values of a record as `records` stores them (the values and SQLite types GRDB would bind), its
/// series and description as ids: what a row waiting for the next upsert keeps (no strings but a note).
private struct RecordValues {
    let series: Int64
    /// The period's text (at most 8 bytes), big-endian in a word padded with zero bytes: words compare as
    /// the texts do in SQLite's `BINARY` order (a prefix first), which is the order of the key index.
    let periodKey: UInt64
    let periodLength: Int
    let reporterCode: Int64?
    let partnerCode: Int64?
    let description: Int64?
    let value: Double?
    let quantity: Double?
    let quantityUnit: Int64?
    let netWeight: Double?
    let quantityEstimated: Bool
    let netWeightEstimated: Bool
    let legacyFlag: Int64?
    let note: String?
    let line: Int64

    init(_ row: TradeFileRow, series: Int64, period: UnsafeBufferPointer<UInt8>, description: Int64?) {
        let record = row.record
        self.series = series
        var key: UInt64 = 0
        for index in 0..<8 { key = key << 8 | UInt64(index < period.count ? period[index] : 0) }
        periodKey = key
        periodLength = period.count
        reporterCode = row.reporterNumericCode.map(Int64.init)
        partnerCode = row.partnerNumericCode.map(Int64.init)
        self.description = description
        value = record.value?.amount
        quantity = record.quantity?.amount
        quantityUnit = record.quantity.map { Int64($0.unit.code) }
        netWeight = record.netWeightKilograms
        quantityEstimated = record.isQuantityEstimated
        netWeightEstimated = record.isNetWeightEstimated
        legacyFlag = row.legacyEstimationFlag.map(Int64.init)
        note = record.note
        line = Int64(row.line)
    }

    /// Writes the period's text (``periodLength`` bytes) to `buffer` (8 bytes).
    func writePeriod(into buffer: UnsafeMutablePointer<UInt8>) {
        for index in 0..<8 { buffer[index] = UInt8(truncatingIfNeeded: periodKey >> UInt64(56 - 8 * index)) }
    }
}
