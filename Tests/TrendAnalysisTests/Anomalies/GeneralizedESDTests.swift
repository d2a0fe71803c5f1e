import Foundation
import Testing
import TrendAnalysis
import _TestSupport

@Suite("Generalized ESD against Rosner's formulas coded in R 4.2.2 (generate/anomalies.R)")
struct GeneralizedESDTests {
    static func values(_ name: String) throws -> [Double] {
        name == "rivers" ? try referenceFixture("rivers").doubles("miles") : try referenceFixture("anomalies_zscore").doubles("residual")
    }

    @Test("statistics, critical values and removal order", arguments: [("rivers", 10), ("nile_residuals", 5)])
    func steps(name: String, r: Int) throws {
        let reference = try referenceFixture("anomalies_esd").filter("case", equals: name)
        let result = try GeneralizedESD(maximumOutliers: r, significance: 0.05).test(try Self.values(name))
        #expect(result.steps.map(\.index) == reference.strings("index").map { Int($0)! })
        // Means and standard deviations of up to 141 values: rtol 1e-12.
        expectClose(result.steps.map(\.statistic), reference.doubles("statistic"), rtol: 1e-12, atol: 0, "\(name) R_i")
        // lambda_i uses the Student t quantile; NumericCore's quantile against R's qt: rtol 1e-9.
        expectClose(result.steps.map(\.criticalValue), reference.doubles("critical"), rtol: 1e-9, atol: 0, "\(name) lambda_i")
    }

    @Test("rivers: 8 outliers although step 7 alone is not significant (the largest i rule)")
    func largestStepRule() throws {
        let result = try GeneralizedESD(maximumOutliers: 10).test(try Self.values("rivers"))
        // From anomalies_esd.csv: R_7 = 3.371 < lambda_7 = 3.483, R_8 = 3.505 > lambda_8 = 3.481.
        #expect(result.outlierCount == 8)
        #expect(result.outlierIndices == [67, 69, 65, 68, 100, 140, 6, 22])
        #expect(try GeneralizedESD(maximumOutliers: 5).test(try Self.values("nile_residuals")).outlierCount == 0)
    }

    @Test("invalid requests are refused")
    func refusals() {
        #expect(throws: AnalysisError.self) { try GeneralizedESD(maximumOutliers: 2).test([1, 2, 3]) }
        #expect(throws: AnalysisError.self) { try GeneralizedESD(maximumOutliers: 1, significance: 1).test([1, 2, 3, 4]) }
        #expect(throws: AnalysisError.self) { try GeneralizedESD(maximumOutliers: 1).test([1, .nan, 3, 4]) }
    }
}
