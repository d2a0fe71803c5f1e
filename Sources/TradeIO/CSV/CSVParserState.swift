import Foundation

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
    let maximumFieldCount: Int
    let makesStrings: Bool
    /// In raw mode, whether each field is checked as UTF-8 when it ends (as in
    /// `makesStrings` mode, so that errors come in the same order), without making a `String`.
    let checksUTF8: Bool
    /// Chunks fed so far, and the chunk in which the current record started.
    var chunkNumber = 0
    var recordChunk = -1
    /// Whether the current chunk is all ASCII (checked once per chunk when `checksUTF8`).
    var chunkIsASCII = false
    /// The current record started in the current chunk and that chunk is ASCII: its
    /// fields need no UTF-8 check until the next chunk begins.
    var skipsFieldChecks = false
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

    init(displayName: String, maximumRecordBytes: Int, maximumFieldCount: Int = CSVReader.defaultMaximumFieldCount,
         makesStrings: Bool, checksUTF8: Bool = false) {
        self.displayName = displayName
        self.maximumRecordBytes = maximumRecordBytes
        self.maximumFieldCount = maximumFieldCount
        self.makesStrings = makesStrings
        self.checksUTF8 = checksUTF8 && !makesStrings
    }

    /// Notes the start of a new chunk: with `checksUTF8`, one check of the whole chunk
    /// lets records that lie entirely inside an ASCII chunk skip the check per field.
    mutating func beginChunk(_ bytes: UnsafeBufferPointer<UInt8>) {
        chunkNumber += 1
        chunkIsASCII = checksUTF8 && isASCII(bytes)
        skipsFieldChecks = false
    }

    /// Throws `invalidUTF8` when the current field's bytes are not UTF-8 (raw mode with `checksUTF8`).
    @inline(__always)
    func checkFieldUTF8() throws {
        let field = UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart)
        if !isASCII(field) && decodeUTF8(field) == nil {
            throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: recordLine, field: "column \(storage.endCount + 1)"))
        }
    }

    @inline(__always)
    mutating func count(_ bytes: Int) throws {
        recordBytes += bytes
        if recordBytes > maximumRecordBytes {
            throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
        }
    }

    mutating func endField() throws {
        guard (makesStrings ? fields.count : storage.endCount) < maximumFieldCount else {
            throw TradeIOError.tooManyFields(SourceLocation(file: displayName, line: recordLine), limit: maximumFieldCount)
        }
        if makesStrings {
            guard let text = decodeUTF8(UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart)) else {
                throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: recordLine, field: "column \(fields.count + 1)"))
            }
            fields.append(text)
            storage.byteCount = 0
        } else {
            if checksUTF8 && !skipsFieldChecks { try checkFieldUTF8() }
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
        recordChunk = chunkNumber
        skipsFieldChecks = chunkIsASCII
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
                    if checksUTF8 && !skipsFieldChecks { try checkFieldUTF8() }
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
