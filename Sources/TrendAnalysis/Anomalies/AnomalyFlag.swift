import TradeDomain

/// What kind of anomaly a flag is.
public enum AnomalyKind: String, Sendable, Equatable, Codable {
    /// One period off the model (a residual, or a structural model's irregular auxiliary residual).
    case outlier
    /// A lasting move of the level (a structural model's level auxiliary residual).
    case levelShift = "level_shift"
}

/// An observation flagged as anomalous, with the nearest relevant sanction event.
public struct AnomalyFlag: Sendable, Equatable, Codable {
    /// The period.
    public let period: Period
    /// The observed value.
    public let observed: Double
    /// The value expected from the model (trend plus seasonal): observed − residual.
    public let expected: Double
    /// The score: the robust z-score, or the ESD statistic Rᵢ.
    public let score: Double
    /// The threshold the score exceeded (the z threshold, or λᵢ).
    public let threshold: Double
    /// The nearest event that covers the series and binds its reporter, if any.
    public let nearestSanction: SanctionReference?
    /// Periods from the event's period to this one (positive: after the event); `nil` without an event.
    public let offsetFromSanction: Int?
    /// An outlier or a level shift.
    public let kind: AnomalyKind

    init(period: Period, observed: Double, expected: Double, score: Double, threshold: Double,
         nearestSanction: SanctionReference?, offsetFromSanction: Int?, kind: AnomalyKind = .outlier) {
        self.period = period
        self.observed = observed
        self.expected = expected
        self.score = score
        self.threshold = threshold
        self.nearestSanction = nearestSanction
        self.offsetFromSanction = offsetFromSanction
        self.kind = kind
    }
}
