import Foundation
import TradeDomain
import Yams

/// Reads a sanctions calendar in the YAML layout of `Data/sanctions/sanctions_dprk.yaml`:
/// a list of events, each with `id`, `authority`, `adopted`, optional `effective`
/// and `expires`, `partner_scope`, `title`, `measures`, `notes` and `sources`;
/// each measure with `direction` (export: goods leaving the DPRK), `action`
/// (ban, cap, suspension), `category`, `hs_codes` (`'*'` = all goods), optional
/// `effective`, `expires`, `grace_until`, `cap`, `exemptions`, `description`.
///
/// Errors name the file, the line and the key.
public struct SanctionCalendarReader: Sendable {
    public let path: String
    public let displayName: String

    public init(path: String, displayName: String? = nil) {
        self.path = path
        self.displayName = displayName ?? path
    }

    /// Reads and validates the calendar's events.
    ///
    /// - Returns: The events in file order.
    /// - Throws: `TradeIOError.cannotOpen` or `.invalidYAML` (file, line, key, reason).
    public func read() throws(TradeIOError) -> [SanctionEvent] {
        try Self.parse(yaml: try text(), displayName: displayName).events
    }

    /// Reads and validates the calendar with its target country.
    ///
    /// - Returns: The calendar.
    /// - Throws: `TradeIOError.cannotOpen`, or `.invalidYAML` (file, line, key, reason), also when the
    ///   file does not name its `target`.
    public func readCalendar() throws(TradeIOError) -> SanctionCalendar {
        let parsed = try Self.parse(yaml: try text(), displayName: displayName)
        guard let target = parsed.target else {
            throw TradeIOError.invalidYAML(SourceLocation(file: displayName, line: 1, field: "target"),
                                           reason: "a calendar names the country its measures are on: start the file with 'target: ISO3' and put the events under 'events:'")
        }
        return SanctionCalendar(target: target, events: parsed.events, origin: displayName)
    }

    private func text() throws(TradeIOError) -> String {
        do {
            return try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw TradeIOError.cannotOpen(file: displayName, reason: error.localizedDescription)
        }
    }

    /// The deepest nesting of collections allowed, checked on the text before parsing
    /// (``YAMLNesting``): Yams composes recursively, so deeper files would overflow the stack.
    public static let maximumDepth = 64

    /// Parses calendar YAML text: a mapping with `target` (ISO3 of the country the measures are on)
    /// and `events` (a list), or a bare list of events (no target).
    ///
    /// - Throws: `TradeIOError.invalidYAML` naming the line (syntax, nesting deeper than
    ///   ``maximumDepth``, or a bad key or value).
    public static func parse(yaml text: String, displayName: String) throws(TradeIOError) -> (target: CountryCode?, events: [SanctionEvent]) {
        if let line = YAMLNesting.firstLine(exceeding: maximumDepth, in: text) {
            throw TradeIOError.invalidYAML(SourceLocation(file: displayName, line: line),
                                           reason: "collections nest more than \(maximumDepth) levels deep; refused")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw TradeIOError.invalidYAML(SourceLocation(file: displayName, line: Self.line(of: error)), reason: "YAML syntax error: \(Self.problem(of: error))")
        } catch {
            throw TradeIOError.invalidYAML(SourceLocation(file: displayName, line: 1), reason: "YAML syntax error: \(error)")
        }
        let walker = YAMLWalker(file: displayName)
        var target: CountryCode?
        var list = root
        if let root, case let .mapping(mapping) = root {
            guard mapping.keys.contains(where: { $0.string == "target" || $0.string == "events" }) else {
                throw TradeIOError.invalidYAML(SourceLocation(file: displayName, line: 1), reason: "expected 'target:' and a list of 'events:'")
            }
            _ = try walker.mapping(root, allowed: ["target", "events"])
            guard let code = try walker.string(root, "target") else { throw walker.fail(root, "target", "is required") }
            do { target = try CountryCode(code) } catch { throw walker.fail(root, "target", "'\(code)' is not a country code (ISO 3166 alpha-3)") }
            guard let events = root["events"] else { throw walker.fail(root, "events", "is required") }
            list = events
        }
        guard let list, case let .sequence(events) = list else {
            throw TradeIOError.invalidYAML(SourceLocation(file: displayName, line: 1), reason: "expected 'target:' and a list of 'events:'")
        }
        var seen: Set<String> = []
        let parsed = try events.map { (node) throws(TradeIOError) -> SanctionEvent in
            let event = try walker.event(node)
            guard seen.insert(event.id).inserted else {
                throw TradeIOError.invalidYAML(walker.location(node, "id"), reason: "event id '\(event.id)' appears twice")
            }
            return event
        }
        return (target, parsed)
    }

