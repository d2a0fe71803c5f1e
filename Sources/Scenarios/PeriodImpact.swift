import TradeDomain

/// One commodity in one period: actual flows, the no-sanction baseline, the scenario's
/// counterfactual, the real calendar's counterfactual, and what the scenario forgoes.
///
/// `nil` means "could not be computed" (a missing observation, or a baseline that could not be
/// fitted); it never stands for zero.
public struct PeriodImpact: Hashable, Codable, Sendable {
    public let period: Period
    /// The share of the baseline flow the scenario's measures retain (1 = untouched).
    public let retainedShare: Double
    /// The share the real calendar's measures retain.
    public let realRetainedShare: Double
    /// Observed value (USD) and quantity.
    public let actualValue: Double?
    public let actualQuantity: Double?
    /// The no-sanction baseline forecast.
    public let baselineValue: Estimate?
    public let baselineQuantity: Estimate?
    /// Baseline × the scenario's retained share.
    public let counterfactualValue: Estimate?
    public let counterfactualQuantity: Estimate?
    /// Baseline × the real calendar's retained share (point values).
    public let realCalendarValue: Double?
    public let realCalendarQuantity: Double?
    /// Baseline − counterfactual.
    public let forgoneValue: Estimate?
    public let forgoneQuantity: Estimate?
    /// Counterfactual value ÷ counterfactual quantity (USD per quantity unit).
    public let impliedUnitPrice: Double?

    /// A period's figures.
    ///
    /// - Parameters: One per property.
    public init(period: Period, retainedShare: Double, realRetainedShare: Double, actualValue: Double?, actualQuantity: Double?,
                baselineValue: Estimate?, baselineQuantity: Estimate?, counterfactualValue: Estimate?,
                counterfactualQuantity: Estimate?, realCalendarValue: Double?, realCalendarQuantity: Double?,
                forgoneValue: Estimate?, forgoneQuantity: Estimate?, impliedUnitPrice: Double?) {
        self.period = period
        self.retainedShare = retainedShare
        self.realRetainedShare = realRetainedShare
        self.actualValue = actualValue
        self.actualQuantity = actualQuantity
        self.baselineValue = baselineValue
        self.baselineQuantity = baselineQuantity
        self.counterfactualValue = counterfactualValue
        self.counterfactualQuantity = counterfactualQuantity
        self.realCalendarValue = realCalendarValue
        self.realCalendarQuantity = realCalendarQuantity
        self.forgoneValue = forgoneValue
        self.forgoneQuantity = forgoneQuantity
        self.impliedUnitPrice = impliedUnitPrice
    }
}
