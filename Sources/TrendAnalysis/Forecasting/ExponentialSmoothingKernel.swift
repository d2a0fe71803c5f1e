import Foundation

/// The state of an exponential smoothing model between observations.
///
/// `seasonal` is chronological: `seasonal[0]` is the oldest state, the one the next
/// observation uses; `seasonal[m - 1]` the most recent.
struct SmoothingState: Sendable, Equatable {
    var level: Double
    var trend: Double
    var seasonal: [Double]
}

/// The recursions of both formulations, shared by fitting, forecasting and simulation.
struct ExponentialSmoothingKernel: Sendable {
    let formulation: ExponentialSmoothingFormulation
    let error: ExponentialSmoothingComponent
    let trend: ExponentialSmoothingComponent
    let seasonal: ExponentialSmoothingComponent
    let alpha: Double
    let beta: Double
    let gamma: Double
    let phi: Double

    init(formulation: ExponentialSmoothingFormulation, error: ExponentialSmoothingComponent,
         trend: ExponentialSmoothingComponent, seasonal: ExponentialSmoothingComponent,
         alpha: Double, beta: Double?, gamma: Double?, phi: Double?) {
        self.formulation = formulation
        self.error = error
        self.trend = trend
        self.seasonal = seasonal
        self.alpha = alpha
        self.beta = beta ?? 0
        self.gamma = gamma ?? 0
        self.phi = trend == .additiveDamped ? (phi ?? 1) : 1
    }

    var hasTrend: Bool { trend != .none }

    /// The one-step forecast from a state.
    func oneStep(_ state: SmoothingState) -> Double {
        let base = state.level + (hasTrend ? phi * state.trend : 0)
        switch seasonal {
        case .none: return base
        case .multiplicative: return base * state.seasonal[0]
        default: return base + state.seasonal[0]
        }
    }

    /// The point forecasts 1...h ahead from a state (R `forecast::ets` `forecast`, R `predict.HoltWinters`).
    func pointForecasts(_ state: SmoothingState, horizon: Int) -> [Double] {
        var result = [Double]()
        result.reserveCapacity(horizon)
        var phiSum = 0.0
        var phiPower = 1.0
        for step in 0..<horizon {
            phiPower *= phi
            phiSum += phiPower
            let base = state.level + (hasTrend ? phiSum * state.trend : 0)
            let m = state.seasonal.count
            switch seasonal {
            case .none: result.append(base)
            case .multiplicative: result.append(base * state.seasonal[step % m])
            default: result.append(base + state.seasonal[step % m])
            }
        }
        return result
    }

    /// The state after observing `y`.
    func update(_ state: SmoothingState, observation y: Double) -> SmoothingState {
        var next = state
        let oldSeason = seasonal == .none ? (seasonal == .multiplicative ? 1 : 0) : state.seasonal[0]
        switch formulation {
        case .stateSpace:
            // forecast/src/etscalc.c `update`, beta in error-correction form (beta / alpha smoothing form).
            let phib = hasTrend ? phi * state.trend : 0
            let q = state.level + phib
            let p: Double
            switch seasonal {
            case .none: p = y
            case .multiplicative: p = y / oldSeason
            default: p = y - oldSeason
            }
            next.level = q + alpha * (p - q)
            if hasTrend {
                next.trend = phib + (beta / alpha) * ((next.level - state.level) - phib)
            }
            if seasonal != .none {
                let t = seasonal == .multiplicative ? y / q : y - q
                next.seasonal.removeFirst()
                next.seasonal.append(oldSeason + gamma * (t - oldSeason))
            }
        case .holtWinters:
            // R src/library/stats/src/HoltWinters.c.
            let q = state.level + (hasTrend ? state.trend : 0)
            next.level = seasonal == .multiplicative
                ? alpha * (y / oldSeason) + (1 - alpha) * q
                : alpha * (y - (seasonal == .none ? 0 : oldSeason)) + (1 - alpha) * q
            if hasTrend {
                next.trend = beta * (next.level - state.level) + (1 - beta) * state.trend
            }
            if seasonal != .none {
                let t = seasonal == .multiplicative ? y / next.level : y - next.level
                next.seasonal.removeFirst()
                next.seasonal.append(gamma * t + (1 - gamma) * oldSeason)
            }
        }
        return next
    }

    /// The innovation of an observation given its one-step forecast: `y - ŷ`, or `(y - ŷ) / ŷ` for a
    /// multiplicative error.
    func innovation(observation y: Double, forecast f: Double) -> Double {
        error == .multiplicative ? (y - f) / f : y - f
    }

    /// The observation implied by a state and an innovation (for simulation).
    func observation(_ state: SmoothingState, innovation e: Double) -> Double {
        let f = oneStep(state)
        return error == .multiplicative ? f * (1 + e) : f + e
    }

    /// Runs the filter over complete observations.
    ///
    /// - Returns: One-step forecasts, innovations, the final state, the sum of squared
    ///   innovations and Σ log|ŷ|; `nil` when a forecast is not finite or a multiplicative
    ///   forecast is not positive.
    func filter(_ y: [Double], from initial: SmoothingState)
        -> (fitted: [Double], innovations: [Double], final: SmoothingState, sumOfSquares: Double, sumLogForecast: Double)? {
        var state = initial
        var fitted = [Double](repeating: 0, count: y.count)
        var innovations = [Double](repeating: 0, count: y.count)
        var sumOfSquares = 0.0
        var sumLog = 0.0
        for (i, value) in y.enumerated() {
            let f = oneStep(state)
            guard f.isFinite else { return nil }
            if error == .multiplicative || seasonal == .multiplicative, formulation == .stateSpace, f <= 0 { return nil }
            fitted[i] = f
            let e = innovation(observation: value, forecast: f)
            innovations[i] = e
            sumOfSquares += e * e
            sumLog += log(abs(f))
            state = update(state, observation: value)
        }
        return (fitted, innovations, state, sumOfSquares, sumLog)
    }

    /// The coefficients `c_j` of the linear innovations form, `ŷ(h) - y = Σ c_j e`, for
    /// j = 1...h-1: `c_j = w' F^{j-1} g` (Hyndman et al. 2008, §6.1; for Holt-Winters the
    /// ψ weights of R `predict.HoltWinters`).
    func linearWeights(horizon: Int, period m: Int) -> [Double] {
        switch formulation {
        case .holtWinters:
            return (1..<max(horizon, 1)).map { j in
                alpha * (1 + Double(j) * (hasTrend ? beta : 0)) + ((seasonal != .none && j % m == 0) ? gamma * (1 - alpha) : 0)
            }
        case .stateSpace:
            var level = alpha
            var slope = hasTrend ? beta : 0
            var seasons = [Double](repeating: 0, count: seasonal == .none ? 0 : m)
            if seasonal != .none { seasons[m - 1] = gamma }
            var weights = [Double]()
            for _ in 1..<max(horizon, 1) {
                let w = level + (hasTrend ? phi * slope : 0) + (seasons.first ?? 0)
                weights.append(w)
                level += hasTrend ? phi * slope : 0
                slope *= phi
                if !seasons.isEmpty { seasons.append(seasons.removeFirst()) }
            }
            return weights
        }
    }
}
