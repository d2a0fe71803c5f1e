import Testing
import _TestSupport
@testable import NumericCore

/// The covariance swap and the reparametrisation of `RegressionResults`.
@Suite("RegressionResults: covariance swap without refitting, reparametrisation")
struct RegressionResultsCovarianceTests {
    /// Every number of two results, coefficient by coefficient, at one relative tolerance
    /// (p-values with an absolute floor of 1e-300, for the tiny ones of macrodata).
    static func expectSame(_ a: RegressionResults, _ b: RegressionResults, rtol: Double, _ label: String) {
        #expect(a.coefficients.map(\.name) == b.coefficients.map(\.name), "\(label) names")
        func column(_ results: RegressionResults, _ value: (RegressionCoefficient) -> Double?) -> [Double] {
            results.coefficients.map { value($0) ?? .nan }
        }
        for (quantity, value) in [("estimate", { (c: RegressionCoefficient) -> Double? in c.estimate }), ("se", { $0.standardError }),
                                  ("t", { $0.tStatistic }), ("lower", { $0.lower }), ("upper", { $0.upper }),
                                  ("hac se", { $0.hacStandardError })] {
            expectClose(column(a, value), column(b, value), rtol: rtol, atol: 0, "\(label) \(quantity)")
        }
        expectClose(column(a, \.pValue), column(b, \.pValue), rtol: rtol, atol: 1e-300, "\(label) p")
        expectClose(column(a, \.hacPValue), column(b, \.hacPValue), rtol: rtol, atol: 1e-300, "\(label) HAC p")
        expectClose(a.covariance.storage, b.covariance.storage, rtol: rtol, atol: 0, "\(label) covariance")
        #expect((a.hac == nil) == (b.hac == nil), "\(label) HAC present in one only")
        if let ha = a.hac, let hb = b.hac {
            #expect(ha.lags == hb.lags && ha.smallSampleCorrection == hb.smallSampleCorrection, "\(label) HAC options")
            expectClose(ha.covariance.storage, hb.covariance.storage, rtol: rtol, atol: 0, "\(label) HAC covariance")
            expectClose([ha.fStatistic, ha.fPValue], [hb.fStatistic, hb.fPValue], rtol: rtol, atol: 1e-300, "\(label) Wald F")
        }
        expectClose([a.fStatistic, a.fPValue, a.rSquared, a.adjustedRSquared, a.residualStandardError, a.logLikelihood,
                     a.aic, a.bic, a.durbinWatson, a.residualSumOfSquares],
                    [b.fStatistic, b.fPValue, b.rSquared, b.adjustedRSquared, b.residualStandardError, b.logLikelihood,
                     b.aic, b.bic, b.durbinWatson, b.residualSumOfSquares], rtol: rtol, atol: 1e-300, "\(label) fit statistics")
    }

    /// Differential: `LinearRegression(covarianceEstimator: .neweyWest)` (the former path fitted the
    /// model a second time for it) against the classical fit with the covariance swapped. Both
    /// solve one least-squares problem, so they agree to rounding: rtol 1e-12.
    @Test("fitting with Newey-West equals the classical fit with the covariance swapped", arguments: [
        ("macro_ols", CovarianceEstimator.neweyWest(lags: 4, smallSampleCorrection: false)),
        ("macro_ols", .neweyWest(lags: 4, smallSampleCorrection: true)),
        ("longley_ols", .neweyWest(lags: nil, smallSampleCorrection: false)),
        ("longley_wls", .neweyWest(lags: 3, smallSampleCorrection: false)),
    ])
    func swapEqualsFit(name: String, estimator: CovarianceEstimator) throws {
        let (classicalSpecification, design, y, weights) = try RegressionResultsTests.setUp(name)
        let specification = LinearRegression(columnNames: classicalSpecification.columnNames, hasIntercept: classicalSpecification.hasIntercept,
                                             covarianceEstimator: estimator)
        let fitted = try specification.fit(design: design, response: y, weights: weights)
        let classical = try classicalSpecification.fit(design: design, response: y, weights: weights)
        let swapped = try classical.withCovariance(estimator, design: design)
        #expect(swapped.hac != nil && classical.hac == nil)
        Self.expectSame(fitted, swapped, rtol: 1e-12, "\(name) \(estimator)")
        // The classical inference is the same with or without the HAC covariance, and swapping
        // back drops the HAC part.
        for (a, b) in zip(swapped.coefficients, classical.coefficients) {
            #expect(a.estimate == b.estimate && a.standardError == b.standardError && a.pValue == b.pValue
                    && a.lower == b.lower && a.upper == b.upper)
        }
        #expect(try swapped.withCovariance(.classical, design: design) == classical)
    }

    /// x = 10...14, y = (1, 3, 2, 5, 4). By hand: x̄ = 12, S_xx = 10, S_xy = 8, so β₁ = 0.8 and
    /// β₀ = 3 − 0.8 · 12 = −6.6; the residuals (−0.4, 0.8, −1, 1.2, −0.6) give RSS = 3.6,
    /// σ̂² = 1.2, SE(β₁) = √(1.2/10) = √0.12 and SE(β₀) = √(1.2 (1/5 + 144/10)) = √17.52.
    /// On u = (x − 12)/2 the coefficients are b = (3, 1.6), and β = T b with T = [[1, −6], [0, 1/2]].
    @Test("reparametrised results from a centred, scaled regressor equal the direct fit and the hand values")
    func reparametrisation() throws {
        let x: [Double] = [10, 11, 12, 13, 14], y: [Double] = [1, 3, 2, 5, 4]
        let ones = [Double](repeating: 1, count: 5)
        let raw = Matrix(columns: [ones, x]), centred = Matrix(columns: [ones, x.map { ($0 - 12) / 2 }])
        let estimator = CovarianceEstimator.neweyWest(lags: 1, smallSampleCorrection: false)
        let specification = LinearRegression(columnNames: ["const", "x"], covarianceEstimator: estimator)
        let direct = try specification.fit(design: raw, response: y)
        let transform = Matrix(rows: [[1, -6], [0, 0.5]])
        let mapped = try specification.fit(design: centred, response: y).reparametrized(by: transform)
        // Five points, κ([1, x]) about 300: the two routes agree to 1e-12.
        Self.expectSame(mapped, direct, rtol: 1e-12, "centred and mapped back vs direct")
        expectClose(mapped.coefficients.map(\.estimate), [-6.6, 0.8], rtol: 1e-13, atol: 0, "hand estimates")
        expectClose(mapped.coefficients.map(\.standardError), [(17.52).squareRoot(), (0.12).squareRoot()], rtol: 1e-13, atol: 0, "hand SEs")
        expectClose(mapped.residualSumOfSquares, 3.6, rtol: 1e-13, atol: 0, "hand RSS")
        expectClose(mapped.leastSquares.unscaledCovariance.storage, direct.leastSquares.unscaledCovariance.storage,
                    rtol: 1e-12, atol: 0, "(XᵀX)⁻¹")
    }
}
