import Foundation
import NumericCore
import TradeDomain

/// A smoothed component of a structural model: E(x[t] | all observations) and its standard
/// error √Var(x[t] | all observations) at every period, missing periods included.
public struct SmoothedComponent: Sendable, Equatable, Codable {
    /// The smoothed estimates, one per period.
    public let estimates: [Double]
    /// Their standard errors, one per period.
    public let standardErrors: [Double]

    /// A component.
    ///
    /// - Parameters:
    ///   - estimates: Smoothed values.
    ///   - standardErrors: Their standard errors (same count).
    public init(estimates: [Double], standardErrors: [Double]) {
        precondition(estimates.count == standardErrors.count, "one standard error per estimate")
        self.estimates = estimates
        self.standardErrors = standardErrors
    }

    /// Pointwise normal bands `estimate ± z SE` at a coverage level.
    ///
    /// - Parameter level: Coverage in (0, 1).
    /// - Returns: One interval per period.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a level outside (0, 1).
    public func bands(level: Double = 0.95) throws(AnalysisError) -> [PredictionInterval] {
        guard level > 0 && level < 1 else { throw .invalidParameter(name: "level", value: "\(level)", constraint: "must lie in (0, 1)") }
        let z = Normal().quantile(0.5 + level / 2)
        return zip(estimates, standardErrors).map { PredictionInterval(level: level, lower: $0 - z * $1, upper: $0 + z * $1) }
    }
}

/// A fitted structural time-series model (see ``StructuralModelSpecification``): variances,
/// exact diffuse log-likelihood, smoothed components with standard errors at every period,
/// one-step prediction errors, auxiliary residuals, and forecasts.
///
/// Arrays are 0-based and aligned with ``periods``; a period in ``missing`` had no observation,
/// so its smoothed values are estimates from the observations around it (their standard errors
/// are larger). With a log model every quantity is on the ln scale.
///
/// Reference: Durbin and Koopman (2012), chs. 2, 4, 5, 7; statsmodels `UnobservedComponentsResults`
/// (`smoothed_state`, `smoothed_state_cov`, `standardized_forecasts_error`, `llf`, `aic`, `bic`).
public struct StructuralModelFit: Sendable, Equatable, Codable {
    /// The specification fitted (with `variances` as given, possibly `nil`).
    public let specification: StructuralModelSpecification
    /// The seasonal period, or `nil` without a seasonal.
    public let period: Int?
    /// The variances: estimated, or the fixed ones.
    public let variances: StructuralVariances
    /// Whether ``variances`` were estimated (`false`: fixed by the specification).
    public let variancesEstimated: Bool
    /// Quasi-Newton searches run for the estimate (from the best starting point, plus the polish; 0 when fixed).
    public let searches: Int
    /// Likelihood evaluations (filter runs) of the estimate, screening included (0 when fixed).
    public let likelihoodEvaluations: Int
    /// The period of each entry; empty when fitted from bare values.
    public let periods: [Period]
    /// The modelled observations (ln y for a log model), `nil` where missing.
    public let observed: [Double?]
    /// `true` where the period has no observation (its smoothed values are estimated).
    public let missing: [Bool]
    /// Periods with an observation.
    public let observationCount: Int
    /// Periods without one.
    public let missingCount: Int
    /// Periods filtered before the diffuse part ended (statsmodels `nobs_diffuse`).
    public let diffusePeriods: Int
    /// The exact diffuse log-likelihood (Durbin and Koopman 2012, eq. 7.4; statsmodels `llf`): missing
    /// periods contribute nothing, diffuse steps with F∞ > 0 contribute -½(log 2π + log F∞).
    public let logLikelihood: Double
    /// Parameters counted by the information criteria: the variances plus the diffuse initial
    /// states (Durbin and Koopman 2012, §7.4; statsmodels `df_model`). Fixed variances count too.
    public let parameterCount: Int
    /// `-2 logLikelihood + 2 parameterCount` (statsmodels `aic`).
    public let aic: Double
    /// `-2 logLikelihood + parameterCount · ln n`, with n every period, missing ones included
    /// (statsmodels `bic`, whose `nobs` counts the periods).
    public let bic: Double
    /// The smoothed level μ[t].
    public let level: SmoothedComponent
    /// The smoothed slope ν[t] (local linear trend only).
    public let slope: SmoothedComponent?
    /// The smoothed seasonal γ[t] (seasonal models only).
    public let seasonal: SmoothedComponent?
    /// The smoothed signal μ[t] + γ[t]: the series without its irregular.
    public let signal: SmoothedComponent
    /// One-step prediction errors v[t] = y[t] - E(y[t] | y[..<t]) at observed periods after the
    /// diffuse ones; `nil` elsewhere.
    public let predictionErrors: [Double?]
    /// Their variances F[t]; `nil` where the error is.
    public let predictionErrorVariances: [Double?]
    /// v[t] / √F[t] (statsmodels `standardized_forecasts_error`), `nil` where v[t] is: N(0, 1) and
    /// independent under the model.
    public let standardizedPredictionErrors: [Double?]
    /// Auxiliary residuals for outliers: the smoothed irregular ε̂[t] over its standard deviation
    /// √Var(ε̂[t]) at observed periods (Harvey and Koopman 1992; Durbin and Koopman 2012, §2.12);
    /// `nil` at missing periods or where that variance is 0.
    public let irregularAuxiliaryResiduals: [Double?]
    /// Auxiliary residuals for level shifts: the smoothed level disturbance η̂[t] over its standard
    /// deviation. Entry t measures the move of the level from period t to t+1, so a shift whose new
    /// level starts at period τ shows at τ - 1. `nil` where the variance is 0 (for example σ²_η = 0).
    public let levelAuxiliaryResiduals: [Double?]
    /// The predicted state a[n] after the last period (level, [slope], seasonal states).
    let finalState: [Double]
    /// Its covariance P[n], row-major.
    let finalCovariance: [Double]

