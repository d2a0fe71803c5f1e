import Foundation
import Testing

/// Writing results (issue 23): failed writes are messages, not traps.
@Suite("output writing")
struct OutputWriteTests {
    /// Issue 23 item 4: `series > /dev/full` died with SIGILL in a `try!` inside `FileHandle.write`.
    @Test("a write error on standard output is exit 3 with the system's reason", arguments: [
        ["series", "--hs", "2701"], ["series", "--hs", "2701", "--format", "json"], ["events"],
    ])
    func standardOutputFull(_ arguments: [String]) throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try runTradescope(arguments, standardOutput: full)
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("Error: cannot write standard output: No space left on device"), "\(result.standardError)")
        #expect(!result.standardError.contains("Fatal error") && !result.standardError.contains("Stack dump"))
    }

    @Test("ingest's summary on a full standard output is exit 3 too")
    func ingestSummaryFull() throws {
        let input = fixtureDataDirectory().appendingPathComponent("dprk_china.csv").path
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let result = try runTradescope(["ingest", input, "--dry-run"], standardOutput: full)
        #expect(result.status == 3, "\(result.standardError)")
        #expect(result.standardError.contains("cannot write standard output"), "\(result.standardError)")
    }
}
