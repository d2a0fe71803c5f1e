import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("SanctionEffectSpecification: difference in differences and event study against statsmodels")
struct SanctionEffectSpecificationTests {
    /// The seeded synthetic panel of `Reference/sanction_panel.csv` (see PROVENANCE.md).
    static func panel() throws -> [BasketObservation] {
        let fixture = try referenceFixture("sanction_panel")
        return try fixture.rows.map { row in
            BasketObservation(period: try Period(parsing: row[0]), code: row[1], value: Double(row[2])!, quantity: nil)
        }
    }

    static let treated: Set<String> = ["S01", "S02", "S03", "S04", "S05"]

    @Test("estimates, standard errors and p-values match statsmodels OLS (QR)", arguments: PanelCovariance.allCases)
    func statsmodels(covariance: PanelCovariance) throws {
        let effect = try SanctionEffectSpecification(treatedCodes: Self.treated, eventPeriod: Period(year: 2017), covariance: covariance)
            .fit(try Self.panel())
        let name = covariance == .classical ? "classical" : "cluster"
        let reference = try referenceFixture("sanction_event_study").filter("covariance", equals: name)
        let did = reference.filter("model", equals: "did")
        let event = reference.filter("model", equals: "event")
        #expect(effect.observationCount == 119 && Double(effect.observationCount) == did.doubles("n")[0])
        #expect(effect.exclusions.map { "\($0.code) \($0.period)" } == ["N07 2012"])
        #expect(effect.referencePeriod == Period(year: 2016))
        // OLS by QR on a well-conditioned dummy design (33 columns): rtol 1e-8 for estimates and standard errors.
        expectClose(effect.differenceInDifferences.estimate, did.doubles("estimate")[0], rtol: 1e-8, atol: 0, "did")
        expectClose(effect.differenceInDifferences.standardError, did.doubles("std_error")[0], rtol: 1e-8, atol: 0, "did se")
        #expect(effect.eventStudy.map(\.name) == event.strings("term").map { "event[\($0.dropFirst(6))]" })
        #expect(effect.eventStudy.map(\.periodsFromEvent) == [-7, -6, -5, -4, -3, -2, 0, 1, 2])
        expectClose(effect.eventStudy.map(\.estimate), event.doubles("estimate"), rtol: 1e-8, atol: 0, "event estimates")
        expectClose(effect.eventStudy.map(\.standardError), event.doubles("std_error"), rtol: 1e-8, atol: 0, "event se")
        // p-values from asymptotic distributions: rtol 1e-6 plus atol 1e-12 for the tiny ones (some are 1e-90).
        expectClose(effect.eventStudy.map(\.pValue), event.doubles("p_value"), rtol: 1e-6, atol: 1e-12, "event p")
        expectClose(effect.differenceInDifferences.pValue, did.doubles("p_value")[0], rtol: 1e-6, atol: 1e-12, "did p")
    }

    @Test("a constant shift of the treated codes after the event is recovered exactly, with zero pre-trend")
    func exactShift() throws {
        // y = code effect + period effect − 0.5 · treated · post, no noise: δ = −0.5, βₖ = 0 for 2010, 2011 (2012 is the reference), −0.5 from 2013.
        var panel: [BasketObservation] = []
        for (k, code) in ["A", "B", "C", "D"].enumerated() {
            for year in 2010...2015 {
                let y = 10 + Double(k) + 0.1 * Double(year - 2010) + (k < 2 && year >= 2013 ? -0.5 : 0)
                panel.append(BasketObservation(period: Period(year: year), code: code, value: exp(y), quantity: nil))
            }
        }
        let effect = try SanctionEffectSpecification(treatedCodes: ["A", "B"], eventPeriod: Period(year: 2013), covariance: .classical).fit(panel)
        expectClose(effect.differenceInDifferences.estimate, -0.5, rtol: 1e-12, atol: 0, "did")
        expectClose(effect.eventStudy.map(\.estimate), [0, 0, -0.5, -0.5, -0.5], rtol: 1e-10, atol: 1e-12, "event")
    }

    @Test("refusals: one group only, event outside the panel, a duplicate")
    func refusals() throws {
        let panel = try Self.panel()
        #expect(throws: AnalysisError.self) {
            try SanctionEffectSpecification(treatedCodes: [], eventPeriod: Period(year: 2017)).fit(panel)
        }
        #expect(throws: AnalysisError.self) {
            try SanctionEffectSpecification(treatedCodes: Self.treated, eventPeriod: Period(year: 2030)).fit(panel)
        }
        #expect(throws: AnalysisError.self) {
            try SanctionEffectSpecification(treatedCodes: Self.treated, eventPeriod: Period(year: 2010)).fit(panel)
        }
        #expect(throws: AnalysisError.self) {
            try SanctionEffectSpecification(treatedCodes: Self.treated, eventPeriod: Period(year: 2017)).fit(panel + [panel[0]])
        }
    }

    @Test("clustered standard errors are refused with few codes; classical ones are given")
    func fewClusters() throws {
        // Three codes (1 sanctioned, 2 other), as a user's chapter-level panel might be: clustered SEs would collapse.
        var panel: [BasketObservation] = []
        for (k, code) in ["A", "B", "C"].enumerated() {
            for year in 2010...2015 {
                let y = 10 + Double(k) + 0.1 * Double(year - 2010) + (k == 0 && year >= 2013 ? -0.5 : 0) + 0.01 * Double((year * 7 + k * 3) % 5)
                panel.append(BasketObservation(period: Period(year: year), code: code, value: exp(y), quantity: nil))
            }
        }
        #expect(throws: AnalysisError.self) {
            try SanctionEffectSpecification(treatedCodes: ["A"], eventPeriod: Period(year: 2013), covariance: .clusteredByCode).fit(panel)
        }
        let classical = try SanctionEffectSpecification(treatedCodes: ["A"], eventPeriod: Period(year: 2013), covariance: .classical).fit(panel)
        #expect(classical.differenceInDifferences.standardError > 1e-6)
    }
}
