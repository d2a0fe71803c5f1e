/// The currency of a trade value. UN Comtrade reports values in current US dollars.
public enum Currency: String, Codable, Sendable, CaseIterable {
    /// United States dollars (current, not deflated).
    case usd = "USD"
}
