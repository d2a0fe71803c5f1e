import Foundation

/// Reads a Comtrade+ API JSON response (`{"count": n, "data": [{...}, ...]}`, or a bare array of such
/// objects) as records with the fields of the CSV layout, streamed: one object at a time is held.
///
/// The keys of the first object in `data` are the header (the API gives every object the same keys,
/// the CSV columns); each object becomes a record of those fields, in that order, handed to the same
/// conversion as a CSV row, so a JSON row is kept, rejected or set aside exactly as the CSV row with
/// the same texts would be. Values: a string is its (unescaped, UTF-8 checked) text, a number its text
/// as written, `true`/`false` those words, `null` an empty field. A key the first object lacks, or an
/// object or array as a value, rejects that row (named by file, line and key); JSON that is not well
/// formed stops the read with the line where it breaks. The line of a record is the line of its `{`.
struct JSONRecordReader {
    let displayName: String
    let maximumRecordBytes: Int

    /// Calls `body` with the header (the first object's keys), then with each object's fields, or
    /// with the error that rejects an object; `body` returns `false` to stop.
    ///
    /// - Throws: `TradeIOError.invalidValue` (JSON not well formed), `.unsupportedFormat` (no `data`
    ///   array), `.lineTooLong`, or what `body` throws.
    func forEachRecord(_ source: InputSource, _ body: (Result<CSVRawRecord, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        var parser = JSONByteParser(source: source, displayName: displayName, maximumRecordBytes: maximumRecordBytes)
        let name = CSVFileName(displayName)
        try withExtendedLifetime(name) { () throws(TradeIOError) in
            try parser.skipSpace()
            switch try parser.peek() {
            case UInt8(ascii: "["):
                try readArray(&parser, name, body)
            case UInt8(ascii: "{"):
                parser.advance()
                var keys: [String] = []
                var found = false
                try parser.skipSpace()
                if try parser.peek() == UInt8(ascii: "}") { parser.advance() } else {
                    while true {
                        try parser.skipSpace()
                        let key = try parser.string()
                        keys.append(String(decoding: key, as: UTF8.self))
                        try parser.expect(UInt8(ascii: ":"))
                        try parser.skipSpace()
                        if key == Array("data".utf8), try parser.peek() == UInt8(ascii: "[") {
                            found = true
                            if !(try readArray(&parser, name, body)) { return }
                        } else {
                            try parser.skipValue()
                        }
                        try parser.skipSpace()
                        let next = try parser.next()
                        if next == UInt8(ascii: "}") { break }
                        guard next == UInt8(ascii: ",") else { throw parser.malformed("expected ',' or '}' after a value") }
                    }
                }
                if !found {
                    throw TradeIOError.unsupportedFormat(
                        file: displayName, detected: "a JSON object without a \"data\" array (keys: \(keys.prefix(8).joined(separator: ", ")))",
                        accepted: InputSource.accepted)
                }
            default:
                throw parser.malformed("expected '{' or '['")
            }
        }
    }

    /// Reads the array of records at the parser (which is at `[`); returns `false` when `body` stopped.
    @discardableResult
    private func readArray(_ parser: inout JSONByteParser, _ name: CSVFileName,
                           _ body: (Result<CSVRawRecord, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> Bool {
        parser.advance()
        var header: [[UInt8]]?
        var positions: [[UInt8]: Int] = [:]
        var fields: [[UInt8]?] = []
        var storage: [UInt8] = []
        var ends: [Int] = []
        try parser.skipSpace()
        if try parser.peek() == UInt8(ascii: "]") {
            parser.advance()
            return true
        }
        while true {
            try parser.skipSpace()
            guard try parser.peek() == UInt8(ascii: "{") else { throw parser.malformed("expected an object in the data array") }
            let line = parser.line
            let object = try parser.object()
            if header == nil {
                let keys = object.members.map(\.key)
                header = keys
                for (index, key) in keys.enumerated() where positions[key] == nil { positions[key] = index }
                storage.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                for key in keys {
                    storage.append(contentsOf: key)
                    ends.append(storage.count)
                    storage.append(UInt8(ascii: ","))
                }
                let more = try storage.withUnsafeBufferPointer { (bytes) throws(TradeIOError) -> Bool in
                    try ends.withUnsafeBufferPointer { (ends) throws(TradeIOError) -> Bool in
                        try body(.success(CSVRawRecord(line: 1, file: name, bytes: bytes, ends: ends)))
                    }
                }
                if !more { return false }
                fields = Array(repeating: nil, count: keys.count)
            }
            for index in fields.indices { fields[index] = nil }
            var problem: TradeIOError? = object.problem
            if problem == nil {
                for member in object.members {
                    guard let index = positions[member.key] else {
                        problem = .invalidValue(SourceLocation(file: displayName, line: line, field: String(decoding: member.key, as: UTF8.self)),
                                                value: String(decoding: member.value, as: UTF8.self),
                                                reason: "is under a key the first object of \"data\" does not have")
                        break
                    }
                    fields[index] = member.value
                }
            }
            let more: Bool
            if let problem {
                more = try body(.failure(problem))
            } else {
                storage.removeAll(keepingCapacity: true)
                ends.removeAll(keepingCapacity: true)
                for field in fields {
                    if let field { storage.append(contentsOf: field) }
                    ends.append(storage.count)
                    storage.append(UInt8(ascii: ","))
                }
                more = try storage.withUnsafeBufferPointer { (bytes) throws(TradeIOError) -> Bool in
                    try ends.withUnsafeBufferPointer { (ends) throws(TradeIOError) -> Bool in
                        try body(.success(CSVRawRecord(line: line, file: name, bytes: bytes, ends: ends)))
                    }
                }
            }
            if !more { return false }
            try parser.skipSpace()
            let next = try parser.next()
            if next == UInt8(ascii: "]") { return true }
            guard next == UInt8(ascii: ",") else { throw parser.malformed("expected ',' or ']' after an object") }
        }
    }
}

/// A pull parser over the bytes of an ``InputSource``, refilling a 1 MiB buffer as it goes.
struct JSONByteParser {
    let source: InputSource
    let displayName: String
    let maximumRecordBytes: Int
    private var buffer = [UInt8](repeating: 0, count: 1 << 20)
    private var position = 0
    private var count = 0
    private var ended = false
    /// The 1-based line of the next byte.
    private(set) var line = 1

    init(source: InputSource, displayName: String, maximumRecordBytes: Int) {
        self.source = source
        self.displayName = displayName
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// An object's members (key and value text) and the first problem of its values, if any.
    struct Object {
        var members: [(key: [UInt8], value: [UInt8])] = []
        var problem: TradeIOError?
    }

    func malformed(_ reason: String) -> TradeIOError {
        .invalidValue(SourceLocation(file: displayName, line: line), value: "", reason: "is where the JSON breaks: \(reason)")
    }

    private mutating func fill() throws(TradeIOError) -> Bool {
        if position < count { return true }
        if ended { return false }
        let got = try buffer.withUnsafeMutableBufferPointer { (buffer) throws(TradeIOError) in try source.read(into: buffer.baseAddress!, count: buffer.count) }
        position = 0
        count = got
        if got == 0 { ended = true }
        return got > 0
    }

    /// The next byte without taking it.
    mutating func peek() throws(TradeIOError) -> UInt8 {
        guard try fill() else { throw malformed("the input ends inside the document") }
        return buffer[position]
    }

    /// Takes the byte `peek()` returned.
    mutating func advance() {
        if buffer[position] == 0x0A { line += 1 }
        position += 1
    }

    /// Takes and returns the next byte.
    mutating func next() throws(TradeIOError) -> UInt8 {
        let byte = try peek()
        advance()
        return byte
    }

    mutating func expect(_ byte: UInt8) throws(TradeIOError) {
        try skipSpace()
        guard try next() == byte else { throw malformed("expected '\(Character(Unicode.Scalar(byte)))'") }
    }

    mutating func skipSpace() throws(TradeIOError) {
        while try fill() {
            let byte = buffer[position]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            advance()
        }
    }

    /// A string's bytes, unescaped (the parser is at its opening quote).
    mutating func string() throws(TradeIOError) -> [UInt8] {
        guard try next() == UInt8(ascii: "\"") else { throw malformed("expected a string") }
        var text: [UInt8] = []
        while true {
            guard try fill() else { throw malformed("a string is not closed") }
            // The run of plain bytes up to a quote, a backslash or a control byte, copied at once.
            var end = position
            while end < count {
                let byte = buffer[end]
                if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
                end += 1
            }
            text.append(contentsOf: buffer[position..<end])
            position = end
            if text.count > maximumRecordBytes {
                throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: line), limit: maximumRecordBytes)
            }
            guard end < count else { continue }
            let byte = try next()
            if byte == 0x22 { return text }
            guard byte == 0x5C else { throw malformed("a control character inside a string") }
            let escape = try next()
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
            case UInt8(ascii: "b"): text.append(0x08)
            case UInt8(ascii: "f"): text.append(0x0C)
            case UInt8(ascii: "n"): text.append(0x0A)
            case UInt8(ascii: "r"): text.append(0x0D)
            case UInt8(ascii: "t"): text.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard try next() == UInt8(ascii: "\\"), try next() == UInt8(ascii: "u") else { throw malformed("a lone surrogate \\u escape") }
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw malformed("a lone surrogate \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw malformed("a lone surrogate \\u escape")
                }
                text.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw malformed("an unknown escape in a string")
            }
        }
    }

    private mutating func hex4() throws(TradeIOError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try next()
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw malformed("a \\u escape needs four hex digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    /// A scalar value's text: a string unescaped, a number as written, `true`/`false`, `null` as
    /// empty; `nil` (after skipping it) for an object or an array.
    mutating func scalar() throws(TradeIOError) -> [UInt8]? {
        try skipSpace()
        let byte = try peek()
        switch byte {
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try skipValue()
            return nil
        case UInt8(ascii: "t"): try literal("true"); return Array("true".utf8)
        case UInt8(ascii: "f"): try literal("false"); return Array("false".utf8)
        case UInt8(ascii: "n"): try literal("null"); return []
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw malformed("expected a value")
        }
    }

    private mutating func literal(_ word: String) throws(TradeIOError) {
        for expected in word.utf8 where try next() != expected { throw malformed("expected \(word)") }
    }

    /// A number's text as written (checked against JSON's number grammar).
    private mutating func number() throws(TradeIOError) -> [UInt8] {
        var text: [UInt8] = []
        while try fill() {
            let byte = buffer[position]
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") else { break }
            text.append(byte)
            position += 1
            if text.count > 400 { throw malformed("a number of more than 400 characters") }
        }
        guard Self.isJSONNumber(text) else { throw malformed("'\(String(decoding: text, as: UTF8.self))' is not a JSON number") }
        return text
    }

    /// JSON's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    static func isJSONNumber(_ text: [UInt8]) -> Bool {
        var index = 0
        func digits() -> Int {
            let start = index
            while index < text.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(text[index]) { index += 1 }
            return index - start
        }
        if index < text.count, text[index] == UInt8(ascii: "-") { index += 1 }
        guard index < text.count else { return false }
        if text[index] == UInt8(ascii: "0") { index += 1 } else if digits() == 0 { return false }
        if index < text.count, text[index] == UInt8(ascii: ".") {
            index += 1
            if digits() == 0 { return false }
        }
        if index < text.count, text[index] == UInt8(ascii: "e") || text[index] == UInt8(ascii: "E") {
            index += 1
            if index < text.count, text[index] == UInt8(ascii: "+") || text[index] == UInt8(ascii: "-") { index += 1 }
            if digits() == 0 { return false }
        }
        return index == text.count
    }

    /// Skips any value (nested objects and arrays included).
    mutating func skipValue() throws(TradeIOError) {
        try skipSpace()
        let byte = try peek()
        if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
            let close = byte == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
            advance()
            try skipSpace()
            if try peek() == close { advance(); return }
            while true {
                if close == UInt8(ascii: "}") {
                    try skipSpace()
                    _ = try string()
                    try expect(UInt8(ascii: ":"))
                }
                try skipValue()
                try skipSpace()
                let next = try next()
                if next == close { return }
                guard next == UInt8(ascii: ",") else { throw malformed("expected ',' between values") }
            }
        }
        _ = try scalar()
    }

    /// An object of scalar values (the parser is at `{`). A value that is an object or an array, or a
    /// string that is not UTF-8, is noted as the object's problem (the row is rejected, the read goes on).
    mutating func object() throws(TradeIOError) -> Object {
        let line = self.line
        var object = Object()
        var bytes = 0
        advance()
        try skipSpace()
        if try peek() == UInt8(ascii: "}") {
            advance()
            return object
        }
        while true {
            try skipSpace()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            let value = try scalar()
            if let value {
                if object.problem == nil, !value.withUnsafeBufferPointer({ isASCII($0) || decodeUTF8($0) != nil }) {
                    object.problem = .invalidUTF8(SourceLocation(file: displayName, line: line, field: String(decoding: key, as: UTF8.self)))
                }
                bytes += key.count + value.count
                if bytes > maximumRecordBytes {
                    throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: line), limit: maximumRecordBytes)
                }
                object.members.append((key, value))
            } else if object.problem == nil {
                object.problem = .invalidValue(SourceLocation(file: displayName, line: line, field: String(decoding: key, as: UTF8.self)),
                                               value: "", reason: "is an object or an array; a record's values are strings, numbers, true, false or null")
            }
            try skipSpace()
            let next = try next()
            if next == UInt8(ascii: "}") { return object }
            guard next == UInt8(ascii: ",") else { throw malformed("expected ',' or '}' in an object") }
        }
    }
}
