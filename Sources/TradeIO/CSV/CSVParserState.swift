import Foundation

/// The byte-level state machine behind `CSVReader`, fed chunk by chunk.
///
/// Records, lines and errors are those of a byte-at-a-time reader
/// (`ReferenceCSVParser` in the tests), found faster: each chunk is first
/// classified into bitmasks of its structural bytes (`CSVStructuralMasks`), and
/// `scan` jumps from one marked byte to the next. `storage` receives the record's
/// bytes with quotes removed and each separator kept as a one-byte gap after its
/// field, so a run of unquoted fields is copied in one piece and a field's end
/// costs one store of its offset. With `checksUTF8` each field is checked as UTF-8
/// when it ends (skipped when its bytes are all ASCII), so that errors come in the
/// byte-at-a-time reader's order.
struct CSVParserState {
    let displayName: String
    let maximumRecordBytes: Int
    let maximumFieldCount: Int
    /// Whether each field is checked as UTF-8 when it ends, so that `invalidUTF8`
    /// comes in order among the other errors.
    let checksUTF8: Bool
    /// Whether the current chunk is all ASCII (when `checksUTF8`).
    var chunkIsASCII = false
    /// The current record started in the current chunk and that chunk is ASCII: its
    /// fields need no UTF-8 check until the next chunk begins.
    var skipsFieldChecks = false
    /// The unquoted bytes of the current record and each field's end offset (each
    /// field but the last is followed by a one-byte gap, its separator).
    let storage = CSVRecordStorage()
    /// The structural bytes of the current chunk.
    let masks = CSVStructuralMasks()
    var fieldStart = 0           // offset in `storage` where the current field starts
    var inQuotes = false
    var quoteClosed = false      // just saw the closing quote of a quoted field
    var pendingCR = false
    var recordDone = false       // a complete record is waiting to be cleared
    var line = 1                 // current physical line
    var recordLine = 1           // line on which the current record started
    var recordBytes = 0
    /// Whether the record has a separator or a quoted field (its ordinary bytes show in `storage`).
    var recordHasContent = false
    /// Whether an error confined to one record (invalid UTF-8, a quote inside an unquoted field, text after a
    /// closing quote) is noted in `storage.recordError` and the record read on to its end, instead of thrown:
    /// the reader then rejects that row and goes on (a stray quote is kept as a literal character until the row
    /// is rejected). Errors about the file's structure (an unclosed quote at the end, the size limits) still throw.
    var recoversRecordErrors = false

    /// Throws `error`, or notes it for the current record when recovering (the first one counts).
    @inline(never)
    func recordProblem(_ error: TradeIOError) throws(TradeIOError) {
        guard recoversRecordErrors else { throw error }
        if storage.recordError == nil { storage.recordError = error }
    }

    init(displayName: String, maximumRecordBytes: Int, maximumFieldCount: Int = CSVReader.defaultMaximumFieldCount,
         checksUTF8: Bool) {
        self.displayName = displayName
        self.maximumRecordBytes = maximumRecordBytes
        self.maximumFieldCount = maximumFieldCount
        self.checksUTF8 = checksUTF8
    }

    /// Notes the start of a new chunk and marks its structural bytes in `masks`. With
    /// `checksUTF8`, the same pass tells whether the chunk is all ASCII, so that records
    /// lying entirely inside an ASCII chunk skip the check per field.
    mutating func beginChunk(_ bytes: UnsafeBufferPointer<UInt8>) {
        let ascii = masks.classify(bytes)
        chunkIsASCII = checksUTF8 && ascii
        skipsFieldChecks = false
    }

