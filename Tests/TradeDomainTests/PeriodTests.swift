import Foundation
import Testing
@testable import TradeDomain

@Suite("Period")
struct PeriodTests {
    @Test("Accepted forms parse to the canonical period", arguments: [
        ("2015", "2015"), ("2015-03", "2015-03"), ("201503", "2015-03"), ("2015-3", "2015-03"),
        ("2015-12", "2015-12"), ("2015-Q1", "2015-Q1"), ("2015Q1", "2015-Q1"), ("2015-q4", "2015-Q4"),
        ("  1999-07 ", "1999-07"), ("1000", "1000"), ("9999-12", "9999-12"),
    ])
    func parsesAcceptedForms(text: String, canonical: String) throws {
        #expect(try Period(parsing: text).description == canonical)
    }

    @Test("Rejected forms throw invalidPeriod", arguments: [
        "", "15", "999", "0999", "2015-13", "2015-00", "201513", "20150", "2015-Q0", "2015-Q5", "2015Q12",
        "2015-", "2015/03", "2015-003", "2015-M03", "abcd", "2015-Qa", "20153", "2015--03", "10000",
    ])
    func rejectsBadForms(text: String) {
        #expect(throws: TradeDomainError.invalidPeriod(text)) { try Period(parsing: text) }
    }

    @Test func componentsOfEachFrequency() throws {
        let month = try Period(parsing: "2015-03")
        #expect(month.year == 2015 && month.frequency == .monthly && month.subperiod == 3)
        #expect(month.month == 3 && month.quarter == nil)
        let quarter = try Period(parsing: "2015-Q2")
        #expect(quarter.quarter == 2 && quarter.month == nil && quarter.subperiod == 2)
        let year = Period(year: 2015)
        #expect(year.subperiod == 1 && year.month == nil && year.quarter == nil && year.frequency == .annual)
        #expect(month.annual == year && quarter.annual == year)
    }

    @Test func checkedInitialisersRejectOutOfRange() {
        #expect(throws: TradeDomainError.invalidMonth(year: 2015, month: 13)) { try Period(year: 2015, month: 13) }
        #expect(throws: TradeDomainError.invalidMonth(year: 2015, month: 0)) { try Period(year: 2015, month: 0) }
        #expect(throws: TradeDomainError.invalidQuarter(year: 2015, quarter: 5)) { try Period(year: 2015, quarter: 5) }
        #expect(throws: TradeDomainError.invalidYear(999)) { try Period(year: 999, month: 1) }
    }

    @Test("Months map to quarters: months 1-3 -> Q1, 4-6 -> Q2, 7-9 -> Q3, 10-12 -> Q4")
    func monthToQuarter() throws {
        let expected = [1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]
        for month in 1...12 {
            let period = try Period(year: 2016, month: month)
            #expect(period.containingQuarter == (try Period(year: 2016, quarter: expected[month - 1])))
        }
        #expect(try Period(year: 2016, quarter: 3).months == 7...9)
        #expect(Period(year: 2016).months == 1...12)
    }

    @Test("Arithmetic across year boundaries")
    func arithmeticAcrossYears() throws {
        let december = try Period(parsing: "2015-12")
        #expect(december.advanced(by: 1) == (try Period(parsing: "2016-01")))
        #expect(december.advanced(by: 13) == (try Period(parsing: "2017-01")))
        #expect(december.advanced(by: -12) == (try Period(parsing: "2014-12")))
        #expect((try Period(parsing: "2016-01")).advanced(by: -1) == december)
        // 2015-03 to 2017-08: 2 years and 5 months = 29 months.
        #expect((try Period(parsing: "2015-03")).distance(to: try Period(parsing: "2017-08")) == 29)
        #expect((try Period(parsing: "2017-08")).distance(to: try Period(parsing: "2015-03")) == -29)
        let q1 = try Period(parsing: "2015-Q1")
        #expect(q1.advanced(by: -1) == (try Period(parsing: "2014-Q4")))
        #expect(q1.advanced(by: 7) == (try Period(parsing: "2016-Q4")))
        #expect(q1.distance(to: try Period(parsing: "2018-Q2")) == 13)
        #expect(Period(year: 2000).advanced(by: 17) == Period(year: 2017))
        for n in -30...30 { #expect(december.distance(to: december.advanced(by: n)) == n) }
    }

    @Test func rangesAreInclusiveAndOrdered() throws {
        let range = Period.range(try Period(parsing: "2015-11"), through: try Period(parsing: "2016-02"))
        #expect(range.map(\.description) == ["2015-11", "2015-12", "2016-01", "2016-02"])
        #expect(Period.range(Period(year: 2017), through: Period(year: 2015)).isEmpty)
        #expect(Period.range(Period(year: 2015), through: Period(year: 2015)) == [Period(year: 2015)])
    }

    @Test func dayContainmentAndContainingPeriod() throws {
        let day = try CalendarDate(parsing: "2017-08-15")
        #expect(Period.containing(day, frequency: .monthly).description == "2017-08")
        #expect(Period.containing(day, frequency: .quarterly).description == "2017-Q3")
        #expect(Period.containing(day, frequency: .annual).description == "2017")
        #expect((try Period(parsing: "2017-Q3")).contains(day))
        #expect(!(try Period(parsing: "2017-Q4")).contains(day))
        #expect(!(try Period(parsing: "2016-08")).contains(day))
        #expect((try Period(parsing: "2016-02")).lastDay.description == "2016-02-29")
        #expect((try Period(parsing: "2017-Q4")).firstDay.description == "2017-10-01")
    }

    @Test func orderingIsChronological() throws {
        let texts = ["2016-01", "2015-12", "2015-02", "2014-11"]
        let sorted = try texts.map { try Period(parsing: $0) }.sorted().map(\.description)
        #expect(sorted == ["2014-11", "2015-02", "2015-12", "2016-01"])
        #expect(Period(year: 2015) < (try Period(parsing: "2015-Q1")))
        #expect((try Period(parsing: "2015-Q1")) < (try Period(parsing: "2015-01")))
        #expect((try Period(parsing: "2015-Q4")) < Period(year: 2016))
    }

    @Test func codableAsString() throws {
        let period = try Period(parsing: "2015-Q3")
        let data = try JSONEncoder().encode([period])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2015-Q3\"]")
        #expect(try JSONDecoder().decode([Period].self, from: data) == [period])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([Period].self, from: Data("[\"2015-13\"]".utf8)) }
    }

    @Test("advancedWithinCalendar is nil exactly where advanced(by:) would leave 1000...9999")
    func checkedAdvance() throws {
        let december = try Period(year: 9999, month: 12)
        #expect(december.periodsRemainingInCalendar == 0)
        #expect(december.advancedWithinCalendar(by: 1) == nil)
        #expect(december.advancedWithinCalendar(by: 0) == december)
        #expect(try Period(year: 9998, month: 11).periodsRemainingInCalendar == 13)
        #expect(try Period(year: 9998, month: 11).advancedWithinCalendar(by: 13) == december)
        #expect(Period(year: 1000).advancedWithinCalendar(by: -1) == nil)
        #expect(Period(year: 2000).advancedWithinCalendar(by: Int.max) == nil)
        #expect(Period(year: 2000).advancedWithinCalendar(by: Int.min) == nil)
        #expect(Period(year: 2000).advancedWithinCalendar(by: 7_999) == Period(year: 9999))
    }
}