    init(specification: StructuralModelSpecification, period: Int?, variances: StructuralVariances, estimated: Bool,
         searches: Int, evaluations: Int, y: [Double], periods: [Period], filter: StructuralKalmanFilter, method: String) throws(AnalysisError) {
        StructuralModelSpecification.apply(variances.values, to: filter)
        var record = StructuralKalmanFilter.Record()
        let parts = y.withUnsafeBufferPointer { filter.run($0, record: &record) }
        guard parts.diffuseEnded else {
            throw .insufficientData(method: method, constraint: "the observed periods do not identify the initial states (the diffuse part of the filter never ends); more observed periods are needed, spread over every season")
        }
        let logLikelihood = parts.logLikelihood
        guard logLikelihood.isFinite else {
            throw .invalidParameter(name: "variances", value: variances.values.map { "\($0)" }.joined(separator: ", "),
                                    constraint: "give a prediction error variance of 0 for an observed period; the likelihood is not finite")
        }
        let n = y.count
        let smoothed = filter.smooth(record, diffusePeriods: parts.diffusePeriods)
        func component(_ values: [Double], _ variances: [Double]) -> SmoothedComponent {
            SmoothedComponent(estimates: values, standardErrors: variances.map { $0 > 0 ? $0.squareRoot() : 0 })
        }
        self.specification = specification
        self.period = period
        self.variances = variances
        self.variancesEstimated = estimated
        self.searches = searches
        self.likelihoodEvaluations = evaluations
        self.periods = periods
        self.observed = y.map { $0.isNaN ? nil : $0 }
        self.missing = y.map(\.isNaN)
        self.observationCount = parts.observed
        self.missingCount = n - parts.observed
        self.diffusePeriods = parts.diffusePeriods
        self.logLikelihood = logLikelihood
        self.parameterCount = variances.values.count + filter.m
        self.aic = -2 * logLikelihood + 2 * Double(parameterCount)
        self.bic = -2 * logLikelihood + Double(parameterCount) * log(Double(n))
        self.level = component(smoothed.level, smoothed.levelVariance)
        self.slope = filter.hasSlope ? component(smoothed.slope, smoothed.slopeVariance) : nil
        self.seasonal = filter.seasonalIndex >= 0 ? component(smoothed.seasonal, smoothed.seasonalVariance) : nil
        self.signal = component(smoothed.signal, smoothed.signalVariance)
        var errors = [Double?](repeating: nil, count: n)
        var errorVariances = [Double?](repeating: nil, count: n)
        var standardized = [Double?](repeating: nil, count: n)
        for t in 0..<n where record.kind[t] == .regular {
            errors[t] = record.v[t]
            errorVariances[t] = record.fStar[t]
            standardized[t] = record.v[t] / record.fStar[t].squareRoot()
        }
        self.predictionErrors = errors
        self.predictionErrorVariances = errorVariances
        self.standardizedPredictionErrors = standardized
        // A disturbance whose smoothed variance is below 1e-12 of its variance is known exactly (no residual).
        self.irregularAuxiliaryResiduals = (0..<n).map { t in
            let variance = smoothed.irregularVariance[t]
            guard !y[t].isNaN, variance > 1e-12 * variances.irregular else { return nil }
            return smoothed.irregular[t] / variance.squareRoot()
        }
        self.levelAuxiliaryResiduals = (0..<n).map { t in
            let variance = smoothed.levelDisturbanceVariance[t]
            guard variance > 1e-12 * variances.level else { return nil }
            return smoothed.levelDisturbance[t] / variance.squareRoot()
        }
        self.finalState = record.finalState
        self.finalCovariance = record.finalCovariance
    }

