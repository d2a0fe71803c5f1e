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

    /// - Parameter header: The header fields, already trimmed.
    init(_ header: [String]) {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        self.count = header.count
    }

    func column(_ name: String) -> Column { Column(name: name, index: positions[name]) }
}

/// Access to the fields of one CSV row by resolved column, producing located errors.
struct FieldAccess {
    let file: String
    let line: Int
    let fields: [String]

    /// The field of a column with surrounding spaces and tabs removed; empty when the header lacks the column.
    subscript(column: Column) -> String {
        guard let index = column.index, index < fields.count else { return "" }
        return Self.trimmed(fields[index])
    }

    /// The text without leading and trailing spaces and tabs. Fields rarely have any,
    /// so the common case returns the string itself without copying.
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        guard let first = utf8.first, let last = utf8.last else { return text }
        let isBlank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard isBlank(first) || isBlank(last) else { return text }
        let start = utf8.firstIndex { !isBlank($0) } ?? utf8.endIndex
        guard start < utf8.endIndex, let end = utf8.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(text[start...end])
    }

    func location(_ column: Column) -> SourceLocation {
        SourceLocation(file: file, line: line, field: column.name)
    }

    /// Parses a required field, wrapping the domain error with the location.
    func parse<T>(_ column: Column, _ transform: (String) throws -> T) throws -> T {
        let text = self[column]
        guard !text.isEmpty else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is empty but required")
        }
        do {
            return try transform(text)
        } catch let error as TradeDomainError {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is invalid: \(error)")
        }
    }

    /// A non-negative finite number, or nil for an empty field.
    func optionalAmount(_ column: Column) throws -> Double? {
        let text = self[column]
        if text.isEmpty { return nil }
        guard let number = Double(text) else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is not a number")
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
