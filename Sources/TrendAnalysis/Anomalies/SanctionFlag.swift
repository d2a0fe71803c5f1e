import TradeDomain

/// A sanction-specific observation about a trade series (see ``SanctionScreen``).
public struct SanctionFlag: Sendable, Equatable, Codable {
    /// What was found.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// A non-zero value or quantity in a period wholly after a ban's effective date plus grace.
        case flowAfterBan
        /// The mean value in a window before a ban exceeds the preceding window's by the surge ratio.
        case preBanSurge
        /// The log change in unit price exceeds the threshold: value and quantity moved apart.
        case unitPriceDivergence
        /// The cumulative value and quantity of a cap year against both limits of a cap.
        case capUtilisation
    }

    /// The kind.
    public let kind: Kind
    /// The period flagged (for a surge, the last period before the event; for a cap, the last period of the year).
    public let period: Period
    /// The event concerned (for divergence, the nearest relevant event), if any.
    public let sanction: SanctionReference?
    /// Periods from the event's period to `period` (positive: after), if there is an event.
    public let offsetFromSanction: Int?
    /// The figure flagged: the value in USD (flow after ban), the window mean (surge),
    /// the log unit-price change (divergence), or the binding cap share (cap).
    public let observed: Double
    /// What it is compared with: 0 (flow after ban), the baseline mean (surge), the threshold
    /// (divergence), or the stop share (cap).
    public let reference: Double
    /// The cap shares of both limits, for ``Kind/capUtilisation``.
    public let capUtilisation: CapUtilisation?
    /// A sentence describing the flag.
    public let note: String
}
