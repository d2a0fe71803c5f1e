/// A JSON document with keys in a fixed order, rendered deterministically.
///
/// Numbers are written at full double precision (Swift's shortest round-trip
/// form); missing values are `null`, never omitted. JSON has no NaN or infinity, so a
/// non-finite number is written as `null`, and a member of an object holding one is
/// followed by `"<key>_na": "<reason>"` (for example "undefined (not a number)"), so a
/// reader learns why the figure is absent; `jq` and Python read every document.
public indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case integer(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.rendered() == rhs.rendered()
    }

    /// A number, or `null` for nil. A non-finite value stays a number here and is rendered as
    /// `null` with its `_na` reason.
    public static func number(_ value: Double?) -> JSONValue {
        guard let value else { return .null }
        return .number(value)
    }

    /// A string, or `null` for nil.
    public static func string(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    /// The JSON text; `indent` spaces per level (0 = one line).
    public func rendered(indent: Int = 2) -> String {
        var output = ""
        write(to: &output, indent: indent, level: 0)
        return output
    }

    private func write(to output: inout String, indent: Int, level: Int) {
        let newline = indent > 0 ? "\n" : ""
        let pad = String(repeating: " ", count: indent * (level + 1))
        let closePad = String(repeating: " ", count: indent * level)
        let separator = indent > 0 ? ": " : ":"
        switch self {
        case .null: output += "null"
        case let .bool(value): output += value ? "true" : "false"
        case let .number(value):
            if !value.isFinite {
                output += "null"
            } else if value == value.rounded(), abs(value) < 1e15 {
                output += String(Int64(value))
            } else {
                output += value.description
            }
        case let .integer(value): output += String(value)
        case let .string(value): output += Self.quoted(value)
        case let .array(items):
            if items.isEmpty { output += "[]"; return }
            output += "[" + newline
            for (index, item) in items.enumerated() {
                output += pad
                item.write(to: &output, indent: indent, level: level + 1)
                output += (index < items.count - 1 ? "," : "") + newline
            }
            output += closePad + "]"
        case let .object(members):
            if members.isEmpty { output += "{}"; return }
            output += "{" + newline
            var expanded: [(String, JSONValue)] = []
            for (key, value) in members {
                expanded.append((key, value))
                if let reason = value.nonFiniteReason { expanded.append((key + "_na", .string(reason))) }
            }
            for (index, (key, value)) in expanded.enumerated() {
                output += pad + Self.quoted(key) + separator
                value.write(to: &output, indent: indent, level: level + 1)
                output += (index < expanded.count - 1 ? "," : "") + newline
            }
            output += closePad + "}"
        }
    }

    /// Why a number is written as `null`: nil unless this is a non-finite number.
    var nonFiniteReason: String? {
        guard case let .number(value) = self, !value.isFinite else { return nil }
        return value.isNaN ? "undefined (not a number)" : (value > 0 ? "infinite" : "minus infinite")
    }

    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "<": result += "\\u003c"   // safe to embed in HTML
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
