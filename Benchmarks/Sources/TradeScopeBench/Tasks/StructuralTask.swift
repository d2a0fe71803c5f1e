import Foundation
import TrendAnalysis

/// The structural model of issue 17 on the panel: log y of each series with seeded synthetic gaps
/// (about 25% of months), local linear trend + dummy seasonal 12 + irregular, variances by maximum
/// likelihood. Peer: statsmodels `UnobservedComponents(level="lltrend", seasonal=12,
/// use_exact_diffuse=True).fit()` (`peers/structural_peers.py`), which applies the same gap rule.
/// Checksum: series, months missing, Σ log-likelihood, and each series' log-likelihood (`llf_<k>`), which
/// `run.py` requires to be at least statsmodels' minus 1e-6 of it (a higher maximum is also the same result).
enum StructuralTask {
    /// Month t of series k is missing when the t-th uniform of SplitMix64(seed: 20261129 + k) is below 0.25.
    static func gappyLogRow(_ panel: PanelInput, _ k: Int) -> [Double?] {
        var generator = SplitMix64(seed: 20_261_129 &+ UInt64(k))
        return panel.logRow(k).map { value in generator.nextUniform() < 0.25 ? nil : value }
    }

    static let specification = StructuralModelSpecification(trend: .localLinearTrend, seasonal: .dummy(period: 12))

    /// One series after another on the calling thread.
    static func run(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        var missing = 0
        var total = 0.0, evaluations = 0
        var checksum = [String: Double]()
        for k in 0..<panel.series {
            let values = gappyLogRow(panel, k)
            missing += values.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
            let fit = try specification.fit(values: values, period: 12)
            total += fit.logLikelihood
            evaluations += fit.likelihoodEvaluations
            checksum["llf_\(k)"] = fit.logLikelihood
        }
        // Diagnostics on stderr (run.py reads only the JSON line on stdout).
        FileHandle.standardError.write("structural: \(evaluations) likelihood evaluations for \(panel.series) series\n".data(using: .utf8)!)
        checksum["series"] = Double(panel.series)
        checksum["missing"] = Double(missing)
        checksum["llf_sum"] = total
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: checksum)
    }

    /// The same fits as a batch through `GroupedAnalysis.run` (the `--by` path), on every core.
    static func batch(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        let rows = (0..<panel.series).map { gappyLogRow(panel, $0) }
        let results = GroupedAnalysis.run(keys: (0..<panel.series).map(String.init)) { k throws(AnalysisError) in
            try specification.fit(values: rows[k], period: 12).logLikelihood
        }
        let failed = results.filter { $0.value == nil }.count
        guard failed == 0 else { throw AnalysisInputError("\(failed) series failed: \(results.first { $0.error != nil }!.error!)") }
        let missing = rows.reduce(0) { sum, row in sum + row.reduce(0) { $0 + ($1 == nil ? 1 : 0) } }
        var checksum = ["series": Double(panel.series), "missing": Double(missing),
                        "llf_sum": results.reduce(0) { $0 + $1.value! }]
        for (k, result) in results.enumerated() { checksum["llf_\(k)"] = result.value! }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series, checksum: checksum)
    }
}
