/// How much a source is preferred when sources disagree on a figure.
public struct SourcePreference: Hashable, Sendable {
    /// Lower is preferred.
    public let rank: Int
    /// Publication date as sortable text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); later is preferred.
    public let date: String

    public init(rank: Int, date: String) {
        self.rank = rank
        self.date = date
    }
}

/// Builds quantity, value and unit-price series from trade records.
///
/// The rules, in order, for each period of a selection:
/// 1. **Records** are those matching reporter, partner, flow, frequency and
///    period range whose commodity the selection's code covers.
/// 2. **Level (roll-up 6 -> 4 -> 2 -> section).** In each period a record is
///    used only when no other record of the period has a code that takes its
///    code in (``CommodityCode/covers(_:)-(CommodityCode)``): the selection's own
///    code when reported, else, branch by branch, the coarsest code reported
///    (chapter 27 from its headings; section XV from chapter 72 where the
///    chapter is reported and from the headings of chapter 73 where only they
///    are). A heading and its subheadings are never both summed.
/// 3. **Several sources for one figure.** When several records give the same
///    measure (value, or quantity) for the same code and period, one is used:
///    the source with the lowest rank (see `Data/README.md`), then the figure
///    with more significant digits, then the later publication date, then the
///    alphabetically first source id. The others are
///    kept as `alternatives`. Value and quantity are chosen separately, so a
///    period's value and tonnage may come from different sources
///    (`TradeSeriesPoint.mixesSources`).
/// 4. **Quantities** are the reported quantities, or the net weights in kg
///    (``QuantityMeasure/netWeight``, with `isNetWeightEstimated` as the
///    estimation flag). They are converted to one unit (the unit of the first
///    quantity found; tonnes for reported mass, kilograms for net weight).
///    Quantities roll up only within one unit: incompatible units anywhere in
///    the selection (a section mixing tonnes and items, say) are an error that
///    names them, never a partial sum; net weight is one unit for every code.
///    A zero quantity against a positive value is suspect and not used.
/// 5. **Unit price** = Σ value / Σ quantity over the codes that have both.
public struct TradeSeriesBuilder: Sendable {
    /// The preference of a source id: its rank (lower is preferred) and its
    /// publication date as sortable text (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; later is preferred).
    public let preference: @Sendable (String) -> SourcePreference
    /// Which figure of a record is its quantity: the reported quantity or the net weight.
    public let quantityMeasure: QuantityMeasure

    /// - Parameters:
    ///   - preference: The rank and date of a source id; by default
    ///     every source ranks equally and has no date.
    ///   - quantityMeasure: The quantity of the series: reported (default) or net weight in kg.
    public init(preference: @escaping @Sendable (String) -> SourcePreference = { _ in SourcePreference(rank: 0, date: "") },
                quantityMeasure: QuantityMeasure = .reported) {
        self.preference = preference
        self.quantityMeasure = quantityMeasure
    }

    /// Builds the series of one selection from the records of its own frequency only.
    func buildAtFrequency(_ records: [TradeRecord], selection: TradeSelection) throws(TradeDomainError) -> TradeSeries {
        var byPeriod: [Period: [TradeRecord]] = [:]
        for record in records where selection.matchesExceptCommodity(record) && covers(selection.commodity, record.commodity) {
            byPeriod[record.period, default: []].append(quantityMeasure == .reported ? record : Self.withNetWeightAsQuantity(record))
        }
        let unit = try seriesUnit(byPeriod.values.joined())
        let periods = byPeriod.keys.sorted()
        guard let first = periods.first, let last = periods.last else {
            return TradeSeries(selection: selection, quantityUnit: unit, points: [])
        }
        var points: [TradeSeriesPoint] = []
        for period in Period.range(first, through: last) {
            points.append(try point(period, byPeriod[period] ?? [], selection: selection, unit: unit))
        }
        return TradeSeries(selection: selection, quantityUnit: unit, points: points)
    }