    static func line(of error: YamlError) -> Int {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return mark.line
        default:
            return 1
        }
    }

    static func problem(of error: YamlError) -> String {
        switch error {
        case let .scanner(_, problem, _, _), let .parser(_, problem, _, _), let .composer(_, problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// Walks YAML nodes of a calendar, producing located errors.
struct YAMLWalker {
    let file: String

    func location(_ node: Node, _ key: String? = nil) -> SourceLocation {
        let line = (key.flatMap { node[$0]?.mark } ?? node.mark)?.line ?? 1
        return SourceLocation(file: file, line: line, field: key)
    }

    func fail(_ node: Node, _ key: String?, _ reason: String) -> TradeIOError {
        .invalidYAML(location(node, key), reason: reason)
    }

    func mapping(_ node: Node, allowed: Set<String>) throws(TradeIOError) -> Node.Mapping {
        guard case let .mapping(mapping) = node else { throw fail(node, nil, "expected a mapping") }
        for key in mapping.keys {
            guard let name = key.string, allowed.contains(name) else {
                throw TradeIOError.invalidYAML(
                    SourceLocation(file: file, line: key.mark?.line ?? 1, field: key.string),
                    reason: "unknown key (expected one of \(allowed.sorted().joined(separator: ", ")))")
            }
        }
        return mapping
    }

    func string(_ node: Node, _ key: String, required: Bool = true) throws(TradeIOError) -> String? {
        guard let value = node[key], value.null == nil else {
            if required { throw fail(node, key, "is required") }
            return nil
        }
        guard case let .scalar(scalar) = value else { throw fail(node, key, "expected text") }
        return scalar.string
    }

    func date(_ node: Node, _ key: String) throws(TradeIOError) -> CalendarDate? {
        guard let text = try string(node, key, required: false) else { return nil }
        do {
            return try CalendarDate(parsing: text)
        } catch {
            throw fail(node, key, "'\(text)' is not a date (YYYY-MM-DD)")
        }
    }

    func number(_ node: Node, _ key: String) throws(TradeIOError) -> Double? {
        guard let text = try string(node, key, required: false) else { return nil }
        guard let value = Double(text.replacingOccurrences(of: "_", with: "")), value.isFinite, value >= 0 else {
            throw fail(node, key, "'\(text)' is not a non-negative number")
        }
        return value
    }

    func stringList(_ node: Node, _ key: String) throws(TradeIOError) -> [String] {
        try locatedStringList(node, key).map(\.text)
    }

    /// The items of a list with the line of each.
    func locatedStringList(_ node: Node, _ key: String) throws(TradeIOError) -> [(text: String, line: Int)] {
        guard let value = node[key] else { return [] }
        guard case let .sequence(items) = value else { throw fail(node, key, "expected a list") }
        return try items.map { (item) throws(TradeIOError) -> (text: String, line: Int) in
            guard case let .scalar(scalar) = item else { throw fail(node, key, "expected a list of text items") }
            return (scalar.string, item.mark?.line ?? 1)
        }
    }

    func event(_ node: Node) throws(TradeIOError) -> SanctionEvent {
        _ = try mapping(node, allowed: [
            "id", "authority", "adopted", "effective", "expires", "partner_scope", "title", "measures", "notes", "sources",
        ])
        guard let adopted = try date(node, "adopted") else { throw fail(node, "adopted", "is required") }
        guard case let .sequence(measureNodes)? = node["measures"] else { throw fail(node, "measures", "is required and must be a list") }
        return SanctionEvent(
            id: try string(node, "id")!,
            authority: try string(node, "authority")!,
            adopted: adopted,
            effective: try date(node, "effective"),
            expires: try date(node, "expires"),
            partnerScope: try string(node, "partner_scope", required: false) ?? "",
            title: try string(node, "title")!,
            measures: try measureNodes.map(measure),
            notes: try string(node, "notes", required: false),
            sources: try stringList(node, "sources"))
    }

    func measure(_ node: Node) throws(TradeIOError) -> SanctionMeasure {
        _ = try mapping(node, allowed: [
            "direction", "action", "category", "hs_codes", "hs_source", "hs_source_ref", "hs_note", "national_codes",
            "effective", "expires", "grace_until", "grace_note", "cap", "exemptions", "description",
        ])
        let directionText = try string(node, "direction")!
        guard let direction = SanctionDirection(rawValue: directionText) else {
            throw fail(node, "direction", "'\(directionText)' is not a direction (export or import)")
        }
        let actionText = try string(node, "action")!
        guard let action = SanctionAction(rawValue: actionText) else {
            throw fail(node, "action", "'\(actionText)' is not an action (ban, cap or suspension)")
        }
        var codes: [HSCode] = []
        var allGoods = false
        for (text, line) in try locatedStringList(node, "hs_codes") {
            if text == "*" { allGoods = true; continue }
            // HS chapter 77 is reserved and holds no goods; calendars that list a
            // run of chapters (72-83, "iron, steel and other metals") include it.
            if text == "77" { continue }
            do {
                codes.append(try HSCode(text))
            } catch {
                throw TradeIOError.invalidYAML(SourceLocation(file: file, line: line, field: "hs_codes"), reason: "'\(text)' is not an HS code: \(error)")
            }
        }
        let graceText = try string(node, "grace_until", required: false)
        var grace: CalendarDate?
        if let graceText { grace = try? CalendarDate(parsing: graceText) }
        if graceText != nil && grace == nil { throw fail(node, "grace_until", "'\(graceText!)' is not a date (YYYY-MM-DD)") }
        return SanctionMeasure(
            direction: direction, action: action,
            category: try string(node, "category")!,
            hsCodes: codes, coversAllGoods: allGoods,
            effective: try date(node, "effective"),
            expires: try date(node, "expires"),
            graceUntil: grace,
            cap: try node["cap"].map { (value) throws(TradeIOError) in try cap(value, parent: node) },
            exemptions: try string(node, "exemptions", required: false),
            description: try string(node, "description", required: false) ?? "",
            hsSourceOfficial: (try string(node, "hs_source", required: false)) == "official")
    }

    func cap(_ node: Node, parent: Node) throws(TradeIOError) -> SanctionCap {
        _ = try mapping(node, allowed: ["value_usd", "quantity", "unit", "period", "monitoring", "alt_quantity", "alt_unit"])
        var quantity: Quantity?
        if let amount = try number(node, "quantity") {
            guard let unitText = try string(node, "unit", required: false) else { throw fail(node, "unit", "is required with a quantity") }
            // Drop a parenthetical remark such as "(China's conversion)".
            let bare = unitText.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? unitText
            do {
                quantity = Quantity(amount: amount, unit: try QuantityUnit(parsing: bare))
            } catch {
                throw fail(node, "unit", "'\(unitText)' is not a quantity unit: \(error)")
            }
        }
        return SanctionCap(
            valueUSD: try number(node, "value_usd"), quantity: quantity,
            periodDescription: try string(node, "period", required: false))
    }
}
