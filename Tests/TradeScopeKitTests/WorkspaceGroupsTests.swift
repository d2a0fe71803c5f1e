import Foundation
import Testing
import TradeDomain
import TradeIO
import TrendAnalysis
@testable import TradeScopeKit

/// A result per group must equal the single run of that group: every `--by` key, on a store ingested from
/// real UN Comtrade rows (many reporters, gaps, both flows), the group's series and fit against the series
/// and fit of the same selection asked alone.
@Suite("--by groups equal their single runs (real Comtrade rows)")
struct WorkspaceGroupsTests {
    static let fixtures = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!

    /// A store ingested from the real legacy Comtrade file, opened as a workspace.
    static func workspace() throws -> (Workspace, URL) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-kit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let db = directory.appendingPathComponent("trade.sqlite").path
        let store = try TradeStore(path: db)
        _ = try store.ingest(file: fixtures.appendingPathComponent("comtrade_legacy_prk_hs27_hs44.csv").path)
        return (try Workspace(db: db, dataDirectory: fixtures.appendingPathComponent("data")), directory)
    }

    static let cases: [(String, Grouping, TradeSelection)] = {
        let prk = try! CountryCode("PRK"), chn = try! CountryCode("CHN"), jpn = try! CountryCode("JPN")
        let all = CommodityCode.total
        return [
            ("reporters importing from PRK", .reporter, TradeSelection(reporter: chn, partner: prk, flow: .import, commodity: all)),
            ("reporters exporting to PRK, HS 27", .reporter, TradeSelection(reporter: chn, partner: prk, flow: .export, commodity: .hs(try! HSCode("27")))),
            ("partners of CHN imports", .partner, TradeSelection(reporter: chn, partner: prk, flow: .import, commodity: all)),
            ("partners of JPN exports", .partner, TradeSelection(reporter: jpn, partner: prk, flow: .export, commodity: all)),
            ("chapters of CHN imports", .hs2, TradeSelection(reporter: chn, partner: prk, flow: .import, commodity: all)),
            ("chapters of every reporter's imports, 2010-2017", .hs2,
             TradeSelection(reporter: nil, partner: prk, flow: .import, commodity: all, from: Period(year: 2010), through: Period(year: 2017))),
        ]
    }()

    @Test("each group's series and log-linear fit equal the single run's", arguments: 0..<6)
    func groupsEqualSingleRuns(caseIndex: Int) throws {
        let (workspace, directory) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (name, grouping, selection) = Self.cases[caseIndex]
        let groups = try workspace.analysisGroups(selection, by: grouping)
        #expect(groups.keys.count >= (grouping == .hs2 ? 2 : 1), "\(name): \(groups.keys)")
        if grouping == .reporter { #expect(groups.keys.count >= 10, "\(name): real data have many reporters, got \(groups.keys)") }
        let specification = TrendSpecification(model: .logLinear)
        var distinctSlopes = Set<Double>()
        for (index, key) in groups.keys.enumerated() {
            let single = try workspace.series(groups.selections[index]).series
            let grouped = try groups.trades[index].get()
            #expect(grouped == single, "\(name), group \(key): the group's series differs from the single run's")
            // The group's selection names the group (the defect: every group got the first pair's selection).
            switch grouping {
            case .reporter: #expect(groups.selections[index].reporter?.iso3 == key)
            case .partner: #expect(groups.selections[index].partner?.iso3 == key)
            default: #expect(groups.selections[index].commodity.description == key)
            }
            guard let values = single.valueSeries, values.values.compactMap({ $0 }).count >= 3 else { continue }
            let fitGrouped = try specification.fit(try groups.series(index, measure: .value))
            let fitSingle = try specification.fit(values)
            #expect(fitGrouped == fitSingle, "\(name), group \(key): fits differ")
            if let slope = fitSingle.regression?.coefficients.last?.estimate { distinctSlopes.insert(slope) }
        }
        if grouping == .reporter { #expect(distinctSlopes.count >= 5, "\(name): groups should not share one fit") }
    }

    @Test("a mirror view grouped by chapter, or by partner, equals each group's mirror run")
    func mirrorGroups() throws {
        let (workspace, directory) = try Self.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let mirror = MirrorView(convention: .imf)
        let selection = TradeSelection(reporter: try CountryCode("PRK"), partner: try CountryCode("JPN"), flow: .export, commodity: .total)
        let groups = try workspace.analysisGroups(selection, by: .hs2, mirror: mirror)
        #expect(!groups.keys.isEmpty)
        for (index, key) in groups.keys.enumerated() {
            let single = try workspace.series(groups.selections[index], mirror: mirror).series
            #expect(try groups.trades[index].get() == single, "chapter \(key)")
        }
        // By partner under a mirror view: the user's partners are the records' reporters.
        let byPartner = try workspace.analysisGroups(selection.with(commodity: .hs(try HSCode("27"))), by: .partner, mirror: mirror)
        #expect(byPartner.keys.count >= 10 && byPartner.keys.contains("JPN"))
        for (index, key) in byPartner.keys.enumerated() {
            #expect(byPartner.selections[index].partner?.iso3 == key)
            let single = try workspace.series(byPartner.selections[index], mirror: mirror).series
            #expect(try byPartner.trades[index].get() == single, "partner \(key)")
        }
    }
}

/// Cost grows with the answer, not the store: a query reads only the records its selection takes in.
@Suite("Workspace reads of a store: no more than the selection needs")
struct WorkspaceStoreReadsTests {
    @Test("a single series reads its records only; --by reads every group's records once in one query")
    func readsOnlyTheSelection() throws {
        let (workspace, directory) = try WorkspaceGroupsTests.workspace()
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = try #require(workspace.store)
        let all = try store.records(matching: RecordFilter()).count
        let selection = TradeSelection(reporter: try CountryCode("JPN"), partner: try CountryCode("PRK"), flow: .import, commodity: .hs(try HSCode("27")))
        let expected = try store.records(matching: RecordFilter(selection)).count
        let before = store.statistics
        _ = try workspace.series(selection)
        let one = store.statistics.recordsRead - before.recordsRead
        #expect(one == expected && expected > 0 && expected * 20 < all, "read \(one) of \(all) records for \(expected) matching")
        #expect(store.statistics.recordsFullScanSteps == 0)
        let open = TradeSelection(reporter: nil, partner: try CountryCode("PRK"), flow: .import, commodity: .total)
        let groupRecords = try store.records(matching: RecordFilter(open)).count
        let mid = store.statistics
        let groups = try workspace.analysisGroups(open, by: .reporter)
        #expect(groups.keys.count >= 10)
        #expect(store.statistics.queries - mid.queries == 1, "one query for every group")
        #expect(store.statistics.recordsRead - mid.recordsRead == groupRecords, "each record read once")
    }
}
