import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// Reference values: `Reference/ets_reference.csv`, written by `generate/ets_forecast.R`
/// (R 4.2.2, forecast 8.20, stats `HoltWinters`).
private func series(_ name: String) throws -> [Double] {
    try referenceFixture("ets_series").filter("series", equals: name).doubles("value")
}

private func reference(_ caseName: String, _ quantity: String) throws -> [Double] {
    let values = try referenceFixture("ets_reference").filter("case", equals: caseName).filter("quantity", equals: quantity).doubles("value")
    guard !values.isEmpty else { throw ReferenceMissing(name: "ets_reference \(caseName)/\(quantity)") }
    return values
}

private func scalar(_ caseName: String, _ quantity: String) throws -> Double { try reference(caseName, quantity)[0] }

private struct ETSCase: Sendable, CustomStringConvertible {
    let name: String
    let data: String
    let error: ExponentialSmoothingComponent
    let trend: ExponentialSmoothingComponent
    let seasonal: ExponentialSmoothingComponent
    let period: Int
    var description: String { name }
}

private let etsCases = [
    ETSCase(name: "co2_AAA", data: "co2", error: .additive, trend: .additive, seasonal: .additive, period: 12),
    ETSCase(name: "AirPassengers_MAM", data: "AirPassengers", error: .multiplicative, trend: .additive, seasonal: .multiplicative, period: 12),
    ETSCase(name: "WWWusage_AAdN", data: "WWWusage", error: .additive, trend: .additiveDamped, seasonal: .none, period: 1),
]

/// R's parameters and initial states as ours: R `initstate` is l, b, s1 (most recent) ... sm.
private func rParameters(_ c: ETSCase) throws -> ExponentialSmoothingParameters {
    let state = try reference(c.name, "states_first_row")
    let hasTrend = c.trend != .none
    let seasonal = c.seasonal == .none ? [] : Array(state[(hasTrend ? 2 : 1)...].reversed())
    return ExponentialSmoothingParameters(
        alpha: try scalar(c.name, "alpha"), beta: hasTrend ? try scalar(c.name, "beta") : nil,
        gamma: c.seasonal == .none ? nil : try scalar(c.name, "gamma"),
        phi: c.trend == .additiveDamped ? try scalar(c.name, "phi") : nil,
        initialLevel: state[0], initialTrend: hasTrend ? state[1] : nil, initialSeasonal: seasonal)
}

@Suite("ETS against R forecast::ets (8.20)")
struct ExponentialSmoothingTests {
    @Test("with R's parameters fixed: fitted values, residuals, sigma2, log-likelihood, AIC, point forecasts (rtol 1e-8)",
          arguments: etsCases)
    fileprivate func filterMatchesR(_ c: ETSCase) throws {
        let spec = ExponentialSmoothingSpecification(error: c.error, trend: c.trend, seasonal: c.seasonal, period: c.period,
                                                     parameters: try rParameters(c))
        let fit = try spec.fit(values: try series(c.data), period: c.period)
        // Same recursions in the same order as etscalc.c: agreement to rounding, far inside 1e-8.
        expectClose(fit.fittedValues, try reference(c.name, "fitted"), rtol: 1e-8, atol: 0, "fitted")
        expectClose(fit.innovations, try reference(c.name, "residuals"), rtol: 1e-8, atol: 1e-12, "residuals")
        expectClose(fit.sigma2, try scalar(c.name, "sigma2"), rtol: 1e-8, atol: 0, "sigma2")
        expectClose(fit.logLikelihood, try scalar(c.name, "loglik"), rtol: 1e-8, atol: 0, "loglik")
        expectClose(fit.aic, try scalar(c.name, "aic"), rtol: 1e-8, atol: 0, "aic")
        #expect(Double(fit.parameterCount) == (try scalar(c.name, "np")))
        let forecast = try fit.forecast(horizon: 24, level: 0.95)
        // Our mean is the recursion's point forecast (R pegelsfcast.C). For class 3 (MAM) R's analytic
        // forecast reports the conditional mean instead, which exceeds it for h > m.
        // Peer defect: forecast 8.20's etsforecast (C) accumulates phi + phi^(i+1) instead of phi^(i+2) for a
        // damped trend, so its simulated-path point forecast is off from h = 2; class1's mean is right.
        if c.trend != .additiveDamped {
            expectClose(forecast.mean, try reference(c.name, "point"), rtol: 1e-8, atol: 0, "point forecast")
        }
        if c.error == .additive { expectClose(forecast.mean, try reference(c.name, "mean"), rtol: 1e-8, atol: 0, "mean") }
        #expect(forecast.intervals.allSatisfy { $0.level == 0.95 })
    }

