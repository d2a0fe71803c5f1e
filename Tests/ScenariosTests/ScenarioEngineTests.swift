import Foundation
import Testing
@testable import Scenarios
import TradeDomain
import _TestSupport

@Suite("Scenario engine: retained shares by hand, and properties")
struct ScenarioEngineTests {
    static func ban(_ effective: String, end: String? = nil, compliance: Double = 1, exemption: Double = 0, phaseIn: Int = 0,
                    action: ScenarioMeasure.Action = .ban, id: String = "b") -> ScenarioMeasure {
        ScenarioMeasure(id: id, eventID: nil, action: action, hsCodes: [Synthetic.code("2701")], effective: Synthetic.date(effective),
                        end: end.map(Synthetic.date), compliance: compliance, exemptionShare: exemption, phaseInMonths: phaseIn)
    }

    static func shares(_ measures: [ScenarioMeasure], periods: [Period] = [Period(year: 2016)],
                       value: [Double]? = [1200], quantity: [Double]? = [120]) -> [Double] {
        var notes: [String] = []
        return RetainedShares(periods: periods, baselineValue: value, baselineQuantity: quantity, quantityUnit: .tonne)
            .compute(measures, notes: &notes)
    }

    @Test("bans, phase-in, exemption, partial months, expiry and the overlap rule, against hand calculations")
    func banShares() throws {
        // Ban from 1 April, full compliance: Jan-Mar retained, 3 of 12 months.
        expectClose(Self.shares([Self.ban("2016-04-01")])[0], 3.0 / 12, rtol: 1e-15, atol: 0, "April ban")
        // Compliance 0.6 and exemption 0.25 from 1 January: 1 - 0.6 * 0.75 = 0.55.
        expectClose(Self.shares([Self.ban("2016-01-01", compliance: 0.6, exemption: 0.25)])[0], 0.55, rtol: 1e-15, atol: 0, "compliance")
        // Phase-in over 4 months from January: retained 0.75, 0.5, 0.25, then 0: (0.75 + 0.5 + 0.25) / 12 = 0.125.
        expectClose(Self.shares([Self.ban("2016-01-01", phaseIn: 4)])[0], 0.125, rtol: 1e-15, atol: 0, "phase-in")
        // Suspension 1 January to 30 June (end 1 July): half the year.
        expectClose(Self.shares([Self.ban("2016-01-01", end: "2016-07-01", action: .suspension)])[0], 0.5, rtol: 1e-15, atol: 0, "suspension")
        // A ban from 16 March 2016 in the month 2016-03: in force 16 of 31 days.
        let march = try Period(year: 2016, month: 3)
        expectClose(Self.shares([Self.ban("2016-03-16")], periods: [march], value: [100], quantity: [10])[0], 1 - 16.0 / 31,
                    rtol: 1e-15, atol: 0, "partial month")
        // Overlap: bans at compliance 0.5 and 0.8 from January: the stricter binds, 0.2 (not 0.5 * 0.2 = 0.1).
        expectClose(Self.shares([Self.ban("2016-01-01", compliance: 0.5), Self.ban("2016-01-01", compliance: 0.8, id: "c")])[0], 0.2,
                    rtol: 1e-15, atol: 0, "overlap")
    }

    static func cap(value: Double?, quantity: Double?, stop: Double = 1, compliance: Double = 1, effective: String = "2016-01-01") throws -> ScenarioMeasure {
        ScenarioMeasure(id: "cap", eventID: nil, action: .cap, hsCodes: [Synthetic.code("2701")], effective: Synthetic.date(effective), end: nil,
                        compliance: compliance,
                        cap: try CapRule(valueCap: value, quantityCap: quantity.map { Quantity(amount: $0, unit: .tonne) }, stopShare: stop))
    }

