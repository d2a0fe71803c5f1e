/// Growable buffers for one record (its bytes and its field end offsets),
/// appended to without the uniqueness checks of `Array`. Owned by one parser.
final class CSVRecordStorage {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    private var byteCapacity = 4096
    private(set) var ends: UnsafeMutablePointer<Int>
    var endCount = 0
    private var endCapacity = 64
    /// The first error of the current record when the parser recovers from record errors
    /// (``CSVParserState/recoversRecordErrors``): the record is handed out with it, to be rejected.
    var recordError: TradeIOError?

    init() {
        bytes = .allocate(capacity: byteCapacity)
        ends = .allocate(capacity: endCapacity)
    }

    deinit {
        bytes.deallocate()
        ends.deallocate()
    }

    @inline(__always)
    func append(_ source: UnsafePointer<UInt8>, count: Int) {
        if byteCount + count > byteCapacity { growBytes(to: byteCount + count) }
        let target = bytes + byteCount
        if count <= 16 {
            // Most CSV fields are short: a plain loop beats a call to memmove.
            for index in 0..<count { target[index] = source[index] }
        } else {
            target.update(from: source, count: count)
        }
        byteCount += count
    }

    /// Appends `source[start..<end]`, if not empty (a run of a chunk).
    @inline(__always)
    func appendRun(_ source: UnsafePointer<UInt8>, from start: Int, to end: Int) {
        if end > start { append(source + start, count: end - start) }
    }

    @inline(__always)
    func append(_ byte: UInt8) {
        if byteCount == byteCapacity { growBytes(to: byteCount + 1) }
        bytes[byteCount] = byte
        byteCount += 1
    }

    @inline(__always)
    func appendEnd(_ offset: Int) {
        if endCount == endCapacity { growEnds(to: endCount + 1) }
        ends[endCount] = offset
        endCount += 1
    }

    /// Makes room for at least `minimum` end offsets, so that callers can store
    /// into `ends` up to that count directly.
    @inline(__always)
    func reserveEnds(_ minimum: Int) {
        if minimum > endCapacity { growEnds(to: minimum) }
    }

    private func growEnds(to minimum: Int) {
        while endCapacity < minimum { endCapacity *= 2 }
        let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity)
        grown.update(from: ends, count: endCount)
        ends.deallocate()
        ends = grown
    }

    private func growBytes(to minimum: Int) {
        while byteCapacity < minimum { byteCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
    }
}
