import Testing
import TradeDomain

/// The nesting bound checked before YAML is parsed (issue 23 item 5). The property that the bound
/// never underestimates what Yams composes is tested in `ScenariosTests/YAMLNestingPropertyTests`,
/// where Yams is at hand.
@Suite("YAML nesting bound")
struct YAMLNestingTests {
    @Test("deep flow and block nesting are caught on the line where they pass the limit")
    func deepShapes() {
        let flow = "name: x\nevents: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000) + "\n"
        #expect(YAMLNesting.firstLine(exceeding: 64, in: flow) == 2)
        let compact = "name: x\nevents:\n  " + String(repeating: "- ", count: 5_000) + "x\n"
        #expect(YAMLNesting.firstLine(exceeding: 64, in: compact) == 3)
        var indented = ""
        for level in 0..<200 { indented += String(repeating: " ", count: level) + "k\(level):\n" }
        #expect(YAMLNesting.firstLine(exceeding: 64, in: indented) == 32)
        let mappings = String(repeating: "{a: ", count: 100) + "1" + String(repeating: "}", count: 100)
        #expect(YAMLNesting.firstLine(exceeding: 64, in: mappings) == 1)
    }

    @Test("brackets inside quotes, comments, plain text and block scalars do not count")
    func ignoredText() {
        let brackets = String(repeating: "[", count: 500)
        let text = """
            name: "\(brackets)"
            other: '\(brackets) it''s \(brackets)'
            # \(brackets)
            plain: a \(brackets) b
            body: |
              \(brackets)
              - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -
            folded: >-
                \(brackets)
            after: [1, [2, [3]]]
            """
        #expect(YAMLNesting.firstLine(exceeding: 64, in: text) == nil)
    }

    @Test("a block scalar's body ends where the indentation does: deep nesting after it is caught")
    func afterBlockScalar() {
        let text = "a:\n  - |\n    text\n  - " + String(repeating: "- ", count: 100) + "x\n"
        #expect(YAMLNesting.firstLine(exceeding: 64, in: text) == 4)
    }

    @Test("the shipped scenario and calendar shapes stay far below the limit")
    func realShapes() {
        let scenario = """
            name: test
            selection:
              hs: ["2701"]
            events:
              - new: cap
                id: my-cap
                cap: {value_usd: 1000, quantity: 10, unit: t, stop_share: 0.95}
                notes: >
                  folded text
            """
        #expect(YAMLNesting.firstLine(exceeding: 12, in: scenario) == nil)
    }
}
