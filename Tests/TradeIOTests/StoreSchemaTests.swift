import Foundation
import GRDB
import Testing
import TradeDomain
@testable import TradeIO

/// The version 2 store (series and descriptions kept once, upserts of 32 rows, the reader on its own thread):
/// replacement in file order across statement boundaries, the upgrade of a version 1 store, the period text
/// bound without a `String`, the size check that decides when a file is hashed first, and the reference check.
@Suite("TradeStore: schema version 2")
struct StoreSchemaTests {
    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A tidy file of `count` rows whose keys repeat: row `i` has period `2000 + i % keys` and value `i + 1`.
    func repeatingKeysFile(count: Int, keys: Int, source: String = "TEST", in directory: URL, name: String) throws -> String {
        var text = TidyReader.requiredColumns.joined(separator: ",") + "\n"
        for index in 0..<count {
            text += "\(2000 + index % keys),CHN,PRK,import,2701,\(index + 1),,,\(source)\n"
        }
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("a repeated key keeps the later row, across upserts of 32 rows and across files, and every replacement is counted",
          arguments: [(1, 1), (31, 7), (32, 32), (33, 5), (100, 37), (1_000, 999), (1_000, 3)])
    func replacementInFileOrder(count: Int, keys: Int) throws {
        let directory = try temporaryDirectory()
        let store = try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
        let first = try repeatingKeysFile(count: count, keys: keys, in: directory, name: "first.csv")
        let summary = try store.ingest(file: first)
        let distinct = min(count, keys)
        #expect(summary.rowsKept == count && summary.rowsReplaced == count - distinct)
        // The dry run counts the same replacements from its key hashes.
        #expect(try TradeStore.validate(file: first).rowsReplaced == count - distinct)
        // Hand calculation: the last row with period 2000 + k is the largest i < count with i % keys == k.
        func expectedValues(_ count: Int) -> [Int: Double] {
            var values: [Int: Double] = [:]
            for index in 0..<count { values[2000 + index % keys] = Double(index + 1) }
            return values
        }
        func storedValues() throws -> [Int: Double] {
            Dictionary(uniqueKeysWithValues: try store.records().map { ($0.period.year, $0.value?.amount ?? .nan) })
        }
        #expect(try storedValues() == expectedValues(count))
        // A second file with twice the rows: every key it shares with the first replaces that record.
        let second = try repeatingKeysFile(count: 2 * count, keys: keys, in: directory, name: "second.csv")
        let again = try store.ingest(file: second)
        #expect(again.rowsKept == 2 * count && again.rowsReplaced == 2 * count - min(2 * count, keys) + distinct)
        #expect(try storedValues() == expectedValues(2 * count))
        #expect(try store.recordCount() == min(2 * count, keys))
        #expect(try store.integrityCheck() == ["ok"])
        // Under strict the first repeated key is an error at its line (line 1 is the header).
        let strictStore = try TradeStore(path: directory.appendingPathComponent("strict.sqlite").path)
        if count > keys {
            #expect(throws: TradeIOError.self) { try strictStore.ingest(file: first, strict: true) }
            do {
                _ = try strictStore.ingest(file: first, strict: true)
            } catch {
                #expect(error.location?.line == keys + 2)
            }
            #expect(try strictStore.recordCount() == 0)
        } else {
            #expect(try strictStore.ingest(file: first, strict: true).rowsReplaced == 0)
        }
    }

    @Test("a version 1 store is upgraded when opened: every record, the provenance and re-ingest detection kept")
    func upgradeFromVersion1() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("v1.sqlite").path
        let files = ["comtrade_plus_synthetic.csv", "comtrade_legacy_head30.csv"]
        var expected: [TradeFileRow] = []
        do {
            // A store as version 1 wrote it: its tables, one provenance row per file, one row per record.
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: StoreSchema.version1SQL)
                for file in files {
                    let digest = try SHA256.hexDigest(ofFile: fixturePath(file), displayName: file)
                    try db.execute(sql: """
                        INSERT INTO provenance (file_name, sha256, reader, rows_read, rows_kept, rows_rejected, rows_replaced, ingested_at)
                        VALUES (?, ?, 'x', 0, 0, 0, 0, '2026-11-28T00:00:00Z')
                        """, arguments: [file, digest])
                    let provenanceID = db.lastInsertedRowID
                    for row in try TradeFileReader(path: fixturePath(file), displayName: file).readAll().rows {
                        let r = row.record
                        try db.execute(sql: """
                            INSERT OR REPLACE INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """, arguments: [
                                r.reporter.iso3, r.partner.iso3, r.flow.rawValue, r.period.description, r.commodity.description,
                                r.classification ?? "", row.reporterNumericCode, row.partnerNumericCode, r.commodityDescription,
                                r.value?.amount, r.quantity?.amount, r.quantity?.unit.code, r.netWeightKilograms, r.isQuantityEstimated,
                                r.isNetWeightEstimated, row.legacyEstimationFlag, r.sourceID, r.note, provenanceID, row.line,
                            ])
                        expected.append(row)
                    }
                }
            }
        }
        let store = try TradeStore(path: path)
        #expect(Set(try store.rows()) == Set(expected))
        #expect(try store.rows().count == expected.count)
        #expect(try store.integrityCheck() == ["ok"])
        #expect(try store.provenance().map(\.file) == files)
        let version = try DatabaseQueue(path: path).read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") }
        #expect(version == StoreSchema.version)
        // Files of version 1 have no size on record, so a file is hashed first and a repeat is skipped.
        #expect(try store.ingest(file: fixturePath(files[0])).alreadyIngested)
        // Opening it again changes nothing.
        #expect(Set(try TradeStore(path: path).rows()) == Set(expected))
    }

    @Test("a store of a later schema version is refused with a message, not misread")
    func laterVersionRefused() throws {
        let path = try temporaryDirectory().appendingPathComponent("later.sqlite").path
        _ = try TradeStore(path: path)
        try DatabaseQueue(path: path).write { db in try db.execute(sql: "PRAGMA user_version = 99") }
        #expect(throws: TradeIOError.self) { try TradeStore(path: path) }
    }

    @Test("the period text bound to SQLite is Period.description, for every frequency")
    func periodText() throws {
        let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
        defer { buffer.deallocate() }
        var periods = [Period(year: 1000), Period(year: 9999), Period(year: 2015)]
        for year in [1000, 1999, 2015, 9999] {
            for month in 1...12 { periods.append(try Period(year: year, month: month)) }
            for quarter in 1...4 { periods.append(try Period(year: year, quarter: quarter)) }
        }
        for period in periods {
            let text = String(decoding: RecordWriter.periodText(period, into: buffer), as: UTF8.self)
            #expect(text == period.description)
        }
    }

    @Test("a file of a size ingested before is hashed first and skipped when its bytes repeat; same size, other bytes is ingested")
    func sizeDecidesHashingFirst() throws {
        let directory = try temporaryDirectory()
        let store = try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
        let first = try repeatingKeysFile(count: 10, keys: 10, source: "AAAA", in: directory, name: "a.csv")
        let sameSize = try repeatingKeysFile(count: 10, keys: 10, source: "BBBB", in: directory, name: "b.csv")
        let copy = directory.appendingPathComponent("copy.csv").path
        try FileManager.default.copyItem(atPath: first, toPath: copy)
        #expect(try store.ingest(file: first).rowsKept == 10)
        #expect(try store.ingest(file: copy).alreadyIngested)
        let other = try store.ingest(file: sameSize)
        #expect(!other.alreadyIngested && other.rowsKept == 10 && other.rowsReplaced == 0)
        #expect(try store.recordCount() == 20)
        let sizes = try DatabaseQueue(path: store.path).read { db in try Int64.fetchAll(db, sql: "SELECT bytes FROM provenance ORDER BY id") }
        let size = try #require(regularFileSize(first))
        #expect(sizes == [size, size])
    }

    @Test("the dry run's key hash: equal keys hash alike, keys differing in any one field (or a byte moved between fields) do not")
    func keyHashSeparatesFields() throws {
        func record(reporter: String = "CHN", partner: String = "PRK", flow: TradeFlow = .import, period: Period = Period(year: 2015),
                    code: String = "2701", classification: String? = "H4", source: String = "UN_COMTRADE") throws -> TradeRecord {
            TradeRecord(period: period, reporter: try CountryCode(reporter), partner: try CountryCode(partner), flow: flow,
                        commodity: try CommodityCode(parsing: code), commodityDescription: "coal", classification: classification,
                        value: nil, quantity: nil, netWeightKilograms: nil, isQuantityEstimated: false, isNetWeightEstimated: false,
                        sourceID: source)
        }
        let base = try record()
        #expect(TradeStore.keyHash(base) == TradeStore.keyHash(try record()))
        let variants = [
            try record(reporter: "KOR"), try record(partner: "KOR"), try record(flow: .export), try record(period: Period(year: 2016)),
            try record(period: try Period(year: 2015, month: 1)), try record(code: "2702"), try record(code: "270111"),
            try record(classification: nil), try record(classification: "H5"), try record(source: "KITA"),
            try record(classification: "H", source: "4UN_COMTRADE"),
        ]
        let hashes = Set(([base] + variants).map(TradeStore.keyHash))
        #expect(hashes.count == variants.count + 1)
    }

    @Test("integrityCheck reports a record whose series is missing")
    func brokenReference() throws {
        let directory = try temporaryDirectory()
        let store = try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
        _ = try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"))
        #expect(try store.integrityCheck() == ["ok"])
        // GRDB enforces references by default (it refuses this delete); the store's own connection does not.
        var unchecked = Configuration()
        unchecked.foreignKeysEnabled = false
        try DatabaseQueue(path: store.path, configuration: unchecked).write { db in try db.execute(sql: "DELETE FROM series WHERE id = 1") }
        let problems = try store.integrityCheck()
        #expect(problems != ["ok"] && problems.contains { $0.contains("no parent in series") })
    }
}
