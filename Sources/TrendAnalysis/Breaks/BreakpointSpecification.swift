import Foundation
import TradeDomain

/// Multiple structural breaks in a linear regression (Bai and Perron), unfitted.
///
/// The model with `m` breaks at `T₁ < … < T_m` is
/// ```
/// y[t] = x[t]ᵀ β_j + u[t],   T_{j-1} < t ≤ T_j,   j = 1 … m+1,   T_j − T_{j-1} ≥ h
/// ```
/// For each `m` in `0…M` the dynamic programme of Bai and Perron (2003) finds the break
/// dates minimising the total residual sum of squares exactly, from the RSS of every
/// admissible segment. The number of breaks is chosen by BIC (or LWZ), with
/// ```
/// BIC(m) = n (log RSS_m + 1 − log n + log 2π) + log n · (k + 1)(m + 1)
/// LWZ(m) = the same with 0.299 (log n)^2.1 in place of log n
/// ```
/// Confidence intervals for each date follow Bai (1997) with regime-specific regressor
/// moments and error variances (strucchange `confint(breakpoints)` defaults).
///
/// Index convention: a break index is the 0-based index of the last observation of the
/// regime before it; strucchange reports the Nile break as observation 28 (1898), here index 27.
///
/// Reference: Bai and Perron (1998) Econometrica 66(1); (2003) J. Applied Econometrics 18(1);
/// strucchange `breakpoints`, `summary.breakpointsfull`, `confint.breakpointsfull`.
public struct BreakpointSpecification: Sendable, Equatable, Codable {
    /// How the number of breaks is chosen when it is not fixed.
    public enum Criterion: String, Sendable, Equatable, Codable, CaseIterable {
        /// Schwarz's criterion.
        case bic
        /// Liu, Wu and Zidek's modified criterion.
        case lwz
    }

    /// The shortest regime.
    public let minimumSegment: MinimumSegment
    /// The largest number of breaks searched; `nil` means strucchange's `ceil(n / h) − 2`.
    public let maximumBreaks: Int?
    /// A fixed number of breaks; `nil` chooses it by ``criterion``.
    public let breakCount: Int?
    /// The criterion choosing the number of breaks.
    public let criterion: Criterion
    /// The confidence level of the break-date intervals.
    public let level: Double

    /// A specification.
    ///
    /// - Parameters:
    ///   - minimumSegment: The shortest regime (strucchange default `h = 0.15`).
    ///   - maximumBreaks: The most breaks searched, or `nil` for the largest possible.
    ///   - breakCount: A fixed number of breaks, or `nil` to choose by the criterion.
    ///   - criterion: BIC (default) or LWZ.
    ///   - level: The confidence level of the intervals.
    public init(minimumSegment: MinimumSegment = .fraction(0.15), maximumBreaks: Int? = nil, breakCount: Int? = nil,
                criterion: Criterion = .bic, level: Double = 0.95) {
        self.minimumSegment = minimumSegment
        self.maximumBreaks = maximumBreaks
        self.breakCount = breakCount
        self.criterion = criterion
        self.level = level
    }

    /// Breaks in the mean of a series (or its level and slope with `trend`), or in an
    /// autoregression on the given lags.
    ///
    /// With lags `[1, 12]` the regressors are an intercept, `y[t−1]` and `y[t−12]`, and the
    /// first 12 observations serve only as lags (the strucchange vignette's seatbelt model).
    /// A series with gaps is fitted on its observed periods: rows only where the value and its
    /// lags are observed, the trend in calendar time, the minimum segment counted in observations,
    /// and each break and interval end named by the period of its observation.
    ///
    /// - Parameters:
    ///   - series: The series; missing periods are left out of the regression.
    ///   - lags: Positive lags of the series to use as regressors.
    ///   - trend: Whether to add a linear trend in calendar time.
    /// - Returns: The breaks.
    /// - Throws: The errors of ``fit(response:regressors:periods:)``.
    public func fit(_ series: TimeSeries<Double>, lags: [Int] = [], trend: Bool = false) throws(AnalysisError) -> Breakpoints {
        let sample = try RegressionSample(series: series, lags: lags, trend: trend, method: "Bai-Perron breakpoints")
        return try fit(response: sample.response, regressors: sample.rows, periods: sample.periods)
    }

