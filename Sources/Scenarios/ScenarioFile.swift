import Foundation
import TradeDomain
import TrendAnalysis
import Yams

/// Reads a scenario file (YAML; schema in `docs/scenarios.md`) into a ``Scenario``, checking
/// every key and value and naming the file, line and column of the first problem.
///
/// Inputs are bounded: files above ``maximumBytes`` are refused unread, and the YAML tree is
/// walked with a budget of ``maximumNodes`` visits, so nested aliases (which Yams composes as
/// shared nodes) cannot expand without limit.
public struct ScenarioFile: Sendable {
    /// The largest file read, in bytes.
    public static let maximumBytes = 256 * 1024
    /// The most YAML nodes visited (aliases count at every use). A file of ``maximumBytes`` written without
    /// aliases holds at most about 131,000 nodes (two bytes each at the least, `[1,1,...]`), so only aliases
    /// expanding the tree pass this bound; 2,000 plain events (some 30,000 nodes) are well inside it.
    public static let maximumNodes = 200_000
    /// The deepest nesting of collections allowed, checked on the text before parsing
    /// (``YAMLNesting``): Yams composes recursively, so deeper files would overflow the stack.
    public static let maximumDepth = 64

    /// What the file is checked against.
    public struct Context: Sendable {
        /// The sanctions calendar (event ids for `ref`).
        public let calendar: [SanctionEvent]
        /// The first and last day of the data; dates outside are refused. `nil` skips the check.
        public let dataRange: ClosedRange<CalendarDate>?

        /// A context.
        ///
        /// - Parameters:
        ///   - calendar: The sanctions calendar.
        ///   - dataRange: First and last day of the data, or `nil`.
        public init(calendar: [SanctionEvent], dataRange: ClosedRange<CalendarDate>?) {
            self.calendar = calendar
            self.dataRange = dataRange
        }
    }

    /// Reads and checks a scenario file.
    ///
    /// - Parameters:
    ///   - path: The file path.
    ///   - displayName: The name used in errors (default: `path`).
    ///   - context: The calendar and data range to check against.
    /// - Returns: The scenario.
    /// - Throws: ``ScenarioError`` (`cannotOpen`, `fileTooLarge`, and every case of ``parse(yaml:file:context:)``).
    public static func read(path: String, displayName: String? = nil, context: Context) throws(ScenarioError) -> Scenario {
        let name = displayName ?? path
        let size: Int
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        } catch {
            throw .cannotOpen(file: name, reason: "no such file or not readable")
        }
        guard size <= maximumBytes else { throw .fileTooLarge(file: name, bytes: size, limit: maximumBytes) }
        guard let data = FileManager.default.contents(atPath: path) else { throw .cannotOpen(file: name, reason: "not readable") }
        guard let text = String(data: data, encoding: .utf8) else { throw .cannotOpen(file: name, reason: "not UTF-8 text") }
        return try parse(yaml: text, file: name, context: context)
    }

    /// Parses scenario YAML text.
    ///
    /// - Parameters:
    ///   - text: The YAML.
    ///   - file: The file name for errors.
    ///   - context: The calendar and data range.
    /// - Returns: The scenario.
    /// - Throws: ``ScenarioError/fileTooLarge(file:bytes:limit:)``, ``ScenarioError/nestingTooDeep(_:limit:)``,
    ///   ``ScenarioError/tooManyNodes(file:limit:)``,
    ///   ``ScenarioError/syntax(_:reason:)``, ``ScenarioError/unknownKey(_:key:allowed:)``,
    ///   ``ScenarioError/missingKey(_:key:)``, ``ScenarioError/invalidValue(_:key:value:reason:)``,
    ///   ``ScenarioError/unknownHSCode(_:code:)``, ``ScenarioError/unknownEvent(_:id:)``,
    ///   ``ScenarioError/dateOutsideData(_:key:date:first:last:)``.
    public static func parse(yaml text: String, file: String, context: Context) throws(ScenarioError) -> Scenario {
        guard text.utf8.count <= maximumBytes else { throw .fileTooLarge(file: file, bytes: text.utf8.count, limit: maximumBytes) }
        if let line = YAMLNesting.firstLine(exceeding: maximumDepth, in: text) {
            throw .nestingTooDeep(ScenarioLocation(file: file, line: line, column: 1), limit: maximumDepth)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Self.syntaxError(error, file: file)
        } catch {
            throw .syntax(ScenarioLocation(file: file, line: 1, column: 1), reason: "\(error)")
        }
        guard let root else { throw .missingKey(ScenarioLocation(file: file, line: 1, column: 1), key: "name") }
        var budget = maximumNodes
        guard Self.withinBudget(root, &budget) else { throw .tooManyNodes(file: file, limit: maximumNodes) }
        return try ScenarioWalker(file: file, context: context).scenario(root)
    }

    private static func withinBudget(_ node: Node, _ budget: inout Int) -> Bool {
        budget -= 1
        if budget < 0 { return false }
        switch node {
        case .scalar: return true
        case let .sequence(sequence):
            for child in sequence where !withinBudget(child, &budget) { return false }
            return true
        case let .mapping(mapping):
            for (key, value) in mapping where !withinBudget(key, &budget) || !withinBudget(value, &budget) { return false }
            return true
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> ScenarioError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .syntax(ScenarioLocation(file: file, line: mark.line, column: mark.column), reason: problem)
        default:
            return .syntax(ScenarioLocation(file: file, line: 1, column: 1), reason: "\(error)")
        }
    }
}

