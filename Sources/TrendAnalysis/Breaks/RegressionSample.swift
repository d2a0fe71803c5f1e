import NumericCore
import TradeDomain

/// The response, regressor rows and periods of a break test: either given directly, or a series
/// regressed on an intercept and lags of itself (the first `max(lags)` observations serve only as lags).
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

    /// An intercept and the given lags of a complete series.
    init(series: TimeSeries<Double>, lags: [Int], method: String) throws(AnalysisError) {
        var values = [Double]()
        for (index, value) in series.values.enumerated() {
            guard let value else { throw .missingValue(method: method, period: series.start.advanced(by: index).description) }
            guard value.isFinite else {
                throw .invalidParameter(name: "observation", value: "\(value)", constraint: "\(method) needs finite values")
            }
            values.append(value)
        }
        for lag in lags where lag < 1 {
            throw .invalidParameter(name: "lag", value: "\(lag)", constraint: "lags must be positive")
        }
        let skip = lags.max() ?? 0
        guard values.count > skip else { throw .tooFewObservations(needed: skip + 1, found: values.count, method: method) }
        self.init(response: Array(values[skip...]),
                  rows: (skip..<values.count).map { t in [1.0] + lags.map { values[t - $0] } },
                  periods: Array(series.periods[skip...]))
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

    /// Least squares of observations `range`.
    func leastSquares(_ range: Range<Int>, step: String) throws(AnalysisError) -> LeastSquaresFit {
        do {
            return try LeastSquaresFit.ordinaryLeastSquares(design: Matrix(rows: Array(rows[range])), response: Array(response[range]))
        } catch {
            throw .regressionFailed(step: step, error)
        }
    }
}
