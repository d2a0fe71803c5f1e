import TradeDomain

/// Places periods and days on a continuous time axis in decimal years.
///
/// A period is drawn at its midpoint (the year 2015 at 2015.5, March 2017 at
/// 2017 + 2.5/12), because its figure covers the whole period; a day is drawn at
/// the start of that day, so an event in August 2017 falls inside the 2017 bar.
public enum ChartTime {
    /// The midpoint of a period in decimal years.
    ///
    /// - Parameter period: An annual, quarterly or monthly period.
    /// - Returns: `year + (first month - 1 + months / 2) / 12`.
    public static func position(_ period: Period) -> Double {
        let months = period.months
        let count = Double(months.upperBound - months.lowerBound + 1)
        return Double(period.year) + (Double(months.lowerBound - 1) + count / 2) / 12
    }

    /// The start of a day in decimal years.
    ///
    /// - Parameter date: A calendar day.
    /// - Returns: `year + (day of year - 1) / days in year`.
    public static func position(_ date: CalendarDate) -> Double {
        var dayOfYear = date.day
        for month in 1..<date.month { dayOfYear += CalendarDate.daysIn(year: date.year, month: month) }
        let daysInYear = CalendarDate.isLeapYear(date.year) ? 366.0 : 365.0
        return Double(date.year) + Double(dayOfYear - 1) / daysInYear
    }
}
