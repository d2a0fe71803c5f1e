/// Errors of the trade domain: values that do not parse or do not make sense.
///
/// Every case carries the values involved, and ``description`` is a full sentence
/// that states the constraint that was broken, so that a command-line user sees
/// what to fix.
public enum TradeDomainError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The text is not a period in any accepted form.
    case invalidPeriod(String)
    /// A month outside 1...12 (the year and the month given).
    case invalidMonth(year: Int, month: Int)
    /// A quarter outside 1...4 (the year and the quarter given).
    case invalidQuarter(year: Int, quarter: Int)
    /// A year outside 1000...9999.
    case invalidYear(Int)
    /// The text is not a calendar date `YYYY-MM-DD`, or the day does not exist.
    case invalidDate(String)
    /// The text is not an HS code (2, 4 or 6 digits of an existing chapter).
    case invalidHSCode(String)
    /// The text or number is not an HS section (I-XXI, 1-21).
    case invalidSection(String)
    /// The text is not a commodity code (TOTAL, an HS code or a chapter range).
    case invalidCommodityCode(String)
    /// The text or code is not a known quantity unit.
    case invalidQuantityUnit(String)
    /// The text is not a trade flow.
    case invalidFlow(String)
    /// The text is not a country or area code.
    case invalidCountryCode(String)
    /// The text is not a CIF/FOB convention (none, imf, ots, rule-of-thumb, or a factor from 1 to 2).
    case invalidCIFFOBConvention(String)
    /// Two periods of different frequencies were combined in one series.
    case mixedFrequencies(Frequency, Frequency)
    /// The same period occurs twice in the observations of a series.
    case duplicatePeriod(Period)
    /// A series was built from no observations.
    case emptySeries
    /// An amount in one unit cannot be converted to the other unit.
    case incompatibleUnits(QuantityUnit, QuantityUnit)
    /// A unit price was asked for a quantity of zero.
    case zeroQuantity(QuantityUnit)
    /// A unit price was asked for a negative quantity.
    case negativeQuantity(Double, QuantityUnit)
    /// A quantity is NaN or infinite.
    case nonFiniteQuantity(QuantityUnit)
    /// A unit price was asked for a quantity that carries no unit ("no quantity").
    case unmeasuredQuantity
    /// A monetary value is negative.
    case negativeValue(Double, Currency)
    /// A monetary value is NaN or infinite.
    case nonFiniteValue(Currency)
    /// An aggregate unit price was asked for an empty list of records.
    case emptyAggregate

    public var description: String {
        switch self {
        case let .invalidPeriod(text):
            return "'\(text)' is not a period: expected YYYY, YYYY-MM, YYYYMM or YYYY-Qn with a year in 1000...9999."
        case let .invalidMonth(year, month):
            return "Month \(month) of \(year) does not exist: a month must be in 1...12."
        case let .invalidQuarter(year, quarter):
            return "Quarter \(quarter) of \(year) does not exist: a quarter must be in 1...4."
        case let .invalidYear(year):
            return "Year \(year) is out of range: a year must be in 1000...9999."
        case let .invalidDate(text):
            return "'\(text)' is not a calendar date: expected an existing day written YYYY-MM-DD."
        case let .invalidHSCode(text):
            return "'\(text)' is not an HS code: expected 2, 4 or 6 digits whose first two name an HS chapter 01-97 other than the reserved 77."
        case let .invalidSection(text):
            return "'\(text)' is not an HS section: expected a Roman numeral I-XXI or a number 1-21."
        case let .invalidCommodityCode(text):
            return "'\(text)' is not a commodity code: expected TOTAL, an HS code of 2, 4 or 6 digits, or a chapter range such as 61-62."
        case let .invalidQuantityUnit(text):
            return "'\(text)' is not a known quantity unit: expected a UN Comtrade unit code or abbreviation such as kg, t, l, u or m3."
        case let .invalidFlow(text):
            return "'\(text)' is not a trade flow: expected import (M, 1), export (X, 2), re-export (RX, 3) or re-import (RM, 4)."
        case let .invalidCIFFOBConvention(text):
            return "'\(text)' is not a CIF/FOB convention: expected none, imf (1.06), ots (1.08), rule-of-thumb (1.10) or a factor from 1 to 2 such as 1.07."
        case let .invalidCountryCode(text):
            return "'\(text)' is not a country or area code: expected 2 or 3 letters, digits or underscores, such as CHN, PRK, W00 or S19."
        case let .mixedFrequencies(first, second):
            return "A series cannot mix \(first.rawValue) and \(second.rawValue) periods: all periods must share one frequency."
        case let .duplicatePeriod(period):
            return "Period \(period) occurs more than once: a series holds at most one value per period."
        case .emptySeries:
            return "A series needs at least one observation to fix its start period and frequency."
        case let .incompatibleUnits(from, to):
            return "Quantities in \(from.abbreviation) (\(from.name)) cannot be converted to \(to.abbreviation) (\(to.name)): the units measure different things, so they are never summed (net weight in kg is one unit for all goods)."
        case let .zeroQuantity(unit):
            return "Unit price undefined: the quantity is 0 \(unit.abbreviation), and a unit price needs a positive quantity."
        case let .negativeQuantity(amount, unit):
            return "Unit price undefined: the quantity is \(amount) \(unit.abbreviation), and a unit price needs a positive quantity."
        case let .nonFiniteQuantity(unit):
            return "A quantity in \(unit.abbreviation) is NaN or infinite: quantities must be finite numbers."
        case .unmeasuredQuantity:
            return "Unit price undefined: the quantity has no unit (N/A), and a unit price needs a measured quantity."
        case let .negativeValue(amount, currency):
            return "The value \(amount) \(currency.rawValue) is negative: trade values must be zero or positive."
        case let .nonFiniteValue(currency):
            return "A value in \(currency.rawValue) is NaN or infinite: trade values must be finite numbers."
        case .emptyAggregate:
            return "An aggregate unit price needs at least one value-quantity pair."
        }
    }
}
