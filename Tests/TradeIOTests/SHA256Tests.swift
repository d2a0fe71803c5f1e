import Foundation
import Testing
@testable import TradeIO

@Suite("SHA256: file fingerprints for run manifests", .serialized)
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

    // Padding edges (lengths 55, 56, 63, 64, 65, 119, 120 of bytes 0, 1, 2, ...), from Python 3.11
    // hashlib.sha256(bytes(range(n))).hexdigest(); each through the SHA extensions (where the
    // processor has them) and through the portable code.
    @Test("padding edges, hardware and portable paths", arguments: [
        (55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59"),
        (56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562"),
        (63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488"),
        (64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108"),
        (65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781"),
        (119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6"),
        (120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c"),
    ])
    func paddingEdges(count: Int, expected: String) {
        let message = (0..<count).map { UInt8($0) }
        #expect(SHA256.hexDigest(message) == expected)
        SHA256.forcePortable(true)
        defer { SHA256.forcePortable(false) }
        #expect(SHA256.hexDigest(message) == expected)
    }

    // A file of 3 MiB + 37 bytes (byte i = (7 i + 3) mod 256), read in 1 MiB pieces; expected digest
    // from Python 3.11 hashlib.sha256 of the same bytes.
    @Test("a file larger than one read, both paths")
    func fileInPieces() throws {
        let count = (3 << 20) + 37
        let bytes = (0..<count).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("sha256-\(UUID().uuidString).bin")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = "e700670691807189a415a0d607254ef8226361765a3205192c9564416202d5b6"
        #expect(try SHA256.hexDigest(ofFile: url.path) == expected)
        SHA256.forcePortable(true)
        defer { SHA256.forcePortable(false) }
        #expect(try SHA256.hexDigest(ofFile: url.path) == expected)
    }

    @Test("a missing file is a clear error")
    func missingFile() {
        #expect(throws: TradeIOError.cannotOpen(file: "Data/none.csv", reason: "cannot read it to compute its SHA-256")) {
            try SHA256.hexDigest(ofFile: "/nonexistent/none.csv", displayName: "Data/none.csv")
        }
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

}
