/// Text shown on a terminal with every control character escaped, so that data (a source id, a note, a file
/// name) cannot move the cursor, clear the screen, set the window title or colour the output: `ESC [ 2 J` is
/// shown as `\x1b[2J`. Line feeds and tabs pass; C0 controls, DEL and the C1 controls (U+0080 to U+009F,
/// such as the one-byte CSI) are shown as `\xNN`.
///
/// Only output to a terminal is escaped (the executable checks `isatty`); files and pipes keep the data as it is.
/// The few styles the tool itself draws (bold headings, a green progress bar, and their reset) may be kept.
public enum TerminalText {
    /// The SGR sequences the tool writes itself: reset, bold, green.
    public static let ownStyles = ["\u{1B}[0m", "\u{1B}[1m", "\u{1B}[32m"]

    /// `text` with its control characters escaped.
    ///
    /// - Parameters:
    ///   - text: Text bound for a terminal.
    ///   - keepingStyles: Keep the sequences of ``ownStyles`` (in output the tool coloured itself).
    /// - Returns: The text, each control character but line feed and tab written as `\xNN`.
    public static func escape(_ text: String, keepingStyles: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var out = ""
        var rest = Substring(text)
        while let scalar = rest.unicodeScalars.first {
            if keepingStyles, scalar == "\u{1B}", let style = ownStyles.first(where: { rest.hasPrefix($0) }) {
                out += style
                rest = rest.dropFirst(style.count)
                continue
            }
            if isControl(scalar) {
                let digits = String(scalar.value, radix: 16)
                out += "\\x" + (digits.count < 2 ? "0" + digits : digits)
            } else {
                out.unicodeScalars.append(scalar)
            }
            rest = Substring(rest.unicodeScalars.dropFirst())
        }
        return out
    }

    /// Whether a scalar is a control character that must not reach a terminal raw (not line feed or tab).
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && scalar != "\n" && scalar != "\t") || value == 0x7F || (0x80...0x9F).contains(value)
    }
}
