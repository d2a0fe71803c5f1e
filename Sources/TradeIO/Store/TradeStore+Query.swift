import Foundation
import GRDB
import GRDBSQLite
import TradeDomain

/// The order in which a store query hands out records.
///
/// Every order lists whole series one after another, each series' records by period; the orders differ in
/// the order of the series. Keys compare as stored text, byte by byte (ISO codes, flow names such as `export`
/// and `import`, commodity codes). Periods compare as text too, which is calendar order within a frequency
/// (`2015-01` < `2015-02` < `2015-12`); a series that holds periods of several frequencies lists, within a
/// year, the year first, then its months, then its quarters.
///
/// A group order (``partner``, ``reporter``, ``hsPrefix(_:)``) lists all records of one group before any of the
/// next, so that a caller can stream groups one after another from one query: a group ends where
/// ``groupKey(of:)`` changes.
public enum RecordOrder: Hashable, Sendable {
    /// Series by key (reporter, partner, flow, classification, commodity, source), then period.
    case seriesPeriod
    /// Series by key with the classification last (reporter, partner, flow, commodity, source, classification),
    /// then period: the series of one code under several HS versions (H4, H5) come one after another.
    case seriesKey
    /// By partner, then as ``seriesPeriod``.
    case partner
    /// By reporter, then as ``seriesPeriod`` (whose first field is the reporter).
    case reporter
    /// By the first 2, 4 or 6 characters of the commodity code, then as ``seriesPeriod``. HS codes group by
    /// chapter, heading or subheading; a code shorter than the prefix (chapter `27` under `hsPrefix(.subheading)`)
    /// is a group of its own, as are `TOTAL`, chapter ranges and sections (by their first characters).
    case hsPrefix(HSLevel)

    /// The key of the group a record belongs to: the partner's or the reporter's code, or the first characters
    /// of its commodity code; `nil` for ``seriesPeriod`` and ``seriesKey``, which have no groups.
    ///
    /// - Parameter record: A record handed out by a query in this order.
    /// - Returns: The group key, which changes exactly where a group ends.
    public func groupKey(of record: TradeRecord) -> String? {
        switch self {
        case .seriesPeriod, .seriesKey: nil
        case .partner: record.partner.iso3
        case .reporter: record.reporter.iso3
        case let .hsPrefix(level): String(record.commodity.description.utf8.prefix(level.rawValue)) ?? ""
        }
    }

    /// The `ORDER BY` of the `series` query (alias `s`).
    var seriesOrderSQL: String {
        let key = "s.reporter, s.partner, s.flow, s.classification, s.commodity, s.source_id"
        return switch self {
        case .seriesPeriod, .reporter: key
        case .seriesKey: "s.reporter, s.partner, s.flow, s.commodity, s.source_id, s.classification"
        case .partner: "s.partner, " + key
        case let .hsPrefix(level): "substr(s.commodity, 1, \(level.rawValue)), " + key
        }
    }
}

/// A field of a stored record, for ``TradeStore/distinctValues(_:matching:)``.
public enum RecordField: String, Hashable, Sendable, CaseIterable {
    /// The reporter's code.
    case reporter
    /// The partner's code.
    case partner
    /// The flow (``TradeFlow/rawValue``).
    case flow
    /// The commodity code (``CommodityCode/description``).
    case commodity
    /// The classification (`H4`, `HS`, ...); records without one are not counted.
    case classification
    /// The source identifier.
    case source
    /// The frequency (``Frequency/rawValue``).
    case frequency
    /// The period (``Period/description``).
    case period
}

extension TradeStore {
    /// What store queries read: the series selected, the records handed out, and how many steps SQLite spent
    /// scanning a whole table rather than searching an index.
    ///
    /// A query reads the `series` rows its filter selects, then, for each of them, that series' records in the
    /// filter's period range through the `records_key (series_id, period)` index. So ``recordsRead`` is the
    /// number of records handed out, and ``recordsFullScanSteps`` is 0 for every query: `records` is never
    /// scanned. ``seriesFullScanSteps`` is the number of `series` rows stepped over when no index serves the
    /// selection (a selection by flow or period alone, or a store of schema version 2 selected by partner).
    public struct QueryStatistics: Hashable, Sendable {
        /// Queries run.
        public var queries: Int
        /// Series selected (rows of `series` that passed the filter).
        public var seriesRead: Int
        /// Records fetched (and handed out).
        public var recordsRead: Int
        /// Steps of full scans of `series` (SQLite's `SQLITE_STMTSTATUS_FULLSCAN_STEP`).
        public var seriesFullScanSteps: Int
        /// Steps of full scans in the records statements (0 when every record came through an index).
        public var recordsFullScanSteps: Int

