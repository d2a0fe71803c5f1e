import Foundation
import Testing
@testable import Reports

/// Issue 23 items 20 and 21: one escaping function for data in Markdown, one for text bound for a terminal,
/// and control characters in CSV cells. Expected strings are written by hand from CommonMark 0.31 (sections
/// 2.4 backslash escapes, 6.1 code spans, 6.6 autolinks, 6.7 raw HTML) and ECMA-48 (C0/C1 controls).
@Suite("escaping: Markdown, terminal, CSV controls")
struct EscapingTests {
    @Test("Markdown.escape neutralises HTML, links, images, code, emphasis and line breaks", arguments: [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("![t](http://evil.example/x.png)", "\\!\\[t\\](http://evil.example/x.png)"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<http://evil.example>", "&lt;http://evil.example&gt;"),
        ("a`b*c*~d~|e\\f", "a\\`b\\*c\\*\\~d\\~\\|e\\\\f"),
        ("KITA_AJU_2014", "KITA_AJU_2014"),
        ("_em_ and __strong__", "\\_em\\_ and \\_\\_strong\\_\\_"),
        ("line\nbreak\r\n# heading", "line break  # heading"),
        ("# heading", "\\# heading"),
        ("- item", "\\- item"),
        ("-12.5%", "-12.5%"),
        ("2016. A year", "2016\\. A year"),
        ("&lt; kept as written", "&amp;lt; kept as written"),
        ("bell\u{07}esc\u{1B}[2J", "bell\\\\x07esc\\\\x1b\\[2J"),
        // Found by the writers fuzz target: a C1 control (U+0091) passed through.
        ("c1\u{91}csi\u{9B}2J", "c1\\\\x91csi\\\\x9b2J"),
    ])
    func markdownEscape(input: String, expected: String) {
        #expect(Markdown.escape(input) == expected)
    }

    @Test("Markdown.codeSpan holds any text: the fence outgrows the backticks inside, line breaks are shown")
    func codeSpan() {
        #expect(Markdown.codeSpan("plain.csv") == "`plain.csv`")
        #expect(Markdown.codeSpan("a`b\n# x.csv") == "``a`b\\n# x.csv``")
        #expect(Markdown.codeSpan("`edge``") == "``` `edge`` ```")
        #expect(Markdown.linkDestination("my file (1).svg") == "my%20file%20%281%29.svg")
    }

    @Test("the manifest's Markdown keeps a file name with a backtick and a newline inside its code span")
    func manifestFileName() {
        let manifest = RunManifest(tool: "tradescope", version: "1", commandLine: ["series", "--data", "a`b\n# owned.csv"],
                                   inputs: [.init(name: "a`b\n# owned.csv", sha256: "00", bytes: 3)], sanctionsCalendar: "c.yaml",
                                   parameters: [.init(name: "hs", value: "<b>2701</b>")])
        let md = manifest.markdown()
        #expect(md.contains("- Input ``a`b\\n# owned.csv``: 3 bytes"), "\(md)")
        #expect(!md.split(separator: "\n").contains { $0.hasPrefix("#") && $0 != "## Run manifest" }, "\(md)")
        #expect(md.contains("- Parameter hs: &lt;b&gt;2701&lt;/b&gt;"))
    }

    @Test("TerminalText.escape shows C0, DEL and C1 controls as \\xNN and keeps line feeds, tabs and the tool's styles")
    func terminal() {
        #expect(TerminalText.escape("a\u{1B}]0;title\u{07}b\u{1B}[2J\tc\n") == "a\\x1b]0;title\\x07b\\x1b[2J\tc\n")
        #expect(TerminalText.escape("\r\u{7F}\u{9B}31m") == "\\x0d\\x7f\\x9b31m")
        #expect(TerminalText.escape("\u{1B}[1mHead\u{1B}[0m \u{1B}[31m", keepingStyles: true) == "\u{1B}[1mHead\u{1B}[0m \\x1b[31m")
        #expect(TerminalText.escape("plain é ü") == "plain é ü")
    }

    @Test("CSV cells: the guard writes control characters as \\xNN (tab, CR and LF kept) and still prefixes formulas")
    func csvControls() {
        #expect(CSVText.field("\u{1B}[2Jnote", guardingFormulas: true) == "\\x1b[2Jnote")
        #expect(CSVText.field("a\r\nb\u{00}", guardingFormulas: true) == "\"a\r\nb\\x00\"")
        #expect(CSVText.field("\t=1+1", guardingFormulas: true) == "'\t=1+1")
        #expect(CSVText.field("\u{1B}[2J", guardingFormulas: false) == "\u{1B}[2J")
    }

    @Test("CSV quoting doubles a quote that forms one Character with a combining mark after it or a prepended mark before it")
    func csvQuoteNextToMarks() {
        // By hand (RFC 4180): every quote inside the field doubled, the field between quotes. Compared as
        // bytes, since String equality would treat some malformed results as equal.
        let acute = Array(CSVText.field("a\"\u{301}b").utf8)
        #expect(acute == [0x22, 0x61, 0x22, 0x22, 0xCC, 0x81, 0x62, 0x22])
        let prepended = Array(CSVText.field("\u{600}\"x").utf8)   // U+0600 is Grapheme_Cluster_Break=Prepend
        #expect(prepended == [0x22, 0xD8, 0x80, 0x22, 0x22, 0x78, 0x22])
        #expect(Array(CSVText.field("\"\u{301}", guardingFormulas: true).utf8) == [0x22, 0x22, 0x22, 0xCC, 0x81, 0x22])
        // The batch tables' quoting is the same function.
        #expect(Array(csvField("a\"\u{301}b").utf8) == acute)
        #expect(Array(TrendTable.quoted("a\"\u{301}b").utf8) == acute)
        #expect(TrendTable.quoted("a\r\nb") == "\"a\r\nb\"")
    }
}
