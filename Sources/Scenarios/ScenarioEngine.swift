import TradeDomain
import TrendAnalysis

/// Applies a scenario to the data: fits a no-sanction baseline for each commodity's value and
/// quantity on the periods before the first measure, projects it with prediction intervals, and
/// scales it by the share of flows the scenario's measures retain, and by the share the real
/// calendar's measures retain.
///
/// ```
/// counterfactual(p) = baseline(p) · retained(p)            (value and quantity alike)
/// forgone(p)        = baseline(p) · (1 - retained(p))
/// retained(p)       = mean over the months of p of  min_bans(1 - φ c (1 - e) ramp) · capShare
/// ```
/// where φ is the share of the month's days in force, c compliance, e the exempted share.
/// **Overlapping measures:** bans and suspensions do not compound; in each month the most
/// restrictive one binds (the smallest retained share). Caps then apply to what is left, per
/// calendar year from their effective date, lesser-of on value and quantity (``CapRule``).
/// Flows are spread evenly over the months of an annual period. Interval bounds are scaled by the
/// same retained share (exact for bans, whose share does not depend on the flow; for caps the
/// share is evaluated on the baseline mean).
///
/// **Non-negative baselines:** value and quantity are forecast through ``NonNegativeForecasting``
/// (by default on logs, back-transformed to the bias-adjusted mean; a series with zeros, or a
/// model the scenario asks to leave untransformed, is truncated at 0 with a note), so no baseline,
/// counterfactual or forgone figure or bound is negative (retained shares lie in [0, 1]).
///
/// **Baselines** are chosen and fitted by ``BaselineSelector``: candidates compared by rolling-origin
/// out-of-sample error on the data before the first measure, and refused on fewer observations than
/// their model needs unless ``allowShort``.
///
/// Missing data are never filled: ETS needs a gap-free fit window (the longest gap-free run ending at
/// the last period before the first measure, unless `fit_from` is given); the structural model and the
/// log-linear trend treat a missing period as missing. What cannot be computed is `nil` with a note.
public struct ScenarioEngine: Sendable {
    /// The sanctions calendar.
    public let calendar: [SanctionEvent]
    /// Whether baselines may be fitted on fewer observations than their model needs (2 x parameters + 2),
    /// with a warning in the baseline summary, instead of being refused.
    public let allowShort: Bool

    /// An engine over a calendar.
    ///
    /// - Parameters:
    ///   - calendar: The sanctions calendar (for references and the real-calendar path).
    ///   - allowShort: Fit baselines on too few observations, with a warning, instead of refusing them.
    public init(calendar: [SanctionEvent], allowShort: Bool = false) {
        self.calendar = calendar
        self.allowShort = allowShort
    }

    /// The periods a scenario's baseline is fitted through and projected to, per commodity with data: the last
    /// period before the first measure (of the scenario's and the real calendar's), or `fit_to`; and `through` or
    /// the last period with data.
    ///
    /// - Parameters:
    ///   - scenario: The scenario.
    ///   - series: The series of each commodity.
    /// - Returns: The windows of the commodities that have one.
    public func windows(_ scenario: Scenario, series: [CommodityCode: TradeSeries]) -> [CommodityCode: BaselineWindow] {
        let timeline = scenario.timeline(calendar), real = scenario.calendarMeasures(calendar)
        var result: [CommodityCode: ScenarioEngine.BaselineWindow] = [:]
        for code in scenario.hsCodes {
            guard let last = series[code]?.points.last?.period else { continue }
            let first = (timeline + real).filter { $0.covers(code) }.map(\.effective).min()
            guard let fitThrough = scenario.baseline.fitThrough ?? first.map({ Self.period(containing: $0, scenario.selection.frequency).advanced(by: -1) }) else { continue }
            result[code] = BaselineWindow(fitThrough: fitThrough, through: scenario.baseline.through ?? last)
        }
        return result
    }

    /// Runs a scenario.
    ///
    /// - Parameters:
    ///   - scenario: The scenario.
    ///   - series: The trade series of each selected commodity (built with the scenario's selection).
    ///   - windows: Fit and projection periods per commodity that replace the scenario's own (``windows(_:series:)``);
    ///     a comparison passes the same windows to both scenarios so that they share one baseline.
    /// - Returns: The outcome; commodities without a series or a fit carry notes instead of figures.
    public func run(_ scenario: Scenario, series: [CommodityCode: TradeSeries], windows: [CommodityCode: ScenarioEngine.BaselineWindow] = [:]) -> ScenarioOutcome {
        let timeline = scenario.timeline(calendar)
        let real = scenario.calendarMeasures(calendar)
        var outcomes: [CommodityOutcome] = []
        for code in scenario.hsCodes {
            outcomes.append(run(scenario, code: code, series: series[code], timeline: timeline, real: real, window: windows[code]))
        }
        return ScenarioOutcome(scenario: scenario, commodities: outcomes, totals: ImpactTotals.combining(outcomes))
    }

