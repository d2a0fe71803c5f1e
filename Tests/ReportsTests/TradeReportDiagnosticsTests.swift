import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport
@testable import Reports

@Suite("TradeReport shows breaks and anomaly flags next to the events")
struct TradeReportDiagnosticsTests {
    /// A value series of 12 years: 10 for 2001-2006, 20 for 2007-2012, except 2010 at 40 (made up for the test).
    static func report() throws -> TradeReport {
        let china = try CountryCode("CHN"), dprk = try CountryCode("PRK"), coal = try CommodityCode(parsing: "2701")
        let values: [Double] = [10, 10.5, 9.5, 10, 10.5, 9.5, 20, 20.5, 19.5, 40, 20.5, 19.5]
        let records = values.enumerated().map { index, value in
            TradeRecord(period: Period(year: 2001 + index), reporter: china, partner: dprk, flow: .import, commodity: coal,
                        value: MonetaryAmount(amount: value, currency: .usd), sourceID: "S")
        }
        let selection = TradeSelection(reporter: china, partner: dprk, flow: .import, commodity: coal)
        let series = try TradeSeriesBuilder().build(records, selection: selection)
        let event = SanctionEvent(id: "EV", authority: "UNSC", adopted: try CalendarDate(year: 2007, month: 1, day: 1), partnerScope: "all", title: "t",
                                  measures: [SanctionMeasure(direction: .export, action: .ban, category: "coal", hsCodes: [try HSCode("2701")])])
        let diagnosis = DiagnosticsSpecification().diagnose(series, context: SanctionContext(calendar: SanctionCalendar(target: .northKorea, events: [event], origin: "test"), selection: selection))
        return TradeReport(table: SeriesTable(series: series, selectionLabel: "test", valuation: "CIF"), commodityName: "coal",
                           calendar: SanctionCalendar(target: .northKorea, events: [event], origin: "test"), provenance: "test figures",
                           citations: [:], diagnosis: diagnosis)
    }

    @Test("text, JSON and the value chart carry the break after 2006 and the 2010 anomaly")
    func marks() throws {
        let report = try Self.report()
        let value = try #require(report.diagnosis?.measures.first)
        // h = max(2, floor(0.15 * 12)) = 2; the mean shifts from 10 to 20 after 2006, so BIC picks that break.
        #expect(value.breaks?.breaks.map(\.period) == [Period(year: 2006)])
        // Linear-trend residuals: 2010 stands out by about 20 against a MAD of a few units, far above 3.5.
        #expect(value.anomalies.map(\.period) == [Period(year: 2010)])
        #expect(value.anomalies.first?.nearestSanction?.eventID == "EV" && value.anomalies.first?.offsetFromSanction == 3)
        let text = report.text()
        #expect(text.contains("Breaks and anomalies near the sanction events"))
        #expect(text.contains("break after 2006"))
        #expect(text.contains("3 years after EV (2007-01-01)"))
        // Every period after the 2007 ban has a non-zero flow.
        #expect(text.contains("2012 flow_after_ban"))
        let chart = report.chart(.value)
        #expect(chart.markers.map(\.label) == ["EV", "break 2006"])
        #expect(chart.highlights.count == 1 && chart.highlights[0].note.hasPrefix("2010: anomaly"))
        guard case let .object(members) = report.json(selection: .null), let diagnostics = members.first(where: { $0.0 == "diagnostics" })?.1,
              case let .object(fields) = diagnostics else { Issue.record("no diagnostics object"); return }
        #expect(fields.map(\.0) == ["measures", "sanction_flags", "screen_note"])
    }
}
