import TrendAnalysis

/// Exact PELT (every position a candidate) for changes in the mean of log y, Gaussian cost with
/// σ² estimated from first differences, BIC penalty log n, minimum segment 1. Peer: ruptures
/// `Pelt(model="l2", min_size=1, jump=1).predict(pen=σ̂² log n)` (the same objective times σ̂²).
/// Checksum: number of change points, Σ change-point index, Σ index².
enum PELTTask {
    static func run(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        let specification = PELTSpecification(cost: .mean, penalty: .bic, minimumSegmentSize: 1, noiseVariance: .estimatedFromDifferences)
        var count = 0.0, indices = 0.0, squares = 0.0
        for k in 0..<panel.series {
            let result = try specification.fit(values: panel.logRow(k))
            count += Double(result.changePoints.count)
            indices += Double(result.changePoints.reduce(0, +))
            squares += Double(result.changePoints.reduce(0) { $0 + $1 * $1 })
        }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: ["changes": count, "change_index_sum": indices, "change_index_sq_sum": squares])
    }
}