        /// Statistics.
        public init(queries: Int = 0, seriesRead: Int = 0, recordsRead: Int = 0, seriesFullScanSteps: Int = 0, recordsFullScanSteps: Int = 0) {
            self.queries = queries
            self.seriesRead = seriesRead
            self.recordsRead = recordsRead
            self.seriesFullScanSteps = seriesFullScanSteps
            self.recordsFullScanSteps = recordsFullScanSteps
        }

        /// The sum of two statistics.
        public static func + (lhs: QueryStatistics, rhs: QueryStatistics) -> QueryStatistics {
            QueryStatistics(
                queries: lhs.queries + rhs.queries, seriesRead: lhs.seriesRead + rhs.seriesRead, recordsRead: lhs.recordsRead + rhs.recordsRead,
                seriesFullScanSteps: lhs.seriesFullScanSteps + rhs.seriesFullScanSteps,
                recordsFullScanSteps: lhs.recordsFullScanSteps + rhs.recordsFullScanSteps)
        }
    }

    /// What the record queries of this store (``forEachRow(matching:order:_:)`` and the calls built on it) have
    /// read since it was opened.
    public var statistics: QueryStatistics { readCounter.value }

    /// Hands the stored records that pass a filter to `body`, one at a time, in `order`.
    ///
    /// Exactly the records for which ``RecordFilter/matches(_:)`` is `true` (tested differentially). The filter
    /// becomes SQL (``RecordQuery``): the series are selected from the small `series` table (reporters, partners,
    /// flows as `IN` lists, each commodity as a range of the code text, served by the indexes of schema version 3),
    /// then each series' records in the period range are read through the unique index on (series, period).
    /// Records stream through a cursor: memory does not grow with the store or the answer.
    ///
    /// `body` runs inside a read transaction of the store (other processes may write meanwhile; this query sees
    /// the store as it was when it began) and must not use this store itself.
    ///
    /// - Parameters:
    ///   - filter: The records wanted.
    ///   - order: The order of the series (``RecordOrder``); each series' records come by period.
    ///   - body: Called with each record; an error it throws ends the query and is rethrown unchanged.
    /// - Returns: What the query read.
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value; `body`'s errors.
    @discardableResult
    public func forEachRecord(matching filter: RecordFilter, order: RecordOrder = .seriesPeriod,
                              _ body: (TradeRecord) throws -> Void) throws -> QueryStatistics {
        try forEachRow(matching: filter, order: order) { try body($0.record) }
    }

    /// The stored records that pass a filter, in `order` (see ``forEachRecord(matching:order:_:)``).
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value.
    public func records(matching filter: RecordFilter, order: RecordOrder = .seriesPeriod) throws(TradeIOError) -> [TradeRecord] {
        var records: [TradeRecord] = []
        try storeAccess { try forEachRow(matching: filter, order: order) { records.append($0.record) } }
        return records
    }

    /// The stored rows (records with their numeric area codes, legacy estimation flag and line) that pass a
    /// filter, in `order` (see ``forEachRow(matching:order:_:)``).
    ///
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value.
    public func rows(matching filter: RecordFilter, order: RecordOrder = .seriesPeriod) throws(TradeIOError) -> [TradeFileRow] {
        var rows: [TradeFileRow] = []
        try storeAccess { try forEachRow(matching: filter, order: order) { rows.append($0) } }
        return rows
    }

