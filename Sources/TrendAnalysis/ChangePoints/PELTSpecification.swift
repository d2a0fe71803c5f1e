import Foundation
import TradeDomain

/// Change-point search by PELT (pruned exact linear time), unfitted: cost, penalty and minimum segment.
///
/// Finds the segmentation `0 = τ₀ < τ₁ < … < τ_m < τ_{m+1} = n` minimising
/// ```
/// Σ_{i=0..m} C(τ_i, τ_{i+1}) + β · m,    τ_{i+1} − τ_i ≥ minimumSegmentSize
/// ```
/// exactly, by optimal partitioning with the pruning of Killick et al. Every
/// position is a candidate (ruptures `jump = 1`). A candidate pruned at time `t`
/// (because `F(τ) + C(τ, t) > F(t)`) stays available until `t + minimumSegmentSize − 1`,
/// since a segment starting at `t` cannot end earlier; pruning it at once, as ruptures
/// does, can lose the optimum. `pruning: false` runs plain optimal partitioning (O(n²)).
///
/// Index convention: a change point is the 0-based index of the first observation of a
/// new segment (ruptures' breakpoints without the final `n`); its period is the first
/// period of the new segment.
///
/// Reference: Killick, Fearnhead and Eckley (2012), "Optimal detection of changepoints
/// with a linear computational cost", JASA 107(500); ruptures `Pelt`; R changepoint `cpt.mean`, `cpt.meanvar` (method "PELT").
public struct PELTSpecification: Sendable, Equatable, Codable {
    /// The segment cost.
    public let cost: ChangePointCost
    /// The penalty per change point.
    public let penalty: ChangePointPenalty
    /// The fewest observations in a segment; at least 1 for `mean`, 2 for `meanAndVariance`.
    public let minimumSegmentSize: Int
    /// The noise variance scaling the `mean` cost (unused by `meanAndVariance`).
    public let noiseVariance: NoiseVariance
    /// Whether to prune candidates (PELT) or search all of them (optimal partitioning); the result is the same.
    public let pruning: Bool

    /// A specification.
    ///
    /// - Parameters:
    ///   - cost: The segment cost.
    ///   - penalty: The penalty per change point.
    ///   - minimumSegmentSize: The fewest observations per segment.
    ///   - noiseVariance: σ² for the `mean` cost.
    ///   - pruning: PELT pruning (true) or plain optimal partitioning.
    public init(cost: ChangePointCost = .mean, penalty: ChangePointPenalty = .bic, minimumSegmentSize: Int = 2,
                noiseVariance: NoiseVariance = .estimatedFromDifferences, pruning: Bool = true) {
        self.cost = cost
        self.penalty = penalty
        self.minimumSegmentSize = minimumSegmentSize
        self.noiseVariance = noiseVariance
        self.pruning = pruning
    }

    /// Finds the change points of a series, on its observed periods.
    ///
    /// A series with gaps is searched over its observed values in order: segment sizes count
    /// observations, the noise variance comes from differences of consecutive observations, and a
    /// change point is named by the period of the first observation of the new segment.
    ///
    /// - Parameter series: The series; missing periods are left out.
    /// - Returns: The change points with their periods and the segment statistics.
    /// - Throws: The errors of ``fit(values:periods:)``.
    public func fit(_ series: TimeSeries<Double>) throws(AnalysisError) -> ChangePoints {
        var values = [Double](), periods = [Period]()
        for (index, value) in series.values.enumerated() {
            guard let value else { continue }
            values.append(value)
            periods.append(series.start.advanced(by: index))
        }
        return try fit(values: values, periods: periods)
    }

    /// Finds the change points of a sequence of values.
    ///
    /// - Parameters:
    ///   - values: The observations in time order, all finite.
    ///   - periods: One period per value, or empty.
    /// - Returns: The change points.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a minimum segment below
    ///   1 (2 for `meanAndVariance`), a negative penalty, a non-positive variance or a non-finite value;
    ///   ``AnalysisError/tooFewObservations(needed:found:method:)`` when the series is shorter than one segment.
    /// - Complexity: O(n²) in the worst case, close to O(n) when change points keep occurring.
    public func fit(values y: [Double], periods: [Period] = []) throws(AnalysisError) -> ChangePoints {
        let n = y.count
        let minimum = cost == .mean ? 1 : 2
        guard minimumSegmentSize >= minimum else {
            throw .invalidParameter(name: "minimum segment size", value: "\(minimumSegmentSize)",
                                    constraint: "must be at least \(minimum) for the \(cost.rawValue) cost")
        }
        guard n >= minimumSegmentSize else {
            throw .tooFewObservations(needed: minimumSegmentSize, found: n, method: "PELT")
        }
        for value in y where !value.isFinite {
            throw .invalidParameter(name: "observation", value: "\(value)", constraint: "PELT needs finite values")
        }
        let beta = penalty.value(cost: cost, count: n)
        guard beta >= 0, beta.isFinite else {
            throw .invalidParameter(name: "penalty", value: "\(beta)", constraint: "must be finite and not negative")
        }
        var sigma2 = 1.0
        if cost == .mean {
            switch noiseVariance {
            case let .known(v): sigma2 = v
            case .estimatedFromDifferences: sigma2 = Self.differenceVariance(y)
            }
            guard sigma2 > 0, sigma2.isFinite else {
                throw .invalidParameter(name: "noise variance", value: "\(sigma2)",
                                        constraint: "must be positive (a series with constant differences has none to estimate)")
            }
        }
        let segmentCost = SegmentCost(y, cost: cost, variance: sigma2)
        let changes = Self.search(n: n, minimum: minimumSegmentSize, beta: beta, pruning: pruning, cost: segmentCost.cost)
        let bounds = [0] + changes + [n]
        var segments = [ChangePoints.Segment]()
        var total = 0.0
        for i in 0..<(bounds.count - 1) {
            let (a, b) = (bounds[i], bounds[i + 1])
            let stats = segmentCost.moments(a, b)
            total += segmentCost.cost(a, b)
            segments.append(.init(start: a, end: b - 1, mean: stats.mean, variance: stats.variance,
                                  firstPeriod: periods.count == n ? periods[a] : nil))
        }
        return ChangePoints(specification: self, observationCount: n, changePoints: changes,
                            periods: periods.count == n ? changes.map { periods[$0] } : [],
                            segments: segments, penaltyValue: beta, noiseVariance: cost == .mean ? sigma2 : nil,
                            totalCost: total, penalisedCost: total + beta * Double(changes.count))
    }