    @Test("analytic (class 1) interval widths at 80% and 95% match R (rtol 1e-6)",
          arguments: etsCases.filter { $0.error == .additive })
    fileprivate func analyticIntervals(_ c: ETSCase) throws {
        let spec = ExponentialSmoothingSpecification(error: c.error, trend: c.trend, seasonal: c.seasonal, period: c.period,
                                                     parameters: try rParameters(c))
        let fit = try spec.fit(values: try series(c.data), period: c.period)
        for (level, suffix) in [(0.80, "80"), (0.95, "95")] {
            let forecast = try fit.forecast(horizon: 24, level: level)
            #expect(forecast.intervalMethod == .analytic)
            let lower = try reference(c.name, "lower\(suffix)"), upper = try reference(c.name, "upper\(suffix)")
            expectClose(forecast.intervals.map(\.width), zip(upper, lower).map { $0 - $1 }, rtol: 1e-6, atol: 0, "width \(suffix)")
            expectClose(forecast.intervals.map(\.lower), lower, rtol: 1e-8, atol: 0, "lower \(suffix)")
        }
    }

    @Test("MAM simulated 95% bounds agree with R's simulate = TRUE (rtol 1e-2: Monte Carlo, 20,000 paths each)")
    func simulatedIntervals() throws {
        let c = etsCases[1]
        let spec = ExponentialSmoothingSpecification(error: c.error, trend: c.trend, seasonal: c.seasonal, period: c.period,
                                                     parameters: try rParameters(c), simulationPaths: 20_000, seed: 7)
        let forecast = try spec.fit(values: try series(c.data), period: 12).forecast(horizon: 24, level: 0.95)
        #expect(forecast.intervalMethod == .simulation)
        // Both sides are Monte Carlo estimates of the 2.5% and 97.5% quantiles with 20,000 paths: the standard
        // error of each is about 0.02 predictive sd, i.e. under 0.3% of the bound at h = 24; 1e-2 is ~3.5 sd.
        expectClose(forecast.intervals.map(\.lower), try reference(c.name, "sim_lower95"), rtol: 1e-2, atol: 0, "lower")
        expectClose(forecast.intervals.map(\.upper), try reference(c.name, "sim_upper95"), rtol: 1e-2, atol: 0, "upper")
        // Same seed, same intervals.
        let again = try spec.fit(values: try series(c.data), period: 12).forecast(horizon: 24, level: 0.95)
        #expect(again == forecast)
    }

    @Test("maximum likelihood: the optimum is at least as good as R's (R's Nelder-Mead stops at maxit 2000)",
          arguments: etsCases)
    fileprivate func estimation(_ c: ETSCase) throws {
        let spec = ExponentialSmoothingSpecification(error: c.error, trend: c.trend, seasonal: c.seasonal, period: c.period)
        let fit = try spec.fit(values: try series(c.data), period: c.period)
        let rLogLik = try scalar(c.name, "loglik")
        // Our Nelder-Mead runs with restarts to a tighter tolerance than R's optim (maxit 2000): its
        // log-likelihood may be higher, never materially lower.
        #expect(fit.logLikelihood >= rLogLik - 1e-6 * abs(rLogLik), "loglik \(fit.logLikelihood) vs R \(rLogLik)")
        // The fitted model is self-consistent: refitting with its own parameters fixed gives the same likelihood.
        let refit = try ExponentialSmoothingSpecification(error: c.error, trend: c.trend, seasonal: c.seasonal, period: c.period,
                                                          parameters: fit.parameters).fit(values: try series(c.data), period: c.period)
        expectClose(refit.logLikelihood, fit.logLikelihood, rtol: 1e-12, atol: 0, "refit")
    }
}

@Suite("Holt-Winters against R stats::HoltWinters (4.2.2)")
struct HoltWintersTests {
    static let cases: [(name: String, data: String, seasonal: ExponentialSmoothingComponent)] = [
        ("co2_HW_additive", "co2", .additive), ("AirPassengers_HW_multiplicative", "AirPassengers", .multiplicative),
    ]

