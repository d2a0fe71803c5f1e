import Foundation

/// A streaming RFC 4180 reader: quoted fields with commas, doubled quotes and
/// line breaks, LF or CRLF line ends, an optional UTF-8 byte-order mark.
///
/// The file is read in fixed-size chunks, so memory does not grow with the
/// file; one record at a time is handed to the caller. Fields are returned as
/// `String`s; an empty field is the empty string (readers map it to missing).
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
        self.path = path
        self.displayName = displayName ?? path
        self.maximumRecordBytes = maximumRecordBytes
        self.maximumFieldCount = maximumFieldCount
    }

    /// Calls `body` with each record: its 1-based starting line and its fields.
    /// `body` returns `false` to stop early.
    ///
    /// - Parameters:
    ///   - observe: Called with every chunk of bytes as read (BOM included), before
    ///     its records; lets a caller hash a stream that cannot be read twice (a pipe).
    ///   - body: Receives each record.
    /// - Throws: `TradeIOError.cannotOpen`, `.unterminatedQuote`,
    ///   `.textAfterClosingQuote`, `.invalidUTF8`, `.lineTooLong`, `.tooManyFields`, or whatever
    ///   `body` throws.
    public func forEachRecord(observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                              _ body: (_ line: Int, _ fields: [String]) throws -> Bool) throws {
        guard let handle = fopen(path, "rb") else {
            throw TradeIOError.cannotOpen(file: displayName, reason: String(cString: strerror(errno)))
        }
        defer { fclose(handle) }
        let chunkSize = 1 << 20
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        var parser = CSVParserState(displayName: displayName, maximumRecordBytes: maximumRecordBytes, maximumFieldCount: maximumFieldCount)
        var first = true
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, handle) }
            if count == 0 { break }
            if let observe { chunk.withUnsafeBufferPointer { observe(UnsafeBufferPointer(rebasing: $0[0..<count])) } }
            var start = 0
            if first {
                first = false
                if count >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF { start = 3 }
            }
            let keepGoing = try chunk.withUnsafeBufferPointer { buffer in
                try parser.consume(UnsafeBufferPointer(rebasing: buffer[start..<count]), body)
            }
            if !keepGoing { return }
        }
        if ferror(handle) != 0 {
            throw TradeIOError.cannotOpen(file: displayName, reason: "read error")
        }
        _ = try parser.finish(body)
    }

    /// Reads every record of a file into memory (for small files).
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
struct CSVParserState {
    let displayName: String
    let maximumRecordBytes: Int
    let maximumFieldCount: Int
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var quoteClosed = false      // just saw the closing quote of a quoted field
    var pendingCR = false
    var line = 1                 // current physical line
    var recordLine = 1           // line on which the current record started
    var recordBytes = 0
    var recordHasContent = false

    init(displayName: String, maximumRecordBytes: Int, maximumFieldCount: Int = CSVReader.defaultMaximumFieldCount) {
        self.displayName = displayName
        self.maximumRecordBytes = maximumRecordBytes
        self.maximumFieldCount = maximumFieldCount
        field.reserveCapacity(256)
    }

    mutating func endField() throws {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: recordLine, field: "column \(fields.count + 1)"))
        }
        guard fields.count < maximumFieldCount else {
            throw TradeIOError.tooManyFields(SourceLocation(file: displayName, line: recordLine), limit: maximumFieldCount)
        }
        fields.append(text)
        field.removeAll(keepingCapacity: true)
        quoteClosed = false
    }

    mutating func endRecord(_ body: (Int, [String]) throws -> Bool) throws -> Bool {
        try endField()
        let record = fields
        let startLine = recordLine
        fields.removeAll(keepingCapacity: true)
        recordBytes = 0
        let wasContent = recordHasContent
        recordHasContent = false
        recordLine = line
        // A line with nothing on it (not even a separator) is skipped, as in
        // pandas and R; a record of empty fields ("," lines) is kept.
        if !wasContent && record.count == 1 && record[0].isEmpty { return true }
        return try body(startLine, record)
    }

    mutating func consume(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (Int, [String]) throws -> Bool) throws -> Bool {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        for byte in bytes {
            recordBytes += 1
            if recordBytes > maximumRecordBytes {
                throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
            }
            if pendingCR {
                pendingCR = false
                if byte == lf { continue }
            }
            if inQuotes {
                if byte == quote {
                    inQuotes = false
                    quoteClosed = true
                } else {
                    if byte == lf { line += 1 }
                    field.append(byte)
                }
                continue
            }
            switch byte {
            case comma:
                recordHasContent = true
                try endField()
            case lf, cr:
                line += 1
                if byte == cr { pendingCR = true }
                if !(try endRecord(body)) { return false }
            case quote:
                if quoteClosed {
                    // A doubled quote inside a quoted field: `""` -> `"`.
                    field.append(quote)
                    inQuotes = true
                    quoteClosed = false
                } else if field.isEmpty {
                    inQuotes = true
                    recordHasContent = true
                } else {
                    throw TradeIOError.invalidValue(
                        SourceLocation(file: displayName, line: recordLine, field: "column \(fields.count + 1)"),
                        value: String(decoding: field, as: UTF8.self) + "\"",
                        reason: "has a quote inside an unquoted field")
                }
            default:
                if quoteClosed {
                    throw TradeIOError.textAfterClosingQuote(
                        SourceLocation(file: displayName, line: recordLine, field: "column \(fields.count + 1)"))
                }
                recordHasContent = true
                field.append(byte)
            }
        }
        return true
    }

    mutating func finish(_ body: (Int, [String]) throws -> Bool) throws -> Bool {
        if inQuotes {
            throw TradeIOError.unterminatedQuote(SourceLocation(file: displayName, line: recordLine))
        }
        if recordHasContent || !field.isEmpty || !fields.isEmpty {
            return try endRecord(body)
        }
        return true
    }
}
