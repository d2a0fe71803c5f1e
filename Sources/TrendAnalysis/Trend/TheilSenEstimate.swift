import Foundation
import NumericCore

/// The Theil–Sen slope with Sen's (1968) rank-based confidence interval.
///
/// ```
/// slope = median_{i<j} (y_j − y_i)/(t_j − t_i),   intercept = median(y) − slope · median(t)
/// σ² = [n(n−1)(2n+5) − Σ_ties in y g(g−1)(2g+5)] / 18,  N = n(n−1)/2 slopes sorted
/// interval = (slope[round((N − z σ)/2) − 1], slope[round((N + z σ)/2)]) (0-based ranks of the
///   ascending slopes, clamped),
///   z = z_{1−(1−level)/2}, rounding half to even
/// ```
/// t counts periods from the first observation (gaps keep their place).
///
/// Reference: Theil (1950), Sen (1968) eq. 2.6; scipy `stats.theilslopes(y, t, alpha=level)`
/// (`method="separate"`).
public struct TheilSenEstimate: Sendable, Equatable, Codable {
    /// The number of observations used.
    public let observationCount: Int
    /// The median pairwise slope, per period.
    public let slope: Double
    /// median(y) − slope · median(t): the line's value at t = 0 (the first observation).
    public let intercept: Double
    /// The lower end of the slope's interval.
    public let lower: Double
    /// The upper end of the slope's interval.
    public let upper: Double
    /// The interval's coverage.
    public let level: Double

    /// Estimates the slope and its interval.
    ///
    /// - Parameters:
    ///   - values: The observations, in time order.
    ///   - times: Their strictly increasing positions t.
    ///   - level: The interval's coverage in (0, 1).
    /// - Throws: ``AnalysisError/tooFewObservations(needed:found:method:)`` for fewer than 2 observations.
    /// - Complexity: O(n log n) per selected slope (the median and the two interval ends are
    ///   selected by rank without listing the n(n−1)/2 slopes; ``PairwiseSlopes``). Memory O(n).
    public init(values: [Double], times: [Double], level: Double = 0.95) throws(AnalysisError) {
        precondition(values.count == times.count, "\(values.count) values for \(times.count) times")
        let n = values.count
        guard n >= 2 else { throw .tooFewObservations(needed: 2, found: n, method: "the Theil-Sen slope") }
        let slope = MannKendallTest.senSlope(values: values, times: times)
        let nd = Double(n)
        var sigma2 = nd * (nd - 1) * (2 * nd + 5)
        for g in MannKendallTest.tieCounts(values) where g > 1 {
            let gd = Double(g)
            sigma2 -= gd * (gd - 1) * (2 * gd + 5)
        }
        sigma2 /= 18
        let z = Normal().inverseSurvival((1 - level) / 2)
        let pairCount = n * (n - 1) / 2
        let count = Double(pairCount)
        let sigma = sigma2.squareRoot()
        let upperIndex = min(Int(((count + z * sigma) / 2).rounded(.toNearestOrEven)), pairCount - 1)
        let lowerIndex = max(Int(((count - z * sigma) / 2).rounded(.toNearestOrEven)) - 1, 0)
        let bounds = PairwiseSlopes.select(values: values, times: times, ranks: [lowerIndex, upperIndex])
        self.observationCount = n
        self.slope = slope
        self.intercept = MannKendallTest.median(sorted: values.sorted()) - slope * MannKendallTest.median(sorted: times.sorted())
        self.lower = bounds[0]
        self.upper = bounds[1]
        self.level = level
    }
}
