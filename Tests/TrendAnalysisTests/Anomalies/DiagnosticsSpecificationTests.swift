import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Report diagnostics: breaks on the observed periods, anomalies on the longest complete run, with notes")
struct TradeSeriesDiagnosticsTests {
    static func trade(_ values: [Double?], start: Period) -> TradeSeries {
        let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import, commodity: .hs(try! HSCode("2701")))
        return TradeSeries(selection: selection, quantityUnit: nil, points: values.enumerated().map { index, value in
            TradeSeriesPoint(period: start.advanced(by: index), value: value.map { MonetaryAmount(amount: $0) }, quantity: nil, unitPrice: nil,
                             missingQuantityShare: nil, suspectQuantityShare: nil, estimatedQuantityShare: nil,
                             valueSources: [], quantitySources: [], alternatives: [], codes: [])
        })
    }

    @Test("the Nile as a value series: the strucchange break at 1898 and the 1913 trend outlier at threshold 2.5")
    func nile() throws {
        let flows = try referenceFixture("nile").doubles("flow")
        let context = SanctionContext(events: [], hsCodes: [], reporter: nil)
        let diagnosis = DiagnosticsSpecification(anomalyThreshold: 2.5).diagnose(Self.trade(flows, start: Period(year: 1871)), context: context)
        let value = diagnosis.measures[0]
        #expect(value.measure == .value && value.firstPeriod == Period(year: 1871) && value.lastPeriod == Period(year: 1970))
        // h = max(2, floor(0.15 * 100)) = 15 as strucchange's h = 0.15: breakpoints(Nile ~ 1) gives 1898 (index 27).
        #expect(value.breaks?.breaks.map(\.period) == [Period(year: 1898)])
        // anomalies_zscore.csv: only index 42 (1913) has |z| > 2.5.
        #expect(value.anomalies.map(\.period) == [Period(year: 1913)])
        #expect(diagnosis.measures[1].notes == ["No quantity figures."] && diagnosis.measures[2].breaks == nil)
    }

    @Test("gaps: breaks on every observed period, scores on the longest run; a short one leaves notes instead of errors")
    func gaps() throws {
        // Runs: 2000-2001 (2), 2003-2008 (6), 2010 (1); 9 observed of 2000-2010. The breaks use the 9 observed periods
        // (8 needed), with h = max(2, floor(0.15 * 9)) = 2, as `breaks` fits the same span; the scores use the 6-period run.
        let values: [Double?] = [1, 2, nil, 3, 4, 5, 6, 7, 8, nil, 9]
        let diagnosis = DiagnosticsSpecification().diagnose(Self.trade(values, start: Period(year: 2000)), context: SanctionContext(events: [], hsCodes: [], reporter: nil))
        let value = diagnosis.measures[0]
        #expect(value.firstPeriod == Period(year: 2003) && value.lastPeriod == Period(year: 2008))
        let window = try #require(value.breakWindow)
        #expect(window.first == Period(year: 2000) && window.last == Period(year: 2010) && window.periodCount == 11 && window.missingCount == 2)
        let single = try BreakpointSpecification(minimumSegment: .observations(2)).fit(TimeSeries(start: Period(year: 2000), values: values))
        #expect(value.breaks == single)
        #expect(single.observationCount == 9)
        // A straight line has zero residual MAD: the scores cannot run, and the note says so.
        #expect(value.notes.contains { $0.contains("median absolute deviation") })
        // Seven observed periods: no break search, with the count in the note.
        let short = DiagnosticsSpecification().diagnose(Self.trade([1, nil, 2, 3, nil, 4, 5, 6, 7], start: Period(year: 2000)),
                                                        context: SanctionContext(events: [], hsCodes: [], reporter: nil)).measures[0]
        #expect(short.breaks == nil && short.notes.first == "No break search on value: 2000 to 2008 has 7 observed periods; 8 are needed.")
    }
}
