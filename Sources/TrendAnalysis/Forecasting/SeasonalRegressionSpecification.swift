import NumericCore
import TradeDomain

/// A trend-plus-seasonal regression baseline, unfitted: the alternative to exponential smoothing.
///
/// ```
/// y[t] = β0 + β1 t + Σ_{k=2..m} δk · 1{season(t) = k} + ε[t],   ε ~ N(0, σ²),  t = 0, 1, ...
/// ```
/// fitted by least squares (NumericCore's pivoted QR, `LeastSquaresFit`), with prediction intervals
/// `ŷ ± t_{n-p, (1+level)/2} · s · √(1 + x'(X'X)⁻¹x)`. Without seasonality (m = 1) it is a line.
///
/// Reference: R `lm(y ~ t + factor(cycle(y)))` and `predict(..., interval = "prediction")`.
public struct SeasonalRegressionSpecification: Sendable, Equatable, Codable {
    /// Observations per season; `nil` takes the series' periods per year; 1 = no seasonal dummies.
    public let period: Int?
    /// Whether seasonal dummies enter.
    public let seasonal: Bool

    /// A specification.
    ///
    /// - Parameters:
    ///   - seasonal: Add seasonal dummies (default true).
    ///   - period: Season length, or `nil` for the series' periods per year.
    public init(seasonal: Bool = true, period: Int? = nil) {
        self.seasonal = seasonal
        self.period = period
    }

    /// Fits the regression to a complete series.
    ///
    /// - Parameter series: A series without gaps.
    /// - Returns: The fit.
    /// - Throws: ``AnalysisError/missingValue(method:period:)`` for a gap;
    ///   ``AnalysisError/tooFewObservations(needed:found:method:)`` when n ≤ the number of coefficients;
    ///   ``AnalysisError/invalidParameter(name:value:constraint:)`` for a rank-deficient design.
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> SeasonalRegressionFit {
        var values: [Double] = []
        for (index, value) in series.values.enumerated() {
            guard let value else { throw .missingValue(method: "trend-plus-seasonal regression", period: series.start.advanced(by: index).description) }
            values.append(value)
        }
        return try fit(values: values, period: period ?? series.frequency.periodsPerYear, periods: series.periods)
    }

    /// Fits the regression to values; observation `i` is in season `i mod m` (season 0 is the baseline level).
    ///
    /// - Parameters:
    ///   - values: Observations.
    ///   - period: Season length used when ``period`` is `nil`.
    ///   - periods: Labels, one per value, or empty.
    /// - Returns: The fit.
    /// - Throws: As ``fit(_:)``.
    public func fit(values: [Double], period defaultPeriod: Int, periods: [Period] = []) throws(AnalysisError) -> SeasonalRegressionFit {
        let m = seasonal ? max(period ?? defaultPeriod, 1) : 1
        let p = 2 + (m - 1)
        guard values.count > p else { throw .tooFewObservations(needed: p + 1, found: values.count, method: "trend-plus-seasonal regression") }
        let rows = values.indices.map { SeasonalRegressionFit.regressors(index: $0, period: m) }
        let solution: LeastSquaresFit
        do {
            solution = try LeastSquaresFit.ordinaryLeastSquares(design: Matrix(rows: rows), response: values)
        } catch {
            throw .invalidParameter(name: "design", value: "\(values.count)x\(p)", constraint: "regressors must be linearly independent (\(error))")
        }
        return SeasonalRegressionFit(specification: self, period: m, periods: periods.count == values.count ? periods : [], observed: values,
                                     coefficients: solution.coefficients, fittedValues: solution.fittedValues, residualSumOfSquares: solution.residualSumOfSquares,
                                     unscaledCovariance: solution.unscaledCovariance)
    }
}
