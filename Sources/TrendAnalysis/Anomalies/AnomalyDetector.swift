import NumericCore
import TradeDomain

/// Flags anomalous observations of a series from the residuals of a model, unfitted.
///
/// Residuals `r` come from STL (`observed − trend − seasonal`) or a linear trend (`observed − a − b t`).
/// ```
/// robust z:  z[t] = (r[t] − median r) / (1.4826 · median |r − median r|),   flag |z[t]| > threshold
/// ESD:       Rosner's generalized ESD on r (see ``GeneralizedESD``)
/// ```
/// Each flag carries the nearest sanction event of a ``SanctionContext`` and the signed distance in periods.
///
/// Reference: Iglewicz and Hoaglin (1993) "How to detect and handle outliers" (modified z-score,
/// threshold 3.5); Rosner (1983); Cleveland et al. (1990) for STL.
public struct AnomalyDetector: Sendable, Equatable, Codable {
    /// How observations are scored.
    public enum Method: Sendable, Equatable, Codable {
        /// Robust z-scores of the residuals; flag above `threshold` in absolute value.
        case robustZScore(threshold: Double)
        /// Rosner's generalized ESD test on the residuals.
        case generalizedESD(maximumOutliers: Int, significance: Double)
    }

    /// The model whose residuals are scored.
    public enum ResidualModel: Sendable, Equatable, Codable {
        /// STL with the given specification (its period from the series frequency unless set).
        case stl(STLSpecification)
        /// An ordinary least-squares line in time.
        case linearTrend
    }

    /// The scoring method.
    public let method: Method
    /// The residual model.
    public let model: ResidualModel

    /// A detector.
    ///
    /// - Parameters:
    ///   - method: Robust z-scores with threshold 3.5 by default.
    ///   - model: The residual model.
    public init(method: Method = .robustZScore(threshold: 3.5), model: ResidualModel) {
        self.method = method
        self.model = model
    }

    /// Flags the anomalies of a complete series.
    ///
    /// - Parameters:
    ///   - series: A complete series.
    ///   - sanctions: The calendar as it applies to the series, or `nil`.
    /// - Returns: The flags in time order.
    /// - Throws: ``AnalysisError/missingValue(method:period:)`` for a gap, the errors of STL and of
    ///   ``GeneralizedESD/test(_:)``, `invalidParameter` for a non-positive threshold, and
    ///   ``AnalysisError/regressionFailed(step:_:)`` for the trend fit.
    public func detect(_ series: TimeSeries<Double>, sanctions: SanctionContext? = nil) throws(AnalysisError) -> [AnomalyFlag] {
        var values = [Double]()
        for (index, value) in series.values.enumerated() {
            guard let value else { throw .missingValue(method: "anomaly detection", period: series.start.advanced(by: index).description) }
            values.append(value)
        }
        let residuals: [Double]
        switch model {
        case let .stl(specification):
            residuals = try specification.fit(series).remainder
        case .linearTrend:
            guard values.count >= 3 else { throw .tooFewObservations(needed: 3, found: values.count, method: "anomaly detection") }
            // The closed-form line (``TimeTrendLine``): the least-squares fit of [1, t], in O(n).
            let times = values.indices.map(Double.init)
            let line = values.withUnsafeBufferPointer { v in
                times.withUnsafeBufferPointer { t in TimeTrendLine.fit(values: v, times: t, level: 0.95) }
            }
            guard let line else {
                throw .regressionFailed(step: "fitting the linear trend for anomaly detection",
                                        .nonFiniteValue(row: values.firstIndex { !$0.isFinite } ?? 0, column: nil))
            }
            residuals = values.indices.map { values[$0] - (line.intercept + line.slope * times[$0]) }
        }
        return try flags(observed: values, residuals: residuals, periods: series.periods, sanctions: sanctions)
    }

    /// Flags from given residuals.
    ///
    /// - Parameters:
    ///   - observed: The observations.
    ///   - residuals: Their residuals from some model (expected = observed − residual).
    ///   - periods: Their periods.
    ///   - sanctions: The calendar as it applies, or `nil`.
    /// - Returns: The flags in time order.
    /// - Throws: `invalidParameter` for a non-positive threshold or residuals with zero MAD, and the
    ///   errors of ``GeneralizedESD/test(_:)``.
    public func flags(observed: [Double], residuals: [Double], periods: [Period], sanctions: SanctionContext?) throws(AnalysisError) -> [AnomalyFlag] {
        precondition(observed.count == residuals.count && periods.count == residuals.count, "aligned observations, residuals and periods")
        var scored: [(index: Int, score: Double, threshold: Double)] = []
        switch method {
        case let .robustZScore(threshold):
            guard threshold > 0 else { throw .invalidParameter(name: "threshold", value: "\(threshold)", constraint: "must be positive") }
            guard !residuals.isEmpty else { return [] }
            let center = RobustScale.median(residuals)
            let scale = RobustScale.medianAbsoluteDeviation(residuals)
            guard scale > 0 else {
                throw .invalidParameter(name: "residual MAD", value: "0", constraint: "robust z-scores need residuals whose median absolute deviation is positive")
            }
            for (index, residual) in residuals.enumerated() {
                let z = (residual - center) / scale
                if abs(z) > threshold { scored.append((index, z, threshold)) }
            }
        case let .generalizedESD(maximumOutliers, significance):
            let result = try GeneralizedESD(maximumOutliers: maximumOutliers, significance: significance).test(residuals)
            for step in result.steps.prefix(result.outlierCount) { scored.append((step.index, step.statistic, step.criticalValue)) }
            scored.sort { $0.index < $1.index }
        }
        return scored.map { item in
            let near = sanctions?.nearest(to: periods[item.index])
            return AnomalyFlag(period: periods[item.index], observed: observed[item.index], expected: observed[item.index] - residuals[item.index],
                               score: item.score, threshold: item.threshold, nearestSanction: near?.sanction, offsetFromSanction: near?.offset)
        }
    }
}
