import Foundation
import TradeDomain
import TradeIO

/// A field of the records whose values a source can list (to say what a selection could have asked for).
public enum RecordKeyField: String, Sendable, CaseIterable {
    case reporter, partner, flow, code, period
}

/// Where the records of a query come from: the bundled data (in memory) or a store (SQL).
///
/// Every source answers a ``RecordFilter`` with exactly the records for which
/// `filter.matches(_:)` is true; a store does it in SQL so that a query's cost grows with its
/// answer, not with the store.
public protocol RecordSource: Sendable {
    /// "bundled" or "db:PATH", for the JSON `selection.source`.
    var label: String { get }
    /// The records matching a filter.
    ///
    /// - Throws: `TradeIOError` when the store cannot be read or holds an invalid value.
    func records(matching filter: RecordFilter) throws -> [TradeRecord]
    /// The distinct values of a field among the records matching a filter, sorted.
    func distinctValues(_ field: RecordKeyField, matching filter: RecordFilter) throws -> [String]
    /// The records matching a filter, one `--by` group after another in key order: `body` gets each
    /// group's key and records once (records that belong to no group are left out). A store reads
    /// them in one query ordered by the group key, holding one group's records at a time.
    func forEachGroup(matching filter: RecordFilter, by grouping: Grouping, _ body: (String, [TradeRecord]) throws -> Void) throws
}

extension RecordSource {
    /// The value of a key field of a record, as listed by ``distinctValues(_:matching:)``.
    static func value(_ field: RecordKeyField, of record: TradeRecord) -> String {
        switch field {
        case .reporter: return record.reporter.iso3
        case .partner: return record.partner.iso3
        case .flow: return record.flow.rawValue
        case .code: return record.commodity.description
        case .period: return record.period.description
        }
    }
}

/// The bundled data set, filtered in memory (a few thousand records).
public struct BundledRecordSource: RecordSource {
    /// Every bundled record.
    public let all: [TradeRecord]

    /// A source over records held in memory.
    public init(records: [TradeRecord]) {
        all = records
    }

    public var label: String { "bundled" }

    public func records(matching filter: RecordFilter) throws -> [TradeRecord] {
        all.filter(filter.matches)
    }

    public func distinctValues(_ field: RecordKeyField, matching filter: RecordFilter) throws -> [String] {
        Set(all.lazy.filter(filter.matches).map { Self.value(field, of: $0) }).sorted()
    }

    public func forEachGroup(matching filter: RecordFilter, by grouping: Grouping, _ body: (String, [TradeRecord]) throws -> Void) throws {
        var byKey: [String: [TradeRecord]] = [:]
        for record in all where filter.matches(record) {
            if let key = grouping.key(of: record) { byKey[key, default: []].append(record) }
        }
        for key in byKey.keys.sorted() { try body(key, byKey[key] ?? []) }
    }
}

/// A store made by `ingest`, queried through SQL.
public struct StoreRecordSource: RecordSource {
    /// The store.
    public let store: TradeStore

    /// A source over a store.
    public init(store: TradeStore) {
        self.store = store
    }

    public var label: String { "db:" + store.path }

    public func records(matching filter: RecordFilter) throws -> [TradeRecord] {
        try store.records(matching: filter)
    }

    public func distinctValues(_ field: RecordKeyField, matching filter: RecordFilter) throws -> [String] {
        let stored: RecordField
        switch field {
        case .reporter: stored = .reporter
        case .partner: stored = .partner
        case .flow: stored = .flow
        case .code: stored = .commodity
        case .period: stored = .period
        }
        return try store.distinctValues(stored, matching: filter).sorted()
    }

    public func forEachGroup(matching filter: RecordFilter, by grouping: Grouping, _ body: (String, [TradeRecord]) throws -> Void) throws {
        let order: RecordOrder
        switch grouping {
        case .partner: order = .partner
        case .reporter: order = .reporter
        case .hs2: order = .hsPrefix(.chapter)
        case .hs4: order = .hsPrefix(.heading)
        case .hs6: order = .hsPrefix(.subheading)
        }
        // One query in group order; a group's records are handed on when the next group starts.
        var currentKey: String?
        var current: [TradeRecord] = []
        func flush() throws {
            if let currentKey, !current.isEmpty { try body(currentKey, current) }
            current.removeAll(keepingCapacity: true)
        }
        try store.forEachRecord(matching: filter, order: order) { record in
            guard let key = grouping.key(of: record) else { return }
            if key != currentKey {
                try flush()
                currentKey = key
            }
            current.append(record)
        }
        try flush()
    }
}
