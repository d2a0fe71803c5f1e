import Foundation

extension ExponentialSmoothingSpecification {
    /// The start-up states of R `HoltWinters`: for a seasonal model, a classical decomposition
    /// (R `decompose`) of the first two seasons, the level and trend from a least-squares line
    /// through its centred moving average, and the seasonal figure; without seasonality, the
    /// second observation and the first difference (or the first observation when there is no trend).
    ///
    /// - Parameters:
    ///   - values: The observations (at least two seasons, or three values).
    ///   - period: The season length.
    /// - Returns: The initial level, trend and seasonal states (oldest first) before the first fitted
    ///   observation, which is observation `m` (seasonal), 2 (trend) or 1.
    public func classicalStart(values: [Double], period m: Int) -> (level: Double, trend: Double?, seasonal: [Double]) {
        guard seasonal != .none else {
            if trend == .none { return (values[0], nil, []) }
            return (values[1], values[1] - values[0], [])
        }
        let window = Array(values[0..<(2 * m)])
        // Centred moving average (R decompose: filter c(0.5, 1, ..., 1, 0.5) / m for even m).
        let weights: [Double] = m % 2 == 0
            ? [0.5] + [Double](repeating: 1, count: m - 1) + [0.5]
            : [Double](repeating: 1, count: m)
        let half = weights.count / 2
        var movingAverage = [Double?](repeating: nil, count: window.count)
        for t in half..<(window.count - (weights.count - 1 - half)) {
            var sum = 0.0
            for (k, w) in weights.enumerated() { sum += w * window[t - half + k] }
            movingAverage[t] = sum / Double(m)
        }
        var figure = [Double](repeating: 0, count: m)
        for i in 0..<m {
            var sum = 0.0
            var count = 0
            var t = i
            while t < window.count {
                if let average = movingAverage[t] {
                    sum += seasonal == .multiplicative ? window[t] / average : window[t] - average
                    count += 1
                }
                t += m
            }
            figure[i] = sum / Double(count)
        }
        let mean = figure.reduce(0, +) / Double(m)
        figure = figure.map { seasonal == .multiplicative ? $0 / mean : $0 - mean }
        let trendValues = movingAverage.compactMap { $0 }
        // Least-squares line against 1, 2, ... (R .lm.fit(cbind(1, seq_along(dat)), dat)).
        let k = Double(trendValues.count)
        let xs = (1...trendValues.count).map(Double.init)
        let xMean = (k + 1) / 2
        let yMean = trendValues.reduce(0, +) / k
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, trendValues) { sxy += (x - xMean) * (y - yMean); sxx += (x - xMean) * (x - xMean) }
        let slope = sxy / sxx
        return (yMean - slope * xMean, trend == .none ? nil : slope, figure)
    }

    /// Estimates parameters and initial states: least squares over α, β, γ in [0, 1] from
    /// (0.3, 0.1, 0.1) for Holt-Winters; maximum likelihood over smoothing parameters and
    /// initial states within the usual bounds and R's admissible region for the state space
    /// formulation, with the initial states of linear models profiled out exactly
    /// (``estimateProfiled(_:period:)``). All use Nelder-Mead with restarts (``NelderMead``).
    func estimate(_ values: [Double], period m: Int) throws(AnalysisError) -> ExponentialSmoothingParameters {
        switch formulation {
        case .holtWinters: return estimateHoltWinters(values, period: m)
        case .stateSpace: return try estimateStateSpace(values, period: m)
        }
    }

    private func estimateHoltWinters(_ values: [Double], period m: Int) -> ExponentialSmoothingParameters {
        let start = classicalStart(values: values, period: m)
        let fitStart = seasonal != .none ? m : (trend == .none ? 1 : 2)
        let y = Array(values[fitStart...])
        let hasTrend = trend != .none, hasSeason = seasonal != .none
        func parameters(_ x: [Double]) -> ExponentialSmoothingParameters {
            var i = 1
            let beta: Double? = hasTrend ? x[i] : nil
            if hasTrend { i += 1 }
            let gamma: Double? = hasSeason ? x[i] : nil
            return ExponentialSmoothingParameters(alpha: x[0], beta: beta, gamma: gamma, initialLevel: start.level,
                                                  initialTrend: start.trend, initialSeasonal: start.seasonal)
        }
        let objective: ([Double]) -> Double = { x in
            guard x.allSatisfy({ $0 >= 0 && $0 <= 1 }), x[0] > 0 else { return .infinity }
            let p = parameters(x)
            let state = SmoothingState(level: p.initialLevel, trend: p.initialTrend ?? 0, seasonal: p.initialSeasonal)
            return kernel(p).filter(y, from: state)?.sumOfSquares ?? .infinity
        }
        var x0 = [0.3]
        if hasTrend { x0.append(0.1) }
        if hasSeason { x0.append(0.1) }
        let solution = NelderMead().minimise(objective, start: x0, steps: x0.map { _ in 0.05 })
        return parameters(solution.point)
    }

    private func estimateStateSpace(_ values: [Double], period m: Int) throws(AnalysisError) -> ExponentialSmoothingParameters {
        // Linear models: the initial states are profiled out exactly (least squares at each point of the search).
        if isLinearInInitialStates { return try estimateProfiled(values, period: m) }
        let hasTrend = trend != .none, damped = trend == .additiveDamped, hasSeason = seasonal != .none
        // Initial states: a classical decomposition of the first two seasons (seasonal), or a line through
        // the first observations; the optimiser then moves them.
        var start = ExponentialSmoothingSpecification(formulation: .holtWinters, trend: hasTrend ? .additive : .none,
                                                      seasonal: seasonal, period: m).classicalStart(values: values, period: m)
        if !hasSeason {
            let k = min(10, values.count)
            let xs = (1...k).map(Double.init), ys = Array(values[0..<k])
            let xm = xs.reduce(0, +) / Double(k), ym = ys.reduce(0, +) / Double(k)
            var sxy = 0.0, sxx = 0.0
            for (x, y) in zip(xs, ys) { sxy += (x - xm) * (y - ym); sxx += (x - xm) * (x - xm) }
            let slope = sxy / sxx
            start = (hasTrend ? ym - slope * xm : ym, hasTrend ? slope : nil, [])
        }
        let normaliser = seasonal == .multiplicative ? Double(m) : 0
        func parameters(_ x: [Double]) -> ExponentialSmoothingParameters {
            var i = 0
            func take() -> Double { defer { i += 1 }; return x[i] }
            let alpha = take()
            let beta: Double? = hasTrend ? take() : nil
            let gamma: Double? = hasSeason ? take() : nil
            let phi: Double? = damped ? take() : nil
            let level = take()
            let slope: Double? = hasTrend ? take() : nil
            var seasons = [Double]()
            if hasSeason {
                for _ in 0..<(m - 1) { seasons.append(take()) }
                seasons.append(normaliser - seasons.reduce(0, +))
            }
            return ExponentialSmoothingParameters(alpha: alpha, beta: beta, gamma: gamma, phi: phi, initialLevel: level,
                                                  initialTrend: slope, initialSeasonal: seasons)
        }
        let lower = 1e-4, upper = 0.9999
        let objective: ([Double]) -> Double = { x in
            let p = parameters(x)
            guard p.alpha >= lower, p.alpha <= upper else { return .infinity }
            if let beta = p.beta, !(beta >= lower && beta <= p.alpha) { return .infinity }
            if let gamma = p.gamma, !(gamma >= lower && gamma <= 1 - p.alpha) { return .infinity }
            if let phi = p.phi, !(phi >= 0.8 && phi <= 0.98) { return .infinity }
            if seasonal == .multiplicative, p.initialSeasonal.contains(where: { $0 <= 0 }) { return .infinity }
            if hasSeason, !Self.isAdmissible(alpha: p.alpha, beta: p.beta, gamma: p.gamma, phi: p.phi, period: m) { return .infinity }
            let state = SmoothingState(level: p.initialLevel, trend: p.initialTrend ?? 0, seasonal: p.initialSeasonal)
            guard let run = kernel(p).filter(values, from: state), run.sumOfSquares > 0 else { return .infinity }
            return Double(values.count) * log(run.sumOfSquares) + (error == .multiplicative ? 2 * run.sumLogForecast : 0)
        }
        var x0 = [hasSeason ? 0.2 / Double(m) + 1e-4 : 0.2]
        if hasTrend { x0.append(0.1 * x0[0]) }
        if hasSeason { x0.append(0.05 * (1 - x0[0])) }
        if damped { x0.append(0.978 - 0.1) }
        var steps = x0.map { $0 * 0.5 }
        x0.append(start.level); steps.append(max(abs(start.level) * 0.05, 1e-3))
        if hasTrend { x0.append(start.trend ?? 0); steps.append(max(abs(start.trend ?? 0) * 0.5, abs(start.level) * 0.005, 1e-4)) }
        if hasSeason {
            let scale = seasonal == .multiplicative ? 0.02 : max(start.seasonal.map(abs).max() ?? 1, 1e-3) * 0.1
            for s in start.seasonal.dropLast() { x0.append(s); steps.append(scale) }
        }
        guard objective(x0).isFinite else {
            throw .invalidParameter(name: "\(name) start values", value: "\(x0[0])", constraint: "the filter fails at the start values")
        }
        let solution = NelderMead(relativeTolerance: 1e-13, maximumEvaluations: 200_000, restarts: 30).minimise(objective, start: x0, steps: steps)
        return parameters(solution.point)
    }
}