    @Test("with R's alpha, beta, gamma fixed: start values, fitted values, SSE, final states and forecasts (rtol 1e-8)", arguments: 0..<2)
    func filterMatchesR(index: Int) throws {
        let (name, data, seasonal) = Self.cases[index]
        let y = try series(data)
        let base = ExponentialSmoothingSpecification(formulation: .holtWinters, trend: .additive, seasonal: seasonal, period: 12)
        let start = base.classicalStart(values: y, period: 12)
        let parameters = ExponentialSmoothingParameters(
            alpha: try scalar(name, "alpha"), beta: try scalar(name, "beta"), gamma: try scalar(name, "gamma"),
            initialLevel: start.level, initialTrend: start.trend, initialSeasonal: start.seasonal)
        let fit = try ExponentialSmoothingSpecification(formulation: .holtWinters, trend: .additive, seasonal: seasonal,
                                                        period: 12, parameters: parameters).fit(values: y, period: 12)
        #expect(fit.fitStart == 12)
        expectClose(fit.fittedValues, try reference(name, "fitted"), rtol: 1e-8, atol: 0, "fitted")
        expectClose(fit.sumOfSquaredErrors, try scalar(name, "SSE"), rtol: 1e-8, atol: 0, "SSE")
        let coefficients = try reference(name, "coefficients")
        expectClose([fit.finalLevel, fit.finalTrend ?? .nan] + fit.finalSeasonal, coefficients, rtol: 1e-8, atol: 1e-12, "a, b, s")
        let forecast = try fit.forecast(horizon: 24, level: 0.95)
        expectClose(forecast.mean, try reference(name, "mean"), rtol: 1e-8, atol: 0, "mean")
        expectClose(fit.sigma2, try scalar(name, "var_residuals"), rtol: 1e-8, atol: 0, "var(residuals)")
        if seasonal == .additive {
            #expect(forecast.intervalMethod == .analytic)
            let upper = try reference(name, "upper95"), lower = try reference(name, "lower95")
            expectClose(forecast.intervals.map(\.width), zip(upper, lower).map { $0 - $1 }, rtol: 1e-6, atol: 0, "width")
        } else {
            // R's multiplicative variance formula indexes the trend coefficient as a seasonal factor when
            // (h - j) is a multiple of the period; we simulate instead and check only the shape.
            #expect(forecast.intervalMethod == .simulation)
            #expect(zip(forecast.intervals, forecast.mean).allSatisfy { $0.lower < $1 && $1 < $0.upper })
        }
    }

    @Test("least squares estimates of alpha, beta, gamma agree with R's SSE minimum (rtol 1e-3)", arguments: 0..<2)
    func estimation(index: Int) throws {
        let (name, data, seasonal) = Self.cases[index]
        let y = try series(data)
        let fit = try ExponentialSmoothingSpecification(formulation: .holtWinters, trend: .additive, seasonal: seasonal, period: 12)
            .fit(values: y, period: 12)
        // R HoltWinters' default L-BFGS-B uses a numerical gradient and stops early on co2
        // (ABNORMAL_TERMINATION_IN_LNSRCH; its beta is 0.4% off the minimum). Our SSE must be no larger than
        // R's, and our parameters must match the minimum that R's Nelder-Mead reaches when restarted to
        // convergence on the same SSE (nm_*). The SSE surface is flat near its minimum (a change of 1e-7 in
        // SSE moves beta by 1e-3 relative), hence rtol 1e-3 on parameters and 1e-9 on the SSE.
        #expect(fit.sumOfSquaredErrors <= (try scalar(name, "SSE")) * (1 + 1e-12))
        expectClose(fit.sumOfSquaredErrors, try scalar(name, "nm_SSE"), rtol: 1e-9, atol: 0, "SSE")
        expectClose(fit.parameters.alpha, try scalar(name, "nm_alpha"), rtol: 1e-3, atol: 0, "alpha")
        expectClose(fit.parameters.beta!, try scalar(name, "nm_beta"), rtol: 1e-3, atol: 0, "beta")
        expectClose(fit.parameters.gamma!, try scalar(name, "nm_gamma"), rtol: 1e-3, atol: 0, "gamma")
    }
}
