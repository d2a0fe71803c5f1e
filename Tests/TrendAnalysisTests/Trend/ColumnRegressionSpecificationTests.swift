import Foundation
import Testing
import NumericCore
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Column regressions (regress) against statsmodels 0.15 WLS/OLS")
struct ColumnRegressionSpecificationTests {
    static func nileColumns() throws -> [String: [Double?]] {
        let flow = try referenceFixture("nile").doubles("flow")
        let t = flow.indices.map { Double($0) }
        // The weight pattern of the generator script: w = 1 + (t mod 3).
        return ["flow": flow, "t": t, "w": t.map { 1 + $0.truncatingRemainder(dividingBy: 3) }]
    }

    @Test("WLS with weights: coefficients, SEs, p, CIs, R², F, llf, AIC (rtol 1e-8)")
    func weighted() throws {
        let fit = try ColumnRegressionSpecification(response: "flow", regressors: ["t"], weights: "w").fit(columns: try Self.nileColumns())
        let r = fit.regression
        for c in r.coefficients {
            expectClose(c.estimate, try TrendReference.value("nile_wls", "coef:\(c.name)"), rtol: 1e-8, atol: 0, "coef \(c.name)")
            expectClose(c.standardError, try TrendReference.value("nile_wls", "se:\(c.name)"), rtol: 1e-8, atol: 0, "se \(c.name)")
            expectClose(c.pValue, try TrendReference.value("nile_wls", "p:\(c.name)"), rtol: 1e-8, atol: 1e-300, "p \(c.name)")
            expectClose(c.lower, try TrendReference.value("nile_wls", "ci_low:\(c.name)"), rtol: 1e-8, atol: 0, "ci \(c.name)")
        }
        for (name, actual) in [("r_squared", r.rSquared), ("f_statistic", r.fStatistic), ("log_likelihood", r.logLikelihood),
                               ("aic", r.aic), ("sigma", r.residualStandardError)] {
            expectClose(actual, try TrendReference.value("nile_wls", name), rtol: 1e-8, atol: 0, name)
        }
        #expect(fit.droppedRowCount == 0)
    }

    @Test("Through the origin: uncentred R², df_model 1 (rtol 1e-8)")
    func noIntercept() throws {
        let r = try ColumnRegressionSpecification(response: "flow", regressors: ["t"], hasIntercept: false).fit(columns: try Self.nileColumns()).regression
        #expect(r.coefficients.map(\.name) == ["t"])
        expectClose(r.coefficients[0].estimate, try TrendReference.value("nile_noint", "coef:t"), rtol: 1e-8, atol: 0, "coef")
        expectClose(r.coefficients[0].standardError, try TrendReference.value("nile_noint", "se:t"), rtol: 1e-8, atol: 0, "se")
        expectClose(r.rSquared, try TrendReference.value("nile_noint", "r_squared"), rtol: 1e-8, atol: 0, "R²")
        expectClose(r.fStatistic, try TrendReference.value("nile_noint", "f_statistic"), rtol: 1e-8, atol: 0, "F")
        #expect(Double(r.modelDegreesOfFreedom) == (try TrendReference.value("nile_noint", "df_model")))
    }

    @Test("A polynomial column equals the cubic trend (60-digit reference, rtol 1e-9); missing rows dropped and counted")
    func polynomialAndMissing() throws {
        var columns = try Self.nileColumns()
        let fit = try ColumnRegressionSpecification(response: "flow", regressors: ["t"], polynomialDegrees: ["t": 3]).fit(columns: columns)
        #expect(fit.regression.coefficients.map(\.name) == ["const", "t", "t^2", "t^3"])
        for c in fit.regression.coefficients {
            expectClose(c.estimate, try TrendReference.value("nile_poly3", "coef:\(c.name)"), rtol: 1e-9, atol: 0, c.name)
        }
        columns["flow"]![10] = nil
        columns["w"]![20] = nil
        let dropped = try ColumnRegressionSpecification(response: "flow", regressors: ["t"], weights: "w").fit(columns: columns)
        #expect(dropped.droppedRowCount == 2 && dropped.regression.observationCount == 98)
    }

