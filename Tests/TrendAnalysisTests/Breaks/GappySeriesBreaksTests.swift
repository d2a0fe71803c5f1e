import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

/// Breaks on the observed periods of gappy monthly series, against strucchange 1.5.3, sandwich 3.0.2
/// (R 4.2.2) and ruptures 1.1.10 run on the same observed rows with a calendar-time regressor
/// (`Reference/generate/breaks_gaps.R`, `pelt_gaps.py`). Series: a seeded synthetic one (120 months,
/// 30 removed) and the bundled monthly HS 2701 values (29 of 154 months).
@Suite("breaks on gappy series: strucchange, sandwich and ruptures on the observed rows")
struct GappySeriesBreaksTests {
    /// A gappy monthly series from a reference file with `period,value` and NA for a missing month.
    static func series(_ name: String) throws -> TimeSeries<Double> {
        let data = try referenceFixture(name == "coal" ? "breaks_gaps_coal" : "breaks_gaps_series")
        let values = data.doubles("value").map { $0.isNaN ? nil : $0 }
        return TimeSeries(start: try Period(parsing: data.strings("period")[0]), values: values)
    }

    /// The reference case name (`synthetic_trend`) as series, lags and trend.
    static func model(_ name: String) throws -> (series: TimeSeries<Double>, lags: [Int], trend: Bool) {
        let parts = name.split(separator: "_")
        return (try series(String(parts[0])), parts[1] == "lag1" ? [1] : [], parts[1] == "trend")
    }

    static let cases = ["synthetic_mean", "synthetic_trend", "synthetic_lag1", "coal_mean", "coal_trend"]

    @Test("Bai-Perron: RSS, BIC and breaks for every number of breaks; dates named by the observation's month", arguments: cases)
    func breakpoints(name: String) throws {
        let reference = try referenceFixture("breaks_gaps_breakpoints").filter("case", equals: name)
        let (series, lags, trend) = try Self.model(name)
        let result = try BreakpointSpecification(minimumSegment: .fraction(0.15)).fit(series, lags: lags, trend: trend)
        #expect(result.observationCount == Int(reference.strings("n")[0])!)
        #expect(result.minimumSegmentObservations == Int(reference.strings("h")[0])!, "h counted in observations")
        // Givens updating (here) and recursive residuals (R) agree to rounding: rtol 1e-9 as in BreakpointSpecificationTests.
        expectClose(result.residualSumOfSquaresByBreakCount, reference.doubles("rss"), rtol: 1e-9, atol: 0, "\(name) RSS")
        expectClose(result.bicByBreakCount, reference.doubles("bic"), rtol: 1e-9, atol: 0, "\(name) BIC")
        #expect(result.breakIndicesByBreakCount == reference.strings("breakpoints").map { $0.split(separator: ";").map { Int($0)! - 1 } })
        let chosen = try #require(reference.filter("chosen", equals: "1").rows.first)
        let expectedPeriods = chosen[reference.header.firstIndex(of: "periods")!].split(separator: ";").map { String($0) }
        #expect(result.breaks.map { $0.period?.description ?? "" } == expectedPeriods)
    }

    @Test("Bai-Perron 95% intervals: observation indices as R's confint, ends named by their months", arguments: cases)
    func intervals(name: String) throws {
        let reference = try referenceFixture("breaks_gaps_confint").filter("case", equals: name)
        let (series, lags, trend) = try Self.model(name)
        for count in Set(reference.strings("breaks")) {
            let rows = reference.filter("breaks", equals: count)
            let result = try BreakpointSpecification(minimumSegment: .fraction(0.15), breakCount: Int(count)!).fit(series, lags: lags, trend: trend)
            #expect(result.breaks.map { $0.index + 1 } == rows.strings("breakpoint").map { Int($0)! }, "\(name) \(count)")
            #expect(result.breaks.map { $0.lowerIndex.map { $0 + 1 } } == rows.strings("lower").map { Int($0) }, "\(name) \(count) lower")
            #expect(result.breaks.map { $0.upperIndex.map { $0 + 1 } } == rows.strings("upper").map { Int($0) }, "\(name) \(count) upper")
            #expect(result.breaks.map { $0.lowerPeriod?.description ?? "NA" } == rows.strings("lower_period"), "\(name) \(count) lower period")
            #expect(result.breaks.map { $0.upperPeriod?.description ?? "NA" } == rows.strings("upper_period"), "\(name) \(count) upper period")
        }
    }

