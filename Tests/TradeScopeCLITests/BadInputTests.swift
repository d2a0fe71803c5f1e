import Foundation
import Testing

/// The bad-input corpus (issue 11): every file of `Fixtures/BadInputs` run through the built
/// executable, checking the exit code and the message (file, line, field) listed in
/// `Fixtures/BadInputs/expected.csv`; plus the inputs too large to commit, generated here.
@Suite("bad inputs")
struct BadInputTests {
    /// One row of `expected.csv`.
    struct Case: CustomStringConvertible, Sendable {
        let file: String
        let command: String
        let exitCode: Int32
        let expectedMessage: String
        var description: String { "\(command) \(file)" }
    }

    static let directory = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent("BadInputs")

    /// The manifest's rows (RFC 4180 quoting: fields with commas are quoted, quotes doubled).
    static func cases() throws -> [Case] {
        let text = try String(contentsOf: directory.appendingPathComponent("expected.csv"), encoding: .utf8)
        var records: [[String]] = [], fields: [String] = [], field = ""
        var inQuotes = false, previousWasQuote = false
        for character in text {
            if inQuotes {
                if character == "\"" { inQuotes = false; previousWasQuote = true } else { field.append(character) }
                continue
            }
            switch character {
            case "\"":
                if previousWasQuote { field.append("\"") }
                inQuotes = true
            case ",": fields.append(field); field = ""
            case "\n":
                fields.append(field); field = ""
                records.append(fields); fields = []
            default: field.append(character)
            }
            previousWasQuote = false
        }
        if !field.isEmpty || !fields.isEmpty { fields.append(field); records.append(fields) }
        #expect(records.first == ["file", "command", "exit_code", "expected_message"])
        return records.dropFirst().map { row in
            Case(file: row[0], command: row[1], exitCode: Int32(row[2]) ?? -1, expectedMessage: row[3])
        }
    }

    /// Runs one command of the manifest on a file; returns the result and the name messages use for it.
    static func run(_ command: String, path: String) throws -> (CommandResult, String) {
        switch command {
        case "ingest-strict": return (try runTradescope(["ingest", path, "--dry-run", "--strict"]), path)
        case "ingest": return (try runTradescope(["ingest", path, "--dry-run"]), path)
        case "forecast-data": return (try runTradescope(["forecast", "--data", path, "--hs", "2701", "--horizon", "1"]), path)
        case "whatif": return (try runTradescope(["whatif", path]), path)
        case "calendar":
            let data = try copyOfFixtureData()
            let calendar = data.appendingPathComponent("sanctions/sanctions_dprk.yaml")
            try FileManager.default.removeItem(at: calendar)
            try FileManager.default.copyItem(atPath: path, toPath: calendar.path)
            return (try runTradescope(["events", "--hs", "2701"], dataDirectory: data), "Data/sanctions/sanctions_dprk.yaml")
        default:
            Issue.record("unknown command '\(command)' in expected.csv")
            return (CommandResult(status: -1, standardOutput: "", standardError: ""), path)
        }
    }

    @Test("the manifest lists every file of the corpus, and only those")
    func manifestIsComplete() throws {
        let listed = Set(try Self.cases().map(\.file))
        let present = Set(try FileManager.default.contentsOfDirectory(atPath: Self.directory.path))
            .subtracting(["expected.csv", "README.md"])
        #expect(listed == present)
        #expect(listed.count >= 40)
    }

    @Test("each bad file gives its exit code and a message naming file, line and field", arguments: try BadInputTests.cases())
    func badInput(_ testCase: Case) throws {
        let path = Self.directory.appendingPathComponent(testCase.file).path
        let (result, name) = try Self.run(testCase.command, path: path)
        let expected = testCase.expectedMessage.replacingOccurrences(of: "{file}", with: name)
        #expect(result.status == testCase.exitCode, "\(testCase): \(result.standardError)")
        let output = result.standardOutput + result.standardError
        #expect(output.contains(expected), "\(testCase): expected '\(expected)' in:\n\(output)")
        // Never a crash: no Swift runtime trap or stack dump, and exit codes only from the contract.
        #expect(!output.contains("Fatal error") && !output.contains("Stack dump"), "\(testCase)")
        #expect([0, 2].contains(result.status), "\(testCase)")
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let tidyHeader = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"

    @Test("a 10 MB line is refused at the 1 MiB record limit, naming file and line, for ingest and --series")
    func tenMegabyteLine() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("long_line.csv").path
        let note = String(repeating: "x", count: 10_000_000)
        try Data((Self.tidyHeader + "2013,CHN,PRK,import,2701,1,1,t,KITA_AJU_2014,\(note)\n").utf8).write(to: URL(fileURLWithPath: path))
        let expected = "\(path):2: record longer than 1048576 bytes"
        for arguments in [["ingest", path, "--dry-run"], ["forecast", "--data", path, "--hs", "2701", "--horizon", "1"]] {
            let result = try runTradescope(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.standardError.contains(expected), "\(result.standardError.prefix(300))")
            // The message does not echo the 10 MB.
            #expect(result.standardError.utf8.count < 1_000)
        }
    }

    @Test("a record of 2,000 fields is refused at the 1,024-field limit")
    func tooManyFields() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("wide.csv").path
        try Data((Self.tidyHeader + String(repeating: "1,", count: 1_999) + "1\n").utf8).write(to: URL(fileURLWithPath: path))
        let result = try runTradescope(["ingest", path, "--dry-run"])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path):2: record has more than 1024 fields; refused"), "\(result.standardError)")
    }

    @Test("a scenario file over 256 KiB is refused unread")
    func largeScenario() throws {
        let directory = try temporaryDirectory()
        let path = directory.appendingPathComponent("large.yaml").path
        let text = "name: large\n" + String(repeating: "# padding line of a scenario file that is far too large\n", count: 6_000)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let result = try runTradescope(["whatif", path])
        #expect(result.status == 2)
        #expect(result.standardError.contains("\(path): scenario file has \(text.utf8.count) bytes; the limit is 262144 bytes"), "\(result.standardError)")
    }
}
