import Foundation
import NumericCore

/// Growth rates implied by a log-linear trend `ln y = β₀ + β₁ t (+ seasonal terms) + ε`.
///
/// ```
/// per period:   g = exp(β₁) − 1,            interval exp(β₁ ∓ q·SE) − 1
/// annualised:   G = exp(f β₁) − 1,          interval exp(f (β₁ ∓ q·SE)) − 1   (f periods per year)
/// CAGR:         (y_last / y_first)^(1/Y) − 1, Y = (t_last − t_first)/f years,
///               interval exp((ln y_last − ln y_first ∓ q_t·σ̂√2) / Y) − 1   (q_t always Student t)
/// ```
/// q is the Student t(df_resid) quantile with the classical SE, or the normal
/// quantile with the HAC SE when Newey–West covariance was asked for. The CAGR is
/// the endpoint rate economists quote; its interval treats the two endpoint
/// log values as the model's independent N(·, σ²) observations, so the log
/// ratio has standard error σ̂√2 around its trend value (an approximation that
/// ignores autocorrelation).
public struct GrowthRates: Sendable, Equatable, Codable {
    /// exp(β₁) − 1: the trend growth per period.
    public let perPeriod: GrowthRate
    /// exp(f β₁) − 1: the trend growth per year (equal to `perPeriod` for annual data).
    public let annual: GrowthRate
    /// The compound annual growth rate between the first and last observation, or
    /// nil when they lie less than one period apart.
    public let compoundAnnual: GrowthRate?
    /// Periods per year f used to annualise.
    public let periodsPerYear: Int

    /// Growth rates from a fitted log-linear trend.
    ///
    /// - Parameters:
    ///   - slope: The coefficient of t (β₁, log points per period) with its SEs.
    ///   - fit: The regression (for σ̂ and df_resid).
    ///   - useHAC: Take the HAC SE and the normal quantile.
    ///   - periodsPerYear: f.
    ///   - firstLog: ln y at the first observation; `lastLog` at the last.
    ///   - span: t_last − t_first in periods.
    init(slope: RegressionCoefficient, fit: RegressionResults, useHAC: Bool, periodsPerYear: Int,
         firstLog: Double, lastLog: Double, span: Int) {
        let level = fit.level
        let studentQ = CriticalValues.studentT(degreesOfFreedom: fit.residualDegreesOfFreedom, level: level)
        let se: Double
        let q: Double
        if useHAC, let hac = slope.hacStandardError {
            se = hac
            q = Normal().inverseSurvival((1 - level) / 2)
        } else {
            se = slope.standardError
            q = studentQ
        }
        let f = Double(periodsPerYear)
        let b = slope.estimate
        perPeriod = GrowthRate(estimate: expm1(b), lower: expm1(b - q * se), upper: expm1(b + q * se), level: level)
        annual = GrowthRate(estimate: expm1(f * b), lower: expm1(f * (b - q * se)), upper: expm1(f * (b + q * se)), level: level)
        if span > 0 {
            let years = Double(span) / f
            let change = lastLog - firstLog
            let half = studentQ * fit.residualStandardError * 2.0.squareRoot()
            compoundAnnual = GrowthRate(estimate: expm1(change / years), lower: expm1((change - half) / years),
                                        upper: expm1((change + half) / years), level: level)
        } else {
            compoundAnnual = nil
        }
        self.periodsPerYear = periodsPerYear
    }
}
