/// The codes that mark a total row in a breakdown column, as text and as packed
/// short keys (``ShortKeyCache/key(_:)``) for the comparison per row.
struct TotalCodes: Sendable {
    let texts: Set<String>
    let keys: SIMD2<UInt64>

    /// - Parameter texts: One or two short codes (up to 7 bytes each).
    init(_ texts: [String]) {
        precondition((1...2).contains(texts.count), "one or two total codes")
        self.texts = Set(texts)
        let packed = texts.map { text in Array(text.utf8).withUnsafeBufferPointer { ShortKeyCache<Int>.key($0) ?? 0 } }
        keys = SIMD2(packed[0], packed.count > 1 ? packed[1] : 0)
    }
}

extension SIMD2 where Scalar == UInt64 {
    @inline(__always)
    func contains(_ key: UInt64) -> Bool { self[0] == key || self[1] == key }
}
