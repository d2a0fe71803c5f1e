import Foundation
import TradeDomain

/// An exponential smoothing model, unfitted: formulation, components, season length and
/// optionally fixed parameters.
///
/// The state space formulation, ETS(E, T, S), with error `ε ~ N(0, σ²)`:
/// ```
/// ŷ[t]  = (l[t-1] + φ b[t-1]) ⊕ s[t-m]            ⊕ is + (additive) or × (multiplicative season)
/// e[t]  = y[t] - ŷ[t]   or (y[t] - ŷ[t]) / ŷ[t]   (additive or multiplicative error)
/// l[t]  = q + α (p - q),  q = l[t-1] + φ b[t-1],  p = y[t] ⊖ s[t-m]
/// b[t]  = φ b[t-1] + (β/α) (l[t] - l[t-1] - φ b[t-1])
/// s[t]  = s[t-m] + γ (y[t] ⊖ q - s[t-m])
/// ```
/// Holt-Winters (R `HoltWinters`) uses `l[t] = α (y ⊖ s[t-m]) + (1-α)(l[t-1] + b[t-1])`,
/// `b[t] = β (l[t] - l[t-1]) + (1-β) b[t-1]`, `s[t] = γ (y ⊖ l[t]) + (1-γ) s[t-m]`.
///
/// Estimation: the state space formulation maximises the likelihood, Holt-Winters
/// minimises the sum of squared one-step errors (see ``ExponentialSmoothingFormulation``).
/// Indices are 0-based; the season length `m` defaults to the series' periods per year.
///
/// Reference: Hyndman, Koehler, Ord and Snyder (2008), *Forecasting with Exponential
/// Smoothing*, chs. 2 and 6; R `forecast::ets`, `stats::HoltWinters`; statsmodels
/// `ETSModel`, `ExponentialSmoothing`.
public struct ExponentialSmoothingSpecification: Sendable, Equatable, Codable {
    /// State space (maximum likelihood) or Holt-Winters (least squares).
    public let formulation: ExponentialSmoothingFormulation
    /// The error: additive or multiplicative (Holt-Winters: additive).
    public let error: ExponentialSmoothingComponent
    /// The trend: none, additive or additive damped (Holt-Winters: not damped).
    public let trend: ExponentialSmoothingComponent
    /// The seasonality: none, additive or multiplicative.
    public let seasonal: ExponentialSmoothingComponent
    /// The season length; `nil` takes the series' periods per year.
    public let period: Int?
    /// Fixed parameters and initial states; `nil` estimates them.
    public let parameters: ExponentialSmoothingParameters?
    /// Simulated paths for intervals of non-linear models.
    public let simulationPaths: Int
    /// The seed of the simulation generator (``SplitMix64``).
    public let seed: UInt64

    /// A specification.
    ///
    /// - Parameters:
    ///   - formulation: `.stateSpace` (ETS) or `.holtWinters`.
    ///   - error: `.additive` or `.multiplicative`.
    ///   - trend: `.none`, `.additive` or `.additiveDamped`.
    ///   - seasonal: `.none`, `.additive` or `.multiplicative`.
    ///   - period: Season length, or `nil` for the series' periods per year.
    ///   - parameters: Fixed parameters, or `nil` to estimate.
    ///   - simulationPaths: Paths for simulated intervals (default 5,000).
    ///   - seed: Simulation seed.
    public init(formulation: ExponentialSmoothingFormulation = .stateSpace,
                error: ExponentialSmoothingComponent = .additive,
                trend: ExponentialSmoothingComponent = .none,
                seasonal: ExponentialSmoothingComponent = .none,
                period: Int? = nil, parameters: ExponentialSmoothingParameters? = nil,
                simulationPaths: Int = 5_000, seed: UInt64 = 20_261_129) {
        self.formulation = formulation
        self.error = error
        self.trend = trend
        self.seasonal = seasonal
        self.period = period
        self.parameters = parameters
        self.simulationPaths = simulationPaths
        self.seed = seed
    }

    /// The ETS name, for example `ETS(M,A,M)` or `Holt-Winters (additive)`.
    public var name: String {
        switch formulation {
        case .stateSpace: return "ETS(\(error.letter),\(trend.letter),\(seasonal.letter))"
        case .holtWinters:
            let kind = seasonal == .none ? (trend == .none ? "exponential smoothing" : "no seasonality") : seasonal.rawValue
            return "Holt-Winters (\(kind))"
        }
    }

    /// Fits the model to a complete series.
    ///
    /// - Parameter series: A series with no gaps.
    /// - Returns: The fitted model with its parameters, states, fitted values and σ².
    /// - Throws: ``AnalysisError/missingValue(method:period:)`` for a gap;
    ///   ``AnalysisError/tooFewObservations(needed:found:method:)``;
    ///   ``AnalysisError/nonPositive(what:value:)`` for a multiplicative component on data that are not positive;
    ///   ``AnalysisError/invalidParameter(name:value:constraint:)`` for an impossible combination or fixed parameter.
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> ExponentialSmoothingFit {
        var values = [Double]()
        for (index, value) in series.values.enumerated() {
            guard let value else { throw .missingValue(method: name, period: series.start.advanced(by: index).description) }
            values.append(value)
        }
        return try fit(values: values, period: period ?? series.frequency.periodsPerYear, periods: series.periods)
    }

