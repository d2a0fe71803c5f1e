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
        var caller = CallerFailure()
        try readRecords(observingBytes: observe) { line, fields in caller.stopOnError { try body(line, fields) } }
        try caller.rethrow()
    }

    /// As ``forEachRecord(observingBytes:_:)``, for a `body` that throws only `TradeIOError`.
    func readRecords(observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                     _ body: (_ line: Int, _ fields: [String]) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        // The raw path with every field checked as UTF-8 where it ends, so each field
        // decodes without a second check.
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, maximumFieldCount: maximumFieldCount,
                                    checksUTF8: true)
        var fields: [String] = []
        try run(&parser, observe: observe) { (line, bytes, ends) throws(TradeIOError) -> Bool in
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
    /// ``CSVRecordView/string(at:)``.
    ///
    /// The record is borrowed: it cannot be kept past the call (it points into the reader's buffers),
    /// and its bytes are lent only inside ``CSVRecordView/withField(_:_:)``.
    ///
    /// ```swift
    /// var total = 0
    /// try CSVReader(path: "flows.csv").forEachRawRecord { record in
    ///     total += record.withField(0) { $0.count }
    ///     return true
    /// }
    /// ```
    ///
    /// - Parameters:
    ///   - body: Called once per record. Returns `false` to stop early.
    /// - Throws: `TradeIOError.cannotOpen`, `.unterminatedQuote`,
    ///   `.textAfterClosingQuote`, `.invalidValue` (a quote inside an unquoted
    ///   field), `.lineTooLong`, `.tooManyFields`, or whatever `body` throws.
    public func forEachRawRecord(_ body: (_ record: borrowing CSVRecordView) throws -> Bool) throws {
        var caller = CallerFailure()
        try forEachRawRecord(checkingUTF8: false) { (record) throws(TradeIOError) -> Bool in
            caller.stopOnError { try body(CSVRecordView(record)) }
        }
        try caller.rethrow()
    }

    /// As `forEachRawRecord(_:)`, for the readers of this module; with `checkingUTF8` every field is
    /// checked as UTF-8 when it ends, so that records, lines and errors (including
    /// `.invalidUTF8` and its order among the others) are exactly those of
    /// `forEachRecord(_:)`, and each field can later be decoded without a check.
    func forEachRawRecord(checkingUTF8: Bool, observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                          _ body: (_ record: CSVRawRecord) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, maximumFieldCount: maximumFieldCount,
                                    checksUTF8: checkingUTF8)
        let name = CSVFileName(displayName)
        try withExtendedLifetime(name) { () throws(TradeIOError) in
            try run(&parser, observe: observe) { (line, bytes, ends) throws(TradeIOError) -> Bool in
                try body(CSVRawRecord(line: line, file: name, bytes: bytes, ends: ends))
            }
        }
    }

    /// What ``run(_:observe:_:)`` calls with each complete record: its starting line, its bytes and
    /// where each field ends in them (``CSVRawRecord``'s layout), valid only during the call.
    ///
    /// Trivial values, not the parser, so that no copy of the parser (and no retain and release of its
    /// name and storage) is made per record.
    typealias RecordSink = (_ line: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ ends: UnsafeBufferPointer<Int>) throws(TradeIOError) -> Bool

    /// Reads the file chunk by chunk through `parser`, calling `emit` after
    /// each complete record. A gzip file is read through zlib (``InputSource``); JSON and
    /// binary formats are refused, naming what was found.
    func run(_ parser: inout CSVParserState, observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
             _ emit: RecordSink) throws(TradeIOError) {
        let source = try InputSource(path: path, displayName: displayName, observe: observe)
        guard source.content == .csv else {
            throw TradeIOError.unsupportedFormat(file: displayName, detected: (source.isGzip ? "gzip-compressed " : "") + "a JSON document",
                                                 accepted: "CSV (plain or gzip-compressed) here")
        }
        try run(&parser, source: source, emit)
    }

    /// As ``run(_:observe:_:)``, from an input already opened (and sniffed as CSV).
    func run(_ parser: inout CSVParserState, source: InputSource, _ emit: RecordSink) throws(TradeIOError) {
        let chunkSize = self.chunkSize
        var chunk = [UInt8](repeating: 0, count: max(chunkSize, 3))
        var first = true
        while true {
            var count = try chunk.withUnsafeMutableBufferPointer { (buffer) throws(TradeIOError) in try source.read(into: buffer.baseAddress!, count: chunkSize) }
            if count == 0 { break }
            if first {
                // A UTF-8 byte-order mark at the very start is skipped (read whole even from tiny chunks).
                first = false
                while count < 3 {
                    let more = try chunk.withUnsafeMutableBufferPointer { (buffer) throws(TradeIOError) in
                        try source.read(into: buffer.baseAddress! + count, count: 3 - count)
                    }
                    if more == 0 { break }
                    count += more
                }
                if count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF {
                    chunk.removeFirst(3)
                    chunk.append(contentsOf: [0, 0, 0])
                    count -= 3
                    if count == 0 { continue }
                }
            }
            if !(try feed(chunk, count: count, &parser, emit)) { return }
        }
        if try parser.finish() { _ = try Self.emitRecord(parser, emit) }
    }

    /// Passes the first `count` bytes of `chunk` through `parser`; returns
    /// `false` when `emit` asked to stop.
    func feed(_ chunk: [UInt8], count: Int, _ parser: inout CSVParserState, _ emit: RecordSink) throws(TradeIOError) -> Bool {
        try chunk.withUnsafeBufferPointer { (buffer) throws(TradeIOError) -> Bool in
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
    @inline(__always)
    static func emitRecord(_ parser: borrowing CSVParserState, _ emit: RecordSink) throws(TradeIOError) -> Bool {
        let storage = parser.storage
        return try emit(parser.recordLine, UnsafeBufferPointer(start: storage.bytes, count: storage.byteCount),
                        UnsafeBufferPointer(start: storage.ends, count: storage.endCount))
    }

    /// Reads every record of a file into memory (for small files).
    ///
    /// - Returns: Every record with its starting line.
    /// - Throws: As `forEachRecord(_:)`.
    public func readAll() throws(TradeIOError) -> [(line: Int, fields: [String])] {
        var records: [(line: Int, fields: [String])] = []
        try readRecords { line, fields in
            records.append((line, fields))
            return true
        }
        return records
    }
}
