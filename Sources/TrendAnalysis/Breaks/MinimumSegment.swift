/// The shortest regime a multiple-break search allows: a count of observations or a fraction of the sample.
///
/// strucchange's `h` means either, depending on its value; here they are two cases.
public enum MinimumSegment: Sendable, Equatable, Codable {
    /// At least this many observations per regime.
    case observations(Int)
    /// At least `floor(fraction · n)` observations per regime (strucchange `h < 1`).
    case fraction(Double)

    /// The number of observations for a sample of `n`.
    ///
    /// - Parameter n: The sample size.
    /// - Returns: `h` as an observation count.
    public func observations(for n: Int) -> Int {
        switch self {
        case let .observations(h): return h
        case let .fraction(x): return Int((Double(n) * x).rounded(.down))
        }
    }
}
