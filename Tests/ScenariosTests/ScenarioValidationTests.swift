import Foundation
import Testing
@testable import Scenarios
import TradeDomain

/// Issue 23 items 13 and 24: ids unique against the calendar, sweep values checked like file values, and the
/// scenario checks that let contradictions through or refused plain files with a wrong reason.
@Suite("Scenario validation: unique ids, sweeps like files, ordered dates")
struct ScenarioValidationTests {
    func expectError(_ yaml: String, at line: Int, _ column: Int, _ phrase: String, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            _ = try Synthetic.scenario(yaml)
            Issue.record("no error for:\n\(yaml)", sourceLocation: sourceLocation)
        } catch {
            let message = "\(error)"
            #expect(message.hasPrefix("test.yaml:\(line):\(column): "), "\(message)", sourceLocation: sourceLocation)
            #expect(message.contains(phrase), "\(message)", sourceLocation: sourceLocation)
        }
    }

    @Test("a new event may not take a calendar event's id or another new event's; the id's line and column are named")
    func uniqueIDs() throws {
        expectError("name: x\nselection: {hs: '2701'}\nevents:\n  - new: ban\n    id: BAN-COAL\n    hs: '2701'\n    effective: 2016-01-01\n",
                    at: 5, 9, "id 'BAN-COAL' is invalid: the sanctions calendar has an event with this id; change that event with 'ref: BAN-COAL'")
        expectError("name: x\nselection: {hs: '2701'}\nevents:\n  - new: ban\n    id: mine\n    hs: '2701'\n    effective: 2016-01-01\n"
                    + "  - new: ban\n    id: mine\n    hs: '2701'\n    effective: 2016-06-01\n",
                    at: 9, 9, "ids of new events must be unique")
        // Changing the calendar event through its edit syntax stays allowed.
        let edited = try Synthetic.scenario("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    compliance: 0.5\n")
        #expect(edited.edits.map(\.eventID) == ["BAN-COAL"] && edited.measures.isEmpty)
    }

    @Test("fit_from after fit_to and a lift before the effective date are refused")
    func orderedDates() {
        expectError("name: x\nselection: {hs: '2701'}\nbaseline:\n  fit_from: 2015\n  fit_to: 2012\n", at: 5, 11, "must not come before fit_from 2015")
        // BAN-COAL is effective on its adoption, 2017-08-05.
        expectError("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    lift: 2017-01-01\n", at: 5, 11, "must come after effective 2017-08-05")
        expectError("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    shift_to: 2016-03-01\n    lift: 2016-02-01\n",
                    at: 6, 11, "must come after effective 2016-03-01")
    }

    @Test("2,000 plain events are read, not refused as nested aliases")
    func manyPlainEvents() throws {
        var yaml = "name: many\nselection: {hs: '2701'}\nevents:\n"
        for index in 0..<2_000 { yaml += "  - {new: ban, id: e\(index), hs: '2701', effective: 2016-01-01, compliance: 0.5}\n" }
        #expect(yaml.utf8.count <= ScenarioFile.maximumBytes)
        #expect(try Synthetic.scenario(yaml).measures.count == 2_000)
    }

    @Test("a swept date outside the data is refused, as the same date in the file is")
    func sweepDates() throws {
        let scenario = try Synthetic.scenario("name: x\nselection: {hs: '2701'}\nevents:\n  - new: ban\n    id: mine\n    hs: '2701'\n    effective: 2016-01-01\n")
        let range = Synthetic.context.dataRange
        for event in ["mine", "BAN-COAL"] {
            let sweep = try ScenarioSweep(parsing: "\(event):date=2016-06-01,2030-01-01")
            #expect(throws: ScenarioError.invalidSweep("date 2030-01-01 lies outside the data (2007-01-01 to 2017-12-31)")) {
                _ = try sweep.scenarios(from: scenario, calendar: Synthetic.calendar, dataRange: range)
            }
            #expect(try ScenarioSweep(parsing: "\(event):date=2016-06-01,2017-12-31").scenarios(from: scenario, calendar: Synthetic.calendar, dataRange: range).count == 2)
        }
        // The file refuses the same date.
        expectError("name: x\nselection: {hs: '2701'}\nevents:\n  - ref: BAN-COAL\n    shift_to: 2030-01-01\n", at: 5, 15, "lies outside the data")
    }
}
