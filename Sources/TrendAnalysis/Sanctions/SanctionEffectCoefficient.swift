import TradeDomain

/// One treatment coefficient of a sanction-effect regression: the
/// difference-in-differences estimate, or an event-study coefficient of one period.
public struct SanctionEffectCoefficient: Hashable, Codable, Sendable {
    /// The term: `did`, or `event[PERIOD]`.
    public let name: String
    /// The period of an event-study coefficient; `nil` for the pooled estimate.
    public let period: Period?
    /// Periods from the event period (0 = first period under the measures); `nil` for the pooled estimate.
    public let periodsFromEvent: Int?
    /// The estimate (a difference of log values, or USD for a level outcome).
    public let estimate: Double
    /// Its standard error under the chosen covariance.
    public let standardError: Double
    /// `estimate / standardError`.
    public let statistic: Double
    /// Two-sided p-value (Student's t for classical, normal for clustered).
    public let pValue: Double
    /// Lower bound of the 95% confidence interval.
    public let lower95: Double
    /// Upper bound of the 95% confidence interval.
    public let upper95: Double

    /// - Parameters:
    ///   - name: The term.
    ///   - period: The period of an event-study term.
    ///   - periodsFromEvent: Its distance from the event period.
    ///   - estimate: The estimate.
    ///   - standardError: Its standard error.
    ///   - statistic: The t or z statistic.
    ///   - pValue: The two-sided p-value.
    ///   - lower95: The lower 95% bound.
    ///   - upper95: The upper 95% bound.
    public init(name: String, period: Period?, periodsFromEvent: Int?, estimate: Double, standardError: Double,
                statistic: Double, pValue: Double, lower95: Double, upper95: Double) {
        self.name = name
        self.period = period
        self.periodsFromEvent = periodsFromEvent
        self.estimate = estimate
        self.standardError = standardError
        self.statistic = statistic
        self.pValue = pValue
        self.lower95 = lower95
        self.upper95 = upper95
    }
}
