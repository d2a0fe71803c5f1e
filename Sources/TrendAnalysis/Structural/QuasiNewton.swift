/// Unconstrained minimisation by BFGS (Nocedal and Wright 2006, algorithm 6.1) with
/// forward-difference gradients and a backtracking (Armijo) line search.
///
/// The structural model's concentrated likelihood is smooth in the log variance ratios, so a
/// quasi-Newton method needs far fewer evaluations than the simplex of ``NelderMead``, and each
/// evaluation is a full Kalman filter pass.
/// Bounds are the caller's: an objective that is not finite is treated as "too far" and the
/// line search halves its step.
struct QuasiNewton {
    /// Forward-difference step of the gradient.
    var gradientStep = 1e-6
    /// Stop once an iteration lowers the objective by less than `tolerance (|f| + 1)` with a flat gradient
    /// (or twice in a row, the second time after a restart from the steepest descent).
    var tolerance = 1e-9
    /// The gradient's largest entry below which a stalled search counts as converged.
    var gradientTolerance = 1e-4
    /// Largest step along any coordinate in one iteration.
    var maximumStep = 5.0
    var maximumIterations = 200
    /// A coordinate below this whose gradient still points further down is on a plateau towards an
    /// asymptote (a log variance going to −∞): it is tried at ``floor`` and, when the objective is no
    /// higher there, held at the floor for the rest of the search. `nil` never holds a coordinate.
    var plateau: Double? = nil
    /// Where a coordinate on the plateau is held.
    var floor = -30.0

    /// The minimiser found, its value, and the evaluations spent.
    func minimise(_ f: ([Double]) -> Double, start: [Double]) -> (point: [Double], value: Double, evaluations: Int) {
        let n = start.count
        var evaluations = 0
        func value(_ x: [Double]) -> Double { evaluations += 1; return f(x) }
        var held = [Bool](repeating: false, count: n)
        func gradient(_ x: [Double], _ fx: Double) -> [Double] {
            (0..<n).map { i in
                if held[i] { return 0 }
                var probe = x
                probe[i] += gradientStep
                let forward = value(probe)
                if forward.isFinite { return (forward - fx) / gradientStep }
                probe[i] = x[i] - gradientStep
                let backward = value(probe)
                return backward.isFinite ? (fx - backward) / gradientStep : 0
            }
        }
        var x = start
        var fx = value(x)
        guard fx.isFinite, n > 0 else { return (x, fx, evaluations) }
        var g = gradient(x, fx)
        var h = identity(n)
        var restarted = false
        var tried = [Bool](repeating: false, count: n)
        for _ in 0..<maximumIterations {
            var d = (0..<n).map { i in -(0..<n).reduce(0) { $0 + h[i * n + $1] * g[$1] } }
            var slope = zip(g, d).reduce(0) { $0 + $1.0 * $1.1 }
            if !(slope < 0) {
                h = identity(n)
                for i in 0..<n where held[i] { h[i * n + i] = 0 }
                d = g.map { -$0 }
                slope = -g.reduce(0) { $0 + $1 * $1 }
                if !(slope < 0) { break }
            }
            let longest = d.map(abs).max() ?? 0
            var t = longest > maximumStep ? maximumStep / longest : 1
            var candidate = x, fCandidate = Double.infinity
            var accepted = false
            for _ in 0..<40 {
                candidate = (0..<n).map { x[$0] + t * d[$0] }
                fCandidate = value(candidate)
                if fCandidate.isFinite, fCandidate <= fx + 1e-4 * t * slope { accepted = true; break }
                t *= 0.5
            }
            guard accepted else { break }
            let decrease = fx - fCandidate
            let gCandidate = gradient(candidate, fCandidate)
            let s = (0..<n).map { candidate[$0] - x[$0] }
            let y = (0..<n).map { gCandidate[$0] - g[$0] }
            let sy = zip(s, y).reduce(0) { $0 + $1.0 * $1.1 }
            x = candidate; fx = fCandidate; g = gCandidate
            // Coordinates crawling down a plateau: jump to the floor when that is no worse, and hold them.
            // Each coordinate gets one try (a coordinate whose floor is worse has an interior optimum).
            if let plateau {
                var trial = x, moved: [Int] = []
                for i in 0..<n where !held[i] && !tried[i] && x[i] < plateau && g[i] > 0 { trial[i] = floor; moved.append(i); tried[i] = true }
                if !moved.isEmpty {
                    // Held only when the objective falls all the way down: at 2 and 5 units further and at the floor
                    // (a dip on the way is an interior optimum, which the search must find).
                    var previous = fx, falls = true
                    for offset in [2.0, 5.0] where falls {
                        var probe = x
                        for i in moved { probe[i] = Swift.max(x[i] - offset, floor) }
                        let fProbe = value(probe)
                        falls = fProbe.isFinite && fProbe <= previous
                        previous = fProbe
                    }
                    let fTrial = falls ? value(trial) : .infinity
                    if fTrial.isFinite, fTrial <= previous {
                        for i in moved { held[i] = true }
                        x = trial; fx = fTrial
                        g = gradient(x, fx)
                        // Keep the curvature learnt for the other coordinates.
                        for i in moved { for j in 0..<n { h[i * n + j] = 0; h[j * n + i] = 0 } }
                        restarted = false
                        continue
                    }
                }
            }
            // Converged: no progress and a flat gradient. No progress with a steep gradient means a poor
            // curvature estimate: start again from the steepest descent.
            if decrease <= tolerance * (abs(fx) + 1) {
                if (g.map(abs).max() ?? 0) <= gradientTolerance { break }
                if restarted { break }
                restarted = true
                h = identity(n)
                for i in 0..<n where held[i] { h[i * n + i] = 0 }
                continue
            }
            restarted = false
            if sy > 1e-12 {
                // H ← (I - ρ s yᵀ) H (I - ρ y sᵀ) + ρ s sᵀ
                let rho = 1 / sy
                let hy = (0..<n).map { i in (0..<n).reduce(0) { $0 + h[i * n + $1] * y[$1] } }
                let yhy = zip(y, hy).reduce(0) { $0 + $1.0 * $1.1 }
                for i in 0..<n {
                    for j in 0..<n {
                        h[i * n + j] += -rho * (hy[i] * s[j] + s[i] * hy[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
                    }
                }
            }
        }
        return (x, fx, evaluations)
    }

    private func identity(_ n: Int) -> [Double] {
        var h = [Double](repeating: 0, count: n * n)
        for i in 0..<n { h[i * n + i] = 1 }
        return h
    }
}
