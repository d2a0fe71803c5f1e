/// One record of a CSV file as raw bytes, handed out by
/// `CSVReader.forEachRawRecord(_:)` without making a `String` per field.
///
/// Quotes are already removed and doubled quotes (`""`) already turned into
/// one, so `self[i]` is the field's content. The bytes are not checked for
/// UTF-8: `string(at:)` checks them.
///
/// - Important: The record points into the reader's buffers and is valid only
///   inside the closure it is passed to. Copy what you keep.
public struct CSVRawRecord {
    /// The 1-based physical line on which the record starts.
    public let line: Int
    /// The file as the user named it (used in error messages).
    public var displayName: String { file.value }
    /// The file's name, held `unowned(unsafe)` so that handing a record on (once per row) neither
    /// retains nor releases it, and the record stays a plain value. Lifetime: the reader that makes
    /// the record keeps its `CSVFileName` alive for the whole read
    /// (``CSVReader/forEachRawRecord(checkingUTF8:observingBytes:_:)``), and a record is valid only
    /// during the call it is handed to (as its bytes are).
    unowned(unsafe) let file: CSVFileName
    /// The record's fields, quotes removed; each field but the last is followed
    /// by one byte that is not part of it (its separator).
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where each field ends in `bytes`; field i + 1 starts one byte after `ends[i]`.
    let ends: UnsafeBufferPointer<Int>

    /// The number of fields in the record.
    public var count: Int { ends.count }

    /// The bytes of field `index` (0-based), empty for an empty field.
    ///
    /// - Parameters:
    ///   - index: The 0-based field index, less than `count`.
    /// - Returns: The field's bytes, valid only while the record is.
    @inline(__always)
    public subscript(index: Int) -> UnsafeBufferPointer<UInt8> {
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
    public func string(at index: Int) throws -> String {
        guard let text = decodeUTF8(self[index]) else {
            throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: line))
        }
        return text
    }

    /// Every field as a `String`, checked to be UTF-8.
    ///
    /// - Returns: The fields in order.
    /// - Throws: `TradeIOError.invalidUTF8` naming the file and the record's line.
    public func strings() throws -> [String] {
        try (0..<count).map { try string(at: $0) }
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
