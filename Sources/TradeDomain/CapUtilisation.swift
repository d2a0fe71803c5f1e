/// How much of a cap cumulative flows have used: the share of each limit and the binding one.
///
/// ```
/// valueShare    = cumulative value / value cap
/// quantityShare = cumulative quantity (in the cap's unit) / quantity cap
/// share         = max(valueShare, quantityShare)      (lesser-of caps: whichever is reached first)
/// ```
public struct CapUtilisation: Hashable, Codable, Sendable {
    /// A cap's limits.
    public enum Limit: String, Codable, Sendable { case value, quantity }
    /// Cumulative flow as a share of the binding limit (1 = at the cap).
    public let share: Double
    /// The limit with the larger share.
    public let bindingLimit: Limit
    /// Whether the share has reached the stop share.
    public let stopped: Bool
    /// The share of the value cap, when both the cap and the value are known.
    public let valueShare: Double?
    /// The share of the quantity cap, when both the cap and the quantity are known.
    public let quantityShare: Double?

    /// A utilisation.
    ///
    /// - Parameters:
    ///   - share: The binding share.
    ///   - bindingLimit: Which limit binds.
    ///   - stopped: Whether the stop share is reached.
    ///   - valueShare: The value share, or `nil`.
    ///   - quantityShare: The quantity share, or `nil`.
    public init(share: Double, bindingLimit: Limit, stopped: Bool, valueShare: Double? = nil, quantityShare: Double? = nil) {
        self.share = share
        self.bindingLimit = bindingLimit
        self.stopped = stopped
        self.valueShare = valueShare
        self.quantityShare = quantityShare
    }
}
