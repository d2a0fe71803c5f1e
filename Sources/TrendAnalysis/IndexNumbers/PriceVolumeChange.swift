import Foundation
import TradeDomain

/// The change of value between two periods split into a price (unit-value)
/// effect and a volume (quantity) effect.
///
/// With value `V = P · Q` (unit price times quantity) the log change splits exactly,
/// `ln(V₁/V₀) = ln(P₁/P₀) + ln(Q₁/Q₀)`, and multiplying by the logarithmic mean
/// `L(V₁, V₀) = (V₁ − V₀) / (ln V₁ − ln V₀)` (and `L = V₀` when `V₁ = V₀`) gives an
/// additive split of the change in dollars:
/// ```
/// V₁ − V₀ = L · ln(P₁/P₀) + L · ln(Q₁/Q₀)
///         = price effect    + volume effect
/// ```
/// This is the log-mean Divisia (LMDI-I, Ang 2004; Montgomery 1937) decomposition
/// for one commodity. Effects are also given as a share of `V₀`, so that
/// "value −2.8% = price effect −26.4% + volume effect +23.6%" adds up exactly.
///
/// Reference: B. W. Ang (2004), "Decomposition analysis for policymaking in
/// energy: which is the preferred method?", Energy Policy 32, 1131-1139.
public struct PriceVolumeChange: Hashable, Codable, Sendable {
    public let from: Period
    public let to: Period
    public let valueFrom: Double
    public let valueTo: Double
    public let quantityFrom: Double
    public let quantityTo: Double
    /// `valueTo / valueFrom − 1`.
    public let valueChange: Double
    /// `quantityTo / quantityFrom − 1`.
    public let quantityChange: Double
    /// `(valueTo/quantityTo) / (valueFrom/quantityFrom) − 1`.
    public let unitPriceChange: Double
    /// The price effect in USD (`L · ln(P₁/P₀)`).
    public let priceEffect: Double
    /// The volume effect in USD (`L · ln(Q₁/Q₀)`).
    public let volumeEffect: Double

    /// Decomposes the change between two (value, quantity) pairs.
    ///
    /// - Parameters:
    ///   - from: The earlier period and its value (USD) and quantity.
    ///   - to: The later period and its value and quantity (same quantity unit).
    /// - Throws: `AnalysisError.nonPositive` if a value or quantity is not positive
    ///   (logarithms need positive figures).
    public init(from: Period, value valueFrom: Double, quantity quantityFrom: Double,
                to: Period, value valueTo: Double, quantity quantityTo: Double) throws(AnalysisError) {
        for (name, figure) in [("value", valueFrom), ("quantity", quantityFrom), ("value", valueTo), ("quantity", quantityTo)]
        where !(figure > 0 && figure.isFinite) {
            throw .nonPositive(what: name, value: figure)
        }
        self.from = from
        self.to = to
        self.valueFrom = valueFrom
        self.valueTo = valueTo
        self.quantityFrom = quantityFrom
        self.quantityTo = quantityTo
        valueChange = valueTo / valueFrom - 1
        quantityChange = quantityTo / quantityFrom - 1
        unitPriceChange = (valueTo / quantityTo) / (valueFrom / quantityFrom) - 1
        let logValue = log(valueTo / valueFrom)
        let logMean = logValue == 0 ? valueFrom : (valueTo - valueFrom) / logValue
        // ln P change computed from the ratio of ratios, so that the two effects
        // sum to V₁ − V₀ up to rounding.
        priceEffect = logMean * log((valueTo / quantityTo) / (valueFrom / quantityFrom))
        volumeEffect = logMean * log(quantityTo / quantityFrom)
    }

    /// The price effect as a share of the earlier value.
    public var priceEffectShare: Double { priceEffect / valueFrom }
    /// The volume effect as a share of the earlier value.
    public var volumeEffectShare: Double { volumeEffect / valueFrom }

    /// The decompositions between adjacent periods of a trade series that are
    /// both usable: a positive value, a positive quantity and no value lacking a
    /// quantity. Pairs across a gap are not formed.
    public static func consecutive(_ series: TradeSeries) -> [PriceVolumeChange] {
        let usable: [(Period, Double, Double)] = series.points.compactMap { point in
            guard let value = point.value?.amount, let quantity = point.quantity?.amount, value > 0, quantity > 0,
                  point.unitPrice != nil, point.missingQuantityShare == 0 else { return nil }
            return (point.period, value, quantity)
        }
        return zip(usable, usable.dropFirst()).compactMap { earlier, later in
            guard earlier.0.distance(to: later.0) == 1 else { return nil }
            return try? PriceVolumeChange(from: earlier.0, value: earlier.1, quantity: earlier.2, to: later.0, value: later.1, quantity: later.2)
        }
    }
}
