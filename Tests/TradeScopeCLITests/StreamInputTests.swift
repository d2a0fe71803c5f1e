import _TestSupport
import Foundation
import Testing

/// `--by ... --input -` (issue 19): the groups of a record stream give the lines `--by --format json`
/// gives on a store of the same records. The store is ingested from real UN Comtrade legacy rows
/// (Tests/TradeScopeKitTests/Fixtures); the stream is that store's `export`, in CSV and NDJSON.
@Suite("Streaming --by from standard input")
struct StreamInputTests {
    /// The analyses compared: each command with its flags (the selection and the method).
    static let cases: [(command: String, arguments: [String])] = [
        ("trend", ["--partner", "PRK", "--flow", "import", "--hs", "27", "--by", "reporter", "--model", "loglinear"]),
        ("trend", ["--reporter", "CHN", "--partner", "PRK", "--flow", "import", "--hs", "TOTAL", "--by", "hs2", "--model", "theil-sen"]),
        ("breaks", ["--partner", "PRK", "--flow", "import", "--hs", "27", "--by", "reporter", "--method", "pelt"]),
        ("anomalies", ["--partner", "PRK", "--flow", "export", "--hs", "44", "--by", "reporter"]),
        ("decompose", ["--partner", "PRK", "--flow", "import", "--hs", "27", "--by", "reporter", "--period", "2"]),
    ]

