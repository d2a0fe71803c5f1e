import Foundation
import TradeDomain

/// Fixed-width text helpers shared by the analysis reports (breaks, anomalies, decomposition).
enum AnalysisText {
    /// Four significant digits, or `-` for a missing or non-finite value: `0.01234`, `75.93`, `2.2e-16`.
    static func significant(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "-" }
        if value == 0 { return "0" }
        let magnitude = abs(value)
        return magnitude >= 1e-4 && magnitude < 1e7 ? String(format: "%.4g", value) : String(format: "%.3e", value)
    }

    /// A table with a header row; the first column left-aligned, the others right-aligned.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { i in max(header[i].count, rows.map { $0[i].count }.max() ?? 0) }
        func line(_ cells: [String]) -> String {
            cells.indices.map { i in i == 0 ? NumberStyle.left(cells[i], widths[i]) : NumberStyle.right(cells[i], widths[i]) }
                .joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n") + "\n"
    }

    static func period(_ period: Period?) -> String { period?.description ?? "-" }
}
