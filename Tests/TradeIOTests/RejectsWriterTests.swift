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
}
