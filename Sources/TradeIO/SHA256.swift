import Foundation

/// SHA-256 (FIPS 180-4) of bytes and files, for the data-vintage fingerprints
/// of run manifests. A plain implementation: Foundation on Linux has no
/// CryptoKit, and a fingerprint of a few input files does not need more speed.
public enum SHA256 {
    fileprivate static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]

    /// The digest of some bytes.
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The 32-byte digest.
    /// - Complexity: O(n) in the message length.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = Hasher()
        hasher.update(Array(bytes))
        return hasher.finalize()
    }

    /// An incremental SHA-256: feed the message in pieces with ``update(_:)``, then
    /// ``finalize()``. Memory is one 64-byte block, whatever the message length, so a
    /// file or a stream is hashed as it is read.
    public struct Hasher: Sendable {
        private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        private var pending: [UInt8] = []
        private var length: UInt64 = 0
        private var schedule = [UInt32](repeating: 0, count: 64)

        /// A hasher with nothing fed yet.
        public init() {
            pending.reserveCapacity(64)
        }

        /// Feeds the next bytes of the message.
        ///
        /// - Parameter bytes: The bytes, in message order.
        public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
            for byte in bytes {
                pending.append(byte)
                length &+= 1
                if pending.count == 64 {
                    compress()
                    pending.removeAll(keepingCapacity: true)
                }
            }
        }

        /// The digest of everything fed so far (the hasher is then spent).
        ///
        /// - Returns: The 32-byte digest.
        public mutating func finalize() -> [UInt8] {
            let bitLength = length &* 8
            pending.append(0x80)
            if pending.count > 56 {
                while pending.count < 64 { pending.append(0) }
                compress()
                pending.removeAll(keepingCapacity: true)
            }
            while pending.count < 56 { pending.append(0) }
            for shift in stride(from: 56, through: 0, by: -8) { pending.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
            compress()
            pending.removeAll(keepingCapacity: true)
            return state.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * UInt32($0))) } }
        }

        /// The hex form of ``finalize()``.
        public mutating func finalizeHex() -> String {
            finalize().map { String(format: "%02x", $0) }.joined()
        }

        private mutating func compress() {
            func rotate(_ value: UInt32, _ count: UInt32) -> UInt32 { (value >> count) | (value << (32 - count)) }
            for index in 0..<16 {
                let base = index * 4
                schedule[index] = UInt32(pending[base]) << 24 | UInt32(pending[base + 1]) << 16 | UInt32(pending[base + 2]) << 8 | UInt32(pending[base + 3])
            }
            for index in 16..<64 {
                let s0 = rotate(schedule[index - 15], 7) ^ rotate(schedule[index - 15], 18) ^ (schedule[index - 15] >> 3)
                let s1 = rotate(schedule[index - 2], 17) ^ rotate(schedule[index - 2], 19) ^ (schedule[index - 2] >> 10)
                schedule[index] = schedule[index - 16] &+ s0 &+ schedule[index - 7] &+ s1
            }
            var (a, b, c, d, e, f, g, h) = (state[0], state[1], state[2], state[3], state[4], state[5], state[6], state[7])
            for index in 0..<64 {
                let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
                let choice = (e & f) ^ (~e & g)
                let temp1 = h &+ s1 &+ choice &+ SHA256.roundConstants[index] &+ schedule[index]
                let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
                let majority = (a & b) ^ (a & c) ^ (b & c)
                let temp2 = s0 &+ majority
                (h, g, f, e, d, c, b, a) = (g, f, e, d &+ temp1, c, b, a, temp1 &+ temp2)
            }
            state[0] &+= a; state[1] &+= b; state[2] &+= c; state[3] &+= d
            state[4] &+= e; state[5] &+= f; state[6] &+= g; state[7] &+= h
        }
    }

    /// The digest of some bytes as 64 lowercase hex digits (as `sha256sum` prints it).
    ///
    /// - Parameter bytes: The message.
    /// - Returns: The hex digest.
    public static func hexDigest<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        digest(bytes).map { String(format: "%02x", $0) }.joined()
    }

    /// The hex digest of a file's bytes, read in 1 MiB chunks (memory does not grow with the file).
    ///
    /// - Parameters:
    ///   - path: The file.
    ///   - displayName: The name used in errors; the path by default.
    /// - Returns: The hex digest.
    /// - Throws: `TradeIOError.cannotOpen` when the file cannot be read.
    public static func hexDigest(ofFile path: String, displayName: String? = nil) throws(TradeIOError) -> String {
        guard let handle = fopen(path, "rb") else {
            throw .cannotOpen(file: displayName ?? path, reason: "cannot read it to compute its SHA-256")
        }
        defer { fclose(handle) }
        var hasher = Hasher()
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count == 0 { break }
            hasher.update(chunk[0..<count])
        }
        if ferror(handle) != 0 {
            throw .cannotOpen(file: displayName ?? path, reason: "read error while computing its SHA-256")
        }
        return hasher.finalizeHex()
    }
}