    /// Hands the stored rows that pass a filter to `body`, one at a time, in `order`: each record with its
    /// numeric area codes, legacy estimation flag and the line it came from (what `export` writes).
    ///
    /// See ``forEachRecord(matching:order:_:)`` for the records selected, the order and the reading.
    ///
    /// - Parameters:
    ///   - filter: The records wanted.
    ///   - order: The order of the series; each series' records come by period.
    ///   - body: Called with each row; an error it throws ends the query and is rethrown unchanged.
    /// - Returns: What the query read.
    /// - Throws: `TradeIOError.store` when the store cannot be read or holds an invalid value; `body`'s errors.
    @discardableResult
    public func forEachRow(matching filter: RecordFilter, order: RecordOrder = .seriesPeriod,
                           _ body: (TradeFileRow) throws -> Void) throws -> QueryStatistics {
        let query = RecordQuery(filter)
        var statistics = QueryStatistics(queries: 1)
        defer { readCounter.add(statistics) }
        if query.matchesNothing { return statistics }
        do {
            try queue.read { db in
                let seriesStatement = try db.makeStatement(sql: query.seriesSQL(order: order))
                let recordsStatement = try db.makeStatement(sql: query.recordsSQL)
                var descriptions = DescriptionCache(try db.makeStatement(sql: "SELECT text FROM descriptions WHERE id = ?"))
                defer {
                    statistics.seriesFullScanSteps += Int(sqlite3_stmt_status(seriesStatement.sqliteStatement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0))
                    statistics.recordsFullScanSteps += Int(sqlite3_stmt_status(recordsStatement.sqliteStatement, SQLITE_STMTSTATUS_FULLSCAN_STEP, 0))
                }
                // The period bounds are bound once; each series rebinds only its id (parameter 1). The records are
                // stepped through SQLite's C API and their columns read in place, without a GRDB `Row` per record.
                try recordsStatement.setArguments([Int64(0)] + query.periodArguments)
                let handle = recordsStatement.sqliteStatement
                let series = try Row.fetchCursor(seriesStatement, arguments: query.seriesArguments)
                while let seriesRow = try series.next() {
                    statistics.seriesRead += 1
                    let id: Int64 = seriesRow[0]
                    let key = try StoredSeries(seriesRow, store: path)
                    sqlite3_reset(handle)
                    sqlite3_bind_int64(handle, 1, id)
                    while true {
                        let code = sqlite3_step(handle)
                        if code == SQLITE_DONE { break }
                        guard code == SQLITE_ROW else {
                            throw TradeIOError.store(path: path, reason: String(cString: sqlite3_errmsg(db.sqliteConnection)))
                        }
                        statistics.recordsRead += 1
                        let row = try key.fileRow(handle, descriptions: &descriptions, store: path)
                        do {
                            try body(row)
                        } catch {
                            throw CallerError(error: error)
                        }
                    }
                }
                sqlite3_reset(handle)
            }
        } catch let error as CallerError {
            throw error.error
        } catch {
            throw Self.storeError(error, path: path)
        }
        return statistics
    }

    /// The values of a field that the records passing a filter have, each once, in order (text order; commodity
    /// codes with `TOTAL` first; frequencies from annual to monthly; periods in calendar order as ``Period``
    /// orders them).
    ///
    /// For saying what a store holds when a selection matches nothing: "no records for partner XXX; partners
    /// with records for CHN, HS 27: AGO, AUS, ..." is `distinctValues(.partner, matching:)` with the filter
    /// without its partners. The key fields come from the `series` table, each series checked to have a record
    /// in the filter's period range through the `records_key` index; frequencies and periods read the period of
    /// every record selected from that index alone (never the `records` table).
    ///
    /// - Parameters:
    ///   - field: The field.
    ///   - filter: The records considered.
    /// - Returns: The distinct values, as stored text.
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func distinctValues(_ field: RecordField, matching filter: RecordFilter) throws(TradeIOError) -> [String] {
        let query = RecordQuery(filter)
        if query.matchesNothing { return [] }
        let seriesWhere = query.seriesConditions.isEmpty ? "" : " AND " + query.seriesConditions.joined(separator: " AND ")
        let periodWhere = query.periodConditions.map { " AND " + $0 }.joined()
        let exists = "EXISTS (SELECT 1 FROM records r WHERE r.series_id = s.id\(periodWhere))"
        let sql: String
        var arguments = query.periodArguments + query.seriesArguments
        switch field {
        case .reporter, .partner, .flow, .commodity, .classification, .source:
            let column = field == .source ? "source_id" : field.rawValue
            let empty = field == .classification ? " AND s.classification <> ''" : ""
            sql = "SELECT DISTINCT s.\(column) FROM series s WHERE \(exists)\(seriesWhere)\(empty) ORDER BY 1"
        case .frequency, .period:
            let value = field == .period ? "r.period" : """
                CASE WHEN length(r.period) = 4 THEN 'annual' WHEN substr(r.period, 6, 1) = 'Q' THEN 'quarterly' ELSE 'monthly' END
                """
            sql = "SELECT DISTINCT \(value) FROM series s CROSS JOIN records r ON r.series_id = s.id WHERE 1\(seriesWhere)\(periodWhere)"
            arguments = query.seriesArguments + query.periodArguments
        }
        let values = try reading { db in try String.fetchAll(db, sql: sql, arguments: arguments) }
        switch field {
        case .commodity:
            return values.filter { $0 == "TOTAL" } + values.filter { $0 != "TOTAL" }
        case .frequency:
            return Frequency.allCases.map(\.rawValue).filter(values.contains)
        case .period:
            return try values.map { (text) throws(TradeIOError) -> Period in
                guard let period = try? Period(parsing: text) else {
                    throw TradeIOError.store(path: path, reason: "column records.period holds '\(text)', which is not valid")
                }
                return period
            }.sorted().map(\.description)
        default:
            return values
        }
    }

