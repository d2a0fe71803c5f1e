import CTradeIO

/// The structural bytes of one chunk as bitmasks, 64 bytes to a word (see
/// `ctradeio_csv_classify`): bit k of `commas[w]` marks a `,` at byte 64w + k,
/// bit k of `specials[w]` a `"`, LF or CR there, and bit k of `high[w]` a byte that
/// is not ASCII. The raw-mode parser jumps from one marked byte to the next instead
/// of testing every byte. Owned by one parser.
final class CSVStructuralMasks {
    private(set) var commas: UnsafeMutablePointer<UInt64>
    private(set) var specials: UnsafeMutablePointer<UInt64>
    private(set) var high: UnsafeMutablePointer<UInt64>
    /// The number of bytes classified by the last `classify(_:)`.
    private(set) var byteCount = 0
    private var wordCapacity = 0

    init() {
        commas = .allocate(capacity: 1)
        specials = .allocate(capacity: 1)
        high = .allocate(capacity: 1)
        wordCapacity = 1
    }

    deinit {
        commas.deallocate()
        specials.deallocate()
        high.deallocate()
    }

    /// Classifies `bytes` (replacing the masks of the chunk before).
    ///
    /// - Parameters:
    ///   - bytes: The chunk.
    ///   - portable: Use the byte-at-a-time C code even where SSE2 is available (for tests).
    /// - Returns: Whether every byte is ASCII (below 0x80).
    func classify(_ bytes: UnsafeBufferPointer<UInt8>, portable: Bool = false) -> Bool {
        let words = (bytes.count + 63) / 64
        if words > wordCapacity {
            commas.deallocate()
            specials.deallocate()
            high.deallocate()
            wordCapacity = words
            commas = .allocate(capacity: words)
            specials = .allocate(capacity: words)
            high = .allocate(capacity: words)
        }
        byteCount = bytes.count
        guard let base = bytes.baseAddress, bytes.count > 0 else { return true }
        return (portable ? ctradeio_csv_classify_portable(base, bytes.count, commas, specials, high)
                         : ctradeio_csv_classify(base, bytes.count, commas, specials, high)) != 0
    }

    /// The first special byte (`"`, LF, CR) at or after `index`, or `byteCount` when there is none.
    @inline(__always)
    func nextSpecial(from index: Int) -> Int {
        if index >= byteCount { return byteCount }
        var word = index >> 6
        // Clear the bits of the bytes before `index` in its word.
        var bits = specials[word] & (UInt64.max << UInt64(index & 63))
        let words = (byteCount + 63) >> 6
        while bits == 0 {
            word += 1
            if word >= words { return byteCount }
            bits = specials[word]
        }
        return (word << 6) + bits.trailingZeroBitCount
    }

    /// Whether any byte in `start..<end` is not ASCII (`start < end <= byteCount`).
    @inline(__always)
    func hasNonASCII(from start: Int, to end: Int) -> Bool {
        var word = start >> 6
        let last = (end - 1) >> 6
        // The bits from `start` on in the first word, and before `end` in the last.
        var bits = high[word] & (UInt64.max << UInt64(start & 63))
        while true {
            if word == last {
                let used = end - (word << 6)
                if used < 64 { bits &= (1 << UInt64(used)) &- 1 }
                return bits != 0
            }
            if bits != 0 { return true }
            word += 1
            bits = high[word]
        }
    }
}
