/// One record of a CSV file as raw bytes, as the readers of this module see it: the record handed out by
/// `CSVReader.forEachRawRecord(checkingUTF8:observingBytes:_:)`, without a `String` per field.
///
/// Quotes are already removed and doubled quotes (`""`) already turned into
/// one, so `self[i]` is the field's content. The bytes are not checked for
/// UTF-8: `string(at:)` checks them.
///
/// Internal: the record points into the reader's buffers and is valid only inside the closure it is
/// passed to, which the type itself cannot enforce. Callers outside the module get the borrowed
/// ``CSVRecordView`` instead, which cannot be kept.
struct CSVRawRecord {
    /// The 1-based physical line on which the record starts.
    let line: Int
    /// The file as the user named it (used in error messages).
    var displayName: String { file.value }
    /// The file's name, shared by every record of a read.
    let file: CSVFileName
    /// The record's fields, quotes removed; each field but the last is followed
    /// by one byte that is not part of it (its separator).
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `bytes`; field i + 1 starts one byte after `ends[i]`.
    let ends: UnsafeBufferPointer<Int>

    /// The number of fields in the record.
    var count: Int { ends.count }

    /// The bytes of field `index` (0-based), empty for an empty field.
    ///
    /// - Parameters:
    ///   - index: The 0-based field index, less than `count`.
    /// - Returns: The field's bytes, valid only while the record is.
    @inline(__always)
    subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
        precondition(index >= 0 && index < ends.count, "field \(index) of a record with \(ends.count) fields")
        let start = index == 0 ? 0 : ends[index - 1] + 1
        return UnsafeBufferPointer(rebasing: bytes[start..<ends[index]])
    }

    /// Field `index` as a `String`, checked to be UTF-8.
    ///
    /// - Parameters:
    ///   - index: The 0-based field index, less than `count`.
    /// - Returns: The field's text.
    /// - Throws: `TradeIOError.invalidUTF8` naming the file and the record's line.
    func string(at index: Int) throws(TradeIOError) -> String {
        guard let text = decodeUTF8(self[index]) else {
            throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: line))
        }
        return text
    }

    /// Every field as a `String`, checked to be UTF-8.
    ///
    /// - Returns: The fields in order.
    /// - Throws: `TradeIOError.invalidUTF8` naming the file and the record's line.
    func strings() throws(TradeIOError) -> [String] {
        var fields: [String] = []
        fields.reserveCapacity(count)
        for index in 0..<count { fields.append(try string(at: index)) }
        return fields
    }
}

/// One record of a CSV file as raw bytes, lent to the closure of ``CSVReader/forEachRawRecord(_:)``.
///
/// Noncopyable and handed out borrowed, so it cannot outlive the call: it points into the reader's
/// buffers, which the next record overwrites. A field's bytes are lent the same way, inside
/// ``withField(_:_:)``. Quotes are already removed and doubled quotes (`""`) turned into one; the
/// bytes are not checked for UTF-8 (``string(at:)`` checks them).
public struct CSVRecordView: ~Copyable {
    private let record: CSVRawRecord

    init(_ record: CSVRawRecord) {
        self.record = record
    }

    /// The 1-based physical line on which the record starts.
    public var line: Int { record.line }
    /// The file as the user named it (used in error messages).
    public var displayName: String { record.displayName }
    /// The number of fields in the record.
    public var count: Int { record.count }

    /// Calls `body` with the bytes of field `index` (0-based; empty for an empty field).
    ///
    /// - Parameters:
    ///   - index: The 0-based field index, less than `count`.
    ///   - body: Reads the bytes, which are valid only during the call.
    /// - Returns: What `body` returns.
    @inline(__always)
    public func withField<Result, Failure: Error>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(record[index])
    }

    /// Field `index` as a `String`, checked to be UTF-8.
    ///
    /// - Parameters:
    ///   - index: The 0-based field index, less than `count`.
    /// - Returns: The field's text.
    /// - Throws: `TradeIOError.invalidUTF8` naming the file and the record's line.
    public func string(at index: Int) throws(TradeIOError) -> String {
        try record.string(at: index)
    }

    /// Every field as a `String`, checked to be UTF-8.
    ///
    /// - Returns: The fields in order.
    /// - Throws: `TradeIOError.invalidUTF8` naming the file and the record's line.
    public func strings() throws(TradeIOError) -> [String] {
        try record.strings()
    }
}

/// Whether every byte is below 0x80, checked eight bytes at a time.
@inline(__always)
func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let base = bytes.baseAddress else { return true }
    var index = 0
    let count = bytes.count
    var high: UInt64 = 0
    while index + 8 <= count {
        high |= UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
        index += 8
    }
    while index < count {
        high |= UInt64(base[index])
        index += 1
    }
    return high & 0x8080_8080_8080_8080 == 0
}

/// The bytes as a `String` when they are valid UTF-8, else nil.
///
/// ASCII (most CSV fields) is checked with a plain loop; other text is decoded
/// and compared with its bytes, which only valid UTF-8 reproduces. (The
/// generic `String(validating:as:)` spends most of its time looking up type
/// metadata when called once per field.)
@inline(__always)
func decodeUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var ascii = true
    for byte in bytes where byte >= 0x80 {
        ascii = false
        break
    }
    let text = String(decoding: bytes, as: UTF8.self)
    if ascii { return text }
    return text.utf8.elementsEqual(bytes) ? text : nil
}

/// The name of a file being read (as the user named it), in a class so that each record can refer to
/// it without a reference count (``CSVRawRecord/file``).
final class CSVFileName {
    /// The name.
    let value: String

    /// - Parameter value: The name.
    init(_ value: String) {
        self.value = value
    }
}
