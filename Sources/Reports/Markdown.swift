/// Escaping of data strings (names, descriptions, source ids, notes, file names) written into Markdown, so that
/// what the data says is shown as text and never read as Markdown or HTML. Every Markdown renderer in Reports
/// passes data through ``escape(_:)`` (or ``codeSpan(_:)`` for text shown as code).
///
/// What is neutralised:
/// - HTML: `&`, `<` and `>` become `&amp;`, `&lt;` and `&gt;` (no tag, comment or autolink survives; entities in
///   the data are shown as written).
/// - Inline Markdown: `\`, `` ` ``, `*`, `[`, `]`, `|` (table cells), `~` and `!` get a backslash, so no link,
///   image, code span, emphasis or strikethrough can start; `_` gets one unless it sits between two letters
///   or digits (where CommonMark never reads it as emphasis: `KITA_AJU_2014` stays as written).
/// - Block Markdown at the start: a leading `#`, `=`, `+ `, `- ` or `1. `/`1) ` is escaped, so no heading or list starts.
/// - Lines: a newline or carriage return becomes a space (a data string never ends a paragraph, a table row or
///   a list item); any other control character (C0 but tab, DEL, C1) is shown as `\xNN` (a terminal escape never reaches the file raw).
public enum Markdown {
    /// `text` escaped for Markdown text (paragraphs, list items, headings and table cells).
    ///
    /// - Parameter text: A data string.
    /// - Returns: Markdown that renders as `text` (control characters shown as `\xNN`, line breaks as spaces).
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "`", "*", "[", "]", "|", "~", "!":
                out += "\\" + String(scalar)
            case "_":
                let before = index > 0 ? scalars[index - 1] : nil, after = index + 1 < scalars.count ? scalars[index + 1] : nil
                let inWord = before.map(isWordScalar) == true && after.map(isWordScalar) == true
                out += inWord ? "_" : "\\_"
            case "\n", "\r": out += " "
            default:
                if TerminalText.isControl(scalar) {
                    out += "\\\\x" + hex(scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return escapeLeadingBlockMarker(out)
    }

    /// `text` as a Markdown code span: fenced by one backtick more than its longest run of backticks (padded
    /// with spaces when it starts or ends with one), line breaks shown as `\n`, other control characters as `\xNN`.
    ///
    /// - Parameter text: A data string shown as code (a file name, a command line).
    /// - Returns: The code span.
    public static func codeSpan(_ text: String) -> String {
        var body = ""
        var longestRun = 0, run = 0
        for scalar in text.unicodeScalars {
            run = scalar == "`" ? run + 1 : 0
            longestRun = max(longestRun, run)
            switch scalar {
            case "\n": body += "\\n"
            case "\r": body += "\\r"
            default:
                if TerminalText.isControl(scalar) || scalar == "\t" { body += "\\x" + hex(scalar.value) } else { body.unicodeScalars.append(scalar) }
            }
        }
        let fence = String(repeating: "`", count: longestRun + 1)
        let padded = body.hasPrefix("`") || body.hasSuffix("`") || body.isEmpty ? " " + body + " " : body
        return fence + padded + fence
    }

    /// A relative file name as a link destination: every byte outside letters, digits and `-._~/` percent-encoded,
    /// so that spaces, parentheses, `<`, `>` or a line break in a name cannot end the link or start another.
    ///
    /// - Parameter name: A file name (a chart beside the Markdown file).
    /// - Returns: The encoded destination.
    public static func linkDestination(_ name: String) -> String {
        var out = ""
        for byte in name.utf8 {
            let scalar = Unicode.Scalar(byte)
            if byte < 0x80 && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~/".unicodeScalars.contains(scalar)) {
                out.unicodeScalars.append(scalar)
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded
            }
        }
        return out
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }

    /// Escapes a block marker at the start of an escaped string: `#`, `=`, `+ `/`- ` or an ordered-list number.
    private static func escapeLeadingBlockMarker(_ text: String) -> String {
        guard let first = text.first else { return text }
        if first == "#" || first == "=" { return "\\" + text }
        if first == "-" || first == "+" {
            let rest = text.dropFirst()
            return rest.isEmpty || rest.first == " " || rest.first == "\t" ? "\\" + text : text
        }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9 {
            let rest = text.dropFirst(digits.count)
            if let marker = rest.first, marker == "." || marker == ")", rest.count == 1 || rest.dropFirst().first == " " || rest.dropFirst().first == "\t" {
                return String(digits) + "\\" + String(rest)
            }
        }
        return text
    }
}

private extension String {
    /// Two hex digits.
    var leftPadded: String { count < 2 ? "0" + self : self }
}
