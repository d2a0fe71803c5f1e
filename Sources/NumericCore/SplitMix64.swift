/// A small seeded pseudo-random generator (SplitMix64, Steele, Lea and Flood 2014) for
/// reproducible simulations: the same seed gives the same sequence on every platform.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator started from `seed`.
    ///
    /// - Parameter seed: Any 64-bit value.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    ///
    /// - Returns: A uniformly distributed `UInt64`.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform draw in the open interval (0, 1), from the top 53 bits.
    ///
    /// - Returns: A `Double` strictly between 0 and 1.
    public mutating func nextUniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A standard normal draw by inversion of the uniform (`Normal.quantile`).
    ///
    /// - Returns: A draw from N(0, 1).
    public mutating func nextStandardNormal() -> Double {
        Normal().quantile(nextUniform())
    }
}
