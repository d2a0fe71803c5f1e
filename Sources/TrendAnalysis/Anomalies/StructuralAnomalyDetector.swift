import Foundation
import TradeDomain

/// Flags outliers and level shifts of a series with gaps from a structural model's auxiliary
/// residuals, each with the nearest sanction event covering the series.
///
/// The model treats a missing period as missing, so a monthly trade series with holes is analysed as
/// it is. Two kinds of flags (Harvey and Koopman 1992; Durbin and Koopman 2012, §2.12 and §7.5):
/// - an **outlier** at an observed period t where the standardised smoothed irregular ε̂[t]/sd
///   exceeds the threshold in absolute value (one period off the level);
/// - a **level shift** starting at period t+1 where the standardised smoothed level disturbance
///   η̂[t]/sd exceeds the threshold (the level moves from t to t+1 and stays).
/// For an outlier, `observed` is the observation and `expected` the smoothed signal (level plus
/// seasonal) without the irregular; for a level shift, `observed` is the smoothed level at the
/// first period of the new level and `expected` the smoothed level before it. Figures are on the
/// model's scale (ln y for a log model). The auxiliary residuals are serially correlated, so the
/// threshold is a screening rule, not a test at a stated size.
public struct StructuralAnomalyDetector: Sendable, Equatable {
    /// The model whose auxiliary residuals are screened.
    public let specification: StructuralModelSpecification
    /// The absolute standardised auxiliary residual above which a period is flagged (default 2.5).
    public let threshold: Double

    /// A detector.
    ///
    /// - Parameters:
    ///   - specification: The structural model (variances estimated unless fixed).
    ///   - threshold: The flagging threshold, positive; 2.5 by default.
    public init(specification: StructuralModelSpecification, threshold: Double = 2.5) {
        self.specification = specification
        self.threshold = threshold
    }

    /// Fits the model and flags outliers and level shifts.
    ///
    /// - Parameters:
    ///   - series: The series; missing entries are missing observations.
    ///   - sanctions: The calendar as it applies to the series, or `nil`.
    /// - Returns: The fit and the flags in period order (a level shift after an outlier of the same period).
    /// - Throws: The model's errors (``StructuralModelSpecification/fit(_:)``);
    ///   ``AnalysisError/invalidParameter(name:value:constraint:)`` for a threshold that is not positive.
    public func detect(_ series: TimeSeries<Double>, sanctions: SanctionContext?) throws(AnalysisError) -> (fit: StructuralModelFit, flags: [AnomalyFlag]) {
        guard threshold > 0, threshold.isFinite else {
            throw .invalidParameter(name: "threshold", value: String(threshold), constraint: "must be a positive number")
        }
        let fit = try specification.fit(series)
        var flags: [AnomalyFlag] = []
        func flag(_ index: Int, observed: Double, expected: Double, score: Double, kind: AnomalyKind) {
            let period = fit.periods[index]
            let near = sanctions?.nearest(to: period)
            flags.append(AnomalyFlag(period: period, observed: observed, expected: expected, score: score, threshold: threshold,
                                     nearestSanction: near?.sanction, offsetFromSanction: near?.offset, kind: kind))
        }
        for index in fit.periods.indices {
            if let score = fit.irregularAuxiliaryResiduals[index], let observed = fit.observed[index], abs(score) > threshold {
                flag(index, observed: observed, expected: fit.signal.estimates[index], score: score, kind: .outlier)
            }
            // η̂[t-1] moves the level from t-1 to t: the shift is dated at t, its first period.
            if index > 0, let score = fit.levelAuxiliaryResiduals[index - 1], abs(score) > threshold {
                flag(index, observed: fit.level.estimates[index], expected: fit.level.estimates[index - 1], score: score, kind: .levelShift)
            }
        }
        return (fit, flags)
    }
}
