import Foundation
import TradeDomain
import TradeIO
import TrendAnalysis

/// The source of a workspace whose records arrive through a stream (`--input -`): it holds no
/// records itself (they are handed to ``RecordStream`` one at a time), and names the stream in
/// the JSON `selection.source` ("stream:stdin").
public struct StreamRecordSource: RecordSource {
    /// How the stream is named ("stdin").
    public let name: String

    /// A source named after its stream.
    public init(name: String) {
        self.name = name
    }

    public var label: String { "stream:" + name }

    public func records(matching filter: RecordFilter) throws -> [TradeRecord] { [] }

    public func distinctValues(_ field: RecordKeyField, matching filter: RecordFilter) throws -> [String] { [] }

    public func forEachGroup(matching filter: RecordFilter, by grouping: Grouping, _ body: (String, [TradeRecord]) throws -> Void) throws {}
}

/// The `--by` groups of a record stream, each handed on as soon as it is complete: the unit a
/// distributed engine calls on a partition (Tools/spark).
///
/// The records are filtered as a store's are for `--by` (``RecordFilter`` of the selection with
/// the grouped side left open, the partner's side for a mirror view), keyed by
/// ``Grouping/key(of:)``, and each group's series is built by ``Workspace/group(_:records:of:by:mirror:quantity:)``,
/// the function that builds a store's groups: a group's result is the one `--by` on a store of the
/// same records gives.
///
/// A record with the overlap key of an earlier one of its group replaces it, as in a store (a
/// revised figure, or a row repeated in a download).
///
/// Two orders of input:
/// - grouped (the default): the records of a group follow each other. A group is analysed when
///   the next group starts, so memory holds one group's records (plus the keys of the groups
///   done, to catch a stream that is not grouped: a key seen again is an error naming its line).
/// - unsorted: every kept record is held until the stream ends, then the groups are analysed in
///   key order; memory grows with the records kept (about 200 bytes each).
public struct RecordStream: Sendable {
    /// What a stream held.
    public struct Summary: Sendable, Equatable {
        /// Records read (rows put back together, for the long layout).
        public let records: Int
        /// Records in the selection and in a group.
        public let kept: Int
        /// Rows rejected (each was reported).
        public let rejected: Int
        /// Groups handed on.
        public let groups: Int
    }

    /// The reader of the stream.
    public let reader: RecordStreamReader
    /// Whether the stream is grouped by the key (see the type's discussion).
    public let grouped: Bool

    /// - Parameters:
    ///   - reader: The stream.
    ///   - grouped: `true` when the records of a group follow each other; `false` holds every record to the end.
    public init(reader: RecordStreamReader, grouped: Bool = true) {
        self.reader = reader
        self.grouped = grouped
    }

    /// The group a store would hold, in the order a store reads it: a record with the overlap key
    /// (``TradeStore/key(_:)``) of a later one in the stream is dropped, as `ingest` replaces it, and
    /// the rest are ordered by reporter, partner, flow, period, code, classification and source, as
    /// ``TradeStore/records()`` returns them. The order matters where the series builder ties: two
    /// records of one code, period and source under different classifications (H4 and H5) give the
    /// figure of the first.
    static func storeOrder(_ records: [TradeRecord]) -> [TradeRecord] {
        var last: [String: Int] = [:]
        for (index, record) in records.enumerated() { last[TradeStore.key(record)] = index }
        let kept = last.count < records.count ? records.indices.filter { last[TradeStore.key(records[$0])] == $0 }.map { records[$0] } : records
        func precedes(_ a: TradeRecord, _ b: TradeRecord) -> Bool {
            if a.reporter.iso3 != b.reporter.iso3 { return a.reporter.iso3 < b.reporter.iso3 }
            if a.partner.iso3 != b.partner.iso3 { return a.partner.iso3 < b.partner.iso3 }
            if a.flow.rawValue != b.flow.rawValue { return a.flow.rawValue < b.flow.rawValue }
            if a.period != b.period { return a.period < b.period }
            if a.commodity.description != b.commodity.description { return a.commodity.description < b.commodity.description }
            if (a.classification ?? "") != (b.classification ?? "") { return (a.classification ?? "") < (b.classification ?? "") }
            return a.sourceID < b.sourceID
        }
        return kept.sorted(by: precedes)
    }

    /// Reads the stream and hands each group to `body` as one ``AnalysisGroups`` of one group.
    ///
    /// - Parameters:
    ///   - workspace: The workspace (builder, sources' ranks; its source names the stream).
    ///   - selection: The selection as asked (for a mirror view, the user's side).
    ///   - grouping: The grouping.
    ///   - mirror: The mirror view, if any.
    ///   - quantity: The quantity measure.
    ///   - rejected: Called with each rejected row (file, line, field, reason); the stream goes on, as `ingest` does.
    ///   - body: Called with each complete group, in stream order (key order when unsorted).
    /// - Returns: What the stream held.
    /// - Throws: `TradeIOError` when the stream cannot be read; ``TradeScopeKitError/streamNotGrouped(file:line:key:grouping:)``
    ///   when a grouped stream returns to a group; what `body` throws.
    @discardableResult
    public func forEachGroup(in workspace: Workspace, selection: TradeSelection, by grouping: Grouping, mirror: MirrorView? = nil,
                             quantity: QuantityMeasure = .reported, rejected: (TradeIOError) -> Void,
                             _ body: (AnalysisGroups) throws -> Void) throws -> Summary {
        let side = mirror.map { $0.partnerSelection(selection) } ?? selection
        let sideGrouping = grouping.onRecordSide(mirror: mirror)
        let filter = RecordFilter(sideGrouping.open(side))
        var read = 0, kept = 0, rejectedCount = 0, groupCount = 0
        var currentKey: String?
        var current: [TradeRecord] = []
        var done: Set<String> = []
        var held: [String: [TradeRecord]] = [:]
        func emit(_ key: String, _ records: [TradeRecord]) throws {
            let group = try workspace.group(key, records: Self.storeOrder(records), of: selection, by: grouping, mirror: mirror, quantity: quantity)
            groupCount += 1
            try body(AnalysisGroups(keys: [key], selections: [group.selection], trades: [group.series]))
        }
        try reader.forEachRecord { outcome in
            let row: TradeFileRow
            switch outcome {
            case let .success(value): row = value
            case let .failure(error):
                rejectedCount += 1
                rejected(error)
                return true
            }
            read += 1
            guard filter.matches(row.record), let key = sideGrouping.key(of: row.record) else { return true }
            kept += 1
            guard grouped else {
                held[key, default: []].append(row.record)
                return true
            }
            if key == currentKey {
                current.append(row.record)
                return true
            }
            if done.contains(key) {
                throw TradeScopeKitError.streamNotGrouped(file: reader.displayName, line: row.line, key: key, grouping: grouping.rawValue)
            }
            if let currentKey {
                done.insert(currentKey)
                try emit(currentKey, current)
            }
            currentKey = key
            current = [row.record]
            return true
        }
        if let currentKey { try emit(currentKey, current) }
        for key in held.keys.sorted() { try emit(key, held[key] ?? []) }
        return Summary(records: read, kept: kept, rejected: rejectedCount, groups: groupCount)
    }
}
