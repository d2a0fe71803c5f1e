import Foundation
import TradeDomain

/// Reads a generic series file: a CSV with columns `period,value` (CLI.md `--series FILE`).
///
/// Periods are `YYYY`, `YYYY-MM` or `YYYY-Qn`, all of one frequency, each at most once; an empty
/// value is a missing observation, and periods absent between the first and the last are missing too.
/// Other columns are ignored. Every error names the file, the line and the field.
public struct SeriesFileReader: Sendable {
    /// The file to read (`/dev/stdin` for standard input).
    public let path: String
    /// How the file is named in messages.
    public let displayName: String

    /// A reader.
    ///
    /// - Parameters:
    ///   - path: The file; `-` reads standard input.
    ///   - displayName: The name used in messages; defaults to the path, or "standard input" for `-`.
    public init(path: String, displayName: String? = nil) {
        self.path = path == "-" ? "/dev/stdin" : path
        self.displayName = displayName ?? (path == "-" ? "standard input" : path)
    }

    /// Reads the series.
    ///
    /// - Returns: The series from the first to the last period, missing values `nil`.
    /// - Throws: ``TradeIOError/cannotOpen(file:reason:)``, ``TradeIOError/missingColumn(file:column:)``
    ///   without a `period` or `value` header, ``TradeIOError/fieldCount(_:expected:found:)``, and
    ///   ``TradeIOError/invalidValue(_:value:reason:)`` for a bad period, a non-numeric value, a frequency
    ///   that differs from the first row's, a repeated period, or a file without data rows.
    public func read() throws(TradeIOError) -> TimeSeries<Double> {
        var periodColumn = -1, valueColumn = -1, width = 0
        var rows: [(line: Int, period: Period, value: Double?)] = []
        var seen: [Period: Int] = [:]
        try CSVReader(path: path, displayName: displayName).readRecords { (line, fields) throws(TradeIOError) -> Bool in
            if width == 0 {
                let header = fields.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                guard let p = header.firstIndex(of: "period") else { throw TradeIOError.missingColumn(file: displayName, column: "period") }
                guard let v = header.firstIndex(of: "value") else { throw TradeIOError.missingColumn(file: displayName, column: "value") }
                (periodColumn, valueColumn, width) = (p, v, fields.count)
                return true
            }
            if fields.count == 1 && fields[0].isEmpty { return true }   // a blank line
            guard fields.count == width else {
                throw TradeIOError.fieldCount(SourceLocation(file: displayName, line: line), expected: width, found: fields.count)
            }
            let periodText = fields[periodColumn].trimmingCharacters(in: .whitespaces)
            let period: Period
            do { period = try Period(parsing: periodText) } catch {
                throw TradeIOError.invalidValue(SourceLocation(file: displayName, line: line, field: "period"), value: periodText, reason: "\(error)")
            }
            let valueText = fields[valueColumn].trimmingCharacters(in: .whitespaces)
            var value: Double?
            if !valueText.isEmpty {
                guard let number = FieldBytes.decimal(valueText), number.isFinite else {
                    throw TradeIOError.invalidValue(SourceLocation(file: displayName, line: line, field: "value"), value: valueText,
                                                    reason: "a value must be a finite number, or empty for a missing one")
                }
                value = number
            }
            if let first = rows.first, first.period.frequency != period.frequency {
                throw TradeIOError.invalidValue(SourceLocation(file: displayName, line: line, field: "period"), value: periodText,
                                                reason: "\(period.frequency.rawValue) period in a \(first.period.frequency.rawValue) series (line \(first.line))")
            }
            if let earlier = seen[period] {
                throw TradeIOError.invalidValue(SourceLocation(file: displayName, line: line, field: "period"), value: periodText,
                                                reason: "period \(period) already given on line \(earlier)")
            }
            seen[period] = line
            rows.append((line, period, value))
            return true
        }
        guard let start = rows.map(\.period).min(), let end = rows.map(\.period).max() else {
            throw TradeIOError.invalidValue(SourceLocation(file: displayName, line: 1), value: "", reason: "the file has no data rows under its period,value header")
        }
        var values = [Double?](repeating: nil, count: start.distance(to: end) + 1)
        for row in rows { values[start.distance(to: row.period)] = row.value }
        return TimeSeries(start: start, values: values)
    }
}