    /// Fits the model to complete values with no calendar.
    ///
    /// - Parameters:
    ///   - values: Observations in time order.
    ///   - period: Season length used when ``period`` is `nil`.
    ///   - periods: Labels, one per value, or empty.
    /// - Returns: The fitted model.
    /// - Throws: As ``fit(_:)``.
    public func fit(values: [Double], period defaultPeriod: Int, periods: [Period] = []) throws(AnalysisError) -> ExponentialSmoothingFit {
        let m = seasonal == .none ? 1 : (period ?? defaultPeriod)
        try validate(values: values, period: m)
        let fitStart = formulation == .stateSpace ? 0 : (seasonal != .none ? m : (trend == .none ? 1 : 2))
        let parameters: ExponentialSmoothingParameters
        if let fixed = self.parameters {
            try check(fixed, period: m)
            parameters = fixed
        } else {
            parameters = try estimate(values, period: m)
        }
        let kernel = kernel(parameters)
        let initial = SmoothingState(level: parameters.initialLevel, trend: parameters.initialTrend ?? 0,
                                     seasonal: seasonal == .none ? [] : parameters.initialSeasonal)
        guard let run = kernel.filter(Array(values[fitStart...]), from: initial) else {
            throw .invalidParameter(name: "\(name) parameters", value: "\(parameters.alpha)",
                                    constraint: "the filter produced a forecast that is not finite or not positive")
        }
        let n = values.count - fitStart
        let parameterCount = freeParameterCount(period: m)
        let sigma2: Double
        switch formulation {
        case .stateSpace:
            sigma2 = run.sumOfSquares / Double(max(n - parameterCount, 1))   // R ets: n - length(par)
        case .holtWinters:
            let residuals = zip(values[fitStart...], run.fitted).map { $0 - $1 }
            let mean = residuals.reduce(0, +) / Double(n)
            sigma2 = residuals.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(max(n - 1, 1))
        }
        let concentrated = Double(n) * log(run.sumOfSquares) + (error == .multiplicative ? 2 * run.sumLogForecast : 0)
        return ExponentialSmoothingFit(
            specification: self, period: m, parameters: parameters,
            periods: periods.count == values.count ? periods : [], observed: values, fitStart: fitStart,
            fittedValues: run.fitted, innovations: run.innovations,
            sumOfSquaredErrors: zip(values[fitStart...], run.fitted).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) },
            sigma2: sigma2, logLikelihood: -0.5 * concentrated,
            aic: concentrated + 2 * Double(parameterCount + 1), parameterCount: parameterCount + 1,
            finalLevel: run.final.level, finalTrend: trend == .none ? nil : run.final.trend, finalSeasonal: run.final.seasonal)
    }

    func kernel(_ p: ExponentialSmoothingParameters) -> ExponentialSmoothingKernel {
        ExponentialSmoothingKernel(formulation: formulation, error: formulation == .holtWinters ? .additive : error,
                                   trend: trend, seasonal: seasonal, alpha: p.alpha, beta: p.beta, gamma: p.gamma, phi: p.phi)
    }

    /// Smoothing parameters plus initial states that an estimation frees (R `ets` `np - 1`).
    ///
    /// - Parameter m: The season length.
    /// - Returns: The count.
    public func freeParameterCount(period m: Int) -> Int {
        switch formulation {
        case .holtWinters: return 1 + (trend == .none ? 0 : 1) + (seasonal == .none ? 0 : 1)
        case .stateSpace:
            return 2 + (trend == .none ? 0 : 2) + (trend == .additiveDamped ? 1 : 0) + (seasonal == .none ? 0 : m)
        }
    }

    private func validate(values: [Double], period m: Int) throws(AnalysisError) {
        if formulation == .holtWinters {
            guard trend != .additiveDamped else {
                throw .invalidParameter(name: "Holt-Winters trend", value: "damped", constraint: "R HoltWinters has no damped trend; use the state space formulation")
            }
        }
        guard trend != .multiplicative else {
            throw .invalidParameter(name: "trend", value: "multiplicative", constraint: "only none, additive or additive damped trends are supported")
        }
        guard seasonal != .additiveDamped, error == .additive || error == .multiplicative else {
            throw .invalidParameter(name: "\(name) components", value: name, constraint: "error must be A or M and seasonality N, A or M")
        }
        if seasonal != .none, m < 2 {
            throw .invalidParameter(name: "season length", value: "\(m)", constraint: "a seasonal model needs a season of at least 2 periods")
        }
        let needed = seasonal != .none ? 2 * m + (formulation == .holtWinters ? 1 : 0) : (trend == .none ? 3 : 4)
        guard values.count >= needed else { throw .tooFewObservations(needed: needed, found: values.count, method: name) }
        for value in values where !value.isFinite {
            throw .invalidParameter(name: "observation", value: "\(value)", constraint: "\(name) needs finite values")
        }
        if error == .multiplicative && formulation == .stateSpace || seasonal == .multiplicative {
            if let bad = values.first(where: { $0 <= 0 }) {
                throw .nonPositive(what: "observation for a multiplicative \(name)", value: bad)
            }
        }
    }

    private func check(_ p: ExponentialSmoothingParameters, period m: Int) throws(AnalysisError) {
        func bad(_ what: String, _ constraint: String) -> AnalysisError {
            .invalidParameter(name: "\(name) \(what)", value: "given", constraint: constraint)
        }
        guard p.alpha > 0 && p.alpha <= 1 else { throw bad("alpha", "must lie in (0, 1]") }
        if trend != .none, p.beta == nil || p.initialTrend == nil { throw bad("beta", "a trend needs beta and an initial trend") }
        if trend == .additiveDamped, p.phi == nil { throw bad("phi", "a damped trend needs phi") }
        if seasonal != .none, p.gamma == nil || p.initialSeasonal.count != m {
            throw bad("gamma", "a seasonal model needs gamma and \(m) initial seasonal states")
        }
    }
}
