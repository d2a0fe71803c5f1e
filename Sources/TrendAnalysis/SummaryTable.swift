/// A neutral results table: a title, key–value header rows, a column table and
/// notes. Results build one with `summary()`; `description` prints it as
/// fixed-width text, and `Reports` renders it as Markdown or HTML.
///
/// Modelled on statsmodels `iolib.summary.Summary` (header tables, parameter table, notes).
public struct SummaryTable: Sendable, Equatable, Codable, CustomStringConvertible {
    /// The title line.
    public let title: String
    /// Key–value rows shown above the table, in order.
    public let header: [HeaderRow]
    /// Column headings of the table (may be empty for a header-only summary).
    public let columns: [String]
    /// Table rows, each with one cell per column, already formatted.
    public let rows: [[String]]
    /// Notes printed below the table.
    public let notes: [String]

    /// One key–value row of the header.
    public struct HeaderRow: Sendable, Equatable, Codable {
        /// The label, e.g. "R-squared".
        public let key: String
        /// The formatted value.
        public let value: String

        /// A header row.
        ///
        /// - Parameters:
        ///   - key: The label.
        ///   - value: The formatted value.
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    /// A table.
    ///
    /// - Parameters:
    ///   - title: The title line.
    ///   - header: Key–value rows.
    ///   - columns: Column headings.
    ///   - rows: Rows of formatted cells; each must have `columns.count` cells.
    ///   - notes: Notes below the table.
    public init(title: String, header: [HeaderRow], columns: [String], rows: [[String]], notes: [String]) {
        precondition(rows.allSatisfy { $0.count == columns.count }, "every row needs \(columns.count) cells")
        self.title = title
        self.header = header
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The table as fixed-width text: title, header rows in two key–value columns,
    /// the column table (first column left-aligned, the others right-aligned), notes.
    public var description: String {
        var widths = columns.map(\.count)
        for row in rows { for (j, cell) in row.enumerated() { widths[j] = max(widths[j], cell.count) } }
        let tableWidth = widths.reduce(0, +) + 2 * max(widths.count - 1, 0)
        // Long values get a line of their own; the others go two pairs to a line when that fits.
        let wide = header.filter { $0.value.count > 24 }
        let narrow = header.filter { $0.value.count <= 24 }
        let keyWidth = header.map(\.key.count).max() ?? 0
        let valueWidth = narrow.map(\.value.count).max() ?? 0
        let pairWidth = keyWidth + 2 + valueWidth
        let twoColumns = 2 * pairWidth + 4 <= max(tableWidth, 78)
        let widest = wide.map { $0.key.count + 2 + $0.value.count }.max() ?? 0
        let ruleWidth = max(tableWidth, twoColumns && narrow.count > 1 ? 2 * pairWidth + 4 : pairWidth, title.count, widest)
        let rule = String(repeating: "=", count: ruleWidth)
        var lines = [Self.centred(title, ruleWidth), rule]
        func pair(_ row: HeaderRow) -> String {
            Self.padRight(row.key + ":", keyWidth + 1) + " " + Self.padLeft(row.value, valueWidth)
        }
        for row in wide { lines.append(Self.padRight(row.key + ":", keyWidth + 1) + " " + row.value) }
        var index = 0
        while index < narrow.count {
            if twoColumns && index + 1 < narrow.count {
                lines.append(pair(narrow[index]) + "    " + pair(narrow[index + 1]))
                index += 2
            } else {
                lines.append(pair(narrow[index]))
                index += 1
            }
        }
        if !columns.isEmpty {
            lines.append(String(repeating: "-", count: ruleWidth))
            func line(_ cells: [String]) -> String {
                cells.enumerated().map { j, cell in j == 0 ? Self.padRight(cell, widths[j]) : Self.padLeft(cell, widths[j]) }
                    .joined(separator: "  ")
            }
            lines.append(line(columns))
            lines.append(String(repeating: "-", count: ruleWidth))
            for row in rows { lines.append(line(row)) }
        }
        lines.append(rule)
        lines.append(contentsOf: notes)
        return lines.map { $0.replacingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }

    private static func padLeft(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }

    private static func padRight(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }

    private static func centred(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, (width - text.count) / 2)) + text
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