    /// Whether a selection's commodity takes in a record's commodity.
    func covers(_ selection: CommodityCode, _ record: CommodityCode) -> Bool {
        selection.covers(record)
    }

    /// The record with its net weight (kg) as the quantity and the net-weight estimation flag.
    static func withNetWeightAsQuantity(_ record: TradeRecord) -> TradeRecord {
        TradeRecord(
            period: record.period, reporter: record.reporter, partner: record.partner, flow: record.flow, commodity: record.commodity,
            commodityDescription: record.commodityDescription, classification: record.classification, value: record.value,
            quantity: record.netWeightKilograms.map { Quantity(amount: $0, unit: .kilogram) }, netWeightKilograms: record.netWeightKilograms,
            isQuantityEstimated: record.isNetWeightEstimated, isNetWeightEstimated: record.isNetWeightEstimated,
            sourceID: record.sourceID, note: record.note)
    }

    /// The records of one period that are not taken in by another record's code
    /// (rule 2): for an HS code, neither its chapter nor its heading nor a
    /// reported range, section or total around it is present.
    static func uppermost(_ records: [TradeRecord]) -> [TradeRecord] {
        let present = Set(records.map(\.commodity))
        let groups = present.filter { $0.hsLevel == nil }
        return records.filter { record in
            let code = record.commodity
            if groups.contains(where: { $0 != code && $0.covers(code) }) { return false }
            guard case let .hs(hs) = code else { return true }
            if hs.level > .chapter, present.contains(.hs(hs.chapter)) { return false }
            if hs.level > .heading, let heading = hs.heading, present.contains(.hs(heading)) { return false }
            return true
        }
    }

    /// The unit all quantities are expressed in: tonnes for mass, otherwise the
    /// first unit found; every other unit must convert to it.
    func seriesUnit<S: Sequence>(_ records: S) throws(TradeDomainError) -> QuantityUnit? where S.Element == TradeRecord {
        var unit: QuantityUnit?
        for record in records {
            guard let quantity = record.quantity else { continue }
            guard let current = unit else {
                let mass: QuantityUnit = quantityMeasure == .netWeight ? .kilogram : .tonne
                unit = quantity.unit.isConvertible(to: mass) ? mass : quantity.unit
                continue
            }
            guard quantity.unit.isConvertible(to: current) else {
                throw .incompatibleUnits(current, quantity.unit)
            }
        }
        return unit
    }

    /// The rank-ordering key of a figure: source rank, then fewer significant digits last.
    private func better(_ lhs: (amount: Double, source: String), than rhs: (amount: Double, source: String)) -> Bool {
        let (left, right) = (preference(lhs.source), preference(rhs.source))
        if left.rank != right.rank { return left.rank < right.rank }
        let (digitsL, digitsR) = (Self.significantDigits(lhs.amount), Self.significantDigits(rhs.amount))
        if digitsL != digitsR { return digitsL > digitsR }
        if left.date != right.date { return left.date > right.date }
        return lhs.source < rhs.source
    }

    /// The number of significant decimal digits of a figure as written
    /// (1,100,000,000 has 2; 1,189,790,000 has 6).
    public static func significantDigits(_ amount: Double) -> Int {
        guard amount.isFinite, amount != 0 else { return 0 }
        // Swift's description is the shortest text that reads back exactly.
        let mantissa = abs(amount).description.split(separator: "e").first ?? ""
        let digits = mantissa.filter(\.isNumber).drop { $0 == "0" }
        return digits.reversed().drop { $0 == "0" }.count
    }

