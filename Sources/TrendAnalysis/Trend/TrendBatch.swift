import Foundation
import TradeDomain

extension TrendSpecification {
    /// Fits the specification to many series at once, spread over `threads` threads
    /// (``GroupedAnalysis/run(keys:threads:_:)``); a failing group is reported, not thrown.
    ///
    /// - Parameters:
    ///   - groups: Keys and series, in the order wanted.
    ///   - threads: Worker threads (default: the active processor count).
    /// - Returns: One result per group, in input order (deterministic regardless of threads);
    ///   each equals the single ``fit(_:)`` of its series.
    /// - Complexity: The sum of the single fits, divided over the threads.
    public func fitAll(_ groups: [(key: String, series: TimeSeries<Double>)],
                       threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [GroupResult<TrendFit>] {
        GroupedAnalysis.run(keys: groups.map(\.key), threads: threads) { (index: Int) throws(AnalysisError) -> TrendFit in
            try fit(groups[index].series)
        }
    }
}
