import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Sanction screens on a hand-made coal series (every expected figure worked out in the comments)")
struct SanctionScreenTests {
    static let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import,
                                          commodity: .hs(try! HSCode("2701")), frequency: .monthly)

    /// Monthly points; `nil` value means no record for the month.
    static func series(_ rows: [(String, Double, Double)]) throws -> TradeSeries {
        TradeSeries(selection: selection, quantityUnit: .kilogram, points: try rows.map { period, value, kg in
            TradeSeriesPoint(period: try Period(parsing: period), value: MonetaryAmount(amount: value), quantity: Quantity(amount: kg, unit: .kilogram),
                             unitPrice: nil, missingQuantityShare: nil, suspectQuantityShare: nil, estimatedQuantityShare: nil,
                             valueSources: [], quantitySources: [], alternatives: [], codes: [.hs(try HSCode("2701"))])
        })
    }

    static func calendar() throws -> [SanctionEvent] {
        [
            // A DPRK-export ban on coal, effective 2017-02-19, grace until 2017-03-31.
            SanctionEvent(id: "ban", authority: "UNSC", adopted: try CalendarDate(year: 2017, month: 2, day: 19), partnerScope: "all", title: "coal ban",
                          measures: [SanctionMeasure(direction: .export, action: .ban, category: "coal", hsCodes: [try HSCode("2701")],
                                                     graceUntil: try CalendarDate(year: 2017, month: 3, day: 31))]),
            // An import-direction ban (goods into the DPRK) does not concern China's imports from it.
            SanctionEvent(id: "other-direction", authority: "UNSC", adopted: try CalendarDate(year: 2017, month: 1, day: 1), partnerScope: "all", title: "x",
                          measures: [SanctionMeasure(direction: .import, action: .ban, category: "coal", hsCodes: [try HSCode("2701")])]),
            // The UNSCR 2321 cap: USD 400,870,018 or 7,500,000 t a year, effective 2016-12-01 here.
            SanctionEvent(id: "cap", authority: "UNSC", adopted: try CalendarDate(year: 2016, month: 11, day: 30),
                          effective: try CalendarDate(year: 2016, month: 12, day: 1), partnerScope: "all", title: "coal cap",
                          measures: [SanctionMeasure(direction: .export, action: .cap, category: "coal", hsCodes: [try HSCode("27")],
                                                     cap: SanctionCap(valueUSD: 400_870_018, quantity: Quantity(amount: 7_500_000, unit: .tonne), periodDescription: nil))]),
        ]
    }

    @Test("selection context: DPRK exports to China, so the import-direction event is left out")
    func context() throws {
        let context = SanctionContext(calendar: SanctionCalendar(target: .northKorea, events: try Self.calendar(), origin: "test"), selection: Self.selection)
        #expect(context.direction == .export && context.reporter == .china)
        #expect(context.events.map(\.id) == ["ban", "cap"])
    }

    @Test("flow after ban plus grace, pre-ban surge, divergence and cap shares")
    func screens() throws {
        // Values in USD and quantities in kg; the unit price is 1 USD/kg in every month except 2017-04 (2 USD/kg).
        let rows: [(String, Double, Double)] = [
            ("2016-09", 10, 10), ("2016-10", 10, 10), ("2016-11", 10, 10), ("2016-12", 10, 10),
            ("2017-01", 30, 30), ("2017-02", 40, 40), ("2017-03", 5, 5), ("2017-04", 2, 1), ("2017-05", 0, 0),
        ]
        let flags = try SanctionScreen(surgeWindow: 2, surgeRatio: 1.5).screen(try Self.series(rows),
                                                                                context: SanctionContext(calendar: SanctionCalendar(target: .northKorea, events: try Self.calendar(), origin: "test"), selection: Self.selection))
        // Flow after ban: periods starting after 2017-03-31 with a non-zero flow: 2017-04 only (2017-05 is zero).
        let after = flags.filter { $0.kind == .flowAfterBan }
        #expect(after.map(\.period) == [try Period(year: 2017, month: 4)])
        #expect(after.first?.offsetFromSanction == 2 && after.first?.observed == 2)
        // Surge before the ban (event period 2017-02, w = 2): window 2016-12, 2017-01 mean (10 + 30) / 2 = 20;
        // baseline 2016-10, 2016-11 mean 10; 20 > 1.5 x 10, flagged at 2017-01.
        let surge = try #require(flags.first { $0.kind == .preBanSurge })
        #expect(surge.period == (try Period(year: 2017, month: 1)) && surge.observed == 20 && surge.reference == 10)
        // Divergence: only 2017-04, where value 5 -> 2 and quantity 5 -> 1: log(2/5) - log(1/5) = log 2 = 0.693 > 0.4.
        // Every other step keeps 1 USD/kg (change 0); 2017-05 has zero quantity, so no unit price.
        let divergence = flags.filter { $0.kind == .unitPriceDivergence }
        #expect(divergence.map(\.period) == [try Period(year: 2017, month: 4)])
        expectClose(divergence.first?.observed ?? .nan, log(2.0), rtol: 1e-15, atol: 0, "log 2")
        // Cap: 2016 counts 2016-12 (ends on/after 2016-12-01): 10 USD / 400,870,018 and 10 kg = 0.01 t / 7,500,000 t.
        // 2017: value 30 + 40 + 5 + 2 + 0 = 77 USD; quantity 30 + 40 + 5 + 1 + 0 = 76 kg = 0.076 t.
        let caps = flags.filter { $0.kind == .capUtilisation }
        #expect(caps.map(\.period) == [try Period(year: 2016, month: 12), try Period(year: 2017, month: 5)])
        let use2017 = try #require(caps.last?.capUtilisation)
        expectClose(use2017.valueShare ?? .nan, 77 / 400_870_018.0, rtol: 1e-15, atol: 0, "2017 value share")
        expectClose(use2017.quantityShare ?? .nan, 0.076 / 7_500_000, rtol: 1e-15, atol: 0, "2017 quantity share")
        // 77 / 400,870,018 = 1.92e-7 > 0.076 / 7.5e6 = 1.01e-8: value binds.
        #expect(use2017.bindingLimit == .value && !use2017.stopped)
    }

    @Test("cap shares in TradeDomain: the UNSCR 2321 example and unit conversion")
    func capArithmetic() throws {
        let cap = SanctionCap(valueUSD: 400_870_018, quantity: Quantity(amount: 7_500_000, unit: .tonne), periodDescription: nil)
        // 200,435,009 USD is half the value cap; 6,000,000,000 kg = 6,000,000 t is 0.8 of the quantity cap: quantity binds.
        let use = try #require(try cap.utilisation(value: 200_435_009, quantity: Quantity(amount: 6e9, unit: .kilogram)))
        #expect(use.valueShare == 0.5 && use.bindingLimit == .quantity)
        expectClose(use.share, 0.8, rtol: 1e-15, atol: 0, "quantity share")
        #expect(throws: TradeDomainError.self) { try cap.utilisation(value: nil, quantity: Quantity(amount: 1, unit: .metre)) }
        #expect(try cap.utilisation(value: nil, quantity: nil) == nil)
    }
}

