import _TestSupport
import Foundation
import GRDB
import Testing
import TradeDomain
@testable import TradeIO

/// Issue 18 item 2: the reader and the store give the same result whatever the order of a file's rows
/// (series-major, period-major as the Comtrade+ API and bulk files deliver them, shuffled), and the writer's
/// sorted batches keep the file-order semantics of replacement (the later row of a key wins, and is counted).
@Suite("Row order: series-major, period-major, shuffled")
struct RowOrderTests {
    /// SYNTHETIC Comtrade+ rows (seeded; not data): `series` (at most 336) distinct series (reporter, partner,
    /// code, flow: the digits of the series number in bases 7, 6, 4 and 2) over `months` months from 2016-01,
    /// each row's figures drawn from the seed. Returned series-major.
    static func rows(series: Int, months: Int, seed: UInt64) -> [(series: Int, month: Int, line: String)] {
        var random = PropertyRandom(seed: seed)
        let areas = [(156, "CHN"), (408, "PRK"), (410, "KOR"), (392, "JPN"), (643, "RUS"), (490, "S19"), (842, "USA")]
        let codes = [("2701", "\"Coal; briquettes, ovoids\""), ("2601", "Iron ores"), ("0307", "\"Molluscs, frozen\""), ("6110", "Jerseys")]
        var result: [(Int, Int, String)] = []
        for s in 0..<series {
            precondition(s < 336, "at most 336 distinct series")
            let reporter = areas[s % 7]
            let partner = areas[(s % 7 + 1 + (s / 7) % 6) % 7]
            let (code, description) = codes[(s / 42) % 4]
            let flow = (s / 168) % 2 == 0 ? "M" : "X"
            for m in 0..<months {
                let year = 2016 + m / 12, month = m % 12 + 1
                let value = Int(random.next() % 1_000_000) + 1
                let unit = random.next() % 10 == 0 ? "-1" : "8"
                let qty = unit == "-1" ? "" : String(random.next() % 50_000)
                let line = "C,M,\(year)\(month < 10 ? "0" : "")\(month)01,\(year),\(month),\(year)\(month < 10 ? "0" : "")\(month),"
                    + "\(reporter.0),\(reporter.1),R,\(flow),F,\(partner.0),\(partner.1),P,0,W00,World,H5,HS,True,\(code),\(description),4,False,"
                    + "C00,TOTAL CPC,0,0,TOTAL MOT,\(unit),kg,\(qty),False,-1,N/A,,False,\(qty),False,,False,\(value),,\(value),0,True,False\n"
                result.append((s, m, line))
            }
        }
        return result
    }

    /// A row without its line, for comparing results field by field across orders.
    struct Fields: Hashable {
        let record: TradeRecord
        let reporterCode: Int?, partnerCode: Int?, legacyFlag: Int?
        init(_ row: TradeFileRow) {
            record = row.record
            reporterCode = row.reporterNumericCode
            partnerCode = row.partnerNumericCode
            legacyFlag = row.legacyEstimationFlag
        }
    }

    static func orders(_ rows: [(series: Int, month: Int, line: String)], seed: UInt64) -> [(String, [String])] {
        var random = PropertyRandom(seed: seed)
        let periodMajor = rows.sorted { ($0.month, $0.series) < ($1.month, $1.series) }
        return [("series", rows.map(\.line)), ("period", periodMajor.map(\.line)), ("shuffled", rows.shuffled(using: &random).map(\.line))]
    }

    func temporaryStore() throws -> TradeStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-order-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    @Test("reader, dry run and store: the same rows in three orders give the same records and counts")
    func sameResult() throws {
        let header = TradeFileLayout.comtradePlusColumns.joined(separator: ",") + "\n"
        // 300 series x 24 months; more series than a period's block, fewer than the converter's table holds.
        let rows = Self.rows(series: 300, months: 24, seed: 20_261_204)
        var reads: [Set<Fields>] = [], stores: [Set<Fields>] = [], summaries: [IngestSummary] = []
        for (name, lines) in Self.orders(rows, seed: 7) {
            let path = try temporaryFile(header + lines.joined(), name: "\(name).csv")
            let read = try TradeFileReader(path: path).readAll()
            #expect(read.rejected.isEmpty, "\(name): \(read.rejected.prefix(2))")
            reads.append(Set(read.rows.map(Fields.init)))
            let store = try temporaryStore()
            let summary = try store.ingest(file: path)
            let dry = try TradeStore.validate(file: path)
            #expect(dry.rowsKept == summary.rowsKept && dry.rowsReplaced == summary.rowsReplaced && dry.suspectQuantityRows == summary.suspectQuantityRows)
            stores.append(Set(try store.rows().map(Fields.init)))
            summaries.append(summary)
        }
        #expect(reads[0].count == 7200 && reads.allSatisfy { $0 == reads[0] })
        #expect(stores.allSatisfy { $0 == reads[0] })
        #expect(summaries.allSatisfy { $0.rowsKept == 7200 && $0.rowsReplaced == 0 })
    }

    @Test("sorted batches keep file order for repeated keys: the last row of a key wins, each repeat is counted", arguments: [1, 3, 5, 64, 1 << 18])
    func replacementsAcrossBatches(batch: Int) throws {
        // 40 series x 6 months, then 150 rows repeating random keys with new values, shuffled together.
        let rows = Self.rows(series: 40, months: 6, seed: 99)
        var random = PropertyRandom(seed: 12_345)
        var lines = rows.map(\.line).shuffled(using: &random)
        for _ in 0..<150 {
            let original = rows[Int(random.next() % UInt64(rows.count))].line
            var fields = original.dropLast().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            // The description is quoted with a comma in some series: change the value, the last-but-3 field.
            fields[fields.count - 4] = String(random.next() % 1000 + 1)
            lines.insert(fields.joined(separator: ",") + "\n", at: Int(random.next() % UInt64(lines.count + 1)))
        }
        let header = TradeFileLayout.comtradePlusColumns.joined(separator: ",") + "\n"
        let path = try temporaryFile(header + lines.joined(), name: "repeats.csv")
        let read = try TradeFileReader(path: path).readAll()
        // Reference: the last row of each key in file order (a dictionary, no store involved).
        var last: [String: TradeFileRow] = [:]
        for row in read.rows { last[TradeStore.key(row.record)] = row }
        let store = try temporaryStore()
        var replaced = 0
        try store.queue.write { db in
            try db.execute(sql: "INSERT INTO provenance (file_name, sha256, reader, rows_read, rows_kept, rows_rejected, rows_replaced, ingested_at) VALUES ('x', 'x', '', 0, 0, 0, 0, '')")
            let writer = try RecordWriter(db: db, provenanceID: db.lastInsertedRowID, strict: false, fileName: "repeats.csv", sortBatch: batch)
            for row in read.rows { try writer.write(row) }
            replaced = try writer.finish()
        }
        #expect(replaced == read.rows.count - last.count)
        #expect(replaced == 150)
        let stored = try store.rows()
        #expect(Set(stored) == Set(last.values))
        #expect(stored.count == last.count)
    }
}
