import Foundation

/// Fixed number formatting for reports: deterministic, locale-independent.
public enum NumberStyle {
    /// An integer-rounded figure with thousands separators: `19,600,000`.
    public static func grouped(_ value: Double) -> String {
        let rounded = value.rounded()
        let sign = rounded < 0 ? "-" : ""
        let digits = String(format: "%.0f", abs(rounded))
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return sign + groups.joined(separator: ",")
    }

    /// A figure with a fixed number of decimals: `56.12`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

    /// A signed percentage of a share: `+27.0%`, `-2.8%`.
    public static func percent(_ share: Double, decimals: Int = 1) -> String {
        let text = String(format: "%+.\(decimals)f%%", share * 100)
        return text == "-0.0%" ? "+0.0%" : text
    }

    /// An unsigned percentage: `97.3%`.
    public static func share(_ share: Double, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f%%", share * 100)
    }

    /// USD in millions with one decimal: `1,100.0m`.
    public static func millions(_ value: Double) -> String {
        let text = String(format: "%.1f", abs(value) / 1e6)
        let parts = text.split(separator: ".")
        let sign = value < 0 && text != "0.0" ? "-" : ""
        return sign + grouped(Double(parts[0]) ?? 0) + "." + parts[1] + "m"
    }

    /// Text padded on the left to `width` characters.
    public static func right(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : String(repeating: " ", count: width - text.count) + text
    }

    /// Text padded on the right to `width` characters.
    public static func left(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}

extension NumberStyle {
    /// A value for hover text: grouped digits for large figures, two decimals below 1,000.
    public static func hoverValue(_ value: Double) -> String {
        abs(value) >= 1000 ? grouped(value) : fixed(value, decimals: 2)
    }
}
