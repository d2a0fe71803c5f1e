/// Fits plain-text output to a terminal width: every line longer than the width is wrapped at
/// word boundaries, its continuation lines indented under the text they continue (past a list
/// bullet "- ", or four spaces deeper for a table row or a sentence). A word longer than a whole
/// line is cut. Bold ANSI headings are wrapped inside their escapes. Characters are counted as
/// Swift `Character`s (the sparkline blocks are one column each); escapes take no column.
public enum TextLayout {
    /// The width text output is fitted to.
    public static let width = 100

    static let bold = "\u{1B}[1m", reset = "\u{1B}[0m"

    /// The text with every line fitted to `width` columns.
    ///
    /// - Parameters:
    ///   - text: Lines separated by `\n`.
    ///   - width: The column limit (at least 20).
    public static func fit(_ text: String, width: Int = TextLayout.width) -> String {
        let width = max(width, 20)
        return text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line -> [String] in
            let line = String(line)
            if line.hasPrefix(bold) && line.hasSuffix(reset) {
                let inner = String(line.dropFirst(bold.count).dropLast(reset.count))
                return wrap(inner, width: width).map { bold + $0 + reset }
            }
            return wrap(line, width: width)
        }.joined(separator: "\n")
    }

    /// Visible columns of a line (ANSI escapes excluded).
    public static func columns(_ line: some StringProtocol) -> Int {
        var count = 0, inEscape = false
        for character in line {
            if character == "\u{1B}" { inEscape = true; continue }
            if inEscape { if character.isLetter { inEscape = false }; continue }
            count += 1
        }
        return count
    }

    static func wrap(_ line: String, width: Int) -> [String] {
        guard columns(line) > width else { return [line] }
        let leading = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(leading)
        let hanging = leading + (rest.hasPrefix("- ") ? 2 : 4)
        var lines: [String] = []
        var current = String(line.prefix(leading))
        var currentHasWord = false
        for word in rest.split(separator: " ", omittingEmptySubsequences: false) {
            var word = Substring(word)
            let gap = currentHasWord ? 1 : 0
            if columns(current) + gap + word.count <= width {
                current += (currentHasWord ? " " : "") + word
                currentHasWord = true
                continue
            }
            if currentHasWord { lines.append(current) }
            current = String(repeating: " ", count: hanging)
            currentHasWord = false
            while hanging + word.count > width {
                lines.append(current + word.prefix(width - hanging))
                word = word.dropFirst(width - hanging)
            }
            current += word
            currentHasWord = true
        }
        if currentHasWord || lines.isEmpty { lines.append(current) }
        return lines
    }
}
