import Foundation
import Testing
import TrendAnalysis
import _TestSupport

/// Reference values: `Reference/ets_statsmodels.csv`, written by `generate/ets_statsmodels.py` (statsmodels 0.15.0
/// `ETSModel` and `ExponentialSmoothing`, fitted with their defaults), and `Reference/ets_statsmodels_r.csv`, the
/// same Holt-Winters recursions run as a plain loop in R 4.2.2 by `generate/ets_statsmodels_recursion.R`.
/// Our model is fixed to statsmodels' parameters and initial states; the filter must then agree to rounding.
private func sm(_ caseName: String, _ quantity: String, file: String = "ets_statsmodels") throws -> [Double] {
    let values = try referenceFixture(file).filter("case", equals: caseName).filter("quantity", equals: quantity).doubles("value")
    guard !values.isEmpty else { throw ReferenceMissing(name: "\(file) \(caseName)/\(quantity)") }
    return values
}

private func smScalar(_ caseName: String, _ quantity: String) throws -> Double { try sm(caseName, quantity)[0] }

private func data(_ name: String) throws -> [Double] {
    try referenceFixture("ets_series").filter("series", equals: name).doubles("value")
}

@Suite("Exponential smoothing against statsmodels 0.15 (ETSModel, ExponentialSmoothing)")
struct ExponentialSmoothingStatsmodelsTests {
    /// ETSModel AAA on co2: the same state space model as ours and R's (error-correction beta, gamma on y - l - b).
    /// statsmodels lists the initial seasonal states most recent first (`initial_seasonal.0` = s_{-1}); ours are oldest first.
    private func co2AAA() throws -> ExponentialSmoothingFit {
        let c = "sm_ETS_co2_AAA"
        let parameters = ExponentialSmoothingParameters(
            alpha: try smScalar(c, "alpha"), beta: try smScalar(c, "beta"), gamma: try smScalar(c, "gamma"),
            initialLevel: try smScalar(c, "initial_level"), initialTrend: try smScalar(c, "initial_trend"),
            initialSeasonal: try sm(c, "initial_seasonal").reversed())
        return try ExponentialSmoothingSpecification(error: .additive, trend: .additive, seasonal: .additive, period: 12,
                                                     parameters: parameters).fit(values: try data("co2"), period: 12)
    }

    @Test("ETSModel AAA on co2, parameters fixed: fitted values and forecasts (rtol 1e-8)")
    func etsAdditive() throws {
        let fit = try co2AAA()
        let c = "sm_ETS_co2_AAA"
        expectClose(fit.fittedValues, try sm(c, "fitted"), rtol: 1e-8, atol: 0, "fitted")
        let forecast = try fit.forecast(horizon: 24, level: 0.95)
        expectClose(forecast.mean, try sm(c, "forecast"), rtol: 1e-8, atol: 0, "forecast")
        expectClose(forecast.mean, try sm(c, "mean95"), rtol: 1e-8, atol: 0, "summary_frame mean")
        // statsmodels' scale is the mean squared residual SSE / n (ETSResults.mse); ours is SSE / (n - k) as R ets.
        expectClose(fit.sumOfSquaredErrors / Double(fit.fittedValues.count), try smScalar(c, "mse"), rtol: 1e-8, atol: 0, "SSE / n")
    }

    @Test("ETSModel AAA on co2: exact interval widths of get_prediction().summary_frame at 80% and 95% (rtol 1e-6)")
    func etsAnalyticIntervals() throws {
        let fit = try co2AAA()
        let c = "sm_ETS_co2_AAA"
        // Both use the class 1 variance σ² (1 + Σ c_j²) (Hyndman et al. 2008, §6.1); only the estimate of σ² differs
        // (checked in etsAdditive), so our widths are rescaled by √(mse / σ²_ours) before comparing.
        let rescale = (try smScalar(c, "mse") / fit.sigma2).squareRoot()
        for (level, suffix) in [(0.80, "80"), (0.95, "95")] {
            let forecast = try fit.forecast(horizon: 24, level: level)
            #expect(forecast.intervalMethod == .analytic)
            let lower = try sm(c, "lower\(suffix)"), upper = try sm(c, "upper\(suffix)")
            expectClose(forecast.intervals.map { $0.width * rescale }, zip(upper, lower).map { $0 - $1 },
                        rtol: 1e-6, atol: 0, "width \(suffix)")
        }
    }

