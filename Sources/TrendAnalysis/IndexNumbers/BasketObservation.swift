import TradeDomain

/// One commodity of a basket in one period: its value and, when known, its
/// quantity in a stated unit.
///
/// The unit value (price) of the observation is `value / quantity`. A quantity
/// of `nil` means "not reported"; it is never read as zero. The unit may be
/// `nil` when the source states none (a `period,code,value,quantity` file): all
/// such observations of a code are taken to share one unknown unit.
public struct BasketObservation: Hashable, Codable, Sendable {
    /// The period.
    public let period: Period
    /// The commodity code, at any level (an HS code, or any label in a data file).
    public let code: String
    /// The value (USD).
    public let value: Double
    /// The quantity; `nil` when not reported.
    public let quantity: Double?
    /// The unit of ``quantity``; `nil` when the source states none.
    public let unit: QuantityUnit?

    /// An observation.
    ///
    /// - Parameters:
    ///   - period: The period.
    ///   - code: The commodity code.
    ///   - value: The value (USD).
    ///   - quantity: The quantity, or `nil` when not reported.
    ///   - unit: The quantity unit, or `nil` when the source states none.
    public init(period: Period, code: String, value: Double, quantity: Double?, unit: QuantityUnit? = nil) {
        self.period = period
        self.code = code
        self.value = value
        self.quantity = quantity
        self.unit = unit
    }

    /// `value / quantity`, or `nil` without a positive quantity.
    public var unitValue: Double? {
        guard let quantity, quantity > 0 else { return nil }
        return value / quantity
    }
}
