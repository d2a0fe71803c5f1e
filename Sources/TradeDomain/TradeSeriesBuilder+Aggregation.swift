extension TradeSeriesBuilder {
    /// Builds the series of one selection.
    ///
    /// A period's figures are the records of the selection's frequency when a source reports them;
    /// otherwise, for an annual or quarterly selection, the sum of its months (for a year without
    /// months, of its quarters), marked with their ``SubperiodCoverage``: a sum over every month is the
    /// whole period, a sum over some of them is partial. Partial sums are shown by every output and left
    /// out of the analyses (``TradeSeries/valueSeries``) unless asked for
    /// (``TradeSeries/valueSeries(allowingPartial:)``). A reported figure is never replaced by a sum.
    ///
    /// - Parameters:
    ///   - records: Any records; those outside the selection are ignored.
    ///   - selection: Reporter, partner, flow, commodity, periods and frequency.
    /// - Returns: The series, with a point for every period from the first to
    ///   the last that has a figure (empty points in between).
    /// - Throws: `TradeDomainError.incompatibleUnits` when the quantities of the
    ///   selection are in units that cannot be converted into each other.
    public func build(_ records: [TradeRecord], selection: TradeSelection) throws(TradeDomainError) -> TradeSeries {
        let reported = try buildAtFrequency(records, selection: selection)
        let finer: [Frequency] = selection.frequency == .annual ? [.monthly, .quarterly] : selection.frequency == .quarterly ? [.monthly] : []
        var sums: [Period: TradeSeriesPoint] = [:]
        var sumUnit: QuantityUnit?
        for frequency in finer {
            let sub = selection.with(
                reporter: selection.reporter, partner: selection.partner, flow: selection.flow,
                from: selection.from.map { Self.first(of: $0, at: frequency) }, through: selection.through.map { Self.last(of: $0, at: frequency) },
                frequency: frequency)
            let fine = try buildAtFrequency(records, selection: sub)
            let unit = reported.quantityUnit ?? sumUnit ?? fine.quantityUnit
            let quantitiesAgree = fine.quantityUnit == nil || fine.quantityUnit == unit
            var byTarget: [Period: [TradeSeriesPoint]] = [:]
            for point in fine.points where point.value != nil || point.quantity != nil {
                byTarget[Period.containing(point.period.firstDay, frequency: selection.frequency), default: []].append(point)
            }
            for (period, points) in byTarget where sums[period] == nil {
                if sumUnit == nil, quantitiesAgree { sumUnit = fine.quantityUnit }
                sums[period] = try Self.sum(points, period: period, frequency: frequency, unit: quantitiesAgree ? unit : nil)
            }
        }
        guard !sums.isEmpty else { return reported }
        var byPeriod = Dictionary(reported.points.filter { $0.value != nil || $0.quantity != nil }.map { ($0.period, $0) },
                                  uniquingKeysWith: { first, _ in first })
        var partial: [TradeSeriesPoint] = []
        for (period, point) in sums where byPeriod[period] == nil {
            if point.subperiods?.isComplete ?? true { byPeriod[period] = point } else { partial.append(point) }
        }
        let periods = byPeriod.keys.sorted()
        let points: [TradeSeriesPoint]
        if let first = periods.first, let last = periods.last {
            points = Period.range(first, through: last).map { period in
                byPeriod[period] ?? TradeSeriesPoint(period: period, value: nil, quantity: nil, unitPrice: nil, missingQuantityShare: nil,
                                                      suspectQuantityShare: nil, estimatedQuantityShare: nil, valueSources: [], quantitySources: [],
                                                      alternatives: [], codes: [])
            }
        } else {
            points = []
        }
        return TradeSeries(selection: selection, quantityUnit: reported.quantityUnit ?? sumUnit, points: points,
                           partialSums: partial.sorted { $0.period < $1.period })
    }

    /// One period summed from shorter ones: values and quantities added, the unit price Σ value / Σ quantity
    /// over the sub-periods with both, shares weighted by value, sources and codes joined.
    static func sum(_ points: [TradeSeriesPoint], period: Period, frequency: Frequency, unit: QuantityUnit?) throws(TradeDomainError) -> TradeSeriesPoint {
        let withValue = points.filter { $0.value != nil }
        let counted = withValue.isEmpty ? points.filter { $0.quantity != nil } : withValue
        let value = withValue.isEmpty ? nil : withValue.reduce(0) { $0 + ($1.value?.amount ?? 0) }
        let withQuantity = points.filter { $0.quantity != nil }
        let quantity = unit == nil || withQuantity.isEmpty ? nil : withQuantity.reduce(0) { $0 + ($1.quantity?.amount ?? 0) }
        var pricedValue = 0.0, pricedQuantity = 0.0
        for point in points {
            if let price = point.unitPrice, let amount = point.value?.amount, amount > 0 {
                pricedValue += amount
                pricedQuantity += amount / price.amount
            }
        }
        var unitPrice: UnitPrice?
        if let unit, pricedQuantity > 0 {
            unitPrice = try UnitPrice(value: MonetaryAmount(amount: pricedValue, currency: .usd), quantity: Quantity(amount: pricedQuantity, unit: unit))
        }
        func share(_ part: (TradeSeriesPoint) -> Double?) -> Double? {
            guard let value, value > 0 else { return nil }
            return withValue.reduce(0) { $0 + (part($1) ?? 0) * ($1.value?.amount ?? 0) } / value
        }
        func joined(_ lists: [[String]]) -> [String] {
            var seen = Set<String>()
            return lists.joined().filter { seen.insert($0).inserted }
        }
        var codes: [CommodityCode] = []
        for code in points.flatMap(\.codes) where !codes.contains(code) { codes.append(code) }
        let expected = frequency == .monthly ? period.months.count : period.months.count / 3
        return TradeSeriesPoint(
            period: period, value: value.map { MonetaryAmount(amount: $0, currency: .usd) },
            quantity: quantity.flatMap { amount in unit.map { Quantity(amount: amount, unit: $0) } }, unitPrice: unitPrice,
            missingQuantityShare: share { $0.missingQuantityShare }, suspectQuantityShare: share { $0.suspectQuantityShare },
            estimatedQuantityShare: share { $0.estimatedQuantityShare },
            valueSources: joined(points.map(\.valueSources)), quantitySources: joined(points.map(\.quantitySources)),
            alternatives: [], codes: codes,
            subperiods: SubperiodCoverage(frequency: frequency, present: counted.map(\.period).sorted(), expected: expected))
    }

    /// The first sub-period of a period at a shorter frequency (2015 -> 2015-01; 2016-Q2 -> 2016-04).
    static func first(of period: Period, at frequency: Frequency) -> Period {
        Period.containing(period.firstDay, frequency: frequency)
    }

    /// The last sub-period of a period at a shorter frequency (2015 -> 2015-12).
    static func last(of period: Period, at frequency: Frequency) -> Period {
        Period.containing(period.lastDay, frequency: frequency)
    }
}
