// libFuzzer entry: the escaping of data strings by the Markdown, CSV and terminal writers (issue 23 items
// 19 to 21) on arbitrary text. Oracles: no Markdown or HTML syntax and no line break survives Markdown.escape;
// a code span cannot be closed early; no CSV cell starts a formula unless it is a number; no raw control
// character reaches text meant for a terminal or a guarded CSV cell; a summary table keeps its line count.
import Reports
import TrendAnalysis

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWriters(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    checkMarkdown(text)
    checkCodeSpan(text)
    checkCSV(text)
    let shown = TerminalText.escape(text)
    precondition(!shown.unicodeScalars.contains(where: TerminalText.isControl), "raw control character on a terminal: \(shown.debugDescription)")
    let table = SummaryTable(title: text, header: [.init(text, text)], columns: [text, "n"], rows: [[text, "1"]], notes: [text])
    let plain = SummaryTable(title: "x", header: [.init("x", "x")], columns: ["x", "n"], rows: [["x", "1"]], notes: ["x"])
    let lines = SummaryTableRenderer.markdown(table).split(separator: "\n", omittingEmptySubsequences: false).count
    precondition(lines == SummaryTableRenderer.markdown(plain).split(separator: "\n", omittingEmptySubsequences: false).count,
                 "data changed the Markdown table's lines")
    return 0
}

/// Markdown.escape: no `<`, `\n`, `\r` or control character; every active character behind an odd run of backslashes.
func checkMarkdown(_ text: String) {
    let escaped = Markdown.escape(text)
    let scalars = Array(escaped.unicodeScalars)
    var backslashes = 0
    for scalar in scalars {
        precondition(scalar != "<" && scalar != ">" && scalar != "\n" && scalar != "\r", "raw \(scalar) in \(escaped.debugDescription)")
        precondition(!TerminalText.isControl(scalar) || scalar == "\t", "control character in \(escaped.debugDescription)")
        if "`*[]|~!".unicodeScalars.contains(scalar) {
            precondition(backslashes % 2 == 1, "unescaped \(scalar) in \(escaped.debugDescription)")
        }
        backslashes = scalar == "\\" ? backslashes + 1 : 0
    }
    if let first = escaped.first { precondition(first != "#" && first != "=", "leading block marker in \(escaped.debugDescription)") }
    precondition(!escaped.hasPrefix("- ") && !escaped.hasPrefix("+ "), "leading list marker in \(escaped.debugDescription)")
}

/// Markdown.codeSpan: one line, fenced by a run of backticks longer than any inside.
func checkCodeSpan(_ text: String) {
    let span = Markdown.codeSpan(text)
    precondition(!span.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || TerminalText.isControl($0) }), "line break in code span")
    // By scalars, as CommonMark reads: a combining mark after the fence makes one Character with a backtick.
    let scalars = Array(span.unicodeScalars)
    let fence = scalars.prefix { $0 == "`" }.count
    precondition(fence >= 1 && scalars.count >= 2 * fence && scalars.suffix(fence).allSatisfy { $0 == "`" }, "bad fence")
    var run = 0
    for scalar in scalars[fence..<(scalars.count - fence)] {
        run = scalar == "`" ? run + 1 : 0
        precondition(run < fence, "a backtick run inside closes the span: \(span.debugDescription)")
    }
}

/// CSVText.field with the guard: the cell (unquoted) starts no formula unless it is a number; no raw control
/// character but tab, CR and LF.
func checkCSV(_ text: String) {
    let field = CSVText.field(text, guardingFormulas: true)
    var cell = field
    // By bytes: a combining mark after the opening quote makes one Character with it.
    let bytes = Array(field.utf8)
    if bytes.first == 0x22 {
        precondition(bytes.last == 0x22 && bytes.count >= 2, "unterminated quoted field")
        cell = String(decoding: bytes[1..<(bytes.count - 1)], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"")
    } else {
        precondition(!field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }), "unquoted separator")
    }
    if let first = cell.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
        precondition(Double(cell) != nil, "formula cell \(cell.debugDescription)")
    }
    precondition(!cell.unicodeScalars.contains(where: { TerminalText.isControl($0) && $0 != "\r" }), "control character in CSV cell")
}
