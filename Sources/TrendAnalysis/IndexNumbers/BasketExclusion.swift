import TradeDomain

/// A code left out of one comparison (a link) of a basket index, and why.
///
/// Excluded codes are reported with every index, never dropped silently.
public struct BasketExclusion: Hashable, Codable, Sendable, CustomStringConvertible {
    /// Why a code cannot be compared between two periods.
    public enum Reason: Hashable, Codable, Sendable {
        /// The code has no observation in the period.
        case absent(period: Period)
        /// The code has a value but no quantity in the period.
        case missingQuantity(period: Period)
        /// The value or the quantity is zero or negative in the period.
        case nonPositive(period: Period)
        /// The quantity unit differs between the two periods.
        case unitChanged(from: String, to: String)
    }

    /// The code.
    public let code: String
    /// The earlier period of the comparison.
    public let from: Period
    /// The later period of the comparison.
    public let to: Period
    /// Why it was left out.
    public let reason: Reason

    /// An exclusion.
    ///
    /// - Parameters:
    ///   - code: The code.
    ///   - from: The earlier period of the comparison.
    ///   - to: The later period.
    ///   - reason: Why the code was left out.
    public init(code: String, from: Period, to: Period, reason: Reason) {
        self.code = code
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// For example "code 2701 left out of 2014→2015: no quantity in 2015".
    public var description: String {
        let why: String
        switch reason {
        case let .absent(period): why = "no observation in \(period)"
        case let .missingQuantity(period): why = "no quantity in \(period)"
        case let .nonPositive(period): why = "value or quantity not positive in \(period)"
        case let .unitChanged(from, to): why = "quantity unit changed from \(from) to \(to)"
        }
        return "code \(code) left out of \(from)→\(to): \(why)"
    }
}