    /// Optimal partitioning with (optionally) PELT pruning, delayed by the minimum segment size.
    static func search(n: Int, minimum m: Int, beta: Double, pruning: Bool, cost: (Int, Int) -> Double) -> [Int] {
        var best = [Double](repeating: .infinity, count: n + 1)   // F(t): optimal penalised cost of y[0..<t]
        var last = [Int](repeating: 0, count: n + 1)              // the last change point of that optimum
        best[0] = -beta
        var candidates: [(tau: Int, removeAt: Int)] = []
        for t in m...n {
            let newCandidate = t - m
            if newCandidate == 0 || newCandidate >= m { candidates.append((newCandidate, Int.max)) }
            var bestValue = Double.infinity, bestTau = -1
            var values = [Double](repeating: .infinity, count: candidates.count)
            for (k, candidate) in candidates.enumerated() {
                let v = best[candidate.tau] + cost(candidate.tau, t) + beta
                values[k] = v
                if v < bestValue { bestValue = v; bestTau = candidate.tau }
            }
            best[t] = bestValue
            last[t] = bestTau
            if pruning {
                var kept: [(tau: Int, removeAt: Int)] = []
                kept.reserveCapacity(candidates.count)
                for (k, candidate) in candidates.enumerated() {
                    var candidate = candidate
                    if candidate.removeAt == Int.max, values[k] - beta > bestValue { candidate.removeAt = t + m }
                    if candidate.removeAt > t + 1 { kept.append(candidate) }
                }
                candidates = kept
            }
        }
        var changes = [Int]()
        var t = n
        while t > 0 { let tau = last[t]; if tau > 0 { changes.append(tau) }; t = tau }
        return changes.reversed()
    }

    /// The squared robust scale of first differences over 2: `(1.4826 · MAD(Δy))² / 2`.
    static func differenceVariance(_ y: [Double]) -> Double {
        guard y.count >= 3 else { return .nan }
        let d = (1..<y.count).map { y[$0] - y[$0 - 1] }
        let med = median(d)
        let mad = median(d.map { abs($0 - med) })
        let scale = 1.482602218505602 * mad
        return scale * scale / 2
    }

    static func median(_ x: [Double]) -> Double {
        let s = x.sorted()
        let n = s.count
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2
    }
}

/// Segment costs in O(1) from prefix sums of the centred series.
struct SegmentCost {
    let s1: [Double], s2: [Double]
    let shift: Double
    let kind: ChangePointCost
    let variance: Double
    let varianceFloor: Double

    init(_ y: [Double], cost: ChangePointCost, variance: Double) {
        let n = y.count
        let mean = y.reduce(0, +) / Double(n)
        var s1 = [Double](repeating: 0, count: n + 1), s2 = s1
        var total2 = 0.0
        for i in 0..<n {
            let c = y[i] - mean
            s1[i + 1] = s1[i] + c
            s2[i + 1] = s2[i] + c * c
            total2 += c * c
        }
        self.s1 = s1; self.s2 = s2; self.shift = mean; self.kind = cost; self.variance = variance
        // A constant segment has variance 0 and cost −∞; its variance is raised to 1e-12 of the whole series'.
        self.varianceFloor = max(total2 / Double(n), Double.leastNormalMagnitude) * 1e-12
    }

    func sumOfSquares(_ a: Int, _ b: Int) -> Double {
        let sum = s1[b] - s1[a]
        return max(0, (s2[b] - s2[a]) - sum * sum / Double(b - a))
    }

    func cost(_ a: Int, _ b: Int) -> Double {
        switch kind {
        case .mean: return sumOfSquares(a, b) / variance
        case .meanAndVariance:
            let length = Double(b - a)
            return length * log(max(sumOfSquares(a, b) / length, varianceFloor))
        }
    }

    func moments(_ a: Int, _ b: Int) -> (mean: Double, variance: Double) {
        ((s1[b] - s1[a]) / Double(b - a) + shift, sumOfSquares(a, b) / Double(b - a))
    }
}
