import GRDB

/// The tables of a store, their version (`PRAGMA user_version`) and the upgrade of an earlier one.
///
/// Version 3 (this one) is version 2 with two more indexes on `series`, so that a query selecting by partner
/// or by commodity code finds its series without reading the whole `series` table (``queryIndexesSQL``):
/// `series_partner (partner)` and `series_commodity (commodity)`. A selection by reporter uses the unique key of
/// `series`, whose first column is the reporter; records are found by series and period through `records_key`.
///
/// Version 2 keeps each series key once:
/// - `provenance`: one row per file ingested (file name, SHA-256, reader, rows read/kept/rejected/replaced, time,
///   size in bytes; the size is NULL for files ingested by version 1).
/// - `series`: one row per key without the period (reporter, partner, flow, classification, commodity, source).
/// - `descriptions`: each distinct commodity description once.
/// - `records`: one row per record: its series and period (unique together), numeric area codes, description,
///   value, quantity and unit code, net weight, estimation flags, note, and the provenance row and line it came from.
/// - `trade_records` (a view): the records with their keys and descriptions spelled out, one column per field, for
///   reading a store with other tools (`sqlite3`, DuckDB, pandas).
///
/// Version 1 (before 2026-11-29) held every key and description in each record, under a primary key of seven text
/// columns (a larger store, slower to write).
///
/// A store opened for writing is created or upgraded by GRDB's `DatabaseMigrator` (``migrate(_:path:)``), whose
/// migrations are the steps between versions: `create` (the tables of the current version, in an empty file),
/// `version2` (version 1 to 2, in place, keeping every record) and `version3` (2 to 3: the indexes) and `version4` (3 to 4: the area tables and the `trade_records` view with the
/// export's column names; records are not touched). The version
/// stays in `PRAGMA user_version`, as every earlier tradescope kept it; the migrator's own record
/// (`grdb_migrations`) follows it (``adoptVersion(_:path:)``), so that a store written before the migrator is
/// upgraded from where it is. A store of the current version is not written to when opened. A
/// store opened for reading is never written: a version 2 store is read as it is (the same queries, answered by
/// reading the small `series` table where an index is missing), and a version 1 store is refused with a message
/// until it is opened for writing once.
enum StoreSchema {
    /// The version this code writes.
    static let version = 4

    /// The versions a store opened for reading may have (version 2 lacks only the indexes of ``queryIndexesSQL``;
    /// version 3 has the older `trade_records` view, whose columns are named as stored: `reporter`, `commodity`,
    /// `source_id`).
    static let readableVersions: ClosedRange<Int> = 2...4

    /// The indexes added by version 3: the series of a partner, or of a commodity code or a range of codes,
    /// without reading the whole `series` table. (`IF NOT EXISTS`: also the upgrade from version 2.)
    static let queryIndexesSQL = """
        CREATE INDEX IF NOT EXISTS series_partner ON series (partner);
        CREATE INDEX IF NOT EXISTS series_commodity ON series (commodity);
        """

    /// Version 4: Comtrade's area list (`areas`, and `area_keys`, the numeric code of each stored spelling of an
    /// area: ISO3, Comtrade alpha code such as `S19`, numeric code as text), and the `trade_records` view with the
    /// column names of `tradescope export`: `reporter_iso`/`partner_iso` (ISO 3166 alpha-3 only, NULL for areas
    /// without one), `reporter_code`/`partner_code` (the record's numeric code, else the list's),
    /// `reporter_name`/`partner_name`, `hs_code`, `source`, and `reporter_key`/`partner_key` (the code as stored).
    /// Without an area list in the store (`TradeStore/replaceAreas(_:)`), a stored three-letter code is shown as ISO3.
    static let version4SQL = """
        CREATE TABLE IF NOT EXISTS areas (code INTEGER PRIMARY KEY, iso3 TEXT, name TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS area_keys (key TEXT PRIMARY KEY, code INTEGER NOT NULL);
        DROP VIEW IF EXISTS trade_records;
        CREATE VIEW trade_records AS
            SELECT r.period,
                   COALESCE(ra.iso3, CASE WHEN ra.code IS NULL AND s.reporter GLOB '[A-Z][A-Z][A-Z]' THEN s.reporter END) AS reporter_iso,
                   COALESCE(r.reporter_code, rk.code) AS reporter_code, ra.name AS reporter_name,
                   COALESCE(pa.iso3, CASE WHEN pa.code IS NULL AND s.partner GLOB '[A-Z][A-Z][A-Z]' THEN s.partner END) AS partner_iso,
                   COALESCE(r.partner_code, pk.code) AS partner_code, pa.name AS partner_name,
                   s.flow, s.commodity AS hs_code, s.classification, d.text AS description,
                   r.value_usd, r.quantity, r.quantity_unit, r.net_weight_kg, r.quantity_estimated, r.net_weight_estimated,
                   r.legacy_flag, s.source_id AS source, r.note, r.provenance_id, r.line,
                   s.reporter AS reporter_key, s.partner AS partner_key
            FROM records r JOIN series s ON s.id = r.series_id
                LEFT JOIN descriptions d ON d.id = r.description_id
                LEFT JOIN area_keys rk ON rk.key = s.reporter
                LEFT JOIN areas ra ON ra.code = COALESCE(r.reporter_code, rk.code)
                LEFT JOIN area_keys pk ON pk.key = s.partner
                LEFT JOIN areas pa ON pa.code = COALESCE(r.partner_code, pk.code);
        """

