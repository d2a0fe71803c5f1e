import Foundation
import NumericCore
import TradeDomain

/// The fitted trend at one observed period with the confidence interval of its mean.
public struct TrendBandPoint: Sendable, Equatable, Codable {
    public let period: Period
    /// The fitted value on the scale of the data (exp of the log fit for a log-linear trend).
    public let fitted: Double
    /// The lower end of the confidence interval of the mean, on the scale of the data.
    public let lower: Double
    /// The upper end.
    public let upper: Double

    public init(period: Period, fitted: Double, lower: Double, upper: Double) {
        self.period = period
        self.fitted = fitted
        self.lower = lower
        self.upper = upper
    }
}

extension TrendFit {
    /// The fitted trend and the confidence interval of its mean at each observed period, at the
    /// fit's level: ŷ ± q · sqrt(xᵀ V x), with x the design row (1, t, seasonal
    /// dummies), V the coefficient covariance and q the (1+level)/2 quantile of Student's t with the
    /// residual degrees of freedom, or with HAC lags the Newey-West covariance and the normal quantile, as
    /// statsmodels `get_prediction(...).conf_int()` (`summary_frame` `mean_ci_lower/upper`). A
    /// log-linear fit's interval is computed on the log scale and mapped back with exp, so it is an
    /// interval for the median of y.
    ///
    /// - Returns: One point per observed period, or `nil` for the tests (Mann-Kendall, Theil-Sen)
    ///   and for polynomial trends (fitted on a centred and scaled t, whose design row is not kept).
    public func confidenceBand() -> [TrendBandPoint]? {
        guard let regression, specification.model == .linear || specification.model == .logLinear else { return nil }
        let covariance = specification.hacLags != nil ? (regression.hac?.covariance ?? regression.covariance) : regression.covariance
        let names = regression.coefficients.map(\.name)
        // Classical inference uses Student's t; Newey-West inference the normal (as the HAC
        // p-values of the coefficients and statsmodels' cov_type="HAC" with use_t=False).
        let tail = (1 - specification.level) / 2
        let q = specification.hacLags != nil ? Normal(mean: 0, standardDeviation: 1).inverseSurvival(tail)
            : (regression.residualDegreesOfFreedom > 0 ? StudentT(degreesOfFreedom: Double(regression.residualDegreesOfFreedom)).inverseSurvival(tail) : .nan)
        let frequency = seriesStart.frequency
        guard let first = observedOffsets.first else { return [] }
        return observedOffsets.enumerated().map { k, offset in
            let t = Double(offset - first)
            let season = (seriesStart.subperiod - 1 + offset) % frequency.periodsPerYear + 1
            let row: [Double] = names.map { name in
                switch name {
                case "const": return 1
                case "t": return t
                default:
                    guard let underscore = name.lastIndex(of: "_"), let s = Int(name[name.index(after: underscore)...]) else { return 0 }
                    return s == season ? 1 : 0
                }
            }
            var variance = 0.0
            for i in row.indices { for j in row.indices { variance += row[i] * covariance[i, j] * row[j] } }
            let fit = regression.fittedValues[k]
            let half = q * sqrt(max(variance, 0))
            let period = seriesStart.advanced(by: offset)
            if specification.model == .logLinear {
                return TrendBandPoint(period: period, fitted: exp(fit), lower: exp(fit - half), upper: exp(fit + half))
            }
            return TrendBandPoint(period: period, fitted: fit, lower: fit - half, upper: fit + half)
        }
    }
}