/// Interprets the YAML tree of a scenario file with located errors.
struct ScenarioWalker {
    let file: String
    let context: ScenarioFile.Context

    func location(_ node: Node) -> ScenarioLocation {
        ScenarioLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    /// The entries of a mapping, refusing keys outside `allowed`.
    func entries(_ node: Node, allowed: [String], what: String) throws(ScenarioError) -> [String: (key: Node, value: Node)] {
        guard case let .mapping(mapping) = node else {
            throw .invalidValue(location(node), key: what, value: node.scalar?.string ?? "(list)", reason: "expected a mapping of keys")
        }
        var result: [String: (key: Node, value: Node)] = [:]
        for (key, value) in mapping {
            guard let name = key.scalar?.string else {
                throw .invalidValue(location(key), key: what, value: "(non-scalar key)", reason: "keys must be plain words")
            }
            guard allowed.contains(name) else { throw .unknownKey(location(key), key: name, allowed: allowed) }
            guard result[name] == nil else { throw .invalidValue(location(key), key: name, value: name, reason: "the key appears twice") }
            result[name] = (key, value)
        }
        return result
    }

    func string(_ node: Node, key: String) throws(ScenarioError) -> String {
        guard let text = node.scalar?.string, !text.isEmpty else {
            throw .invalidValue(location(node), key: key, value: "", reason: "expected text")
        }
        return text
    }

    func number(_ node: Node, key: String, range: ClosedRange<Double>, openLower: Bool = false) throws(ScenarioError) -> Double {
        let text = try string(node, key: key)
        guard let value = Double(text), value.isFinite else {
            throw .invalidValue(location(node), key: key, value: text, reason: "expected a number")
        }
        guard range.contains(value), !(openLower && value == range.lowerBound) else {
            let lower = openLower ? "(" : "["
            throw .invalidValue(location(node), key: key, value: text,
                                reason: "must lie in \(lower)\(Self.plain(range.lowerBound)), \(Self.plain(range.upperBound))]")
        }
        return value
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    func integer(_ node: Node, key: String, range: ClosedRange<Int>) throws(ScenarioError) -> Int {
        let text = try string(node, key: key)
        guard let value = Int(text), range.contains(value) else {
            throw .invalidValue(location(node), key: key, value: text, reason: "expected a whole number in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    func boolean(_ node: Node, key: String) throws(ScenarioError) -> Bool {
        let text = try string(node, key: key)
        switch text.lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw .invalidValue(location(node), key: key, value: text, reason: "expected true or false")
        }
    }

    func date(_ node: Node, key: String, checkRange: Bool = true) throws(ScenarioError) -> CalendarDate {
        let text = try string(node, key: key)
        let date: CalendarDate
        do { date = try CalendarDate(parsing: text) } catch {
            throw .invalidValue(location(node), key: key, value: text, reason: "expected a date YYYY-MM-DD")
        }
        if checkRange, let range = context.dataRange, !range.contains(date) {
            throw .dateOutsideData(location(node), key: key, date: text, first: range.lowerBound.description, last: range.upperBound.description)
        }
        return date
    }

    func period(_ node: Node, key: String) throws(ScenarioError) -> Period {
        let text = try string(node, key: key)
        let period: Period
        do { period = try Period(parsing: text) } catch {
            throw .invalidValue(location(node), key: key, value: text, reason: "expected a period YYYY, YYYY-MM or YYYY-Qn")
        }
        if let range = context.dataRange, period.lastDay < range.lowerBound || period.firstDay > range.upperBound {
            throw .dateOutsideData(location(node), key: key, date: text, first: range.lowerBound.description, last: range.upperBound.description)
        }
        return period
    }

    func choice<T>(_ node: Node, key: String, _ options: [(String, T)]) throws(ScenarioError) -> T {
        let text = try string(node, key: key)
        guard let match = options.first(where: { $0.0 == text }) else {
            throw .invalidValue(location(node), key: key, value: text, reason: "expected one of \(options.map(\.0).joined(separator: ", "))")
        }
        return match.1
    }

    /// One HS code or a list of them: 2, 4 or 6 digits in a known chapter.
    func hsCodes(_ node: Node, key: String) throws(ScenarioError) -> [HSCode] {
        var nodes: [Node] = []
        switch node {
        case let .sequence(sequence): nodes = Array(sequence)
        default: nodes = [node]
        }
        guard !nodes.isEmpty else { throw .invalidValue(location(node), key: key, value: "[]", reason: "list at least one HS code") }
        var codes: [HSCode] = []
        for item in nodes {
            let text = try string(item, key: key)
            for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let code = try? HSCode(part), HSNomenclature.chapterName(code.chapterNumber) != nil else {
                    throw .unknownHSCode(location(item), code: part)
                }
                codes.append(code)
            }
        }
        return codes
    }

    /// Commodities of the selection: HS codes, a chapter range `61-62`, or `TOTAL`.
    func commodities(_ node: Node, key: String) throws(ScenarioError) -> [CommodityCode] {
        var nodes: [Node] = []
        switch node {
        case let .sequence(sequence): nodes = Array(sequence)
        default: nodes = [node]
        }
        guard !nodes.isEmpty else { throw .invalidValue(location(node), key: key, value: "[]", reason: "list at least one HS code") }
        var result: [CommodityCode] = []
        for item in nodes {
            let text = try string(item, key: key)
            for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
                guard let commodity = try? CommodityCode(parsing: part) else { throw .unknownHSCode(location(item), code: part) }
                switch commodity {
                case let .hs(code): if HSNomenclature.chapterName(code.chapterNumber) == nil { throw .unknownHSCode(location(item), code: part) }
                case let .chapterRange(range):
                    if range.contains(where: { HSNomenclature.chapterName($0) == nil }) { throw .unknownHSCode(location(item), code: part) }
                case .total, .section: break
                }
                result.append(commodity)
            }
        }
        return result
    }

    func scenario(_ root: Node) throws(ScenarioError) -> Scenario {
        let top = try entries(root, allowed: ["name", "description", "selection", "baseline", "calendar", "events", "seed"], what: "scenario")
        guard let name = top["name"] else { throw .missingKey(location(root), key: "name") }
        guard let selectionNode = top["selection"] else { throw .missingKey(location(root), key: "selection") }
        let (selection, codes) = try selection(selectionNode.value)
        let baseline = try top["baseline"].map { entry throws(ScenarioError) in try self.baseline(entry.value, frequency: selection.frequency) } ?? ScenarioBaseline()
        let includesCalendar = try top["calendar"].map { entry throws(ScenarioError) in
            try choice(entry.value, key: "calendar", [("all", true), ("referenced", false)])
        } ?? true
        var seed: UInt64 = 20_261_129
        if let entry = top["seed"] {
            let text = try string(entry.value, key: "seed")
            guard let value = UInt64(text) else { throw .invalidValue(location(entry.value), key: "seed", value: text, reason: "expected a whole number from 0 to 2^64 - 1") }
            seed = value
        }
        var edits: [CalendarEdit] = []
        var measures: [ScenarioMeasure] = []
        if let entry = top["events"] {
            guard case let .sequence(items) = entry.value else {
                throw .invalidValue(location(entry.value), key: "events", value: entry.value.scalar?.string ?? "", reason: "expected a list of events")
            }
            for item in items {
                guard case let .mapping(mapping) = item else {
                    throw .invalidValue(location(item), key: "events", value: item.scalar?.string ?? "", reason: "each event is a mapping with 'ref' or 'new'")
                }
                let keys = mapping.keys.compactMap { $0.scalar?.string }
                if keys.contains("ref") {
                    edits.append(try edit(item))
                } else if keys.contains("new") {
                    let measure = try newMeasure(item, index: measures.count)
                    // Ids are unique: a new event may not take a calendar event's id (that one is changed with 'ref')
                    // or another new event's, so that '--sweep ID' names one event.
                    let idNode = mapping.first { $0.key.scalar?.string == "id" }?.value ?? item
                    if context.calendar.contains(where: { $0.id == measure.id }) {
                        throw .invalidValue(location(idNode), key: "id", value: measure.id,
                                            reason: "the sanctions calendar has an event with this id; change that event with 'ref: \(measure.id)' or choose another id")
                    }
                    if measures.contains(where: { $0.id == measure.id }) {
                        throw .invalidValue(location(idNode), key: "id", value: measure.id, reason: "ids of new events must be unique")
                    }
                    measures.append(measure)
                } else {
                    throw .missingKey(location(item), key: "ref or new")
                }
            }
        }
        return Scenario(name: try string(name.value, key: "name"),
                        description: try top["description"].map { entry throws(ScenarioError) in try string(entry.value, key: "description") },
                        selection: selection, hsCodes: codes, baseline: baseline, includesCalendar: includesCalendar,
                        edits: edits, measures: measures, seed: seed)
    }

    func selection(_ node: Node) throws(ScenarioError) -> (TradeSelection, [CommodityCode]) {
        let map = try entries(node, allowed: ["reporter", "partner", "flow", "hs", "freq"], what: "selection")
        func country(_ key: String, _ fallback: CountryCode) throws(ScenarioError) -> CountryCode {
            guard let entry = map[key] else { return fallback }
            let text = try string(entry.value, key: key)
            do { return try CountryCode(text) } catch {
                throw .invalidValue(location(entry.value), key: key, value: text, reason: "expected an ISO 3166 alpha-3 code")
            }
        }
        let reporter = try country("reporter", .china)
        let partner = try country("partner", .northKorea)
        let flow = try map["flow"].map { entry throws(ScenarioError) in try choice(entry.value, key: "flow", [("import", TradeFlow.import), ("export", TradeFlow.export)]) } ?? .import
        let frequency = try map["freq"].map { entry throws(ScenarioError) in try choice(entry.value, key: "freq", [("annual", Frequency.annual), ("monthly", Frequency.monthly)]) } ?? .annual
        guard let hs = map["hs"] else { throw .missingKey(location(node), key: "hs") }
        let codes = try commodities(hs.value, key: "hs")
        return (TradeSelection(reporter: reporter, partner: partner, flow: flow, commodity: codes[0], frequency: frequency), codes)
    }

    func baseline(_ node: Node, frequency: Frequency) throws(ScenarioError) -> ScenarioBaseline {
        let map = try entries(node, allowed: ["method", "trend", "seasonal", "fit_from", "fit_to", "through", "level", "transform", "point", "allow_short"], what: "baseline")
        let method = try map["method"].map { entry throws(ScenarioError) in
            try choice(entry.value, key: "method", [("auto", ScenarioBaseline.Method.automatic), ("ets", .ets), ("holt-winters", .holtWinters),
                                                  ("regression", .regression), ("structural", .structural), ("log-linear", .logLinear)])
        } ?? .automatic
        let trend = try map["trend"].map { entry throws(ScenarioError) in
            try choice(entry.value, key: "trend", [("none", ExponentialSmoothingComponent.none), ("additive", .additive), ("damped", .additiveDamped)])
        } ?? .additive
        let seasonal = try map["seasonal"].map { entry throws(ScenarioError) in
            try choice(entry.value, key: "seasonal", [("none", ExponentialSmoothingComponent.none), ("additive", .additive), ("multiplicative", .multiplicative)])
        } ?? .none
        if method == .holtWinters, trend == .additiveDamped, let entry = map["trend"] {
            throw .invalidValue(location(entry.value), key: "trend", value: "damped", reason: "Holt-Winters has no damped trend; use method ets")
        }
        if seasonal != .none, frequency == .annual, let entry = map["seasonal"] {
            throw .invalidValue(location(entry.value), key: "seasonal", value: seasonal.rawValue, reason: "annual data have no seasons; use freq monthly")
        }
        func period(_ key: String) throws(ScenarioError) -> Period? {
            guard let entry = map[key] else { return nil }
            let value = try self.period(entry.value, key: key)
            guard value.frequency == frequency else {
                throw .invalidValue(location(entry.value), key: key, value: value.description, reason: "must be a \(frequency.rawValue) period like the selection")
            }
            return value
        }
        let fitFrom = try period("fit_from"), fitThrough = try period("fit_to")
        if let fitFrom, let fitThrough, fitFrom > fitThrough, let entry = map["fit_to"] {
            throw .invalidValue(location(entry.value), key: "fit_to", value: fitThrough.description, reason: "must not come before fit_from \(fitFrom)")
        }
        let level = try map["level"].map { entry throws(ScenarioError) in try number(entry.value, key: "level", range: 0.5...0.999) } ?? 0.95
        let transform = try map["transform"].map { entry throws(ScenarioError) in
            try choice(entry.value, key: "transform", [("auto", NonNegativeForecasting.Request.automatic), ("log", .fixed(.log)), ("none", .fixed(.none))])
        } ?? .automatic
        let point = try map["point"].map { entry throws(ScenarioError) in
            try choice(entry.value, key: "point", [("mean", BackTransformedPoint.mean), ("median", .median)])
        } ?? .mean
        return ScenarioBaseline(method: method, trend: trend, seasonal: seasonal, fitFrom: fitFrom,
                                fitThrough: fitThrough, through: try period("through"), level: level,
                                nonNegative: NonNegativeForecasting(request: transform, point: point),
                                allowShort: try map["allow_short"].map { entry throws(ScenarioError) in try boolean(entry.value, key: "allow_short") } ?? false)
    }

    func edit(_ node: Node) throws(ScenarioError) -> CalendarEdit {
        let map = try entries(node, allowed: ["ref", "drop", "shift_to", "compliance", "exemption_share", "phase_in_months", "lift", "stop_share"], what: "event")
        let ref = map["ref"]!
        let id = try string(ref.value, key: "ref")
        guard context.calendar.contains(where: { $0.id == id }) else { throw .unknownEvent(location(ref.value), id: id) }
        let shift = try map["shift_to"].map { entry throws(ScenarioError) in try date(entry.value, key: "shift_to") }
        let lift = try map["lift"].map { entry throws(ScenarioError) in try date(entry.value, key: "lift", checkRange: false) }
        if let lift, let entry = map["lift"], let event = context.calendar.first(where: { $0.id == id }) {
            // The lift is the first day no longer in force: it must come after the (possibly shifted) effective date.
            let effective = shift ?? event.effectiveDate
            if lift <= effective {
                throw .invalidValue(location(entry.value), key: "lift", value: lift.description, reason: "must come after effective \(effective)")
            }
        }
        return CalendarEdit(
            eventID: id, drop: try map["drop"].map { entry throws(ScenarioError) in try boolean(entry.value, key: "drop") } ?? false,
            shiftTo: shift,
            compliance: try map["compliance"].map { entry throws(ScenarioError) in try number(entry.value, key: "compliance", range: 0...1) },
            exemptionShare: try map["exemption_share"].map { entry throws(ScenarioError) in try number(entry.value, key: "exemption_share", range: 0...1) },
            phaseInMonths: try map["phase_in_months"].map { entry throws(ScenarioError) in try integer(entry.value, key: "phase_in_months", range: 0...120) },
            lift: lift,
            stopShare: try map["stop_share"].map { entry throws(ScenarioError) in try number(entry.value, key: "stop_share", range: 0...1, openLower: true) })
    }

    func newMeasure(_ node: Node, index: Int) throws(ScenarioError) -> ScenarioMeasure {
        let map = try entries(node, allowed: ["new", "id", "hs", "effective", "lift", "expires", "compliance", "exemption_share",
                                              "phase_in_months", "cap"], what: "event")
        let action = try choice(map["new"]!.value, key: "new", [("ban", ScenarioMeasure.Action.ban), ("cap", .cap), ("suspension", .suspension)])
        let id = try map["id"].map { entry throws(ScenarioError) in try string(entry.value, key: "id") } ?? "new-\(index + 1)"
        guard let hs = map["hs"] else { throw .missingKey(location(node), key: "hs") }
        let codes = try hsCodes(hs.value, key: "hs")
        guard let effectiveEntry = map["effective"] else { throw .missingKey(location(node), key: "effective") }
        let effective = try date(effectiveEntry.value, key: "effective")
        var end: CalendarDate?
        if let entry = map["lift"] {
            end = try date(entry.value, key: "lift", checkRange: false)
        }
        if let entry = map["expires"] {
            guard action == .suspension else {
                throw .invalidValue(location(entry.key), key: "expires", value: entry.value.scalar?.string ?? "", reason: "only a suspension expires; use lift for a ban or cap")
            }
            let expires = try date(entry.value, key: "expires", checkRange: false)
            end = min(end ?? expires.nextDay, expires.nextDay)
        }
        if action == .suspension, end == nil { throw .missingKey(location(node), key: "expires") }
        if let end, end <= effective, let entry = map["lift"] ?? map["expires"] {
            throw .invalidValue(location(entry.value), key: entry.key.scalar?.string ?? "lift", value: entry.value.scalar?.string ?? "", reason: "must come after effective \(effective)")
        }
        var cap: CapRule?
        if action == .cap {
            guard let entry = map["cap"] else { throw .missingKey(location(node), key: "cap") }
            cap = try capRule(entry.value)
        } else if let entry = map["cap"] {
            throw .invalidValue(location(entry.key), key: "cap", value: "", reason: "only a measure 'new: cap' has a cap")
        }
        return ScenarioMeasure(
            id: id, eventID: nil, action: action, hsCodes: codes, effective: effective, end: end,
            compliance: try map["compliance"].map { entry throws(ScenarioError) in try number(entry.value, key: "compliance", range: 0...1) } ?? 1,
            exemptionShare: try map["exemption_share"].map { entry throws(ScenarioError) in try number(entry.value, key: "exemption_share", range: 0...1) } ?? 0,
            phaseInMonths: try map["phase_in_months"].map { entry throws(ScenarioError) in try integer(entry.value, key: "phase_in_months", range: 0...120) } ?? 0,
            cap: cap)
    }

    func capRule(_ node: Node) throws(ScenarioError) -> CapRule {
        let map = try entries(node, allowed: ["value_usd", "quantity", "unit", "stop_share"], what: "cap")
        let value = try map["value_usd"].map { entry throws(ScenarioError) in try number(entry.value, key: "value_usd", range: 0...1e15, openLower: true) }
        var quantity: Quantity?
        if let entry = map["quantity"] {
            let amount = try number(entry.value, key: "quantity", range: 0...1e15, openLower: true)
            let unitText = try map["unit"].map { unit throws(ScenarioError) in try string(unit.value, key: "unit") } ?? "t"
            guard let unit = try? QuantityUnit(parsing: unitText) else {
                throw .invalidValue(location(map["unit"]?.value ?? entry.value), key: "unit", value: unitText, reason: "expected a quantity unit such as t or kg")
            }
            quantity = Quantity(amount: amount, unit: unit)
        }
        guard value != nil || quantity != nil else { throw .missingKey(location(node), key: "value_usd or quantity") }
        let stop = try map["stop_share"].map { entry throws(ScenarioError) in try number(entry.value, key: "stop_share", range: 0...1, openLower: true) } ?? 1
        do { return try CapRule(valueCap: value, quantityCap: quantity, stopShare: stop) } catch {
            throw .invalidValue(location(node), key: "cap", value: "", reason: error.description)
        }
    }
}
