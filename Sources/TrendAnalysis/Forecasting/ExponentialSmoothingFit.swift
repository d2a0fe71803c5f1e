import NumericCore
import Foundation
import TradeDomain

/// A fitted exponential smoothing model: parameters, one-step fitted values, the final
/// state and the innovation variance, from which ``forecast(horizon:level:)`` projects.
///
/// Fitted values cover observations `fitStart...` (0 for ETS; `m`, 2 or 1 for Holt-Winters,
/// whose start-up consumes the first observations as in R `HoltWinters`).
public struct ExponentialSmoothingFit: Sendable, Equatable, Codable {
    /// The specification fitted (with `parameters` as given, possibly `nil`).
    public let specification: ExponentialSmoothingSpecification
    /// The season length used (1 without seasonality).
    public let period: Int
    /// The parameters and initial states, estimated or fixed.
    public let parameters: ExponentialSmoothingParameters
    /// The periods of the observations (empty without a calendar).
    public let periods: [Period]
    /// The observations.
    public let observed: [Double]
    /// The index of the first fitted observation.
    public let fitStart: Int
    /// One-step forecasts of observations `fitStart...` (R `fitted`).
    public let fittedValues: [Double]
    /// Innovations: `y - ŷ`, or `(y - ŷ) / ŷ` for a multiplicative error (R `residuals(ets)`).
    public let innovations: [Double]
    /// Σ (y - ŷ)² over the fitted observations (R `HoltWinters` `SSE`).
    public let sumOfSquaredErrors: Double
    /// Innovation variance: Σ e² / (n - k + 1), k as in ``parameterCount`` (R `ets` `sigma2`, `n - length(par)`);
    /// for Holt-Winters the sample variance of the residuals (R `var(residuals(hw))`).
    public let sigma2: Double
    /// The log-likelihood up to a constant, `-½ (n log Σ e² + 2 Σ log|ŷ|)` (R `ets` `loglik`).
    public let logLikelihood: Double
    /// `-2 logLikelihood + 2 k` (R `ets` `aic`).
    public let aic: Double
    /// k: estimated parameters (smoothing and initial states) plus one.
    public let parameterCount: Int
    /// The level after the last observation.
    public let finalLevel: Double
    /// The trend after the last observation, or `nil`.
    public let finalTrend: Double?
    /// The seasonal states after the last observation, oldest (next used) first.
    public let finalSeasonal: [Double]

    /// Whether intervals are analytic: an additive-error model with no multiplicative
    /// component (Hyndman et al. 2008 class 1; additive Holt-Winters).
    public var hasAnalyticIntervals: Bool {
        seasonalComponent != .multiplicative && (specification.formulation == .holtWinters || specification.error == .additive)
    }

    private var seasonalComponent: ExponentialSmoothingComponent { specification.seasonal }

    /// Point forecasts and prediction intervals.
    ///
    /// Linear models (see ``hasAnalyticIntervals``) use `ŷ ± z σ √(1 + Σ_{j<h} c_j²)`, with
    /// `c_j = w'F^{j-1}g` (Hyndman et al. 2008, eq. 6.1) or R's ψ weights for Holt-Winters.
    /// Other models use the quantiles (linear interpolation, R type 7) of
    /// ``ExponentialSmoothingSpecification/simulationPaths`` simulated paths with normal
    /// innovations of variance σ² from ``SplitMix64`` seeded with the specification's seed;
    /// the point forecast is always the recursion's (R `forecast.ets` `mean`). ``Forecast/variances``
    /// holds `σ² (1 + Σ_{j<h} c_j²)`, or the sample variance of the simulated paths.
    /// The forecast is on the scale of the fitted values: fit a transformed series through
    /// ``NonNegativeForecasting`` to forecast a trade measure.
    ///
    /// - Parameters:
    ///   - horizon: Steps ahead, at least 1.
    ///   - level: Coverage in (0, 1), for example 0.95.
    /// - Returns: The forecast; its periods continue the fitted series' calendar.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a horizon below 1, above `Forecast.maximumHorizon` or past the year 9999, or a level outside (0, 1).
    public func forecast(horizon: Int, level: Double = 0.95) throws(AnalysisError) -> Forecast {
        let future = try Forecast.futurePeriods(after: periods.last, horizon: horizon)
        guard level > 0 && level < 1 else { throw .invalidParameter(name: "level", value: "\(level)", constraint: "must lie in (0, 1)") }
        let kernel = specification.kernel(parameters)
        let state = SmoothingState(level: finalLevel, trend: finalTrend ?? 0, seasonal: finalSeasonal)
        let mean = kernel.pointForecasts(state, horizon: horizon)
        if hasAnalyticIntervals {
            let z = Normal().quantile(0.5 + level / 2)
            let weights = kernel.linearWeights(horizon: horizon, period: period)
            var cumulative = 1.0
            var intervals = [PredictionInterval]()
            var variances = [Double]()
            for h in 0..<horizon {
                if h > 0 { cumulative += weights[h - 1] * weights[h - 1] }
                variances.append(sigma2 * cumulative)
                let half = z * variances[h].squareRoot()
                intervals.append(PredictionInterval(level: level, lower: mean[h] - half, upper: mean[h] + half))
            }
            return Forecast(periods: future, mean: mean, intervals: intervals, level: level, intervalMethod: .analytic,
                            variances: variances)
        }
        let paths = max(specification.simulationPaths, 2)
        var generator = SplitMix64(seed: specification.seed)
        let sigma = sigma2.squareRoot()
        var draws = [[Double]](repeating: [Double](repeating: 0, count: paths), count: horizon)
        for path in 0..<paths {
            var current = state
            for h in 0..<horizon {
                let e = sigma * generator.nextStandardNormal()
                let y = kernel.observation(current, innovation: e)
                draws[h][path] = y
                current = kernel.update(current, observation: y)
            }
        }
        let intervals = draws.map { column -> PredictionInterval in
            let sorted = column.sorted()
            return PredictionInterval(level: level, lower: Self.quantile(sorted, (1 - level) / 2),
                                      upper: Self.quantile(sorted, (1 + level) / 2))
        }
        let variances = draws.map { column -> Double in
            let average = column.reduce(0, +) / Double(column.count)
            return column.reduce(0) { $0 + ($1 - average) * ($1 - average) } / Double(column.count - 1)
        }
        return Forecast(periods: future, mean: mean, intervals: intervals, level: level,
                        intervalMethod: .simulation, simulationPaths: paths, seed: specification.seed, variances: variances)
    }

    /// The R type-7 quantile of sorted values.
    static func quantile(_ sorted: [Double], _ p: Double) -> Double {
        let h = Double(sorted.count - 1) * p
        let lower = Int(h.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (h - Double(lower)) * (sorted[upper] - sorted[lower])
    }
}
