import _TestSupport
import Foundation
import GRDB
import Testing
import TradeDomain
@testable import TradeIO

/// Selections answered in SQL (`TradeStore.forEachRow(matching:order:_:)` and the calls built on it), checked
/// against the definition, `RecordFilter.matches`, applied to every stored record: on a store of the real legacy
/// Comtrade rows and on a store of a seeded synthetic period-major file; the query plans of the main queries;
/// the rows fetched; streaming; the schema upgrade and the read-only open.
@Suite("TradeStore: selections in SQL")
struct StoreQueryTests {
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-query-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A store of real UN Comtrade rows: `Data/comtrade/comtrade_legacy_prk_hs27_hs44.csv` (1,934 rows, HS 27 and
    /// 44 at 2/4/6 digits, annual, classifications H0-H5) and the legacy fixtures.
    static func legacyStore() throws -> TradeStore {
        let store = try TradeStore(path: temporaryDirectory().appendingPathComponent("legacy.sqlite").path)
        _ = try store.ingest(file: repositoryRoot.appendingPathComponent("Data/comtrade/comtrade_legacy_prk_hs27_hs44.csv").path)
        _ = try store.ingest(file: fixturePath("comtrade_legacy_selected.csv"))
        _ = try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"))
        return store
    }

    static let syntheticReporters = ["CHN", "RUS", "KOR", "JPN", "USA"]
    static let syntheticPartners = ["PRK", "CHN", "W00", "AGO", "AUS", "DEU"]
    static let syntheticCodes = [
        "TOTAL", "27", "2701", "270112", "270119", "2709", "270900", "44", "4403", "440320", "61", "6109", "610910",
        "6110", "61-62", "50-63", "XI", "V", "03", "0306", "030617", "97", "01",
    ]

    /// SYNTHETIC (not data): a seeded tidy file written period-major, as Comtrade downloads come: for each period
    /// (annual, quarterly and monthly periods of 2014-2017 in calendar order), one block per reporter of its rows
    /// for random partners, flows, commodity codes (HS at 2/4/6 digits, chapter ranges, sections, TOTAL) and two
    /// sources. Some keys repeat (a later row replaces the earlier one).
    static func syntheticStore(seed: UInt64 = 20261204, rowsPerBlock: Int = 6) throws -> TradeStore {
        var random = PropertyRandom(seed: seed)
        var periods: [Period] = []
        for year in 2014...2017 {
            periods.append(Period(year: year))
            for quarter in 1...4 { periods.append(try Period(year: year, quarter: quarter)) }
            for month in 1...12 { periods.append(try Period(year: year, month: month)) }
        }
        periods.sort()
        var text = TidyReader.requiredColumns.joined(separator: ",") + "\n"
        for period in periods {
            for reporter in syntheticReporters {
                for _ in 0..<rowsPerBlock {
                    let partner = syntheticPartners[random.integer(0...(syntheticPartners.count - 1))]
                    let flow = random.unit() < 0.5 ? "import" : "export"
                    let code = syntheticCodes[random.integer(0...(syntheticCodes.count - 1))]
                    let source = random.unit() < 0.7 ? "SRC_A" : "SRC_B"
                    let value = random.integer(1...1_000_000)
                    let quantity = random.unit() < 0.3 ? "" : String(random.integer(1...5_000))
                    text += "\(period),\(reporter),\(partner),\(flow),\(code),\(value),\(quantity),\(quantity.isEmpty ? "" : "t"),\(source)\n"
                }
            }
        }
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("synthetic_period_major.csv").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let store = try TradeStore(path: directory.appendingPathComponent("synthetic.sqlite").path)
        let summary = try store.ingest(file: file)
        precondition(summary.rowsRejected == 0, "the synthetic file has a rejected row")
        return store
    }

    /// The documented order: the group key, then series key (reporter, partner, flow, classification, commodity,
    /// source), then period, as stored text (byte order; every value here is ASCII, where `String`'s `<` agrees).
    static func orderKey(_ record: TradeRecord, _ order: RecordOrder) -> [String] {
        [order.groupKey(of: record) ?? "", record.reporter.iso3, record.partner.iso3, record.flow.rawValue, record.classification ?? "",
         record.commodity.description, record.sourceID, record.period.description]
    }

    static func sortedInOrder(_ records: [TradeRecord], _ order: RecordOrder) -> [TradeRecord] {
        records.sorted { orderKey($0, order).lexicographicallyPrecedes(orderKey($1, order)) }
    }

    /// A random filter: each field absent (any) or a few values, some of them absent from the store.
    static func randomFilter(_ random: inout PropertyRandom, reporters: [String], partners: [String], codes: [String], years: ClosedRange<Int>,
                             classifications: [String] = [], sources: [String] = []) -> RecordFilter {
        func some<T>(_ pool: [T], _ make: (T) -> T? = { $0 }) -> [T] {
            (0..<random.integer(1...3)).compactMap { _ in make(pool[random.integer(0...(pool.count - 1))]) }
        }
        func randomPeriod() -> Period {
            let year = random.integer(years)
            switch random.integer(0...2) {
            case 0: return Period(year: year)
            case 1: return try! Period(year: year, quarter: random.integer(1...4))
            default: return try! Period(year: year, month: random.integer(1...12))
            }
        }
        let countryPool = reporters + partners + ["XXX"]
        let reporterSet = random.unit() < 0.5 ? Set(some(countryPool).map { try! CountryCode($0) }) : nil
        let partnerSet = random.unit() < 0.4 ? Set(some(countryPool).map { try! CountryCode($0) }) : nil
        let flowSet = random.unit() < 0.3 ? Set(some(TradeFlow.allCases)) : nil
        var codePool = codes + ["61-62", "50-63", "25-27", "44-46", "V", "XI", "IX", "XV", "TOTAL"]
        // Prefixes of stored codes, so that roll-ups are exercised.
        codePool += codes.filter { $0.count == 6 }.flatMap { [String($0.prefix(2)), String($0.prefix(4))] }
        let commodities = random.unit() < 0.6 ? some(codePool).map { try! CommodityCode(parsing: $0) } : nil
        let frequencies = random.unit() < 0.4 ? Set(some(Frequency.allCases)) : nil
        let from = random.unit() < 0.4 ? randomPeriod() : nil
        let through = random.unit() < 0.4 ? randomPeriod() : nil
        // Classifications and sources present in the store, and one that is not.
        let classificationSet = random.unit() < 0.3 ? Set(some(classifications + ["H9"])) : nil
        let sourceSet = random.unit() < 0.3 ? Set(some(sources + ["NO_SUCH_SOURCE"])) : nil
        return RecordFilter(reporters: reporterSet, partners: partnerSet, flows: flowSet, commodities: commodities,
                            frequencies: frequencies, from: from, through: through, classifications: classificationSet, sources: sourceSet)
    }

    static let orders: [RecordOrder] = [.seriesPeriod, .partner, .reporter, .hsPrefix(.chapter), .hsPrefix(.heading), .hsPrefix(.subheading)]

    /// The differential check of one filter: the records and rows in SQL equal the definition applied to every
    /// stored record (the unfiltered read through the `trade_records` view), in the documented order; the records
    /// fetched are exactly those handed out; `records` is never scanned.
    static func checkDifferential(_ store: TradeStore, all: [TradeFileRow], filter: RecordFilter, order: RecordOrder) throws {
        let expectedRows = all.filter { filter.matches($0.record) }
        let expected = sortedInOrder(expectedRows.map(\.record), order)
        var got: [TradeRecord] = []
        let statistics = try store.forEachRecord(matching: filter, order: order) { got.append($0) }
        let same = got == expected
        #expect(same, "\(filter) \(order): \(got.count) records, expected \(expected.count)")
        #expect(statistics.recordsRead == expected.count && statistics.recordsFullScanSteps == 0, "\(filter): \(statistics)")
        let array = try store.records(matching: filter, order: order) == expected
        #expect(array, "records(matching:) \(filter) \(order)")
        // Rows (numeric codes, flags, line) for `export`: the same rows as the unfiltered read.
        let rows = try store.rows(matching: filter, order: order)
        let sameRows = rows.map(\.record) == expected && Set(rows) == Set(expectedRows) && rows.count == expectedRows.count
        #expect(sameRows, "rows(matching:) \(filter) \(order)")
        // Groups come one after another: a group key never comes back once left.
        if order != .seriesPeriod {
            var seen = Set<String>(), last: String?
            for record in got {
                let key = order.groupKey(of: record)!
                if key != last {
                    #expect(seen.insert(key).inserted, "group \(key) comes back in \(order)")
                    last = key
                }
            }
        }
    }

    @Test("records(matching:) equals the definition on 120 seeded random filters, in every order: real legacy Comtrade rows")
    func differentialLegacy() throws {
        let store = try Self.legacyStore()
        let all = try store.rows()
        #expect(all.count > 1_900)
        let codes = Array(Set(all.map(\.record.commodity.description))).sorted()
        let reporters = Array(Set(all.map(\.record.reporter.iso3))).sorted()
        let partners = Array(Set(all.map(\.record.partner.iso3))).sorted()
        let classifications = Array(Set(all.compactMap(\.record.classification))).sorted()
        let sources = Array(Set(all.map(\.record.sourceID))).sorted()
        #expect(classifications.count > 1, "the legacy rows hold several HS versions: \(classifications)")
        var random = PropertyRandom(seed: 16_002)
        for index in 0..<120 {
            let filter = Self.randomFilter(&random, reporters: reporters, partners: partners, codes: codes, years: 1987...2020,
                                           classifications: classifications, sources: sources)
            try Self.checkDifferential(store, all: all, filter: filter, order: Self.orders[index % Self.orders.count])
        }
    }

    @Test("records(matching:) equals the definition on 120 seeded random filters, in every order: synthetic period-major file")
    func differentialSynthetic() throws {
        let store = try Self.syntheticStore()
        let all = try store.rows()
        #expect(all.count > 1_500)
        var random = PropertyRandom(seed: 16_003)
        for index in 0..<120 {
            let filter = Self.randomFilter(&random, reporters: Self.syntheticReporters, partners: Self.syntheticPartners,
                                           codes: Self.syntheticCodes, years: 2013...2018,
                                           classifications: Array(Set(all.compactMap(\.record.classification))).sorted(),
                                           sources: Array(Set(all.map(\.record.sourceID))).sorted())
            try Self.checkDifferential(store, all: all, filter: filter, order: Self.orders[index % Self.orders.count])
        }
    }

    @Test("hand-picked edges: empty sets, TOTAL, a range of one chapter beside the range 61-62, sections, a period range no period fits")
    func edges() throws {
        let store = try Self.syntheticStore()
        let all = try store.rows()
        let china = try CountryCode("CHN")
        let filters: [RecordFilter] = [
            RecordFilter(),
            RecordFilter(reporters: []),
            RecordFilter(commodities: []),
            RecordFilter(frequencies: []),
            RecordFilter(commodities: [.total]),
            RecordFilter(commodities: [.chapterRange(61...61)]),
            RecordFilter(commodities: [.chapterRange(61...62)]),
            RecordFilter(commodities: [.chapterRange(1...97)]),
            RecordFilter(commodities: [.section(try HSSection(roman: "XI"))]),
            RecordFilter(commodities: [.hs(try HSCode("61"))]),
            RecordFilter(commodities: [.hs(try HSCode("6109")), .hs(try HSCode("27"))]),
            RecordFilter(reporters: [china], from: try Period(year: 2015, month: 2), through: try Period(year: 2015, month: 2)),
            RecordFilter(frequencies: [.quarterly], from: try Period(year: 2015, month: 2), through: try Period(year: 2015, month: 4)),
            RecordFilter(frequencies: [.annual], from: try Period(year: 2015, quarter: 2), through: try Period(year: 2016, quarter: 4)),
            RecordFilter(from: Period(year: 9999)),
            RecordFilter(through: Period(year: 1000)),
            RecordFilter(from: try Period(year: 2016, month: 12), through: try Period(year: 2016, month: 1)),
        ]
        for filter in filters {
            for order in Self.orders {
                try Self.checkDifferential(store, all: all, filter: filter, order: order)
            }
        }
        #expect(try store.records(matching: RecordFilter(commodities: [.chapterRange(61...61)])).allSatisfy { $0.commodity != .chapterRange(61...62) })
        #expect(try store.records(matching: RecordFilter(commodities: [.chapterRange(50...63)])).contains { $0.commodity == .chapterRange(61...62) })
    }

    /// `--by partner` and `--by reporter` read one query in a group order and cut it where the group key changes:
    /// each group must hold exactly what a query of that one partner (reporter) returns.
    @Test("a group of one query in group order equals the query of that group alone (partner and reporter, 40 seeded filters)")
    func groupsEqualSingleQueries() throws {
        let store = try Self.syntheticStore()
        var random = PropertyRandom(seed: 16_005)
        for index in 0..<40 {
            let base = Self.randomFilter(&random, reporters: Self.syntheticReporters, partners: Self.syntheticPartners,
                                         codes: Self.syntheticCodes, years: 2013...2018)
            let order: RecordOrder = index % 2 == 0 ? .partner : .reporter
            var groups: [(String, [TradeRecord])] = []
            try store.forEachRecord(matching: base, order: order) { record in
                let key = order.groupKey(of: record)!
                if groups.last?.0 == key { groups[groups.count - 1].1.append(record) } else { groups.append((key, [record])) }
            }
            for (key, records) in groups {
                let country = try CountryCode(key)
                let single = order == .partner
                    ? RecordFilter(reporters: base.reporters, partners: [country], flows: base.flows, commodities: base.commodities,
                                   frequencies: base.frequencies, from: base.from, through: base.through)
                    : RecordFilter(reporters: [country], partners: base.partners, flows: base.flows, commodities: base.commodities,
                                   frequencies: base.frequencies, from: base.from, through: base.through)
                let same = try store.records(matching: single) == records
                #expect(same, "group \(key) of \(base)")
            }
            #expect(groups.map(\.1.count).reduce(0, +) == (try store.records(matching: base).count))
        }
    }

    /// The plans of the main queries: each uses an index on `series`, and the records statement searches
    /// `records_key`; `records` is never scanned.
    @Test("EXPLAIN QUERY PLAN: one series, one reporter, a chapter, a partner list use an index and never scan records")
    func queryPlans() throws {
        let store = try Self.legacyStore()
        let chn = try CountryCode("CHN"), prk = try CountryCode("PRK"), jpn = try CountryCode("JPN"), rus = try CountryCode("RUS")
        let cases: [(String, RecordFilter, String)] = [
            ("one series", RecordFilter(reporters: [chn], partners: [prk], flows: [.import], commodities: [.hs(try HSCode("270112"))],
                                        frequencies: [.annual], from: Period(year: 2010), through: Period(year: 2017)), "sqlite_autoindex_series_1"),
            ("one reporter", RecordFilter(reporters: [chn]), "sqlite_autoindex_series_1"),
            ("a chapter", RecordFilter(commodities: [.hs(try HSCode("27"))]), "series_commodity"),
            ("a partner list", RecordFilter(partners: [prk, jpn, rus]), "series_partner"),
            ("a section", RecordFilter(commodities: [.section(try HSSection(roman: "V"))]), "series_commodity"),
        ]
        for (name, filter, index) in cases {
            let plan = try store.queryPlan(matching: filter)
            #expect(plan.series.contains { $0.hasPrefix("SEARCH s USING") && $0.contains(index) }, "\(name): \(plan.series)")
            #expect(!plan.series.contains { $0.hasPrefix("SCAN") && !$0.contains("TEMP B-TREE") }, "\(name): \(plan.series)")
            #expect(plan.records.contains { $0.hasPrefix("SEARCH r USING INDEX records_key (series_id=?") }, "\(name): \(plan.records)")
            #expect(!plan.records.contains { $0.hasPrefix("SCAN r") }, "\(name): \(plan.records)")
            // Every order: still no scan of records.
            for order in Self.orders {
                #expect(!(try store.queryPlan(matching: filter, order: order)).records.contains { $0.hasPrefix("SCAN") })
            }
        }
    }

    @Test("a one-series query fetches that series' records and nothing else")
    func fetchCount() throws {
        let store = try Self.syntheticStore(rowsPerBlock: 12)
        let all = try store.records()
        // The most frequent six-digit series key of the store (reporter, partner, flow, code).
        let keys = Dictionary(grouping: all.filter { $0.commodity.hsLevel == .subheading }) {
            [$0.reporter.iso3, $0.partner.iso3, $0.flow.rawValue, $0.commodity.description]
        }
        let (_, records) = try #require(keys.max { $0.value.count < $1.value.count })
        let first = records[0]
        let filter = RecordFilter(reporters: [first.reporter], partners: [first.partner], flows: [first.flow], commodities: [first.commodity],
                                  frequencies: [.monthly], from: try Period(year: 2015, month: 1), through: try Period(year: 2016, month: 12))
        let expected = all.filter(filter.matches)
        let sources = Set(records.map(\.sourceID))
        let before = store.statistics
        let statistics = try store.forEachRecord(matching: filter) { _ in }
        #expect(!expected.isEmpty)
        #expect(statistics.queries == 1 && statistics.seriesRead == sources.count && statistics.recordsRead == expected.count)
        #expect(statistics.seriesFullScanSteps == 0 && statistics.recordsFullScanSteps == 0)
        // The store's running total grew by exactly this query.
        #expect(store.statistics == before + statistics)
        #expect(store.statistics.recordsRead - before.recordsRead < all.count / 20)
    }

    @Test("records stream through a cursor: a body that stops at the first record leaves the rest unread")
    func streaming() throws {
        struct Stop: Error, Equatable {}
        let store = try Self.syntheticStore()
        let total = try store.recordCount()
        let before = store.statistics
        var seen = 0
        #expect(throws: Stop()) {
            try store.forEachRecord(matching: RecordFilter()) { _ in
                seen += 1
                throw Stop()
            }
        }
        #expect(seen == 1)
        #expect(store.statistics.recordsRead - before.recordsRead == 1 && total > 1_000)
        // A caller's error passes through unchanged; the store can be queried again afterwards.
        #expect(try store.records(matching: RecordFilter()).count == total)
    }

