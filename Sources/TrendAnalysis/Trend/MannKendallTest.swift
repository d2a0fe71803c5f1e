import Foundation
import NumericCore

/// The Mann–Kendall trend test with Sen's slope, optionally with Hamed and Rao's
/// correction of Var S for autocorrelation.
///
/// ```
/// S = Σ_{i<j} sign(y_j − y_i),   τ = S / (n(n−1)/2)
/// Var S = [n(n−1)(2n+5) − Σ_ties g(g−1)(2g+5)] / 18
/// Hamed–Rao: Var* S = Var S · (1 + 2/(n(n−1)(n−2)) Σ_{k: ρ_k significant} (n−k)(n−k−1)(n−k−2) ρ_k)
///   with ρ_k the lag-k autocorrelation of the ranks of yᵢ − sen_slope·tᵢ, significant when
///   |ρ_k| > z_{1−α/2}/√n, over all lags 1..n−1
/// Z = (S − sign S)/√Var S,  p = 2 (1 − Φ(|Z|))
/// Sen's slope = median over pairs of (y_j − y_i)/(t_j − t_i);  intercept = median(y) − slope · median(t)
/// ```
/// t counts periods from the first observation, so a missing value leaves a gap in t
/// rather than closing it; S needs only the order.
///
/// Reference: Mann (1945), Kendall (1975), Hamed and Rao (1998), Sen (1968);
/// pymannkendall `original_test` and `hamed_rao_modification_test` (lag=None).
/// pymannkendall detrends a series with gaps on the closed-up positions 1...n; here
/// the true positions are used (identical for a complete series).
public struct MannKendallTest: Sendable, Equatable, Codable {
    /// Whether Hamed and Rao's correction was applied.
    public let hamedRaoCorrected: Bool
    /// The number of observations used.
    public let observationCount: Int
    /// Mann–Kendall's S.
    public let s: Double
    /// Var S (corrected for Hamed–Rao).
    public let varianceS: Double
    /// The variance correction factor n/n* (1 for the original test).
    public let varianceCorrection: Double
    /// The continuity-corrected standard normal statistic.
    public let z: Double
    /// The two-sided p-value.
    public let pValue: Double
    /// Kendall's τ = S / (n(n−1)/2).
    public let tau: Double
    /// Sen's slope per period.
    public let senSlope: Double
    /// The intercept of the Kendall–Theil line at t = 0 (the first observation).
    public let senIntercept: Double
    /// The significance level α of the verdict.
    public let significance: Double
    /// The verdict at α.
    public let trend: TrendDirection

    /// Runs the test.
    ///
    /// - Parameters:
    ///   - values: The observations, in time order.
    ///   - times: Their positions t (strictly increasing), same count.
    ///   - hamedRao: Apply the Hamed–Rao correction.
    ///   - significance: α in (0, 1).
    /// - Throws: ``AnalysisError/tooFewObservations(needed:found:method:)`` for fewer than 3 observations.
    /// - Complexity: O(n log n): S by Knight's merge sort, Sen's slope by slope selection
    ///   (``PairwiseSlopes``), the Hamed–Rao autocorrelations by FFT. Memory O(n).
    public init(values: [Double], times: [Double], hamedRao: Bool, significance: Double = 0.05) throws(AnalysisError) {
        precondition(values.count == times.count, "\(values.count) values for \(times.count) times")
        let n = values.count
        let method = hamedRao ? "the Hamed-Rao Mann-Kendall test" : "the Mann-Kendall test"
        guard n >= 3 else { throw .tooFewObservations(needed: 3, found: n, method: method) }
        let s = PairwiseSlopes.kendallScore(values)
        let nd = Double(n)
        var variance = nd * (nd - 1) * (2 * nd + 5)
        for g in Self.tieCounts(values) where g > 1 {
            let gd = Double(g)
            variance -= gd * (gd - 1) * (2 * gd + 5)
        }
        variance /= 18
        let (slope, intercept) = Self.senLine(values: values, times: times)
        var correction = 1.0
        if hamedRao {
            let detrended = zip(values, times).map { $0 - slope * $1 }
            let ranks = Self.averageRanks(detrended)
            let bound = Normal().inverseSurvival(significance / 2) / nd.squareRoot()
            let mean = ranks.reduce(0, +) / nd
            let centred = ranks.map { $0 - mean }
            let sums = Autocovariance.sums(centred)
            let c0 = sums[0]
            var sum = 0.0
            for k in 1..<n {
                let rho = sums[k] / c0
                if rho > bound || rho < -bound {
                    let m = nd - Double(k)
                    sum += m * (m - 1) * (m - 2) * rho
                }
            }
            correction = 1 + 2 / (nd * (nd - 1) * (nd - 2)) * sum
            variance *= correction
        }
        let sd = Double(s)
        let z = s > 0 ? (sd - 1) / variance.squareRoot() : (s < 0 ? (sd + 1) / variance.squareRoot() : 0)
        let p = 2 * Normal().survival(abs(z))
        let critical = Normal().inverseSurvival(significance / 2)
        self.hamedRaoCorrected = hamedRao
        self.observationCount = n
        self.s = sd
        self.varianceS = variance
        self.varianceCorrection = correction
        self.z = z
        self.pValue = p
        self.tau = sd / (0.5 * nd * (nd - 1))
        self.senSlope = slope
        self.senIntercept = intercept
        self.significance = significance
        self.trend = abs(z) > critical ? (z > 0 ? .increasing : .decreasing) : .noTrend
    }

    /// Sizes of the groups of equal values.
    static func tieCounts(_ values: [Double]) -> [Int] {
        let sorted = values.sorted()
        var counts: [Int] = []
        var run = 1
        for i in 1..<max(sorted.count, 1) {
            if sorted[i] == sorted[i - 1] { run += 1 } else { counts.append(run); run = 1 }
        }
        if !sorted.isEmpty { counts.append(run) }
        return counts
    }

    /// Ranks 1...n with ties given their average rank (scipy `rankdata`).
    static func averageRanks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var ranks = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
            let rank = Double(start + end) / 2 + 1
            for k in start...end { ranks[order[k]] = rank }
            start = end + 1
        }
        return ranks
    }

    /// Sen's slope (median pairwise slope) and the Conover intercept median(y) − slope·median(t).
    static func senLine(values: [Double], times: [Double]) -> (slope: Double, intercept: Double) {
        let slope = senSlope(values: values, times: times)
        return (slope, median(sorted: values.sorted()) - slope * median(sorted: times.sorted()))
    }

    /// The median of the n(n−1)/2 pairwise slopes (mean of the middle two for an even count),
    /// selected without listing them.
    static func senSlope(values: [Double], times: [Double]) -> Double {
        let count = values.count * (values.count - 1) / 2
        precondition(count > 0, "Sen's slope needs two observations")
        if count % 2 == 1 { return PairwiseSlopes.select(values: values, times: times, ranks: [count / 2])[0] }
        let middle = PairwiseSlopes.select(values: values, times: times, ranks: [count / 2 - 1, count / 2])
        return (middle[0] + middle[1]) / 2
    }

    /// The median of sorted values (mean of the middle two for an even count).
    static func median(sorted: [Double]) -> Double {
        let n = sorted.count
        precondition(n > 0, "median of no values")
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }
}
