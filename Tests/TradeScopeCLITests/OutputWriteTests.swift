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

/// Issue 23 item 1: `--rejects` truncated its path first, with no `--force`: `--rejects s.sqlite`
/// turned a store into a 23-byte file, `--rejects in.csv` destroyed the input before it was read.
@Suite("ingest --rejects keeps what it must not write")
struct RejectsTargetTests {
    static let header = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"

    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-rejects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("the store, an input and an existing file without --force are refused, each left as it was")
    func refusals() throws {
        let dir = try directory()
        let input = dir.appendingPathComponent("in.csv")
        let text = Self.header + "2013,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,\n2014,CHN,PRK,import,27X1,5,1,t,KITA_AJU_2014,\n"
        try Data(text.utf8).write(to: input)
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try runTradescope(["ingest", input.path, "--db", db]).status == 0)
        let storeBytes = try Data(contentsOf: URL(fileURLWithPath: db))
        let onStore = try runTradescope(["ingest", input.path, "--db", db, "--rejects", db, "--force"])
        #expect(onStore.status == 2 && onStore.standardError.contains("which this ingest reads or writes"), "\(onStore.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == storeBytes)
        let onInput = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", dir.path + "/./in.csv", "--force"])
        #expect(onInput.status == 2 && onInput.standardError.contains("which this ingest reads or writes"), "\(onInput.standardError)")
        #expect(try String(contentsOf: input, encoding: .utf8) == text)
        let newStore = dir.appendingPathComponent("new.sqlite").path
        let onNewStore = try runTradescope(["ingest", input.path, "--db", newStore, "--rejects", newStore])
        #expect(onNewStore.status == 2, "\(onNewStore.standardError)")
        let existing = dir.appendingPathComponent("old.csv")
        try Data("keep me\n".utf8).write(to: existing)
        let kept = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", existing.path])
        #expect(kept.status == 2 && kept.standardError.contains("the rejects file exists; add --force"), "\(kept.standardError)")
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me\n")
    }

    @Test("with --force a regular file is replaced keeping its mode; a FIFO gets the rows in place")
    func replaceKeepingMode() throws {
        let dir = try directory()
        let input = dir.appendingPathComponent("in.csv")
        try Data((Self.header + "2014,CHN,PRK,import,27X1,5,1,t,KITA_AJU_2014,\n").utf8).write(to: input)
        let target = dir.appendingPathComponent("rejects.csv")
        try Data("old\n".utf8).write(to: target)
        chmod(target.path, 0o600)
        let result = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", target.path, "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("file,line,field,reason\n"))
        var status = stat()
        #expect(stat(target.path, &status) == 0 && status.st_mode & 0o777 == 0o600)
        // No temporary file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["in.csv", "rejects.csv"])
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader on the FIFO (open(2) blocks until the writer opens it; read to the end).
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            guard descriptor >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while read(descriptor, &buffer, buffer.count) > 0 {}
            close(descriptor)
        }
        reader.start()
        let piped = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", fifo])
        #expect(piped.status == 0, "\(piped.standardError)")
        #expect(stat(fifo, &status) == 0 && (status.st_mode & S_IFMT) == S_IFIFO)
    }
}
