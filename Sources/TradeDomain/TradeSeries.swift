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
    /// For a figure summed from shorter periods (an annual or quarterly figure no source reports as
    /// such, from its months or quarters): which of them had figures; `nil` for a reported figure.
    public let subperiods: SubperiodCoverage?

    public init(
        period: Period, value: MonetaryAmount?, quantity: Quantity?, unitPrice: UnitPrice?,
        missingQuantityShare: Double?, suspectQuantityShare: Double?, estimatedQuantityShare: Double?,
        valueSources: [String], quantitySources: [String], alternatives: [AlternativeFigure], codes: [CommodityCode],
        subperiods: SubperiodCoverage? = nil
    ) {
        self.subperiods = subperiods
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
    /// with no figure at all have both measures missing. Only figures that are the whole period
    /// (reported, or summed from every month): what analyses use.
    public let points: [TradeSeriesPoint]
    /// Periods no source reports, summed from only some of their months or quarters: shown by every
    /// output beside the points, analysed only when asked (``valueSeries(allowingPartial:)``).
    public let partialSums: [TradeSeriesPoint]

    public init(selection: TradeSelection, quantityUnit: QuantityUnit?, points: [TradeSeriesPoint], partialSums: [TradeSeriesPoint] = []) {
        self.selection = selection
        self.quantityUnit = quantityUnit
        self.points = points
        self.partialSums = partialSums
    }

    /// The points and the partial sums in period order, with empty points for the periods between.
    public var allPoints: [TradeSeriesPoint] {
        guard !partialSums.isEmpty else { return points }
        var byPeriod = Dictionary((points + partialSums).map { ($0.period, $0) }, uniquingKeysWith: { first, _ in first })
        for point in points where point.value != nil || point.quantity != nil { byPeriod[point.period] = point }
        let periods = byPeriod.keys.sorted()
        guard let first = periods.first, let last = periods.last else { return points }
        return Period.range(first, through: last).map { period in
            byPeriod[period] ?? TradeSeriesPoint(period: period, value: nil, quantity: nil, unitPrice: nil, missingQuantityShare: nil,
                                                  suspectQuantityShare: nil, estimatedQuantityShare: nil, valueSources: [], quantitySources: [],
                                                  alternatives: [], codes: [])
        }
    }

    /// The value series in USD, missing where no value exists; partial sums of shorter periods left out.
    public var valueSeries: TimeSeries<Double>? { valueSeries(allowingPartial: false) }
    /// The quantity series in `quantityUnit`, missing where no quantity exists; partial sums left out.
    public var quantitySeries: TimeSeries<Double>? { quantitySeries(allowingPartial: false) }
    /// The unit-price series in USD per `quantityUnit`; partial sums left out.
    public var unitPriceSeries: TimeSeries<Double>? { unitPriceSeries(allowingPartial: false) }

    /// The value series; with `allowingPartial`, periods summed from some of their months or quarters count too.
    public func valueSeries(allowingPartial: Bool) -> TimeSeries<Double>? { series(allowingPartial) { $0.value?.amount } }
    /// The quantity series; with `allowingPartial`, partial sums count too.
    public func quantitySeries(allowingPartial: Bool) -> TimeSeries<Double>? { series(allowingPartial) { $0.quantity?.amount } }
    /// The unit-price series; with `allowingPartial`, partial sums count too.
    public func unitPriceSeries(allowingPartial: Bool) -> TimeSeries<Double>? { series(allowingPartial) { $0.unitPrice?.amount } }

    /// A measure's series over the points, or with `allowingPartial` over the points and partial sums.
    private func series(_ allowingPartial: Bool, _ measure: (TradeSeriesPoint) -> Double?) -> TimeSeries<Double>? {
        let chosen = allowingPartial ? allPoints : points
        guard let first = chosen.first else { return nil }
        return TimeSeries(start: first.period, values: chosen.map(measure))
    }
}

/// Which shorter periods an aggregated figure was summed from: an annual figure from 12 months (or
/// 4 quarters), a quarterly one from 3 months.
public struct SubperiodCoverage: Hashable, Codable, Sendable {
    /// The frequency of the periods summed.
    public let frequency: Frequency
    /// The sub-periods with a figure.
    public let present: [Period]
    /// How many sub-periods the period has.
    public let expected: Int

    /// A coverage.
    public init(frequency: Frequency, present: [Period], expected: Int) {
        self.frequency = frequency
        self.present = present
        self.expected = expected
    }

    /// Whether every sub-period had a figure (the sum is the whole period).
    public var isComplete: Bool { present.count == expected }

    /// "sum of 12 months" or "partial: 2 of 12 months (2017-01, 2017-02)".
    public var summary: String {
        let unit = frequency == .monthly ? "months" : "quarters"
        if isComplete { return "sum of \(expected) \(unit)" }
        let listed = present.count <= 6 ? " (" + present.map(\.description).joined(separator: ", ") + ")" : ""
        return "partial: \(present.count) of \(expected) \(unit)\(listed)"
    }
}
