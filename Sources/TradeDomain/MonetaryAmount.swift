/// A trade value in a currency, for example 126,390,000 USD.
public struct MonetaryAmount: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The amount, in ``currency``.
    public let amount: Double
    /// The currency of ``amount``.
    public let currency: Currency

    /// A monetary amount.
    ///
    /// - Parameters:
    ///   - amount: The amount (not checked here; ``UnitPrice`` rejects negative and non-finite values).
    ///   - currency: Its currency; US dollars by default.
    public init(amount: Double, currency: Currency = .usd) {
        self.amount = amount
        self.currency = currency
    }

    /// An amount in US dollars.
    ///
    /// - Parameter amount: The number of dollars.
    /// - Returns: The monetary amount.
    public static func usd(_ amount: Double) -> MonetaryAmount { MonetaryAmount(amount: amount, currency: .usd) }

    /// For example `"580000.0 USD"`.
    public var description: String { "\(amount) \(currency.rawValue)" }
}
