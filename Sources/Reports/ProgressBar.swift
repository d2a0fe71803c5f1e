/// The text of a one-line progress bar for a terminal: `[#####.....]  52%  104,000 rows  file.csv`.
///
/// Renders only; the caller decides whether to show it (stderr is a terminal) and
/// writes it after a carriage return so that it overwrites itself.
public enum ProgressBar {
    /// One line of progress.
    ///
    /// - Parameters:
    ///   - fraction: Done so far, 0...1 (clamped).
    ///   - rows: Items handled so far (rows of a file, groups of a batch).
    ///   - label: What is being read (a file name).
    ///   - width: Cells of the bar.
    ///   - color: Whether to colour the bar (ANSI green); false when `NO_COLOR` is set.
    ///   - unit: What is counted, after the count (default `rows`).
    /// - Returns: The line, without carriage return or line feed.
    public static func line(fraction: Double, rows: Int, label: String, width: Int = 30, color: Bool, unit: String = "rows") -> String {
        let done = fraction.isFinite ? min(max(fraction, 0), 1) : 0
        let filled = Int((done * Double(width)).rounded(.down))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let percent = NumberStyle.right(String(Int((done * 100).rounded(.down))) + "%", 4)
        let shown = color ? "\u{1B}[32m" + bar + "\u{1B}[0m" : bar
        return "[\(shown)] \(percent)  \(NumberStyle.grouped(Double(rows))) \(unit)  \(TerminalText.escape(label))"
    }
}
