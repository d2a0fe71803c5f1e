import Foundation
import Synchronization
import GRDB
import Testing
@testable import TradeIO

/// Stores opened through GRDB's `DatabaseMigrator` (``StoreSchema/migrate(_:path:)``): a store written before the
/// migrator (by the code of main at 4c1a21c: `Fixtures/store_main_v3.sqlite`) opens unchanged, an older version is
/// upgraded from the version it records, a new store has the same tables as one made before the migrator, and
/// connections opening one old store at once all succeed.
@Suite("TradeStore: migrations")
struct StoreMigrationTests {
    /// The two files ingested into `store_main_v3.sqlite`, in that order.
    static let files = ["comtrade_plus_synthetic.csv", "comtrade_legacy_selected.csv"]

    /// A copy of the fixture store in a new directory.
    func copyOfMainStore() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("store.sqlite").path
        try FileManager.default.copyItem(atPath: fixturePath("store_main_v3.sqlite"), toPath: path)
        return path
    }

    /// The same files ingested now, into a new store: the reference for the fixture's rows.
    func storeMadeNow() throws -> TradeStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try TradeStore(path: directory.appendingPathComponent("now.sqlite").path)
        for file in Self.files { _ = try store.ingest(file: fixturePath(file), displayName: file) }
        return store
    }

    /// Tables, indexes and views as SQLite keeps them (`sqlite_master`), without the migrator's record.
    func schema(_ path: String) throws -> [String] {
        try DatabaseQueue(path: path).read { db in
            try String.fetchAll(db, sql: """
                SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master
                WHERE name NOT LIKE 'grdb_%' AND name NOT LIKE 'sqlite_autoindex_grdb_%' ORDER BY type, name
                """)
        }
    }

    func appliedMigrations(_ path: String) throws -> Set<String> {
        try DatabaseQueue(path: path).read { db in try StoreSchema.migrator.appliedIdentifiers(db) }
    }

    func userVersion(_ path: String) throws -> Int? {
        try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
    }

    /// A version 3 store made by main before the migrator, upgraded to the current version (opened for writing once).
    func upgradedMainStore() throws -> String {
        let path = try copyOfMainStore()
        _ = try TradeStore(path: path)
        return path
    }

    @Test("a version 3 store written before the migrator is upgraded to version 4 alone when opened for writing (records untouched), then opens byte for byte unchanged, with the rows of the same files ingested now")
    func mainStoreOpensUnchanged() throws {
        let path = try copyOfMainStore()
        let rowsBefore = try TradeStore(path: path, access: .read).rows()
        _ = try TradeStore(path: path)
        #expect(try userVersion(path) == 4)
        #expect(try appliedMigrations(path) == [StoreSchema.Migration.create, StoreSchema.Migration.version2, StoreSchema.Migration.version3, StoreSchema.Migration.version4])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try TradeStore(path: path)
        #expect(store.schemaVersion == StoreSchema.version)
        #expect(try store.rows() == rowsBefore)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let now = try storeMadeNow()
        #expect(try store.rows() == now.rows())
        #expect(try store.provenance().map(\.file) == now.provenance().map(\.file))
        #expect(try store.provenance().map(\.sha256) == now.provenance().map(\.sha256))
        #expect(try store.integrityCheck() == ["ok"])
        // It takes new files as before (and knows the old ones).
        #expect(try store.ingest(file: fixturePath(Self.files[0]), displayName: Self.files[0]).alreadyIngested)
        let added = try store.ingest(file: fixturePath("comtrade_legacy_head30.csv"))
        #expect(added.rowsKept == 30)
        #expect(try store.recordCount() == now.recordCount() + 30 - added.rowsReplaced)
    }

    @Test("a new store has the tables, indexes and view of a store made before the migrator, and records every migration")
    func newStoreSchema() throws {
        let now = try storeMadeNow()
        #expect(try schema(now.path) == schema(upgradedMainStore()))
        #expect(try appliedMigrations(now.path) == [StoreSchema.Migration.create, StoreSchema.Migration.version2, StoreSchema.Migration.version3, StoreSchema.Migration.version4])
        #expect(try userVersion(now.path) == StoreSchema.version)
    }

    @Test("a version 2 store (the version 3 fixture without its indexes) is upgraded by the migrations to versions 3 and 4")
    func version2Upgraded() throws {
        let path = try copyOfMainStore()
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: "DROP INDEX series_partner; DROP INDEX series_commodity; PRAGMA user_version = 2")
        }
        let rows = try TradeStore(path: path, access: .read).rows()
        let store = try TradeStore(path: path)
        #expect(try userVersion(path) == StoreSchema.version)
        #expect(try appliedMigrations(path) == [StoreSchema.Migration.create, StoreSchema.Migration.version2, StoreSchema.Migration.version3, StoreSchema.Migration.version4])
        #expect(try schema(path) == schema(upgradedMainStore()))
        #expect(try store.rows() == rows)
    }

    @Test("four connections opening one version 1 store at once all succeed; the store is upgraded once, its record kept", arguments: [4])
    func concurrentUpgrade(connections: Int) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-migration-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("v1.sqlite").path
        try DatabaseQueue(path: path).write { db in
            try db.execute(sql: StoreSchema.version1SQL)
            try db.execute(sql: """
                INSERT INTO provenance (file_name, sha256, reader, rows_read, rows_kept, rows_rejected, rows_replaced, ingested_at)
                VALUES ('a.csv', 'x', 'tidy', 1, 1, 0, 0, '2026-11-28T00:00:00Z');
                INSERT INTO records VALUES ('CHN', 'PRK', 'import', '2015', '2701', 'H4', 156, 408, 'Coal', 10.5, 2, 8, 2,
                                            0, 0, NULL, 'UN_COMTRADE', NULL, 1, 2);
                """)
        }
        let errors = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: connections) { _ in
            do {
                _ = try TradeStore(path: path)
            } catch {
                errors.withLock { $0.append("\(error)") }
            }
        }
        #expect(errors.withLock { $0 } == [])
        #expect(try userVersion(path) == StoreSchema.version)
        #expect(try appliedMigrations(path) == [StoreSchema.Migration.create, StoreSchema.Migration.version2, StoreSchema.Migration.version3, StoreSchema.Migration.version4])
        let store = try TradeStore(path: path)
        #expect(try store.recordCount() == 1)
        #expect(try store.integrityCheck() == ["ok"])
    }
}