    /// The polynomial back-transform against a direct fit in raw calendar time: y on 1, t, t² for
    /// t = 0...19 (κ([1, t, t²]) is about 2e3, so the raw fit itself is accurate to about 1e-13),
    /// with Newey-West covariance (2 lags). The trend fits u = (t − 9.5)/9.5 and maps back; every
    /// estimate, standard error, interval, covariance entry and HAC quantity agrees to rtol 1e-10.
    @Test("A quadratic trend mapped back from the centred, scaled t equals the raw-time fit (rtol 1e-10)")
    func polynomialBackTransformEqualsRawFit() throws {
        let times = (0..<20).map(Double.init)
        let values = times.map { 5 + 0.3 * $0 - 0.02 * $0 * $0 + 0.1 * Double((Int($0) * 7) % 5 - 2) }
        let series = TimeSeries<Double>(start: Period(year: 2000), values: values)
        let trend = try #require(try TrendSpecification(model: .polynomial(degree: 2), hacLags: 2).fit(series).regression)
        let direct = try LinearRegression(columnNames: ["const", "t", "t^2"],
                                          covarianceEstimator: .neweyWest(lags: 2, smallSampleCorrection: false))
            .fit(design: Matrix(columns: [[Double](repeating: 1, count: 20), times, times.map { $0 * $0 }]), response: values)
        #expect(trend.coefficients.map(\.name) == direct.coefficients.map(\.name))
        for (a, b) in zip(trend.coefficients, direct.coefficients) {
            expectClose([a.estimate, a.standardError, a.tStatistic, a.lower, a.upper, a.hacStandardError ?? .nan],
                        [b.estimate, b.standardError, b.tStatistic, b.lower, b.upper, b.hacStandardError ?? .nan],
                        rtol: 1e-10, atol: 0, "coefficient \(a.name)")
            expectClose([a.pValue, a.hacPValue ?? .nan], [b.pValue, b.hacPValue ?? .nan], rtol: 1e-10, atol: 1e-300, "p \(a.name)")
        }
        expectClose(trend.covariance.storage, direct.covariance.storage, rtol: 1e-10, atol: 0, "covariance")
        expectClose(try #require(trend.hac).covariance.storage, try #require(direct.hac).covariance.storage, rtol: 1e-10, atol: 0, "HAC covariance")
        expectClose([trend.fStatistic, trend.rSquared, trend.residualSumOfSquares, try #require(trend.hac).fStatistic],
                    [direct.fStatistic, direct.rSquared, direct.residualSumOfSquares, try #require(direct.hac).fStatistic],
                    rtol: 1e-10, atol: 0, "F, R², RSS, Wald F")
    }

    @Test("Errors name the problem: unknown column, polynomial on a non-regressor, rank deficiency, bad weight")
    func errors() throws {
        let columns = try Self.nileColumns()
        #expect(throws: AnalysisError.invalidParameter(name: "column", value: "z", constraint: "is not in the data")) {
            try ColumnRegressionSpecification(response: "flow", regressors: ["z"]).fit(columns: columns)
        }
        #expect(throws: AnalysisError.self) {
            try ColumnRegressionSpecification(response: "flow", regressors: ["t"], polynomialDegrees: ["w": 2]).fit(columns: columns)
        }
        var twice = columns
        twice["t2"] = columns["t"]!.map { $0.map { 2 * $0 } }
        let error = #expect(throws: AnalysisError.self) {
            try ColumnRegressionSpecification(response: "flow", regressors: ["t", "t2"]).fit(columns: twice)
        }
        #expect(error.map { "\($0)".contains("rank deficient") } == true, "\(String(describing: error))")
        var zero = columns
        zero["w"]![0] = 0
        #expect(throws: AnalysisError.self) {
            try ColumnRegressionSpecification(response: "flow", regressors: ["t"], weights: "w").fit(columns: zero)
        }
    }
}

@Suite("Batch fits and summary tables")
struct TrendBatchTests {
    @Test("fitAll keeps input order and reports failures; results equal single fits")
    func batch() throws {
        let nile = try TrendReference.nile()
        let short = TimeSeries<Double>(start: Period(year: 2000), values: [1, 2])
        let groups = (0..<9).map { k in (key: "g\(k)", series: k == 4 ? short : nile) }
        let fits = TrendSpecification(model: .logLinear).fitAll(groups, threads: 2)
        #expect(fits.map(\.key) == groups.map(\.key))
        #expect(fits[4].value == nil && fits[4].error == .tooFewObservations(needed: 3, found: 2, method: "a loglinear trend"))
        let single = try TrendSpecification(model: .logLinear).fit(nile)
        #expect(fits[0].value == single && fits[8].value == single)
    }

