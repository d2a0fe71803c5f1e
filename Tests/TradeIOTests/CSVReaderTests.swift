import _TestSupport
import Foundation
import Testing
@testable import TradeIO

/// Writes `bytes` to a temporary file and returns its path.
func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let url = directory.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
    try temporaryFile(Array(text.utf8), name: name)
}

@Suite("CSVReader: RFC 4180")
struct CSVReaderTests {
    @Test("quoted commas, doubled quotes, CRLF, BOM and a line break inside quotes")
    func awkwardCases() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n2,\"two\nlines\",\r\n3,,\"\"\r\n"
        let records = try CSVReader(path: try temporaryFile(text)).readAll()
        #expect(records.map(\.fields) == [
            ["a", "b", "c"],
            ["1", "x, y", "say \"hi\""],
            ["2", "two\nlines", ""],
            ["3", "", ""],
        ])
        // The record after the embedded line break starts on physical line 5.
        #expect(records.map(\.line) == [1, 2, 3, 5])
    }

    @Test("a last line without a line end, and blank lines skipped")
    func lastLineAndBlankLines() throws {
        let records = try CSVReader(path: try temporaryFile("a,b\n\n1,2")).readAll()
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"]])
        #expect(records.map(\.line) == [1, 3])
    }

    @Test("an unterminated quote names the line where the record starts")
    func unterminatedQuote() throws {
        let path = try temporaryFile("a,b\n1,2\n3,\"open\n4,5\n")
        #expect(throws: TradeIOError.unterminatedQuote(SourceLocation(file: path, line: 3))) {
            try CSVReader(path: path).readAll()
        }
    }

    @Test("text after a closing quote is an error naming line and column")
    func textAfterQuote() throws {
        let path = try temporaryFile("a,b\n1,\"x\"y\n")
        #expect(throws: TradeIOError.textAfterClosingQuote(SourceLocation(file: path, line: 2, field: "column 2"))) {
            try CSVReader(path: path).readAll()
        }
    }

    @Test("invalid UTF-8 is an error, not a silent replacement")
    func invalidUTF8() throws {
        let path = try temporaryFile(Array("a,b\n1,".utf8) + [0xFF, 0xFE] + Array("\n".utf8))
        #expect(throws: TradeIOError.invalidUTF8(SourceLocation(file: path, line: 2, field: "column 2"))) {
            try CSVReader(path: path).readAll()
        }
    }

    @Test("a record longer than the limit is refused")
    func lineTooLong() throws {
        let path = try temporaryFile("a\n" + String(repeating: "x", count: 100) + "\n")
        #expect(throws: TradeIOError.lineTooLong(SourceLocation(file: path, line: 2), limit: 50)) {
            try CSVReader(path: path, maximumRecordBytes: 50).readAll()
        }
    }

    @Test("a record with more fields than the limit is refused, at its line")
    func tooManyFields() throws {
        let path = try temporaryFile("a,b\n1,2\n" + String(repeating: ",", count: 10) + "\n")
        #expect(throws: TradeIOError.tooManyFields(SourceLocation(file: path, line: 3), limit: 5)) {
            try CSVReader(path: path, maximumFieldCount: 5).readAll()
        }
        // The default limits: 1 MiB per record, 1,024 fields.
        #expect(CSVReader(path: path).maximumRecordBytes == 1 << 20 && CSVReader(path: path).maximumFieldCount == 1_024)
    }

    @Test("records spanning chunk boundaries are read whole")
    func chunkBoundaries() throws {
        // 3 MiB of rows: the 1 MiB chunks cut through quoted fields.
        var text = "id,text\n"
        for index in 0..<60_000 { text += "\(index),\"field, \"\"\(index)\"\" with comma\"\n" }
        var count = 0
        try CSVReader(path: try temporaryFile(text)).forEachRecord { line, fields in
            if line > 1 {
                #expect(fields == ["\(line - 2)", "field, \"\(line - 2)\" with comma"])
                count += 1
            }
            return true
        }
        #expect(count == 60_000)
    }

    @Test("a missing file is an error naming it")
    func missingFile() {
        #expect(throws: TradeIOError.self) { try CSVReader(path: "/nonexistent/file.csv").readAll() }
    }
}

@Suite("CSVReader: same records and errors as the byte-at-a-time reference")
struct CSVReaderDifferentialTests {
    /// Runs the reader on `bytes` with a chunk size; the records or the error.
    func outcome(_ path: String, limit: Int, chunk: Int) -> Result<[(line: Int, fields: [String])], TradeIOError> {
        do {
            var records: [(line: Int, fields: [String])] = []
            try CSVReader(path: path, displayName: "in.csv", maximumRecordBytes: limit, chunkSize: chunk).forEachRecord { line, fields in
                records.append((line, fields)); return true
            }
            return .success(records)
        } catch let error as TradeIOError {
            return .failure(error)
        } catch {
            return .failure(.cannotOpen(file: "in.csv", reason: "\(error)"))
        }
    }