    @Test("distinctValues equals the distinct values of the records the definition selects")
    func distinctValues() throws {
        for store in [try Self.syntheticStore(), try Self.legacyStore()] {
            let all = try store.records()
            var random = PropertyRandom(seed: 16_004)
            let reporters = Array(Set(all.map(\.reporter.iso3))).sorted(), partners = Array(Set(all.map(\.partner.iso3))).sorted()
            let codes = Array(Set(all.map(\.commodity.description))).sorted()
            for _ in 0..<60 {
                let filter = Self.randomFilter(&random, reporters: reporters, partners: partners, codes: codes, years: 1987...2020)
                let selected = all.filter(filter.matches)
                func distinct(_ values: [String]) -> [String] { Array(Set(values)).sorted() }
                #expect(try store.distinctValues(.reporter, matching: filter) == distinct(selected.map(\.reporter.iso3)))
                #expect(try store.distinctValues(.partner, matching: filter) == distinct(selected.map(\.partner.iso3)))
                #expect(try store.distinctValues(.flow, matching: filter) == distinct(selected.map(\.flow.rawValue)))
                #expect(try store.distinctValues(.commodity, matching: filter)
                        == Array(Set(selected.map(\.commodity))).sorted().map(\.description))
                #expect(try store.distinctValues(.classification, matching: filter) == distinct(selected.compactMap(\.classification)))
                #expect(try store.distinctValues(.source, matching: filter) == distinct(selected.map(\.sourceID)))
                #expect(try store.distinctValues(.frequency, matching: filter)
                        == Array(Set(selected.map(\.period.frequency))).sorted().map(\.rawValue))
                #expect(try store.distinctValues(.period, matching: filter) == Array(Set(selected.map(\.period))).sorted().map(\.description))
            }
        }
    }

    @Test("opened for writing, a version 2 store gets the indexes of version 3; opened for reading, nothing is written")
    func versionTwo() throws {
        let directory = try Self.temporaryDirectory()
        let path = directory.appendingPathComponent("v2.sqlite").path
        let written = try TradeStore(path: path)
        _ = try written.ingest(file: fixturePath("comtrade_legacy_head30.csv"))
        let expected = try written.rows()
        // A version 2 store: the version 3 schema without its two indexes.
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP INDEX series_partner; DROP INDEX series_commodity; PRAGMA user_version = 2")
        }
        func state() throws -> (version: Int?, indexes: [String]) {
            try DatabaseQueue(path: path).read { db in
                (try Int.fetchOne(db, sql: "PRAGMA user_version"),
                 try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'series_%' ORDER BY name"))
            }
        }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let reading = try TradeStore(path: path, access: .read)
        #expect(reading.schemaVersion == 2)
        let filter = RecordFilter(partners: [try CountryCode("PRK")], commodities: [.hs(try HSCode("27"))])
        #expect(try reading.rows(matching: filter) == Self.sortedInOrder(expected.map(\.record).filter(filter.matches), .seriesPeriod).map { record in
            expected.first { $0.record == record }!
        })
        // Without the indexes the series are found by reading `series`; `records` is still searched by key.
        let plan = try reading.queryPlan(matching: filter)
        #expect(plan.series.contains { $0.hasPrefix("SCAN s") } && plan.records.contains { $0.contains("records_key") })
        #expect(try state().version == 2 && state().indexes.isEmpty)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        // Opened for writing: upgraded in place.
        let upgraded = try TradeStore(path: path)
        #expect(upgraded.schemaVersion == 4)
        #expect(try state().version == 4 && state().indexes == ["series_commodity", "series_partner"])
        #expect(try upgraded.rows() == expected)
        #expect(try upgraded.integrityCheck() == ["ok"])
    }

    @Test("a store closed by its writer (no -wal or -shm file left) opens for reading and answers, its file unchanged")
    func readAfterWriterClosed() throws {
        let path = try Self.temporaryDirectory().appendingPathComponent("closed.sqlite").path
        var expected: [TradeFileRow] = []
        do {
            let writer = try TradeStore(path: path)
            _ = try writer.ingest(file: fixturePath("comtrade_legacy_head30.csv"))
            expected = try writer.rows()
        }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let reader = try TradeStore(path: path, access: .read)
        #expect(reader.schemaVersion == StoreSchema.version)
        #expect(Set(try reader.rows(matching: RecordFilter())) == Set(expected))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytes)
        #expect(throws: TradeIOError.self) { try reader.ingest(file: fixturePath("comtrade_legacy_selected.csv")) }
    }

    @Test("reading a missing file, a file that is no store, or a version 1 store is an error, and writes nothing")
    func readRefusals() throws {
        let directory = try Self.temporaryDirectory()
        let missing = directory.appendingPathComponent("missing.sqlite").path
        #expect(throws: TradeIOError.self) { try TradeStore(path: missing, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let version1 = directory.appendingPathComponent("v1.sqlite").path
        try DatabaseQueue(path: version1).write { db in try db.execute(sql: StoreSchema.version1SQL) }
        let bytes = try Data(contentsOf: URL(fileURLWithPath: version1))
        do {
            _ = try TradeStore(path: version1, access: .read)
            Issue.record("a version 1 store was opened for reading")
        } catch let TradeIOError.store(_, reason) {
            #expect(reason.contains("version 1") && reason.contains("for writing"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: version1)) == bytes)
        let notStore = try temporaryFile("period\n2015\n", name: "plain.csv")
        #expect(throws: TradeIOError.self) { try TradeStore(path: notStore, access: .read) }
    }
}
