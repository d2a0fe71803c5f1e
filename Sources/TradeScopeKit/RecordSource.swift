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
        try store.records().filter(filter.matches)
    }

    public func distinctValues(_ field: RecordKeyField, matching filter: RecordFilter) throws -> [String] {
        Set(try records(matching: filter).map { Self.value(field, of: $0) }).sorted()
    }
}