    func same(_ a: Result<[(line: Int, fields: [String])], TradeIOError>, _ b: Result<[(line: Int, fields: [String])], TradeIOError>) -> Bool {
        switch (a, b) {
        case let (.success(x), .success(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.line == $1.line && $0.fields == $1.fields }
        case let (.failure(x), .failure(y)):
            return x == y
        default:
            return false
        }
    }

    /// The 1,000 seeded inputs of the differential tests (seed 20261129): up to 40 pieces drawn from bytes
    /// chosen to hit every branch (quotes, separators, both line ends, a multi-byte UTF-8 letter é, an
    /// invalid byte, ordinary text), a BOM one time in 8, and a tiny record limit one time in 4.
    static func seededInputs() -> [(bytes: [UInt8], limit: Int)] {
        let alphabet: [[UInt8]] = [[0x22], [0x22], [0x2C], [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0x61], [0x62, 0x63],
                                   [0x20], [0xC3, 0xA9], [0xFF], [0x31, 0x2E, 0x35], [0x2D]]
        var random = PropertyRandom(seed: 20261129)
        return (0..<1_000).map { _ in
            var bytes: [UInt8] = Int.random(in: 0..<8, using: &random) == 0 ? [0xEF, 0xBB, 0xBF] : []
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                bytes += alphabet[Int.random(in: 0..<alphabet.count, using: &random)]
            }
            let limit = Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 1..<20, using: &random) : 1 << 20
            return (bytes, limit)
        }
    }

    @Test("1,000 seeded random inputs of quotes, separators, CR, LF, BOM and invalid UTF-8, cut into chunks of 1 and 3 bytes and 1 MiB")
    func randomInputs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-csvdiff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("in.csv").path
        var failures = 0
        for (bytes, limit) in Self.seededInputs() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let expected = referenceRecords(bytes, displayName: "in.csv", maximumRecordBytes: limit)
            for chunk in [1, 3, 1 << 20] {
                let actual = outcome(path, limit: limit, chunk: chunk)
                if !same(actual, expected) {
                    failures += 1
                    Issue.record("input \(bytes) chunk \(chunk) limit \(limit): \(actual) != reference \(expected)")
                }
                // The raw path hands out the same records (when the text is valid UTF-8).
                if case let .success(records) = expected, chunk == 3 {
                    var raw: [(line: Int, fields: [String])] = []
                    try CSVReader(path: path, displayName: "in.csv", maximumRecordBytes: limit, chunkSize: chunk).forEachRawRecord { record in
                        raw.append((record.line, try record.strings())); return true
                    }
                    #expect(same(.success(raw), .success(records)), "raw records of \(bytes)")
                }
            }
            if failures > 5 { break }
        }
        #expect(failures == 0)
    }

    /// `forEachRawRecord(checkingUTF8: true)`, as the trade readers use it (or without the check):
    /// the records (decoded) or the error.
    func checkedRawOutcome(_ path: String, limit: Int, chunk: Int, checkingUTF8: Bool = true,
                           maximumFieldCount: Int = CSVReader.defaultMaximumFieldCount) -> Result<[(line: Int, fields: [String])], TradeIOError> {
        do {
            var records: [(line: Int, fields: [String])] = []
            try CSVReader(path: path, displayName: "in.csv", maximumRecordBytes: limit, maximumFieldCount: maximumFieldCount, chunkSize: chunk)
                .forEachRawRecord(checkingUTF8: checkingUTF8) { (record) throws(TradeIOError) -> Bool in
                    records.append((record.line, try record.strings())); return true
                }
            return .success(records)
        } catch {
            return .failure(error)
        }
    }

    @Test("raw records with UTF-8 checked per field: the reference's records and errors (invalid UTF-8 in the same order) on the same 1,000 inputs")
    func checkedRawInputs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-csvdiff-raw-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("in.csv").path
        var failures = 0
        for (bytes, limit) in Self.seededInputs() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let expected = referenceRecords(bytes, displayName: "in.csv", maximumRecordBytes: limit)
            for chunk in [1, 3, 1 << 20] {
                let actual = checkedRawOutcome(path, limit: limit, chunk: chunk)
                if !same(actual, expected) {
                    failures += 1
                    Issue.record("input \(bytes) chunk \(chunk) limit \(limit): \(actual) != reference \(expected)")
                }
            }
            if failures > 5 { break }
        }
        #expect(failures == 0)
    }

    /// 300 longer seeded inputs (seed 20261130) for the raw path's jumps between marked bytes: runs
    /// of ordinary bytes up to 150 long (crossing 64-byte words), many short fields, quoted fields
    /// holding separators, line breaks and doubled quotes, stray quotes, all three line ends, and
    /// record limits that fall anywhere. One input in four may hold é or an invalid byte. A few
    /// fixed inputs put separators, quotes and line ends on both sides of 64-byte boundaries.
    static func longSeededInputs() -> [(bytes: [UInt8], limit: Int)] {
        var random = PropertyRandom(seed: 20261130)
        func letters(_ count: Int) -> [UInt8] {
            (0..<count).map { _ in UInt8(0x61 + Int.random(in: 0..<26, using: &random)) }
        }
        var inputs: [(bytes: [UInt8], limit: Int)] = (0..<300).map { _ in
            let nonASCII = Int.random(in: 0..<4, using: &random) == 0
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<80, using: &random) {
                switch Int.random(in: 0..<16, using: &random) {
                case 0...5: bytes += letters(Int.random(in: 1...10, using: &random))
                case 6: bytes += letters(Int.random(in: 1...150, using: &random))
                case 7...9: bytes.append(0x2C)
                case 10:
                    bytes.append(0x22)
                    for _ in 0..<Int.random(in: 0..<6, using: &random) {
                        let inside: [[UInt8]] = [letters(Int.random(in: 1...70, using: &random)), [0x2C], [0x0A], [0x0D], [0x0D, 0x0A], [0x22, 0x22]]
                        bytes += inside[Int.random(in: 0..<inside.count, using: &random)]
                    }
                    bytes.append(0x22)
                case 11: bytes.append(0x0A)
                case 12: bytes += [0x0D, 0x0A]
                case 13: bytes.append(0x0D)
                case 14: bytes.append(0x22)
                default: bytes += nonASCII ? (Int.random(in: 0..<3, using: &random) == 0 ? [0xFF] : [0xC3, 0xA9]) : [0x2D]
                }
            }
            let limit = Int.random(in: 0..<3, using: &random) == 0 ? Int.random(in: 1..<400, using: &random) : 1 << 20
            return (bytes, limit)
        }
        // Separators and quotes at 62-66 (the first word boundary), a record ending at 127 or 128.
        for width in 61...65 {
            let field = [UInt8](repeating: 0x78, count: width)
            inputs.append((field + [0x2C] + field + [0x2C, 0x2C] + Array("\"q,\"\"\n\"".utf8) + field + [0x0A, 0x0D], 1 << 20))
            inputs.append((field + [0x2C, 0x22] + field + [0x22, 0x2C] + field + [0x0D, 0x0A] + field, 1 << 20))
            inputs.append((field + [0x2C] + field + [0x0A] + field, width + 1))
            inputs.append((field + [0x2C] + field + [0x0A] + field, width + 2))
        }
        return inputs
    }

    @Test("records as strings and raw (UTF-8 checked and not): the reference's records and errors on 320 longer inputs, in chunks of 1, 7, 63, 64, 65, 200 bytes and 1 MiB")
    func longRawInputs() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-csvdiff-long-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("in.csv").path
        var failures = 0
        var outcomes: [String: Int] = [:]
        for (bytes, limit) in Self.longSeededInputs() {
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let expected = referenceRecords(bytes, displayName: "in.csv", maximumRecordBytes: limit)
            switch expected {
            case .success: outcomes["records", default: 0] += 1
            case let .failure(error): outcomes["\(error)".prefix(while: { $0 != "(" }).description, default: 0] += 1
            }
            for chunk in [1, 7, 63, 64, 65, 200, 1 << 20] {
                let strings = outcome(path, limit: limit, chunk: chunk)
                if !same(strings, expected) {
                    failures += 1
                    Issue.record("strings: input \(bytes) chunk \(chunk) limit \(limit): \(strings) != reference \(expected)")
                }
                let checked = checkedRawOutcome(path, limit: limit, chunk: chunk)
                if !same(checked, expected) {
                    failures += 1
                    Issue.record("checked: input \(bytes) chunk \(chunk) limit \(limit): \(checked) != reference \(expected)")
                }
                // Without the check, the same outcome unless the reference stopped at invalid UTF-8.
                if case .failure(.invalidUTF8) = expected { continue }
                let unchecked = checkedRawOutcome(path, limit: limit, chunk: chunk, checkingUTF8: false)
                if !same(unchecked, expected) {
                    failures += 1
                    Issue.record("unchecked: input \(bytes) chunk \(chunk) limit \(limit): \(unchecked) != reference \(expected)")
                }
            }
            if failures > 5 { break }
        }
        #expect(failures == 0)
        // The inputs reach records and each kind of error.
        #expect(outcomes.count >= 5, "\(outcomes)")
    }

    @Test("more fields than the limit is an error at the record's line, raw or not, before a later error in the record")
    func tooManyFieldsEverywhere() throws {
        let tooMany = TradeIOError.tooManyFields(SourceLocation(file: "in.csv", line: 3), limit: 5)
        for tail in ["", "x\"y", "\"x\"y", String(repeating: "z", count: 100)] {
            let path = try temporaryFile("a,b\n1,2\n" + String(repeating: ",", count: 10) + tail + "\n")
            for chunk in [1, 3, 64, 1 << 20] {
                for checking in [true, false] {
                    let raw = checkedRawOutcome(path, limit: 60, chunk: chunk, checkingUTF8: checking, maximumFieldCount: 5)
                    #expect(same(raw, .failure(tooMany)), "tail \(tail) chunk \(chunk): \(raw)")
                }
                #expect(throws: tooMany) {
                    try CSVReader(path: path, displayName: "in.csv", maximumRecordBytes: 60, maximumFieldCount: 5, chunkSize: chunk).readAll()
                }
            }
        }
    }
}
