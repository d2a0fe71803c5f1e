import Foundation
import Testing
@testable import TradeIO

@Suite("rejects file: RFC 4180 quoting")
struct RejectsWriterTests {
    @Test("a quote is doubled by bytes, also when a combining mark after it makes one Character of the two")
    func quoteNextToCombiningMark() {
        // By hand: the field between quotes, its quote doubled; compared as bytes.
        #expect(Array(RejectsWriter.quoted("a\"\u{301}b").utf8) == [0x22, 0x61, 0x22, 0x22, 0xCC, 0x81, 0x62, 0x22])
        #expect(RejectsWriter.quoted("plain") == "plain")
        #expect(RejectsWriter.quoted("a\r\nb") == "\"a\r\nb\"")
    }

    @Test("a transform given for a terminal is applied to every field before quoting; without one the data is kept")
    func shownFields() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rejects-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let error = TradeIOError.invalidValue(SourceLocation(file: "in\u{1B}[2J.csv", line: 3, field: "value"), value: "x", reason: "is not a number")
        for escaped in [false, true] {
            let path = directory.appendingPathComponent("rejects-\(escaped).csv").path
            let escape: @Sendable (String) -> String = { $0.replacingOccurrences(of: "\u{1B}", with: "\\x1b") }
            let writer = try RejectsWriter(path: path, shown: escaped ? escape : nil)
            writer.write(error)
            try writer.finish()
            let text = try String(contentsOfFile: path, encoding: .utf8)
            #expect(text.contains(escaped ? "in\\x1b[2J.csv,3,value," : "in\u{1B}[2J.csv,3,value,"), "\(text)")
            #expect(text.contains("\u{1B}") == !escaped)
        }
    }
}