    /// Breaks in a regression given by its rows.
    ///
    /// - Parameters:
    ///   - y: The response.
    ///   - rows: One row of regressors per observation (include a column of ones for an intercept).
    ///   - periods: One period per observation, or empty.
    /// - Returns: The breaks, the RSS and criteria for every number of breaks, and the regime fits.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` when the minimum segment does
    ///   not exceed the number of regressors or exceeds half the sample, or the break count is out of range;
    ///   ``AnalysisError/tooFewObservations(needed:found:method:)`` for a tiny sample;
    ///   `.invalidParameter` for data whose sums of squares overflow (magnitudes near 1e154 and above);
    ///   ``AnalysisError/noResidualVariation(method:residualStandardDeviation:scale:)`` when one
    ///   regime already fits exactly (a constant series).
    /// - Complexity: O(n² k²) time for the RSS of all segments, plus O(M n²) for the programme;
    ///   O(M n) memory (the segment RSS are not stored), refused above ``programmeEntryLimit`` entries.
    public func fit(response y: [Double], regressors rows: [[Double]], periods: [Period] = []) throws(AnalysisError) -> Breakpoints {
        let n = y.count
        precondition(rows.count == n, "one regressor row per observation")
        guard let k = rows.first?.count, k > 0 else { throw .tooFewObservations(needed: 2, found: n, method: "Bai-Perron breakpoints") }
        let h = minimumSegment.observations(for: n)
        guard h > k else {
            throw .invalidParameter(name: "minimum segment", value: "\(h)", constraint: "must exceed the \(k) regressors")
        }
        guard h <= n / 2 else {
            throw .invalidParameter(name: "minimum segment", value: "\(h)", constraint: "must be at most half of the \(n) observations")
        }
        for value in y where !value.isFinite {
            throw .invalidParameter(name: "observation", value: "\(value)", constraint: "breakpoints need finite values")
        }
        try Self.checkScale(response: y, regressors: rows)
        let largest = Int((Double(n) / Double(h)).rounded(.up)) - 2
        let maxBreaks = min(maximumBreaks ?? largest, largest)
        if let fixed = breakCount, !(0...largest).contains(fixed) {
            throw .invalidParameter(name: "number of breaks", value: "\(fixed)", constraint: "must be between 0 and \(largest) with minimum segment \(h)")
        }
        let searched = max(maxBreaks, breakCount ?? 0)
        let entries = Double(searched) * Double(n + 1)
        guard entries <= Double(Self.programmeEntryLimit) else {
            throw .invalidParameter(name: "search size", value: "\(searched) breaks over \(n) observations",
                                    constraint: "the dynamic programme keeps one entry per break count and observation, at most \(Self.programmeEntryLimit) "
                                        + "(about \(Self.programmeEntryLimit * 16 / 1_000_000) MB); lower the most breaks searched "
                                        + "(--max-breaks \(max(1, Self.programmeEntryLimit / (n + 1)))) or raise the minimum segment")
        }
        let programme = SegmentProgramme(rows: rows, response: y, minimum: h, levels: searched)
        try ResidualVariation.require(residualSumOfSquares: programme.fullRSS, response: y, method: "Bai-Perron breakpoints")

        // 1-based break positions (strucchange's) for each m, then criteria.
        var positions: [[Int]] = [[]]
        var rss = [programme.fullRSS]
        for m in stride(from: 1, through: searched, by: 1) {
            guard let (p, value) = Self.extract(programme, breaks: m) else {
                throw .invalidParameter(name: "number of breaks", value: "\(m)",
                                        constraint: "no partition into \(m + 1) segments has a finite residual sum of squares")
            }
            positions.append(p)
            rss.append(value)
        }
        let logN = log(Double(n))
        func criterionValues(_ penalty: Double) -> [Double] {
            rss.indices.map { m in
                Double(n) * (log(rss[m]) + 1 - logN + log(2 * Double.pi)) + penalty * Double((k + 1) * (m + 1))
            }
        }
        let bic = criterionValues(logN)
        let lwz = criterionValues(0.299 * pow(logN, 2.1))
        let values: [Double] = self.criterion == .bic ? bic : lwz
        var chosen = 0
        if let fixed = breakCount {
            chosen = fixed
        } else {
            for m in 0...maxBreaks where values[m] < values[chosen] { chosen = m }   // first minimum, as which.min
        }
        let bounds = [0] + positions[chosen] + [n]
        let segments = (0..<(bounds.count - 1)).map { i -> (fit: BreakSegmentFit, q: [Double], sigma2: Double) in
            Self.segmentFit(rows: rows, y: y, from: bounds[i], to: bounds[i + 1] - 1, periods: periods)
        }
        let intervals = Self.confidenceIntervals(segments: segments.map { ($0.fit.coefficients, $0.q, $0.sigma2) }, level: level, k: k)
        let hasPeriods = periods.count == n
        let breaks = positions[chosen].enumerated().map { i, position -> BreakEstimate in
            let index = position - 1
            let (upper, lower) = intervals[i]
            let lowerIndex = upper.map { index - Int($0.rounded(.up)) }
            let upperIndex = lower.map { index - Int($0.rounded(.down)) }
            func period(_ j: Int?) -> Period? { guard hasPeriods, let j, periods.indices.contains(j) else { return nil }; return periods[j] }
            return BreakEstimate(index: index, period: period(index), lowerIndex: lowerIndex, upperIndex: upperIndex,
                                 lowerPeriod: period(lowerIndex), upperPeriod: period(upperIndex), level: level)
        }
        return Breakpoints(specification: self, observationCount: n, regressorCount: k,
                           minimumSegmentObservations: h, breaks: breaks, segments: segments.map { $0.fit },
                           residualSumOfSquares: rss[chosen], residualSumOfSquaresByBreakCount: rss,
                           bicByBreakCount: bic, lwzByBreakCount: lwz,
                           breakIndicesByBreakCount: positions.map { $0.map { $0 - 1 } },
                           periods: hasPeriods ? periods : [])
    }