    @Test("ETSModel MAM on AirPassengers, parameters fixed: fitted values and forecasts (rtol 1e-8)")
    func etsMultiplicative() throws {
        let c = "sm_ETS_AirPassengers_MAM"
        let y = try data("AirPassengers")
        let alpha = try smScalar(c, "alpha")
        // statsmodels' multiplicative-season ETS updates the season from y / l[t] with γ* = γ / (1 - α), and the trend
        // with β* = β / α (_ets_smooth.pyx): the recursions of R HoltWinters, our `.holtWinters` formulation, not
        // Hyndman et al.'s y / (l[t-1] + b[t-1]) that R ets and our `.stateSpace` use (those differ from it by up to
        // 4e-7 relative on this fit). Our Holt-Winters filter starts after the m start-up observations, so the m values
        // placed before the series below are never read: the filter starts at AirPassengers[0] from statsmodels' states.
        let parameters = ExponentialSmoothingParameters(
            alpha: alpha, beta: try smScalar(c, "beta") / alpha, gamma: try smScalar(c, "gamma") / (1 - alpha),
            initialLevel: try smScalar(c, "initial_level"), initialTrend: try smScalar(c, "initial_trend"),
            initialSeasonal: try sm(c, "initial_seasonal").reversed())
        let fit = try ExponentialSmoothingSpecification(formulation: .holtWinters, trend: .additive, seasonal: .multiplicative,
                                                        period: 12, parameters: parameters)
            .fit(values: Array(y[0..<12]) + y, period: 12)
        expectClose(fit.fittedValues, try sm(c, "fitted"), rtol: 1e-8, atol: 0, "fitted")
        // statsmodels' forecast for MAM is the recursion's point forecast (its intervals are simulated: not compared).
        expectClose(try fit.forecast(horizon: 24).mean, try sm(c, "forecast"), rtol: 1e-8, atol: 0, "forecast")
    }

    static let holtWintersCases: [(name: String, data: String, seasonal: ExponentialSmoothingComponent)] = [
        ("sm_HW_co2_additive", "co2", .additive), ("sm_HW_AirPassengers_multiplicative", "AirPassengers", .multiplicative),
    ]

    @Test("ExponentialSmoothing with its parameters fixed: fitted values and forecasts (rtol 1e-8; h = 12, 24 against R)",
          arguments: 0..<2)
    func holtWinters(index: Int) throws {
        let (c, name, seasonal) = Self.holtWintersCases[index]
        let alpha = try smScalar(c, "alpha")
        // ExponentialSmoothing is Hyndman et al.'s smoothing form (season from y ⊖ (l[t-1] + b[t-1])): our state space
        // recursions with the error-correction β = β* α. The error form does not enter fitted values or forecasts.
        let parameters = ExponentialSmoothingParameters(
            alpha: alpha, beta: try smScalar(c, "beta_star") * alpha, gamma: try smScalar(c, "gamma"),
            initialLevel: try smScalar(c, "initial_level"), initialTrend: try smScalar(c, "initial_trend"),
            initialSeasonal: try sm(c, "initial_seasons"))
        let fit = try ExponentialSmoothingSpecification(error: .additive, trend: .additive, seasonal: seasonal, period: 12,
                                                        parameters: parameters).fit(values: try data(name), period: 12)
        expectClose(fit.fittedValues, try sm(c, "fitted"), rtol: 1e-8, atol: 0, "fitted")
        expectClose(fit.sumOfSquaredErrors, try smScalar(c, "sse"), rtol: 1e-8, atol: 0, "SSE")
        let mean = try fit.forecast(horizon: 24, level: 0.95).mean
        let statsmodels = try sm(c, "forecast")
        let r = try sm(c, "forecast", file: "ets_statsmodels_r")
        // Peer defect (statsmodels issue 9538, TIPS.md): statsmodels 0.15's Holt-Winters forecast takes a stale
        // seasonal state at h = 12 and 24 (2e-4 to 5e-4 relative). There we compare with the R loop instead.
        let wrong: Set<Int> = [11, 23]
        let kept = (0..<24).filter { !wrong.contains($0) }
        expectClose(kept.map { mean[$0] }, kept.map { statsmodels[$0] }, rtol: 1e-8, atol: 0, "forecast except h = 12, 24")
        expectClose(mean, r, rtol: 1e-8, atol: 0, "forecast against the R recursion, all h")
        expectClose(fit.fittedValues, try sm(c, "fitted", file: "ets_statsmodels_r"), rtol: 1e-8, atol: 0, "fitted against R")
        // Keeps the exclusion honest: if the file is regenerated with a statsmodels that fixes 9538, this fails and
        // the exclusion above must go.
        for h in wrong { #expect(abs(statsmodels[h] - r[h]) > 1e-5 * abs(r[h]), "statsmodels h = \(h + 1) now agrees with R") }
    }
}
