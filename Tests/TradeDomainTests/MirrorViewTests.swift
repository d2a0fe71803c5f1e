import Testing
import _TestSupport
@testable import TradeDomain

@Suite("MirrorView")
struct MirrorViewTests {
    static let china = CountryCode.china, korea = try! CountryCode("KOR")

    static func record(_ reporter: CountryCode, _ partner: CountryCode, _ flow: TradeFlow, _ value: Double, year: Int = 2015) -> TradeRecord {
        TradeRecord(period: Period(year: year), reporter: reporter, partner: partner, flow: flow, commodity: .hs(try! HSCode("2701")),
                    value: .usd(value), quantity: Quantity(amount: 10, unit: .tonne), isQuantityEstimated: true, sourceID: "S")
    }

    @Test("conventions parse to the factors of ECOSYSTEM.md §4", arguments: [
        ("none", 1.0), ("imf", 1.06), ("OTS", 1.08), ("rule-of-thumb", 1.10), ("1.07", 1.07), ("1", 1.0),
    ])
    func factors(text: String, factor: Double) throws {
        #expect(try CIFFOBConvention(parsing: text).factor == factor)
    }

    @Test("factors outside 1...2 and other words are rejected", arguments: ["0.94", "2.5", "nan", "cif", ""])
    func badConventions(text: String) {
        #expect(throws: TradeDomainError.invalidCIFFOBConvention(text)) { try CIFFOBConvention(parsing: text) }
    }

    @Test("a partner's CIF imports read as the reporter's FOB exports: swapped, mirrored, divided")
    func mirrorsImports() throws {
        // China reports imports from Korea of 106 USD CIF; Korea's exports under imf are 106 / 1.06 = 100 (hand calculation).
        let selection = TradeSelection(reporter: Self.korea, partner: Self.china, flow: .export, commodity: .hs(try HSCode("2701")))
        let records = [Self.record(Self.china, Self.korea, .import, 106), Self.record(Self.korea, Self.china, .export, 95),
                       Self.record(Self.china, Self.korea, .export, 7)]
        let mirrored = MirrorView(convention: .imf).mirroredRecords(records, for: selection)
        #expect(mirrored.count == 1)
        let record = try #require(mirrored.first)
        #expect(record.reporter == Self.korea && record.partner == Self.china && record.flow == .export)
        expectClose(try #require(record.value).amount, 100, rtol: 1e-15, atol: 0)
        #expect(record.quantity == Quantity(amount: 10, unit: .tonne) && record.isQuantityEstimated)
        #expect(record.note == "mirror of CHN's import from KOR (CIF ÷ 1.06)")
    }

    @Test("a partner's FOB exports read as the reporter's CIF imports: multiplied")
    func mirrorsExports() throws {
        // Korea exports 100 FOB to China; China's imports under ots are 100 × 1.08 = 108 (hand calculation).
        let selection = TradeSelection(reporter: Self.china, partner: Self.korea, flow: .import, commodity: .hs(try HSCode("2701")))
        let mirrored = MirrorView(convention: .ots).mirroredRecords([Self.record(Self.korea, Self.china, .export, 100)], for: selection)
        expectClose(try #require(mirrored.first?.value).amount, 108, rtol: 1e-15, atol: 0)
    }

    @Test("no convention keeps values exactly")
    func none() throws {
        let record = MirrorView(convention: .none).mirrored(Self.record(Self.china, Self.korea, .import, 123.456))
        #expect(record.value?.amount == 123.456)
        #expect(record.note == "mirror of CHN's import from KOR (no CIF/FOB adjustment)")
    }

    @Test("the mirror gap pairs the periods where both sides report")
    func gap() throws {
        let selection = TradeSelection(reporter: Self.korea, partner: Self.china, flow: .export, commodity: .hs(try HSCode("2701")))
        // China's imports from Korea (CIF): 2014 110, 2015 106, 2016 99; Korea's exports (FOB): 2015 95, 2016 100, 2017 80.
        let records = [Self.record(Self.china, Self.korea, .import, 110, year: 2014), Self.record(Self.china, Self.korea, .import, 106, year: 2015),
                       Self.record(Self.china, Self.korea, .import, 99, year: 2016), Self.record(Self.korea, Self.china, .export, 95, year: 2015),
                       Self.record(Self.korea, Self.china, .export, 100, year: 2016), Self.record(Self.korea, Self.china, .export, 80, year: 2017)]
        let view = MirrorView(convention: .imf)
        let builder = TradeSeriesBuilder()
        let mirror = try builder.build(view.mirroredRecords(records, for: selection), selection: selection)
        let reported = try builder.build(records, selection: selection)
        let gap = MirrorGap(reported: reported, mirror: mirror, convention: .imf)
        #expect(gap.points.map(\.period) == [Period(year: 2015), Period(year: 2016)])
        // 2015: 106/1.06 − 95 = 5, ratio 100/95; 2016: 99/1.06 − 100 = −6.6037735849056..., ratio 0.93396226415...
        expectClose(gap.points.map(\.gap), [5, 99 / 1.06 - 100], rtol: 1e-12, atol: 1e-12)
        expectClose(gap.points[1].gap, -6.6037735849056604, rtol: 1e-12, atol: 0)
        expectClose(gap.points.compactMap(\.ratio), [100.0 / 95, 0.93396226415094341], rtol: 1e-12, atol: 0)
    }
}
