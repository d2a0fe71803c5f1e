import Testing
import TradeDomain
import _TestSupport

@Suite("MirrorGap: the gap split into a valuation part and a residual")
struct MirrorGapTests {
    static let china = CountryCode.china, korea = try! CountryCode("KOR")

    static func record(_ reporter: CountryCode, _ partner: CountryCode, _ flow: TradeFlow, _ value: Double, year: Int) -> TradeRecord {
        TradeRecord(period: Period(year: year), reporter: reporter, partner: partner, flow: flow, commodity: .hs(try! HSCode("2701")),
                    value: MonetaryAmount(amount: value, currency: .usd), sourceID: "TEST")
    }

    static func gap(_ selection: TradeSelection, _ records: [TradeRecord], _ convention: CIFFOBConvention) throws -> MirrorGap {
        let view = MirrorView(convention: convention)
        let builder = TradeSeriesBuilder()
        return MirrorGap(reported: try builder.build(records, selection: selection),
                         mirror: try builder.build(view.mirroredRecords(records, for: selection), selection: selection), convention: convention)
    }

    @Test("exports seen from the partner's CIF imports: valuation = CIF − CIF/1.06, residual = CIF/1.06 − FOB")
    func exportSide() throws {
        let selection = TradeSelection(reporter: Self.korea, partner: Self.china, flow: .export, commodity: .hs(try HSCode("2701")))
        // China's imports from Korea (CIF): 2015 106, 2016 99; Korea's exports (FOB): 2015 95, 2016 100.
        // Hand calculation, imf (1.06):
        //   2015: total 106 − 95 = 11 = valuation (106 − 100 = 6) + residual (100 − 95 = 5)
        //   2016: total 99 − 100 = −1 = valuation (99 − 93.396226415094340 = 5.6037735849056604) + residual (−6.6037735849056604)
        let records = [Self.record(Self.china, Self.korea, .import, 106, year: 2015), Self.record(Self.china, Self.korea, .import, 99, year: 2016),
                       Self.record(Self.korea, Self.china, .export, 95, year: 2015), Self.record(Self.korea, Self.china, .export, 100, year: 2016)]
        let gap = try Self.gap(selection, records, .imf)
        expectClose(gap.points.map(\.unadjustedMirrorValue), [106, 99], rtol: 1e-15, atol: 0, "unadjusted")
        expectClose(gap.points.map(\.totalGap), [11, -1], rtol: 1e-13, atol: 1e-13, "total")
        expectClose(gap.points.map(\.valuationPart), [6, 5.6037735849056604], rtol: 1e-13, atol: 0, "valuation")
        expectClose(gap.points.map(\.residual), [5, -6.6037735849056604], rtol: 1e-13, atol: 0, "residual")
        for point in gap.points {
            expectClose(point.valuationPart + point.residual, point.totalGap, rtol: 1e-14, atol: 1e-13, "identity \(point.period)")
        }
    }

    @Test("imports seen from the partner's FOB exports: valuation = FOB − FOB × 1.08 (negative); none: valuation 0")
    func importSide() throws {
        let selection = TradeSelection(reporter: Self.china, partner: Self.korea, flow: .import, commodity: .hs(try HSCode("2701")))
        // Korea's exports (FOB) 100; China's imports (CIF) 112. ots: mirror 108; valuation 100 − 108 = −8; residual 108 − 112 = −4; total −12.
        let records = [Self.record(Self.korea, Self.china, .export, 100, year: 2015), Self.record(Self.china, Self.korea, .import, 112, year: 2015)]
        let gap = try Self.gap(selection, records, .ots)
        expectClose(gap.points[0].valuationPart, -8, rtol: 1e-13, atol: 0, "valuation")
        expectClose(gap.points[0].residual, -4, rtol: 1e-13, atol: 0, "residual")
        expectClose(gap.points[0].totalGap, -12, rtol: 1e-15, atol: 0, "total")
        let plain = try Self.gap(selection, records, .none)
        #expect(plain.points[0].valuationPart == 0 && plain.points[0].totalGap == -12)
    }
}