    @Test("caps: lesser-of, stop share and compliance, against hand calculations (baseline 100 USD and 10 t a month)")
    func capShares() throws {
        // Value cap 600 reached after 6 months: 0.5 of the year passes.
        expectClose(Self.shares([try Self.cap(value: 600, quantity: 1000)])[0], 0.5, rtol: 1e-15, atol: 0, "value cap")
        // Quantity cap 30 t is reached first (3 months): lesser-of gives 0.25.
        expectClose(Self.shares([try Self.cap(value: 600, quantity: 30)])[0], 0.25, rtol: 1e-15, atol: 0, "quantity binds")
        // Stop at 95% of 600: 570 USD = 5.7 months pass: 0.475.
        expectClose(Self.shares([try Self.cap(value: 600, quantity: nil, stop: 0.95)])[0], 0.475, rtol: 1e-15, atol: 0, "stop share")
        // Compliance 0.7: half passes under the cap, 30% of the other half: 0.5 + 0.5 * 0.3 = 0.65.
        expectClose(Self.shares([try Self.cap(value: 600, quantity: nil, compliance: 0.7)])[0], 0.65, rtol: 1e-15, atol: 0, "compliance")
        // Cap from 1 July: Jan-Jun pass; 300 USD of cap for Jul-Dec passes 3 more months: 9 / 12.
        expectClose(Self.shares([try Self.cap(value: 300, quantity: nil, effective: "2016-07-01")])[0], 0.75, rtol: 1e-15, atol: 0, "mid-year")
        // The cap resets each calendar year: two years each 0.5.
        let two = Self.shares([try Self.cap(value: 600, quantity: nil)], periods: [Period(year: 2016), Period(year: 2017)],
                              value: [1200, 1200], quantity: [120, 120])
        expectClose(two, [0.5, 0.5], rtol: 1e-15, atol: 0, "annual reset")
    }

    static let yamlHead = """
        name: property
        selection:
          hs: ["2701", "2702"]
        baseline:
          method: holt-winters
          trend: additive
          fit_to: 2013
        calendar: referenced

        """

