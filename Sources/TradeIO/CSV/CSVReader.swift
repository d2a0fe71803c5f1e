import Foundation

/// A streaming RFC 4180 reader: quoted fields with commas, doubled quotes and
/// line breaks, LF or CRLF line ends, an optional UTF-8 byte-order mark.
///
/// The file is read in fixed-size chunks, so memory does not grow with the
/// file; one record at a time is handed to the caller. Fields are returned as
/// `String`s (`forEachRecord`) or as raw bytes (`forEachRawRecord`, faster);
/// an empty field is empty (readers map it to missing).
///
/// - Complexity: O(bytes) time; memory O(chunk size + longest record).
public struct CSVReader: Sendable {
    /// The file as the user named it (used in error messages).
    public let displayName: String
    let path: String
    /// The longest record accepted, in bytes; longer records are an error
    /// rather than unbounded memory.
    public let maximumRecordBytes: Int

    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayName: How the file is named in messages (defaults to `path`).
    ///   - maximumRecordBytes: The longest record accepted (default 16 MiB).
    public init(path: String, displayName: String? = nil, maximumRecordBytes: Int = 16 << 20) {
        self.init(path: path, displayName: displayName, maximumRecordBytes: maximumRecordBytes, chunkSize: 1 << 20)
    }

    /// The size of each read; small sizes let tests cut records at every byte.
    let chunkSize: Int