    private func point(_ period: Period, _ records: [TradeRecord], selection: TradeSelection, unit: QuantityUnit?) throws(TradeDomainError) -> TradeSeriesPoint {
        // Rule 2: the selection's own code if present, else the coarsest code of each branch.
        let used = Self.uppermost(records)
        var codes: [CommodityCode] = []
        var byCode: [CommodityCode: [TradeRecord]] = [:]
        for record in used {
            if byCode[record.commodity] == nil { codes.append(record.commodity) }
            byCode[record.commodity, default: []].append(record)
        }
        var totalValue: Double?
        var totalQuantity: Double?
        var pricedValue = 0.0, pricedQuantity = 0.0
        var valueWithoutQuantity = 0.0, suspectValue = 0.0, estimatedValue = 0.0
        var valueSources: [String] = [], quantitySources: [String] = []
        var alternatives: [AlternativeFigure] = []
        for code in codes {
            let group = byCode[code] ?? []
            // Rule 3: the preferred value and the preferred quantity of this code.
            var bestValue: TradeRecord?
            var bestQuantity: TradeRecord?
            var bestQuantityAmount = 0.0
            for record in group {
                if let value = record.value?.amount {
                    if let current = bestValue, let currentAmount = current.value?.amount,
                       !better((value, record.sourceID), than: (currentAmount, current.sourceID)) {
                        alternatives.append(AlternativeFigure(measure: .value, commodity: code, amount: value, unit: nil, sourceID: record.sourceID))
                    } else {
                        if let current = bestValue, let currentAmount = current.value?.amount {
                            alternatives.append(AlternativeFigure(measure: .value, commodity: code, amount: currentAmount, unit: nil, sourceID: current.sourceID))
                        }
                        bestValue = record
                    }
                }
                if let quantity = record.quantity, let unit {
                    let amount = try quantity.converted(to: unit).amount
                    if let current = bestQuantity, !better((amount, record.sourceID), than: (bestQuantityAmount, current.sourceID)) {
                        alternatives.append(AlternativeFigure(measure: .quantity, commodity: code, amount: amount, unit: unit, sourceID: record.sourceID))
                    } else {
                        if let current = bestQuantity {
                            alternatives.append(AlternativeFigure(measure: .quantity, commodity: code, amount: bestQuantityAmount, unit: unit, sourceID: current.sourceID))
                        }
                        bestQuantity = record
                        bestQuantityAmount = amount
                    }
                }
            }
            let value = bestValue?.value?.amount
            if let value, let source = bestValue?.sourceID {
                totalValue = (totalValue ?? 0) + value
                if !valueSources.contains(source) { valueSources.append(source) }
            }
            var usableQuantity: Double?
            if let bestQuantity {
                if !quantitySources.contains(bestQuantity.sourceID) { quantitySources.append(bestQuantity.sourceID) }
                if bestQuantityAmount == 0, let value, value > 0 {
                    suspectValue += value
                } else {
                    usableQuantity = bestQuantityAmount
                    totalQuantity = (totalQuantity ?? 0) + bestQuantityAmount
                }
                if bestQuantity.isQuantityEstimated, let value { estimatedValue += value }
            }
            if let value {
                if let usableQuantity {
                    pricedValue += value
                    pricedQuantity += usableQuantity
                } else {
                    valueWithoutQuantity += value
                }
            }
        }
        var unitPrice: UnitPrice?
        if let unit, pricedQuantity > 0 {
            unitPrice = try UnitPrice(
                value: MonetaryAmount(amount: pricedValue, currency: .usd),
                quantity: Quantity(amount: pricedQuantity, unit: unit))
        }
        func share(_ part: Double) -> Double? {
            guard let totalValue, totalValue > 0 else { return nil }
            return part / totalValue
        }
        return TradeSeriesPoint(
            period: period,
            value: totalValue.map { MonetaryAmount(amount: $0, currency: .usd) },
            quantity: unit.flatMap { unit in totalQuantity.map { Quantity(amount: $0, unit: unit) } },
            unitPrice: unitPrice,
            missingQuantityShare: share(valueWithoutQuantity),
            suspectQuantityShare: share(suspectValue),
            estimatedQuantityShare: share(estimatedValue),
            valueSources: valueSources, quantitySources: quantitySources,
            alternatives: alternatives, codes: codes)
    }
}