    static func run(_ yaml: String) throws -> ScenarioOutcome {
        let scenario = try Synthetic.scenario(yaml)
        let series: [CommodityCode: TradeSeries] = [
            .hs(Synthetic.code("2701")): Synthetic.annualSeries("2701"),
            .hs(Synthetic.code("2702")): Synthetic.annualSeries("2702", scale: 0.3),
        ]
        return ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: series)
    }

    @Test("no events reproduces the baseline exactly, with zero forgone flows")
    func noEvents() throws {
        let outcome = try Self.run(Self.yamlHead)
        for commodity in outcome.commodities {
            #expect(commodity.periods.count == 4)
            for p in commodity.periods {
                #expect(p.retainedShare == 1)
                #expect(p.counterfactualValue == p.baselineValue && p.counterfactualQuantity == p.baselineQuantity)
                #expect(p.forgoneValue?.mean == 0 && p.forgoneQuantity?.mean == 0)
                #expect(p.baselineValue != nil && p.baselineQuantity != nil)
            }
        }
        #expect(outcome.totals.forgoneValue?.mean == 0)
    }

    @Test("a ban at 100% compliance zeroes the covered flows after its date and leaves the others")
    func fullBan() throws {
        let outcome = try Self.run(Self.yamlHead + """
            events:
              - new: ban
                hs: "2701"
                effective: 2015-01-01
            """)
        let coal = outcome.commodities[0], other = outcome.commodities[1]
        for p in coal.periods {
            if p.period >= Period(year: 2015) {
                #expect(p.counterfactualValue == Estimate(mean: 0, lower: 0, upper: 0))
                #expect(p.counterfactualQuantity == Estimate(mean: 0, lower: 0, upper: 0))
                #expect(p.forgoneValue == p.baselineValue)
            } else {
                #expect(p.counterfactualValue == p.baselineValue)
            }
        }
        #expect(other.periods.allSatisfy { $0.retainedShare == 1 })
    }

    @Test("impacts add up: per period within a code, and across codes to the total")
    func additivity() throws {
        let outcome = try Self.run(Self.yamlHead + """
            events:
              - new: ban
                hs: ["2701", "2702"]
                effective: 2014-07-01
                compliance: 0.8
                phase_in_months: 3
            """)
        for c in outcome.commodities {
            let sum = c.periods.compactMap(\.forgoneValue).reduce(0) { $0 + $1.mean }
            expectClose(c.totals.forgoneValue!.mean, sum, rtol: 1e-14, atol: 0, "per code")
            for p in c.periods {
                expectClose(p.counterfactualValue!.mean + p.forgoneValue!.mean, p.baselineValue!.mean, rtol: 1e-14, atol: 0, "split")
            }
        }
        let codes = outcome.commodities.map { $0.totals.forgoneValue!.mean }.reduce(0, +)
        expectClose(outcome.totals.forgoneValue!.mean, codes, rtol: 1e-14, atol: 0, "across codes")
        let lower = outcome.commodities.map { $0.totals.forgoneValue!.lower }.reduce(0, +)
        expectClose(outcome.totals.forgoneValue!.lower, lower, rtol: 1e-14, atol: 0, "lower bounds")
        #expect(outcome.totals.forgoneValue!.mean > 0)
    }

    @Test("a calendar event shifted keeps its grace offset; dropped events and non-binding national measures do not apply")
    func calendarEdits() throws {
        let scenario = try Synthetic.scenario("""
            name: edits
            selection: {hs: "2701"}
            calendar: all
            events:
              - ref: BAN-COAL
                shift_to: 2016-03-01
              - ref: CAP-COAL
                drop: true
            """)
        let timeline = scenario.timeline(Synthetic.calendar)
        // BAN-COAL adopted 2017-08-05, in force the day after its grace (2017-09-05): 31 days later. Shifted to 2016-03-01 -> 2016-04-01.
        #expect(timeline.map(\.id) == ["BAN-COAL"])
        #expect(timeline[0].effective == Synthetic.date("2016-04-01"))
        #expect(!scenario.calendarMeasures(Synthetic.calendar).contains { $0.eventID == "US-ALL" })
    }

    @Test("a sweep over compliance gives forgone flows proportional to compliance for a ban")
    func sweep() throws {
        let scenario = try Synthetic.scenario(Self.yamlHead + """
            events:
              - new: ban
                id: my-ban
                hs: "2701"
                effective: 2014-01-01
            """)
        let sweep = try ScenarioSweep(parsing: "my-ban:compliance=0:1:0.5")
        let variants = try sweep.scenarios(from: scenario, calendar: Synthetic.calendar)
        #expect(variants.map(\.label) == ["my-ban compliance 0.0", "my-ban compliance 0.5", "my-ban compliance 1.0"])
        let engine = ScenarioEngine(calendar: Synthetic.calendar)
        let series: [CommodityCode: TradeSeries] = [.hs(Synthetic.code("2701")): Synthetic.annualSeries("2701"),
                                                    .hs(Synthetic.code("2702")): Synthetic.annualSeries("2702", scale: 0.3)]
        let totals = variants.map { engine.run($0.scenario, series: series).commodities[0].totals.forgoneValue!.mean }
        #expect(totals[0] == 0)
        expectClose(totals[1], totals[2] / 2, rtol: 1e-14, atol: 0, "half compliance, half the loss")
        #expect(throws: ScenarioError.self) { _ = try ScenarioSweep(parsing: "my-ban:colour=1") }
        #expect(throws: ScenarioError.self) { _ = try ScenarioSweep(parsing: "my-ban:compliance=1.5") }
    }

    /// Issue 23 items 12 and 24: `0:1:0.001` was cut at 1,000 values, dropping its end; labels drifted
    /// (`0.9999999999999999`); a step of 0 was "not a number".
    @Test("compliance ranges: start + i*step with the end, labels with the step's decimals, the cap refused")
    func sweepRanges() throws {
        let tenth = try ScenarioSweep(parsing: "e:compliance=0:1:0.1")
        guard case let .compliance(values) = tenth.parameter else { Issue.record("not a compliance sweep"); return }
        #expect(values.count == 11 && values.last == 1 && values[3] == 0 + 3 * 0.1)
        let scenario = try Synthetic.scenario(Self.yamlHead + """
            events:
              - new: ban
                id: e
                hs: "2701"
                effective: 2014-01-01
            """)
        let labels = try tenth.scenarios(from: scenario, calendar: Synthetic.calendar).map(\.label)
        #expect(labels == (0...10).map { "e compliance " + ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", "1.0"][$0] })
        let fine = try ScenarioSweep(parsing: "e:compliance=0:0.999:0.001")
        guard case let .compliance(thousand) = fine.parameter else { return }
        #expect(thousand.count == 1_000 && thousand.last == 0.999)
        #expect(try fine.scenarios(from: scenario, calendar: Synthetic.calendar).last?.label == "e compliance 0.999")
        #expect(throws: ScenarioError.invalidSweep("compliance range '0:1:0.001' has 1001 values; the limit is 1000 (use a larger step)")) {
            _ = try ScenarioSweep(parsing: "e:compliance=0:1:0.001")
        }
        #expect(throws: ScenarioError.invalidSweep("compliance range '0:1:0': the step 0 must be positive")) {
            _ = try ScenarioSweep(parsing: "e:compliance=0:1:0")
        }
        #expect(throws: ScenarioError.invalidSweep("compliance range '1:0:0.1': the end 0 is before the start 1")) {
            _ = try ScenarioSweep(parsing: "e:compliance=1:0:0.1")
        }
    }

    @Test("gaps are not filled: a missing figure before the first measure is reported, not interpolated")
    func gaps() throws {
        let scenario = try Synthetic.scenario(Self.yamlHead)
        var series = Synthetic.annualSeries("2701")
        // The builder gives one point per period; a gap is a point without figures.
        series = TradeSeries(selection: series.selection, quantityUnit: .tonne, points: series.points.map { point in
            point.period != Period(year: 2013) ? point : TradeSeriesPoint(
                period: point.period, value: nil, quantity: nil, unitPrice: nil, missingQuantityShare: nil, suspectQuantityShare: nil,
                estimatedQuantityShare: nil, valueSources: [], quantitySources: [], alternatives: [], codes: [])
        })
        let outcome = ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: [.hs(Synthetic.code("2701")): series])
        let coal = outcome.commodities[0]
        #expect(coal.periods.allSatisfy { $0.baselineValue == nil && $0.forgoneValue == nil })
        #expect(coal.notes.contains { $0.contains("2013 figure") && $0.contains("missing") }, "\(coal.notes) \(coal.periods.map(\.period))")
        #expect(outcome.commodities[1].notes.contains { $0.contains("no data for HS 2702") })
    }

    @Test("the regression baseline extrapolates an exact line exactly (hand calculation: 100 + 20 t million)")
    func regressionBaseline() throws {
        let scenario = try Synthetic.scenario("""
            name: line
            selection: {hs: "2701"}
            baseline: {method: regression, trend: additive, fit_to: 2013, transform: none}
            calendar: referenced
            """)
        let base = Synthetic.annualSeries("2701")
        let points = base.points.map { point in
            TradeSeriesPoint(period: point.period, value: MonetaryAmount(amount: 100e6 + 20e6 * Double(point.period.year - 2008)),
                             quantity: nil, unitPrice: nil, missingQuantityShare: nil, suspectQuantityShare: nil, estimatedQuantityShare: nil,
                             valueSources: ["TEST"], quantitySources: [], alternatives: [], codes: [])
        }
        let outcome = ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: [.hs(Synthetic.code("2701")): TradeSeries(selection: base.selection, quantityUnit: nil, points: points)])
        let rows = outcome.commodities[0].periods
        #expect(rows.map(\.period) == (2014...2017).map { Period(year: $0) })
        // 2014 is t = 6: 100 + 120 = 220 million, ... 2017: 280 million.
        expectClose(rows.map { $0.baselineValue?.mean ?? .nan }, [220e6, 240e6, 260e6, 280e6], rtol: 1e-12, atol: 0, "line")
        #expect(outcome.commodities[0].notes.contains { $0.contains("no quantity figures") })
    }

    /// A value series on an exact path, annual 2008-2017 (synthetic).
    static func exactSeries(_ value: (Int) -> Double) -> TradeSeries {
        let base = Synthetic.annualSeries("2701")
        let points = base.points.map { point in
            TradeSeriesPoint(period: point.period, value: MonetaryAmount(amount: value(point.period.year - 2008)),
                             quantity: nil, unitPrice: nil, missingQuantityShare: nil, suspectQuantityShare: nil, estimatedQuantityShare: nil,
                             valueSources: ["TEST"], quantitySources: [], alternatives: [], codes: [])
        }
        return TradeSeries(selection: base.selection, quantityUnit: nil, points: points)
    }

    @Test("by default a positive baseline is fitted on logs: a halving series extrapolates exactly (hand calculation: 640m / 2^t)")
    func logBaselineByDefault() throws {
        let scenario = try Synthetic.scenario("""
            name: halving
            selection: {hs: "2701"}
            baseline: {method: regression, trend: additive, fit_to: 2013}
            calendar: referenced
            """)
        let outcome = ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: [.hs(Synthetic.code("2701")): Self.exactSeries { 640e6 / pow(2, Double($0)) }])
        let rows = outcome.commodities[0].periods
        // log y is an exact line, so the residual variance is 0: mean = median = bounds = 640m / 2^t, t = 6...9.
        expectClose(rows.map { $0.baselineValue?.mean ?? .nan }, [10e6, 5e6, 2.5e6, 1.25e6], rtol: 1e-9, atol: 0, "log line")
        let summary = try #require(outcome.commodities[0].baselines.first)
        #expect(summary.transformation == .log && summary.point == .mean && summary.truncatedFigures == 0)
        #expect(outcome.commodities[0].notes.contains { $0.contains("value baseline for HS 2701: model fitted on logs") }, "\(outcome.commodities[0].notes)")
    }

    @Test("a steep fall projected untransformed is truncated at 0 with a note: no negative baseline, counterfactual or forgone figure")
    func untransformedIsTruncated() throws {
        let outcome = try Self.steepFall(transform: "none")
        let rows = outcome.commodities[0].periods
        let figures = rows.flatMap { row in [row.baselineValue, row.counterfactualValue, row.forgoneValue].compactMap { $0 }.flatMap { [$0.mean, $0.lower, $0.upper] } }
        #expect(figures.count == 4 * 9)
        #expect(figures.allSatisfy { $0 >= 0 }, "\(figures)")
        // 600 - 100 t million reaches 0 at t = 6 (2014) and goes below after: those means are truncated.
        #expect(rows.map { $0.baselineValue?.mean ?? .nan }.suffix(3) == [0, 0, 0])
        #expect(outcome.commodities[0].notes.contains { $0.contains("truncated at 0") && $0.contains("point forecast in") && $0.contains("2015, 2016, 2017") },
                "\(outcome.commodities[0].notes)")
        #expect((outcome.commodities[0].baselines.first?.truncatedFigures ?? 0) > 0)
        // The default (log) needs no truncation and stays positive.
        let logged = try Self.steepFall(transform: nil)
        #expect(logged.commodities[0].baselines.first?.transformation == .log)
        #expect(logged.commodities[0].periods.allSatisfy { ($0.baselineValue?.lower ?? -1) > 0 && ($0.counterfactualValue?.lower ?? -1) >= 0 })
    }

    /// A series falling by USD 100m a year from 600m in 2008 (to 100m in 2013), noisy, with a half ban from 2015 (synthetic).
    static func steepFall(transform: String?) throws -> ScenarioOutcome {
        let scenario = try Synthetic.scenario("""
            name: steep
            selection: {hs: "2701"}
            baseline: {method: ets, trend: additive, fit_to: 2013, allow_short: true\(transform.map { ", transform: \($0)" } ?? "")}
            calendar: referenced
            events:
              - new: ban
                hs: "2701"
                effective: 2015-01-01
                compliance: 0.5
            """)
        let noise = [0.0, 9e6, -7e6, 4e6, -6e6, 2e6]
        return ScenarioEngine(calendar: Synthetic.calendar).run(scenario, series: [.hs(Synthetic.code("2701")): Self.exactSeries { t in
            600e6 - 100e6 * Double(t) + (t < noise.count ? noise[t] : 0)
        }])
    }
}