    /// Throws `invalidUTF8` when the current field's bytes are not UTF-8.
    @inline(__always)
    func checkFieldUTF8() throws(TradeIOError) {
        let field = UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart)
        if !isASCII(field) && decodeUTF8(field) == nil {
            try recordProblem(TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: recordLine, field: "column \(storage.endCount + 1)")))
        }
    }

    /// Throws `tooManyFields` when the fields ended so far are more than the limit
    /// (checked where they end, before the UTF-8 check of the field that ended last).
    @inline(__always)
    func checkFieldCount(_ ended: Int) throws(TradeIOError) {
        if ended > maximumFieldCount {
            throw TradeIOError.tooManyFields(SourceLocation(file: displayName, line: recordLine), limit: maximumFieldCount)
        }
    }

    @inline(__always)
    mutating func count(_ bytes: Int) throws(TradeIOError) {
        recordBytes += bytes
        if recordBytes > maximumRecordBytes {
            throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
        }
    }

    /// Ends the last field of the record.
    mutating func endField() throws(TradeIOError) {
        try checkFieldCount(storage.endCount + 1)
        if checksUTF8 && !skipsFieldChecks { try checkFieldUTF8() }
        storage.appendEnd(storage.byteCount)
        fieldStart = storage.byteCount
        quoteClosed = false
    }

    /// Ends the record; returns whether it is one to hand out (a line with
    /// nothing on it, not even a separator, is skipped as in pandas and R; a
    /// record of empty fields, a "," line, is kept).
    mutating func endRecord() throws(TradeIOError) -> Bool {
        try endField()
        let blank = !recordHasContent && storage.endCount == 1 && storage.ends[0] == 0
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
        storage.byteCount = 0
        storage.endCount = 0
        fieldStart = 0
        recordBytes = 0
        recordHasContent = false
        recordDone = false
        if storage.recordError != nil { storage.recordError = nil }
        skipsFieldChecks = chunkIsASCII
    }

    /// The first index from `start` whose byte would take the record past
    /// `maximumRecordBytes`, when the record's first counted byte is at `start`
    /// (which is below 0 for a record begun in an earlier chunk); `end` when no
    /// byte before `end` would (written so that it cannot overflow).
    @inline(__always)
    func limitIndex(recordStart start: Int, end: Int) -> Int {
        maximumRecordBytes >= end - start ? end : start + maximumRecordBytes
    }

    /// Scans `bytes` (the chunk last passed to `beginChunk`) from `index` until a
    /// record is complete (returns the index after it; the record is in `storage`,
    /// starting on `recordLine`) or the bytes run out (returns nil), jumping between
    /// the structural bytes marked in `masks`.
    ///
    /// The bytes from `runStart` up to the current position are content not yet
    /// copied into `storage` (a "run"): byte `p` of the run will sit at
    /// `storage.byteCount + p - runStart`. A run is copied when a quote or a line end
    /// breaks it; separators inside it stay as the gap after their field. The record
    /// limit is checked where the byte-at-a-time reader would first exceed it: every
    /// event (separator, quote, line end, text after a closing quote) before
    /// `limit` is handled first, and reaching `limit` is the error.
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) throws(TradeIOError) -> Int? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf = UInt8(ascii: "\n"), cr = UInt8(ascii: "\r")
        if recordDone {
            clear()
            recordLine = line
        }
        let end = bytes.count
        guard let base = bytes.baseAddress, index < end else { return nil }
        var i = index
        if pendingCR {
            pendingCR = false
            if base[i] == lf {
                try count(1)
                i += 1
            }
        }
        var recordStart = i - recordBytes
        var limit = limitIndex(recordStart: recordStart, end: end)
        var runStart = i
        while true {
            if inQuotes {
                // Quoted content runs to the next quote; line feeds in it count lines.
                var next = masks.nextSpecial(from: i)
                while next < end && base[next] != quote {
                    if base[next] == lf { line += 1 }
                    next = masks.nextSpecial(from: next + 1)
                }
                if limit < end && limit <= next {
                    throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
                }
                storage.appendRun(base, from: runStart, to: next)
                if next == end {
                    recordBytes = end - recordStart
                    return nil
                }
                // A closing quote, or the first of a doubled one.
                inQuotes = false
                quoteClosed = true
                i = next + 1
                runStart = i
                continue
            }
            if quoteClosed && i < end {
                // After a closing quote only a separator, a line end or a second quote may come.
                let byte = base[i]
                if byte != comma && byte != quote && byte != lf && byte != cr {
                    if i >= limit {
                        throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
                    }
                    try recordProblem(TradeIOError.textAfterClosingQuote(
                        SourceLocation(file: displayName, line: recordLine, field: "column \(fieldNumber)")))
                    // Recovering: the rest of the field is read as unquoted text.
                    quoteClosed = false
                }
            }
            // Unquoted: the separators before the next special byte end fields.
            let special = masks.nextSpecial(from: i)
            let stop = min(special, limit)
            if checksUTF8 && !skipsFieldChecks && i < stop && needsFieldChecks(from: runStart, to: stop) {
                runStart = try endFieldsCheckingUTF8(base, from: i, to: stop, runStart: runStart)
            } else {
                try endFields(from: i, to: stop, runStart: runStart)
            }
            if limit < end && limit <= special {
                throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
            }
            if special == end {
                storage.appendRun(base, from: runStart, to: end)
                recordBytes = end - recordStart
                return nil
            }
            let byte = base[special]
            i = special + 1
            if byte == quote {
                if quoteClosed {
                    // A doubled quote inside a quoted field: `""` -> `"`. The run
                    // began after the first quote, so it starts with this one.
                    inQuotes = true
                    quoteClosed = false
                } else if storage.byteCount + special - runStart == fieldStart {
                    storage.appendRun(base, from: runStart, to: special)
                    runStart = i
                    inQuotes = true
                    recordHasContent = true
                } else {
                    storage.appendRun(base, from: runStart, to: special)
                    let text = String(decoding: UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart), as: UTF8.self)
                    try recordProblem(TradeIOError.invalidValue(
                        SourceLocation(file: displayName, line: recordLine, field: "column \(fieldNumber)"),
                        value: text + "\"",
                        reason: "has a quote inside an unquoted field"))
                    // Recovering: the quote is kept as a character of the field, and the row is rejected.
                    storage.appendRun(base, from: special, to: i)
                    runStart = i
                }
                continue
            }
            // A line end.
            line += 1
            storage.appendRun(base, from: runStart, to: special)
            runStart = i
            if byte == cr { pendingCR = true }
            if try endRecord() { return i }
            // A blank line, skipped: the next record starts after it.
            recordStart = i
            limit = limitIndex(recordStart: recordStart, end: end)
            if pendingCR {
                if i == end { return nil }
                pendingCR = false
                if base[i] == lf {
                    if i >= limit {
                        throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: recordLine), limit: maximumRecordBytes)
                    }
                    i += 1
                    runStart = i
                }
            }
        }
    }

    /// Whether a field ending at a separator in `start..<stop` may hold a byte that
    /// is not ASCII: its bytes are the current field's in `storage` and the chunk's
    /// from `start`, the start of the run not yet copied.
    @inline(__always)
    func needsFieldChecks(from start: Int, to stop: Int) -> Bool {
        masks.hasNonASCII(from: start, to: stop)
            || !isASCII(UnsafeBufferPointer(start: storage.bytes + fieldStart, count: storage.byteCount - fieldStart))
    }

    /// Ends a field at each separator in `from..<to` (no special byte lies there),
    /// without UTF-8 checks: the separators stay in the run as the gaps.
    @inline(__always)
    mutating func endFields(from start: Int, to stop: Int, runStart: Int) throws(TradeIOError) {
        guard start < stop else { return }
        // Byte p of the run goes to storage offset p - shift.
        let shift = runStart - storage.byteCount
        var word = start >> 6
        // The separators of the first word, from `start` on.
        var bits = masks.commas[word] & (UInt64.max << UInt64(start & 63))
        var endCount = storage.endCount
        var last = -1
        while true {
            let wordStart = word << 6
            if stop - wordStart < 64 {
                // Keep only the separators before `stop`.
                bits &= (1 << UInt64(stop - wordStart)) &- 1
            }
            if bits != 0 {
                // At most 64 separators in a word. (Offsets stay below the record
                // limit, so the wrapping arithmetic below never wraps.) Growing
                // copies the first `storage.endCount` offsets, so that is set first.
                storage.endCount = endCount
                storage.reserveEnds(endCount + 64)
                let ends = storage.ends
                repeat {
                    last = wordStart &+ bits.trailingZeroBitCount
                    ends[endCount] = last &- shift
                    endCount &+= 1
                    bits &= bits &- 1   // clears the lowest set bit
                } while bits != 0
            }
            word += 1
            if word << 6 >= stop { break }
            bits = masks.commas[word]
        }
        storage.endCount = endCount
        if last >= 0 {
            fieldStart = last - shift + 1
            recordHasContent = true
            quoteClosed = false
            // No other error can come between these separators, so the limit is
            // checked once for all of them.
            try checkFieldCount(endCount)
        }
    }

    /// As `endFields`, checking each field as UTF-8 when it ends (used when a field
    /// may hold a byte that is not ASCII); copies the run at each separator.
    ///
    /// - Returns: The new start of the run.
    mutating func endFieldsCheckingUTF8(_ base: UnsafePointer<UInt8>, from start: Int, to stop: Int, runStart: Int) throws(TradeIOError) -> Int {
        var runStart = runStart
        var next = start
        while next < stop {
            var separator = next
            while separator < stop && base[separator] != UInt8(ascii: ",") { separator += 1 }
            if separator == stop { break }
            if separator > runStart { storage.append(base + runStart, count: separator - runStart) }
            try checkFieldCount(storage.endCount + 1)
            try checkFieldUTF8()
            storage.appendEnd(storage.byteCount)
            storage.append(UInt8(ascii: ","))
            fieldStart = storage.byteCount
            recordHasContent = true
            quoteClosed = false
            runStart = separator + 1
            next = separator + 1
        }
        return runStart
    }

    /// The 1-based number of the field being read.
    var fieldNumber: Int { storage.endCount + 1 }

    /// At the end of the file: returns whether a last record (without a line
    /// end) is complete and waiting.
    mutating func finish() throws(TradeIOError) -> Bool {
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
