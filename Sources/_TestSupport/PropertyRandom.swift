// A seeded generator for property tests. Not API.
import Foundation
import NumericCore

/// A seeded generator for property tests: NumericCore's ``SplitMix64``, reproducible across
/// platforms (a failing property test names a seed and a trial that fail again on any machine),
/// with the draws the tests use.
public struct PropertyRandom: RandomNumberGenerator, Sendable {
    private var generator: SplitMix64

    public init(seed: UInt64) {
        generator = SplitMix64(seed: seed)
    }

    public mutating func next() -> UInt64 {
        generator.next()
    }

    /// Uniform in [0, 1), with 53 random bits.
    public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// Uniform in `range`.
    public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    /// Uniform over the integers of `range`.
    public mutating func integer(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &self)
    }

    /// A positive number spread over `decades` orders of magnitude from `smallest`.
    public mutating func magnitude(from smallest: Double, decades: Double) -> Double {
        smallest * pow(10, unit() * decades)
    }
}