    /// Upgrades a version 3 store to version 4: the area tables and the renamed view (no record is touched).
    static func upgradeFromVersion3(_ db: Database) throws {
        try db.execute(sql: version4SQL)
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    /// Creates the tables of an empty store.
    static func create(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE IF NOT EXISTS provenance (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                file_name TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, reader TEXT NOT NULL,
                rows_read INTEGER NOT NULL, rows_kept INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
                rows_replaced INTEGER NOT NULL, ingested_at TEXT NOT NULL, bytes INTEGER);
            """)
        try createVersion2Tables(db)
        try db.execute(sql: queryIndexesSQL)
        try db.execute(sql: version4SQL)
        try db.execute(sql: "PRAGMA user_version = \(version)")
    }

    /// Upgrades a version 2 store to the current version: adds the query indexes, the area tables and the view.
    /// Runs inside the caller's write transaction.
    static func upgradeFromVersion2(_ db: Database) throws {
        try db.execute(sql: queryIndexesSQL)
        try db.execute(sql: "PRAGMA user_version = 3")
    }

    /// The tables added (or replaced) by version 2.
    private static func createVersion2Tables(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE series (
                id INTEGER PRIMARY KEY,
                reporter TEXT NOT NULL, partner TEXT NOT NULL, flow TEXT NOT NULL,
                classification TEXT NOT NULL, commodity TEXT NOT NULL, source_id TEXT NOT NULL,
                UNIQUE (reporter, partner, flow, classification, commodity, source_id));
            CREATE TABLE descriptions (id INTEGER PRIMARY KEY, text TEXT NOT NULL UNIQUE);
            CREATE TABLE records (
                series_id INTEGER NOT NULL REFERENCES series(id), period TEXT NOT NULL,
                reporter_code INTEGER, partner_code INTEGER, description_id INTEGER REFERENCES descriptions(id),
                value_usd REAL, quantity REAL, quantity_unit INTEGER, net_weight_kg REAL,
                quantity_estimated INTEGER NOT NULL, net_weight_estimated INTEGER NOT NULL, legacy_flag INTEGER,
                note TEXT, provenance_id INTEGER NOT NULL REFERENCES provenance(id), line INTEGER NOT NULL);
            CREATE UNIQUE INDEX records_key ON records (series_id, period);
            CREATE VIEW trade_records AS
                SELECT s.reporter, s.partner, s.flow, r.period, s.commodity, s.classification,
                       r.reporter_code, r.partner_code, d.text AS description, r.value_usd, r.quantity, r.quantity_unit,
                       r.net_weight_kg, r.quantity_estimated, r.net_weight_estimated, r.legacy_flag, s.source_id, r.note,
                       r.provenance_id, r.line
                FROM records r JOIN series s ON s.id = r.series_id LEFT JOIN descriptions d ON d.id = r.description_id;
            """)
    }

    /// Upgrades a version 1 store (records keyed by seven text columns) to version 2, keeping every record.
    ///
    /// Runs inside the caller's write transaction: a failure (or a killed process) leaves the version 1 store.
    static func upgradeFromVersion1(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE records RENAME TO records_version1")
        try db.execute(sql: "ALTER TABLE provenance ADD COLUMN bytes INTEGER")
        try createVersion2Tables(db)
        try db.execute(sql: """
            INSERT INTO series (reporter, partner, flow, classification, commodity, source_id)
                SELECT DISTINCT reporter, partner, flow, classification, commodity, source_id FROM records_version1;
            INSERT INTO descriptions (text)
                SELECT DISTINCT description FROM records_version1 WHERE description IS NOT NULL;
            INSERT INTO records (series_id, period, reporter_code, partner_code, description_id, value_usd, quantity,
                                 quantity_unit, net_weight_kg, quantity_estimated, net_weight_estimated, legacy_flag,
                                 note, provenance_id, line)
                SELECT s.id, o.period, o.reporter_code, o.partner_code, d.id, o.value_usd, o.quantity,
                       o.quantity_unit, o.net_weight_kg, o.quantity_estimated, o.net_weight_estimated, o.legacy_flag,
                       o.note, o.provenance_id, o.line
                FROM records_version1 o
                JOIN series s ON s.reporter = o.reporter AND s.partner = o.partner AND s.flow = o.flow
                    AND s.classification = o.classification AND s.commodity = o.commodity AND s.source_id = o.source_id
                LEFT JOIN descriptions d ON d.text = o.description;
            DROP TABLE records_version1;
            """)
        try db.execute(sql: "PRAGMA user_version = 2")
    }

    // MARK: - Migrations

