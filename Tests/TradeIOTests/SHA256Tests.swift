import Foundation
import Testing
import TradeIO

@Suite("SHA256: file fingerprints for run manifests")
struct SHA256Tests {
    // Expected digests: FIPS 180-2 appendix B examples ("abc", the 448-bit message, one million 'a'),
    // cross-checked with Python 3.11 hashlib.sha256(...).hexdigest(); the empty message and the
    // 768-byte pattern (bytes 0..255 three times, crossing block boundaries) from hashlib alone.
    @Test("FIPS 180-2 and hashlib vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(message: String, expected: String) {
        #expect(SHA256.hexDigest(Array(message.utf8)) == expected)
    }

    @Test("long and binary messages")
    func longMessages() {
        #expect(SHA256.hexDigest([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        let pattern = (0..<3).flatMap { _ in (0...255).map { UInt8($0) } }
        #expect(SHA256.hexDigest(pattern) == "f3a25aa93aa2fbba28d79260535bbd6a5eb0fc1c24a8b0f04e12b484c1dfe363")
    }

    @Test("incremental hashing: any split of the message gives the one-shot digest (block boundaries, 55/56/64-byte tails)")
    func incremental() {
        let message = (0..<5_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        let expected = SHA256.hexDigest(message)
        for length in [0, 1, 55, 56, 63, 64, 65, 119, 120, 128, 4_999, 5_000] {
            for split in Set([0, length / 3, length / 2, max(0, length - 1), length]) {
                var hasher = SHA256.Hasher()
                hasher.update(message[0..<split])
                hasher.update(message[split..<length])
                #expect(hasher.finalizeHex() == SHA256.hexDigest(message[0..<length]), "length \(length), split \(split)")
            }
        }
        var chunked = SHA256.Hasher()
        for start in stride(from: 0, to: message.count, by: 97) { chunked.update(message[start..<min(start + 97, message.count)]) }
        #expect(chunked.finalizeHex() == expected)
    }

    @Test("a 4.7 MB file is hashed in chunks to the digest hashlib gives")
    func largeFile() throws {
        // Python 3.11: hashlib.sha256("".join(f"row {i},value {i*7}\n" for i in range(200000)).encode()).hexdigest()
        // (4,730,157 bytes: more than four of the 1 MiB chunks the file is read in).
        let text = (0..<200_000).map { "row \($0),value \($0 * 7)\n" }.joined()
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        #expect(text.utf8.count == 4_730_157)
        #expect(try SHA256.hexDigest(ofFile: url.path) == "0d0253a6e0bff9ae6357c64355f2cfec6549c2fd6a70b5fe7f01858422b54258")
    }

    @Test("a missing file is a clear error")
    func missingFile() {
        #expect(throws: TradeIOError.cannotOpen(file: "Data/none.csv", reason: "cannot read it to compute its SHA-256")) {
            try SHA256.hexDigest(ofFile: "/nonexistent/none.csv", displayName: "Data/none.csv")
        }
    }
}
