import Foundation
import Testing
import _TestSupport

/// `tradescope ingest --format json` and the progress bar's silence off a terminal.
@Suite("tradescope ingest: JSON summary and progress")
struct IngestOutputTests {
    static let readerFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("TradeIOTests/Fixtures")

    struct File: Decodable {
        let file: String; let reader: String?; let rows_read: Int; let rows_kept: Int; let rows_rejected: Int
        let rows_replaced: Int; let suspect_quantity_rows: Int; let already_ingested: Bool; let dry_run: Bool
    }
    struct Summary: Decodable { let files: [File]; let rows_read: Int; let rows_kept: Int; let rows_rejected: Int; let rejects_file: String? }

    @Test("--format json: per-file counts and totals, matching the fixtures' expected files")
    func json() throws {
        let plus = Self.readerFixtures.appendingPathComponent("comtrade_plus_synthetic.csv").path
        let legacy = Self.readerFixtures.appendingPathComponent("comtrade_legacy_selected.csv").path
        let result = try runTradescope(["ingest", plus, legacy, "--dry-run", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.standardOutput.utf8))
        // comtrade_plus_synthetic.expected.csv: 30 data lines, 24 "kept", 6 "rejected", 3 kept with suspect = true;
        // comtrade_legacy_selected.expected.csv: 5 lines, all kept, no quantity; 3 of them have a net weight of 0
        // against a positive value (counted with Python's csv module), which is a suspect quantity too (issue 18).
        #expect(summary.files.map(\.reader) == ["comtrade-plus", "comtrade-legacy-api"])
        #expect(summary.files.map(\.rows_read) == [30, 5] && summary.files.map(\.rows_kept) == [24, 5])
        #expect(summary.files.map(\.rows_rejected) == [6, 0] && summary.files.map(\.suspect_quantity_rows) == [3, 3])
        #expect(summary.files.allSatisfy { $0.dry_run && !$0.already_ingested && $0.rows_replaced == 0 })
        #expect(summary.rows_read == 35 && summary.rows_kept == 29 && summary.rows_rejected == 6 && summary.rejects_file == nil)
        #expect(result.standardOutput.contains("\"rejects_file\": null"), "missing is null, never omitted")
    }

    @Test("a large file ingested with standard error not a terminal: no progress output at all")
    func noProgressOffTerminal() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        // A synthetic file (not real data) over the 8 MB threshold: 45,000 Comtrade+ rows of about 260 bytes.
        var text = IngestCommandTests.plusHeader + "\n"
        for index in 0..<45_000 {
            text += IngestCommandTests.plusRow(year: 1990 + index % 30, valueUSD: String(index + 1), kilograms: "1000") + "\n"
        }
        let file = directory.appendingPathComponent("large.csv")
        try Data(text.utf8).write(to: file)
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int ?? 0 > 8 << 20)
        let result = try runTradescope(["ingest", file.path, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.standardError.isEmpty, "stderr: \(result.standardError.prefix(200))")
        // 30 distinct years, so 44,970 rows repeat a key earlier in the file and count as replaced.
        #expect(result.standardOutput.contains("45000 rows read, 45000 kept, 0 rejected, 44970 replaced"))
    }
}
