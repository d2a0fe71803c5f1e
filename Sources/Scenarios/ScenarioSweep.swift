import Foundation
import TradeDomain

/// A sensitivity run: one scenario evaluated over a range of one parameter of one event.
public struct ScenarioSweep: Hashable, Codable, Sendable {
    /// The parameter varied.
    public enum Parameter: Hashable, Codable, Sendable {
        /// The compliance of an event (a calendar id or a new measure's id), 0...1.
        case compliance([Double])
        /// The effective date of an event (calendar events are shifted; new measures moved).
        case date([CalendarDate])
    }

    /// The most values a sweep takes; longer sweeps are refused, never cut short.
    public static let maximumValues = 1_000

    /// The event varied: a calendar event id or the id of a new measure.
    public let eventID: String
    /// The values taken.
    public let parameter: Parameter
    /// Decimals of the compliance labels (those of a range's step), or `nil` for the shortest form.
    public let labelDecimals: Int?

    /// A sweep.
    ///
    /// - Parameters:
    ///   - eventID: A calendar event id or a new measure's id.
    ///   - parameter: The values.
    ///   - labelDecimals: Decimals of compliance labels, or `nil` for the shortest form of each value.
    public init(eventID: String, parameter: Parameter, labelDecimals: Int? = nil) {
        self.eventID = eventID
        self.parameter = parameter
        self.labelDecimals = labelDecimals
    }

    /// Parses `EVENT:compliance=0.5,0.7,0.9`, `EVENT:compliance=0:1:0.25` (from, to, step) or
    /// `EVENT:date=2016-03-01,2016-06-01`.
    ///
    /// A range takes the values `from + i·step` for i = 0, 1, … while they do not pass `to`
    /// (within 1e-9 of a step, so `0:1:0.1` ends at 1 exactly), labelled with the step's decimals;
    /// a range of more than ``maximumValues`` values is refused.
    ///
    /// - Parameter text: The sweep as written on the command line.
    /// - Throws: ``ScenarioError/invalidSweep(_:)`` naming what is wrong.
    public init(parsing text: String) throws(ScenarioError) {
        guard let colon = text.lastIndex(of: ":"), let equals = text.firstIndex(of: "="), colon < equals || text[..<equals].contains(":") else {
            throw .invalidSweep("'\(text)' should look like EVENT:compliance=0.5,0.7 or EVENT:date=2016-03-01,2016-06-01")
        }
        let head = text[..<equals]
        guard let split = head.lastIndex(of: ":") else { throw .invalidSweep("'\(text)' names no event before ':'") }
        let event = String(head[..<split]), name = String(head[head.index(after: split)...])
        let list = String(text[text.index(after: equals)...])
        guard !event.isEmpty else { throw .invalidSweep("'\(text)' names no event before ':'") }
        switch name {
        case "compliance":
            var values: [Double] = []
            var decimals: Int?
            let range = list.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if range.count == 3 {
                for part in range where Double(part) == nil || !Double(part)!.isFinite {
                    throw .invalidSweep("compliance range '\(list)': '\(part)' is not a number (write FROM:TO:STEP)")
                }
                let from = Double(range[0])!, to = Double(range[1])!, step = Double(range[2])!
                guard step > 0 else { throw .invalidSweep("compliance range '\(list)': the step \(range[2]) must be positive") }
                guard to >= from else { throw .invalidSweep("compliance range '\(list)': the end \(range[1]) is before the start \(range[0])") }
                let steps = ((to - from) / step + 1e-9).rounded(.down)
                guard steps < Double(Self.maximumValues) else {
                    throw .invalidSweep("compliance range '\(list)' has \(steps.isFinite ? String(Int(steps) + 1) : "too many") values; the limit is \(Self.maximumValues) (use a larger step)")
                }
                values = (0...Int(steps)).map { i in
                    let value = from + Double(i) * step
                    return abs(value - to) <= step * 1e-9 ? to : value
                }
                decimals = range[2].split(separator: ".").dropFirst().first.map { $0.count } ?? 0
            } else {
                for part in list.split(separator: ",") {
                    guard let value = Double(part.trimmingCharacters(in: .whitespaces)) else { throw .invalidSweep("compliance '\(part)' is not a number") }
                    values.append(value)
                }
            }
            guard !values.isEmpty else { throw .invalidSweep("no compliance values in '\(text)'") }
            if let bad = values.first(where: { !(0...1).contains($0) }) { throw .invalidSweep("compliance \(bad) lies outside 0...1") }
            self.init(eventID: event, parameter: .compliance(values), labelDecimals: decimals)
        case "date":
            var dates: [CalendarDate] = []
            for part in list.split(separator: ",") {
                do { dates.append(try CalendarDate(parsing: String(part).trimmingCharacters(in: .whitespaces))) } catch {
                    throw .invalidSweep("date '\(part)' is not YYYY-MM-DD")
                }
            }
            guard !dates.isEmpty else { throw .invalidSweep("no dates in '\(text)'") }
            self.init(eventID: event, parameter: .date(dates))
        default:
            throw .invalidSweep("parameter '\(name)' is not swept; use compliance or date")
        }
    }

