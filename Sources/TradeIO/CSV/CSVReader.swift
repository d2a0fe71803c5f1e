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
    /// The most fields a record may have; more is an error.
    public let maximumFieldCount: Int

    /// The default record limit, 1 MiB: a Comtrade+ row is under 1 KB, and a
    /// longer line is a broken file (a missing closing quote, say), not data.
    public static let defaultMaximumRecordBytes = 1 << 20
    /// The default field limit, 1,024: the widest layout has 48 fields, and
    /// extra columns are allowed, but not without bound.
    public static let defaultMaximumFieldCount = 1_024

    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayName: How the file is named in messages (defaults to `path`).
    ///   - maximumRecordBytes: The longest record accepted (default ``defaultMaximumRecordBytes``).
    ///   - maximumFieldCount: The most fields per record (default ``defaultMaximumFieldCount``).
    public init(path: String, displayName: String? = nil, maximumRecordBytes: Int = CSVReader.defaultMaximumRecordBytes,
                maximumFieldCount: Int = CSVReader.defaultMaximumFieldCount) {
        self.init(path: path, displayName: displayName, maximumRecordBytes: maximumRecordBytes, maximumFieldCount: maximumFieldCount,
                  chunkSize: 1 << 20)
    }

    /// The size of each read; small sizes let tests cut records at every byte.
    let chunkSize: Int

    init(path: String, displayName: String?, maximumRecordBytes: Int, maximumFieldCount: Int = CSVReader.defaultMaximumFieldCount,
         chunkSize: Int) {
        self.path = path
        self.displayName = displayName ?? path
        self.maximumRecordBytes = maximumRecordBytes
        self.maximumFieldCount = maximumFieldCount
        self.chunkSize = max(1, chunkSize)
    }

    /// Calls `body` with each record: its 1-based starting line and its fields.
    /// `body` returns `false` to stop early.
    ///
    /// - Parameters:
    ///   - observe: Called with every chunk of bytes as read (BOM included), before
    ///     its records; lets a caller hash a stream that cannot be read twice (a pipe).
    ///   - body: Called once per record with its starting line and its fields.
    /// - Throws: `TradeIOError.cannotOpen`, `.unterminatedQuote`,
    ///   `.textAfterClosingQuote`, `.invalidValue` (a quote inside an unquoted field),
    ///   `.invalidUTF8`, `.lineTooLong`, `.tooManyFields`, or whatever `body` throws.
    public func forEachRecord(observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                              _ body: (_ line: Int, _ fields: [String]) throws -> Bool) throws {
        // The raw path with every field checked as UTF-8 where it ends, so each field
        // decodes without a second check.
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, maximumFieldCount: maximumFieldCount,
                                    checksUTF8: true)
        var fields: [String] = []
        try run(&parser, observe: observe) { line, bytes, ends in
            fields.removeAll(keepingCapacity: true)
            var start = 0
            for end in ends {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1   // past the separator's gap
            }
            return try body(line, fields)
        }
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
    ///   field), `.lineTooLong`, `.tooManyFields`, or whatever `body` throws.
    public func forEachRawRecord(_ body: (_ record: CSVRawRecord) throws -> Bool) throws {
        try forEachRawRecord(checkingUTF8: false, body)
    }

    /// As `forEachRawRecord(_:)`; with `checkingUTF8` every field is checked as
    /// UTF-8 when it ends, so that records, lines and errors (including
    /// `.invalidUTF8` and its order among the others) are exactly those of
    /// `forEachRecord(_:)`, and each field can later be decoded without a check.
    func forEachRawRecord(checkingUTF8: Bool, observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                          _ body: (_ record: CSVRawRecord) throws -> Bool) throws {
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, maximumFieldCount: maximumFieldCount,
                                    checksUTF8: checkingUTF8)
        // Kept alive to the end of the read: each record refers to it `unowned(unsafe)`.
        let name = CSVFileName(displayName)
        try withExtendedLifetime(name) {
            try run(&parser, observe: observe) { line, bytes, ends in
                try body(CSVRawRecord(line: line, file: name, bytes: bytes, ends: ends))
            }
        }
    }

    /// What ``run(_:observe:_:)`` calls with each complete record: its starting line, its bytes and
    /// where each field ends in them (``CSVRawRecord``'s layout), valid only during the call.
    ///
    /// Trivial values, not the parser: handed the parser, the closure was given a copy of it, with a
    /// retain and release of its name and its storage for every record.
    typealias RecordSink = (_ line: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<Int>) throws -> Bool

    /// Reads the file chunk by chunk through `parser`, calling `emit` after
    /// each complete record.
    func run(_ parser: inout CSVParserState, observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
             _ emit: RecordSink) throws {
        // open/read rather than fopen/fread: on a pipe (standard input) read returns what has arrived,
        // so each record is handed on as soon as its line is complete, not once a whole chunk is full.
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw TradeIOError.cannotOpen(file: displayName, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        func fill(_ buffer: UnsafeMutableRawBufferPointer, atLeast wanted: Int) throws -> Int {
            var total = 0
            while total < wanted {
                let count = read(descriptor, buffer.baseAddress! + total, buffer.count - total)
                if count < 0 {
                    if errno == EINTR { continue }
                    throw TradeIOError.cannotOpen(file: displayName, reason: "read error: " + String(cString: strerror(errno)))
                }
                if count == 0 { break }
                total += count
            }
            return total
        }
        // A UTF-8 byte-order mark at the very start is skipped.
        var head: [UInt8] = [0, 0, 0]
        let headCount = try head.withUnsafeMutableBytes { try fill($0, atLeast: 3) }
        if let observe { head.withUnsafeBufferPointer { observe(UnsafeBufferPointer(rebasing: $0[0..<headCount])) } }
        if !(headCount == 3 && head == [0xEF, 0xBB, 0xBF]) {
            if !(try feed(head, count: headCount, &parser, emit)) { return }
        }
        let chunkSize = self.chunkSize
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try fill($0, atLeast: 1) }
            if count == 0 { break }
            if let observe { chunk.withUnsafeBufferPointer { observe(UnsafeBufferPointer(rebasing: $0[0..<count])) } }
            if !(try feed(chunk, count: count, &parser, emit)) { return }
        }
        if try parser.finish() { _ = try Self.emitRecord(parser, emit) }
    }

    /// Passes the first `count` bytes of `chunk` through `parser`; returns
    /// `false` when `emit` asked to stop.
    func feed(_ chunk: [UInt8], count: Int, _ parser: inout CSVParserState, _ emit: RecordSink) throws -> Bool {
        try chunk.withUnsafeBufferPointer { buffer -> Bool in
            let bytes = UnsafeBufferPointer(rebasing: buffer[0..<count])
            parser.beginChunk(bytes)
            var index = 0
            while let next = try parser.scan(bytes, from: index) {
                index = next
                if !(try Self.emitRecord(parser, emit)) { return false }
            }
            return true
        }
    }

    /// Hands the record waiting in `parser` to `emit`.
    ///
    /// The parser's storage is read through an `unowned(unsafe)` reference, so that no retain and
    /// release surround each record. Lifetime: `parser` holds the storage strongly (a `let`) and
    /// outlives this call.
    @inline(__always)
    static func emitRecord(_ parser: borrowing CSVParserState, _ emit: RecordSink) rethrows -> Bool {
        unowned(unsafe) let storage = parser.storage
        return try emit(parser.recordLine, UnsafeBufferPointer(start: storage.bytes, count: storage.byteCount),
                        UnsafeBufferPointer(start: storage.ends, count: storage.endCount))
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