    private func run(_ scenario: Scenario, code: CommodityCode, series: TradeSeries?, timeline: [ScenarioMeasure],
                     real: [ScenarioMeasure], window: ScenarioEngine.BaselineWindow?) -> CommodityOutcome {
        var notes: [String] = []
        let applied = timeline.filter { $0.covers(code) }
        let realApplied = real.filter { $0.covers(code) }
        for measure in (timeline + real) where measure.touchesPartly(code) && !notes.contains(where: { $0.hasPrefix("measure \(measure.id) ") }) {
            notes.append("measure \(measure.id) covers only part of HS \(code) (\(measure.hsCodes.map(\.digits).joined(separator: ", "))); not applied")
        }
        let empty = CommodityOutcome(code: code, quantityUnit: series?.quantityUnit?.abbreviation, baselines: [], measures: applied,
                                     realMeasures: realApplied, periods: [],
                                     totals: ImpactTotals(forgoneValue: nil, forgoneQuantity: nil, quantityUnit: nil, valuePeriods: 0, quantityPeriods: 0),
                                     notes: notes)
        guard let series, let first = series.points.first?.period, let last = series.points.last?.period else {
            return CommodityOutcome(code: code, quantityUnit: nil, baselines: [], measures: applied, realMeasures: realApplied, periods: [],
                                    totals: empty.totals, notes: notes + ["no data for HS \(code); nothing computed"])
        }
        let frequency = scenario.selection.frequency
        let firstMeasureDate = (applied + realApplied).map(\.effective).min()
        guard let fitThrough = window?.fitThrough ?? scenario.baseline.fitThrough ?? firstMeasureDate.map({ Self.period(containing: $0, frequency).advanced(by: -1) }) else {
            return CommodityOutcome(code: code, quantityUnit: empty.quantityUnit, baselines: [], measures: applied, realMeasures: realApplied,
                                    periods: [], totals: empty.totals,
                                    notes: notes + ["no measure touches HS \(code) and no fit_to is given; no baseline to project"])
        }
        let through = window?.through ?? scenario.baseline.through ?? last
        guard fitThrough < through else {
            return CommodityOutcome(code: code, quantityUnit: empty.quantityUnit, baselines: [], measures: applied, realMeasures: realApplied,
                                    periods: [], totals: empty.totals,
                                    notes: notes + [fitThrough >= last
                                        ? "the data for HS \(code) end at \(last), before the first measure (\(firstMeasureDate.map(\.description) ?? "none")): there are no periods after it to project; \(Self.withFigures(series).count) \(frequency.rawValue) period(s) have figures (\(Self.withFigures(series).joined(separator: ", ")))"
                                        : "the fit window ends at \(fitThrough), not before the last period \(through); nothing to project"])
        }
        let horizon = fitThrough.distance(to: through)
        let periods = (1...horizon).map { fitThrough.advanced(by: $0) }
        var baselines: [BaselineSummary] = []
        let selector = BaselineSelector(baseline: scenario.baseline, seed: scenario.seed, allowShort: allowShort || scenario.baseline.allowShort)
        func forecast(_ measure: TradeMeasure, _ values: TimeSeries<Double>?) -> [Estimate]? {
            guard let values, values.values.contains(where: { $0 != nil }) else {
                notes.append("no \(measure == .value ? "value" : "quantity") figures for HS \(code); its baseline is not computed")
                return nil
            }
            let (outcome, selectorNotes) = selector.run(measure: measure, series: values, fitThrough: fitThrough, horizon: horizon,
                                                        label: "\(measure == .value ? "value" : "quantity") baseline for HS \(code)")
            notes += selectorNotes
            guard let outcome else { return nil }
            if let fromRequested = scenario.baseline.fitFrom, outcome.summary.fitFrom != fromRequested {
                notes.append("\(measure == .value ? "value" : "quantity") baseline for HS \(code) fitted from \(outcome.summary.fitFrom), not \(fromRequested)")
            }
            baselines.append(outcome.summary)
            return outcome.estimates
        }
        let value = forecast(.value, series.valueSeries)
        let quantity = forecast(.quantity, series.quantitySeries)
        let shares = RetainedShares(periods: periods, baselineValue: value?.map(\.mean), baselineQuantity: quantity?.map(\.mean),
                                    quantityUnit: series.quantityUnit)
        let scenarioShares = shares.compute(applied, notes: &notes)
        var ignored: [String] = []
        let realShares = shares.compute(realApplied, notes: &ignored)
        var rows: [PeriodImpact] = []
        for (index, period) in periods.enumerated() {
            let point = series.points.first { $0.period == period }
            let share = scenarioShares[index], realShare = realShares[index]
            let cfValue = value?[index].scaled(share), cfQuantity = quantity?[index].scaled(share)
            var price: Double?
            if let cfValue, let cfQuantity, cfQuantity.mean > 0 { price = cfValue.mean / cfQuantity.mean }
            rows.append(PeriodImpact(
                period: period, retainedShare: share, realRetainedShare: realShare,
                actualValue: point?.value?.amount, actualQuantity: point?.quantity?.amount,
                baselineValue: value?[index], baselineQuantity: quantity?[index],
                counterfactualValue: cfValue, counterfactualQuantity: cfQuantity,
                realCalendarValue: value.map { $0[index].mean * realShare }, realCalendarQuantity: quantity.map { $0[index].mean * realShare },
                forgoneValue: value?[index].scaled(1 - share), forgoneQuantity: quantity?[index].scaled(1 - share),
                impliedUnitPrice: price))
        }
        if first > fitThrough { notes.append("HS \(code) has no data before \(fitThrough)") }
        let forgoneValues = rows.compactMap(\.forgoneValue), forgoneQuantities = rows.compactMap(\.forgoneQuantity)
        return CommodityOutcome(
            code: code, quantityUnit: series.quantityUnit?.abbreviation, baselines: baselines, measures: applied, realMeasures: realApplied,
            periods: rows,
            totals: ImpactTotals(forgoneValue: ImpactTotals.sum(forgoneValues), forgoneQuantity: ImpactTotals.sum(forgoneQuantities),
                                 quantityUnit: series.quantityUnit?.abbreviation, valuePeriods: forgoneValues.count,
                                 quantityPeriods: forgoneQuantities.count),
            notes: notes)
    }