    /// The SQL statements a record query runs, as `EXPLAIN QUERY PLAN` describes them (for tests and for
    /// checking a store's indexes): the plan of the `series` statement, then that of the records statement.
    ///
    /// - Parameters:
    ///   - filter: The records wanted.
    ///   - order: The order of the series.
    /// - Returns: The `detail` column of each plan, in order; empty when the filter can match nothing.
    /// - Throws: `TradeIOError.store` when the store cannot be read.
    public func queryPlan(matching filter: RecordFilter, order: RecordOrder = .seriesPeriod) throws(TradeIOError) -> (series: [String], records: [String]) {
        let query = RecordQuery(filter)
        if query.matchesNothing { return ([], []) }
        return try reading { db in
            let series = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.seriesSQL(order: order), arguments: query.seriesArguments)
                .map { $0["detail"] as String }
            let records = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + query.recordsSQL, arguments: [Int64(0)] + query.periodArguments)
                .map { $0["detail"] as String }
            return (series, records)
        }
    }
}

/// An error thrown by a query's caller (its `body`), carried out of the read unchanged.
private struct CallerError: Error {
    let error: any Error
}

/// The key fields of one `series` row, decoded once for all its records.
private struct StoredSeries {
    let reporter: CountryCode
    let partner: CountryCode
    let flow: TradeFlow
    let classification: String?
    let commodity: CommodityCode
    let sourceID: String

    /// Decodes the columns id, reporter, partner, flow, classification, commodity, source_id.
    init(_ row: Row, store: String) throws(TradeIOError) {
        func invalid(_ column: String, _ value: String) -> TradeIOError {
            let id: Int64 = row[0]
            return TradeIOError.store(path: store, reason: "series \(id): column \(column) holds '\(value)', which is not valid")
        }
        let reporterText: String = row[1], partnerText: String = row[2], flowText: String = row[3], commodityText: String = row[5]
        guard let reporter = try? CountryCode(reporterText) else { throw invalid("reporter", reporterText) }
        guard let partner = try? CountryCode(partnerText) else { throw invalid("partner", partnerText) }
        guard let flow = TradeFlow(rawValue: flowText) else { throw invalid("flow", flowText) }
        guard let commodity = try? CommodityCode(parsing: commodityText) else { throw invalid("commodity", commodityText) }
        let classification: String = row[4]
        self.reporter = reporter
        self.partner = partner
        self.flow = flow
        self.classification = classification.isEmpty ? nil : classification
        self.commodity = commodity
        sourceID = row[6]
    }

