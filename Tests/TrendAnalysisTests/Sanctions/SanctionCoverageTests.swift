import Testing
import TradeDomain
import TrendAnalysis

@Suite("SanctionCoverage: sanctioned vs non-sanctioned goods at a date")
struct SanctionCoverageTests {
    // A calendar written for the test, shaped like UNSCR 2371 (coal, iron, seafood; effective
    // 2017-08-05) and a Chinese notice binding only China; dates and codes as in Data/sanctions.
    static let events: [SanctionEvent] = [
        SanctionEvent(id: "UNSCR-2371", authority: "UNSC", adopted: try! CalendarDate(year: 2017, month: 8, day: 5),
                      partnerScope: "all UN member states", title: "ban",
                      measures: [SanctionMeasure(direction: .export, action: .ban, category: "coal, iron, seafood",
                                                 hsCodes: [try! HSCode("2701"), try! HSCode("2601"), try! HSCode("03")])]),
        SanctionEvent(id: "CN-TEXTILES", authority: "China-MOFCOM", adopted: try! CalendarDate(year: 2017, month: 9, day: 22),
                      partnerScope: "China", title: "textiles",
                      measures: [SanctionMeasure(direction: .export, action: .ban, category: "textiles", hsCodes: [try! HSCode("61")])]),
        SanctionEvent(id: "IMPORTS", authority: "UNSC", adopted: try! CalendarDate(year: 2016, month: 1, day: 1),
                      partnerScope: "all", title: "imports", measures: [SanctionMeasure(direction: .import, action: .ban, category: "x", hsCodes: [try! HSCode("87")])]),
    ]

    @Test("codes split by measures in force, binding country and direction")
    func split() throws {
        let codes = ["270112", "2601", "0307", "6109", "8703", "2502", "not-hs"]
        let late2017 = try CalendarDate(year: 2017, month: 12, day: 31)
        let china = SanctionCoverage(codes: codes, events: Self.events, date: late2017, country: try CountryCode("CHN"))
        #expect(china.sanctioned.keys.sorted() == ["0307", "2601", "270112", "6109"])
        #expect(china.nonSanctioned == ["2502", "8703", "not-hs"])
        #expect(china.sanctioned["6109"] == ["CN-TEXTILES"])
        let russia = SanctionCoverage(codes: codes, events: Self.events, date: late2017, country: try CountryCode("RUS"))
        #expect(russia.sanctioned.keys.sorted() == ["0307", "2601", "270112"])
        let before = SanctionCoverage(codes: codes, events: Self.events, date: try CalendarDate(year: 2017, month: 8, day: 4), country: try CountryCode("CHN"))
        #expect(before.sanctioned.isEmpty)
    }

    @Test("group totals by period: sums of the codes' values, nil for an empty group")
    func totals() throws {
        let coverage = SanctionCoverage(codes: ["2701", "2502"], events: Self.events, date: try CalendarDate(year: 2018, month: 1, day: 1), country: try CountryCode("CHN"))
        let basket = [
            BasketObservation(period: Period(year: 2016), code: "2701", value: 100, quantity: nil),
            BasketObservation(period: Period(year: 2016), code: "2502", value: 7, quantity: nil),
            BasketObservation(period: Period(year: 2017), code: "2502", value: 9, quantity: nil),
        ]
        let totals = coverage.totals(basket)
        #expect(totals.map(\.sanctionedValue) == [100, nil])
        #expect(totals.map(\.nonSanctionedValue) == [7, 9])
    }
}
