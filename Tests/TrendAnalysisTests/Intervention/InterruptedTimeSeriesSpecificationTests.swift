import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Interrupted time series against R 4.2.2 lm and sandwich 3.0.2 NeweyWest")
struct InterruptedTimeSeriesSpecificationTests {
    static func fit(_ name: String) throws -> InterruptedTimeSeriesFit {
        if name == "nile" {
            let nile = TimeSeries(start: Period(year: 1871), values: try referenceFixture("nile").doubles("flow"))
            return try InterruptedTimeSeriesSpecification(interventionPeriod: Period(year: 1899), hacLags: 3).fit(nile)
        }
        let deaths = try referenceFixture("ukdriverdeaths")
        let series = TimeSeries(start: try Period(parsing: deaths.strings("period")[0]), values: deaths.doubles("deaths"))
        return try InterruptedTimeSeriesSpecification(interventionPeriod: try Period(year: 1983, month: 2), seasonal: true, hacLags: 4).fit(series)
    }

    @Test("coefficients, classical and HAC standard errors and p-values", arguments: ["nile", "seatbelt_law"])
    func coefficients(name: String) throws {
        let reference = try referenceFixture("its").filter("case", equals: name)
        let result = try Self.fit(name)
        #expect(result.interventionIndex == Int(reference.strings("t0")[0])!)
        #expect(result.regression.coefficients.count == reference.rows.count)
        // OLS by QR against lm (QR): rtol 1e-9 (STYLE.md 4.7). The seasonal design with a linear time
        // column is well conditioned at n = 192 (R kappa(model.matrix, exact = TRUE) = 1378).
        expectClose(result.regression.coefficients.map(\.estimate), reference.doubles("estimate"), rtol: 1e-9, atol: 0, "\(name) estimates")
        expectClose(result.regression.coefficients.map(\.standardError), reference.doubles("std_error"), rtol: 1e-9, atol: 0, "\(name) SE")
        // HAC: a sandwich of the same pieces; rtol 1e-8 as issue 5 states.
        expectClose(result.regression.coefficients.map { $0.hacStandardError ?? .nan }, reference.doubles("hac_std_error"), rtol: 1e-8, atol: 0, "\(name) HAC SE")
        // p-values: relative 1e-6 (tail areas far below 1e-6 are compared relatively, not absolutely).
        expectClose(result.regression.coefficients.map(\.pValue), reference.doubles("p"), rtol: 1e-6, atol: 0, "\(name) p")
        expectClose(result.regression.coefficients.map { $0.hacPValue ?? .nan }, reference.doubles("hac_p"), rtol: 1e-6, atol: 0, "\(name) HAC p")
        let terms = reference.strings("term")
        let level = terms.firstIndex(of: "level")!, since = terms.firstIndex(of: "since")!
        #expect(result.levelChange.estimate == result.regression.coefficients[level].estimate)
        #expect(result.slopeChange.hacStandardError == result.regression.coefficients[since].hacStandardError)
        #expect(result.levelChange.name == "level_change" && result.slopeChange.name == "slope_change")
    }

    @Test("fitted and counterfactual paths", arguments: ["nile", "seatbelt_law"])
    func counterfactual(name: String) throws {
        let reference = try referenceFixture("its_counterfactual").filter("case", equals: name)
        let result = try Self.fit(name)
        expectClose(result.fittedValues, reference.doubles("fitted"), rtol: 1e-9, atol: 0, "\(name) fitted")
        expectClose(result.counterfactual, reference.doubles("counterfactual"), rtol: 1e-9, atol: 0, "\(name) counterfactual")
        // Property: before the intervention the counterfactual is the fit.
        let before = result.interventionIndex
        // X β summed with and without the two zero columns differs in the last bits only: rtol 1e-12.
        expectClose(Array(result.counterfactual[..<before]), Array(result.fittedValues[..<before]), rtol: 1e-12, atol: 0, "\(name) before")
    }

    @Test("bad requests are refused with the constraint")
    func refusals() throws {
        let nile = TimeSeries(start: Period(year: 1871), values: try referenceFixture("nile").doubles("flow"))
        #expect(throws: AnalysisError.self) { try InterruptedTimeSeriesSpecification(interventionPeriod: Period(year: 1980)).fit(nile) }
        #expect(throws: AnalysisError.self) { try InterruptedTimeSeriesSpecification(interventionPeriod: Period(year: 1872)).fit(nile) }
        #expect(throws: AnalysisError.self) { try InterruptedTimeSeriesSpecification(interventionPeriod: Period(year: 1899), seasonal: true).fit(nile) }
        // Gaps are left out: four observed years before 2005 pass; one (2000 only) before 2002 does not.
        let gap = TimeSeries<Double>(start: Period(year: 2000), values: [1, 3, nil, 4, 8, 6, 9, 7, 12])
        #expect(throws: AnalysisError.self) { try InterruptedTimeSeriesSpecification(interventionPeriod: Period(year: 2002)).fit(
            TimeSeries<Double>(start: Period(year: 2000), values: [1, nil, nil, 4, 5, 6])) }
        #expect(try InterruptedTimeSeriesSpecification(interventionPeriod: Period(year: 2005)).fit(gap).observationCount == 8)
    }
}
