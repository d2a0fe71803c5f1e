import Testing
import Reports
import TradeDomain
import TrendAnalysis

@Suite("SanctionGroupChart: stacked-bar data of sanctioned and other goods")
struct SanctionGroupChartTests {
    @Test("layers carry the group totals unchanged, bottom to top; JSON arrays align with periods")
    func layers() throws {
        let event = SanctionEvent(id: "E", authority: "UNSC", adopted: try CalendarDate(year: 2017, month: 8, day: 5), partnerScope: "all",
                                  title: "ban", measures: [SanctionMeasure(direction: .export, action: .ban, category: "coal", hsCodes: [try HSCode("2701")])])
        let coverage = SanctionCoverage(codes: ["2701", "44"], events: [event], date: try CalendarDate(year: 2017, month: 12, day: 31), country: .china)
        let basket = [BasketObservation(period: Period(year: 2016), code: "2701", value: 100, quantity: nil),
                      BasketObservation(period: Period(year: 2016), code: "44", value: 5, quantity: nil),
                      BasketObservation(period: Period(year: 2017), code: "44", value: 6, quantity: nil)]
        let chart = SanctionGroupChart(coverage: coverage, totals: coverage.totals(basket), label: "test").chart
        #expect(chart.categories == ["2016", "2017"])
        #expect(chart.layers.map(\.name) == ["sanctioned goods", "other goods"])
        #expect(chart.layers[0].values == [100, nil] && chart.layers[1].values == [5, 6])
        let json = SanctionGroupChart(coverage: coverage, totals: coverage.totals(basket), label: "test").json().rendered(indent: 0)
        #expect(json.contains("\"sanctioned_value_usd\":[100,null]"), "\(json)")
    }
}