    /// The lines of a run, sorted (a stream writes its groups in stream order, the store in key order).
    static func sortedLines(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init).sorted()
    }

    /// With the test fixtures' data directory (no area list) and with the bundled one, whose area list gives
    /// 711 "Southern African Customs Union" and 490 "Other Asia, nes" no ISO3 code while the legacy file keys
    /// 711 as ZAF: the export's reporter_key/partner_key carry the store's keys through the round trip.
    @Test("export | COMMAND --by --input - equals COMMAND --by --format json on the store, line by line",
          arguments: ["csv", "ndjson"], [false, true])
    func differential(format: String, withAreaList: Bool) throws {
        let (db, directory) = try SelectionCorrectnessTests.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = withAreaList ? bundledDataDirectory() : fixtureDataDirectory()
        let export = try runTradescope(["export", "--db", db, "--format", format], dataDirectory: data)
        #expect(export.status == 0, "\(export.standardError)")
        for (command, arguments) in Self.cases {
            let store = try runTradescope([command, "--db", db] + arguments + ["--format", "json"], dataDirectory: data)
            #expect(store.status == 0, "\(command) \(arguments): \(store.standardError)")
            // The export is ordered by reporter, partner, flow, period: grouped for --by reporter, not for --by hs2.
            let unsorted = arguments.contains("hs2") ? ["--input-unsorted"] : []
            let streamed = try runTradescope([command] + arguments + ["--input", "-", "--input-format", format] + unsorted,
                                             dataDirectory: data, standardInput: export.standardOutput)
            #expect(streamed.status == 0, "\(command) \(arguments): \(streamed.standardError)")
            let expected = Self.sortedLines(store.standardOutput)
            // The one difference allowed: selection.source names the stream instead of the store.
            let got = Self.sortedLines(streamed.standardOutput.replacingOccurrences(of: "\"stream:stdin\"", with: "\"db:\(db)\""))
            #expect(expected.count >= 2, "\(command) \(arguments): several groups (\(expected.count))")
            #expect(got.count == expected.count, "\(command) \(arguments) \(format): \(got.count) lines, store \(expected.count)")
            for (a, b) in zip(got, expected) { #expect(a == b, "\(command) \(arguments) \(format)") }
        }
    }

    @Test("the export as grouped input that is not grouped by the key: exit 2 naming the line")
    func notGrouped() throws {
        let (db, directory) = try SelectionCorrectnessTests.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = try runTradescope(["export", "--db", db, "--format", "csv"])
        // The export comes series by series (so grouped by code); its rows put in period order are not grouped by code.
        let lines = export.standardOutput.split(separator: "\n")
        let byPeriod = ([lines[0]] + lines.dropFirst().sorted { $0.prefix(7) < $1.prefix(7) }).joined(separator: "\n") + "\n"
        let streamed = try runTradescope(["trend", "--reporter", "CHN", "--partner", "PRK", "--flow", "import", "--hs", "TOTAL", "--by", "hs2", "--input", "-"],
                                         standardInput: byPeriod)
        #expect(streamed.status == 2, "\(streamed.standardError)")
        #expect(streamed.standardError.contains("stdin, line "), "\(streamed.standardError)")
        #expect(streamed.standardError.contains("--input-unsorted"))
    }

    @Test("records in a seeded random order with --input-unsorted: the lines of the store")
    func shuffled() throws {
        let (db, directory) = try SelectionCorrectnessTests.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let export = try runTradescope(["export", "--db", db, "--format", "csv"])
        var lines = export.standardOutput.split(separator: "\n").map(String.init)
        let header = lines.removeFirst()
        // The rows of one record stay together (the first five columns and the source are its key);
        // the records are shuffled.
        var records: [[String]] = []
        var lastKey = ""
        for line in lines {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            let key = fields.prefix(5).joined(separator: ",") + "," + fields[10]
            if key == lastKey { records[records.count - 1].append(line) } else { records.append([line]) }
            lastKey = key
        }
        var generator = PropertyRandom(seed: 2026)
        for index in stride(from: records.count - 1, to: 0, by: -1) {
            records.swapAt(index, Int(generator.next() % UInt64(index + 1)))
        }
        let shuffled = ([header] + records.flatMap { $0 }).joined(separator: "\n") + "\n"
        let arguments = ["--partner", "PRK", "--flow", "import", "--hs", "27", "--by", "reporter", "--model", "loglinear"]
        let store = try runTradescope(["trend", "--db", db] + arguments + ["--format", "json"])
        let streamed = try runTradescope(["trend"] + arguments + ["--input", "-", "--input-unsorted"], standardInput: shuffled)
        #expect(streamed.status == 0, "\(streamed.standardError)")
        let got = Self.sortedLines(streamed.standardOutput.replacingOccurrences(of: "\"stream:stdin\"", with: "\"db:\(db)\""))
        #expect(got == Self.sortedLines(store.standardOutput))
        #expect(got.count >= 10)
        let grouped = try runTradescope(["trend"] + arguments + ["--input", "-"], standardInput: shuffled)
        #expect(grouped.status == 2, "the shuffled stream is not grouped: \(grouped.standardError)")
    }

    @Test("a bad long row is rejected with stream, line and field; the other groups still come out")
    func badRow() throws {
        // Synthetic figures (not data): two reporters' imports of HS 27 from the DPRK.
        var text = "period,reporter_iso,partner_iso,flow,hs_code,hs_level,measure,value,unit,estimated_share,source\n"
        for reporter in ["CHN", "JPN"] {
            for year in 2001...2012 { text += "\(year),\(reporter),PRK,import,27,2,value_usd,\(1000 + year * 3),USD,,SYNTHETIC\n" }
        }
        text += "2013,JPN,PRK,import,27,2,value_usd,abc,USD,,SYNTHETIC\n"
        let result = try runTradescope(["trend", "--partner", "PRK", "--flow", "import", "--hs", "27", "--by", "reporter", "--input", "-"], standardInput: text)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardError.contains("stdin:26"), "\(result.standardError)")
        #expect(result.standardError.contains("field 'value'"))
        #expect(Self.sortedLines(result.standardOutput).count == 2)
    }

    @Test("a grouped stream is consumed group by group: the first group's line is out before standard input is closed")
    func groupByGroup() throws {
        let process = Process()
        process.executableURL = tradescopeExecutable()
        process.arguments = ["trend", "--partner", "PRK", "--flow", "import", "--hs", "27", "--by", "reporter", "--input", "-", "--input-format", "ndjson"]
        var environment = ProcessInfo.processInfo.environment
        environment["TRADESCOPE_DATA"] = fixtureDataDirectory().path
        process.environment = environment
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Synthetic figures (a seeded sequence, not data): CHN's series, then the first two rows of JPN's
        // (a long row's record is complete when the next row starts another record).
        var generator = PropertyRandom(seed: 19)
        func line(_ reporter: String, _ year: Int) -> String {
            let value = 1_000_000 + Double(generator.next() % 100_000)
            return "{\"period\":\"\(year)\",\"reporter_iso\":\"\(reporter)\",\"partner_iso\":\"PRK\",\"flow\":\"import\",\"hs_code\":\"27\",\"hs_level\":\"2\",\"measure\":\"value_usd\",\"value\":\(value),\"unit\":\"USD\",\"estimated_share\":null,\"source\":\"SYNTHETIC\"}\n"
        }
        var head = ""
        for year in 2001...2012 { head += line("CHN", year) }
        head += line("JPN", 2001) + line("JPN", 2002)
        input.fileHandleForWriting.write(Data(head.utf8))
        let first = DispatchSemaphore(value: 0)
        let box = LineBox()
        Thread.detachNewThread {
            var bytes = Data()
            while !bytes.contains(0x0A) {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                bytes.append(chunk)
            }
            box.set(String(decoding: bytes, as: UTF8.self))
            first.signal()
        }
        let arrived = first.wait(timeout: .now() + 60) == .success
        // Only now is the rest of the stream written and standard input closed.
        var tail = ""
        for year in 2003...2012 { tail += line("JPN", year) }
        input.fileHandleForWriting.write(Data(tail.utf8))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(arrived, "no line before standard input was closed")
        #expect(box.get().hasPrefix("{\"group\":\"CHN\"") || box.get().contains("\"group\": \"CHN\""), "\(box.get())")
        #expect(process.terminationStatus == 0)
    }
}

/// A line read on another thread.
private final class LineBox: @unchecked Sendable {
    private let lock = NSLock()
    private var text = ""
    func set(_ value: String) { lock.lock(); text = value; lock.unlock() }
    func get() -> String { lock.lock(); defer { lock.unlock() }; return text }
}