    /// The schema version of a store as found: `nil` for a file without tradescope's tables (a new store), 1 for a
    /// version 1 store (which set no `user_version`), else its `PRAGMA user_version`.
    static func storedVersion(_ db: Database) throws -> Int? {
        guard try db.tableExists("provenance") && db.tableExists("records") else { return nil }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version == 0, try db.columns(in: "records").contains(where: { $0.name == "commodity" }) { return 1 }
        return version
    }

    /// The migrations, in order, each named by the version it leaves the store at. Each checks the stored version
    /// inside its (immediate) transaction and does nothing when the store is past it: another process may have run
    /// it between this one's reading of the migrator's record and its taking the write lock.
    static let migrator: DatabaseMigrator = {
        var migrator = DatabaseMigrator()
        // An empty file gets the tables of the current version at once (as before the migrator), not those of
        // version 1 and then each upgrade.
        migrator.registerMigration(Migration.create) { db in
            if try storedVersion(db) == nil { try create(db) }
        }
        migrator.registerMigration(Migration.version2) { db in
            if try storedVersion(db) == 1 { try upgradeFromVersion1(db) }
        }
        migrator.registerMigration(Migration.version3) { db in
            if try storedVersion(db) == 2 { try upgradeFromVersion2(db) }
        }
        migrator.registerMigration(Migration.version4) { db in
            if try storedVersion(db) == 3 { try upgradeFromVersion3(db) }
        }
        return migrator
    }()

    /// The identifiers of the migrations.
    enum Migration {
        static let create = "create"
        static let version2 = "version2"
        static let version3 = "version3"
        static let version4 = "version4"

        /// The migrations behind a store of `version` (0: none).
        static func applied(upTo version: Int) -> ArraySlice<String> {
            [create, version2, version3, version4].prefix(version)
        }
    }

    /// Creates or upgrades the store behind `queue` to the current version, under SQLite's write lock.
    ///
    /// First, in an immediate transaction (which waits up to the connection's busy timeout for another writer),
    /// the migrator's record is created when missing and made to follow `PRAGMA user_version` (``adoptVersion(_:path:)``).
    /// Then `DatabaseMigrator` runs the migrations not yet recorded, each in an immediate transaction of its own.
    /// Two processes opening one old store at once both get the upgraded store: the second finds the version
    /// reached, does nothing, and records the migration again, which the record's `ON CONFLICT IGNORE` key allows.
    ///
    /// - Throws: `TradeIOError.store` for a store of a version this code does not know; GRDB's errors otherwise
    ///   (the caller maps them: ``TradeStore/storeAccess(path:_:)``).
    static func migrate(_ queue: DatabaseQueue, path: String) throws {
        try queue.writeWithoutTransaction { db in
            try db.inTransaction(.immediate) {
                try adoptVersion(db, path: path)
                return .commit
            }
        }
        try migrator.migrate(queue)
    }

    /// Makes the migrator's record (`grdb_migrations`, as GRDB lays it out, with `ON CONFLICT IGNORE` on its key)
    /// say what the store's version says: `PRAGMA user_version` is the record that counts (every tradescope kept
    /// it, and tools outside tradescope may set it), the migrator's follows it.
    ///
    /// - Throws: `TradeIOError.store` when the store's version is not one this code upgrades (a later version).
    static func adoptVersion(_ db: Database, path: String) throws {
        let found = try storedVersion(db)
        if let found, !(1...version).contains(found) {
            throw TradeIOError.store(path: path, reason: "the store has schema version \(found); this tradescope reads version \(version) (and upgrades versions 1 to 3)")
        }
        try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY ON CONFLICT IGNORE)")
        try db.execute(sql: "DELETE FROM grdb_migrations")
        for identifier in Migration.applied(upTo: found ?? 0) {
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [identifier])
        }
    }

    /// The version 1 tables, as that version created them (for the upgrade test).
    static let version1SQL = """
        CREATE TABLE IF NOT EXISTS provenance (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            file_name TEXT NOT NULL, sha256 TEXT NOT NULL UNIQUE, reader TEXT NOT NULL,
            rows_read INTEGER NOT NULL, rows_kept INTEGER NOT NULL, rows_rejected INTEGER NOT NULL,
            rows_replaced INTEGER NOT NULL, ingested_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS records (
            reporter TEXT NOT NULL, partner TEXT NOT NULL, flow TEXT NOT NULL, period TEXT NOT NULL,
            commodity TEXT NOT NULL, classification TEXT NOT NULL,
            reporter_code INTEGER, partner_code INTEGER, description TEXT,
            value_usd REAL, quantity REAL, quantity_unit INTEGER, net_weight_kg REAL,
            quantity_estimated INTEGER NOT NULL, net_weight_estimated INTEGER NOT NULL, legacy_flag INTEGER,
            source_id TEXT NOT NULL, note TEXT,
            provenance_id INTEGER NOT NULL REFERENCES provenance(id), line INTEGER NOT NULL,
            PRIMARY KEY (reporter, partner, flow, period, commodity, classification, source_id));
        """
}
