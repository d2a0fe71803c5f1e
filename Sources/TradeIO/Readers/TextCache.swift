import Foundation

/// A direct-mapped cache of longer texts (commodity descriptions repeat on every
/// row of a code): a field whose bytes equal a cached `String`'s gets that string,
/// without a new allocation. 1,024 slots, so memory does not grow with the file.
final class TextCache {
    private static var slotCount: Int { 1024 }
    private let hashes: UnsafeMutablePointer<UInt64>
    private let texts: UnsafeMutablePointer<String?>

    init() {
        hashes = .allocate(capacity: Self.slotCount)
        hashes.initialize(repeating: 0, count: Self.slotCount)
        texts = .allocate(capacity: Self.slotCount)
        texts.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        hashes.deallocate()
        texts.deinitialize(count: Self.slotCount)
        texts.deallocate()
    }

    /// A fast 64-bit hash of the bytes (multiply-xorshift over 8-byte words; not for adversaries:
    /// a collision only costs a comparison).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 1 }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29) | 1
    }

    /// The text of the bytes (already checked as UTF-8), from the cache when the same bytes were seen.
    @inline(__always)
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = Self.hash(bytes)
        let slot = Int(truncatingIfNeeded: hash >> 54)
        if hashes[slot] == hash, var cached = texts[slot] {
            let same = cached.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
            if same { return cached }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        texts[slot] = text
        return text
    }
}
