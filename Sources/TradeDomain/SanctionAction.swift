/// What a sanction measure does to the goods it covers.
public enum SanctionAction: String, Codable, Sendable, CaseIterable {
    /// Trade prohibited.
    case ban
    /// Trade limited to a value or quantity ceiling (``SanctionCap``).
    case cap
    /// An earlier measure suspended until it expires.
    case suspension
}
