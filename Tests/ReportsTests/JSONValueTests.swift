import Foundation
import Testing
@testable import Reports

@Suite("JSONValue and number formatting")
struct JSONValueTests {
    @Test("missing is null, numbers at full precision, keys in order, strings escaped")
    func rendering() {
        let value = JSONValue.object([
            ("b", .number(nil)), ("a", .number(56.122448979591837)), ("n", .number(19_600_000)),
            ("s", .string("<script>\"x\"\n")),
        ])
        #expect(value.rendered(indent: 0) == #"{"b":null,"a":56.12244897959184,"n":19600000,"s":"\u003cscript>\"x\"\n"}"#)
    }

    @Test("grouped, fixed, percent and millions", arguments: [
        (NumberStyle.grouped(19_600_000), "19,600,000"),
        (NumberStyle.grouped(-1_234.6), "-1,235"),
        (NumberStyle.grouped(999), "999"),
        (NumberStyle.fixed(56.122448, decimals: 2), "56.12"),
        (NumberStyle.percent(0.270252), "+27.0%"),
        (NumberStyle.percent(-0.0284), "-2.8%"),
        (NumberStyle.millions(1_132_180_000), "1,132.2m"),
        (NumberStyle.millions(925_000_000), "925.0m"),
    ])
    func formatting(actual: String, expected: String) {
        #expect(actual == expected)
    }

    @Test("CSV fields are quoted only when needed")
    func csvFields() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a, b") == "\"a, b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.number(1_100_000_000) == "1100000000")
        #expect(CSVText.number(56.12244897959184) == "56.12244897959184")
        // Issue 23 item 11: a non-finite figure is NA, never "nan" or "inf".
        #expect(CSVText.number(.infinity) == "NA" && CSVText.number(.nan) == "NA" && CSVText.number(-.infinity) == "NA")
    }

    /// Issue 23 item 11: bare `nan`, `inf` and `-inf` reached JSON output, which jq and Python reject.
    @Test("a non-finite number is null followed by a reason; the document parses")
    func nonFinite() throws {
        let value = JSONValue.object([("a", .number(.nan)), ("b", .number(.infinity)), ("c", .number(-.infinity)),
                                      ("d", .number(1.5)), ("e", .array([.number(.nan)])), ("f", .number(Double?.none))])
        for indent in [0, 2] {
            let text = value.rendered(indent: indent)
            #expect(text.range(of: #"[:,\[]\s*-?(nan|inf)"#, options: .regularExpression) == nil, "\(text)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
            #expect(object["a"] is NSNull && object["a_na"] as? String == "undefined (not a number)")
            #expect(object["b"] is NSNull && object["b_na"] as? String == "infinite")
            #expect(object["c"] is NSNull && object["c_na"] as? String == "minus infinite")
            #expect(object["d"] as? Double == 1.5 && object["d_na"] == nil)
            #expect((object["e"] as? [Any])?.first is NSNull)
            // A missing value is null without a reason.
            #expect(object["f"] is NSNull && object["f_na"] == nil)
        }
    }

    /// Issue 23 item 19: export and whatif CSV wrote cells beginning with =, +, -, @, tab or CR as they were.
    @Test("CSV formula guard: text that a spreadsheet would evaluate gets a leading quote; numbers stay numbers", arguments: [
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""), ("+1+cmd", "'+1+cmd"), ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "\"'\rx\""), ("-12.5", "-12.5"), ("+3", "+3"), ("-1e5", "-1e5"),
        ("plain", "plain"), ("", ""), ("a=b", "a=b"), ("-", "'-"),
    ])
    func formulaGuard(text: String, expected: String) {
        #expect(CSVText.field(text, guardingFormulas: true) == expected)
        #expect(CSVText.field(text, guardingFormulas: false) == CSVText.field(text))
    }
}
