import Foundation
import Testing
import _TestSupport
@testable import NumericCore

/// Regression inference against statsmodels 0.15 (Reference/ols_inference.csv,
/// made by Reference/generate/ols_inference.py on statsmodels' bundled Longley
/// and macrodata sets; see PROVENANCE.md).
@Suite("RegressionResults against statsmodels")
struct RegressionResultsTests {
    static func fixture(_ name: String) throws -> Fixture {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Reference"))
        return try Fixture(url: url)
    }

    /// The design, response, weights and specification of each case, as in the script.
    static func setUp(_ name: String) throws -> (LinearRegression, Matrix, [Double], [Double]?) {
        if name.hasPrefix("longley") {
            let data = try fixture("longley")
            let names = ["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]
            var columns = names.map { data.doubles($0) }
            let y = data.doubles("TOTEMP")
            let intercept = name != "longley_noint"
            if intercept { columns.insert([Double](repeating: 1, count: y.count), at: 0) }
            let weights = name == "longley_wls" ? data.doubles("GNP").map { 1 / $0 } : nil
            let estimator: CovarianceEstimator = name == "longley_hac"
                ? .neweyWest(lags: nil, smallSampleCorrection: false) : .classical   // nil: default rule gives 2
            let spec = LinearRegression(columnNames: (intercept ? ["const"] : []) + names,
                                        hasIntercept: intercept, covarianceEstimator: estimator)
            return (spec, Matrix(columns: columns), y, weights)
        } else {
            let data = try fixture("macrodata")
            let y = data.doubles("realinv")
            let columns = [[Double](repeating: 1, count: y.count), data.doubles("realgdp"), data.doubles("realint")]
            let estimator: CovarianceEstimator = switch name {
            case "macro_hac": .neweyWest(lags: 4, smallSampleCorrection: false)
            case "macro_hac_corrected": .neweyWest(lags: 4, smallSampleCorrection: true)
            default: .classical
            }
            let spec = LinearRegression(columnNames: ["const", "realgdp", "realint"], hasIntercept: true,
                                        covarianceEstimator: estimator)
            return (spec, Matrix(columns: columns), y, nil)
        }
    }

    @Test(arguments: ["longley_ols", "longley_noint", "longley_wls", "longley_hac",
                      "macro_ols", "macro_hac", "macro_hac_corrected"])
    func matchesStatsmodels(name: String) throws {
        let reference = try Self.fixture("ols_inference").filter("case", equals: name)
        func values(_ quantity: String) -> [Double] { reference.filter("quantity", equals: quantity).doubles("value") }
        func value(_ quantity: String) throws -> Double { try #require(values(quantity).first) }

        let (spec, design, y, weights) = try Self.setUp(name)
        let result = try spec.fit(design: design, response: y, weights: weights)
        let c = result.coefficients
        // The HAC cases compare statsmodels' cov_type="HAC" results with the Newey–West
        // inference that the results carry beside the classical one (normal reference).
        let robust = result.hac != nil
        let standardErrors = robust ? c.map { $0.hacStandardError ?? .nan } : c.map(\.standardError)
        let statistics = robust ? zip(c, standardErrors).map { $0.estimate / $1 } : c.map(\.tStatistic)
        let pValues = robust ? c.map { $0.hacPValue ?? .nan } : c.map(\.pValue)
        let fStatistic = result.hac?.fStatistic ?? result.fStatistic
        let fPValue = result.hac?.fPValue ?? result.fPValue

        // statsmodels solves by pinv (SVD); Longley's condition number is about
        // 5e9 (4.9e9 after statsmodels' own check), so its estimates carry about
        // 1e-10 relative error against NIST; 1e-8 is the brief's tolerance.
        let rtol = 1e-8
        expectClose(c.map(\.estimate), values("params"), rtol: rtol, atol: 0, "\(name) params")
        expectClose(standardErrors, values("bse"), rtol: rtol, atol: 0, "\(name) bse")
        let exactStandardErrors = values("bse_exact")
        if !exactStandardErrors.isEmpty {
            // HAC cases: the script's 60-digit mpmath recomputation. Our sandwich
            // is accumulated in double-double from the refined (XᵀX)⁻¹.
            expectClose(standardErrors, exactStandardErrors, rtol: 1e-10, atol: 0, "\(name) HAC bse (60-digit)")
            expectClose(fStatistic, try value("fvalue_exact"), rtol: 1e-10, atol: 0, "\(name) Wald F (60-digit)")
        }
        expectClose(statistics, values("tvalues"), rtol: rtol, atol: 0, "\(name) tvalues")
        // p-values: relative plus an absolute floor of 1e-10 (tiny p-values
        // inherit the relative error of t multiplied by |t|·d ln p/d t).
        expectClose(pValues, values("pvalues"), rtol: rtol, atol: 1e-10, "\(name) pvalues")
        // A bound β̂ ± q·SE near zero inherits the absolute error of q·SE, so
        // each bound also gets an absolute allowance of rtol · q · SE.
        for (level, prefix) in [(0.95, "conf"), (0.90, "conf90")] {
            let intervals = robust ? try #require(result.hacConfidenceIntervals(level: level)) : result.confidenceIntervals(level: level)
            let lower = values("\(prefix)_lower"), upper = values("\(prefix)_upper")
            try #require(lower.count == intervals.count && upper.count == intervals.count)
            for j in intervals.indices {
                let halfWidth = (intervals[j].upper - intervals[j].lower) / 2
                expectClose(intervals[j].lower, lower[j], rtol: rtol, atol: rtol * halfWidth, "\(name) \(level) lower[\(j)]")
                expectClose(intervals[j].upper, upper[j], rtol: rtol, atol: rtol * halfWidth, "\(name) \(level) upper[\(j)]")
            }
        }
        expectClose(result.rSquared, try value("rsquared"), rtol: rtol, atol: 0, "\(name) R²")
        expectClose(result.adjustedRSquared, try value("rsquared_adj"), rtol: rtol, atol: 0, "\(name) adjusted R²")
        // statsmodels' Wald F under HAC inverts a robust covariance built from its
        // pinv-based (XᵀX)⁻¹; on Longley (condition number ~5e9) it is 3.9e-7 away
        // from the 60-digit value checked above, so only there the check is 1e-6.
        let fTolerance = name == "longley_hac" ? 1e-6 : rtol
        expectClose(fStatistic, try value("fvalue"), rtol: fTolerance, atol: 0, "\(name) F")
        expectClose(fPValue, try value("f_pvalue"), rtol: rtol, atol: 1e-10, "\(name) F p-value")
        expectClose(result.logLikelihood, try value("llf"), rtol: rtol, atol: 0, "\(name) llf")
        expectClose(result.aic, try value("aic"), rtol: rtol, atol: 0, "\(name) AIC")
        expectClose(result.bic, try value("bic"), rtol: rtol, atol: 0, "\(name) BIC")
        expectClose(result.durbinWatson, try value("durbin_watson"), rtol: rtol, atol: 0, "\(name) DW")
        expectClose(result.leastSquares.residualSumOfSquares, try value("ssr"), rtol: rtol, atol: 0, "\(name) SSR")
        #expect(Double(result.modelDegreesOfFreedom) == (try value("df_model")))
        #expect(Double(result.residualDegreesOfFreedom) == (try value("df_resid")))
    }

    @Test func defaultNeweyWestLagRule() {
        // Hand values of ⌊4 (n/100)^(2/9)⌋: n = 16 → ⌊2.66⌋ = 2; n = 100 → 4; n = 203 → ⌊4.68⌋ = 4;
        // n = 1000 → ⌊6.69⌋ = 6.
        #expect(CovarianceEstimator.defaultNeweyWestLags(observationCount: 16) == 2)
        #expect(CovarianceEstimator.defaultNeweyWestLags(observationCount: 100) == 4)
        #expect(CovarianceEstimator.defaultNeweyWestLags(observationCount: 203) == 4)
        #expect(CovarianceEstimator.defaultNeweyWestLags(observationCount: 1000) == 6)
    }

    @Test func relabellingRowsWithoutChangingOrderKeepsCoefficients() throws {
        // Property: permuting the design columns permutes the estimates.
        let (spec, design, y, _) = try Self.setUp("macro_ols")
        let swapped = Matrix(columns: [design.column(0), design.column(2), design.column(1)])
        let a = try spec.fit(design: design, response: y)
        let b = try LinearRegression(hasIntercept: true).fit(design: swapped, response: y)
        expectClose([b.coefficients[0].estimate, b.coefficients[2].estimate, b.coefficients[1].estimate],
                    a.coefficients.map(\.estimate), rtol: 1e-13, atol: 0, "permuted estimates")
    }

    @Test func noResidualDegreesOfFreedomThrows() {
        // Two observations, two parameters: σ̂² is undefined, so inference must refuse.
        let design = Matrix(rows: [[1, 0], [1, 1]])
        #expect(throws: LinearAlgebraError.tooFewObservations(observations: 2, parameters: 2)) {
            try LinearRegression().fit(design: design, response: [1, 2])
        }
    }
}
