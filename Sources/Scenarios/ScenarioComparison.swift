import TradeDomain

/// The marginal effect of one scenario against another on the same baseline, or against the recorded
/// figures: per commodity and period, and in total.
///
/// Against a scenario B both runs use the same baseline fit and window (``ScenarioEngine/compare(_:against:series:)``),
/// so the difference is the baseline times the difference of the retained shares:
/// ```
/// difference(p) = counterfactual_A(p) - counterfactual_B(p) = baseline(p) · (retained_A(p) - retained_B(p))
/// ```
/// Its interval is the baseline's interval scaled by that difference of shares (bounds swapped when it is
/// negative): exact for bans, whose shares do not depend on the flow. Against the recorded figures the
/// difference is `counterfactual_A(p) - actual(p)`, its interval the counterfactual's interval shifted by the
/// actual figure, and periods without a recorded figure have none. Totals add the per-period figures and bounds
/// (conservative, as ``ImpactTotals``). Against the sanctions as enacted, B is the baseline times the real
/// calendar's retained share, so the difference is the baseline times `retained_A - retained_enacted`.
public struct ScenarioComparison: Hashable, Codable, Sendable {
    /// What A is compared with.
    public enum Reference: Hashable, Codable, Sendable {
        /// Another scenario run on the same baseline.
        case scenario(String)
        /// The recorded figures.
        case actual
        /// The sanctions as enacted (the real calendar's measures), on the same baseline: the path
        /// ``PeriodImpact/realRetainedShare`` gives.
        case enacted
    }

    /// One commodity in one period.
    public struct PeriodDifference: Hashable, Codable, Sendable {
        public let period: Period
        /// A's counterfactual value and the reference's (B's counterfactual or the actual figure).
        public let valueA: Estimate?
        public let valueB: Estimate?
        /// A minus the reference, value (USD).
        public let valueDifference: Estimate?
        /// A's counterfactual quantity, the reference's, and A minus the reference.
        public let quantityA: Estimate?
        public let quantityB: Estimate?
        public let quantityDifference: Estimate?

        /// A period's figures.
        ///
        /// - Parameters: One per property.
        public init(period: Period, valueA: Estimate?, valueB: Estimate?, valueDifference: Estimate?,
                    quantityA: Estimate?, quantityB: Estimate?, quantityDifference: Estimate?) {
            self.period = period
            self.valueA = valueA
            self.valueB = valueB
            self.valueDifference = valueDifference
            self.quantityA = quantityA
            self.quantityB = quantityB
            self.quantityDifference = quantityDifference
        }
    }

    /// One commodity.
    public struct CommodityDifference: Hashable, Codable, Sendable {
        public let code: CommodityCode
        public let quantityUnit: String?
        /// The shared baseline (A's fit; B ran on the same).
        public let baselines: [BaselineSummary]
        public let periods: [PeriodDifference]
        /// Sums of the differences over the periods that have one.
        public let totalValue: Estimate?
        public let totalQuantity: Estimate?
        public let valuePeriods: Int
        public let quantityPeriods: Int

        /// A commodity's differences.
        ///
        /// - Parameters: One per property.
        public init(code: CommodityCode, quantityUnit: String?, baselines: [BaselineSummary], periods: [PeriodDifference],
                    totalValue: Estimate?, totalQuantity: Estimate?, valuePeriods: Int, quantityPeriods: Int) {
            self.code = code
            self.quantityUnit = quantityUnit
            self.baselines = baselines
            self.periods = periods
            self.totalValue = totalValue
            self.totalQuantity = totalQuantity
            self.valuePeriods = valuePeriods
            self.quantityPeriods = quantityPeriods
        }
    }

