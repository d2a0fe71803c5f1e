import Foundation
import TradeDomain
import TradeIO

/// What a command works on: a record source (the bundled data set, or a store named by `--db`),
/// the data set's profile (defaults), the sanctions calendar, the sources' citations, and the run
/// context that records every input read.
///
/// A store workspace does not read the bundled trade figures: only the bundled profile, source
/// list (for citations and preference ranks) and the calendar in use.
public struct Workspace: Sendable {
    /// The bundled data directory.
    public let directory: URL
    /// Where records come from.
    public let source: any RecordSource
    /// The defaults of the data set.
    public let profile: DataSetProfile
    /// The sources of the bundled figures (citations and preference ranks).
    public let sources: [DataSource]
    /// The sanctions calendar: `--calendar FILE`, else the profile's. The profile's is read when a
    /// command first asks for it, so a command that does not use it neither parses it nor lists it
    /// among the run's inputs; a `--calendar FILE` is read when the workspace opens,
    /// so a bad file is reported whatever the command.
    ///
    /// - Throws: `TradeIOError` for a calendar that cannot be read (file, line, field).
    public var calendar: SanctionCalendar {
        get throws { try calendarLoader.calendar() }
    }
    private let calendarLoader: CalendarLoader
    /// The names of areas (Comtrade's list), by code.
    public let areas: AreaNames
    /// What the run has read.
    public let context: RunContext
    /// The store, with `--db`.
    public let store: TradeStore?

    /// Opens the bundled data set or a store.
    ///
    /// - Parameters:
    ///   - db: A store made by `ingest`, or `nil` for the bundled data set.
    ///   - calendarFile: A sanctions calendar to use instead of the profile's, or `nil`.
    ///   - context: The run context that records what is read.
    ///   - dataDirectory: The bundled data directory; `BundledData.locate()` by default.
    ///   - recordSource: The source of records instead of the bundled data (with no `db`): a
    ///     ``StreamRecordSource`` when the records come through a stream; `nil` by default.
    /// - Throws: ``TradeScopeKitError/storeNotFound(path:)``; `TradeIOError` for a bad bundled file,
    ///   calendar or store (file, line, field).
    public init(db: String? = nil, calendarFile: String? = nil, context: RunContext = RunContext(), dataDirectory: URL? = nil,
                recordSource: (any RecordSource)? = nil) throws {
        let directory = try dataDirectory ?? BundledData.locate()
        self.directory = directory
        self.context = context
        func bundled(_ name: String) -> (path: String, display: String) {
            (directory.appendingPathComponent(name).path, "Data/" + name)
        }
        let profileFile = bundled(DataSetProfile.fileName)
        profile = try DataSetProfile(path: profileFile.path, displayName: profileFile.display)
        let sourcesFile = bundled(BundledData.sourcesFile)
        sources = try DataSource.read(path: sourcesFile.path, displayName: sourcesFile.display)
        let areasFile = bundled(BundledData.areasFile)
        if FileManager.default.fileExists(atPath: areasFile.path) {
            areas = AreaNames(table: try AreaTable.read(path: areasFile.path, displayName: areasFile.display))
        } else {
            areas = AreaNames(table: nil)
        }
        if let db {
            guard FileManager.default.fileExists(atPath: db) else { throw TradeScopeKitError.storeNotFound(path: db) }
            // A reading command opens the store read-only: it never creates, migrates or writes it.
            let store = try TradeStore(path: db, access: .read)
            self.store = store
            source = StoreRecordSource(store: store)
            for entry in try store.ingestedFiles() {
                context.record(RunContext.Input(name: "store:" + entry.file, sha256: entry.sha256, bytes: entry.bytes ?? 0))
            }
        } else if let recordSource {
            store = nil
            source = recordSource
        } else {
            store = nil
            let data = try BundledData(directory: directory)
            source = BundledRecordSource(records: data.records)
            for name in [BundledData.tradeFile, BundledData.comtradeFile] {
                let file = bundled(name)
                if FileManager.default.fileExists(atPath: file.path) { try context.recordFile(file.path, name: file.display) }
            }
        }
        try context.recordFile(sourcesFile.path, name: sourcesFile.display)
        if FileManager.default.fileExists(atPath: areasFile.path) { try context.recordFile(areasFile.path, name: areasFile.display) }
        try context.recordFile(profileFile.path, name: profileFile.display)
        if let calendarFile {
            calendarLoader = CalendarLoader(path: calendarFile, displayName: calendarFile, context: context)
            _ = try calendarLoader.calendar()
        } else {
            let file = bundled(profile.calendarFile)
            calendarLoader = CalendarLoader(path: file.path, displayName: file.display, context: context)
        }
    }

    /// The series builder with the bundled sources' preference ranks and a quantity measure.
    public func builder(quantity: QuantityMeasure = .reported) -> TradeSeriesBuilder {
        let preferences = Dictionary(sources.map { ($0.id, SourcePreference(rank: $0.rank, date: $0.date)) }, uniquingKeysWith: { first, _ in first })
        return TradeSeriesBuilder(preference: { preferences[$0] ?? SourcePreference(rank: Int.max, date: "") }, quantityMeasure: quantity)
    }

    /// The citation of every bundled source, by id.
    public var citations: [String: DataSource] {
        Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The records a selection's series is built from (the partner's side for a mirror view).
    ///
    /// - Throws: `TradeIOError` when the store cannot be read.
    public func records(for selection: TradeSelection, mirror: MirrorView? = nil) throws -> [TradeRecord] {
        let side = mirror.map { $0.partnerSelection(selection) } ?? selection
        return try source.records(matching: RecordFilter(side))
    }

