/// An amount of goods in a quantity unit, for example 7,500,000 t or 1,200 u.
///
/// Quantity and value are separate measurements of a trade flow and are never
/// added to each other; quantities in different units are added only after
/// ``converted(to:)``.
public struct Quantity: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The amount, in ``unit``.
    public let amount: Double
    /// The unit of ``amount``.
    public let unit: QuantityUnit

    /// A quantity.
    ///
    /// - Parameters:
    ///   - amount: The amount (not checked; ``UnitPrice`` rejects zero, negative and non-finite amounts).
    ///   - unit: Its unit.
    public init(amount: Double, unit: QuantityUnit) {
        self.amount = amount
        self.unit = unit
    }

    /// The same quantity expressed in another unit.
    ///
    /// - Parameter unit: The target unit.
    /// - Returns: The converted quantity.
    /// - Throws: ``TradeDomainError/incompatibleUnits(_:_:)`` when the units measure different things.
    public func converted(to unit: QuantityUnit) throws(TradeDomainError) -> Quantity {
        Quantity(amount: try self.unit.convert(amount, to: unit), unit: unit)
    }

    /// For example `"1500.0 t"`.
    public var description: String { "\(amount) \(unit.abbreviation)" }
}
