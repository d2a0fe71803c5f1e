import Foundation
import Testing
import TradeIO

/// Issue 23 items 3, 20, 21 and 24 (bad rows): NUL bytes, Markdown and terminal escapes, one bad row among good ones.
@Suite("hostile input: NUL bytes, Markdown, terminal escapes, lenient bad rows")
struct HostileInputTests {
    static let header = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"

    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ bytes: [UInt8], _ name: String, in dir: URL) throws -> String {
        let url = dir.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Item 3: `a\0b` in a note was stored and exported as `a`. Rejected at ingest with the reason instead (the
    /// file's first 4 KiB with a NUL are refused as binary; this NUL comes later).
    @Test("a NUL inside a field rejects its row with the reason; the other rows are stored; --strict stops there")
    func nulInField() throws {
        let dir = try directory()
        let padding = (0..<80).map { "\(1990 + $0 % 30),CHN,PRK,import,27\(10 + $0 % 80),5,1,t,KITA_AJU_2014,padding row \($0)\n" }.joined()
        var bytes = Array((Self.header + padding).utf8)
        #expect(bytes.count > 4096)
        bytes += Array("2013,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,a".utf8) + [0] + Array("b\n".utf8)
        bytes += Array("2014,CHN,PRK,import,2701,6,1,t,KITA_AJU_2014,fine\n".utf8)
        let input = try write(bytes, "nul.csv", in: dir)
        let db = dir.appendingPathComponent("s.sqlite").path, rejects = dir.appendingPathComponent("rejects.csv").path
        let result = try runTradescope(["ingest", input, "--db", db, "--rejects", rejects])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("82 rows read, 81 kept, 1 rejected"), "\(result.standardOutput)")
        let reasons = try String(contentsOfFile: rejects, encoding: .utf8)
        #expect(reasons.contains("\(input):82: field 'column 10': 'a\\0b' holds a NUL byte (\\0); refused rather than cut at it"), "\(reasons)")
        let export = try runTradescope(["export", "--db", db, "--hs", "2701", "--format", "json"])
        #expect(export.status == 0 && export.standardOutput.contains("\"fine\"") && !export.standardOutput.contains("\"a\""), "\(export.standardOutput)")
        let strict = try runTradescope(["ingest", input, "--dry-run", "--strict"])
        #expect(strict.status == 2 && strict.standardError.contains("\(input):82: field 'column 10'"), "\(strict.standardError)")
    }

    /// Item 24: one row with invalid UTF-8, a stray quote or text after a closing quote refused the whole file
    /// without --strict. Each is now that row's rejection, and the rows after it are read.
    @Test("one bad row (invalid UTF-8, stray quote, text after a quote) is rejected with its reason; the rest is ingested",
          arguments: [
            (Array("2014,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,caf".utf8) + [0xE9] + Array("\n".utf8), "field 'column 10': record is not valid UTF-8"),
            (Array("2014,CHN,PRK,import,27\"01,5,1,t,KITA_AJU_2014,\n".utf8), "field 'column 5': '27\"' has a quote inside an unquoted field"),
            (Array("2014,CHN,PRK,import,\"2701\"x,5,1,t,KITA_AJU_2014,\n".utf8), "field 'column 5': text follows a closing quote"),
          ])
    func lenientBadRow(row: [UInt8], reason: String) throws {
        let dir = try directory()
        let bytes = Array((Self.header + "2013,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,\n").utf8) + row
            + Array("2015,CHN,PRK,import,2701,7,1,t,KITA_AJU_2014,\n".utf8)
        let input = try write(bytes, "one_bad.csv", in: dir)
        let rejects = dir.appendingPathComponent("rejects.csv").path
        let result = try runTradescope(["ingest", input, "--dry-run", "--rejects", rejects])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("3 rows read, 2 kept, 1 rejected"), "\(result.standardOutput)")
        // The reason is a CSV field of the rejects file: its quotes are doubled.
        #expect(try String(contentsOfFile: rejects, encoding: .utf8).contains("\(input):3: \(reason)".replacingOccurrences(of: "\"", with: "\"\"")))
        let strict = try runTradescope(["ingest", input, "--dry-run", "--strict"])
        #expect(strict.status == 2 && strict.standardError.contains("\(input):3: \(reason)"), "\(strict.standardError)")
    }

    /// Item 20: `whatif --format md` wrote the scenario's name and description raw.
    @Test("whatif --format md escapes the scenario's name and description for HTML and Markdown")
    func whatifMarkdown() throws {
        let dir = try directory()
        let scenario = dir.appendingPathComponent("hostile.yaml")
        try Data("""
            name: "<script>alert(1)</script> ![t](http://evil.example/x.png)"
            description: "<img src=x onerror=alert(1)> [x](javascript:alert(1)) `code` *bold*"
            selection: {hs: '2701'}
            events:
              - {new: ban, id: mine, hs: '2701', effective: 2015-06-01}

            """.utf8).write(to: scenario)
        let result = try runTradescope(["whatif", scenario.path, "--format", "md"])
        #expect(result.status == 0, "\(result.standardError)")
        let md = result.standardOutput
        for raw in ["<script>", "<img", "![t](", "[x](", "`code`", "*bold*"] { #expect(!md.contains(raw), "\(raw) in:\n\(md)") }
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt; \\!\\[t\\](http://evil.example/x.png)"), "\(md)")
    }

    /// Item 20: `report --format md` passed Markdown in source ids (a remote image, a javascript link).
    @Test("report --format md escapes source ids and event ids")
    func reportMarkdown() throws {
        let dir = try directory()
        let rows = (2010...2016).map { "\($0),CHN,PRK,import,2701,\(100 + $0 % 7),\(10 + $0 % 5),t,![t](http://evil.example/x.png),\n" }.joined()
        let input = try write(Array((Self.header + rows).utf8), "evil.csv", in: dir)
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try runTradescope(["ingest", input, "--db", db]).status == 0)
        let result = try runTradescope(["report", "--db", db, "--hs", "2701", "--format", "md"])
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!result.standardOutput.contains("![t](http"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("\\!\\[t\\](http://evil.example/x.png)"), "\(result.standardOutput)")
    }

    /// Item 21: notes with terminal escapes were printed raw. On a terminal they are shown escaped; a file keeps
    /// the data (JSON escapes them), and CSV export writes them as \xNN unless the guard is turned off.
    @Test("terminal escapes in a note: shown escaped on a terminal, kept in JSON files, \\xNN in CSV")
    func terminalEscapes() throws {
        let dir = try directory()
        let note = "\u{1B}[31mred\u{1B}]0;title\u{07}\u{1B}[2J"
        let input = try write(Array((Self.header + "2013,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,\(note)\n").utf8), "esc.csv", in: dir)
        let db = dir.appendingPathComponent("s.sqlite").path
        #expect(try runTradescope(["ingest", input, "--db", db]).status == 0)
        // A file: JSON keeps the data (escaped as JSON does), CSV shows \xNN, raw without the guard.
        let json = try runTradescope(["export", "--db", db, "--format", "json"])
        #expect(json.standardOutput.contains("\\u001b[31mred\\u001b]0;title\\u0007\\u001b[2J"), "\(json.standardOutput)")
        let csv = try runTradescope(["export", "--db", db])
        #expect(csv.standardOutput.contains("\\x1b[31mred\\x1b]0;title\\x07\\x1b[2J") && !csv.standardOutput.contains("\u{1B}"), "\(csv.standardOutput)")
        let raw = try runTradescope(["export", "--db", db, "--no-csv-formula-guard"])
        #expect(raw.standardOutput.contains(note))
        // A terminal (a pseudo-terminal as standard output of the executable): escaped, even without the guard.
        let (primary, secondary) = try #require(Self.pseudoTerminal())
        // The output (a few hundred bytes) fits the terminal's buffer; it is read once the executable has exited.
        let terminal = FileHandle(fileDescriptor: secondary, closeOnDealloc: false)
        let shown = try runExecutable(["export", "--db", db, "--no-csv-formula-guard"], standardOutput: terminal)
        #expect(shown.status == 0, "\(shown.standardError)")
        close(secondary)
        var bytes: [UInt8] = [], buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = read(primary, &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
        }
        close(primary)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\\x1b[31mred\\x1b]0;title\\x07\\x1b[2J"), "\(text)")
        #expect(!text.contains("\u{1B}]0;") && !text.contains("\u{1B}[2J"))
    }

    /// A pseudo-terminal pair (primary, secondary). posix_openpt and its companions are not in Swift's Glibc
    /// module (they need _XOPEN_SOURCE), so they are looked up in the C library.
    static func pseudoTerminal() -> (Int32, Int32)? {
        typealias Open = @convention(c) (Int32) -> Int32
        typealias Call = @convention(c) (Int32) -> Int32
        typealias Name = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
        guard let library = dlopen(nil, RTLD_NOW), let openSymbol = dlsym(library, "posix_openpt"), let grantSymbol = dlsym(library, "grantpt"),
              let unlockSymbol = dlsym(library, "unlockpt"), let nameSymbol = dlsym(library, "ptsname") else { return nil }
        let primary = unsafeBitCast(openSymbol, to: Open.self)(O_RDWR | O_NOCTTY)
        guard primary >= 0, unsafeBitCast(grantSymbol, to: Call.self)(primary) == 0, unsafeBitCast(unlockSymbol, to: Call.self)(primary) == 0,
              let name = unsafeBitCast(nameSymbol, to: Name.self)(primary) else { return nil }
        let secondary = open(name, O_RDWR | O_NOCTTY)
        return secondary >= 0 ? (primary, secondary) : nil
    }
}

/// Issue 23 item 24: `--from 2017 --to 2010` searched for records in a reversed range and reported none.
@Suite("reversed period range")
struct ReversedRangeTests {
    @Test("--from after --to is exit 2 naming both")
    func reversed() throws {
        let result = try runTradescope(["series", "--hs", "2701", "--from", "2017", "--to", "2010"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("--from 2017 comes after --to 2010"), "\(result.standardError)")
    }
}
