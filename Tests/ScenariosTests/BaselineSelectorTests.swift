import NumericCore
import Foundation
import Testing
@testable import Scenarios
import TradeDomain
import TrendAnalysis
import _TestSupport

/// A synthetic (seeded) annual series: y[t] = 100 + 5 t + N(0, 2²), t = 0..29 from 1988, value only.
private func linearSeries(seed: UInt64) -> TradeSeries {
    var generator = SplitMix64(seed: seed)
    let selection = TradeSelection(reporter: .china, partner: .northKorea, flow: .import,
                                   commodity: (try? CommodityCode(parsing: "2701"))!, frequency: .annual)
    let points = (0..<30).map { t -> TradeSeriesPoint in
        let noise = generator.nextStandardNormal()
        return TradeSeriesPoint(period: Period(year: 1988 + t), value: MonetaryAmount(amount: 100 + 5 * Double(t) + 2 * noise),
                                quantity: nil, unitPrice: nil, missingQuantityShare: nil, suspectQuantityShare: nil,
                                estimatedQuantityShare: nil, valueSources: ["SYNTHETIC"], quantitySources: [], alternatives: [], codes: [])
    }
    return TradeSeries(selection: selection, quantityUnit: nil, points: points)
}

@Suite("Baselines chosen by rolling-origin backtest")
struct BaselineSelectorTests {
    /// The untransformed automatic baseline fitted through 2017 (t = 29) and projected to 2018.
    private func selector(allowShort: Bool = false) -> BaselineSelector {
        BaselineSelector(baseline: ScenarioBaseline(method: .automatic, through: Period(year: 2018),
                                                    nonNegative: NonNegativeForecasting(request: .fixed(.none))),
                         seed: 7, allowShort: allowShort)
    }

    @Test("A seeded straight line with noise: a trend model wins (the line or ETS with an additive trend, which contains it); the line's MASE and sMAPE equal a hand computation",
          arguments: [1, 2, 3] as [UInt64])
    func knownBestModel(seed: UInt64) throws {
        let series = linearSeries(seed: seed)
        let values = try #require(series.valueSeries)
        let (outcome, notes) = selector().run(measure: .value, series: values, fitThrough: Period(year: 2017), horizon: 1, label: "test")
        let result = try #require(outcome, "\(notes)")
        let backtest = try #require(result.summary.backtest)
        #expect(backtest.origins == [2014, 2015, 2016].map { Period(year: $0) })
        let chosen = try #require(result.summary.chosenScore)
        // The data are a line plus white noise: the best forecaster is the line. ETS(A,A,N) with alpha and beta at
        // their lower bounds is the same line fitted by likelihood, so either may score lowest; models without a
        // trend (ETS(A,N,N), the local level) must lose.
        #expect(chosen.candidate == "linear trend (least squares)"
                || (chosen.candidate.hasPrefix("exponential smoothing") && (chosen.model ?? "").contains("additive trend")), "\(chosen)")
        let line = try #require(backtest.scores.first { $0.candidate == "linear trend (least squares)" })
        let level = try #require(backtest.scores.first { $0.candidate == "structural model, local level" })
        #expect((line.mase ?? .infinity) < (level.mase ?? 0))
        // Independent computation: at origin o, OLS of y on t over t = 0...o; forecast every later t through 29;
        // scale = mean |y[i] - y[i-1]| over the training data.
        let y = values.values.map { $0! }
        var scaled: [Double] = [], percent: [Double] = []
        for o in [26, 27, 28] {
            let ts = (0...o).map(Double.init), ys = Array(y[0...o])
            let tm = ts.reduce(0, +) / Double(ts.count), ym = ys.reduce(0, +) / Double(ys.count)
            let b = zip(ts, ys).reduce(0) { $0 + ($1.0 - tm) * ($1.1 - ym) } / ts.reduce(0) { $0 + ($1 - tm) * ($1 - tm) }
            let a = ym - b * tm
            let scale = zip(ys.dropFirst(), ys).reduce(0) { $0 + abs($1.0 - $1.1) } / Double(o)
            for t in (o + 1)...29 {
                let f = a + b * Double(t)
                scaled.append(abs(y[t] - f) / scale)
                percent.append(200 * abs(y[t] - f) / (abs(y[t]) + abs(f)))
            }
        }
        #expect(line.forecasts == 6)
        // Closed-form OLS both ways: rtol 1e-9 (STYLE.md, OLS).
        expectClose([line.mase ?? .nan, line.smape ?? .nan], [scaled.reduce(0, +) / 6, percent.reduce(0, +) / 6], rtol: 1e-9, atol: 0)
        // Every candidate was scored on the same origins, and the chosen one has the lowest MASE.
        let scored = backtest.scores.compactMap(\.mase)
        #expect(scored.count == 4)
        #expect(scored.min() == chosen.mase)
    }

    @Test("Too few observations: refused with the rule and the way out; --allow-short fits with a warning")
    func refusal() throws {
        let values = try #require(linearSeries(seed: 1).valueSeries).slice(from: Period(year: 2013), through: Period(year: 2017))
        let (refused, notes) = selector().run(measure: .value, series: values, fitThrough: Period(year: 2017), horizon: 1, label: "value baseline")
        #expect(refused == nil)
        #expect(notes.contains { $0.contains("refused") && $0.contains("needs at least 6 observations") && $0.contains("--allow-short") })
        let (allowed, _) = selector(allowShort: true).run(measure: .value, series: values, fitThrough: Period(year: 2017), horizon: 1, label: "value baseline")
        let summary = try #require(allowed?.summary)
        #expect(summary.observationCount == 5)
        #expect(summary.warnings.contains { $0.contains("fewer than the 6") })
    }
}

