import Foundation
import Testing
@testable import Scenarios
import TradeDomain
import _TestSupport

@Suite("Scenario impacts by HS section")
struct ScenarioOutcomeSectionsTests {
    /// Coal and lignite (section V, chapter 27) and jerseys (section XI, chapter 61) under one ban.
    static func outcome() throws -> ScenarioOutcome {
        let scenario = try Synthetic.scenario("""
            name: sections
            selection:
              hs: ["2701", "6110", "2702"]
            baseline:
              method: holt-winters
              trend: additive
              fit_to: 2013
            calendar: referenced
            events:
              - new: ban
                hs: ["2701", "2702", "6110"]
                effective: 2014-07-01
                compliance: 0.8
                phase_in_months: 3
            """)
        let series: [CommodityCode: TradeSeries] = [
            .hs(Synthetic.code("2701")): Synthetic.annualSeries("2701"),
            .hs(Synthetic.code("2702")): Synthetic.annualSeries("2702", scale: 0.3),
            .hs(Synthetic.code("6110")): Synthetic.annualSeries("6110", scale: 0.7),
        ]
        return ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: series)
    }

    @Test("codes are grouped by their section, sections in HS order")
    func grouping() throws {
        let sections = try Self.outcome().sections
        #expect(sections.map { $0.section?.roman } == ["V", "XI"])
        #expect(sections[0].codes.map(\.description) == ["2701", "2702"])
        #expect(sections[1].codes.map(\.description) == ["6110"])
        #expect(SectionImpact.section(of: .total) == nil)
        #expect(SectionImpact.section(of: .chapterRange(61...62))?.roman == "XI")
        #expect(SectionImpact.section(of: .chapterRange(27...61)) == nil)
    }

    @Test("sections add up to the total, and each section to its codes and its periods (rtol 1e-14: sums in another order)")
    func addsUp() throws {
        let outcome = try Self.outcome()
        let sections = outcome.sections
        let total = try #require(outcome.totals.forgoneValue)
        #expect(total.mean > 0)
        for keyPath in [\Estimate.mean, \Estimate.lower, \Estimate.upper] {
            let sum = sections.map { $0.totals.forgoneValue![keyPath: keyPath] }.reduce(0, +)
            expectClose(sum, total[keyPath: keyPath], rtol: 1e-14, atol: 0, "value over sections")
            let quantity = sections.map { $0.totals.forgoneQuantity![keyPath: keyPath] }.reduce(0, +)
            expectClose(quantity, outcome.totals.forgoneQuantity![keyPath: keyPath], rtol: 1e-14, atol: 0, "quantity over sections")
        }
        for section in sections {
            let members = outcome.commodities.filter { section.codes.contains($0.code) }
            expectClose(section.totals.forgoneValue!.mean, members.map { $0.totals.forgoneValue!.mean }.reduce(0, +),
                        rtol: 1e-14, atol: 0, "section over codes")
            expectClose(section.totals.forgoneValue!.mean, section.periods.map { $0.forgoneValue!.mean }.reduce(0, +),
                        rtol: 1e-14, atol: 0, "section over periods")
            for row in section.periods {
                let byCode = members.compactMap { $0.periods.first { $0.period == row.period }?.forgoneValue?.mean }
                #expect(row.valueCodes == byCode.count)
                expectClose(row.forgoneValue!.mean, byCode.reduce(0, +), rtol: 1e-14, atol: 0, "period \(row.period)")
            }
        }
    }
}
