/// Which measure a figure gives.
public enum TradeMeasure: String, Codable, Sendable, CaseIterable {
    case value = "value_usd"
    case quantity
}

/// A figure that was not used because a preferred source gave the same measure
/// for the same period, code and flow. Conflicting figures are kept, never dropped.
public struct AlternativeFigure: Hashable, Codable, Sendable {
    public let measure: TradeMeasure
    public let commodity: CommodityCode
    public let amount: Double
    /// The quantity unit (nil for values in USD).
    public let unit: QuantityUnit?
    public let sourceID: String

    public init(measure: TradeMeasure, commodity: CommodityCode, amount: Double, unit: QuantityUnit?, sourceID: String) {
        self.measure = measure
        self.commodity = commodity
        self.amount = amount
        self.unit = unit
        self.sourceID = sourceID
    }
}

/// One period of a quantity/value/unit-price series.
///
/// Value and quantity are separate measures: each may be missing on its own.
/// A unit price exists only where both exist in one quantity unit, computed as
/// `Σ value / Σ quantity` over the codes that carry both (never a mean of ratios).
public struct TradeSeriesPoint: Hashable, Codable, Sendable {
    public let period: Period
    /// Total value in USD over the codes that report a value; nil when none does.
    public let value: MonetaryAmount?
    /// Total quantity over the codes that report one, in the series' unit.
    public let quantity: Quantity?
    /// Σ value / Σ quantity over the codes that report both.
    public let unitPrice: UnitPrice?
    /// Share of `value` from codes with no usable quantity (missing or suspect); nil without a value.
    public let missingQuantityShare: Double?
    /// Share of `value` from codes whose quantity is a zero against a positive value.
    public let suspectQuantityShare: Double?
    /// Share of `value` from codes whose quantity is flagged as estimated.
    public let estimatedQuantityShare: Double?
    /// The sources of the values used.
    public let valueSources: [String]
    /// The sources of the quantities used.
    public let quantitySources: [String]
    /// Figures for the same measure from less preferred sources.
    public let alternatives: [AlternativeFigure]
    /// The commodity codes summed (one element when the selection's own code is reported).
    public let codes: [CommodityCode]

    public init(
        period: Period, value: MonetaryAmount?, quantity: Quantity?, unitPrice: UnitPrice?,
        missingQuantityShare: Double?, suspectQuantityShare: Double?, estimatedQuantityShare: Double?,
        valueSources: [String], quantitySources: [String], alternatives: [AlternativeFigure], codes: [CommodityCode]
    ) {
        self.period = period
        self.value = value
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.missingQuantityShare = missingQuantityShare
        self.suspectQuantityShare = suspectQuantityShare
        self.estimatedQuantityShare = estimatedQuantityShare
        self.valueSources = valueSources
        self.quantitySources = quantitySources
        self.alternatives = alternatives
        self.codes = codes
    }

    /// All source ids behind the figures used, in order, without repeats.
    public var sourceIDs: [String] {
        var seen: Set<String> = []
        return (valueSources + quantitySources).filter { seen.insert($0).inserted }
    }

    /// Whether value and quantity of this period come from different sources.
    public var mixesSources: Bool {
        value != nil && quantity != nil && Set(valueSources) != Set(quantitySources)
    }
}

/// The quantity, value and unit-price series of one selection.
public struct TradeSeries: Hashable, Codable, Sendable {
    public let selection: TradeSelection
    /// The quantity unit of every quantity and unit price (nil when no quantity exists).
    public let quantityUnit: QuantityUnit?
    /// One point per period from the first to the last observation; periods
    /// with no figure at all have both measures missing.
    public let points: [TradeSeriesPoint]

    public init(selection: TradeSelection, quantityUnit: QuantityUnit?, points: [TradeSeriesPoint]) {
        self.selection = selection
        self.quantityUnit = quantityUnit
        self.points = points
    }

    /// The value series in USD, missing where no value exists.
    public var valueSeries: TimeSeries<Double>? { series { $0.value?.amount } }
    /// The quantity series in `quantityUnit`, missing where no quantity exists.
    public var quantitySeries: TimeSeries<Double>? { series { $0.quantity?.amount } }
    /// The unit-price series in USD per `quantityUnit`.
    public var unitPriceSeries: TimeSeries<Double>? { series { $0.unitPrice?.amount } }

    private func series(_ measure: (TradeSeriesPoint) -> Double?) -> TimeSeries<Double>? {
        guard let first = points.first else { return nil }
        return TimeSeries(start: first.period, values: points.map(measure))
    }
}
