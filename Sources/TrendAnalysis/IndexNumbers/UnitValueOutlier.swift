import TradeDomain

/// The outlier score of one unit value (see ``UnitValueOutlierSpecification``).
///
/// Outliers are flagged and logged, never dropped: an index computed from the
/// same basket still uses the flagged figure, and the flag travels with the output.
public struct UnitValueOutlier: Hashable, Codable, Sendable {
    /// The period.
    public let period: Period
    /// The code.
    public let code: String
    /// `value / quantity` (USD per quantity unit).
    public let unitValue: Double
    /// The median of the code's log unit values.
    public let median: Double
    /// The scaled median absolute deviation `1.4826 · MAD` of the code's log unit values.
    public let scaledMAD: Double
    /// `(ln unitValue − median) / scaledMAD`; `nil` when the scaled MAD is 0
    /// (more than half the unit values are equal) or the code has too few unit values.
    public let robustZ: Double?
    /// `|robustZ| > threshold`.
    public let isOutlier: Bool

    /// A scored unit value.
    ///
    /// - Parameters:
    ///   - period: The period.
    ///   - code: The code.
    ///   - unitValue: The unit value.
    ///   - median: The median log unit value of the code.
    ///   - scaledMAD: The scaled MAD of the code's log unit values.
    ///   - robustZ: The robust z score, or `nil`.
    ///   - isOutlier: Whether it exceeds the threshold.
    public init(period: Period, code: String, unitValue: Double, median: Double, scaledMAD: Double, robustZ: Double?, isOutlier: Bool) {
        self.period = period
        self.code = code
        self.unitValue = unitValue
        self.median = median
        self.scaledMAD = scaledMAD
        self.robustZ = robustZ
        self.isOutlier = isOutlier
    }
}
