/// A day of the Gregorian calendar, without time or time zone.
///
/// Sanction events are dated by day (`2017-08-15`); trade is observed by month,
/// quarter or year. ``Period/containing(_:frequency:)`` maps a day to its period.
///
/// `Codable` as `"YYYY-MM-DD"`.
public struct CalendarDate: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The year, 1000...9999.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...28/29/30/31.
    public let day: Int

    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// A checked date.
    ///
    /// - Parameters:
    ///   - year: The year, 1000...9999.
    ///   - month: The month, 1...12.
    ///   - day: The day, which must exist in that month (29 February only in leap years).
    /// - Throws: ``TradeDomainError/invalidDate(_:)`` naming the date as given.
    public init(year: Int, month: Int, day: Int) throws(TradeDomainError) {
        guard Period.validYears.contains(year), (1...12).contains(month),
              day >= 1, day <= Self.daysIn(year: year, month: month)
        else { throw .invalidDate("\(year)-\(month)-\(day)") }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` (exactly four, two and two digits).
    ///
    /// - Parameter text: The date; surrounding white space is ignored.
    /// - Throws: ``TradeDomainError/invalidDate(_:)`` when the form is wrong or the day does not exist.
    public init(parsing text: String) throws(TradeDomainError) {
        let bytes = Array(text.trimmingASCIIWhitespace().utf8)
        let dash = UInt8(ascii: "-")
        guard bytes.count == 10, bytes[4] == dash, bytes[7] == dash else { throw .invalidDate(text) }
        func number(_ range: Range<Int>) -> Int? {
            let slice = bytes[range]
            guard slice.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return slice.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
            throw .invalidDate(text)
        }
        do {
            try self.init(year: year, month: month, day: day)
        } catch {
            throw .invalidDate(text)
        }
    }

    /// Whether the year is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month of a year (28-31).
    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The date as `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(year)-\(pad(month))-\(pad(day))"
    }

    /// Chronological order.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension CalendarDate: WrittenForm {
    public init(writtenForm text: String) throws(TradeDomainError) {
        try self.init(parsing: text)
    }
}
