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
        #expect(onStore.status == 2 && onStore.standardError.contains("which this command reads or writes"), "\(onStore.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == storeBytes)
        let onInput = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", dir.path + "/./in.csv", "--force"])
        #expect(onInput.status == 2 && onInput.standardError.contains("which this command reads or writes"), "\(onInput.standardError)")
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

/// Issue 23 item 2: `--out PATH --force` replaced its target by rename (`Data.write(.atomic)`): a FIFO's reader
/// got nothing, a device node became a regular file, a 0600 file became 0644, and a hard link was cut.
@Suite("--out and --rejects keep the kind, mode and links of what they replace")
struct OutputFileKindTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-out-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func status(_ path: String) -> stat {
        var status = stat()
        _ = stat(path, &status)
        return status
    }

    @Test("--out --force keeps a 0600 file 0600 and leaves no temporary file")
    func keepsMode() throws {
        let dir = try directory()
        let target = dir.appendingPathComponent("series.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        chmod(target, 0o600)
        let result = try runTradescope(["series", "--hs", "2701", "--format", "csv", "--out", target, "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(status(target).st_mode & 0o777 == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("period,"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["series.csv"])
    }

    @Test("--out --force on a hard-linked file writes the content every link sees; a symbolic link stays a link")
    func keepsLinks() throws {
        let dir = try directory()
        let target = dir.appendingPathComponent("a.csv").path, other = dir.appendingPathComponent("b.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        #expect(link(target, other) == 0)
        let result = try runTradescope(["series", "--hs", "2701", "--format", "csv", "--out", target, "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("period,"))
        #expect(try String(contentsOfFile: other, encoding: .utf8) == written)
        #expect(status(target).st_ino == status(other).st_ino && status(target).st_nlink == 2)
        let symbolic = dir.appendingPathComponent("c.csv").path
        #expect(symlink(other, symbolic) == 0)
        let viaLink = try runTradescope(["series", "--hs", "2701", "--format", "json", "--out", symbolic, "--force"])
        #expect(viaLink.status == 0, "\(viaLink.standardError)")
        var linkStatus = stat()
        #expect(lstat(symbolic, &linkStatus) == 0 && (linkStatus.st_mode & S_IFMT) == S_IFLNK)
        #expect(try String(contentsOfFile: target, encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["a.csv", "b.csv", "c.csv"])
    }

    @Test("--out on a FIFO writes to its reader; --out /dev/null stays a device")
    func specialFiles() throws {
        let dir = try directory()
        let fifo = dir.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let received = LockedBytes()
        let reader = Thread {
            let descriptor = open(fifo, O_RDONLY)
            guard descriptor >= 0 else { return }
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(descriptor, &buffer, buffer.count)
                if count <= 0 { break }
                received.append(buffer[0..<count])
            }
            close(descriptor)
            received.finish()
        }
        reader.start()
        let result = try runTradescope(["series", "--hs", "2701", "--format", "csv", "--out", fifo, "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        received.wait()
        #expect(String(decoding: received.bytes, as: UTF8.self).hasPrefix("period,"))
        #expect((status(fifo).st_mode & S_IFMT) == S_IFIFO)
        let null = try runTradescope(["series", "--hs", "2701", "--out", "/dev/null", "--force"])
        #expect(null.status == 0, "\(null.standardError)")
        #expect((status("/dev/null").st_mode & S_IFMT) == S_IFCHR)
    }

    @Test("--rejects --force on a hard-linked file keeps the link")
    func rejectsKeepLinks() throws {
        let dir = try directory()
        let input = dir.appendingPathComponent("in.csv")
        try Data((RejectsTargetTests.header + "2014,CHN,PRK,import,27X1,5,1,t,KITA_AJU_2014,\n").utf8).write(to: input)
        let target = dir.appendingPathComponent("rejects.csv").path, other = dir.appendingPathComponent("linked.csv").path
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: target))
        #expect(link(target, other) == 0)
        let result = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", target, "--force"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(try String(contentsOfFile: other, encoding: .utf8).contains("27X1"))
        #expect(status(target).st_ino == status(other).st_ino)
    }
}

/// Bytes received by a reader thread, handed to the test when the writer has closed.
final class LockedBytes: @unchecked Sendable {
    private let condition = NSCondition()
    private var stored: [UInt8] = []
    private var done = false

    func append(_ bytes: ArraySlice<UInt8>) {
        condition.lock()
        stored += bytes
        condition.unlock()
    }

    func finish() {
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }

    func wait() {
        condition.lock()
        while !done { condition.wait() }
        condition.unlock()
    }

    var bytes: [UInt8] {
        condition.lock()
        defer { condition.unlock() }
        return stored
    }
}
