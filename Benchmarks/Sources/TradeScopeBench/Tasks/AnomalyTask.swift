import TradeDomain
import TrendAnalysis

/// Robust-z anomaly flags of every series: residuals of a least-squares line through log y,
/// z = (r − median r) / (1.4826 MAD), flagged when |z| > 3.5 (`AnomalyDetector`, `.linearTrend`).
/// Peer: numpy (lstsq residuals, median/MAD per row, vectorised). Checksum: flag count, Σ flagged
/// index, Σ flagged z.
enum AnomalyTask {
    nonisolated(unsafe) private static var prepared: [TimeSeries<Double>] = []

    static func run(_ path: String) throws -> TaskOutcome {
        let panel = try PanelInput.load(path)
        if prepared.count != panel.series {
            prepared = (0..<panel.series).map { k in TimeSeries(start: panel.start, values: panel.logRow(k).map { Optional($0) }) }
        }
        let detector = AnomalyDetector(method: .robustZScore(threshold: 3.5), model: .linearTrend)
        var count = 0.0, indices = 0.0, scores = 0.0
        for series in prepared {
            for flag in try detector.detect(series) {
                count += 1
                indices += Double(series.start.distance(to: flag.period))
                scores += flag.score
            }
        }
        return TaskOutcome(bytes: panel.bytes, rows: panel.series,
                           checksum: ["flags": count, "flag_index_sum": indices, "flag_z_sum": scores])
    }
}
