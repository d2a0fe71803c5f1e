import Foundation

extension StructuralModelSpecification {
    /// Log variance ratios are searched in [-30, 30]: e^-30 ≈ 1e-13 of the concentrated variance is
    /// zero for the likelihood's purposes, and the polish step concentrates the largest variance, so
    /// no ratio needs to go beyond e^30.
    static let logRatioBound = 30.0

    /// Starting log ratios (to the irregular variance) for the other variances, in statsmodels' order.
    static func startingLogRatios(count: Int) -> [[Double]] {
        let small = log(0.01), tenth = log(0.1)
        return [
            [Double](repeating: 0, count: count),
            [Double](repeating: tenth, count: count),
            [Double](repeating: small, count: count),
            [log(10)] + [Double](repeating: small, count: max(count - 1, 0)),
        ].map { Array($0.prefix(count)) }
    }

    /// Sets the filter's variances from values in statsmodels' order (irregular, level, [slope], [seasonal]).
    static func apply(_ values: [Double], to filter: StructuralKalmanFilter) {
        filter.irregular = values[0]
        filter.level = values[1]
        var index = 2
        if filter.hasSlope { filter.slope = values[index]; index += 1 }
        if filter.seasonalIndex >= 0 { filter.seasonal = values[index] }
    }

    /// Maximum likelihood variances: the concentrated exact diffuse log-likelihood maximised over
    /// log variance ratios by Nelder-Mead from ``startingLogRatios(count:)``, the best polished with
    /// the largest variance concentrated.
    ///
    /// - Returns: The variances and the number of searches run.
    func estimate(_ y: [Double], filter: StructuralKalmanFilter, period: Int?, method: String)
        throws(AnalysisError) -> (StructuralVariances, Int) {
        let k = 2 + (filter.hasSlope ? 1 : 0) + (filter.seasonalIndex >= 0 ? 1 : 0)
        let bound = Self.logRatioBound
        /// Ratios to the concentrated variance `c` from the k - 1 free log ratios.
        func ratios(_ theta: [Double], concentrated c: Int) -> [Double] {
            var values = [Double](repeating: 1, count: k)
            var j = 0
            for i in 0..<k where i != c { values[i] = exp(theta[j]); j += 1 }
            return values
        }
        var evaluationFailed = false
        var best: (logLikelihood: Double, variances: [Double])?
        var searches = 0
        y.withUnsafeBufferPointer { buffer in
            func concentrated(_ values: [Double]) -> (logLikelihood: Double, scale: Double)? {
                Self.apply(values, to: filter)
                let parts = filter.run(buffer, record: nil)
                guard parts.diffuseEnded, parts.scaled > 0, parts.sumSquares > 0 else { evaluationFailed = !parts.diffuseEnded; return nil }
                let result = parts.concentrated
                return result.logLikelihood.isFinite ? result : nil
            }
            func search(from theta: [Double], concentrated c: Int) {
                searches += 1
                let objective: ([Double]) -> Double = { theta in
                    guard theta.allSatisfy({ abs($0) <= bound }) else { return .infinity }
                    return concentrated(ratios(theta, concentrated: c)).map { -$0.logLikelihood } ?? .infinity
                }
                let start = theta.map { min(max($0, -bound + 1), bound - 1) }
                guard objective(start).isFinite else { return }
                let solution = NelderMead(relativeTolerance: 1e-12, maximumEvaluations: 20_000, restarts: 8)
                    .minimise(objective, start: start, steps: start.map { _ in 1.0 })
                let values = ratios(solution.point, concentrated: c)
                guard let fit = concentrated(values), best == nil || fit.logLikelihood > best!.logLikelihood else { return }
                best = (fit.logLikelihood, values.map { $0 * fit.scale })
            }
            if k == 1 { return }
            for theta in Self.startingLogRatios(count: k - 1) { search(from: theta, concentrated: 0) }
            // Polish with the largest variance concentrated out.
            if let current = best, let largest = current.variances.indices.max(by: { current.variances[$0] < current.variances[$1] }),
               largest != 0, current.variances[largest] > 0 {
                let theta = current.variances.indices.filter { $0 != largest }
                    .map { log(max(current.variances[$0] / current.variances[largest], exp(-bound + 1))) }
                search(from: theta, concentrated: largest)
            }
        }
        guard let best else {
            if evaluationFailed {
                throw .insufficientData(method: method, constraint: "the observed periods do not identify the initial states (the diffuse part of the filter never ends); more observed periods are needed, spread over every season")
            }
            throw .insufficientData(method: method, constraint: "the likelihood could not be evaluated at any starting point (a constant series has no variance to estimate)")
        }
        let v = best.variances
        var index = 2
        let slope: Double? = filter.hasSlope ? v[index] : nil
        if filter.hasSlope { index += 1 }
        let seasonal: Double? = filter.seasonalIndex >= 0 ? v[index] : nil
        return (StructuralVariances(irregular: v[0], level: v[1], slope: slope, seasonal: seasonal), searches)
    }
}
