import _TestSupport
import Testing
@testable import TradeIO

/// The dry run's count of repeated keys (radix sort of the logged hashes) against the
/// plain reference: inserting into a `Set` and counting failed inserts.
@Suite("KeyHashLog: repeats counted as a Set counts them")
struct KeyHashLogTests {
    @Test("hand case: 5, 1, 5, 5, -3, 1 has three repeats")
    func handCase() {
        var log = KeyHashLog()
        for hash in [5, 1, 5, 5, -3, 1] { log.append(hash) }
        #expect(log.repeats() == 3)  // the second and third 5, the second 1
        #expect(KeyHashLog().repeats() == 0)
    }

    @Test("100,000 seeded hashes drawn from a small range (many repeats) and from all 64 bits")
    func random() {
        var random = PropertyRandom(seed: 20261129)
        for range in [UInt64(5_000), UInt64.max] {
            var log = KeyHashLog()
            var seen: Set<Int> = []
            var expected = 0
            for _ in 0..<100_000 {
                let hash = Int(bitPattern: UInt(random.next() % range == 0 ? 0 : (range == .max ? random.next() : random.next() % range)))
                log.append(hash)
                if !seen.insert(hash).inserted { expected += 1 }
            }
            #expect(log.repeats() == expected)
        }
    }
}