    /// The scenarios of the sweep, labelled by their value.
    ///
    /// - Parameters:
    ///   - scenario: The base scenario.
    ///   - calendar: The sanctions calendar.
    ///   - dataRange: The first and last day of the data: swept dates outside it are refused, as the same
    ///     dates in a scenario file are (``ScenarioFile/Context/dataRange``); `nil` skips the check.
    /// - Returns: One scenario per value.
    /// - Throws: ``ScenarioError/invalidSweep(_:)`` when the event is neither a new measure nor in the calendar,
    ///   or a date lies outside the data.
    public func scenarios(from scenario: Scenario, calendar: [SanctionEvent],
                          dataRange: ClosedRange<CalendarDate>? = nil) throws(ScenarioError) -> [(label: String, scenario: Scenario)] {
        let isNew = scenario.measures.contains { $0.id == eventID }
        guard isNew || calendar.contains(where: { $0.id == eventID }) else {
            throw .invalidSweep("event '\(eventID)' is neither a new event of the scenario nor in the sanctions calendar")
        }
        if case let .date(dates) = parameter, let dataRange, let outside = dates.first(where: { !dataRange.contains($0) }) {
            throw .invalidSweep("date \(outside) lies outside the data (\(dataRange.lowerBound) to \(dataRange.upperBound))")
        }
        func variant(compliance: Double?, date: CalendarDate?) -> Scenario {
            var edits = scenario.edits
            var measures = scenario.measures
            if isNew {
                measures = measures.map { measure in
                    guard measure.id == eventID else { return measure }
                    let shift = date.map { $0.daysSinceEpoch - measure.effective.daysSinceEpoch } ?? 0
                    return measure.with(effective: date, end: .some(measure.end.map { CalendarDate(daysSinceEpoch: $0.daysSinceEpoch + shift) }),
                                        compliance: compliance)
                }
            } else {
                let previous = edits.last { $0.eventID == eventID }
                edits.append(CalendarEdit(eventID: eventID, drop: false, shiftTo: date ?? previous?.shiftTo,
                                          compliance: compliance ?? previous?.compliance, exemptionShare: previous?.exemptionShare,
                                          phaseInMonths: previous?.phaseInMonths, lift: previous?.lift, stopShare: previous?.stopShare))
            }
            return Scenario(name: scenario.name, description: scenario.description, selection: scenario.selection, hsCodes: scenario.hsCodes,
                            baseline: scenario.baseline, includesCalendar: scenario.includesCalendar, edits: edits,
                            measures: measures, seed: scenario.seed)
        }
        switch parameter {
        case let .compliance(values):
            return values.map { value in
                let label = labelDecimals.map { String(format: "%.\($0)f", value) } ?? "\(value)"
                return ("\(eventID) compliance \(label)", variant(compliance: value, date: nil))
            }
        case let .date(dates):
            return dates.map { ("\(eventID) on \($0)", variant(compliance: nil, date: $0)) }
        }
    }
}
