import TradeDomain

/// An annual cap on a flow, on value, on quantity, or on both with
/// "whichever is reached first" (lesser-of) semantics, and a stop share at
/// which shipments halt (China stopped imports at 95% of the UNSCR 2321 coal cap).
///
/// ```
/// utilisation = max(cumulative value / value cap, cumulative quantity / quantity cap)
/// permitted   = utilisation < stopShare
/// ```
/// Reference: UNSCR 2321 (2016), para. 26(b): DPRK coal exports per calendar
/// year not to exceed USD 400,870,018 or 7,500,000 metric tons, whichever is lower;
/// MOFCOM/GAC Announcement No. 81 of 2016 (stop at 95%).
public struct CapRule: Hashable, Codable, Sendable {
    /// The cap on value in USD per cap year; nil = no value cap.
    public let valueCap: Double?
    /// The cap on quantity per cap year; nil = no quantity cap.
    public let quantityCap: Quantity?
    /// The utilisation share at which shipments stop (1 = at the cap).
    public let stopShare: Double

    /// - Throws: `ScenarioError.invalidCap` when neither cap is given, a cap is not
    ///   positive, or `stopShare` is outside (0, 1].
    public init(valueCap: Double?, quantityCap: Quantity?, stopShare: Double = 1) throws(ScenarioError) {
        guard valueCap != nil || quantityCap != nil else { throw .invalidCap("a cap needs a value limit, a quantity limit or both") }
        if let valueCap, !(valueCap > 0 && valueCap.isFinite) { throw .invalidCap("value cap \(valueCap) is not positive") }
        if let quantityCap, !(quantityCap.amount > 0 && quantityCap.amount.isFinite) { throw .invalidCap("quantity cap \(quantityCap.amount) is not positive") }
        guard stopShare > 0 && stopShare <= 1 else { throw .invalidCap("stop share \(stopShare) is outside (0, 1]") }
        self.valueCap = valueCap
        self.quantityCap = quantityCap
        self.stopShare = stopShare
    }

    /// The cap of a sanction measure, if it has one, with a stop share.
    public init?(measure: SanctionMeasure, stopShare: Double = 1) {
        guard let cap = measure.cap, let rule = try? CapRule(valueCap: cap.valueUSD, quantityCap: cap.quantity, stopShare: stopShare) else {
            return nil
        }
        self = rule
    }

    /// The utilisation of the cap by cumulative flows: the larger of the value
    /// share and the quantity share (the binding limit).
    ///
    /// - Parameters:
    ///   - value: Cumulative value in USD since the start of the cap year (nil = unknown).
    ///   - quantity: Cumulative quantity (nil = unknown); converted to the cap's unit.
    /// - Returns: The utilisation share and which limit binds, or nil when no
    ///   limit can be evaluated from what is known.
    /// - Throws: `ScenarioError.incompatibleUnit` when the quantity cannot be converted.
    public func utilisation(value: Double?, quantity: Quantity?) throws(ScenarioError) -> CapUtilisation? {
        // The arithmetic lives in TradeDomain (`SanctionCap.utilisation`) so that TrendAnalysis can use it.
        let cap = SanctionCap(valueUSD: valueCap, quantity: quantityCap, periodDescription: nil)
        do {
            return try cap.utilisation(value: value, quantity: quantity, stopShare: stopShare)
        } catch {
            let unit = quantity.map { $0.unit.abbreviation } ?? "?"
            throw .incompatibleUnit("quantity in \(unit) cannot be compared with a cap in \(quantityCap?.unit.abbreviation ?? "?")")
        }
    }
}
