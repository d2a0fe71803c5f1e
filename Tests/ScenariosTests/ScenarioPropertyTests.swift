import Foundation
import Testing
@testable import Scenarios
import TradeDomain
import _TestSupport

/// Property test of the scenario engine (issue 11): a scenario with no events gives the
/// baseline itself, with nothing forgone, for seeded random series (SplitMix64) and
/// each baseline method. Exact equality: no event means a retained share of exactly 1,
/// and the counterfactual is the baseline multiplied by nothing.
@Suite("scenario with no events = baseline, on random series")
struct ScenarioPropertyTests {
    static func randomSeries(_ commodity: String, _ random: inout PropertyRandom) -> TradeSeries {
        let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import,
                                       commodity: (try? CommodityCode(parsing: commodity))!, frequency: .annual)
        let level = random.magnitude(from: 1e5, decades: 4), growth = random.uniform(-0.05...0.15)
        let price = random.uniform(20...200)
        let points = (2006...2017).map { year -> TradeSeriesPoint in
            let t = Double(year - 2006)
            let value = level * (1 + growth * t) * random.uniform(0.8...1.2)
            let quantity = value / (price * random.uniform(0.9...1.1))
            return TradeSeriesPoint(period: Period(year: year), value: MonetaryAmount(amount: value),
                                    quantity: Quantity(amount: quantity, unit: .tonne), unitPrice: nil, missingQuantityShare: nil,
                                    suspectQuantityShare: nil, estimatedQuantityShare: nil, valueSources: ["TEST"], quantitySources: ["TEST"],
                                    alternatives: [], codes: [])
        }
        return TradeSeries(selection: selection, quantityUnit: .tonne, points: points)
    }

    @Test("no events: counterfactual = baseline and forgone = 0 in every period, for every baseline method")
    func noEventsIsBaseline() throws {
        var random = PropertyRandom(seed: 2_321)
        for trial in 0..<12 {
            let method = ["holt-winters", "regression", "ets", "auto"][trial % 4]
            let scenario = try Synthetic.scenario("""
                name: property \(trial)
                selection:
                  hs: ["2701", "2702"]
                baseline:
                  method: \(method)
                  trend: additive
                  fit_to: \(2011 + random.integer(0...2))
                  allow_short: true
                calendar: referenced

                """)
            let series: [CommodityCode: TradeSeries] = [
                .hs(Synthetic.code("2701")): Self.randomSeries("2701", &random),
                .hs(Synthetic.code("2702")): Self.randomSeries("2702", &random),
            ]
            let outcome = ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: series)
            #expect(outcome.commodities.count == 2, "trial \(trial)")
            for commodity in outcome.commodities {
                #expect(!commodity.periods.isEmpty, "trial \(trial) \(method): \(commodity.notes)")
                for p in commodity.periods {
                    #expect(p.retainedShare == 1, "trial \(trial) \(method) \(p.period)")
                    #expect(p.baselineValue != nil && p.baselineQuantity != nil, "trial \(trial) \(method) \(p.period)")
                    #expect(p.counterfactualValue == p.baselineValue && p.counterfactualQuantity == p.baselineQuantity, "trial \(trial) \(method)")
                    #expect(p.forgoneValue?.mean == 0 && p.forgoneQuantity?.mean == 0, "trial \(trial) \(method)")
                }
            }
            #expect(outcome.totals.forgoneValue?.mean == 0, "trial \(trial) \(method)")
        }
    }
}
