/// Derivative-free minimisation by the Nelder-Mead simplex (the variant of R `optim`:
/// reflection 1, expansion 2, contraction 0.5, shrink 0.5), restarted from the best point
/// until a restart no longer improves the objective by more than the tolerance.
///
/// Bounds are handled by the caller's objective (it returns `.infinity` outside them).
struct NelderMead {
    var relativeTolerance = 1e-12
    var maximumEvaluations = 40_000
    var restarts = 6

    /// The minimiser found and its objective value.
    func minimise(_ f: ([Double]) -> Double, start: [Double], steps: [Double]) -> (point: [Double], value: Double) {
        var best = start
        var bestValue = f(start)
        for _ in 0...restarts {
            let (point, value) = run(f, start: best, steps: steps)
            let improved = bestValue - value > relativeTolerance * (abs(bestValue) + 1e-20)
            if value <= bestValue { best = point; bestValue = value }
            if !improved { break }
        }
        return (best, bestValue)
    }

    private func run(_ f: ([Double]) -> Double, start: [Double], steps: [Double]) -> ([Double], Double) {
        let n = start.count
        var simplex = [start]
        for i in 0..<n {
            var p = start
            p[i] += steps[i]
            if !f(p).isFinite { p[i] = start[i] - steps[i] }
            if !f(p).isFinite { p[i] = start[i] + steps[i] * 0.01 }
            simplex.append(p)
        }
        var values = simplex.map(f)
        var evaluations = n + 1
        while evaluations < maximumEvaluations {
            let order = values.indices.sorted { values[$0] < values[$1] }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }
            let spread = abs(values[n] - values[0])
            if values[0].isFinite, spread <= relativeTolerance * (abs(values[0]) + relativeTolerance) { break }
            var centroid = [Double](repeating: 0, count: n)
            for p in simplex.dropLast() { for i in 0..<n { centroid[i] += p[i] / Double(n) } }
            func along(_ t: Double) -> [Double] { (0..<n).map { centroid[$0] + t * (simplex[n][$0] - centroid[$0]) } }
            let reflected = along(-1)
            let fr = f(reflected); evaluations += 1
            if fr < values[0] {
                let expanded = along(-2)
                let fe = f(expanded); evaluations += 1
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
            } else if fr < values[n - 1] {
                simplex[n] = reflected; values[n] = fr
            } else {
                let contracted = fr < values[n] ? along(-0.5) : along(0.5)
                let fc = f(contracted); evaluations += 1
                if fc < min(fr, values[n]) {
                    simplex[n] = contracted; values[n] = fc
                } else {
                    for k in 1...n {
                        simplex[k] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[k][$0] - simplex[0][$0]) }
                        values[k] = f(simplex[k]); evaluations += 1
                    }
                }
            }
        }
        let bestIndex = values.indices.min { values[$0] < values[$1] }!
        return (simplex[bestIndex], values[bestIndex])
    }
}
