import Foundation
import NumericCore
import TradeDomain

/// A fitted trend-plus-seasonal regression (see ``SeasonalRegressionSpecification``).
public struct SeasonalRegressionFit: Sendable, Equatable, Codable {
    /// The specification fitted.
    public let specification: SeasonalRegressionSpecification
    /// The season length used (1 = none).
    public let period: Int
    /// The periods fitted (empty without a calendar).
    public let periods: [Period]
    /// The observations.
    public let observed: [Double]
    /// β0 (intercept at t = 0), β1 (per period), then δ2 ... δm (R `coef(lm)`).
    public let coefficients: [Double]
    /// Fitted values.
    public let fittedValues: [Double]
    /// Σ residuals².
    public let residualSumOfSquares: Double
    /// (XᵀX)⁻¹, for prediction variances.
    let unscaledCovariance: Matrix

    init(specification: SeasonalRegressionSpecification, period: Int, periods: [Period], observed: [Double], coefficients: [Double],
         fittedValues: [Double], residualSumOfSquares: Double, unscaledCovariance: Matrix) {
        self.specification = specification
        self.period = period
        self.periods = periods
        self.observed = observed
        self.coefficients = coefficients
        self.fittedValues = fittedValues
        self.residualSumOfSquares = residualSumOfSquares
        self.unscaledCovariance = unscaledCovariance
    }

    /// Residual degrees of freedom, n − p.
    public var residualDegreesOfFreedom: Int { observed.count - coefficients.count }

    /// The residual standard error s = √(RSS / (n − p)) (R `sigma`).
    public var residualStandardError: Double { (residualSumOfSquares / Double(residualDegreesOfFreedom)).squareRoot() }

    static func regressors(index: Int, period m: Int) -> [Double] {
        var row = [1, Double(index)]
        if m > 1 { for k in 1..<m { row.append(index % m == k ? 1 : 0) } }
        return row
    }

    /// Forecasts with Student t prediction intervals (R `predict.lm(interval = "prediction")`);
    /// ``Forecast/variances`` holds `s² (1 + x'(X'X)⁻¹x)`.
    ///
    /// - Parameters:
    ///   - horizon: Steps ahead, at least 1.
    ///   - level: Coverage in (0, 1).
    /// - Returns: The forecast (interval method `regression`).
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a horizon below 1, above `Forecast.maximumHorizon` or past the year 9999, or a bad level.
    public func forecast(horizon: Int, level: Double = 0.95) throws(AnalysisError) -> Forecast {
        let future = try Forecast.futurePeriods(after: periods.last, horizon: horizon)
        guard level > 0 && level < 1 else { throw .invalidParameter(name: "level", value: "\(level)", constraint: "must lie in (0, 1)") }
        let t = StudentT(degreesOfFreedom: Double(residualDegreesOfFreedom)).quantile((1 + level) / 2)
        let s = residualStandardError
        var mean: [Double] = [], intervals: [PredictionInterval] = [], variances: [Double] = []
        for h in 1...horizon {
            let x = Self.regressors(index: observed.count - 1 + h, period: period)
            let yhat = zip(x, coefficients).reduce(0) { $0 + $1.0 * $1.1 }
            // x'(X'X)⁻¹x.
            let cx = unscaledCovariance.multiply(x)
            let leverage = zip(x, cx).reduce(0) { $0 + $1.0 * $1.1 }
            let half = t * s * (1 + leverage).squareRoot()
            variances.append(s * s * (1 + leverage))
            mean.append(yhat)
            intervals.append(PredictionInterval(level: level, lower: yhat - half, upper: yhat + half))
        }
        return Forecast(periods: future, mean: mean, intervals: intervals, level: level, intervalMethod: .regression, variances: variances)
    }
}
