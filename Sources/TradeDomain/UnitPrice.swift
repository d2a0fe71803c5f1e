/// A value per unit of quantity, for example 73.4 USD/t.
///
/// A unit price (unit value) is derived from a value and a quantity of the same
/// flow and carries both units, so prices in different quantity units are never
/// mixed:
/// ```
/// unit price = value / quantity          (USD per quantity unit)
/// aggregate  = Σ value_i / Σ quantity_i  (quantities first converted to one unit)
/// ```
/// The aggregate is a ratio of sums (equivalently the mean of the record unit
/// prices weighted by quantity), never the plain mean of the ratios.
public struct UnitPrice: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The price: currency units per one quantity unit.
    public let amount: Double
    /// The currency of the value.
    public let currency: Currency
    /// The unit of the quantity.
    public let quantityUnit: QuantityUnit

    /// A unit price given directly (for example read back from a file).
    ///
    /// - Parameters:
    ///   - amount: Currency units per quantity unit.
    ///   - currency: The currency.
    ///   - quantityUnit: The quantity unit.
    public init(amount: Double, currency: Currency, quantityUnit: QuantityUnit) {
        self.amount = amount
        self.currency = currency
        self.quantityUnit = quantityUnit
    }

    /// The unit price of one value and one quantity: `value / quantity`.
    ///
    /// - Parameters:
    ///   - value: The trade value; finite and not negative.
    ///   - quantity: The quantity; finite, positive and in a measured unit.
    /// - Throws: ``TradeDomainError/zeroQuantity(_:)``, ``TradeDomainError/negativeQuantity(_:_:)``,
    ///   ``TradeDomainError/nonFiniteQuantity(_:)``, ``TradeDomainError/unmeasuredQuantity``,
    ///   ``TradeDomainError/negativeValue(_:_:)`` or ``TradeDomainError/nonFiniteValue(_:)``.
    public init(value: MonetaryAmount, quantity: Quantity) throws(TradeDomainError) {
        try Self.check(value)
        try Self.check(quantity)
        self.init(amount: value.amount / quantity.amount, currency: value.currency, quantityUnit: quantity.unit)
    }

    private static func check(_ value: MonetaryAmount) throws(TradeDomainError) {
        guard value.amount.isFinite else { throw .nonFiniteValue(value.currency) }
        guard value.amount >= 0 else { throw .negativeValue(value.amount, value.currency) }
    }

    private static func check(_ quantity: Quantity) throws(TradeDomainError) {
        guard quantity.unit != .noQuantity else { throw .unmeasuredQuantity }
        guard quantity.amount.isFinite else { throw .nonFiniteQuantity(quantity.unit) }
        guard quantity.amount != 0 else { throw .zeroQuantity(quantity.unit) }
        guard quantity.amount > 0 else { throw .negativeQuantity(quantity.amount, quantity.unit) }
    }

    /// The label of the price's units, for example `"USD/t"`.
    public var unitLabel: String { "\(currency.rawValue)/\(quantityUnit.abbreviation)" }

    /// For example `"73.4 USD/t"`.
    public var description: String { "\(amount) \(unitLabel)" }

    /// The value of a quantity at this price: `amount × quantity` (after converting the
    /// quantity to ``quantityUnit``).
    ///
    /// - Parameter quantity: A quantity in a unit convertible to ``quantityUnit``.
    /// - Returns: The value.
    /// - Throws: ``TradeDomainError/incompatibleUnits(_:_:)`` when the units differ in kind.
    public func value(of quantity: Quantity) throws(TradeDomainError) -> MonetaryAmount {
        let converted = try quantity.converted(to: quantityUnit)
        return MonetaryAmount(amount: amount * converted.amount, currency: currency)
    }

    /// The same price per another quantity unit (USD/t → USD/kg divides by 1000).
    ///
    /// - Parameter unit: The new quantity unit.
    /// - Returns: The price per `unit`.
    /// - Throws: ``TradeDomainError/incompatibleUnits(_:_:)`` when the units differ in kind.
    public func converted(to unit: QuantityUnit) throws(TradeDomainError) -> UnitPrice {
        // One `unit` is this many of our unit; the price scales the same way.
        let perTarget = try unit.convert(1, to: quantityUnit)
        return UnitPrice(amount: amount * perTarget, currency: currency, quantityUnit: unit)
    }

    /// The aggregate unit price of several value-quantity pairs: Σ value ÷ Σ quantity.
    ///
    /// Every quantity is converted to `unit` first. This is the ratio of sums
    /// (never the mean of the record unit prices), so a record with a large
    /// quantity weighs more.
    ///
    /// - Parameters:
    ///   - pairs: Values with their quantities; at least one.
    ///   - unit: The quantity unit of the result.
    /// - Returns: The aggregate price per `unit`.
    /// - Throws: ``TradeDomainError/emptyAggregate`` for no pairs;
    ///   ``TradeDomainError/incompatibleUnits(_:_:)`` when a quantity cannot be converted
    ///   to `unit`; ``TradeDomainError/zeroQuantity(_:)`` when the quantities sum to zero;
    ///   the value and quantity errors of ``init(value:quantity:)`` for a negative or
    ///   non-finite value or quantity (single zero quantities are allowed in the sum).
    /// - Complexity: O(n).
    public static func aggregate(
        _ pairs: [(value: MonetaryAmount, quantity: Quantity)], in unit: QuantityUnit
    ) throws(TradeDomainError) -> UnitPrice {
        guard let currency = pairs.first?.value.currency else { throw .emptyAggregate }
        guard unit != .noQuantity else { throw .unmeasuredQuantity }
        var totalValue = 0.0
        var totalQuantity = 0.0
        for pair in pairs {
            try check(pair.value)
            guard pair.quantity.unit != .noQuantity else { throw .unmeasuredQuantity }
            guard pair.quantity.amount.isFinite else { throw .nonFiniteQuantity(pair.quantity.unit) }
            guard pair.quantity.amount >= 0 else { throw .negativeQuantity(pair.quantity.amount, pair.quantity.unit) }
            totalValue += pair.value.amount
            totalQuantity += try pair.quantity.unit.convert(pair.quantity.amount, to: unit)
        }
        guard totalQuantity > 0 else { throw .zeroQuantity(unit) }
        return UnitPrice(amount: totalValue / totalQuantity, currency: currency, quantityUnit: unit)
    }
}