    /// A's outcome.
    public let outcome: ScenarioOutcome
    /// B's outcome on the same baseline (`nil` against the recorded figures).
    public let reference: ScenarioOutcome?
    /// What A is compared with.
    public let against: Reference
    /// One entry per commodity of A.
    public let commodities: [CommodityDifference]
    /// The total value difference over commodities (USD).
    public let totalValue: Estimate?
    /// Notes: what could not be compared, and why.
    public let notes: [String]

    /// A comparison.
    ///
    /// - Parameters: One per property.
    public init(outcome: ScenarioOutcome, reference: ScenarioOutcome?, against: Reference, commodities: [CommodityDifference],
                totalValue: Estimate?, notes: [String]) {
        self.outcome = outcome
        self.reference = reference
        self.against = against
        self.commodities = commodities
        self.totalValue = totalValue
        self.notes = notes
    }

    /// The baseline estimate scaled by a share difference (bounds ordered).
    static func scaled(_ e: Estimate?, by d: Double) -> Estimate? {
        guard let e else { return nil }
        let a = e.lower * d, b = e.upper * d
        return Estimate(mean: e.mean * d, lower: min(a, b), upper: max(a, b))
    }

    /// Builds the comparison of two outcomes run on the same baseline windows, or of one outcome with the actual figures.
    static func make(_ a: ScenarioOutcome, _ b: ScenarioOutcome?, against: Reference) -> ScenarioComparison {
        var notes: [String] = []
        var commodities: [CommodityDifference] = []
        for ca in a.commodities {
            let cb = b?.commodities.first { $0.code == ca.code }
            if b != nil && cb == nil { notes.append("HS \(ca.code) is not in the reference scenario; not compared") }
            var rows: [PeriodDifference] = []
            for pa in ca.periods {
                if against == .enacted {
                    let d = pa.retainedShare - pa.realRetainedShare
                    func enacted(_ e: Estimate?) -> Estimate? { scaled(e, by: pa.realRetainedShare) }
                    rows.append(PeriodDifference(period: pa.period, valueA: pa.counterfactualValue, valueB: enacted(pa.baselineValue),
                                                 valueDifference: scaled(pa.baselineValue, by: d), quantityA: pa.counterfactualQuantity,
                                                 quantityB: enacted(pa.baselineQuantity), quantityDifference: scaled(pa.baselineQuantity, by: d)))
                } else if b != nil {
                    guard let pb = cb?.periods.first(where: { $0.period == pa.period }) else { continue }
                    let d = pa.retainedShare - pb.retainedShare
                    rows.append(PeriodDifference(period: pa.period, valueA: pa.counterfactualValue, valueB: pb.counterfactualValue,
                                                 valueDifference: scaled(pa.baselineValue, by: d), quantityA: pa.counterfactualQuantity,
                                                 quantityB: pb.counterfactualQuantity, quantityDifference: scaled(pa.baselineQuantity, by: d)))
                } else {
                    func minus(_ e: Estimate?, _ actual: Double?) -> Estimate? {
                        guard let e, let actual else { return nil }
                        return Estimate(mean: e.mean - actual, lower: e.lower - actual, upper: e.upper - actual)
                    }
                    rows.append(PeriodDifference(period: pa.period, valueA: pa.counterfactualValue,
                                                 valueB: pa.actualValue.map { Estimate(mean: $0, lower: $0, upper: $0) },
                                                 valueDifference: minus(pa.counterfactualValue, pa.actualValue), quantityA: pa.counterfactualQuantity,
                                                 quantityB: pa.actualQuantity.map { Estimate(mean: $0, lower: $0, upper: $0) },
                                                 quantityDifference: minus(pa.counterfactualQuantity, pa.actualQuantity)))
                }
            }
            let values = rows.compactMap(\.valueDifference), quantities = rows.compactMap(\.quantityDifference)
            if against == .actual, rows.contains(where: { $0.valueA != nil && $0.valueB == nil }) {
                notes.append("HS \(ca.code): periods without a recorded value are left out of the difference with the actual figures")
            }
            commodities.append(CommodityDifference(code: ca.code, quantityUnit: ca.quantityUnit, baselines: ca.baselines, periods: rows,
                                                   totalValue: ImpactTotals.sum(values), totalQuantity: ImpactTotals.sum(quantities),
                                                   valuePeriods: values.count, quantityPeriods: quantities.count))
        }
        return ScenarioComparison(outcome: a, reference: b, against: against, commodities: commodities,
                                  totalValue: ImpactTotals.sum(commodities.compactMap(\.totalValue)), notes: notes)
    }
}

