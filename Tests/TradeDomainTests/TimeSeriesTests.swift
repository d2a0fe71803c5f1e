import Foundation
import Testing
@testable import TradeDomain

@Suite("TimeSeries")
struct TimeSeriesTests {
    private func month(_ text: String) throws -> Period { try Period(parsing: text) }

    @Test("Observations out of order with a gap: the gap is nil, not 0")
    func gapsBecomeNil() throws {
        let series = try TimeSeries(observations: [
            (try month("2016-01"), 3.0), (try month("2015-11"), 1.0), (try month("2016-02"), 0.0),
        ])
        #expect(series.start == (try month("2015-11")))
        #expect(series.end == (try month("2016-02")))
        #expect(series.values == [1.0, nil, 3.0, 0.0])
        #expect(series.count == 4 && series.missingCount == 1)
        #expect(series.frequency == .monthly)
        #expect(series.periods.map(\.description) == ["2015-11", "2015-12", "2016-01", "2016-02"])
        #expect(series[try month("2015-12")] == nil)
        #expect(series[try month("2016-02")] == 0.0)
        #expect(series[try month("2017-01")] == nil)
        #expect(series[Period(year: 2016)] == nil)
        #expect(series.observations.map(\.period.description) == ["2015-11", "2016-01", "2016-02"])
        #expect(series.observations.map(\.value) == [1.0, 3.0, 0.0])
    }

    @Test func duplicatePeriodThrows() throws {
        let period = try month("2015-03")
        #expect(throws: TradeDomainError.duplicatePeriod(period)) {
            try TimeSeries(observations: [(period, 1.0), (try month("2015-04"), 2.0), (period, 5.0)])
        }
    }

    @Test func mixedFrequenciesThrow() throws {
        #expect(throws: TradeDomainError.mixedFrequencies(.monthly, .quarterly)) {
            try TimeSeries(observations: [(try month("2015-03"), 1.0), (try month("2015-Q2"), 2.0)])
        }
    }

    @Test func emptyThrows() {
        #expect(throws: TradeDomainError.emptySeries) { try TimeSeries<Double>(observations: []) }
    }

    @Test func mapKeepsGaps() throws {
        let series = TimeSeries(start: Period(year: 2010), values: [2.0, nil, 4.0])
        let halved = series.map { $0 / 2 }
        #expect(halved == TimeSeries(start: Period(year: 2010), values: [1.0, nil, 2.0]))
    }

    @Test func sliceClipsToTheSeries() throws {
        let series = TimeSeries(start: Period(year: 2010), values: [1.0, 2.0, nil, 4.0, 5.0])
        let middle = series.slice(from: Period(year: 2011), through: Period(year: 2013))
        #expect(middle.start == Period(year: 2011) && middle.values == [2.0, nil, 4.0])
        let open = series.slice(from: nil, through: Period(year: 2011))
        #expect(open.start == Period(year: 2010) && open.values == [1.0, 2.0])
        let wide = series.slice(from: Period(year: 2000), through: Period(year: 2030))
        #expect(wide == series)
        let outside = series.slice(from: Period(year: 2020), through: nil)
        #expect(outside.values.isEmpty)
    }

    @Test func codableWithNulls() throws {
        let series = TimeSeries(start: try month("2015-11"), values: [1.5, nil])
        let data = try JSONEncoder().encode(series)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"start\":\"2015-11\""))
        #expect(text.contains("[1.5,null]"))
        #expect(try JSONDecoder().decode(TimeSeries<Double>.self, from: data) == series)
    }
}
