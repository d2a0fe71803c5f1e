import Foundation
import TradeDomain
import TradeIO

extension Workspace {
    /// The trade records to analyse: a tidy CSV given with `--series`, else the bundled records.
    ///
    /// - Parameter path: The `--series` file, or `nil`.
    /// - Returns: The records.
    /// - Throws: `TradeIOError` for a file that cannot be read or a bad row (file, line, field).
    func records(series path: String?) throws -> [TradeRecord] {
        guard let path else { return data.records }
        return try TidyReader(path: path, displayName: path).readAll()
    }

    /// The first and last day of the periods of some records.
    static func dateRange(_ records: [TradeRecord]) -> ClosedRange<CalendarDate>? {
        guard let first = records.map(\.period.firstDay).min(), let last = records.map(\.period.lastDay).max() else { return nil }
        return first...last
    }
}
