import Foundation

/// Escaping and fixed-decimal number text for SVG and HTML output.
///
/// Every string that comes from data (commodity names, source ids, event
/// titles) goes through ``escape(_:)`` before it is written into markup, so a
/// description such as `<script>` shows as text and never runs.
public enum SVGText {
    /// Escapes `&`, `<`, `>`, `"` and `'` for use in element text and attribute values.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text with the five markup characters replaced by entities.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// A coordinate with exactly two decimals, never `-0.00`.
    ///
    /// - Parameter value: A finite coordinate.
    /// - Returns: Text such as `12.50`.
    public static func coordinate(_ value: Double) -> String {
        let text = String(format: "%.2f", value)
        return text == "-0.00" ? "0.00" : text
    }

    /// A compact axis label: `1.5bn`, `250m`, `12k`, `56.1`.
    ///
    /// - Parameter value: A tick value.
    /// - Returns: At most three significant digits with a scale suffix.
    public static func compact(_ value: Double) -> String {
        let magnitude = abs(value)
        let (scaled, suffix): (Double, String)
        switch magnitude {
        case 1e9...: (scaled, suffix) = (value / 1e9, "bn")
        case 1e6...: (scaled, suffix) = (value / 1e6, "m")
        case 1e3...: (scaled, suffix) = (value / 1e3, "k")
        default: (scaled, suffix) = (value, "")
        }
        var text = abs(scaled) >= 100 || scaled == scaled.rounded() ? String(format: "%.0f", scaled) : String(format: "%.1f", scaled)
        if text.hasSuffix(".0") { text.removeLast(2) }
        if text == "-0" { text = "0" }
        return text + suffix
    }
}
