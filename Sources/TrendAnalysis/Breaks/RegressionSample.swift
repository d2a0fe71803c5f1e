import NumericCore
import TradeDomain

/// The response, regressor rows and periods of a break test: either given directly, or a series
/// regressed on an intercept, optionally a calendar-time trend, and lags of itself, on the periods
/// where all of them are observed.
struct RegressionSample {
    let response: [Double]
    let rows: [[Double]]
    let periods: [Period]

    var observationCount: Int { response.count }
    var regressorCount: Int { rows.first?.count ?? 0 }

    init(response: [Double], rows: [[Double]], periods: [Period]) {
        precondition(rows.count == response.count, "one regressor row per observation")
        precondition(periods.isEmpty || periods.count == response.count, "one period per observation, or none")
        self.response = response
        self.rows = rows
        self.periods = periods
    }

    /// An intercept, optionally a calendar-time trend, and the given lags of a series, on its
    /// observed periods.
    ///
    /// A row exists for period `t` when `y[t]` and every lag `y[t − ℓ]` it needs are observed (so
    /// the first `max(lags)` periods serve only as lags). The trend regressor is the calendar
    /// position `t + 1` counted from the series' start, not the row number, so a gap leaves a
    /// jump in it. On a complete series the rows are exactly those of the series without gaps.
    ///
    /// - Throws: `invalidParameter` for a non-finite value or a non-positive lag;
    ///   `tooFewObservations` when no row is left.
    init(series: TimeSeries<Double>, lags: [Int], trend: Bool = false, method: String) throws(AnalysisError) {
        for value in series.values {
            guard let value else { continue }
            guard value.isFinite else {
                throw .invalidParameter(name: "observation", value: "\(value)", constraint: "\(method) needs finite values")
            }
        }
        for lag in lags where lag < 1 {
            throw .invalidParameter(name: "lag", value: "\(lag)", constraint: "lags must be positive")
        }
        let values = series.values
        var response = [Double](), rows = [[Double]](), periods = [Period]()
        for t in values.indices {
            guard let y = values[t] else { continue }
            var row = trend ? [1.0, Double(t + 1)] : [1.0]
            var complete = true
            for lag in lags {
                guard t - lag >= 0, let x = values[t - lag] else { complete = false; break }
                row.append(x)
            }
            guard complete else { continue }
            response.append(y)
            rows.append(row)
            periods.append(series.start.advanced(by: t))
        }
        guard !response.isEmpty else {
            let observed = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
            throw .tooFewObservations(needed: (lags.max() ?? 0) + 1, found: observed, method: method)
        }
        self.init(response: response, rows: rows, periods: periods)
    }

    /// The period of observation `index`, when periods are known.
    func period(_ index: Int) -> Period? { periods.indices.contains(index) ? periods[index] : nil }

    /// The 0-based index of `period`, or an error naming the period.
    func index(of period: Period, method: String) throws(AnalysisError) -> Int {
        guard let index = periods.firstIndex(of: period) else {
            let range = periods.isEmpty ? "a sample without periods" : "\(periods[0])...\(periods[periods.count - 1])"
            throw .invalidParameter(name: "period", value: period.description, constraint: "\(method) needs a period within \(range)")
        }
        return index
    }

    /// The 0-based index of the last observation at or before `period` (the last row of a regime
    /// that ends at `period`, which may itself be missing), or an error naming the sample's range.
    func lastIndex(atOrBefore period: Period, method: String) throws(AnalysisError) -> Int {
        guard let first = periods.first, let last = periods.last, period.frequency == first.frequency, first <= period, period <= last,
              let index = periods.lastIndex(where: { $0 <= period }) else {
            let range = periods.isEmpty ? "a sample without periods" : "\(periods[0])...\(periods[periods.count - 1])"
            throw .invalidParameter(name: "period", value: period.description, constraint: "\(method) needs a period within \(range)")
        }
        return index
    }

    /// Least squares of observations `range`.
    func leastSquares(_ range: Range<Int>, step: String) throws(AnalysisError) -> LeastSquaresFit {
        do {
            return try LeastSquaresFit.ordinaryLeastSquares(design: Matrix(rows: Array(rows[range])), response: Array(response[range]))
        } catch {
            throw .regressionFailed(step: step, error)
        }
    }
}