    @Test("F statistics, sup/ave/exp-F, Chow at a month, OLS and recursive CUSUM", arguments: cases)
    func tests(name: String) throws {
        let reference = try referenceFixture("breaks_gaps_tests").filter("case", equals: name)
        let (series, lags, trend) = try Self.model(name)
        func row(_ test: String) -> Fixture { reference.filter("test", equals: test) }

        let f = try FStatisticsSpecification(trimming: 0.15).fit(series, lags: lags, trend: trend)
        let sequence = try referenceFixture("breaks_gaps_fstats").filter("case", equals: name)
        // F statistics from RSS of QR fits: rtol 1e-7 (STYLE.md 4.7), as FStatisticsSpecificationTests; atol 1e-9
        // for an F near 0, where RSS0 - RSS1 cancels to rounding (1e-14 absolute against F values of order 10).
        expectClose(f.statistics, sequence.doubles("f"), rtol: 1e-7, atol: 1e-9, "\(name) Fstats")
        #expect(f.breakIndices == sequence.strings("index").map { Int($0)! - 1 })
        #expect(f.periods.map(\.description) == sequence.strings("period"))
        for (test, ours) in [("supF", f.supF), ("aveF", f.aveF), ("expF", f.expF)] {
            expectClose(ours.statistic, row(test).doubles("statistic")[0], rtol: 1e-7, atol: 0, "\(name) \(test)")
            // Hansen's p-value surface as strucchange evaluates it (same coefficient tables): atol 1e-6.
            expectClose(ours.pValue, row(test).doubles("p_value")[0], rtol: 0, atol: 1e-6, "\(name) \(test) p")
        }

        let chow = row("Chow")
        let at = try Period(parsing: chow.strings("period")[0])
        let ours = try ChowTest.test(series, lastPeriodBefore: at, lags: lags, trend: trend)
        // strucchange's Chow statistic is the F of ChowTest; p-values from F(k, n - 2k) to 1e-9.
        expectClose(ours.statistic, chow.doubles("statistic")[0], rtol: 1e-7, atol: 0, "\(name) Chow")
        expectClose(ours.pValue, chow.doubles("p_value")[0], rtol: 1e-6, atol: 1e-12, "\(name) Chow p")

        let processes = try referenceFixture("breaks_gaps_efp").filter("case", equals: name)
        for (type, label) in [(FluctuationType.olsCUSUM, "OLS-CUSUM"), (.recursiveCUSUM, "Rec-CUSUM")] {
            let process = try FluctuationProcessSpecification(type: type).fit(series, lags: lags, trend: trend)
            expectClose(process.process, processes.filter("type", equals: label).doubles("process"), rtol: 1e-7, atol: 1e-9, "\(name) \(label) process")
            expectClose(process.test.statistic, row(label).doubles("statistic")[0], rtol: 1e-7, atol: 0, "\(name) \(label)")
            expectClose(process.test.pValue, row(label).doubles("p_value")[0], rtol: 1e-6, atol: 1e-9, "\(name) \(label) p")
        }
    }

    @Test("interrupted time series: calendar time, intervention month, OLS and Newey-West as R lm + sandwich", arguments: ["synthetic", "coal"])
    func interruptedTimeSeries(name: String) throws {
        let reference = try referenceFixture("breaks_gaps_its").filter("case", equals: name)
        let at = try Period(parsing: reference.strings("at")[0])
        let fit = try InterruptedTimeSeriesSpecification(interventionPeriod: at, seasonal: name == "synthetic",
                                                          hacLags: Int(reference.strings("lag")[0])!).fit(try Self.series(name))
        #expect(fit.observationCount == Int(reference.strings("n")[0])!)
        // OLS by QR against lm: rtol 1e-8 on estimates and standard errors (as InterruptedTimeSeriesSpecificationTests).
        expectClose(fit.regression.coefficients.map(\.estimate), reference.doubles("estimate"), rtol: 1e-8, atol: 1e-9, "\(name) estimates")
        expectClose(fit.regression.coefficients.map(\.standardError), reference.doubles("std_error"), rtol: 1e-8, atol: 0, "\(name) std errors")
        expectClose(fit.regression.coefficients.map { $0.hacStandardError ?? .nan }, reference.doubles("hac_std_error"), rtol: 1e-8, atol: 0, "\(name) HAC")
    }

