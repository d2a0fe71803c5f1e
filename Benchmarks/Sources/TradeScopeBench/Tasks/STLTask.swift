import TrendAnalysis

/// Robust STL (period 12, statsmodels' defaults: seasonal 7, derived trend and low-pass windows,
/// 2 inner and 15 outer iterations) of the log of every series. Peer: statsmodels `STL(robust=True)`.
/// Checksum: Σ trend, Σ seasonal, Σ robustness weight, and the trend of the first three series at
/// t = 0, 60, 120, 239 (compared one by one, rtol 1e-6, in `run.py`).
enum STLTask {
    static let probes = [0, 60, 120, 239]

    static func run(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        let specification = STLSpecification(period: 12, robust: true)
        var checksum: [String: Double] = ["trend_sum": 0, "seasonal_sum": 0, "weight_sum": 0]
        for k in 0..<panel.series {
            let result = try specification.fit(values: panel.logRow(k), period: 12)
            checksum["trend_sum"]! += result.trend.reduce(0, +)
            checksum["seasonal_sum"]! += result.seasonal.reduce(0, +)
            checksum["weight_sum"]! += result.weights.reduce(0, +)
            if k < 3 {
                for t in probes where t < panel.months { checksum["trend_\(k)_\(t)"] = result.trend[t] }
            }
        }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: checksum)
    }
}
