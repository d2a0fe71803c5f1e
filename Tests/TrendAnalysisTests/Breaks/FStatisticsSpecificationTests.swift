import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("sup-F, ave-F and exp-F against strucchange 1.5.3 Fstats(from = 0.15) and sctest (R 4.2.2)")
struct FStatisticsSpecificationTests {
    @Test("the F sequence over the trimmed range", arguments: StructuralChangeReference.cases)
    func sequence(name: String) throws {
        let reference = try referenceFixture("fstats").filter("case", equals: name)
        let (series, lags) = try StructuralChangeReference.series(name)
        let result = try FStatisticsSpecification(trimming: 0.15).fit(series, lags: lags)
        // R's indices are 1-based last observations of the first regime.
        #expect(result.breakIndices == reference.strings("index").map { Int($0)! - 1 })
        // F statistics from RSS of QR fits: rtol 1e-7 (STYLE.md 4.7).
        expectClose(result.statistics, reference.doubles("f"), rtol: 1e-7, atol: 0, "\(name) Fstats")
    }

    @Test("supF, aveF, expF statistics and Hansen (1997) p-values", arguments: StructuralChangeReference.cases)
    func tests(name: String) throws {
        let reference = try referenceFixture("sctest").filter("case", equals: name)
        let (series, lags) = try StructuralChangeReference.series(name)
        let result = try FStatisticsSpecification(trimming: 0.15).fit(series, lags: lags)
        for (test, ours) in [("supF", result.supF), ("aveF", result.aveF), ("expF", result.expF)] {
            let row = reference.filter("test", equals: test)
            expectClose(ours.statistic, row.doubles("statistic")[0], rtol: 1e-7, atol: 0, "\(name) \(test)")
            // Same response surface and interpolation as pvalue.Fstats: atol 1e-6 as for asymptotic p-values.
            expectClose(ours.pValue, row.doubles("p_value")[0], rtol: 0, atol: 1e-6, "\(name) \(test) p")
        }
    }

    @Test("Nile: the supremum is at 1898, the Bai-Perron one-break date")
    func nileSupremum() throws {
        let (series, _) = try StructuralChangeReference.series("nile")
        let result = try FStatisticsSpecification().fit(series)
        #expect(result.supremumIndex == 27)
        #expect(result.supremumPeriod == Period(year: 1898))
    }

    @Test("critical values invert Hansen's p-value function as R's uniroot does", arguments: StructuralChangeReference.cases)
    func criticalValues(name: String) throws {
        let (series, lags) = try StructuralChangeReference.series(name)
        let result = try FStatisticsSpecification().fit(series, lags: lags)
        // R 4.2.2, strucchange 1.5.3, with n, from = floor(0.15 n), to = n - from and lambda as in Fstats:
        //   uniroot(function(x) strucchange:::pvalue.Fstats(x, "supF", k, lambda) - a, c(1, 60), tol = 1e-12)$root
        // k = 1 (Nile, n = 100): 7.07491890586, 8.60850820115, 12.0739153994 for a = 0.10, 0.05, 0.01;
        // k = 3 (seatbelt, n = 180): 12.0959022563, 13.8804349962, 17.7247036413.
        // (Andrews 1993, Table 1, pi0 = 0.15, p = 1 tabulates 8.68 at 5%; Hansen's surface is within 1% of it.)
        let expected = name == "nile" ? [7.07491890586, 8.60850820115, 12.0739153994] : [12.0959022563, 13.8804349962, 17.7247036413]
        #expect(result.supF.criticalValues.map(\.significance) == [0.10, 0.05, 0.01])
        // Both are root finders on the same function to about 1e-12; R's printed 12 digits bound the check at rtol 1e-10.
        expectClose(result.supF.criticalValues.map(\.value), expected, rtol: 1e-10, atol: 0, "\(name) supF critical values")
    }

    @Test("a trimming outside (0, 0.5) is refused")
    func trimming() throws {
        let (series, _) = try StructuralChangeReference.series("nile")
        #expect(throws: AnalysisError.self) { try FStatisticsSpecification(trimming: 0.5).fit(series) }
        #expect(throws: AnalysisError.self) { try FStatisticsSpecification(trimming: 0).fit(series) }
    }
}
