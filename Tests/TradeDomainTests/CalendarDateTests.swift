import Foundation
import Testing
@testable import TradeDomain

@Suite("CalendarDate")
struct CalendarDateTests {
    @Test func parsesAndPrints() throws {
        let date = try CalendarDate(parsing: "2017-08-05")
        #expect(date.year == 2017 && date.month == 8 && date.day == 5)
        #expect(date.description == "2017-08-05")
    }

    @Test("Gregorian leap years: 2016 and 2000 are leap, 1900 and 2017 are not")
    func leapYears() throws {
        #expect(try CalendarDate(parsing: "2016-02-29").day == 29)
        #expect(try CalendarDate(parsing: "2000-02-29").day == 29)
        #expect(throws: TradeDomainError.invalidDate("1900-02-29")) { try CalendarDate(parsing: "1900-02-29") }
        #expect(throws: TradeDomainError.invalidDate("2017-02-29")) { try CalendarDate(parsing: "2017-02-29") }
    }

    @Test("Malformed or impossible dates are rejected", arguments: [
        "2017-8-5", "20170805", "2017-04-31", "2017-13-01", "2017-00-10", "2017-01-00", "17-08-05", "2017/08/05", "",
    ])
    func rejects(text: String) {
        #expect(throws: TradeDomainError.invalidDate(text)) { try CalendarDate(parsing: text) }
    }

    @Test func orderAndCodable() throws {
        let early = try CalendarDate(year: 2016, month: 11, day: 30)
        let late = try CalendarDate(year: 2017, month: 1, day: 1)
        #expect(early < late)
        let data = try JSONEncoder().encode([early])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2016-11-30\"]")
        #expect(try JSONDecoder().decode([CalendarDate].self, from: data) == [early])
    }
}