    @Test("Summary: a regression table with the coefficient rows and fixed-width text")
    func summary() throws {
        let fit = try TrendSpecification(model: .logLinear, hacLags: 2).fit(try TrendReference.nile())
        let table = fit.summary(label: "Nile flow")
        #expect(table.columns == ["", "coef", "std err", "t", "P>|t|", "[0.025]", "[0.975]", "HAC se", "HAC P>|z|"])
        #expect(table.rows.map(\.first) == ["const", "t"])
        let text = table.description
        #expect(text.contains("Dep. Variable:") && text.contains("ln(Nile flow)") && text.contains("Growth (95% intervals)"))
        // Every table line has no trailing spaces.
        #expect(!text.split(separator: "\n").contains { $0.hasSuffix(" ") })
    }
}

@Suite("Column roles of a column regression")
struct ColumnRegressionRolesTests {
    /// Issue 23 item 6: `regress --x x,x` trapped on "Duplicate values for key" in the CLI's dictionary.
    @Test("a column given twice is refused by name, before any fit", arguments: [
        (["x", "x"], nil as String?, "x", "is given twice as a regressor (--x)"),
        (["y"], nil, "y", "is both the response (--y) and a regressor (--x); each column has one role"),
        (["x"], "y", "y", "is both the response (--y) and the weights (--weights); each column has one role"),
        (["x"], "x", "x", "is both a regressor (--x) and the weights (--weights); each column has one role"),
    ])
    func duplicateRoles(regressors: [String], weights: String?, column: String, constraint: String) {
        let specification = ColumnRegressionSpecification(response: "y", regressors: regressors, weights: weights)
        let expected = AnalysisError.invalidParameter(name: "column", value: column, constraint: constraint)
        #expect(throws: expected) { try specification.checkColumnNames() }
        let data: [String: [Double?]] = ["y": [1, 2, 3, 5], "x": [1, 2, 3, 4]]
        #expect(throws: expected) { try specification.fit(columns: data) }
    }
}

/// Issue 23 item 11: a perfectly linear series printed t = inf beside p = 0.0000, F = nan beside Prob(F) = 0.
@Suite("Exact fits: t, p and F undefined")
struct ExactFitTests {
    @Test("closed-form trend and general regression on an exact line give NaN t, p, F and Prob(F), with a note")
    func exactLine() throws {
        var line: [Double] = [], xs: [Double?] = []
        for t in 0..<20 { line.append(1_000 + 3 * Double(t)); xs.append(Double(t)) }
        let series = TimeSeries<Double>(start: Period(year: 2000), values: line)
        let trend = try #require(try TrendSpecification(model: .linear).fit(series).regression)
        let ys: [Double?] = line
        let general = try ColumnRegressionSpecification(response: "y", regressors: ["x"], polynomialDegrees: ["x": 2])
            .fit(columns: ["y": ys, "x": xs]).regression
        for fit in [trend, general] {
            #expect(fit.isExactFit)
            #expect(fit.coefficients.allSatisfy { $0.tStatistic.isNaN && $0.pValue.isNaN })
            #expect(fit.fStatistic.isNaN && fit.fPValue.isNaN)
            let text = fit.summary().description
            #expect(!text.contains("inf") && !text.contains("nan") && text.contains("Exact fit"), "\(text)")
        }
        // A line with noise keeps its inference.
        var noisyValues: [Double] = []
        for t in 0..<20 { noisyValues.append(1_000 + 3 * Double(t) + Double((t * 7) % 5)) }
        let noisy = TimeSeries<Double>(start: Period(year: 2000), values: noisyValues)
        let fit = try #require(try TrendSpecification(model: .linear).fit(noisy).regression)
        #expect(!fit.isExactFit && fit.coefficients.allSatisfy { $0.pValue.isFinite } && fit.fStatistic.isFinite)
    }
}
