import Foundation
@testable import Scenarios
import TradeDomain

/// Synthetic inputs for the scenario tests (the tests never read Data/).
enum Synthetic {
    static func date(_ text: String) -> CalendarDate { (try? CalendarDate(parsing: text))! }
    static func code(_ text: String) -> HSCode { (try? HSCode(text))! }

    /// A calendar in the shape of the real one: a coal ban with a grace period, a coal cap, a textile ban,
    /// and a US measure that does not bind China.
    static let calendar: [SanctionEvent] = [
        SanctionEvent(id: "BAN-COAL", authority: "UNSC", adopted: date("2017-08-05"), partnerScope: "all", title: "coal ban",
                      measures: [SanctionMeasure(direction: .export, action: .ban, category: "coal", hsCodes: [code("2701")],
                                                 graceUntil: date("2017-09-04"))]),
        SanctionEvent(id: "CAP-COAL", authority: "UNSC", adopted: date("2016-11-30"), partnerScope: "all", title: "coal cap",
                      measures: [SanctionMeasure(direction: .export, action: .cap, category: "coal", hsCodes: [code("2701")],
                                                 effective: date("2017-01-01"),
                                                 cap: SanctionCap(valueUSD: 400_870_018, quantity: Quantity(amount: 7_500_000, unit: .tonne),
                                                                  periodDescription: "per year"))]),
        SanctionEvent(id: "BAN-TEXTILES", authority: "UNSC", adopted: date("2017-09-11"), partnerScope: "all", title: "textiles",
                      measures: [SanctionMeasure(direction: .export, action: .ban, category: "textiles",
                                                 hsCodes: (50...63).map { code(String($0)) })]),
        SanctionEvent(id: "US-ALL", authority: "US", adopted: date("2011-04-18"), partnerScope: "US only", title: "US imports",
                      measures: [SanctionMeasure(direction: .export, action: .ban, category: "all", coversAllGoods: true)]),
    ]

    static let context = ScenarioFile.Context(calendar: calendar, dataRange: date("2007-01-01")...date("2017-12-31"))

    /// An annual series with a value and a quantity each year from 2008 to 2017 (linear plus a wiggle).
    static func annualSeries(_ commodity: String, scale: Double = 1) -> TradeSeries {
        let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import,
                                       commodity: (try? CommodityCode(parsing: commodity))!, frequency: .annual)
        let points = (2008...2017).map { year -> TradeSeriesPoint in
            let t = Double(year - 2008)
            let value = scale * (100e6 + 20e6 * t + (year % 2 == 0 ? 3e6 : -2e6))
            let quantity = scale * (1e6 + 0.2e6 * t + (year % 3 == 0 ? 0.05e6 : -0.02e6))
            return TradeSeriesPoint(period: Period(year: year), value: MonetaryAmount(amount: value),
                                    quantity: Quantity(amount: quantity, unit: .tonne), unitPrice: nil, missingQuantityShare: nil,
                                    suspectQuantityShare: nil, estimatedQuantityShare: nil, valueSources: ["TEST"], quantitySources: ["TEST"],
                                    alternatives: [], codes: [])
        }
        return TradeSeries(selection: selection, quantityUnit: .tonne, points: points)
    }

    static func scenario(_ yaml: String) throws -> Scenario {
        try ScenarioFile.parse(yaml: yaml, file: "test.yaml", context: context)
    }
}
