import TradeDomain

/// The estimated effect of sanctions on the sanctioned goods (the result of
/// ``SanctionEffectSpecification/fit(_:)``): a pooled difference-in-differences
/// estimate and event-study coefficients by period, with the data they rest on.
public struct SanctionEffect: Hashable, Codable, Sendable {
    /// An observation left out of the regression, and why.
    public struct Exclusion: Hashable, Codable, Sendable {
        /// The period.
        public let period: Period
        /// The code.
        public let code: String
        /// Why it was left out.
        public let reason: String

        /// - Parameters:
        ///   - period: The period.
        ///   - code: The code.
        ///   - reason: Why it was left out.
        public init(period: Period, code: String, reason: String) {
            self.period = period
            self.code = code
            self.reason = reason
        }
    }

    /// The specification that was fitted.
    public let specification: SanctionEffectSpecification
    /// The treated (sanctioned) codes present in the data.
    public let treatedCodes: [String]
    /// The control codes present in the data.
    public let controlCodes: [String]
    /// The periods of the panel, in order.
    public let periods: [Period]
    /// The reference period of the event study (its coefficient is 0 by construction).
    public let referencePeriod: Period
    /// The observations used (n).
    public let observationCount: Int
    /// The number of regressors of the event-study model (p).
    public let eventStudyParameterCount: Int
    /// Observations left out (for example a zero value under a log outcome).
    public let exclusions: [Exclusion]
    /// The pooled difference-in-differences estimate (`treated × post`).
    public let differenceInDifferences: SanctionEffectCoefficient
    /// The event-study coefficients (`treated × 1{period = k}`), one per period except the reference.
    public let eventStudy: [SanctionEffectCoefficient]

    /// Creates a result; normally made by ``SanctionEffectSpecification/fit(_:)``.
    ///
    /// - Parameters:
    ///   - specification: The specification.
    ///   - treatedCodes: Treated codes present.
    ///   - controlCodes: Control codes present.
    ///   - periods: The panel's periods.
    ///   - referencePeriod: The event study's reference period.
    ///   - observationCount: n.
    ///   - eventStudyParameterCount: p of the event-study model.
    ///   - exclusions: Observations left out.
    ///   - differenceInDifferences: The pooled estimate.
    ///   - eventStudy: The event-study coefficients.
    public init(specification: SanctionEffectSpecification, treatedCodes: [String], controlCodes: [String], periods: [Period],
                referencePeriod: Period, observationCount: Int, eventStudyParameterCount: Int, exclusions: [Exclusion],
                differenceInDifferences: SanctionEffectCoefficient, eventStudy: [SanctionEffectCoefficient]) {
        self.specification = specification
        self.treatedCodes = treatedCodes
        self.controlCodes = controlCodes
        self.periods = periods
        self.referencePeriod = referencePeriod
        self.observationCount = observationCount
        self.eventStudyParameterCount = eventStudyParameterCount
        self.exclusions = exclusions
        self.differenceInDifferences = differenceInDifferences
        self.eventStudy = eventStudy
    }
}
