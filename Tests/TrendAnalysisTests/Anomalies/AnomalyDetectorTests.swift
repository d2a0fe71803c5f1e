import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Anomaly flags: robust z-scores against R 4.2.2 (generate/anomalies.R) and the nearest sanction event")
struct AnomalyDetectorTests {
    static func nile() throws -> TimeSeries<Double> {
        TimeSeries(start: Period(year: 1871), values: try referenceFixture("nile").doubles("flow"))
    }

    @Test("linear-trend residuals scored by median/MAD; flags above the threshold")
    func robustZ() throws {
        let reference = try referenceFixture("anomalies_zscore")
        let z = reference.doubles("z")
        let flags = try AnomalyDetector(method: .robustZScore(threshold: 2.5), model: .linearTrend).detect(try Self.nile())
        let expected = z.indices.filter { abs(z[$0]) > 2.5 }
        #expect(flags.map(\.period) == expected.map { Period(year: 1871 + $0) })
        // lm residuals (QR) and median/MAD: rtol 1e-9 as for OLS.
        expectClose(flags.map(\.score), expected.map { z[$0] }, rtol: 1e-9, atol: 0, "z")
        let residuals = reference.doubles("residual")
        expectClose(flags.map { $0.observed - $0.expected }, expected.map { residuals[$0] }, rtol: 1e-9, atol: 0, "residual")
        #expect(flags.allSatisfy { $0.threshold == 2.5 && $0.nearestSanction == nil && $0.offsetFromSanction == nil })
    }

    static func calendar() throws -> [SanctionEvent] {
        let coal = try HSCode("2701"), seafood = try HSCode("03")
        return [
            SanctionEvent(id: "un-coal", authority: "UNSC", adopted: try CalendarDate(year: 1900, month: 3, day: 2), partnerScope: "all",
                          title: "coal ban", measures: [SanctionMeasure(direction: .import, action: .ban, category: "coal", hsCodes: [coal])]),
            SanctionEvent(id: "us-coal", authority: "US", adopted: try CalendarDate(year: 1912, month: 1, day: 1), partnerScope: "US",
                          title: "US coal", measures: [SanctionMeasure(direction: .import, action: .ban, category: "coal", hsCodes: [coal])]),
            SanctionEvent(id: "un-fish", authority: "UNSC", adopted: try CalendarDate(year: 1913, month: 1, day: 1), partnerScope: "all",
                          title: "seafood", measures: [SanctionMeasure(direction: .import, action: .ban, category: "seafood", hsCodes: [seafood])]),
            SanctionEvent(id: "un-coal-2", authority: "UNSC", adopted: try CalendarDate(year: 1920, month: 1, day: 1),
                          effective: try CalendarDate(year: 1921, month: 6, day: 30), partnerScope: "all", title: "coal cap",
                          measures: [SanctionMeasure(direction: .import, action: .cap, category: "coal", hsCodes: [try HSCode("27")])]),
        ]
    }

    @Test("the nearest event covers the series' HS code and binds the reporter; offsets are signed")
    func nearestSanction() throws {
        // A series of HS 270112 reported by China: the US event does not bind China, seafood does not cover coal,
        // and the chapter-27 measure covers 270112 (a code at any level). Hand-worked offsets:
        // 1913 -> un-coal (1900) is 13 after, un-coal-2 (effective 1921) is 8 before: nearest un-coal-2, -8.
        let context = SanctionContext(events: try Self.calendar(), hsCodes: [try HSCode("270112")], reporter: .china)
        #expect(context.events.map(\.id) == ["un-coal", "un-coal-2"])
        let near1913 = try #require(context.nearest(to: Period(year: 1913)))
        #expect(near1913.sanction.eventID == "un-coal-2" && near1913.offset == -8)
        let june1921 = try CalendarDate(year: 1921, month: 6, day: 30)
        #expect(near1913.sanction.date == june1921)
        let near1899 = try #require(context.nearest(to: Period(year: 1899)))
        #expect(near1899.sanction.eventID == "un-coal" && near1899.offset == -1)
        // Monthly: 1900-05 is 2 months after 1900-03.
        let monthly = try #require(context.nearest(to: try Period(year: 1900, month: 5)))
        let march1900 = try Period(year: 1900, month: 3)
        #expect(monthly.offset == 2 && monthly.sanction.period == march1900)
        // A US reporter also sees the US event.
        let us = SanctionContext(events: try Self.calendar(), hsCodes: [try HSCode("2701")], reporter: try CountryCode("USA"))
        #expect(us.events.map(\.id) == ["un-coal", "us-coal", "un-coal-2"])
    }

    @Test("flags on the Nile carry the nearest covering event")
    func flagsCarryEvents() throws {
        let context = SanctionContext(events: try Self.calendar(), hsCodes: [try HSCode("270112")], reporter: .china)
        let flags = try AnomalyDetector(method: .robustZScore(threshold: 2.5), model: .linearTrend).detect(try Self.nile(), sanctions: context)
        // The only flag is 1913 (index 42, z = -2.775 in anomalies_zscore.csv).
        #expect(flags.map(\.period) == [Period(year: 1913)])
        #expect(flags.first?.nearestSanction?.eventID == "un-coal-2" && flags.first?.offsetFromSanction == -8)
    }

    @Test("ESD method flags the same indices as GeneralizedESD; a gap is refused")
    func esdAndGaps() throws {
        let rivers = try referenceFixture("rivers").doubles("miles")
        let series = TimeSeries(start: Period(year: 1800), values: rivers)
        let residuals = rivers.map { $0 - 0 }
        let flags = try AnomalyDetector(method: .generalizedESD(maximumOutliers: 10, significance: 0.05), model: .linearTrend)
            .flags(observed: rivers, residuals: residuals, periods: series.periods, sanctions: nil)
        #expect(flags.map { series.start.distance(to: $0.period) } == [6, 22, 65, 67, 68, 69, 100, 140])
        let gap = TimeSeries<Double>(start: Period(year: 2000), values: [1, nil, 3, 4])
        #expect(throws: AnalysisError.missingValue(method: "anomaly detection", period: "2001")) {
            try AnomalyDetector(model: .linearTrend).detect(gap)
        }
    }
}