extension ScenarioEngine {
    /// Runs two scenarios on one baseline and returns A minus B.
    ///
    /// Both use A's baseline specification and, per commodity, the earlier of the two fit-through periods and
    /// the later of the two projection ends, so that the baseline is the same fit; B's own baseline settings
    /// are not used (a note says so when they differ).
    ///
    /// - Parameters:
    ///   - a: The scenario of interest.
    ///   - b: The reference scenario.
    ///   - series: The series of each commodity of A (and B).
    /// - Returns: The comparison, holding both outcomes.
    public func compare(_ a: Scenario, against b: Scenario, series: [CommodityCode: TradeSeries]) -> ScenarioComparison {
        let wa = windows(a, series: series), wb = windows(b.withBaseline(a.baseline), series: series)
        var shared: [CommodityCode: BaselineWindow] = [:]
        for (code, window) in wa {
            guard let other = wb[code] else { shared[code] = window; continue }
            shared[code] = BaselineWindow(fitThrough: min(window.fitThrough, other.fitThrough), through: max(window.through, other.through))
        }
        let outcomeA = run(a, series: series, windows: shared)
        let outcomeB = run(b.withBaseline(a.baseline).withSeed(a.seed), series: series, windows: shared)
        var comparison = ScenarioComparison.make(outcomeA, outcomeB, against: .scenario(b.name))
        if b.baseline != a.baseline || b.seed != a.seed {
            comparison = ScenarioComparison(outcome: comparison.outcome, reference: comparison.reference, against: comparison.against,
                                            commodities: comparison.commodities, totalValue: comparison.totalValue,
                                            notes: comparison.notes + ["'\(b.name)' ran on the baseline of '\(a.name)' (its own baseline settings differ and are not used)"])
        }
        return comparison
    }

    /// Runs a scenario and compares its counterfactual with the path of the sanctions as enacted on the same baseline.
    ///
    /// - Parameters:
    ///   - a: The scenario.
    ///   - series: The series of each commodity.
    /// - Returns: Counterfactual minus the enacted path: the baseline times the difference of the retained shares.
    public func compareWithEnacted(_ a: Scenario, series: [CommodityCode: TradeSeries]) -> ScenarioComparison {
        ScenarioComparison.make(run(a, series: series), nil, against: .enacted)
    }

    /// Runs a scenario and compares its counterfactual with the recorded figures.
    ///
    /// - Parameters:
    ///   - a: The scenario.
    ///   - series: The series of each commodity.
    /// - Returns: Counterfactual minus actual where both exist.
    public func compareWithActual(_ a: Scenario, series: [CommodityCode: TradeSeries]) -> ScenarioComparison {
        ScenarioComparison.make(run(a, series: series), nil, against: .actual)
    }
}

extension Scenario {
    /// This scenario with another baseline.
    func withBaseline(_ baseline: ScenarioBaseline) -> Scenario {
        Scenario(name: name, description: description, selection: selection, hsCodes: hsCodes, baseline: baseline,
                 includesCalendar: includesCalendar, edits: edits, measures: measures, seed: seed)
    }

    /// This scenario with another seed.
    func withSeed(_ seed: UInt64) -> Scenario {
        Scenario(name: name, description: description, selection: selection, hsCodes: hsCodes, baseline: baseline,
                 includesCalendar: includesCalendar, edits: edits, measures: measures, seed: seed)
    }
}
