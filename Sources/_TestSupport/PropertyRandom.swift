// A seeded generator for property tests. Not API.
import Foundation

/// The SplitMix64 generator (Steele, Lea and Flood 2014, "Fast splittable pseudorandom number
/// generators"; the `splitmix64.c` of Vigna): a 64-bit state advanced by a constant
/// and mixed. Reproducible across platforms, so a failing property test names a
/// seed and a trial that fail again on any machine.
public struct PropertyRandom: RandomNumberGenerator, Sendable {
    public private(set) var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
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
