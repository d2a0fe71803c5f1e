import Foundation

extension StructuralModelSpecification {
    /// Log variance ratios are searched in [-30, 30]: e^-30 ≈ 1e-13 of the concentrated variance is
    /// zero for the likelihood's purposes, and the polish step concentrates the largest variance, so
    /// no ratio needs to go beyond e^30.
    static let logRatioBound = 30.0

    /// Log ratios below this are on the plateau near a zero variance (ratio e^-10 ≈ 4.5e-5).
    static let plateau = -10.0
    /// A log ratio below this still falling during a search (ratio e^-16 ≈ 1e-7) is tried at the bound and held
    /// there when the likelihood rises all the way (``QuasiNewton/plateau``): the search then stops crawling
    /// down a flat direction. Higher thresholds (e^-11 to e^-13) were seen to hold a variance whose joint
    /// optimum is interior (e^-14 on one of the 20 benchmark series).
    static let holdBelow = -16.0
    /// Log ratios tried for a variance found on the plateau (ratios 1.2e-4, 2.5e-3, 0.05).
    static let revivals = [-9.0, -6.0, -3.0]

    /// Candidate starting points, as variance ratios in statsmodels' order: all equal, then each
    /// variance in turn dominant with the others at 0.1 and at 0.01 of it (2k + 1 points for k variances).
    static func startingRatios(count k: Int) -> [[Double]] {
        var candidates = [[Double](repeating: 1, count: k)]
        for share in [0.1, 0.01] {
            for dominant in 0..<k {
                var ratios = [Double](repeating: share, count: k)
                ratios[dominant] = 1
                candidates.append(ratios)
            }
        }
        return candidates
    }

    /// Sets the filter's variances from values in statsmodels' order (irregular, level, [slope], [seasonal]).
    static func apply(_ values: [Double], to filter: StructuralKalmanFilter) {
        filter.irregular = values[0]
        filter.level = values[1]
        var index = 2
        if filter.hasSlope { filter.slope = values[index]; index += 1 }
        if filter.seasonalIndex >= 0 { filter.seasonal = values[index] }
    }

    /// Maximum likelihood variances. The concentrated exact diffuse log-likelihood (the largest
    /// variance of a candidate concentrated out, the others as log ratios to it) is evaluated at
    /// every point of ``startingRatios(count:)``; a quasi-Newton search (``QuasiNewton``) runs from
    /// the best of them, and once more with the largest variance concentrated if the optimum's
    /// largest variance is another than its start's; a ratio left near zero is then tried at moderate
    /// values (``revivals``) and the search rerun from any improvement. The highest likelihood is kept.
    ///
    /// - Returns: The variances, the number of quasi-Newton searches run and of likelihood evaluations.
    func estimate(_ y: [Double], filter: StructuralKalmanFilter, period: Int?, method: String)
        throws(AnalysisError) -> (variances: StructuralVariances, searches: Int, evaluations: Int) {
        let k = 2 + (filter.hasSlope ? 1 : 0) + (filter.seasonalIndex >= 0 ? 1 : 0)
        let bound = Self.logRatioBound
        /// Ratios to the concentrated variance `c` from the k - 1 free log ratios.
        func ratios(_ theta: [Double], concentrated c: Int) -> [Double] {
            var values = [Double](repeating: 1, count: k)
            var j = 0
            for i in 0..<k where i != c { values[i] = exp(theta[j]); j += 1 }
            return values
        }
        /// The free log ratios of `values` with the largest concentrated out, and its index.
        func logRatios(_ values: [Double]) -> (theta: [Double], concentrated: Int) {
            let c = values.indices.max { values[$0] < values[$1] }!
            let theta = values.indices.filter { $0 != c }.map { log(max(values[$0] / values[c], exp(-bound + 1))) }
            return (theta, c)
        }
        var diffuseNeverEnded = false
        var best: (logLikelihood: Double, variances: [Double], concentrated: Int)?
        var searches = 0
        var evaluations = 0
        y.withUnsafeBufferPointer { buffer in
            func concentrated(_ values: [Double]) -> (logLikelihood: Double, scale: Double)? {
                evaluations += 1
                Self.apply(values, to: filter)
                let parts = filter.run(buffer, record: nil)
                if !parts.diffuseEnded { diffuseNeverEnded = true }
                guard parts.diffuseEnded, parts.scaled > 0, parts.sumSquares > 0 else { return nil }
                let result = parts.concentrated
                return result.logLikelihood.isFinite ? result : nil
            }
            func search(from values: [Double]) {
                let (start, c) = logRatios(values)
                searches += 1
                let objective: ([Double]) -> Double = { theta in
                    guard theta.allSatisfy({ abs($0) <= bound }) else { return .infinity }
                    return concentrated(ratios(theta, concentrated: c)).map { -$0.logLikelihood } ?? .infinity
                }
                guard objective(start).isFinite else { return }
                let solution = QuasiNewton(plateau: Self.holdBelow, floor: -bound).minimise(objective, start: start)
                let found = ratios(solution.point, concentrated: c)
                guard let fit = concentrated(found), best == nil || fit.logLikelihood > best!.logLikelihood else { return }
                best = (fit.logLikelihood, found.map { $0 * fit.scale }, c)
            }
            let screened = Self.startingRatios(count: k).compactMap { ratios in
                concentrated(ratios).map { (ratios, $0.logLikelihood) }
            }.sorted { $0.1 > $1.1 }
            for (ratios, _) in screened.prefix(1) { search(from: ratios) }
            if let current = best, logRatios(current.variances).concentrated != current.concentrated {
                search(from: current.variances)
            }
            // In log ratios a variance near zero sits on a plateau (the gradient scales with the ratio), where
            // a search can stop although a moderate value of that variance is better. Try moderate values of
            // every ratio below e^-10 and search again from the best improvement.
            for _ in 0..<2 {
                guard let current = best else { break }
                let (theta, c) = logRatios(current.variances)
                var improvement: [Double]?
                var bar = current.logLikelihood
                for j in theta.indices where theta[j] < Self.plateau {
                    for trial in Self.revivals {
                        var probe = theta
                        probe[j] = trial
                        let values = ratios(probe, concentrated: c)
                        if let fit = concentrated(values), fit.logLikelihood > bar { bar = fit.logLikelihood; improvement = values }
                    }
                }
                guard let start = improvement else { break }
                search(from: start)
            }
        }
        guard let best else {
            if diffuseNeverEnded {
                throw .insufficientData(method: method, constraint: "the observed periods do not identify the initial states (the diffuse part of the filter never ends); more observed periods are needed, spread over every season")
            }
            throw .insufficientData(method: method, constraint: "the likelihood could not be evaluated at any starting point (a constant series has no variance to estimate)")
        }
        let v = best.variances
        var index = 2
        let slope: Double? = filter.hasSlope ? v[index] : nil
        if filter.hasSlope { index += 1 }
        let seasonal: Double? = filter.seasonalIndex >= 0 ? v[index] : nil
        return (StructuralVariances(irregular: v[0], level: v[1], slope: slope, seasonal: seasonal), searches, evaluations)
    }
}