    @Test("PELT on the observed values: change points as ruptures and exact optimal partitioning, named by month")
    func pelt() throws {
        let reference = try referenceFixture("breaks_gaps_pelt")
        for row in reference.rows {
            func cell(_ column: String) -> String { row[reference.header.firstIndex(of: column)!] }
            let series = try Self.series(cell("series"))
            let cost: ChangePointCost = cell("cost") == "mean" ? .mean : .meanAndVariance
            let minimum = Int(cell("min_size"))!
            let expected = cell("optimal").split(separator: ";").map { Int($0)! }
            let periods = cell("periods").split(separator: ";").map(String.init)
            // Raw penalty on the raw cost (noise variance 1), as PELTSpecificationTests.
            let raw = try PELTSpecification(cost: cost, penalty: .value(Double(cell("penalty"))!), minimumSegmentSize: minimum,
                                            noiseVariance: .known(1)).fit(series)
            #expect(raw.changePoints == expected, "\(row)")
            #expect(raw.periods.map(\.description) == periods, "\(row)")
            if cost == .mean {
                // The CLI's default: BIC = log(n) per change on the cost divided by the estimated noise variance.
                let automatic = try PELTSpecification(cost: .mean, penalty: .bic, minimumSegmentSize: minimum).fit(series)
                #expect(automatic.changePoints == expected, "\(row)")
                expectClose(automatic.penaltyValue, Double(cell("penalty_per_variance"))!, rtol: 1e-12, atol: 0, "log n")
            }
        }
    }

    @Test("the window counts the missing months")
    func window() throws {
        let coal = ObservedWindow(try Self.series("coal"))
        #expect(coal.periodCount == 154 && coal.missingCount == 125 && coal.observedCount == 29)
        #expect(coal.first.description == "2005-03" && coal.last.description == "2017-12")
    }

    /// Differential: the series path equals the regression given by its rows, built independently here;
    /// on a complete series these are the rows of the path before gaps were allowed, so results are bit-identical.
    @Test("series path == rows path, bit for bit, for complete and gappy series", arguments: [false, true])
    func seriesPathEqualsRows(gappy: Bool) throws {
        let full = try BreakpointSpecificationTests.seatbelt()
        let series = gappy ? TimeSeries(start: full.start, values: full.values.enumerated().map { $0.offset % 7 == 3 ? nil : $0.element }) : full
        let lags = [1, 12]
        var y = [Double](), rows = [[Double]](), periods = [Period]()
        for t in 12..<series.count {
            guard let value = series.values[t], let l1 = series.values[t - 1], let l12 = series.values[t - 12] else { continue }
            y.append(value); rows.append([1, Double(t + 1), l1, l12]); periods.append(series.start.advanced(by: t))
        }
        let plain = rows.map { [$0[0], $0[2], $0[3]] }
        let specification = BreakpointSpecification(minimumSegment: .fraction(0.1))
        #expect(try specification.fit(series, lags: lags) == specification.fit(response: y, regressors: plain, periods: periods))
        #expect(try specification.fit(series, lags: lags, trend: true) == specification.fit(response: y, regressors: rows, periods: periods))
        #expect(try FStatisticsSpecification().fit(series, lags: lags, trend: true) == FStatisticsSpecification().fit(response: y, regressors: rows, periods: periods))
        let cusum = FluctuationProcessSpecification(type: .recursiveCUSUM)
        #expect(try cusum.fit(series, lags: lags) == cusum.fit(response: y, regressors: plain, periods: periods))
        if !gappy { #expect(y.count == 180 && periods.first?.description == "1970-01") }
    }
}
