import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// Reference values: `Reference/ets_lakehuron.csv`, written by `generate/ets_lakehuron.R`
/// (R 4.2.2, forecast 8.20): `ets` on LakeHuron, the SSE minimum over R's usual bounds with the
/// initial states profiled out by `lm`, and `forecast:::admissible` on a grid.
private func reference(_ caseName: String, _ quantity: String) throws -> [Double] {
    let values = try referenceFixture("ets_lakehuron").filter("case", equals: caseName).filter("quantity", equals: quantity).doubles("value")
    guard !values.isEmpty else { throw ReferenceMissing(name: "ets_lakehuron \(caseName)/\(quantity)") }
    return values
}

private func lakeHuron() throws -> TimeSeries<Double> {
    TimeSeries(start: Period(year: 1875), values: try reference("LakeHuron", "series").map { Optional($0) })
}

@Suite("ETS on LakeHuron against R forecast::ets")
struct ExponentialSmoothingLakeHuronTests {
    @Test("ETS(A,Ad,N): the joint optimum of smoothing parameters and initial states (SSE at most 53.776456)")
    func dampedTrendReachesTheMinimum() throws {
        let fit = try ExponentialSmoothingSpecification(trend: .additiveDamped).fit(try lakeHuron())
        let minimum = try reference("LakeHuron_AAdN", "minimum_sse")[0]
        // The minimum over the bounds, from R optim over the profiled SSE; the optimiser may stop a hair above it.
        #expect(fit.sumOfSquaredErrors <= minimum * (1 + 1e-7))
        #expect(fit.sumOfSquaredErrors <= 53.7765)
        // And below R ets' own fit, which stops at 53.876746.
        #expect(fit.sumOfSquaredErrors < (try reference("LakeHuron_AAdN", "sse")[0]))
        let par = try reference("LakeHuron_AAdN", "minimum_par")
        // At the minimum the parameters sit on the bounds (alpha 0.9999, beta 1e-4, phi 0.8).
        expectClose([fit.parameters.alpha, fit.parameters.beta ?? .nan, fit.parameters.phi ?? .nan], par, rtol: 1e-3, atol: 1e-6)
    }

    @Test("Initial states at R's smoothing parameters equal R's least squares (lm) profile")
    func profiledInitialStates() throws {
        let y = try lakeHuron()
        let alpha = try reference("LakeHuron_AAdN", "alpha")[0], beta = try reference("LakeHuron_AAdN", "beta")[0]
        let phi = try reference("LakeHuron_AAdN", "phi")[0]
        let states = try reference("LakeHuron_AAdN", "profiled_initstate")
        let fixed = ExponentialSmoothingParameters(alpha: alpha, beta: beta, phi: phi, initialLevel: states[0], initialTrend: states[1])
        let fit = try ExponentialSmoothingSpecification(trend: .additiveDamped, parameters: fixed).fit(y)
        // The filter with fixed parameters is deterministic: the SSE matches lm's residual sum of squares.
        expectClose([fit.sumOfSquaredErrors], try reference("LakeHuron_AAdN", "profiled_sse"), rtol: 1e-9, atol: 0)
    }

    @Test("AICc choice: ETS(A,N,N) as R ets(LakeHuron); AICc no worse than R's for each model")
    func automaticChoice() throws {
        let selection = try ExponentialSmoothingSelection.select(try lakeHuron())
        #expect(selection.fit.specification.name == "ETS(A,N,N)")
        for (name, rCase) in [("ETS(A,N,N)", "LakeHuron_ANN"), ("ETS(A,A,N)", "LakeHuron_AAN"), ("ETS(A,Ad,N)", "LakeHuron_AAdN")] {
            let ours = try #require(selection.candidates.first { $0.name == name }?.aicc)
            // Our likelihood is at least R's (its Nelder-Mead stops early), so AICc is at most R's (plus rounding).
            #expect(ours <= (try reference(rCase, "aicc")[0]) + 1e-6)
        }
        expectClose([selection.aicc], try reference("LakeHuron_auto", "aicc"), rtol: 1e-6, atol: 0)
    }

    @Test("Admissible region equals R forecast:::admissible on a grid (m = 4)")
    func admissibility() throws {
        let grid = try reference("admissible_m4", "alpha_beta_gamma_phi_ok")
        #expect(grid.count % 5 == 0 && grid.count >= 100)
        for row in stride(from: 0, to: grid.count, by: 5) {
            let ours = ExponentialSmoothingSpecification.isAdmissible(alpha: grid[row], beta: grid[row + 1], gamma: grid[row + 2],
                                                                      phi: grid[row + 3], period: 4)
            #expect(ours == (grid[row + 4] == 1), "alpha \(grid[row]) beta \(grid[row + 1]) gamma \(grid[row + 2]) phi \(grid[row + 3])")
        }
    }

    @Test("Too short for every model: refused with the rule")
    func tooShort() throws {
        let short = TimeSeries(start: Period(year: 2000), values: [1.0, 2, 3, 4, 5].map { Optional($0) })
        #expect(throws: AnalysisError.tooFewObservations(needed: 6, found: 5, method: "ETS (AICc choice)")) {
            try ExponentialSmoothingSelection.select(short)
        }
    }
}

@Suite("Linear trend on a gappy series against R lm")
struct LinearTrendForecastTests {
    @Test("Forecast and prediction intervals equal predict(lm(y ~ t), interval = \"prediction\")")
    func againstLm() throws {
        var values = try reference("LakeHuron", "series").prefix(30).map { Optional($0) }
        for index in [5, 6, 12] { values[index] = nil }
        let line = try LinearTrendForecast(fitting: TimeSeries(start: Period(year: 1875), values: values))
        let forecast = try line.forecast(horizon: 3, level: 0.95)
        // Closed-form OLS against R's QR: rtol 1e-9 (STYLE.md, OLS).
        expectClose(forecast.mean, try reference("linear_trend", "fit"), rtol: 1e-9, atol: 0)
        expectClose(forecast.intervals.map(\.lower), try reference("linear_trend", "lwr"), rtol: 1e-9, atol: 0)
        expectClose(forecast.intervals.map(\.upper), try reference("linear_trend", "upr"), rtol: 1e-9, atol: 0)
        expectClose([line.residualVariance], try reference("linear_trend", "sigma2"), rtol: 1e-9, atol: 0)
    }
}
