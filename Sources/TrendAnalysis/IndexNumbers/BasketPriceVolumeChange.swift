import Foundation
import TradeDomain

/// The change of a basket's value between two periods split additively into a
/// price effect and a volume effect, code by code, with parts that sum to the total.
///
/// Each matched code `i` is split by the log-mean Divisia rule of
/// ``PriceVolumeChange`` (LMDI-I), and the basket's effects are the sums:
/// ```
/// ΔV = Σᵢ (Vᵢₜ − Vᵢₛ) = Σᵢ L(Vᵢₜ, Vᵢₛ) ln(pᵢₜ/pᵢₛ) + Σᵢ L(Vᵢₜ, Vᵢₛ) ln(qᵢₜ/qᵢₛ)
///    = price effect + volume effect,     L(a, b) = (a − b) / (ln a − ln b)
/// ```
/// Why LMDI-I rather than Bennet (½(qₛ + qₜ)Δp + ½(pₛ + pₜ)Δq, also exact):
/// the single-code split the report already prints is LMDI, so a basket of one
/// code reproduces it; LMDI-I is exact per code and therefore consistent in
/// aggregation (the basket's effects are the sums of its codes'), and it is
/// the method Ang (2004) recommends. The price effect is the within-code unit
/// value change; a shift of the mix between codes counts as volume.
/// The multiplicative companion is Fisher's: value ratio = P_F · Q_F (``IndexLink``).
///
/// Codes that cannot be compared (see ``BasketExclusion``) are outside the split;
/// their values are not part of ``valueFrom``/``valueTo``.
///
/// Reference: B. W. Ang (2004), Energy Policy 32, 1131-1139; B. W. Ang (2015),
/// "LMDI decomposition approach: a guide for implementation", Energy Policy 86, 233-238.
public struct BasketPriceVolumeChange: Hashable, Codable, Sendable {
    /// The earlier period.
    public let from: Period
    /// The later period.
    public let to: Period
    /// The split of each matched code, in code order.
    public let contributions: [CodeContribution]
    /// Σ matched values in `from` (USD).
    public let valueFrom: Double
    /// Σ matched values in `to` (USD).
    public let valueTo: Double
    /// Σ of the codes' price effects (USD).
    public let priceEffect: Double
    /// Σ of the codes' volume effects (USD).
    public let volumeEffect: Double

    /// One code's part of the basket's change.
    public struct CodeContribution: Hashable, Codable, Sendable {
        /// The code.
        public let code: String
        /// Its value change split into price and volume effects.
        public let change: PriceVolumeChange

        /// - Parameters:
        ///   - code: The code.
        ///   - change: Its split.
        public init(code: String, change: PriceVolumeChange) {
            self.code = code
            self.change = change
        }
    }

    /// Splits the change of matched codes.
    ///
    /// - Parameters:
    ///   - from: The earlier period.
    ///   - to: The later period.
    ///   - pairs: For each matched code, its (value, quantity) in `from` and in `to`,
    ///     all positive and in one unit per code.
    /// - Throws: `AnalysisError.nonPositive` if a figure is not positive.
    public init(from: Period, to: Period,
                pairs: [(code: String, valueFrom: Double, quantityFrom: Double, valueTo: Double, quantityTo: Double)]) throws(AnalysisError) {
        var contributions: [CodeContribution] = []
        for pair in pairs.sorted(by: { $0.code < $1.code }) {
            let change = try PriceVolumeChange(from: from, value: pair.valueFrom, quantity: pair.quantityFrom,
                                               to: to, value: pair.valueTo, quantity: pair.quantityTo)
            contributions.append(CodeContribution(code: pair.code, change: change))
        }
        self.from = from
        self.to = to
        self.contributions = contributions
        valueFrom = contributions.reduce(0) { $0 + $1.change.valueFrom }
        valueTo = contributions.reduce(0) { $0 + $1.change.valueTo }
        priceEffect = contributions.reduce(0) { $0 + $1.change.priceEffect }
        volumeEffect = contributions.reduce(0) { $0 + $1.change.volumeEffect }
    }

    /// `valueTo − valueFrom` (USD); equals `priceEffect + volumeEffect` up to rounding.
    public var valueChange: Double { valueTo - valueFrom }
    /// The price effect as a share of ``valueFrom``.
    public var priceEffectShare: Double { priceEffect / valueFrom }
    /// The volume effect as a share of ``valueFrom``.
    public var volumeEffectShare: Double { volumeEffect / valueFrom }
}
