import Foundation
import TradeDomain

/// A structural time-series model (unobserved components), unfitted: trend, seasonal, an
/// optional log transform and optionally fixed variances.
///
/// The basic structural model of Harvey (1989), with a missing observation treated as
/// missing (the filter skips its update step), not as an error:
/// ```
/// y[t]     = μ[t] + γ[t] + ε[t],                        ε[t] ~ N(0, σ²_ε)   irregular
/// μ[t+1]   = μ[t] + ν[t] + η[t],                        η[t] ~ N(0, σ²_η)   level
/// ν[t+1]   = ν[t] + ζ[t],                               ζ[t] ~ N(0, σ²_ζ)   slope (local linear trend only)
/// γ[t+1]   = -γ[t] - γ[t-1] - ... - γ[t-s+2] + ω[t],    ω[t] ~ N(0, σ²_ω)   dummy seasonal of period s
/// ```
/// A local level model drops ν (μ[t+1] = μ[t] + η[t]); a model without seasonal drops γ. With
/// ``logarithm`` the model is fitted to ln y, and every result is on the log scale.
///
/// Estimation: the Kalman filter with the exact diffuse initialisation of every state
/// (Durbin and Koopman 2012, ch. 5: F∞ and F* recursions until P∞ = 0) gives the exact diffuse
/// log-likelihood (their eq. 7.4, statsmodels `llf` with `use_exact_diffuse=True`). The variances
/// maximise it: one variance is concentrated out (the likelihood is maximised over a common scale
/// in closed form, their §2.10.2) and the log ratios of the others are searched. The concentrated
/// likelihood is evaluated at 2k + 1 starting points (k variances: all equal, and each one dominant
/// at 10 and 100 times the others), a quasi-Newton search (BFGS) runs from the best, with its
/// largest variance concentrated, and runs again if the optimum's largest variance is another
/// one (so no ratio has to run off to infinity when a concentrated variance is zero). The highest
/// likelihood is kept. The smoother is the exact initial state smoother (Durbin and Koopman 2012,
/// §5.3), so the smoothed states and standard errors at every period, missing ones included, are
/// exact.
///
/// Indices are 0-based periods of the series; disturbance η[t] moves the level from period t to
/// t+1. Variances are on the scale of the (transformed) series squared.
///
/// Reference: Harvey (1989), *Forecasting, Structural Time Series Models and the Kalman Filter*;
/// Durbin and Koopman (2012), *Time Series Analysis by State Space Methods*, 2nd ed., chs. 2, 3, 5
/// and 7; Harvey and Koopman (1992), "Diagnostic checking of unobserved-components time series
/// models", JBES 10(4); statsmodels `UnobservedComponents(level="llevel"|"lltrend", seasonal=s,
/// use_exact_diffuse=True)`; R `StructTS` (which uses a large-κ initialisation instead).
public struct StructuralModelSpecification: Sendable, Equatable, Codable {
    /// The trend component.
    public enum Trend: String, Sendable, Equatable, Codable, CaseIterable {
        /// A random-walk level (statsmodels `"llevel"`, R `StructTS(type = "level")`).
        case localLevel
        /// A random-walk level with a random-walk slope (statsmodels `"lltrend"`, R `type = "trend"`).
        case localLinearTrend
    }

    /// The seasonal component.
    public enum Seasonal: Sendable, Equatable, Codable {
        /// No seasonal.
        case none
        /// A stochastic dummy seasonal of the given period (`nil`: the series' periods per year).
        case dummy(period: Int?)
    }

    /// Local level or local linear trend.
    public let trend: Trend
    /// No seasonal, or a dummy seasonal.
    public let seasonal: Seasonal
    /// Whether the model is fitted to ln y (every observation must then be positive).
    public let logarithm: Bool
    /// Fixed variances; `nil` estimates them by maximum likelihood.
    public let variances: StructuralVariances?

    /// A specification.
    ///
    /// - Parameters:
    ///   - trend: `.localLevel` or `.localLinearTrend`.
    ///   - seasonal: `.none` or `.dummy(period:)`.
    ///   - logarithm: Fit ln y.
    ///   - variances: Fixed variances, or `nil` to estimate them.
    public init(trend: Trend = .localLevel, seasonal: Seasonal = .none, logarithm: Bool = false,
                variances: StructuralVariances? = nil) {
        self.trend = trend
        self.seasonal = seasonal
        self.logarithm = logarithm
        self.variances = variances
    }

    /// A short name, for example `local linear trend + seasonal(12)`.
    ///
    /// - Parameter period: The resolved seasonal period, if any.
    /// - Returns: The name.
    public func name(period: Int?) -> String {
        var text = trend == .localLevel ? "local level" : "local linear trend"
        if let period { text += " + seasonal(\(period))" }
        return logarithm ? text + " of ln y" : text
    }

