import Foundation
import Testing
@testable import Scenarios
import TradeDomain
import TrendAnalysis

@Suite("Scenario files: schema, locations of errors, bounded inputs")
struct ScenarioFileTests {
    static let valid = """
        name: test
        selection:
          hs: ["2701"]
        baseline:
          method: holt-winters
          trend: additive
          fit_to: 2015
        events:
          - ref: BAN-COAL
            shift_to: 2016-03-01
          - new: cap
            id: my-cap
            hs: "2701"
            effective: 2016-01-01
            compliance: 0.7
            cap: {value_usd: 1000, quantity: 10, unit: t, stop_share: 0.95}
        """

    @Test("a valid file gives the scenario it describes")
    func valid() throws {
        let scenario = try Synthetic.scenario(Self.valid)
        #expect(scenario.name == "test")
        #expect(scenario.hsCodes == [.hs(Synthetic.code("2701"))])
        #expect(scenario.selection.reporter == .china && scenario.selection.flow == .import)
        #expect(scenario.baseline.method == .holtWinters && scenario.baseline.fitThrough == Period(year: 2015))
        #expect(scenario.edits == [CalendarEdit(eventID: "BAN-COAL", shiftTo: Synthetic.date("2016-03-01"))])
        let cap = try #require(scenario.measures.first?.cap)
        #expect(cap.valueCap == 1000 && cap.quantityCap?.amount == 10 && cap.stopShare == 0.95)
        #expect(scenario.measures.first?.compliance == 0.7)
    }

    @Test("baseline transform and point: auto and mean by default; log, none and median when asked")
    func baselineTransform() throws {
        #expect(try Synthetic.scenario(Self.valid).baseline.nonNegative == NonNegativeForecasting(request: .automatic, point: .mean))
        let logMedian = try Synthetic.scenario("name: x\nselection: {hs: '2701'}\nbaseline: {transform: log, point: median}\n")
        #expect(logMedian.baseline.nonNegative == NonNegativeForecasting(request: .fixed(.log), point: .median))
        let none = try Synthetic.scenario("name: x\nselection: {hs: '2701'}\nbaseline: {transform: none}\n")
        #expect(none.baseline.nonNegative.request == .fixed(.none))
    }

    /// Each bad file, the location expected (line, column) and a phrase of the message.
    static let bad: [(String, String, Int, Int, String)] = [
        ("syntax", "name: x\nselection: [\n", 3, 1, "YAML syntax error"),
        ("unknown top key", "name: x\ncolour: red\nselection: {hs: '2701'}\n", 2, 1, "unknown key 'colour'"),
        ("unknown event key", "name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    complience: 0.5\n", 5, 5, "unknown key 'complience'"),
        ("compliance above 1", "name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    compliance: 1.5\n", 5, 17, "must lie in [0, 1]"),
        ("unknown event", "name: x\nselection: {hs: '2701'}\nevents:\n  - ref: UNSCR-9999\n", 4, 10, "no event 'UNSCR-9999'"),
        ("unknown HS chapter", "name: x\nselection:\n  hs: ['7777']\n", 3, 8, "unknown HS code '7777'"),
        ("malformed HS", "name: x\nselection: {hs: '2701'}\nevents:\n  - new: ban\n    hs: '27x1'\n    effective: 2016-01-01\n", 5, 9, "unknown HS code '27x1'"),
        ("date outside data", "name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    shift_to: 2030-01-01\n", 5, 15, "outside the data"),
        ("missing selection", "name: x\n", 1, 1, "required key 'selection'"),
        ("stop share 0", "name: x\nselection: {hs: '2701'}\nevents:\n  - new: cap\n    hs: '2701'\n    effective: 2016-01-01\n    cap: {value_usd: 5, stop_share: 0}\n", 7, 37, "must lie in (0, 1]"),
        ("suspension without expiry", "name: x\nselection: {hs: '2701'}\nevents:\n  - new: suspension\n    hs: '2701'\n    effective: 2016-01-01\n", 4, 5, "'expires'"),
        ("unknown transform", "name: x\nselection: {hs: '2701'}\nbaseline:\n  transform: sqrt\n", 4, 14, "expected one of auto, log, none"),
    ]

    @Test("bad files fail with file, line and column", arguments: 0..<12)
    func badFiles(index: Int) {
        let (name, yaml, line, column, phrase) = Self.bad[index]
        do {
            _ = try Synthetic.scenario(yaml)
            Issue.record("\(name): no error")
        } catch let error as ScenarioError {
            #expect(error.description.hasPrefix("test.yaml:\(line):\(column): "), "\(name): \(error.description)")
            #expect(error.description.contains(phrase), "\(name): \(error.description)")
        } catch {
            Issue.record("\(name): unexpected error \(error)")
        }
    }

    @Test("an alias bomb is refused without being expanded")
    func aliasBomb() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 { yaml += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        yaml += "name: bomb\n"
        #expect(throws: ScenarioError.tooManyNodes(file: "test.yaml", limit: ScenarioFile.maximumNodes)) {
            _ = try Synthetic.scenario(yaml)
        }
    }

    @Test("an oversized file is refused before parsing")
    func oversized() throws {
        let yaml = "name: big\n# " + String(repeating: "x", count: ScenarioFile.maximumBytes) + "\n"
        #expect(throws: ScenarioError.fileTooLarge(file: "test.yaml", bytes: yaml.utf8.count, limit: ScenarioFile.maximumBytes)) {
            _ = try Synthetic.scenario(yaml)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("big-\(UUID().uuidString).yaml")
        try Data(yaml.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ScenarioError.fileTooLarge(file: "big.yaml", bytes: yaml.utf8.count, limit: ScenarioFile.maximumBytes)) {
            _ = try ScenarioFile.read(path: url.path, displayName: "big.yaml", context: Synthetic.context)
        }
    }
}
