import Foundation

/// A bounded hash table from byte strings to objects: the Comtrade+ converter's table of series parts,
/// keyed by the bytes of a row's series fields (and where each field ends).
///
/// Open addressing with linear probing; keys are copied into one arena. When ``maximumCount`` keys or
/// ``maximumArenaBytes`` bytes are held, the table is emptied and starts again (a miss costs a re-read of
/// the fields), so memory stays bounded (about 24 MB) whatever the number of series in a file.
final class ByteKeyTable<Value: AnyObject> {
    static var maximumCount: Int { 1 << 16 }
    static var maximumArenaBytes: Int { 16 << 20 }
    private static var slotCount: Int { 1 << 17 }

    private let hashes: UnsafeMutablePointer<UInt64>
    private let starts: UnsafeMutablePointer<Int>
    private let lengths: UnsafeMutablePointer<Int>
    private var values: [Value?]
    private var arena: UnsafeMutablePointer<UInt8>
    private var arenaCapacity = 1 << 20
    private var arenaCount = 0
    private(set) var count = 0

    init() {
        hashes = .allocate(capacity: Self.slotCount)
        hashes.initialize(repeating: 0, count: Self.slotCount)
        starts = .allocate(capacity: Self.slotCount)
        lengths = .allocate(capacity: Self.slotCount)
        values = Array(repeating: nil, count: Self.slotCount)
        arena = .allocate(capacity: arenaCapacity)
    }

    deinit {
        hashes.deallocate()
        starts.deallocate()
        lengths.deallocate()
        arena.deallocate()
    }

    /// A 64-bit hash of `key`, never 0 (0 marks an empty slot).
    @inline(__always)
    static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = key.baseAddress else { return 1 }
        // Two lanes of 8-byte words, so that the multiplications of one do not wait for the other's.
        var h: UInt64 = 0x243F_6A88_85A3_08D3 ^ UInt64(key.count)
        var g: UInt64 = 0x1319_8A2E_0370_7344
        var index = 0
        let count = key.count
        while index + 16 <= count {
            let first = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let second = UnsafeRawPointer(base + index + 8).loadUnaligned(as: UInt64.self)
            h = (h ^ first) &* 0x9E37_79B9_7F4A_7C15
            g = (g ^ second) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 29
            g ^= g >> 31
            index += 16
        }
        h ^= g &* 0x1656_67B1_9E37_79F9
        if index + 8 <= count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            h = (h ^ word) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        return h == 0 ? 1 : h
    }

    /// The value stored for `key` (whose hash is `hash`), or `nil`.
    @inline(__always)
    func value(for key: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Value? {
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot]
            if stored == 0 { return nil }
            if stored == hash, lengths[slot] == key.count,
               key.isEmpty || memcmp(arena + starts[slot], key.baseAddress!, key.count) == 0 {
                return values[slot]
            }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` (not in the table), emptying the table first when it is full.
    func insert(_ value: Value, for key: UnsafeBufferPointer<UInt8>, hash: UInt64) {
        if count >= Self.maximumCount || arenaCount + key.count > Self.maximumArenaBytes { removeAll() }
        if arenaCount + key.count > arenaCapacity {
            var capacity = arenaCapacity
            while arenaCount + key.count > capacity { capacity *= 2 }
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
            grown.update(from: arena, count: arenaCount)
            arena.deallocate()
            arena = grown
            arenaCapacity = capacity
        }
        if let base = key.baseAddress { (arena + arenaCount).update(from: base, count: key.count) }
        let mask = Self.slotCount - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while hashes[slot] != 0 { slot = (slot + 1) & mask }
        hashes[slot] = hash
        starts[slot] = arenaCount
        lengths[slot] = key.count
        values[slot] = value
        arenaCount += key.count
        count += 1
    }

    /// Empties the table (its arena keeps its capacity).
    func removeAll() {
        hashes.update(repeating: 0, count: Self.slotCount)
        for index in values.indices { values[index] = nil }
        arenaCount = 0
        count = 0
    }
}