@Suite("Sanction screens apply bans and caps only to series the measure contains")
struct SanctionScreenContainmentTests {
    @Test("a chapter-27 series is not screened against a 2701 cap or ban; a 270112 series is")
    func containment() throws {
        let coalCap = SanctionMeasure(direction: .export, action: .cap, category: "coal", hsCodes: [try HSCode("2701")],
                                      cap: SanctionCap(valueUSD: 100, quantity: nil, periodDescription: nil))
        let coalBan = SanctionMeasure(direction: .export, action: .ban, category: "coal", hsCodes: [try HSCode("2701")])
        let events = [
            SanctionEvent(id: "cap", authority: "UNSC", adopted: try CalendarDate(year: 2016, month: 12, day: 1), partnerScope: "all",
                          title: "cap", measures: [coalCap]),
            SanctionEvent(id: "ban", authority: "UNSC", adopted: try CalendarDate(year: 2017, month: 6, day: 1), partnerScope: "all",
                          title: "ban", measures: [coalBan]),
        ]
        let (subheading, chapter) = (try HSCode("270112"), try HSCode("27"))
        #expect(coalCap.contains(subheading) && !coalCap.contains(chapter))
        #expect(coalCap.covers(chapter))  // it still touches the chapter (for nearest-event notes)
        func flags(_ code: String) throws -> [SanctionFlag] {
            let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import, commodity: .hs(try HSCode(code)), frequency: .annual)
            // 2017: 150 USD against a 100 USD cap (150%), and a flow after the ban of 2017-06-01 in 2018.
            let series = TradeSeries(selection: selection, quantityUnit: nil, points: try [("2017", 150.0), ("2018", 50.0)].map { period, value in
                TradeSeriesPoint(period: try Period(parsing: period), value: MonetaryAmount(amount: value), quantity: nil, unitPrice: nil,
                                 missingQuantityShare: nil, suspectQuantityShare: nil, estimatedQuantityShare: nil,
                                 valueSources: [], quantitySources: [], alternatives: [], codes: [.hs(try HSCode(code))])
            })
            return try SanctionScreen().screen(series, context: SanctionContext(calendar: SanctionCalendar(target: .northKorea, events: events, origin: "test"), selection: selection))
        }
        #expect(try flags("27").filter { $0.kind == .capUtilisation || $0.kind == .flowAfterBan }.isEmpty)
        let sub = try flags("270112")
        #expect(sub.contains { $0.kind == .capUtilisation && $0.period == Period(year: 2017) })
        #expect(sub.contains { $0.kind == .flowAfterBan && $0.period == Period(year: 2018) })
    }
}
