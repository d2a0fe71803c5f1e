import Foundation
import TradeDomain

/// One group's outcome in a batch of trend fits: the fit, or the reason it failed.
public struct TrendGroupFit: Sendable, Equatable {
    /// The group's key (an HS code, a country).
    public let key: String
    /// The fit, or nil when it failed.
    public let fit: TrendFit?
    /// Why the fit failed, or nil.
    public let error: AnalysisError?
}

extension TrendSpecification {
    /// Fits the specification to many series at once, spread over `threads` threads
    /// (`DispatchQueue.concurrentPerform`); a failing group is reported, not thrown.
    ///
    /// - Parameters:
    ///   - groups: Keys and series, in the order wanted.
    ///   - threads: Worker threads (default: the active processor count).
    /// - Returns: One result per group, in input order (deterministic regardless of threads).
    /// - Complexity: The sum of the single fits, divided over the threads.
    public func fitAll(_ groups: [(key: String, series: TimeSeries<Double>)],
                       threads: Int = ProcessInfo.processInfo.activeProcessorCount) -> [TrendGroupFit] {
        let box = ResultBox(count: groups.count)
        let workers = max(1, min(threads, groups.count))
        // Contiguous chunks, so the threads never write neighbouring slots.
        let chunk = (groups.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            for index in (worker * chunk)..<min(groups.count, (worker + 1) * chunk) {
                let group = groups[index]
                do throws(AnalysisError) {
                    box.store(TrendGroupFit(key: group.key, fit: try fit(group.series), error: nil), at: index)
                } catch {
                    box.store(TrendGroupFit(key: group.key, fit: nil, error: error), at: index)
                }
            }
        }
        return box.collected.map { $0! }
    }
}

/// Results written by disjoint indices from several threads (each index exactly once).
private final class ResultBox: @unchecked Sendable {
    private let pointer: UnsafeMutablePointer<TrendGroupFit?>
    private let count: Int

    init(count: Int) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: nil, count: count)
    }

    func store(_ value: TrendGroupFit, at index: Int) {
        pointer[index] = value
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    /// Call after all workers finished.
    var collected: [TrendGroupFit?] { Array(UnsafeBufferPointer(start: pointer, count: count)) }
}
