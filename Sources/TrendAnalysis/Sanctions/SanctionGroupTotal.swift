import TradeDomain

/// The total value of the sanctioned and the non-sanctioned goods in one period
/// (see ``SanctionCoverage/totals(_:)``).
public struct SanctionGroupTotal: Hashable, Codable, Sendable {
    /// The period.
    public let period: Period
    /// Σ value of the sanctioned codes (USD); `nil` when none has a value in the period.
    public let sanctionedValue: Double?
    /// Σ value of the other codes (USD); `nil` when none has a value in the period.
    public let nonSanctionedValue: Double?
    /// How many sanctioned codes have a value in the period.
    public let sanctionedCodeCount: Int
    /// How many other codes have a value in the period.
    public let nonSanctionedCodeCount: Int

    /// - Parameters:
    ///   - period: The period.
    ///   - sanctionedValue: The sanctioned total.
    ///   - nonSanctionedValue: The other total.
    ///   - sanctionedCodeCount: Sanctioned codes with a value.
    ///   - nonSanctionedCodeCount: Other codes with a value.
    public init(period: Period, sanctionedValue: Double?, nonSanctionedValue: Double?, sanctionedCodeCount: Int, nonSanctionedCodeCount: Int) {
        self.period = period
        self.sanctionedValue = sanctionedValue
        self.nonSanctionedValue = nonSanctionedValue
        self.sanctionedCodeCount = sanctionedCodeCount
        self.nonSanctionedCodeCount = nonSanctionedCodeCount
    }
}
