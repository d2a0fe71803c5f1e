import Foundation
import Testing
@testable import TradeDomain

@Suite("RecordFilter")
struct RecordFilterTests {
    private func record(_ period: String, _ code: String, reporter: String = "CHN", partner: String = "PRK",
                        flow: TradeFlow = .import) throws -> TradeRecord {
        TradeRecord(period: try Period(parsing: period), reporter: try CountryCode(reporter), partner: try CountryCode(partner),
                    flow: flow, commodity: try CommodityCode(parsing: code), value: .usd(1), sourceID: "test")
    }

    @Test("A commodity takes in itself and every code it covers, at any level; TOTAL takes in everything")
    func commodities() throws {
        let chapter = RecordFilter(commodities: [try CommodityCode(parsing: "27")])
        #expect(try chapter.matches(record("2015", "27")))
        #expect(try chapter.matches(record("2015", "2701")))
        #expect(try chapter.matches(record("2015", "270112")))
        #expect(try !chapter.matches(record("2015", "26")))
        #expect(try !chapter.matches(record("2015", "TOTAL")))
        let range = RecordFilter(commodities: [try CommodityCode(parsing: "61-62")])
        #expect(try range.matches(record("2015", "6109")) && range.matches(record("2015", "62")))
        #expect(try !range.matches(record("2015", "63")))
        let section = RecordFilter(commodities: [try CommodityCode(parsing: "V")])
        #expect(try section.matches(record("2015", "27")) && section.matches(record("2015", "2601")))
        let total = RecordFilter(commodities: [.total])
        #expect(try total.matches(record("2015", "TOTAL")) && total.matches(record("2015", "03")))
    }

    @Test("Periods are taken in by calendar time: a quarter takes in its months, a year its months and quarters")
    func periods() throws {
        let quarter = RecordFilter(from: try Period(parsing: "2016-Q1"), through: try Period(parsing: "2016-Q1"))
        #expect(try quarter.matches(record("2016-01", "27")) && quarter.matches(record("2016-03", "27")))
        #expect(try !quarter.matches(record("2016-04", "27")))
        #expect(try !quarter.matches(record("2016", "27")))  // the year is longer than the quarter
        let years = RecordFilter(frequencies: [.monthly], from: Period(year: 2015), through: Period(year: 2016))
        #expect(try years.matches(record("2015-01", "27")) && years.matches(record("2016-12", "27")))
        #expect(try !years.matches(record("2016", "27")) && !years.matches(record("2017-01", "27")))
    }

    @Test("A selection's filter agrees with the selection on every field but the commodity's roll-up")
    func selection() throws {
        let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import, commodity: try CommodityCode(parsing: "2701"),
                                       from: Period(year: 2014), through: Period(year: 2016), frequency: .annual)
        let filter = RecordFilter(selection)
        let cases: [(TradeRecord, Bool)] = [
            (try record("2015", "2701"), true), (try record("2015", "270112"), true), (try record("2015", "27"), false),
            (try record("2013", "2701"), false), (try record("2015-03", "2701"), true),
            (try record("2015", "2701", partner: "RUS"), false), (try record("2015", "2701", reporter: "JPN"), false),
            (try record("2015", "2701", flow: .export), false),
        ]
        for (record, expected) in cases {
            #expect(filter.matches(record) == expected, "\(record.period) \(record.commodity) \(record.reporter) \(record.partner) \(record.flow)")
            // An annual selection takes in the months too (a year no source reports is summed from them).
            if expected && record.period.frequency == .annual { #expect(selection.matchesExceptCommodity(record)) }
        }
        #expect(RecordFilter(commodities: [.total, .total]).commodities == [.total])
    }
}
