import Foundation
@testable import TradeIO

/// Reads `bytes` (a whole file) the way the old `CSVReader.forEachRecord` did.
func referenceRecords(_ bytes: [UInt8], displayName: String, maximumRecordBytes: Int) -> Result<[(line: Int, fields: [String])], TradeIOError> {
    var parser = ReferenceCSVParser(displayName: displayName, maximumRecordBytes: maximumRecordBytes)
    var records: [(line: Int, fields: [String])] = []
    let start = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    do {
        try bytes.withUnsafeBufferPointer { buffer in
            _ = try parser.consume(UnsafeBufferPointer(rebasing: buffer[start...])) { line, fields in
                records.append((line, fields)); return true
            }
        }
        _ = try parser.finish { line, fields in records.append((line, fields)); return true }
        return .success(records)
    } catch let error as TradeIOError {
        return .failure(error)
    } catch {
        preconditionFailure("unexpected error \(error)")
    }
}

/// The byte-at-a-time RFC 4180 state machine that `CSVReader` used before it
/// scanned runs of bytes (commit 11b2caf), kept unchanged as the reference the
/// faster reader is compared against.
struct ReferenceCSVParser {
    let displayName: String
    let maximumRecordBytes: Int
    var fields: [String] = []
    var field: [UInt8] = []
    var inQuotes = false
    var quoteClosed = false      // just saw the closing quote of a quoted field
    var pendingCR = false
    var line = 1                 // current physical line
    var recordLine = 1           // line on which the current record started
    var recordBytes = 0
    var recordHasContent = false

    init(displayName: String, maximumRecordBytes: Int) {
        self.displayName = displayName
        self.maximumRecordBytes = maximumRecordBytes
        field.reserveCapacity(256)
    }

    mutating func endField() throws {
        guard let text = String(validating: field, as: UTF8.self) else {
            throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: recordLine, field: "column \(fields.count + 1)"))
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