    /// The periods that have a value or a quantity.
    static func withFigures(_ series: TradeSeries) -> [String] {
        series.points.filter { $0.value != nil || $0.quantity != nil }.map(\.period.description)
    }

    /// The period of a frequency that contains a date.
    static func period(containing date: CalendarDate, _ frequency: Frequency) -> Period {
        switch frequency {
        case .annual: return Period(year: date.year)
        case .quarterly: return (try? Period(year: date.year, quarter: (date.month - 1) / 3 + 1)) ?? Period(year: date.year)
        case .monthly: return (try? Period(year: date.year, month: date.month)) ?? Period(year: date.year)
        }
    }

    /// The periods a baseline is fitted through and projected to.
    public struct BaselineWindow: Hashable, Codable, Sendable {
        /// The last period fitted.
        public let fitThrough: Period
        /// The last period projected.
        public let through: Period

        /// A window.
        ///
        /// - Parameters: One per property.
        public init(fitThrough: Period, through: Period) {
            self.fitThrough = fitThrough
            self.through = through
        }
    }

    enum Window { case success(TimeSeries<Double>), failure(String) }

    /// The fit window: `from...through` if given (must be gap-free), else the longest gap-free run ending at `through`.
    static func fitWindow(_ series: TimeSeries<Double>, from: Period?, through: Period) -> Window {
        guard series[through] != nil else {
            return .failure("the \(through) figure, the last before the first measure, is missing")
        }
        if let from {
            let slice = series.slice(from: from, through: through)
            if let gap = slice.values.firstIndex(where: { $0 == nil }) {
                return .failure("\(slice.start.advanced(by: gap)) is missing inside the fit window \(from)-\(through)")
            }
            if slice.start != from { return .failure("the data start at \(slice.start), after fit_from \(from)") }
            return .success(slice)
        }
        var start = through
        while let value = series[start.advanced(by: -1)], value.isFinite { start = start.advanced(by: -1) }
        return .success(series.slice(from: start, through: through))
    }
}
