import Foundation
import TradeDomain

/// A column a reader uses: its name (for messages) and its position in the
/// file's header, resolved once per file; `nil` when the header lacks it.
struct Column: Sendable {
    let name: String
    let index: Int?
}

/// The header of a file: each name's first position, looked up once per column
/// when a reader resolves its ``Column``s, never per row.
struct HeaderColumns: Sendable {
    let positions: [String: Int]
    let count: Int

    /// The first non-empty name the header holds twice, or nil.
    let duplicate: String?

    /// - Parameter header: The header fields, already trimmed.
    init(_ header: [String]) {
        var positions: [String: Int] = [:]
        var duplicate: String?
        for (index, name) in header.enumerated() {
            if positions[name] == nil { positions[name] = index } else if duplicate == nil && !name.isEmpty { duplicate = name }
        }
        self.positions = positions
        self.count = header.count
        self.duplicate = duplicate
    }

    /// The header's columns, refusing a name given twice.
    ///
    /// - Throws: `TradeIOError.duplicateColumn` naming the file and the column.
    static func checked(_ header: [String], file: String) throws(TradeIOError) -> HeaderColumns {
        let columns = HeaderColumns(header)
        if let duplicate = columns.duplicate { throw TradeIOError.duplicateColumn(file: file, column: duplicate) }
        return columns
    }

    func column(_ name: String) -> Column { Column(name: name, index: positions[name]) }
}

/// Access to the fields of one CSV row by resolved column, producing located errors.
///
/// The row is a `CSVRawRecord` read with UTF-8 checking on (so every field is
/// valid UTF-8 and errors come as from `CSVReader.forEachRecord`). Only the
/// fields a reader asks for are decoded; numbers, flags and short codes are
/// read from the bytes (``FieldBytes``), and a `String` is made for a value
/// only when it is kept or named in an error. Every result equals what parsing
/// the field's `String` gives, so messages and behaviour are unchanged.
struct FieldAccess {
    let record: CSVRawRecord
    /// Parsed codes, countries and periods of earlier rows of the same file.
    let cache: FieldCache

    init(record: CSVRawRecord, cache: FieldCache) {
        self.record = record
        self.cache = cache
    }

    /// The file as named in messages.
    var file: String { record.displayName }
    /// The 1-based line on which the row starts.
    var line: Int { record.line }

    /// The bytes of a column's field with surrounding spaces and tabs removed; empty when the header lacks the column.
    @inline(__always)
    func bytes(_ column: Column) -> UnsafeBufferPointer<UInt8> {
        guard let index = column.index, index < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return FieldBytes.trimmed(record[index])
    }

    /// The field of a column with surrounding spaces and tabs removed; empty when the header lacks the column.
    subscript(column: Column) -> String {
        String(decoding: bytes(column), as: UTF8.self)
    }

    /// As the subscript, through the text cache (for long fields that repeat, such as descriptions).
    func cachedText(_ column: Column) -> String {
        let field = bytes(column)
        return field.count < 16 ? String(decoding: field, as: UTF8.self) : cache.descriptions.text(field)
    }

    func location(_ column: Column) -> SourceLocation {
        SourceLocation(file: file, line: line, field: column.name)
    }

    /// Parses a required field, wrapping the domain error with the location.
    func parse<T>(_ column: Column, _ transform: (String) throws(TradeDomainError) -> T) throws(TradeIOError) -> T {
        let text = self[column]
        guard !text.isEmpty else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is empty but required")
        }
        do throws(TradeDomainError) {
            return try transform(text)
        } catch {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is invalid: \(error)")
        }
    }

    /// As ``parse(_:_:)``, remembering the results of short fields (up to 7 bytes: codes,
    /// periods) in `slot`, so that a value seen before is not parsed again.
    @inline(__always)
    func parseCached<T>(_ column: Column, _ slot: ShortKeyCache<T>, _ transform: (String) throws(TradeDomainError) -> T) throws(TradeIOError) -> T {
        let field = bytes(column)
        guard let key = ShortKeyCache<T>.key(field) else { return try parse(column, transform) }
        if let value = slot.value(for: key) { return value }
        let value = try parse(column, transform)
        slot.store(value, for: key)
        return value
    }

    /// A non-negative finite number, or nil for an empty field.
    func optionalAmount(_ column: Column) throws(TradeIOError) -> Double? {
        let field = bytes(column)
        if field.isEmpty { return nil }
        if let number = FieldBytes.plainDecimal(field) { return number }
        let text = self[column]
        guard let number = FieldBytes.decimal(text) else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is not a decimal number")
        }
        guard number.isFinite else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is not a finite number")
        }
        guard number >= 0 else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is negative; trade values and quantities are non-negative")
        }
        return number
    }
}
