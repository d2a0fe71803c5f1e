import Foundation
import TradeDomain

/// Reads named numeric columns from a CSV with a header row: the input of
/// `tradescope regress --data FILE` and `trend --series FILE`.
///
/// An empty field (or `NA`) is a missing value (nil); anything else must parse as a
/// finite decimal number, or reading stops with an error naming file, line and field.
public struct NumericColumnsReader: Sendable {
    /// The CSV reader (path or `/dev/stdin`).
    public let csv: CSVReader

    /// A reader of a file.
    ///
    /// - Parameters:
    ///   - path: The file's path (`/dev/stdin` for standard input).
    ///   - displayName: The name used in messages (default: the path).
    public init(path: String, displayName: String? = nil) {
        csv = CSVReader(path: path, displayName: displayName)
    }

    /// Reads the named columns.
    ///
    /// - Parameter names: Columns to read; each must be in the header.
    /// - Returns: The 1-based line of each data row, and one array per requested column (nil = missing).
    /// - Throws: `TradeIOError.missingColumn` for a column not in the header, `.duplicateColumn` for a
    ///   header naming a column twice, `.fieldCount` for a row
    ///   whose field count differs from the header's, `.invalidValue` for a field that is not a finite
    ///   number, and the CSV errors of `CSVReader`.
    /// - Complexity: O(rows × columns).
    public func read(columns names: [String]) throws(TradeIOError) -> (lines: [Int], columns: [[Double?]]) {
        var header: [String]?
        var indices: [Int] = []
        var lines: [Int] = []
        var columns = [[Double?]](repeating: [], count: names.count)
        try csv.readRecords { (line, fields) throws(TradeIOError) -> Bool in
            guard let header else {
                let trimmed = fields.map { $0.trimmingCharacters(in: .whitespaces) }
                _ = try HeaderColumns.checked(trimmed, file: csv.displayName)
                header = trimmed
                for name in names {
                    guard let index = trimmed.firstIndex(of: name) else {
                        throw TradeIOError.missingColumn(file: csv.displayName, column: name)
                    }
                    indices.append(index)
                }
                return true
            }
            if fields.count == 1 && fields[0].isEmpty { return true }  // blank line
            guard fields.count == header.count else {
                throw TradeIOError.fieldCount(SourceLocation(file: csv.displayName, line: line), expected: header.count, found: fields.count)
            }
            lines.append(line)
            for (k, index) in indices.enumerated() {
                let text = fields[index].trimmingCharacters(in: .whitespaces)
                if text.isEmpty || text == "NA" { columns[k].append(nil); continue }
                guard let value = FieldBytes.decimal(text), value.isFinite else {
                    throw TradeIOError.invalidValue(SourceLocation(file: csv.displayName, line: line, field: names[k]),
                                                    value: text, reason: "not a finite number")
                }
                columns[k].append(value)
            }
            return true
        }
        if header == nil { throw TradeIOError.missingColumn(file: csv.displayName, column: names.first ?? "header") }
        return (lines, columns)
    }
}
