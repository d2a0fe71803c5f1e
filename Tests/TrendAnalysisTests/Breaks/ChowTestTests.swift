import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Chow test against strucchange 1.5.3 sctest(type = \"Chow\") (R 4.2.2)")
struct ChowTestTests {
    @Test("F statistic and F(k, n - 2k) p-value at the one-break date", arguments: StructuralChangeReference.cases)
    func chow(name: String) throws {
        let reference = try referenceFixture("sctest").filter("case", equals: name).filter("test", equals: "Chow")
        let (series, lags) = try StructuralChangeReference.series(name)
        // R's point is the 1-based last observation of the first regime within the regression sample.
        let index = Int(reference.strings("point")[0])! - 1
        let skip = lags.max() ?? 0
        let result = try ChowTest.test(series, lastPeriodBefore: series.start.advanced(by: skip + index), lags: lags)
        // F from residual sums of squares of three QR fits: rtol 1e-7 (STYLE.md 4.7 for F statistics).
        expectClose(result.statistic, reference.doubles("statistic")[0], rtol: 1e-7, atol: 0, "\(name) Chow F")
        // Exact F distribution p-value: atol 1e-6 as for asymptotic p-values.
        expectClose(result.pValue, reference.doubles("p_value")[0], rtol: 0, atol: 1e-6, "\(name) Chow p")
        let k = lags.count + 1
        #expect(result.degreesOfFreedom == [Double(k), Double(series.count - skip - 2 * k)])
    }

    @Test("critical values are the F quantiles: the p-value at each is its level")
    func criticalValues() throws {
        let (series, _) = try StructuralChangeReference.series("nile")
        let result = try ChowTest.test(series, lastPeriodBefore: Period(year: 1898))
        // Hand check: qf(0.95, 1, 98) = 3.9381111 (R 4.2.2), to the 7 digits printed.
        let fivePercent = try #require(result.criticalValues.first { $0.significance == 0.05 })
        expectClose(fivePercent.value, 3.9381111, rtol: 1e-7, atol: 0, "qf(0.95, 1, 98)")
    }

    @Test("a break too close to either end is refused with the admissible range")
    func admissibleRange() throws {
        let (series, _) = try StructuralChangeReference.series("nile")
        #expect(throws: AnalysisError.self) { try ChowTest.test(series, lastPeriodBefore: Period(year: 1871)) }
        #expect(throws: AnalysisError.self) { try ChowTest.test(series, lastPeriodBefore: Period(year: 1970)) }
        #expect(throws: AnalysisError.self) { try ChowTest.test(series, lastPeriodBefore: Period(year: 1990)) }
        #expect(throws: AnalysisError.self) { try ChowTest(breakIndex: 0).test(response: [1, 2, 3, 4], regressors: [[1], [1], [1], [1]]) }
    }
}