    /// Forecasts of the series (ln y for a log model) with normal prediction intervals.
    ///
    /// The filter continued past the last period with every observation missing:
    /// ```
    /// ŷ[n+h] = Z a[n+h],   Var = Z P[n+h] Z' + σ²_ε,   a[n+h+1] = T a[n+h],   P[n+h+1] = T P[n+h] T' + Q
    /// ```
    /// (statsmodels `get_forecast(h).summary_frame(alpha)`). The variances are treated as known.
    ///
    /// - Parameters:
    ///   - horizon: Steps ahead, at least 1.
    ///   - level: Coverage in (0, 1).
    /// - Returns: The forecast (interval method `.analytic`); its periods continue the series' calendar.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a horizon below 1 or a
    ///   level outside (0, 1).
    /// - Complexity: O(horizon m s).
    public func forecast(horizon: Int, level: Double = 0.95) throws(AnalysisError) -> Forecast {
        guard horizon >= 1 else { throw .invalidParameter(name: "horizon", value: "\(horizon)", constraint: "must be at least 1") }
        guard level > 0 && level < 1 else { throw .invalidParameter(name: "level", value: "\(level)", constraint: "must lie in (0, 1)") }
        let filter = StructuralKalmanFilter(hasSlope: specification.trend == .localLinearTrend, period: period ?? 0)
        StructuralModelSpecification.apply(variances.values, to: filter)
        let z = Normal().quantile(0.5 + level / 2)
        var a = finalState, p = finalCovariance
        var mean = [Double](), intervals = [PredictionInterval](), stepVariances = [Double]()
        let m = filter.m, s = filter.seasonalIndex
        for _ in 0..<horizon {
            let forecast = s >= 0 ? a[0] + a[s] : a[0]
            var variance = p[0] + variances.irregular
            if s >= 0 { variance += p[s] + p[s * m] + p[s * m + s] }
            let half = z * variance.squareRoot()
            mean.append(forecast)
            stepVariances.append(variance)
            intervals.append(PredictionInterval(level: level, lower: forecast - half, upper: forecast + half))
            a.withUnsafeMutableBufferPointer { filter.transition($0.baseAddress!) }
            p.withUnsafeMutableBufferPointer { filter.predictCovariance($0.baseAddress!, addNoise: true) }
        }
        let futurePeriods = periods.last.map { last in (1...horizon).map { last.advanced(by: $0) } } ?? []
        return Forecast(periods: futurePeriods, mean: mean, intervals: intervals, level: level, intervalMethod: .analytic, variances: stepVariances)
    }

    /// The fit as a neutral table: model, sample, likelihood and information criteria in the
    /// header, one row per variance, notes on gaps and the initialisation.
    ///
    /// - Returns: The summary table.
    public func summary() -> SummaryTable {
        func format(_ x: Double) -> String { String(format: "%.6g", x) }
        var header = [
            SummaryTable.HeaderRow("Model", specification.name(period: period)),
            SummaryTable.HeaderRow("Periods", "\(observed.count)"),
            SummaryTable.HeaderRow("Observed", "\(observationCount)"),
            SummaryTable.HeaderRow("Missing", "\(missingCount)"),
            SummaryTable.HeaderRow("Diffuse periods", "\(diffusePeriods)"),
            SummaryTable.HeaderRow("Log-likelihood", String(format: "%.4f", logLikelihood)),
            SummaryTable.HeaderRow("AIC", String(format: "%.4f", aic)),
            SummaryTable.HeaderRow("BIC", String(format: "%.4f", bic)),
        ]
        if let first = periods.first, let last = periods.last {
            header.insert(SummaryTable.HeaderRow("Sample", "\(first) to \(last)"), at: 1)
        }
        let total = variances.values.reduce(0, +)
        let rows = zip(variances.names, variances.values).map { name, value in
            [name, format(value), total > 0 ? String(format: "%.4f", value / total) : "-"]
        }
        var notes = [
            "Variances \(variancesEstimated ? "by maximum likelihood (\(searches) quasi-Newton searches from the best of the screened starting points; \(likelihoodEvaluations) likelihood evaluations)" : "fixed by the specification").",
            "Exact diffuse initialisation (Durbin and Koopman 2012, ch. 5); the log-likelihood is statsmodels' llf with use_exact_diffuse=True.",
        ]
        if missingCount > 0 {
            notes.append("\(missingCount) of \(observed.count) periods are missing: the filter skips their update step; their smoothed values are estimates.")
        }
        return SummaryTable(title: "Structural time-series model", header: header,
                            columns: ["variance", "estimate", "share"], rows: rows, notes: notes)
    }
}
