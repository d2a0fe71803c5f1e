import NumericCore
import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// Property and error tests of the structural model (the statsmodels comparisons are in
/// `StructuralModelStatsmodelsTests`).
@Suite("Structural model: properties, errors, batch")
struct StructuralModelSpecificationTests {
    private static let airCase = StructuralCase(name: "air", trend: .localLinearTrend, seasonal: true, horizon: 24)
    private static let nileCase = StructuralCase(name: "nile", trend: .localLevel, seasonal: false, horizon: 10)

    @Test("removing one observation raises the smoothed standard errors at that period", arguments: [20, 71, 143])
    func removedObservationWidens(_ t: Int) throws {
        let c = Self.airCase
        let spec = c.specification(variances: try c.statsmodelsVariances())
        let full = try c.series()
        var values = full.values
        values[t] = nil
        let gappy = try spec.fit(TimeSeries(start: full.start, values: values))
        let complete = try spec.fit(full)
        #expect(gappy.missing[t] && !complete.missing[t])
        #expect(gappy.missingCount == 1 && gappy.observationCount == complete.observationCount - 1)
        #expect(gappy.signal.standardErrors[t] > complete.signal.standardErrors[t])
        #expect(gappy.level.standardErrors[t] > complete.level.standardErrors[t])
        #expect(try #require(gappy.seasonal).standardErrors[t] > (try #require(complete.seasonal)).standardErrors[t])
        // No observation, so no prediction error and no irregular residual there; the level residual still exists.
        #expect(gappy.standardizedPredictionErrors[t] == nil && gappy.irregularAuxiliaryResiduals[t] == nil)
        // Away from the gap the standard errors cannot fall either (less information everywhere).
        for s in 0..<values.count {
            #expect(gappy.level.standardErrors[s] >= complete.level.standardErrors[s] * (1 - 1e-12))
        }
    }