    /// The row of a record of this series: the current row of `handle` (columns of ``RecordQuery/recordsSQL``).
    func fileRow(_ handle: OpaquePointer, descriptions: inout DescriptionCache, store: String) throws -> TradeFileRow {
        func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
        func integer(_ column: Int32) -> Int? { isNull(column) ? nil : Int(sqlite3_column_int64(handle, column)) }
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(handle, column) else { return nil }
            return String(decoding: UnsafeBufferPointer(start: bytes, count: Int(sqlite3_column_bytes(handle, column))), as: UTF8.self)
        }
        guard let periodBytes = sqlite3_column_text(handle, 0),
              let period = Self.period(UnsafeBufferPointer(start: periodBytes, count: Int(sqlite3_column_bytes(handle, 0)))) else {
            throw TradeIOError.store(path: store, reason: "column records.period holds '\(text(0) ?? "NULL")', which is not a period as stored")
        }
        // A figure must be stored as a number: text or a blob written by another tool is refused, naming the
        // record, as a period that is not one is (sqlite3_column_double would read it as 0).
        func number(_ column: Int32, _ name: String) throws -> Double? {
            let type = sqlite3_column_type(handle, column)
            if type == SQLITE_NULL { return nil }
            let value = sqlite3_column_double(handle, column)
            if (type == SQLITE_FLOAT || type == SQLITE_INTEGER) && value.isFinite { return value }
            let shown = type == SQLITE_BLOB ? "a blob of \(sqlite3_column_bytes(handle, column)) bytes"
                : type == SQLITE_TEXT ? "the text '\(text(column).map { String($0.prefix(40)) } ?? "")'" : "\(value)"
            let key = [reporter.iso3, partner.iso3, flow.rawValue, period.description, commodity.description, classification ?? "-", sourceID]
            throw TradeIOError.store(path: store, reason: "record \(key.joined(separator: " ")) (line \(sqlite3_column_int64(handle, 12))): column records.\(name) holds \(shown), which is not a finite number")
        }
        let value = try number(4, "value_usd"), netWeight = try number(7, "net_weight_kg")
        var quantity: Quantity?
        if let amount = try number(5, "quantity") {
            let code = integer(6) ?? -1
            guard let unit = TradeStore.unitsByCode[code] else {
                throw TradeIOError.store(path: store, reason: "column records.quantity_unit holds '\(code)', which is not valid")
            }
            quantity = Quantity(amount: amount, unit: unit)
        }
        let description = try integer(3).map { try descriptions.text(Int64($0), store: store) }
        let record = TradeRecord(
            period: period, reporter: reporter, partner: partner, flow: flow, commodity: commodity,
            commodityDescription: description, classification: classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity, netWeightKilograms: netWeight,
            isQuantityEstimated: sqlite3_column_int64(handle, 8) != 0, isNetWeightEstimated: sqlite3_column_int64(handle, 9) != 0,
            sourceID: sourceID, note: text(11))
        return TradeFileRow(line: Int(sqlite3_column_int64(handle, 12)), record: record, reporterNumericCode: integer(1),
                            partnerNumericCode: integer(2), legacyEstimationFlag: integer(10))
    }

    /// A period from its stored text (``Period/description``: `2015`, `2015-Q1`, `2015-03`); `nil` for any other text.
    static func period(_ bytes: UnsafeBufferPointer<UInt8>) -> Period? {
        func digit(_ index: Int) -> Int? {
            let byte = bytes[index]
            return byte >= 48 && byte <= 57 ? Int(byte - 48) : nil
        }
        guard bytes.count == 4 || bytes.count == 7, let a = digit(0), let b = digit(1), let c = digit(2), let d = digit(3) else { return nil }
        let year = a * 1000 + b * 100 + c * 10 + d
        guard Period.validYears.contains(year) else { return nil }
        if bytes.count == 4 { return Period(year: year) }
        guard bytes[4] == UInt8(ascii: "-") else { return nil }
        if bytes[5] == UInt8(ascii: "Q") {
            guard let quarter = digit(6) else { return nil }
            return try? Period(year: year, quarter: quarter)
        }
        guard let tens = digit(5), let units = digit(6) else { return nil }
        return try? Period(year: year, month: tens * 10 + units)
    }
}

/// The descriptions a query has met, by id: each read from `descriptions` once, then shared by its records.
private struct DescriptionCache {
    let statement: Statement
    var texts: [Int64: String] = [:]

    init(_ statement: Statement) {
        self.statement = statement
    }

    mutating func text(_ id: Int64, store: String) throws -> String {
        if let text = texts[id] { return text }
        guard let text = try String.fetchOne(statement, arguments: [id]) else {
            throw TradeIOError.store(path: store, reason: "records refer to description \(id), which is not in descriptions")
        }
        texts[id] = text
        return text
    }
}

/// What a store's queries have read, added up under a lock (a store may be queried from several threads).
final class ReadCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = TradeStore.QueryStatistics()

    var value: TradeStore.QueryStatistics {
        lock.lock()
        defer { lock.unlock() }
        return total
    }

    func add(_ statistics: TradeStore.QueryStatistics) {
        lock.lock()
        total = total + statistics
        lock.unlock()
    }
}
