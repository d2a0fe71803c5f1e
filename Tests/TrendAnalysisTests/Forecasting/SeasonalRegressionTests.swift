import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Trend-plus-seasonal regression against R lm and predict.lm (4.2.2)")
struct SeasonalRegressionTests {
    static func reference(_ caseName: String, _ quantity: String) throws -> [Double] {
        try referenceFixture("seasonal_regression").filter("case", equals: caseName).filter("quantity", equals: quantity).doubles("value")
    }

    static let cases: [(name: String, file: String, column: String, period: Int, horizon: Int)] = [
        ("co2_monthly", "ets_series", "value", 12, 24),
        ("nile_line", "nile", "flow", 1, 5),
    ]

    @Test("coefficients, fitted values and RSS (rtol 1e-9), forecasts (rtol 1e-9), interval widths (rtol 1e-6)", arguments: 0..<2)
    func matchesR(index: Int) throws {
        let c = Self.cases[index]
        var fixture = try referenceFixture(c.file)
        if c.file == "ets_series" { fixture = fixture.filter("series", equals: "co2") }
        let values = fixture.doubles(c.column)
        #expect(!values.isEmpty)
        let fit = try SeasonalRegressionSpecification(seasonal: c.period > 1).fit(values: values, period: c.period)
        // OLS by QR against R lm (QR): the STYLE.md tolerance rtol 1e-9; atol 1e-9 for dummies near zero.
        expectClose(fit.coefficients, try Self.reference(c.name, "coefficients"), rtol: 1e-9, atol: 1e-9, "coefficients")
        expectClose(fit.fittedValues, try Self.reference(c.name, "fitted"), rtol: 1e-9, atol: 0, "fitted")
        expectClose(fit.residualSumOfSquares, try Self.reference(c.name, "rss")[0], rtol: 1e-9, atol: 0, "RSS")
        expectClose(fit.residualStandardError, try Self.reference(c.name, "sigma")[0], rtol: 1e-9, atol: 0, "sigma")
        for (level, suffix) in [(0.95, "95"), (0.80, "80")] {
            let forecast = try fit.forecast(horizon: c.horizon, level: level)
            #expect(forecast.intervalMethod == .regression && forecast.level == level)
            expectClose(forecast.mean, try Self.reference(c.name, "mean"), rtol: 1e-9, atol: 0, "mean")
            let lower = try Self.reference(c.name, "lower\(suffix)"), upper = try Self.reference(c.name, "upper\(suffix)")
            // Widths depend on the t quantile (our continued fraction vs R's qt): rtol 1e-6 as for analytic intervals.
            expectClose(forecast.intervals.map(\.width), zip(upper, lower).map { $0 - $1 }, rtol: 1e-6, atol: 0, "width \(suffix)")
        }
    }

    @Test("a gap and too few observations are errors, not filled")
    func errors() throws {
        let series = TimeSeries<Double>(start: Period(year: 2009), values: [1, 2, nil, 4, 5])
        #expect(throws: AnalysisError.missingValue(method: "trend-plus-seasonal regression", period: "2011")) {
            _ = try SeasonalRegressionSpecification().fit(series)
        }
        #expect(throws: AnalysisError.tooFewObservations(needed: 3, found: 2, method: "trend-plus-seasonal regression")) {
            _ = try SeasonalRegressionSpecification(seasonal: false).fit(values: [1, 2], period: 1)
        }
    }

    /// Issue 23 item 7: a forecast reaching past 9999-12 tripped the precondition of `Period.advanced`.
    @Test("a horizon past the calendar's end or over the limit is an error naming what fits")
    func horizonLimits() throws {
        let monthly = TimeSeries<Double>(start: try Period(year: 9998, month: 1), values: (0..<11).map { 1 + Double($0 % 5) })
        let fit = try SeasonalRegressionSpecification(seasonal: false).fit(monthly)
        // The series ends in 9998-11: 13 months remain (9998-12 through 9999-12).
        #expect(try fit.forecast(horizon: 13).periods.last == (try Period(year: 9999, month: 12)))
        #expect(throws: AnalysisError.invalidParameter(name: "horizon", value: "14",
                                                       constraint: "a forecast after 9998-11 may reach at most 13 periods ahead (periods end in the year 9999)")) {
            _ = try fit.forecast(horizon: 14)
        }
        let annual = try SeasonalRegressionSpecification(seasonal: false).fit(TimeSeries<Double>(start: Period(year: 2000), values: [1, 3, 2, 4]))
        #expect(throws: AnalysisError.invalidParameter(name: "horizon", value: "1001", constraint: "must be at most 1000 periods")) {
            _ = try annual.forecast(horizon: 1_001)
        }
        #expect(try annual.forecast(horizon: 1_000).mean.count == 1_000)
    }
}