    @Test("adding a constant to the series changes neither the variances nor the likelihood; the level moves by it")
    func constantShift() throws {
        let c = Self.airCase
        let series = try c.series()
        let shifted = series.map { $0 + 5 }
        // Fixed variances: the filter is exactly shift-equivariant, so the deterministic results agree to rounding.
        let fixed = c.specification(variances: try c.statsmodelsVariances())
        let a = try fixed.fit(series), b = try fixed.fit(shifted)
        expectClose(b.logLikelihood, a.logLikelihood, rtol: 1e-10, atol: 0, "llf, fixed variances")
        expectClose(b.level.estimates, a.level.estimates.map { $0 + 5 }, rtol: 1e-12, atol: 1e-9, "level + 5")
        expectClose(b.level.standardErrors, a.level.standardErrors, rtol: 1e-9, atol: 0, "level SE")
        expectClose(try #require(b.seasonal).estimates, try #require(a.seasonal).estimates, rtol: 0, atol: 1e-9, "seasonal")
        // Estimated: the optimiser sees likelihoods equal to rounding, so its path may differ slightly; the
        // maximum is the same (llf rtol 1e-9) and the variances agree to the optimiser's tolerance (rtol 1e-3,
        // STYLE.md for optimiser estimates; the slope variance is ~1e-16, i.e. zero, and compared absolutely).
        let free = c.specification(variances: nil)
        let x = try free.fit(series), y = try free.fit(shifted)
        expectClose(y.logLikelihood, x.logLikelihood, rtol: 1e-9, atol: 0, "llf, estimated")
        expectClose(y.variances.irregular, x.variances.irregular, rtol: 1e-3, atol: 0, "irregular")
        expectClose(y.variances.level, x.variances.level, rtol: 1e-3, atol: 0, "level")
        expectClose(try #require(y.variances.seasonal), try #require(x.variances.seasonal), rtol: 1e-3, atol: 0, "seasonal")
        expectClose(try #require(y.variances.slope), try #require(x.variances.slope), rtol: 0, atol: 1e-9, "slope")
    }

    @Test("relabelling the periods (another start month) changes nothing but the labels")
    func relabelledPeriods() throws {
        let c = Self.airCase
        let series = try c.series()
        let moved = TimeSeries(start: try Period(year: 1990, month: 7), values: series.values)
        let a = try c.specification(variances: nil).fit(series)
        let b = try c.specification(variances: nil).fit(moved)
        #expect(a.variances == b.variances)
        #expect(a.logLikelihood == b.logLikelihood)
        #expect(a.level == b.level && a.seasonal == b.seasonal)
        #expect(b.periods.first == (try Period(year: 1990, month: 7)))
        #expect(try b.forecast(horizon: 3).periods == [try Period(year: 2002, month: 7), try Period(year: 2002, month: 8),
                                                      try Period(year: 2002, month: 9)])
    }

    @Test("a log model equals the model fitted to ln y")
    func logarithm() throws {
        let raw = try referenceFixture("ets_series").filter("series", equals: "AirPassengers").doubles("value")
        var values: [Double?] = raw
        values[30] = nil
        let start = try Period(year: 1949, month: 1)
        let variances = try Self.airCase.statsmodelsVariances()
        let logFit = try StructuralModelSpecification(trend: .localLinearTrend, seasonal: .dummy(period: nil), logarithm: true,
                                                      variances: variances).fit(TimeSeries(start: start, values: values))
        let byHand = try StructuralModelSpecification(trend: .localLinearTrend, seasonal: .dummy(period: 12), variances: variances)
            .fit(TimeSeries(start: start, values: values.map { $0.map { log($0) } }))
        #expect(logFit.level == byHand.level && logFit.logLikelihood == byHand.logLikelihood)
        #expect(logFit.period == 12)
        #expect(logFit.summary().header.contains { $0.value.contains("ln y") })
    }

    @Test("errors state the constraint")
    func errors() throws {
        let start = try Period(year: 2009, month: 8)
        let trend = StructuralModelSpecification(trend: .localLinearTrend, seasonal: .dummy(period: nil))
        #expect(throws: AnalysisError.tooFewObservations(
            needed: 17, found: 0, method: "a structural model (local linear trend + seasonal(12)) with 13 initial states and 4 variances")) {
            try trend.fit(TimeSeries(start: start, values: [Double?](repeating: nil, count: 40)))
        }
        #expect(throws: AnalysisError.tooFewObservations(
            needed: 3, found: 2, method: "a structural model (local level) with 1 initial states and 2 variances")) {
            try StructuralModelSpecification().fit(values: [1, nil, nil, 2])
        }
        do {
            _ = try StructuralModelSpecification(logarithm: true).fit(TimeSeries(start: start, values: [3, 2, 0, 4, 5]))
            Issue.record("a zero in a log model must throw")
        } catch {
            #expect(error == .nonPositive(what: "observation for 2009-10 in a log structural model (local level of ln y)", value: 0))
            #expect(error.description.contains("not positive"))
        }
        #expect(throws: AnalysisError.invalidParameter(name: "seasonal period", value: "1",
                                                      constraint: "a dummy seasonal needs a period of at least 2")) {
            try trend.fit(TimeSeries(start: Period(year: 1990), values: (0..<30).map { Double($0) }))
        }
        #expect(throws: AnalysisError.self) {
            try StructuralModelSpecification(variances: StructuralVariances(irregular: 1, level: 1, slope: 1)).fit(values: [1, 2, 3, 4])
        }
        #expect(throws: AnalysisError.self) {
            try StructuralModelSpecification(variances: StructuralVariances(irregular: -1, level: 1)).fit(values: [1, 2, 3, 4])
        }
        // Every observation in the same calendar month: the 11 other seasonal states are never identified.
        var sameMonth = [Double?](repeating: nil, count: 240)
        for t in stride(from: 0, to: 240, by: 12) { sameMonth[t] = Double(t) }
        for t in stride(from: 1, to: 240, by: 12) { sameMonth[t] = Double(t) * 1.1 }
        do {
            _ = try trend.fit(TimeSeries(start: start, values: sameMonth))
            Issue.record("an unidentified seasonal must throw")
        } catch {
            guard case let .insufficientData(method, constraint) = error else { Issue.record("wrong error \(error)"); return }
            #expect(method.contains("structural model") && constraint.contains("do not identify the initial states"))
        }
    }

    @Test("a batch through GroupedAnalysis equals the single fits (gappy synthetic series)")
    func batchEqualsSingle() throws {
        // Seeded synthetic series (not data): level random walk + seasonal + noise, about 25% of months removed.
        var generator = SplitMix64(seed: 20_261_204)
        let series: [[Double?]] = (0..<6).map { _ in
            var level = 5.0
            return (0..<96).map { t in
                level += 0.02 * generator.nextStandardNormal()
                let value = level + 0.1 * sin(Double(t) * .pi / 6) + 0.05 * generator.nextStandardNormal()
                return generator.nextUniform() < 0.25 ? nil : value
            }
        }
        let spec = StructuralModelSpecification(trend: .localLinearTrend, seasonal: .dummy(period: 12))
        let batch = GroupedAnalysis.run(keys: series.indices.map(String.init), threads: 2) { k throws(AnalysisError) in
            try spec.fit(values: series[k], period: 12)
        }
        for (k, result) in batch.enumerated() {
            #expect(try result.value == spec.fit(values: series[k], period: 12), "series \(k)")
        }
    }

    @Test("the fit encodes as JSON and decodes to an equal value; the summary names the gaps")
    func codableAndSummary() throws {
        let c = StructuralCase(name: "nile_gaps", trend: .localLevel, seasonal: false, horizon: 10)
        let fit = try c.specification(variances: nil).fit(try c.series())
        let data = try JSONEncoder().encode(fit)
        #expect(try JSONDecoder().decode(StructuralModelFit.self, from: data) == fit)
        let summary = fit.summary()
        #expect(summary.rows.map { $0[0] } == ["irregular", "level"])
        #expect(summary.header.contains { $0.key == "Missing" && $0.value == "40" })
        #expect(summary.notes.contains { $0.contains("40 of 100 periods are missing") })
        #expect(fit.missing.filter { $0 }.count == 40)
        let bands = try fit.level.bands(level: 0.9)
        #expect(bands.count == 100 && zip(bands, fit.level.estimates).allSatisfy { $0.lower < $1 && $1 < $0.upper })
    }
}
