import TrendAnalysis

/// Renders a `SummaryTable` as Markdown or HTML (the fixed-width text is its `description`).
public enum SummaryTableRenderer {
    /// Markdown: a heading, the header as a two-column table, the column table, notes as a list.
    ///
    /// - Parameter table: The summary.
    /// - Returns: Markdown text ending in a newline.
    public static func markdown(_ table: SummaryTable) -> String {
        let cell = Markdown.escape
        var lines = ["### \(cell(table.title))", ""]
        if !table.header.isEmpty {
            lines += ["| | |", "| --- | --- |"] + table.header.map { "| \(cell($0.key)) | \(cell($0.value)) |" } + [""]
        }
        if !table.columns.isEmpty {
            lines.append("| " + table.columns.map(cell).joined(separator: " | ") + " |")
            lines.append("|" + table.columns.indices.map { $0 == 0 ? " --- |" : " ---: |" }.joined())
            lines += table.rows.map { "| " + $0.map(cell).joined(separator: " | ") + " |" }
            lines.append("")
        }
        lines += table.notes.map { "- \(cell($0))" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// HTML: a `<section>` with a heading, a header `<table>`, the column `<table>` and notes.
    ///
    /// - Parameter table: The summary.
    /// - Returns: An HTML fragment ending in a newline.
    public static func html(_ table: SummaryTable) -> String {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = "<section class=\"summary\">\n<h3>\(escape(table.title))</h3>\n"
        if !table.header.isEmpty {
            out += "<table class=\"summary-header\">\n"
            for row in table.header { out += "<tr><th>\(escape(row.key))</th><td>\(escape(row.value))</td></tr>\n" }
            out += "</table>\n"
        }
        if !table.columns.isEmpty {
            out += "<table class=\"summary-table\">\n<thead><tr>" + table.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows { out += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
            out += "</tbody>\n</table>\n"
        }
        if !table.notes.isEmpty { out += "<ul class=\"notes\">\n" + table.notes.map { "<li>\(escape($0))</li>\n" }.joined() + "</ul>\n" }
        return out + "</section>\n"
    }
}
