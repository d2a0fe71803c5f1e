import Foundation
import NumericCore

/// Two-sided Student t critical values t_{df, 1−(1−level)/2}, remembered by (df, level):
/// a quantile costs far more than a fit of a short series, and batches reuse a few pairs.
enum CriticalValues {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var cache: [Key: Double] = [:]

    private struct Key: Hashable {
        let degreesOfFreedom: Int
        let level: Double
    }

    /// The (1 + level)/2 quantile of Student's t with `degreesOfFreedom`.
    static func studentT(degreesOfFreedom: Int, level: Double) -> Double {
        let key = Key(degreesOfFreedom: degreesOfFreedom, level: level)
        lock.lock()
        if let value = cache[key] { lock.unlock(); return value }
        lock.unlock()
        let value = StudentT(degreesOfFreedom: Double(degreesOfFreedom)).inverseSurvival((1 - level) / 2)
        lock.lock()
        if cache.count > 4096 { cache.removeAll() }
        cache[key] = value
        lock.unlock()
        return value
    }
}
