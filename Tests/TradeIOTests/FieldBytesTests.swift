import _TestSupport
import Foundation
import Testing
@testable import TradeIO

/// The byte-level field parsers behind the trade readers must give exactly what the
/// `String` parsers they stand in for give (Swift's `Double(String)`, correctly rounded
/// through the C library's `strtod`, and `Int(String)`), or decline (nil) so that the
/// `String` path runs. The reference here is the standard library itself.
@Suite("FieldBytes: byte parsers equal Double(String) and Int(String) where they answer")
struct FieldBytesTests {
    func withBytes<T>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
        Array(text.utf8).withUnsafeBufferPointer(body)
    }

    @Test("edge cases: declined or equal to Double(String)", arguments: [
        "0", "00", "0.0", "1", "1.5", "0.1", "0.3", "123456789012345", "1234567890123456", "12345678.1234567",
        "9007199254740993", "0.000000000000001", "1.", ".5", "-1", "+1", "1e5", "1E5", "inf", "nan", "0x10",
        "1.2.3", "", " 1", "1 ", "12,5", "٣", "1_000", "99999999999999.9", "4.35", "2.675", "1.0000000000000002",
    ])
    func edgeCases(text: String) {
        let fast = withBytes(text) { FieldBytes.plainDecimal($0) }
        if let fast {
            #expect(fast.bitPattern == Double(text)?.bitPattern, "\(text)")
        }
    }

    @Test("200,000 seeded random decimals: every answer is bit-identical to Double(String)")
    func randomDecimals() {
        var random = PropertyRandom(seed: 20261129)
        var answered = 0, mismatches = 0
        for _ in 0..<200_000 {
            let integerDigits = Int.random(in: 0...16, using: &random)
            let fractionDigits = Int.random(in: -1...16, using: &random)  // -1: no point
            var text = String((0..<integerDigits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            if fractionDigits >= 0 {
                text += "." + String((0..<fractionDigits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
            }
            guard let fast = withBytes(text, { FieldBytes.plainDecimal($0) }) else { continue }
            answered += 1
            if fast.bitPattern != Double(text)?.bitPattern {
                mismatches += 1
                if mismatches < 5 { Issue.record("\(text): \(fast) != \(String(describing: Double(text)))") }
            }
        }
        #expect(mismatches == 0)
        #expect(answered > 50_000)  // the fast path does answer the common shapes
    }

    @Test("integers: equal to Int(String) or declined", arguments: [
        "0", "7", "-7", "007", "-0", "123456789012345678", "1234567890123456789", "+5", "5.0", "", "-", "1-2", " 3", "8.",
    ])
    func integers(text: String) {
        if let fast = withBytes(text, { FieldBytes.plainInteger($0) }) {
            #expect(fast == Int(text), "\(text)")
        } else {
            // Declined inputs take the String path; only 18+ digit, signed-plus or non-digit text is declined.
            #expect(Int(text) == nil || text.hasPrefix("+") || text.count > 18, "\(text)")
        }
    }

    @Test("ASCII case-insensitive comparison, non-ASCII declined")
    func caseInsensitive() {
        #expect(withBytes("True") { FieldBytes.equalsIgnoringASCIICase($0, "true") } == true)
        #expect(withBytes("rx") { FieldBytes.equalsIgnoringASCIICase($0, "RX") } == true)
        #expect(withBytes("R") { FieldBytes.equalsIgnoringASCIICase($0, "RX") } == false)
        #expect(withBytes("ſ") { FieldBytes.equalsIgnoringASCIICase($0, "s") } == nil)
    }

    @Test("short-key cache: keys of different fields differ; long fields are not cached")
    func shortKeys() {
        let keys = ["", "0", "00", "H5", "H5 ", "CHN", "270111", "2701110"].map { text in withBytes(text) { ShortKeyCache<Int>.key($0) } }
        #expect(Set(keys.compactMap { $0 }).count == keys.count)
        #expect(withBytes("27011100") { ShortKeyCache<Int>.key($0) } == nil)
        let cache = ShortKeyCache<Int>()
        let key = withBytes("CHN") { ShortKeyCache<Int>.key($0)! }
        #expect(cache.value(for: key) == nil)
        cache.store(156, for: key)
        #expect(cache.value(for: key) == 156)
    }
}
