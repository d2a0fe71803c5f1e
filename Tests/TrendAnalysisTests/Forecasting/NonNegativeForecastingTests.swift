import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// Reference values: `Reference/ets_log.csv`, written by `generate/ets_log.R`
/// (R 4.2.2, forecast 8.20: `ets(y, lambda = ...)`, `forecast(biasadj = FALSE / TRUE)`).
private func reference(_ caseName: String, _ quantity: String) throws -> [Double] {
    let values = try referenceFixture("ets_log").filter("case", equals: caseName).filter("quantity", equals: quantity).doubles("value")
    guard !values.isEmpty else { throw ReferenceMissing(name: "ets_log \(caseName)/\(quantity)") }
    return values
}

private func airPassengers() throws -> TimeSeries<Double> {
    let values = try referenceFixture("ets_series").filter("series", equals: "AirPassengers").doubles("value")
    return TimeSeries(start: try Period(year: 1949, month: 1), values: values)
}

private struct LogCase: Sendable, CustomStringConvertible {
    let name: String
    let seasonal: ExponentialSmoothingComponent
    let request: NonNegativeForecasting.Request
    var description: String { name }
}

private let logCases = [
    LogCase(name: "AirPassengers_log_AAN", seasonal: .none, request: .automatic),   // positive and additive: automatic is log
    LogCase(name: "AirPassengers_log_AAA", seasonal: .additive, request: .automatic),
    LogCase(name: "AirPassengers_boxcox05_AAN", seasonal: .none, request: .fixed(.boxCox(lambda: 0.5))),
]

/// R's parameters and initial states (on the transformed scale) as ours; R lists seasonal states most recent first.
private func rParameters(_ c: LogCase) throws -> ExponentialSmoothingParameters {
    let state = try reference(c.name, "states_first_row")
    return ExponentialSmoothingParameters(
        alpha: try reference(c.name, "alpha")[0], beta: try reference(c.name, "beta")[0],
        gamma: c.seasonal == .none ? nil : try reference(c.name, "gamma")[0],
        initialLevel: state[0], initialTrend: state[1], initialSeasonal: c.seasonal == .none ? [] : Array(state[2...].reversed()))
}

@Suite("Forecasts on a Box-Cox scale against R forecast::ets(lambda) (8.20)")
struct NonNegativeForecastingReferenceTests {
    @Test("back-transformed median, bias-adjusted mean and 80%/95% bounds match R with its parameters fixed (rtol 1e-8)",
          arguments: logCases)
    fileprivate func matchesR(_ c: LogCase) throws {
        let lambda = try reference(c.name, "lambda")[0]
        for point in BackTransformedPoint.allCases {
            let prepared = try NonNegativeForecasting(request: c.request, point: point).prepare(try airPassengers())
            #expect(prepared.transformation == .boxCox(lambda: lambda))
            let spec = ExponentialSmoothingSpecification(error: .additive, trend: .additive, seasonal: c.seasonal, period: 12,
                                                         parameters: try rParameters(c))
            let fit = try spec.fit(prepared.modelSeries)
            // R's sigma2 on the transformed scale: same filter, same n - k divisor.
            expectClose(fit.sigma2, try reference(c.name, "sigma2")[0], rtol: 1e-8, atol: 0, "sigma2")
            for (level, suffix) in [(0.80, "80"), (0.95, "95")] {
                let forecast = prepared.finish(try fit.forecast(horizon: 24, level: level))
                #expect(forecast.transformation == prepared.transformation && forecast.point == point)
                #expect(forecast.truncations.isEmpty)
                // The bounds are exp / (λw + 1)^(1/λ) of the class-1 analytic bounds: agreement to rounding of the
                // filter (the untransformed filter test holds 1e-8); the exponential keeps relative errors.
                expectClose(forecast.intervals.map(\.lower), try reference(c.name, "lower\(suffix)"), rtol: 1e-8, atol: 0, "lower \(suffix)")
                expectClose(forecast.intervals.map(\.upper), try reference(c.name, "upper\(suffix)"), rtol: 1e-8, atol: 0, "upper \(suffix)")
                // R's bias adjustment takes the variance from the 95% interval, ((u - l) / (2 z))^2; ours is the
                // analytic variance itself: identical up to rounding, so the mean is compared at 95% and 80% alike.
                expectClose(forecast.mean, try reference(c.name, point == .mean ? "mean" : "median"), rtol: 1e-8, atol: 0,
                            "\(point.rawValue) \(suffix)")
            }
        }
    }

