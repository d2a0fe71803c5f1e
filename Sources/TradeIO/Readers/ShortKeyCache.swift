/// A direct-mapped cache from a short field (up to 7 bytes, packed with its
/// length into 64 bits) to its parsed value; a slot holds the last value that
/// mapped to it. Fixed size (4,096 slots), so memory does not grow with the file.
/// A class over manually managed memory: no copy-on-write or exclusivity checks per row.
final class ShortKeyCache<Value> {
    private static var slotCount: Int { 4096 }
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value?>

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: 0, count: Self.slotCount)
        values = .allocate(capacity: Self.slotCount)
        values.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        keys.deallocate()
        values.deinitialize(count: Self.slotCount)
        values.deallocate()
    }

    /// The packed key of up to 7 bytes (never 0), or nil for a longer field.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var key = UInt64(bytes.count + 1) << 56
        for index in 0..<bytes.count { key |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return key
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    @inline(__always)
    func value(for key: UInt64) -> Value? {
        let slot = Self.slot(key)
        return keys[slot] == key ? values[slot] : nil
    }

    @inline(__always)
    func store(_ value: Value, for key: UInt64) {
        let slot = Self.slot(key)
        keys[slot] = key
        values[slot] = value
    }
}
