import TradeDomain

/// A unit-value price and quantity index over a basket of commodity codes:
/// the formula, fixed-base or chained, and the base period. ``compute(_:)``
/// returns a ``UnitValueIndex``.
///
/// The basket is whatever codes the observations carry, at any HS level (or any
/// label); annual or monthly (or quarterly) periods, one frequency per basket.
/// Each comparison uses the codes matched in both periods (``IndexLink``); codes
/// whose quantity is missing, not positive or in a different unit in a period
/// are left out of that comparison and reported (``BasketExclusion``).
///
/// ```
/// fixed base b:  Iₜ = F(b, t)          chained:  Iₜ = Π F(k−1, k)   (see IndexChaining)
/// ```
/// Index convention: the index is 1 (not 100) in the base period.
///
/// Reference: IMF *Export and Import Price Index Manual* (2009), ch. 15-16;
/// UNSD, *International Merchandise Trade Statistics: Compilers Manual* (2013), ch. 15 (unit value indices).
public struct UnitValueIndexSpecification: Hashable, Codable, Sendable {
    /// The formula of the reported ``UnitValueIndex/priceIndex`` and ``UnitValueIndex/quantityIndex``.
    public let formula: IndexFormula
    /// Fixed base or chained.
    public let chaining: IndexChaining
    /// The base period; `nil` for the first period in which some code has a
    /// positive value and quantity (the first period of the data if none has).
    public let base: Period?

    /// A specification.
    ///
    /// - Parameters:
    ///   - formula: The index formula.
    ///   - chaining: Fixed base or chained; fixed base by default.
    ///   - base: The base period; `nil` (default) for the first period with a unit value.
    public init(formula: IndexFormula, chaining: IndexChaining = .fixedBase, base: Period? = nil) {
        self.formula = formula
        self.chaining = chaining
        self.base = base
    }

    /// Computes the index over a basket.
    ///
    /// - Parameter observations: The basket, at most one observation per period and code,
    ///   in any order; all periods of one frequency.
    /// - Returns: The indices by period, with every comparison and exclusion.
    /// - Throws: `AnalysisError.tooFewObservations` for an empty basket;
    ///   `AnalysisError.invalidParameter` for two observations of one period and code,
    ///   mixed frequencies, or a base period without observations.
    /// - Complexity: O(T · K log K) for T periods and K codes.
    public func compute(_ observations: [BasketObservation]) throws(AnalysisError) -> UnitValueIndex {
        guard let first = observations.first else {
            throw .tooFewObservations(needed: 1, found: 0, method: "a unit-value index")
        }
        var byPeriod: [Period: [String: BasketObservation]] = [:]
        for observation in observations {
            guard observation.period.frequency == first.period.frequency else {
                throw .invalidParameter(name: "period", value: observation.period.description,
                                        constraint: "a basket has one frequency; \(first.period) is \(first.period.frequency.rawValue)")
            }
            guard byPeriod[observation.period]?[observation.code] == nil else {
                throw .invalidParameter(name: "observation", value: "\(observation.period) code \(observation.code)",
                                        constraint: "a basket has one observation per period and code")
            }
            byPeriod[observation.period, default: [:]][observation.code] = observation
        }
        let periods = byPeriod.keys.sorted()
        let codes = Array(Set(observations.map(\.code))).sorted()
        let priced = periods.first { period in byPeriod[period]!.values.contains { $0.value > 0 && ($0.quantity ?? 0) > 0 } }
        let basePeriod = base ?? priced ?? periods[0]
        guard let baseIndex = periods.firstIndex(of: basePeriod) else {
            throw .invalidParameter(name: "base period", value: basePeriod.description,
                                    constraint: "the base must be a period with observations (\(periods[0])…\(periods[periods.count - 1]))")
        }
        var links: [IndexLink] = []
        var price = [Double?](repeating: nil, count: periods.count)
        var quantity = price, value = price
        price[baseIndex] = 1; quantity[baseIndex] = 1; value[baseIndex] = 1
        switch chaining {
        case .fixedBase:
            for (k, period) in periods.enumerated() where k != baseIndex {
                let link = try IndexLink(from: basePeriod, to: period, base: byPeriod[basePeriod] ?? [:], current: byPeriod[period] ?? [:], codes: codes)
                links.append(link)
                price[k] = link.priceIndex(formula)
                quantity[k] = link.quantityIndex(formula)
                value[k] = link.valueRatio
            }
        case .chained:
            // Links join adjacent priced periods (some code has a positive value and quantity);
            // periods without any unit value get no index. A link without matched codes ends the chain.
            let chain = periods.indices.filter { k in byPeriod[periods[k]]!.values.contains { $0.value > 0 && ($0.quantity ?? 0) > 0 } || k == baseIndex }
            for (a, b) in zip(chain, chain.dropFirst()) {
                links.append(try IndexLink(from: periods[a], to: periods[b], base: byPeriod[periods[a]] ?? [:],
                                           current: byPeriod[periods[b]] ?? [:], codes: codes))
            }
            let position = chain.firstIndex(of: baseIndex)!
            for m in stride(from: position + 1, to: chain.count, by: 1) {
                let link = links[m - 1], (previous, k) = (chain[m - 1], chain[m])
                price[k] = price[previous].flatMap { p in link.priceIndex(formula).map { p * $0 } }
                quantity[k] = quantity[previous].flatMap { q in link.quantityIndex(formula).map { q * $0 } }
                value[k] = value[previous].flatMap { v in link.valueRatio.map { v * $0 } }
            }
            for m in stride(from: position - 1, through: 0, by: -1) {
                let link = links[m], (next, k) = (chain[m + 1], chain[m])
                price[k] = price[next].flatMap { p in link.priceIndex(formula).map { p / $0 } }
                quantity[k] = quantity[next].flatMap { q in link.quantityIndex(formula).map { q / $0 } }
                value[k] = value[next].flatMap { v in link.valueRatio.map { v / $0 } }
            }
        }
        let points = periods.indices.map { k in
            UnitValueIndex.Point(period: periods[k], priceIndex: price[k], quantityIndex: quantity[k], valueRatio: value[k])
        }
        return UnitValueIndex(specification: self, base: basePeriod, codes: codes, points: points, links: links)
    }
}
