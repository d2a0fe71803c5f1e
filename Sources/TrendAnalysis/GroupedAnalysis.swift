import Foundation

/// One group's outcome in a batch (`--by`): the result, or the reason it failed.
public struct GroupResult<Value: Sendable>: Sendable {
    /// The group's key (an HS code, a country).
    public let key: String
    /// The result, or why the analysis failed.
    public let outcome: Result<Value, AnalysisError>

    /// A group's outcome.
    public init(key: String, outcome: Result<Value, AnalysisError>) {
        self.key = key
        self.outcome = outcome
    }

    /// The result, or `nil` when the analysis failed.
    public var value: Value? { try? outcome.get() }

    /// Why the analysis failed, or `nil` when it succeeded.
    public var error: AnalysisError? {
        if case let .failure(error) = outcome { return error }
        return nil
    }
}

extension GroupResult: Equatable where Value: Equatable {}

/// Runs one analysis per group, spread over threads; a failing group is reported, not thrown.
public enum GroupedAnalysis {
    /// Runs `body` for every group index.
    ///
    /// - Parameters:
    ///   - keys: The group keys, in the order wanted.
    ///   - threads: Worker threads (default: the active processor count).
    ///   - body: The analysis of group `i`.
    /// - Returns: One result per key, in input order (deterministic whatever the threads).
    /// - Complexity: The sum of the single analyses, divided over the threads.
    public static func run<Value: Sendable>(keys: [String], threads: Int = ProcessInfo.processInfo.activeProcessorCount,
                                            _ body: @Sendable (Int) throws(AnalysisError) -> Value) -> [GroupResult<Value>] {
        let box = Box<GroupResult<Value>>(count: keys.count)
        let workers = max(1, min(threads, keys.count))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < keys.count {
                let outcome: Result<Value, AnalysisError>
                do throws(AnalysisError) {
                    outcome = .success(try body(index))
                } catch {
                    outcome = .failure(error)
                }
                box.store(GroupResult(key: keys[index], outcome: outcome), at: index)
                index += workers
            }
        }
        return box.values
    }

    /// Results written from several threads, each index exactly once, behind a lock.
    private final class Box<Element>: @unchecked Sendable {
        private var storage: [Element?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func store(_ value: Element, at index: Int) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        /// Call after all workers finished.
        var values: [Element] { storage.map { $0! } }
    }
}