    init(path: String, displayName: String?, maximumRecordBytes: Int, chunkSize: Int) {
        self.path = path
        self.displayName = displayName ?? path
        self.maximumRecordBytes = maximumRecordBytes
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` with each record: its 1-based starting line and its fields.
    /// `body` returns `false` to stop early.
    ///
    /// - Parameters:
    ///   - body: Called once per record with its starting line and its fields.
    /// - Throws: `TradeIOError.cannotOpen`, `.unterminatedQuote`,
    ///   `.textAfterClosingQuote`, `.invalidUTF8`, `.lineTooLong`, or whatever
    ///   `body` throws.
    public func forEachRecord(_ body: (_ line: Int, _ fields: [String]) throws -> Bool) throws {
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, makesStrings: true)
        try run(&parser) { parser in try body(parser.recordLine, parser.fields) }
    }

    /// Calls `body` with each record as raw bytes, without making a `String`
    /// per field: the fast path for readers that parse numbers and codes
    /// straight from bytes. Records, lines and errors are those of
    /// `forEachRecord(_:)`, except that UTF-8 is checked only by
    /// `CSVRawRecord.string(at:)`.
    ///
    /// - Parameters:
    ///   - body: Called once per record; the record is valid only during the
    ///     call. Returns `false` to stop early.
    /// - Throws: `TradeIOError.cannotOpen`, `.unterminatedQuote`,
    ///   `.textAfterClosingQuote`, `.invalidValue` (a quote inside an unquoted
    ///   field), `.lineTooLong`, or whatever `body` throws.
    public func forEachRawRecord(_ body: (_ record: CSVRawRecord) throws -> Bool) throws {
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, makesStrings: false)
        let name = displayName
        try run(&parser) { parser in
            let storage = parser.storage
            return try body(CSVRawRecord(
                line: parser.recordLine, displayName: name,
                bytes: UnsafeBufferPointer(start: storage.bytes, count: storage.byteCount),
                ends: UnsafeBufferPointer(start: storage.ends, count: storage.endCount)))
        }
    }

    /// Reads the file chunk by chunk through `parser`, calling `emit` after
    /// each complete record.
    func run(_ parser: inout CSVParserState, _ emit: (borrowing CSVParserState) throws -> Bool) throws {
        guard let handle = fopen(path, "rb") else {
            throw TradeIOError.cannotOpen(file: displayName, reason: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        // A UTF-8 byte-order mark at the very start is skipped.
        var head: [UInt8] = [0, 0, 0]
        let headCount = head.withUnsafeMutableBytes { fread($0.baseAddress, 1, 3, handle) }
        if !(headCount == 3 && head == [0xEF, 0xBB, 0xBF]) {
            if !(try feed(head, count: headCount, &parser, emit)) { return }
        }
        let chunkSize = self.chunkSize
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, handle) }
            if count == 0 { break }
            if !(try feed(chunk, count: count, &parser, emit)) { return }
        }
        if ferror(handle) != 0 {
            throw TradeIOError.cannotOpen(file: displayName, reason: "read error")
        }
        if try parser.finish() { _ = try emit(parser) }
    }

    /// Passes the first `count` bytes of `chunk` through `parser`; returns
    /// `false` when `emit` asked to stop.
    func feed(_ chunk: [UInt8], count: Int, _ parser: inout CSVParserState, _ emit: (borrowing CSVParserState) throws -> Bool) throws -> Bool {
        try chunk.withUnsafeBufferPointer { buffer -> Bool in
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
            var index = 0
            while let next = try parser.scan(bytes, from: index) {
                index = next
                if !(try emit(parser)) { return false }
            }
            return true
        }
    }

    /// Reads every record of a file into memory (for small files).
    ///
    /// - Returns: Every record with its starting line.
    /// - Throws: As `forEachRecord(_:)`.
    public func readAll() throws -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        try forEachRecord { line, fields in
            records.append((line, fields))
            return true
        }
        return records
    }
}

/// The byte-level state machine behind `CSVReader`, fed chunk by chunk.
///
/// Runs of ordinary bytes are found with a tight scan and copied in one piece
/// into `storage` (the unquoted content of the current record, and each
/// field's end offset). In `makesStrings` mode each field is also
/// checked as UTF-8 and appended to `fields` when it ends, so errors come in
/// the same order as a byte-at-a-time reader's.
struct CSVParserState {
    let displayName: String
    let maximumRecordBytes: Int
    let makesStrings: Bool
    var fields: [String] = []
    /// The unquoted bytes of the current record and each field's end offset.
    let storage = CSVRecordStorage()
    var fieldStart = 0           // offset in `record` where the current field starts
    var inQuotes = false
    var quoteClosed = false      // just saw the closing quote of a quoted field
    var pendingCR = false
    var recordDone = false       // a complete record is waiting to be cleared
    var line = 1                 // current physical line
    var recordLine = 1           // line on which the current record started
    var recordBytes = 0
    var recordHasContent = false

    init(displayName: String, maximumRecordBytes: Int, makesStrings: Bool) {
        self.displayName = displayName
        self.maximumRecordBytes = maximumRecordBytes
        self.makesStrings = makesStrings
    }

    @inline(__always)
    mutating func count(_ bytes: Int) throws {
        recordBytes += bytes
        if recordBytes > maximumRecordBytes {
            throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
        }
    }

    mutating func endField() throws {
        if makesStrings {
            guard let text = decodeUTF8(UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart)) else {
                throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: recordLine))
            }
            fields.append(text)
            storage.byteCount = 0
        } else {
            storage.appendEnd(storage.byteCount)
        }
        fieldStart = storage.byteCount
        quoteClosed = false
    }

    /// Ends the record; returns whether it is one to hand out (a line with
    /// nothing on it, not even a separator, is skipped as in pandas and R; a
    /// record of empty fields, a "," line, is kept).
    mutating func endRecord() throws -> Bool {
        try endField()
        let fieldCount = makesStrings ? fields.count : storage.endCount
        let blank = !recordHasContent && fieldCount == 1 && (makesStrings ? fields[0].isEmpty : storage.ends[0] == 0)
        if blank {
            clear()
            recordLine = line
            return false
        }
        recordDone = true
        return true
    }

    /// Forgets the record handed out last, and starts the next one.
    mutating func clear() {
        fields.removeAll(keepingCapacity: true)
        storage.byteCount = 0
        storage.endCount = 0
        fieldStart = 0
        recordBytes = 0
        recordHasContent = false
        recordDone = false
    }

    /// Scans `bytes` from `index` until a record is complete (returns the
    /// index after it; the record is in `fields` or `storage`, starting
    /// on `recordLine`) or the bytes run out (returns nil).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) throws -> Int? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        if recordDone {
            clear()
            recordLine = line
        }
        let end = bytes.count
        var i = index
        while i < end {
            if pendingCR {
                pendingCR = false
                if bytes[i] == lf {
                    try count(1)
                    i += 1
                    continue
                }
            }
            if inQuotes {
                // Content up to the next quote or line feed, copied in one piece.
                let start = i
                while i < end {
                    let byte = bytes[i]
                    if byte == quote || byte == lf { break }
                    i += 1
                }
                if i > start {
                    try count(i - start)
                    storage.append(bytes.baseAddress! + start, count: i - start)
                }
                if i == end { return nil }
                try count(1)
                if bytes[i] == lf {
                    line += 1
                    storage.append(lf)
                } else {
                    inQuotes = false
                    quoteClosed = true
                }
                i += 1
                continue
            }
            // Unquoted: ordinary bytes up to the next separator, line end or quote.
            let start = i
            while i < end {
                let byte = bytes[i]
                if byte > comma || (byte != comma && byte != quote && byte != lf && byte != cr) {
                    i += 1
                } else {
                    break
                }
            }
            if i > start {
                if quoteClosed {
                    try count(1)
                    throw TradeIOError.textAfterClosingQuote(
                        SourceLocation(file: displayName, line: recordLine, field: "column \(fieldNumber)"))
                }
                try count(i - start)
                recordHasContent = true
                storage.append(bytes.baseAddress! + start, count: i - start)
            }
            if i == end { return nil }
            let byte = bytes[i]
            try count(1)
            i += 1
            switch byte {
            case comma:
                recordHasContent = true
                if makesStrings {
                    try endField()
                } else {
                    // The common case of the raw path, kept inline.
                    storage.appendEnd(storage.byteCount)
                    fieldStart = storage.byteCount
                    quoteClosed = false
                }
            case lf, cr:
                line += 1
                if byte == cr { pendingCR = true }
                if try endRecord() { return i }
            default: // quote
                if quoteClosed {
                    // A doubled quote inside a quoted field: `""` -> `"`.
                    storage.append(quote)
                    inQuotes = true
                    quoteClosed = false
                } else if storage.byteCount == fieldStart {
                    inQuotes = true
                    recordHasContent = true
                } else {
                    let text = String(decoding: UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart), as: UTF8.self)
                    throw TradeIOError.invalidValue(
                        SourceLocation(file: displayName, line: recordLine, field: "column \(fieldNumber)"),
                        value: text + "\"",
                        reason: "has a quote inside an unquoted field")
                }
            }
        }
        return nil
    }

    /// The 1-based number of the field being read.
    var fieldNumber: Int { (makesStrings ? fields.count : storage.endCount) + 1 }

    /// At the end of the file: returns whether a last record (without a line
    /// end) is complete and waiting.
    mutating func finish() throws -> Bool {
        if recordDone {
            clear()
            recordLine = line
        }
        if inQuotes {
            throw TradeIOError.unterminatedQuote(SourceLocation(file: displayName, line: recordLine))
        }
        if recordHasContent || storage.byteCount > fieldStart || fieldNumber > 1 {
            return try endRecord()
        }
        return false
    }
}

/// Growable buffers for one record (its bytes and its field end offsets),
/// appended to without the uniqueness checks of `Array`. Owned by one parser.
final class CSVRecordStorage {
    private(set) var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    private var byteCapacity = 4096
    private(set) var ends: UnsafeMutablePointer<Int>
    var endCount = 0
    private var endCapacity = 64

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

    @inline(__always)
    func append(_ byte: UInt8) {
        if byteCount == byteCapacity { growBytes(to: byteCount + 1) }
        bytes[byteCount] = byte
        byteCount += 1
    }

    @inline(__always)
    func appendEnd(_ offset: Int) {
        if endCount == endCapacity {
            endCapacity *= 2
            let grown = UnsafeMutablePointer<Int>.allocate(capacity: endCapacity)
            grown.update(from: ends, count: endCount)
            ends.deallocate()
            ends = grown
        }
        ends[endCount] = offset
        endCount += 1
    }

    private func growBytes(to minimum: Int) {
        while byteCapacity < minimum { byteCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: byteCapacity)
        grown.update(from: bytes, count: byteCount)
        bytes.deallocate()
        bytes = grown
    }
}
