import Foundation
import NumericCore
import TradeDomain

/// A straight line fitted by least squares to the observed periods of a series (missing periods are
/// left out, not filled) and projected with Student t prediction intervals. On a logged series this is
/// the log-linear (constant growth rate) trend.
///
/// ```
/// y[t] = a + b t + e[t],   e[t] ~ N(0, s²),   t = 0, 1, ... the period index (gaps keep their index)
/// ŷ(t) = a + b t,   interval ŷ(t) ± t_{n-2} s √(1 + 1/n + (t - t̄)² / Σ (t_i - t̄)²)
/// ```
/// Reference: any regression text (Draper and Smith 1998, §3.1); R `predict(lm(y ~ t), interval = "prediction")`.
public struct LinearTrendForecast: Sendable, Equatable, Codable {
    /// Intercept a (at index 0, the series' first period).
    public let intercept: Double
    /// Slope b per period.
    public let slope: Double
    /// Residual variance s² (n - 2 degrees of freedom).
    public let residualVariance: Double
    /// Observations fitted.
    public let observationCount: Int
    /// The series' first period and the last period of the series.
    public let start: Period
    public let end: Period
    private let meanIndex: Double
    private let sxx: Double

    /// Fits the line to the observed values of a series.
    ///
    /// - Parameter series: The series; `nil` values are skipped.
    /// - Throws: ``AnalysisError/tooFewObservations(needed:found:method:)`` below 3 observations;
    ///   ``AnalysisError/insufficientData(method:constraint:)`` when every observation falls in one period.
    public init(fitting series: TimeSeries<Double>) throws(AnalysisError) {
        let points = series.values.enumerated().compactMap { index, value in value.map { (Double(index), $0) } }
        guard points.count >= 3 else { throw .tooFewObservations(needed: 3, found: points.count, method: "linear trend") }
        let n = Double(points.count)
        let tm = points.reduce(0) { $0 + $1.0 } / n, ym = points.reduce(0) { $0 + $1.1 } / n
        var sxy = 0.0, sxx = 0.0
        for (t, y) in points { sxy += (t - tm) * (y - ym); sxx += (t - tm) * (t - tm) }
        guard sxx > 0 else { throw .insufficientData(method: "linear trend", constraint: "needs observations in two periods at least") }
        let b = sxy / sxx, a = ym - b * tm
        let rss = points.reduce(0) { $0 + ($1.1 - a - b * $1.0) * ($1.1 - a - b * $1.0) }
        intercept = a
        slope = b
        residualVariance = rss / (n - 2)
        observationCount = points.count
        start = series.start
        end = series.end
        meanIndex = tm
        self.sxx = sxx
    }

    /// Point forecasts and Student t prediction intervals for the periods after the series' end.
    ///
    /// - Parameters:
    ///   - horizon: Steps ahead, at least 1.
    ///   - level: Coverage in (0, 1).
    /// - Returns: The forecast (interval method `.regression`, with the forecast error variances).
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a horizon below 1 or a level outside (0, 1).
    public func forecast(horizon: Int, level: Double = 0.95) throws(AnalysisError) -> Forecast {
        guard horizon >= 1 else { throw .invalidParameter(name: "horizon", value: "\(horizon)", constraint: "must be at least 1") }
        guard level > 0 && level < 1 else { throw .invalidParameter(name: "level", value: "\(level)", constraint: "must lie in (0, 1)") }
        let n = Double(observationCount)
        let q = StudentT(degreesOfFreedom: n - 2).quantile(0.5 + level / 2)
        let last = Double(start.distance(to: end))
        var mean: [Double] = [], intervals: [PredictionInterval] = [], variances: [Double] = []
        for h in 1...horizon {
            let t = last + Double(h)
            let f = intercept + slope * t
            let variance = residualVariance * (1 + 1 / n + (t - meanIndex) * (t - meanIndex) / sxx)
            mean.append(f)
            variances.append(variance)
            intervals.append(PredictionInterval(level: level, lower: f - q * variance.squareRoot(), upper: f + q * variance.squareRoot()))
        }
        return Forecast(periods: (1...horizon).map { end.advanced(by: $0) }, mean: mean, intervals: intervals, level: level,
                        intervalMethod: .regression, variances: variances)
    }
}