    /// The most entries (break counts × observations) the dynamic programme may keep: 16 bytes each,
    /// so about 400 MB. With the default 15% minimum segment this allows 5 breaks over 5 million
    /// observations; a small minimum segment on a long series allows proportionally fewer breaks.
    public static let programmeEntryLimit = 25_000_000

    /// Refuses data whose sums of squares overflow: every RSS would be infinite, so no break
    /// could be chosen and the criteria would be meaningless.
    ///
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` naming the largest magnitude.
    static func checkScale(response y: [Double], regressors rows: [[Double]]) throws(AnalysisError) {
        var sum = 0.0, largest = 0.0
        for (value, row) in zip(y, rows) {
            sum += value * value
            largest = max(largest, abs(value))
            for x in row {
                sum += x * x
                largest = max(largest, abs(x))
            }
        }
        guard sum.isFinite else {
            throw .invalidParameter(name: "data scale", value: "\(largest)",
                                    constraint: "sums of squares of values this large overflow double precision; rescale the series (for example to millions)")
        }
    }

    /// strucchange's `extract.breaks`: the 1-based break positions for m breaks and their RSS,
    /// or `nil` when no partition has a finite RSS.
    static func extract(_ programme: SegmentProgramme, breaks m: Int) -> ([Int], Double)? {
        let n = programme.n, h = programme.h
        var best = Double.infinity, bestI = -1
        for i in h...(n - h) where programme.previous[m - 1][i] >= 0 {
            let v = programme.rss[m - 1][i] + programme.suffixRSS[i]
            if v < best { best = v; bestI = i }
        }
        guard bestI >= 0 else { return nil }
        var positions = [bestI]
        var level = m - 1
        while level >= 1 {
            let previous = programme.previous[level][positions[0]]
            guard previous >= 0 else { return nil }
            positions.insert(previous, at: 0)
            level -= 1
        }
        return (positions, best)
    }

    static func segmentFit(rows: [[Double]], y: [Double], from: Int, to: Int, periods: [Period]) -> (fit: BreakSegmentFit, q: [Double], sigma2: Double) {
        let k = rows[0].count
        var acc = GivensAccumulator(columns: k)
        var q = [Double](repeating: 0, count: k * k)
        for t in from...to {
            acc.add(rows[t], y[t])
            for a in 0..<k { for b in 0..<k { q[a * k + b] += rows[t][a] * rows[t][b] } }
        }
        let length = Double(to - from + 1)
        q = q.map { $0 / length }
        let beta = acc.coefficients() ?? [Double](repeating: .nan, count: k)
        let hasPeriods = periods.count == y.count
        let fit = BreakSegmentFit(start: from, end: to, firstPeriod: hasPeriods ? periods[from] : nil, lastPeriod: hasPeriods ? periods[to] : nil,
                                  coefficients: beta, residualSumOfSquares: acc.rss)
        return (fit, q, acc.rss / length)
    }

    /// strucchange `confint.breakpointsfull` with `het.reg = het.err = TRUE`: for each break, the
    /// (upper, lower) offsets in observations, or `nil` when the interval cannot be computed.
    static func confidenceIntervals(segments: [(beta: [Double], q: [Double], sigma2: Double)], level: Double, k: Int) -> [(Double?, Double?)] {
        let a2 = (1 - level) / 2
        func quadratic(_ d: [Double], _ m: [Double]) -> Double {
            var s = 0.0
            for a in 0..<k { for b in 0..<k { s += d[a] * m[a * k + b] * d[b] } }
            return s
        }
        var out: [(Double?, Double?)] = []
        guard segments.count >= 2 else { return out }
        for i in 1..<segments.count {
            let (beta1, q1, sigma1) = segments[i - 1]
            let (beta2, q2, sigma2) = segments[i]
            let delta = (0..<k).map { beta2[$0] - beta1[$0] }
            let qprod1 = quadratic(delta, q1), qprod2 = quadratic(delta, q2)
            let distribution = BreakDateDistribution(xi: qprod2 / qprod1, phi1: sigma1.squareRoot(), phi2: sigma2.squareRoot())
            let p0 = distribution.cdf(0)
            guard !p0.isNaN, p0 >= a2, p0 <= 1 - a2 else { out.append((nil, nil)); continue }
            var ub = 0.0, lb = 0.0
            while distribution.cdf(ub) < 1 - a2 { ub += 1000 }
            while distribution.cdf(lb) > a2 { lb -= 1000 }
            let scale = sigma1 / qprod1
            let upper = distribution.quantile(1 - a2, lower: 0, upper: ub) * scale
            let lower = distribution.quantile(a2, lower: lb, upper: 0) * scale
            out.append((upper, lower))
        }
        return out
    }
}
