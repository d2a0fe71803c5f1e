import Foundation
import Testing

/// The progress bar of long work (`--by` batches, `report` on a store) goes to standard error only when it is a
/// terminal. These runs have pipes for both streams, as a script would: nothing may reach standard error, and
/// standard output must carry the results only. (The terminal case was checked by hand with `script -qc`: the
/// bar is drawn on standard error, and a JSON written with `--out` is the same byte for byte apart from the
/// command line in the manifest.)
@Suite("Progress bars: nothing on stderr when it is not a terminal")
struct ProgressOutputTests {
    static func expectClean(_ result: CommandResult, _ command: String) {
        #expect(result.status == 0, "\(command): \(result.standardError)")
        #expect(result.standardError.isEmpty, "\(command) wrote to stderr: \(result.standardError)")
        #expect(!result.standardOutput.contains("\r"), "\(command): a carriage return in stdout")
        #expect(!result.standardOutput.contains(" groups "), "\(command): progress text in stdout")
    }

    @Test("trend, breaks and anomalies --by hs2 over several groups", arguments: [
        ["trend", "--by", "hs2", "--format", "csv"],
        ["breaks", "--by", "hs2", "--method", "cusum", "--format", "csv"],
        ["anomalies", "--by", "hs2", "--format", "json"],
    ])
    func batches(arguments: [String]) throws {
        let result = try runTradescope(arguments)
        Self.expectClean(result, arguments.joined(separator: " "))
        // Several groups really ran (the bar would have had something to count).
        #expect(result.standardOutput.split(separator: "\n").count >= 2)
    }

    @Test("report on a --db store with several codes")
    func reportOnStore() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let db = directory.appendingPathComponent("trade.sqlite").path
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("TradeIOTests/Fixtures/comtrade_legacy_selected.csv").path
        #expect(try runTradescope(["ingest", file, "--db", db]).status == 0)
        let result = try runTradescope(["report", "--db", db, "--reporter", "CHN", "--partner", "PRK", "--hs", "27,V", "--format", "json"])
        Self.expectClean(result, "report --db")
        #expect(result.standardOutput.hasPrefix("{"))
    }
}
