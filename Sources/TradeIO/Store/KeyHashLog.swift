/// The 64-bit key hashes of a file's rows, appended in file order and counted
/// for repeats at the end: the dry run's overlap check without a hash set.
///
/// Appending is sequential (no random probe into a table of millions of entries
/// per row); ``repeats()`` sorts the hashes once (LSD radix sort, 8 passes of a
/// byte) and counts the entries equal to their predecessor, which is the number
/// of rows whose key an earlier row had. Memory: 8 bytes per row while reading,
/// twice that during the sort (16 and 32 MB for 2 million rows).
struct KeyHashLog {
    private(set) var hashes: [UInt64] = []

    /// Adds a row's key hash.
    @inline(__always)
    mutating func append(_ hash: Int) {
        hashes.append(UInt64(bitPattern: Int64(hash)))
    }

    /// The number of hashes equal to an earlier one.
    ///
    /// - Complexity: O(n) time (8 counting passes), O(n) extra memory.
    func repeats() -> Int {
        let count = hashes.count
        guard count > 1 else { return 0 }
        var source = hashes
        var target = [UInt64](repeating: 0, count: count)
        source.withUnsafeMutableBufferPointer { from in
            target.withUnsafeMutableBufferPointer { to in
                var a = from, b = to
                var counts = [Int](repeating: 0, count: 256)
                for pass in 0..<8 {
                    let shift = UInt64(pass * 8)
                    for index in 0..<256 { counts[index] = 0 }
                    for value in a { counts[Int(truncatingIfNeeded: (value >> shift) & 0xFF)] += 1 }
                    var offset = 0
                    for index in 0..<256 {
                        let bucket = counts[index]
                        counts[index] = offset
                        offset += bucket
                    }
                    for value in a {
                        let digit = Int(truncatingIfNeeded: (value >> shift) & 0xFF)
                        b[counts[digit]] = value
                        counts[digit] += 1
                    }
                    swap(&a, &b)
                }
                // After an even number of passes the sorted values are back in `from`.
            }
        }
        var repeats = 0
        for index in 1..<count where source[index] == source[index - 1] { repeats += 1 }
        return repeats
    }
}