@Suite("Marginal comparisons on one baseline")
struct ScenarioComparisonTests {
    private let yamlA = """
        name: cap at 50%
        selection: {reporter: CHN, partner: PRK, flow: import, hs: ["2701"], freq: annual}
        baseline: {method: ets, trend: additive, fit_to: 2013, transform: none}
        calendar: referenced
        events:
          - new: ban
            hs: "2701"
            effective: 2014-07-01
            compliance: 0.5
        """
    private let yamlB = """
        name: ban at 80%
        selection: {reporter: CHN, partner: PRK, flow: import, hs: ["2701"], freq: annual}
        baseline: {method: ets, trend: additive, fit_to: 2013, transform: none}
        calendar: referenced
        events:
          - new: ban
            hs: "2701"
            effective: 2015-01-01
            compliance: 0.8
        """

    @Test("A against B equals the difference of the two runs, period by period and in total")
    func againstEqualsDifference() throws {
        let a = try Synthetic.scenario(yamlA), b = try Synthetic.scenario(yamlB)
        let engine = ScenarioEngine(calendar: Synthetic.calendar, allowShort: true)
        let series = [a.hsCodes[0]: Synthetic.annualSeries("2701")]
        let comparison = engine.compare(a, against: b, series: series)
        let runA = engine.run(a, series: series), runB = engine.run(b, series: series)
        let rows = try #require(comparison.commodities.first).periods
        #expect(rows.map(\.period) == runA.commodities[0].periods.map(\.period))
        #expect(rows.count == 4)
        var total = 0.0
        for (row, (pa, pb)) in zip(rows, zip(runA.commodities[0].periods, runB.commodities[0].periods)) {
            let expected = (pa.counterfactualValue?.mean ?? .nan) - (pb.counterfactualValue?.mean ?? .nan)
            // Baseline x (share A - share B) against baseline x share A - baseline x share B: rounding only.
            expectClose([row.valueDifference?.mean ?? .nan], [expected], rtol: 1e-12, atol: 1e-6)
            expectClose([row.quantityDifference?.mean ?? .nan],
                        [(pa.counterfactualQuantity?.mean ?? .nan) - (pb.counterfactualQuantity?.mean ?? .nan)], rtol: 1e-12, atol: 1e-9)
            #expect((row.valueDifference?.lower ?? .nan) <= (row.valueDifference?.mean ?? .nan))
            #expect((row.valueDifference?.mean ?? .nan) <= (row.valueDifference?.upper ?? .nan))
            total += expected
        }
        expectClose([comparison.totalValue?.mean ?? .nan], [total], rtol: 1e-12, atol: 1e-6)
        // Both ran on the same baseline.
        #expect(comparison.outcome.commodities[0].baselines == comparison.reference?.commodities[0].baselines)
    }

    @Test("Against the recorded figures: counterfactual minus actual, interval shifted by the actual figure")
    func againstActual() throws {
        let a = try Synthetic.scenario(yamlA)
        let engine = ScenarioEngine(calendar: Synthetic.calendar, allowShort: true)
        let series = [a.hsCodes[0]: Synthetic.annualSeries("2701")]
        let comparison = engine.compareWithActual(a, series: series)
        let run = engine.run(a, series: series)
        for (row, p) in zip(comparison.commodities[0].periods, run.commodities[0].periods) {
            let actual = try #require(p.actualValue)
            expectClose([row.valueDifference?.mean ?? .nan, row.valueDifference?.lower ?? .nan],
                        [(p.counterfactualValue?.mean ?? .nan) - actual, (p.counterfactualValue?.lower ?? .nan) - actual], rtol: 1e-12, atol: 1e-6)
        }
    }
}
