import Foundation
import NumericCore

extension ExponentialSmoothingSpecification {
    /// Whether the model is linear in its initial states: additive error, no or additive (damped) trend,
    /// no or additive season. Its one-step errors are then an affine function of the initial states.
    var isLinearInInitialStates: Bool {
        formulation == .stateSpace && error == .additive && seasonal != .multiplicative && trend != .multiplicative
    }

    /// Maximum likelihood for a linear model (``isLinearInInitialStates``) with the initial states
    /// profiled out.
    ///
    /// For additive errors the state space model is `x[t] = D x[t-1] + g y[t]`, `e[t] = y[t] - w' x[t-1]`
    /// with `D = F - g w'`, so the one-step errors are
    /// ```
    /// e(x0) = e(0) - X x0,     X[t, j] = w' D^(t-1) u_j   (the one-step forecasts from x0 = u_j on zero data)
    /// ```
    /// and, for given smoothing parameters, the initial states that maximise the likelihood (minimise the
    /// sum of squared errors) are the least-squares coefficients of `e(0)` on `X`. The seasonal states are
    /// constrained to sum to 0 as in R `ets` (the last is minus the sum of the others). Nelder-Mead then
    /// searches the smoothing parameters alone over R `ets`' usual bounds (α in [1e-4, 0.9999],
    /// β in [1e-4, α], γ in [1e-4, 1 - α], φ in [0.8, 0.98]; points outside are projected onto them), with
    /// R's admissibility condition for seasonal models (``isAdmissible(alpha:beta:gamma:phi:period:)``),
    /// from several starting points. This reaches the joint optimum of smoothing parameters and initial
    /// states that a search over both at once can miss (on LakeHuron, ETS(A,Ad,N): SSE 53.776456, the
    /// minimum over the bounds, against 53.876746 for R `ets`).
    ///
    /// Reference: Hyndman, Koehler, Ord and Snyder (2008), §5.2 and §10.2 (the initial states of linear
    /// models enter the errors linearly); R `forecast::ets` bounds and `admissible`.
    func estimateProfiled(_ values: [Double], period m: Int) throws(AnalysisError) -> ExponentialSmoothingParameters {
        let hasTrend = trend != .none, damped = trend == .additiveDamped, hasSeason = seasonal != .none
        let lower = 1e-4, upper = 0.9999
        /// Smoothing parameters from a search point, projected onto the bounds.
        func smoothing(_ x: [Double]) -> (alpha: Double, beta: Double?, gamma: Double?, phi: Double?) {
            var i = 0
            func take() -> Double { defer { i += 1 }; return x[i] }
            let alpha = min(max(take(), lower), upper)
            let beta: Double? = hasTrend ? min(max(take(), lower), alpha) : nil
            let gamma: Double? = hasSeason ? min(max(take(), lower), max(1 - alpha, lower)) : nil
            let phi: Double? = damped ? min(max(take(), 0.8), 0.98) : nil
            return (alpha, beta, gamma, phi)
        }
        let stateCount = 1 + (hasTrend ? 1 : 0) + (hasSeason ? m - 1 : 0)
        /// The initial states (level, trend, m - 1 seasonal) from their coefficients.
        func states(_ c: [Double]) -> SmoothingState {
            var seasons = hasSeason ? Array(c[(hasTrend ? 2 : 1)...]) : []
            if hasSeason { seasons.append(-seasons.reduce(0, +)) }
            return SmoothingState(level: c[0], trend: hasTrend ? c[1] : 0, seasonal: seasons)
        }
        func profile(_ s: (alpha: Double, beta: Double?, gamma: Double?, phi: Double?)) -> (sse: Double, states: [Double])? {
            if hasSeason, !Self.isAdmissible(alpha: s.alpha, beta: s.beta, gamma: s.gamma, phi: s.phi, period: m) { return nil }
            let p = ExponentialSmoothingParameters(alpha: s.alpha, beta: s.beta, gamma: s.gamma, phi: s.phi, initialLevel: 0,
                                                   initialTrend: hasTrend ? 0 : nil, initialSeasonal: hasSeason ? [Double](repeating: 0, count: m) : [])
            let k = kernel(p)
            let zero = states([Double](repeating: 0, count: stateCount))
            guard let base = k.filter(values, from: zero) else { return nil }
            let zeros = [Double](repeating: 0, count: values.count)
            var columns: [[Double]] = []
            for j in 0..<stateCount {
                var unit = [Double](repeating: 0, count: stateCount)
                unit[j] = 1
                guard let run = k.filter(zeros, from: states(unit)) else { return nil }
                columns.append(run.fitted)
            }
            guard let fit = try? LeastSquaresFit.ordinaryLeastSquares(design: Matrix(columns: columns), response: base.innovations),
                  fit.residualSumOfSquares.isFinite, fit.residualSumOfSquares > 0 else { return nil }
            return (fit.residualSumOfSquares, fit.coefficients)
        }
        let n = Double(values.count)
        let objective: ([Double]) -> Double = { x in
            guard let result = profile(smoothing(x)) else { return .infinity }
            return n * log(result.sse)
        }
        var starts: [[Double]] = []
        for alpha in [0.2, 0.5, 0.9] {
            var x = [hasSeason ? min(alpha, 0.5) / Double(max(m / 4, 1)) : alpha]
            if hasTrend { x.append(0.1 * x[0]) }
            if hasSeason { x.append(0.05 * (1 - x[0])) }
            if damped { x.append(0.9) }
            starts.append(x)
        }
        var best: (point: [Double], value: Double)?
        for start in starts where objective(start).isFinite {
            let solution = NelderMead(relativeTolerance: 1e-13, maximumEvaluations: 20_000, restarts: 10)
                .minimise(objective, start: start, steps: start.map { max($0 * 0.5, 0.05) })
            if best == nil || solution.value < best!.value { best = solution }
        }
        guard let best, let result = profile(smoothing(best.point)) else {
            throw .invalidParameter(name: "\(name) start values", value: "\(starts[0][0])", constraint: "the filter fails at every start value")
        }
        let s = smoothing(best.point)
        let initial = states(result.states)
        return ExponentialSmoothingParameters(alpha: s.alpha, beta: s.beta, gamma: s.gamma, phi: s.phi, initialLevel: initial.level,
                                              initialTrend: hasTrend ? initial.trend : nil, initialSeasonal: initial.seasonal)
    }

