import Foundation
import TradeDomain

/// One bilateral comparison of a basket between a base period `s` and a current
/// period `t`: the four price and quantity indices of ``IndexFormula`` over the
/// codes matched in both periods, the codes left out, and the additive
/// price/volume split of the value change.
///
/// A code is matched when it has a positive value and a positive quantity in
/// both periods, in the same unit; every other code is listed in ``exclusions``.
/// With no matched code the indices are `nil`.
public struct IndexLink: Hashable, Codable, Sendable {
    /// The base period of the comparison.
    public let from: Period
    /// The current period.
    public let to: Period
    /// The matched codes, in order.
    public let codes: [String]
    /// The codes left out, and why.
    public let exclusions: [BasketExclusion]
    /// Laspeyres, Paasche, Fisher and Törnqvist price indices; `nil` without matched codes.
    public let laspeyresPrice: Double?, paaschePrice: Double?, fisherPrice: Double?, tornqvistPrice: Double?
    /// Laspeyres, Paasche, Fisher and Törnqvist quantity indices; `nil` without matched codes.
    public let laspeyresQuantity: Double?, paascheQuantity: Double?, fisherQuantity: Double?, tornqvistQuantity: Double?
    /// `Σ pₜ qₜ / Σ pₛ qₛ` over the matched codes; `nil` without matched codes.
    public let valueRatio: Double?
    /// The additive split of the matched codes' value change; `nil` without matched codes.
    public let decomposition: BasketPriceVolumeChange?

    /// Compares two periods of a basket.
    ///
    /// - Parameters:
    ///   - from: The base period `s`.
    ///   - to: The current period `t`.
    ///   - base: The observations of period `s`, at most one per code.
    ///   - current: The observations of period `t`, at most one per code.
    ///   - codes: All codes of the basket (those absent from a period are reported as excluded).
    /// - Throws: `AnalysisError.nonPositive` only on a figure that escaped the matching (not expected).
    public init(from: Period, to: Period, base: [String: BasketObservation], current: [String: BasketObservation], codes: [String]) throws(AnalysisError) {
        var exclusions: [BasketExclusion] = []
        var pairs: [(code: String, valueFrom: Double, quantityFrom: Double, valueTo: Double, quantityTo: Double)] = []
        for code in codes.sorted() {
            func exclude(_ reason: BasketExclusion.Reason) { exclusions.append(BasketExclusion(code: code, from: from, to: to, reason: reason)) }
            guard let s = base[code] else { exclude(.absent(period: from)); continue }
            guard let t = current[code] else { exclude(.absent(period: to)); continue }
            guard let qs = s.quantity else { exclude(.missingQuantity(period: from)); continue }
            guard let qt = t.quantity else { exclude(.missingQuantity(period: to)); continue }
            guard s.unit == t.unit else {
                exclude(.unitChanged(from: s.unit?.abbreviation ?? "unstated", to: t.unit?.abbreviation ?? "unstated")); continue
            }
            guard s.value > 0, qs > 0, s.value.isFinite, qs.isFinite else { exclude(.nonPositive(period: from)); continue }
            guard t.value > 0, qt > 0, t.value.isFinite, qt.isFinite else { exclude(.nonPositive(period: to)); continue }
            pairs.append((code, s.value, qs, t.value, qt))
        }
        self.from = from
        self.to = to
        self.codes = pairs.map(\.code)
        self.exclusions = exclusions
        guard !pairs.isEmpty else {
            (laspeyresPrice, paaschePrice, fisherPrice, tornqvistPrice) = (nil, nil, nil, nil)
            (laspeyresQuantity, paascheQuantity, fisherQuantity, tornqvistQuantity) = (nil, nil, nil, nil)
            valueRatio = nil
            decomposition = nil
            return
        }
        // Sums of p·q products; pₜ qₛ = Vₜ qₛ / qₜ and pₛ qₜ = Vₛ qₜ / qₛ.
        var vs = 0.0, vt = 0.0, ptqs = 0.0, psqt = 0.0
        for pair in pairs {
            vs += pair.valueFrom
            vt += pair.valueTo
            ptqs += pair.valueTo * (pair.quantityFrom / pair.quantityTo)
            psqt += pair.valueFrom * (pair.quantityTo / pair.quantityFrom)
        }
        var logPrice = 0.0, logQuantity = 0.0
        for pair in pairs {
            let weight = 0.5 * (pair.valueFrom / vs + pair.valueTo / vt)
            logPrice += weight * log((pair.valueTo / pair.quantityTo) / (pair.valueFrom / pair.quantityFrom))
            logQuantity += weight * log(pair.quantityTo / pair.quantityFrom)
        }
        let lp = ptqs / vs, pp = vt / psqt, lq = psqt / vs, pq = vt / ptqs
        laspeyresPrice = lp
        paaschePrice = pp
        fisherPrice = (lp * pp).squareRoot()
        tornqvistPrice = exp(logPrice)
        laspeyresQuantity = lq
        paascheQuantity = pq
        fisherQuantity = (lq * pq).squareRoot()
        tornqvistQuantity = exp(logQuantity)
        valueRatio = vt / vs
        decomposition = try BasketPriceVolumeChange(from: from, to: to, pairs: pairs)
    }

    /// The price index of one formula.
    ///
    /// - Parameter formula: The formula.
    /// - Returns: Its price index, or `nil` without matched codes.
    public func priceIndex(_ formula: IndexFormula) -> Double? {
        switch formula {
        case .laspeyres: return laspeyresPrice
        case .paasche: return paaschePrice
        case .fisher: return fisherPrice
        case .tornqvist: return tornqvistPrice
        }
    }

    /// The quantity index of one formula.
    ///
    /// - Parameter formula: The formula.
    /// - Returns: Its quantity index, or `nil` without matched codes.
    public func quantityIndex(_ formula: IndexFormula) -> Double? {
        switch formula {
        case .laspeyres: return laspeyresQuantity
        case .paasche: return paascheQuantity
        case .fisher: return fisherQuantity
        case .tornqvist: return tornqvistQuantity
        }
    }
}