    @Test("the log bias adjustment is exp(w)(1 + v/2) and the median exp(w) (FPP3 5.6, by hand)")
    func handCalculation() {
        // w = 2, v = 0.5: median e^2 = 7.38905609893065, mean e^2 * 1.25 = 9.23632012366331.
        let forecast = Forecast(periods: [], mean: [2], intervals: [PredictionInterval(level: 0.95, lower: 1, upper: 3)], level: 0.95,
                                intervalMethod: .analytic, variances: [0.5])
        let median = forecast.backTransformed(.log, point: .median), mean = forecast.backTransformed(.log, point: .mean)
        expectClose(median.mean, [7.38905609893065], rtol: 1e-14, atol: 0, "median")
        expectClose(mean.mean, [9.23632012366331], rtol: 1e-14, atol: 0, "mean")
        expectClose([mean.intervals[0].lower, mean.intervals[0].upper], [2.718281828459045, 20.085536923187668], rtol: 1e-14, atol: 0, "bounds")
        // λ = 0.5: inv(w) = (0.5 w + 1)^2; w = -3 lies below the floor -1/λ = -2, so that bound becomes 0 and is recorded.
        let box = Forecast(periods: [], mean: [2], intervals: [PredictionInterval(level: 0.95, lower: -3, upper: 3)], level: 0.95,
                           intervalMethod: .analytic, variances: [0.5]).backTransformed(.boxCox(lambda: 0.5), point: .median)
        #expect(box.mean == [4] && box.intervals[0].lower == 0 && box.intervals[0].upper == 6.25)
        #expect(box.truncations == [ForecastTruncation(step: 0, period: nil, figure: .lower, untruncated: -3, scale: .model)])
    }
}

@Suite("Non-negative forecasts: properties")
struct NonNegativeForecastingPropertyTests {
    /// A seeded synthetic series (not data): a level that falls steeply, linearly or geometrically, with noise,
    /// the shape of a trade flow cut by a ban; strictly positive.
    private static func decliningSeries(_ random: inout PropertyRandom) -> TimeSeries<Double> {
        let n = random.integer(8...30)
        let start = random.magnitude(from: 1e3, decades: 6)
        let geometric = random.unit() < 0.5
        let rate = random.uniform(0.05...0.45)
        var values: [Double] = []
        for t in 0..<n {
            let trend = geometric ? start * pow(1 - rate, Double(t)) : max(start * (1 - rate * 0.3 * Double(t)), start * 1e-3)
            values.append(trend * exp(random.uniform(-0.15...0.15)))
        }
        return TimeSeries(start: Period(year: 1990), values: values)
    }