    /// R `forecast`'s admissibility condition (`forecast:::admissible`) for smoothing parameters: the
    /// region where the model is forecastable (the discount matrix's eigenvalues lie in the unit circle).
    ///
    /// Without a season: α in [1 - 1/φ, 1 + 1/φ] and β in [α(φ - 1), (1 + φ)(2 - α)]. With a season of
    /// period m > 1: the simple bounds on γ, α and β of Hyndman et al. (2008, §10.2), then every root of
    /// ```
    /// P(z) = φ(1 - α - γ) + (α + β - αφ + γ - 1) z + Σ_{j=2}^{m-1} (α + β - αφ) z^j + (α + β - φ) z^m + z^(m+1)
    /// ```
    /// must have modulus at most 1 + 1e-10 (R `polyroot`; here the Durand-Kerner iteration).
    ///
    /// - Parameters:
    ///   - alpha: α.
    ///   - beta: β, or `nil` without a trend.
    ///   - gamma: γ, or `nil` without a season.
    ///   - phi: φ, or `nil` for an undamped model (φ = 1).
    ///   - period: The season length m.
    /// - Returns: Whether the parameters are admissible.
    public static func isAdmissible(alpha: Double, beta: Double?, gamma: Double?, phi: Double?, period m: Int) -> Bool {
        let phi = phi ?? 1
        if phi < 0 || phi > 1 + 1e-8 { return false }
        guard let gamma else {
            if alpha < 1 - 1 / phi || alpha > 1 + 1 / phi { return false }
            if let beta, beta < alpha * (phi - 1) || beta > (1 + phi) * (2 - alpha) { return false }
            return true
        }
        guard m > 1 else { return true }
        let beta = beta ?? 0
        if gamma < max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha { return false }
        if alpha < 1 - 1 / phi - gamma * (1 - Double(m) + phi + phi * Double(m)) / (2 * phi * Double(m)) { return false }
        if beta < -(1 - phi) * (gamma / Double(m) + alpha) { return false }
        var coefficients = [phi * (1 - alpha - gamma), alpha + beta - alpha * phi + gamma - 1]
        coefficients += [Double](repeating: alpha + beta - alpha * phi, count: max(m - 2, 0))
        coefficients += [alpha + beta - phi, 1]
        return PolynomialRoots.largestModulus(coefficients) <= 1 + 1e-10
    }
}

/// The roots of a real polynomial by the Durand-Kerner (Weierstrass) iteration, for the admissibility check.
enum PolynomialRoots {
    /// The largest modulus of the roots of `c[0] + c[1] z + ... + c[n] z^n` (`c[n]` not 0).
    ///
    /// - Parameter c: Coefficients in increasing powers (R `polyroot`'s order).
    /// - Returns: The largest root modulus.
    static func largestModulus(_ c: [Double]) -> Double {
        var coefficients = c
        while let last = coefficients.last, last == 0, coefficients.count > 1 { coefficients.removeLast() }
        let n = coefficients.count - 1
        guard n >= 1 else { return 0 }
        let lead = coefficients[n]
        let a = coefficients.map { $0 / lead }
        // Starting points on a circle of the Cauchy bound's radius, at angles that avoid symmetry.
        let radius = 1 + (a.dropLast().map(abs).max() ?? 0)
        var re = (0..<n).map { k in radius * cos(2 * Double.pi * Double(k) / Double(n) + 0.4) }
        var im = (0..<n).map { k in radius * sin(2 * Double.pi * Double(k) / Double(n) + 0.4) }
        for _ in 0..<500 {
            var change = 0.0
            for i in 0..<n {
                // p(z_i) by Horner.
                var pr = 1.0, pi = 0.0
                for k in stride(from: n - 1, through: 0, by: -1) {
                    let r = pr * re[i] - pi * im[i] + a[k]
                    pi = pr * im[i] + pi * re[i]
                    pr = r
                }
                // Π (z_i - z_j), j ≠ i.
                var qr = 1.0, qi = 0.0
                for j in 0..<n where j != i {
                    let dr = re[i] - re[j], di = im[i] - im[j]
                    let r = qr * dr - qi * di
                    qi = qr * di + qi * dr
                    qr = r
                }
                let denominator = qr * qr + qi * qi
                guard denominator > 0 else { continue }
                let stepR = (pr * qr + pi * qi) / denominator, stepI = (pi * qr - pr * qi) / denominator
                re[i] -= stepR
                im[i] -= stepI
                change = max(change, (stepR * stepR + stepI * stepI).squareRoot())
            }
            if change < 1e-14 { break }
        }
        return (0..<n).map { (re[$0] * re[$0] + im[$0] * im[$0]).squareRoot() }.max() ?? 0
    }
}
