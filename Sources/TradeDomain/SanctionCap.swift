/// The ceiling of a ``SanctionAction/cap`` measure: a value, a quantity, or both.
///
/// UNSCR 2321 capped DPRK coal exports at the lesser of US$400,870,018 or
/// 7,500,000 t per year; either limit may be absent (`nil`).
public struct SanctionCap: Hashable, Codable, Sendable {
    /// The value ceiling in US dollars; `nil` when none is set.
    public let valueUSD: Double?
    /// The quantity ceiling; `nil` when none is set.
    public let quantity: Quantity?
    /// A second quantity ceiling in another unit as a source states it (for example
    /// China's conversion of barrels to tonnes); `nil` when none.
    public let alternativeQuantity: Quantity?
    /// The period the cap applies to, as the source words it ("per calendar year from 2017-01-01").
    public let periodDescription: String?

    /// A cap.
    ///
    /// - Parameters:
    ///   - valueUSD: The value ceiling in USD, or `nil`.
    ///   - quantity: The quantity ceiling, or `nil`.
    ///   - alternativeQuantity: A second quantity ceiling, or `nil` (the default).
    ///   - periodDescription: The period wording, or `nil`.
    public init(valueUSD: Double?, quantity: Quantity?, alternativeQuantity: Quantity? = nil, periodDescription: String?) {
        self.valueUSD = valueUSD
        self.quantity = quantity
        self.alternativeQuantity = alternativeQuantity
        self.periodDescription = periodDescription
    }
}