    @Test("no point forecast or bound of a positive series is negative (200 seeded steep declines, 3 models, 2 requests)")
    func neverNegative() throws {
        var random = PropertyRandom(seed: 20_261_204)
        var negativeWithoutTransform = 0
        for trial in 0..<200 {
            let series = Self.decliningSeries(&random)
            for request in [NonNegativeForecasting.Request.automatic, .fixed(.none)] {
                let prepared = try NonNegativeForecasting(request: request).prepare(series)
                #expect(prepared.transformation == (request == .automatic ? .log : .none))
                var forecasts: [Forecast] = []
                if let fit = try? ExponentialSmoothingSpecification(trend: .additive).fit(prepared.modelSeries) {
                    let raw = try fit.forecast(horizon: 6, level: 0.95)
                    if request == .fixed(.none), raw.intervals.contains(where: { $0.lower < 0 }) { negativeWithoutTransform += 1 }
                    forecasts.append(prepared.finish(raw))
                }
                if series.count >= 6, let fit = try? ExponentialSmoothingSpecification(formulation: .holtWinters, trend: .additive).fit(prepared.modelSeries) {
                    forecasts.append(prepared.finish(try fit.forecast(horizon: 6, level: 0.95)))
                }
                let regression = try SeasonalRegressionSpecification(seasonal: false).fit(prepared.modelSeries)
                forecasts.append(prepared.finish(try regression.forecast(horizon: 6, level: 0.99)))
                for forecast in forecasts {
                    let figures = forecast.mean + forecast.intervals.flatMap { [$0.lower, $0.upper] }
                    #expect(figures.allSatisfy { $0 >= 0 && $0.isFinite }, "trial \(trial) \(request): \(figures)")
                    #expect(zip(forecast.mean, forecast.intervals).allSatisfy { $1.lower <= $0 * (1 + 1e-12) }, "trial \(trial): lower <= point")
                    if request == .automatic { #expect(forecast.truncations.isEmpty, "trial \(trial): log forecasts need no truncation") }
                    // Every truncation is named, with its untruncated (negative) figure.
                    #expect(forecast.truncations.allSatisfy { $0.untruncated < 0 })
                    #expect(forecast.truncations.isEmpty || forecast.notes.contains { $0.contains("truncated at 0") })
                }
            }
        }
        // The property is not vacuous: the untransformed models do cross zero on these series.
        #expect(negativeWithoutTransform > 30, "only \(negativeWithoutTransform) untransformed ETS forecasts crossed zero")
    }

    @Test("a series with a zero cannot be logged: automatic says so, fits untransformed and truncates; log refuses it")
    func zerosFallBack() throws {
        let series = TimeSeries(start: try Period(year: 2016, month: 10),
                                values: [102e6, 139.4e6, 184e6, 126.39e6, 97.6e6, 0, 0, 0].map { Optional($0) })
        let prepared = try NonNegativeForecasting().prepare(series)
        #expect(prepared.transformation == .none)
        #expect(prepared.notes.first?.contains("cannot be logged: 3 observation(s) are zero or negative (first 2017-03 = 0)") == true)
        let fit = try SeasonalRegressionSpecification(seasonal: false).fit(prepared.modelSeries)
        let raw = try fit.forecast(horizon: 3, level: 0.95)
        let forecast = prepared.finish(raw)
        #expect(raw.mean.allSatisfy { $0 < 0 })   // the falling line crosses zero
        #expect(forecast.mean == [0, 0, 0])
        #expect(forecast.truncations.filter { $0.figure == .mean }.map(\.untruncated) == raw.mean)
        #expect(forecast.notes.last?.contains("point forecast in 2017-06, 2017-07, 2017-08") == true)
        #expect(throws: AnalysisError.self) { try NonNegativeForecasting(request: .fixed(.log)).prepare(series) }
    }

    @Test("an unconstrained (signed) series is neither transformed nor truncated; a multiplicative model is not logged")
    func unconstrainedAndMultiplicative() throws {
        let signed = TimeSeries(start: Period(year: 2000), values: [5.0, 3, 1, -1, -3, -5].map { Optional($0) })
        let prepared = try NonNegativeForecasting(request: .unconstrained).prepare(signed)
        let raw = try SeasonalRegressionSpecification(seasonal: false).fit(prepared.modelSeries).forecast(horizon: 2)
        #expect(prepared.finish(raw).mean == raw.mean)
        #expect(prepared.finish(raw).truncations.isEmpty)
        let positive = TimeSeries(start: Period(year: 2000), values: [5.0, 4, 3.5, 3, 2.8, 2.5].map { Optional($0) })
        let multiplicative = try NonNegativeForecasting().prepare(positive, multiplicativeModel: true)
        #expect(multiplicative.transformation == .none && multiplicative.notes.first?.contains("multiplicative") == true)
    }
}