    /// The series of a selection: from the reporter's own records, or with a mirror view from the
    /// partner's, plus the mirror gap where both sides report.
    ///
    /// - Throws: ``TradeScopeKitError/noRecords(selection:present:)`` when the selection matches no
    ///   record (the message lists what the data hold instead); `TradeDomainError` for mixed units.
    public func series(_ selection: TradeSelection, mirror: MirrorView? = nil, quantity: QuantityMeasure = .reported) throws -> (series: TradeSeries, gap: MirrorGap?) {
        let builder = builder(quantity: quantity)
        let side = mirror.map { $0.partnerSelection(selection) } ?? selection
        let records = try source.records(matching: RecordFilter(side))
        guard !records.isEmpty else { throw try nothingFound(side) }
        guard let mirror else { return (try builder.build(records, selection: selection), nil) }
        let mirrored = try builder.build(mirror.mirroredRecords(records, for: selection), selection: selection)
        let reported = try builder.build(try source.records(matching: RecordFilter(selection)), selection: selection)
        return (mirrored, MirrorGap(reported: reported, mirror: mirrored, convention: mirror.convention))
    }

    /// Why a selection found nothing: the first of its conditions that no record meets, with the
    /// values the data do hold for the conditions before it.
    func nothingFound(_ selection: TradeSelection) throws -> TradeScopeKitError {
        let asked = describe(selection)
        func list(_ values: [String]) -> String {
            values.count <= 25 ? values.joined(separator: ", ") : values.prefix(25).joined(separator: ", ") + " and \(values.count - 25) more"
        }
        let anyReporter = RecordFilter()
        let reporters = try source.distinctValues(.reporter, matching: anyReporter)
        if reporters.isEmpty { return .noRecords(selection: asked, present: "the \(source.label == "bundled" ? "bundled data set" : "store") holds no records") }
        if let reporter = selection.reporter, !reporters.contains(reporter.iso3) {
            return .noRecords(selection: asked, present: "reporters with records: " + list(reporters))
        }
        let byReporter = RecordFilter(reporters: selection.reporter.map { [$0] })
        if let partner = selection.partner {
            let partners = try source.distinctValues(.partner, matching: byReporter)
            if !partners.contains(partner.iso3) {
                return .noRecords(selection: asked, present: "partners with records for reporter \(selection.reporter?.iso3 ?? "any"): " + list(partners))
            }
        }
        let byPair = RecordFilter(reporters: byReporter.reporters, partners: selection.partner.map { [$0] })
        if let flow = selection.flow {
            let flows = try source.distinctValues(.flow, matching: byPair)
            if !flows.contains(flow.rawValue) { return .noRecords(selection: asked, present: "flows with records for this pair: " + list(flows)) }
        }
        let byFlow = RecordFilter(reporters: byPair.reporters, partners: byPair.partners, flows: selection.flow.map { [$0] })
        let byCode = RecordFilter(reporters: byFlow.reporters, partners: byFlow.partners, flows: byFlow.flows, commodities: [selection.commodity])
        let periods = try source.distinctValues(.period, matching: byCode)
        if periods.isEmpty {
            let codes = try source.distinctValues(.code, matching: byFlow)
            return .noRecords(selection: asked, present: "codes with records for this pair and flow: " + list(codes))
        }
        let parsed = periods.compactMap { try? Period(parsing: $0) }
        var present: [String] = []
        for frequency in Frequency.allCases {
            let of = parsed.filter { $0.frequency == frequency }.sorted()
            if let first = of.first, let last = of.last { present.append("\(frequency.rawValue) \(first) to \(last) (\(of.count) periods)") }
        }
        return .noRecords(selection: asked, present: "periods with records for this code: " + present.joined(separator: "; "))
    }

    /// A short statement of a selection for messages: "reporter CHN, partner XXX, import, HS 27, annual, 2010 to 2017".
    public func describe(_ selection: TradeSelection) -> String {
        var parts = ["reporter \(selection.reporter?.iso3 ?? "any")", "partner \(selection.partner?.iso3 ?? "any")"]
        if let flow = selection.flow { parts.append(flow.rawValue) }
        parts.append("HS \(selection.commodity)")
        parts.append(selection.frequency.rawValue)
        if selection.from != nil || selection.through != nil {
            parts.append("\(selection.from?.description ?? "start") to \(selection.through?.description ?? "end")")
        }
        return parts.joined(separator: ", ")
    }
}

/// Reads a sanctions calendar once, on first use, and records it in the run context (the file with
/// its digest, and the calendar as the one the run used). A failed read is kept and thrown again.
private final class CalendarLoader: @unchecked Sendable {
    // @unchecked: every stored var is read and written under `lock`.
    private let lock = NSLock()
    private let path: String
    private let displayName: String
    private let context: RunContext
    private var loaded: SanctionCalendar?
    private var failure: (any Error)?

    init(path: String, displayName: String, context: RunContext) {
        self.path = path
        self.displayName = displayName
        self.context = context
    }

    func calendar() throws -> SanctionCalendar {
        lock.lock()
        defer { lock.unlock() }
        if let loaded { return loaded }
        if let failure { throw failure }
        do {
            let calendar = try SanctionCalendarReader(path: path, displayName: displayName).readCalendar()
            try context.recordFile(path, name: displayName)
            context.use(calendar: calendar)
            loaded = calendar
            return calendar
        } catch {
            failure = error
            throw error
        }
    }
}