    /// Fits the model to a series whose missing entries are missing observations.
    ///
    /// - Parameter series: The series; a `nil` value is a missing observation. The seasonal
    ///   period defaults to the series' periods per year.
    /// - Returns: The fit: variances, exact diffuse log-likelihood, smoothed components with
    ///   standard errors at every period, prediction errors and auxiliary residuals.
    /// - Throws: ``AnalysisError/tooFewObservations(needed:found:method:)`` when fewer periods are
    ///   observed than the model has states and variances (including a series with none observed);
    ///   ``AnalysisError/nonPositive(what:value:)`` for a value that is not positive in a log model;
    ///   ``AnalysisError/invalidParameter(name:value:constraint:)`` for a seasonal period below 2, a
    ///   value that is not finite, or fixed variances that do not match the model or are negative;
    ///   ``AnalysisError/insufficientData(method:constraint:)`` when the observed periods do not
    ///   identify the initial state (the diffuse period never ends).
    /// - Complexity: O(n m s) per likelihood evaluation (n periods, m states, s the period); an
    ///   estimate evaluates the likelihood at 2k + 1 starting points and along one or a few BFGS
    ///   searches (about 4 evaluations per iteration for k = 4 variances); the smoother runs once, O(n m² s).
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> StructuralModelFit {
        try fit(values: series.values, period: series.frequency.periodsPerYear, periods: series.periods)
    }

    /// Fits the model to values with no calendar (`nil` = missing).
    ///
    /// - Parameters:
    ///   - values: Observations in time order; `nil` marks a missing one.
    ///   - period: The seasonal period used when ``seasonal`` is `.dummy(period: nil)`.
    ///   - periods: Labels, one per value, or empty.
    /// - Returns: The fit.
    /// - Throws: As ``fit(_:)``.
    public func fit(values: [Double?], period defaultPeriod: Int = 1, periods: [Period] = []) throws(AnalysisError) -> StructuralModelFit {
        let period = try resolvedPeriod(defaultPeriod)
        let method = "structural model (\(name(period: period)))"
        var y = [Double]()
        y.reserveCapacity(values.count)
        for (index, value) in values.enumerated() {
            guard let value else { y.append(.nan); continue }
            let label = periods.count == values.count ? periods[index].description : "index \(index)"
            guard value.isFinite else {
                throw .invalidParameter(name: "observation for \(label)", value: "\(value)", constraint: "a \(method) needs finite values")
            }
            if logarithm {
                guard value > 0 else { throw .nonPositive(what: "observation for \(label) in a log \(method)", value: value) }
                y.append(log(value))
            } else {
                y.append(value)
            }
        }
        let filter = StructuralKalmanFilter(hasSlope: trend == .localLinearTrend, period: period ?? 0)
        let varianceCount = 2 + (trend == .localLinearTrend ? 1 : 0) + (period == nil ? 0 : 1)
        let observed = y.reduce(0) { $0 + ($1.isNaN ? 0 : 1) }
        let needed = filter.m + varianceCount
        guard observed >= needed else {
            throw .tooFewObservations(needed: needed, found: observed,
                                      method: "a \(method) with \(filter.m) initial states and \(varianceCount) variances")
        }
        let resolved: StructuralVariances
        var searches = 0, evaluations = 0
        if let fixed = variances {
            try check(fixed, period: period)
            resolved = fixed
        } else {
            (resolved, searches, evaluations) = try estimate(y, filter: filter, period: period, method: method)
        }
        return try StructuralModelFit(specification: self, period: period, variances: resolved, estimated: variances == nil,
                                      searches: searches, evaluations: evaluations, y: y, periods: periods.count == values.count ? periods : [],
                                      filter: filter, method: method)
    }

    /// The seasonal period, or `nil` without a seasonal.
    private func resolvedPeriod(_ defaultPeriod: Int) throws(AnalysisError) -> Int? {
        guard case let .dummy(given) = seasonal else { return nil }
        let period = given ?? defaultPeriod
        guard period >= 2 else {
            throw .invalidParameter(name: "seasonal period", value: "\(period)", constraint: "a dummy seasonal needs a period of at least 2")
        }
        return period
    }

    private func check(_ fixed: StructuralVariances, period: Int?) throws(AnalysisError) {
        guard (fixed.slope != nil) == (trend == .localLinearTrend), (fixed.seasonal != nil) == (period != nil) else {
            throw .invalidParameter(name: "fixed variances", value: fixed.names.joined(separator: ", "),
                                    constraint: "a \(name(period: period)) model needs the variances \(expectedNames(period: period).joined(separator: ", "))")
        }
        for (name, value) in zip(fixed.names, fixed.values) where !(value >= 0 && value.isFinite) {
            throw .invalidParameter(name: "\(name) variance", value: "\(value)", constraint: "must be finite and not negative")
        }
    }

    private func expectedNames(period: Int?) -> [String] {
        ["irregular", "level"] + (trend == .localLinearTrend ? ["slope"] : []) + (period == nil ? [] : ["seasonal"])
    }
}
