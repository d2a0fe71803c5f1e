import _TestSupport
import Foundation
import Testing
@testable import TradeIO

@Suite("CSVStructuralMasks: the SSE2 classifier gives the portable code's masks")
struct CSVStructuralMasksTests {
    /// Every length from 0 to 300 (partial last words of every size) and every start
    /// offset 0-15 (unaligned loads), on seeded bytes that are structural half the time.
    @Test("seeded bytes of every length to 300 at offsets 0-15: same masks and ASCII answers as the portable code")
    func sameAsPortable() {
        var random = PropertyRandom(seed: 20261129)
        let alphabet: [UInt8] = [0x2C, 0x22, 0x0A, 0x0D, 0x61, 0x20, 0x00, 0x7F, 0x80, 0xFF, 0x2B, 0x2D]
        let bytes = (0..<316).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
        let ascii = (0..<316).map { _ in alphabet[Int.random(in: 0..<8, using: &random)] }
        let fast = CSVStructuralMasks(), portable = CSVStructuralMasks()
        for source in [bytes, ascii] {
            source.withUnsafeBufferPointer { buffer in
                for offset in 0..<16 {
                    for count in 0...300 {
                        let chunk = UnsafeBufferPointer(rebasing: buffer[offset..<offset + count])
                        let fastASCII = fast.classify(chunk)
                        let portableASCII = portable.classify(chunk, portable: true)
                        #expect(fastASCII == portableASCII, "offset \(offset) count \(count)")
                        #expect(portableASCII == chunk.allSatisfy { $0 < 0x80 })
                        for word in 0..<(count + 63) / 64 {
                            #expect(fast.commas[word] == portable.commas[word] && fast.specials[word] == portable.specials[word]
                                    && fast.high[word] == portable.high[word], "offset \(offset) count \(count) word \(word)")
                        }
                        // hasNonASCII over a few ranges, against the bytes themselves.
                        for (start, end) in [(0, count), (count / 3, count), (0, count / 2), (count / 4, 3 * count / 4)] where start < end {
                            #expect(fast.hasNonASCII(from: start, to: end) == chunk[start..<end].contains { $0 >= 0x80 },
                                    "offset \(offset) count \(count) range \(start)..<\(end)")
                        }
                    }
                }
            }
        }
    }

    @Test("the portable masks mark exactly the separators, the quote, LF and CR bytes and the non-ASCII bytes; nextSpecial finds them in order")
    func portableDefinition() {
        let text = Array("a,\"b\"\r\n".utf8) + [UInt8](repeating: 0x78, count: 70) + Array(",\n".utf8) + [0xC3, 0xA9]
        let masks = CSVStructuralMasks()
        text.withUnsafeBufferPointer { _ = masks.classify($0, portable: true) }
        #expect(masks.commas[0] == 1 << 1 && masks.commas[1] == 1 << (77 - 64))
        #expect(masks.specials[0] == (1 << 2 | 1 << 4 | 1 << 5 | 1 << 6) && masks.specials[1] == 1 << (78 - 64))
        #expect(masks.high[0] == 0 && masks.high[1] == (1 << (79 - 64) | 1 << (80 - 64)))
        #expect(!masks.hasNonASCII(from: 0, to: 79) && masks.hasNonASCII(from: 0, to: 80) && masks.hasNonASCII(from: 80, to: 81))
        var found: [Int] = []
        var next = masks.nextSpecial(from: 0)
        while next < text.count {
            found.append(next)
            next = masks.nextSpecial(from: next + 1)
        }
        #expect(found == [2, 4, 5, 6, 78])
        #expect(masks.nextSpecial(from: text.count) == text.count)
    }
}
