/// A calendar year, quarter or month: the time index of a trade series.
///
/// A period is written `2015` (annual), `2015-Q1` (quarterly) or `2015-03`
/// (monthly), following ISO 8601 for years and months. Parsing also accepts the
/// UN Comtrade form `201503`, `2015Q1` and a one-digit month `2015-3`; Comtrade's
/// `refMonth = 52` for annual data is never carried. Years run from 1000 to 9999.
///
/// Periods of one frequency form a regular sequence: ``advanced(by:)`` and
/// ``distance(to:)`` count periods across year boundaries. Periods are ordered
/// by their first month; periods that start in the same month are ordered from
/// the coarsest frequency to the finest (`2015` < `2015-Q1` < `2015-01`).
///
/// `Codable` as its string form, for example `"2015-03"`.
public struct Period: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    /// The calendar year, 1000...9999.
    public let year: Int
    /// Annual, quarterly or monthly.
    public let frequency: Frequency
    /// The month 1-12, the quarter 1-4, or 1 for an annual period.
    public let subperiod: Int

    private init(uncheckedYear year: Int, frequency: Frequency, subperiod: Int) {
        self.year = year
        self.frequency = frequency
        self.subperiod = subperiod
    }

    /// The valid years of a period.
    public static let validYears: ClosedRange<Int> = 1000...9999

    /// An annual period.
    ///
    /// - Parameter year: The calendar year. The caller is responsible for keeping it
    ///   in 1000...9999; use ``init(parsing:)`` for untrusted input.
    public init(year: Int) {
        precondition(Self.validYears.contains(year), "year \(year) outside 1000...9999")
        self.init(uncheckedYear: year, frequency: .annual, subperiod: 1)
    }

    /// A monthly period.
    ///
    /// - Parameters:
    ///   - year: The calendar year, 1000...9999.
    ///   - month: The month, 1...12.
    /// - Throws: ``TradeDomainError/invalidYear(_:)`` or ``TradeDomainError/invalidMonth(year:month:)``.
    public init(year: Int, month: Int) throws(TradeDomainError) {
        guard Self.validYears.contains(year) else { throw .invalidYear(year) }
        guard (1...12).contains(month) else { throw .invalidMonth(year: year, month: month) }
        self.init(uncheckedYear: year, frequency: .monthly, subperiod: month)
    }

    /// A quarterly period.
    ///
    /// - Parameters:
    ///   - year: The calendar year, 1000...9999.
    ///   - quarter: The quarter, 1...4.
    /// - Throws: ``TradeDomainError/invalidYear(_:)`` or ``TradeDomainError/invalidQuarter(year:quarter:)``.
    public init(year: Int, quarter: Int) throws(TradeDomainError) {
        guard Self.validYears.contains(year) else { throw .invalidYear(year) }
        guard (1...4).contains(quarter) else { throw .invalidQuarter(year: year, quarter: quarter) }
        self.init(uncheckedYear: year, frequency: .quarterly, subperiod: quarter)
    }

    /// Parses a period.
    ///
    /// Accepted forms (surrounding white space is ignored, `q` may be lower case):
    /// `2015`; `2015-03`, `2015-3`, `201503`; `2015-Q1`, `2015Q1`.
    ///
    /// - Parameter text: The period as written.
    /// - Throws: ``TradeDomainError/invalidPeriod(_:)`` when the text has none of the
    ///   accepted forms, or when its year, month or quarter is out of range.
    public init(parsing text: String) throws(TradeDomainError) {
        let trimmed = text.trimmingASCIIWhitespace()
        let characters = Array(trimmed.utf8)
        func number(_ bytes: ArraySlice<UInt8>) -> Int? {
            guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            return bytes.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        guard characters.count >= 4, let year = number(characters[0..<4]), Self.validYears.contains(year) else {
            throw .invalidPeriod(text)
        }
        let rest = characters[4...]
        if rest.isEmpty {
            self.init(uncheckedYear: year, frequency: .annual, subperiod: 1)
            return
        }
        var tail = rest
        let hadDash = tail.first == UInt8(ascii: "-")
        if hadDash { tail = tail.dropFirst() }
        if let first = tail.first, first == UInt8(ascii: "Q") || first == UInt8(ascii: "q") {
            guard tail.count == 2, let quarter = number(tail.dropFirst()), (1...4).contains(quarter) else {
                throw .invalidPeriod(text)
            }
            self.init(uncheckedYear: year, frequency: .quarterly, subperiod: quarter)
            return
        }
        // Months: "-MM" or "-M" after a dash; exactly "MM" without one (YYYYMM).
        let validLength = hadDash ? (1...2).contains(tail.count) : tail.count == 2
        guard validLength, let month = number(tail), (1...12).contains(month) else {
            throw .invalidPeriod(text)
        }
        self.init(uncheckedYear: year, frequency: .monthly, subperiod: month)
    }

    /// The period in its canonical form: `2015`, `2015-Q1` or `2015-03`.
    public var description: String {
        switch frequency {
        case .annual: return String(year)
        case .quarterly: return "\(year)-Q\(subperiod)"
        case .monthly: return subperiod < 10 ? "\(year)-0\(subperiod)" : "\(year)-\(subperiod)"
        }
    }

    /// The month 1-12 of a monthly period; `nil` otherwise.
    public var month: Int? { frequency == .monthly ? subperiod : nil }

    /// The quarter 1-4 of a quarterly period; `nil` otherwise. A month's quarter is
    /// `containingQuarter`.
    public var quarter: Int? { frequency == .quarterly ? subperiod : nil }

    /// The annual period of the same year.
    public var annual: Period { Period(uncheckedYear: year, frequency: .annual, subperiod: 1) }

    /// The quarter that contains this month or quarter; `nil` for an annual period.
    public var containingQuarter: Period? {
        switch frequency {
        case .annual: return nil
        case .quarterly: return self
        case .monthly: return Period(uncheckedYear: year, frequency: .quarterly, subperiod: (subperiod - 1) / 3 + 1)
        }
    }

    /// The calendar months 1...12 that the period spans: one month, three months or twelve.
    public var months: ClosedRange<Int> {
        let first = (subperiod - 1) * frequency.monthsPerPeriod + 1
        return first...(first + frequency.monthsPerPeriod - 1)
    }

    /// The first day of the period.
    public var firstDay: CalendarDate { CalendarDate(uncheckedYear: year, month: months.lowerBound, day: 1) }

    /// The last day of the period.
    public var lastDay: CalendarDate {
        let month = months.upperBound
        return CalendarDate(uncheckedYear: year, month: month, day: CalendarDate.daysIn(year: year, month: month))
    }

    /// Zero-based count of periods since year 0 at this frequency.
    private var ordinal: Int { year * frequency.periodsPerYear + (subperiod - 1) }

    /// The period `n` steps later (earlier for negative `n`) at the same frequency.
    ///
    /// `2015-12`.advanced(by: 1) is `2016-01`; `2015-Q1`.advanced(by: -1) is `2014-Q4`.
    ///
    /// - Parameter n: The number of periods to move.
    /// - Returns: The period at that offset. The result's year must stay in 1000...9999
    ///   (a precondition).
    public func advanced(by n: Int) -> Period {
        let perYear = frequency.periodsPerYear
        let target = ordinal + n
        let newYear = target >= 0 ? target / perYear : -((-target - 1) / perYear) - 1
        let newSub = target - newYear * perYear + 1
        precondition(Self.validYears.contains(newYear), "period \(self) advanced by \(n) leaves years 1000...9999")
        return Period(uncheckedYear: newYear, frequency: frequency, subperiod: newSub)
    }

    /// The period `n` steps away, or `nil` when it would leave the years 1000...9999.
    ///
    /// The checked form of ``advanced(by:)`` for offsets that come from input (a forecast
    /// horizon, a series ending late in year 9999).
    ///
    /// - Parameter n: The number of periods to move.
    /// - Returns: The period, or `nil`.
    public func advancedWithinCalendar(by n: Int) -> Period? {
        let perYear = frequency.periodsPerYear
        let (target, overflow) = ordinal.addingReportingOverflow(n)
        guard !overflow, target >= Self.validYears.lowerBound * perYear, target < (Self.validYears.upperBound + 1) * perYear else { return nil }
        return advanced(by: n)
    }

    /// How many periods of this frequency follow this one before the end of year 9999 (0 for the last).
    public var periodsRemainingInCalendar: Int {
        (Self.validYears.upperBound + 1) * frequency.periodsPerYear - 1 - ordinal
    }

    /// The number of periods from this period to `other` (positive when `other` is later).
    ///
    /// - Parameter other: A period of the same frequency (a precondition).
    /// - Returns: `other.advanced(by:)` inverse: `self.advanced(by: d) == other`.
    public func distance(to other: Period) -> Int {
        precondition(frequency == other.frequency, "distance between \(frequency) and \(other.frequency) periods")
        return other.ordinal - ordinal
    }

    /// Every period from `from` through `to`, inclusive, in order.
    ///
    /// - Parameters:
    ///   - from: The first period.
    ///   - to: The last period, of the same frequency (a precondition).
    /// - Returns: The periods; empty when `to` is before `from`.
    /// - Complexity: O(n) in the number of periods returned.
    public static func range(_ from: Period, through to: Period) -> [Period] {
        let count = from.distance(to: to) + 1
        guard count > 0 else { return [] }
        return (0..<count).map { from.advanced(by: $0) }
    }

    /// Whether the day falls within the period.
    ///
    /// - Parameter day: A calendar date.
    /// - Returns: `true` when the day's year and month lie inside the period.
    public func contains(_ day: CalendarDate) -> Bool {
        day.year == year && months.contains(day.month)
    }

    /// The period of the given frequency that contains the day.
    ///
    /// - Parameters:
    ///   - day: A calendar date.
    ///   - frequency: The frequency of the period wanted.
    /// - Returns: The year, quarter or month of the day.
    public static func containing(_ day: CalendarDate, frequency: Frequency) -> Period {
        let sub = (day.month - 1) / frequency.monthsPerPeriod + 1
        return Period(uncheckedYear: day.year, frequency: frequency, subperiod: sub)
    }

    /// Orders by first month, then from the coarsest frequency to the finest.
    public static func < (lhs: Period, rhs: Period) -> Bool {
        let left = (lhs.year, lhs.months.lowerBound, lhs.frequency.periodsPerYear)
        let right = (rhs.year, rhs.months.lowerBound, rhs.frequency.periodsPerYear)
        return left < right
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces, tabs and line breaks.
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }
}

extension Period: WrittenForm {
    public init(writtenForm text: String) throws(TradeDomainError) {
        try self.init(parsing: text)
    }
}
