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
