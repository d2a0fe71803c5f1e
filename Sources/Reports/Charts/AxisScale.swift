import Foundation

/// A linear axis with "nice" tick values (steps of 1, 2 or 5 times a power of ten).
public struct AxisScale: Sendable, Equatable {
    /// The lowest value shown.
    public let lower: Double
    /// The highest value shown.
    public let upper: Double
    /// Tick values from `lower` to `upper`, evenly spaced.
    public let ticks: [Double]

    /// An axis covering `minimum...maximum` with about `targetTicks` intervals.
    ///
    /// The axis starts at zero when all values are non-negative (quantities,
    /// values and prices are drawn from a zero baseline so that heights compare
    /// honestly).
    ///
    /// - Parameters:
    ///   - minimum: The smallest value to show.
    ///   - maximum: The largest value to show.
    ///   - targetTicks: The wished-for number of intervals; 5 by default.
    public init(minimum: Double, maximum: Double, targetTicks: Int = 5) {
        var low = min(minimum, 0)
        var high = max(maximum, 0)
        if !low.isFinite || !high.isFinite { (low, high) = (0, 1) }
        if high == low { high = low + 1 }
        let rough = (high - low) / Double(max(targetTicks, 1))
        let power = pow(10, floor(log10(rough)))
        let step = [1.0, 2.0, 5.0, 10.0].map { $0 * power }.first { $0 >= rough } ?? 10 * power
        let first = floor(low / step) * step
        let last = ceil(high / step) * step
        var ticks: [Double] = []
        var index = 0.0
        while first + index * step <= last + step * 1e-9 {
            ticks.append(first + index * step)
            index += 1
        }
        self.lower = first
        self.upper = last
        self.ticks = ticks
    }

    /// Maps a value to a pixel position between `start` (at `lower`) and `end` (at `upper`).
    ///
    /// - Parameters:
    ///   - value: A value on the axis.
    ///   - start: The pixel position of `lower`.
    ///   - end: The pixel position of `upper`.
    /// - Returns: The linearly interpolated position.
    public func position(_ value: Double, from start: Double, to end: Double) -> Double {
        start + (value - lower) / (upper - lower) * (end - start)
    }
}
