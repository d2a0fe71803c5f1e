import Foundation
import Testing
import TradeDomain
@testable import TrendAnalysis
import _TestSupport

/// `TrendFit.confidenceBand()` against statsmodels `get_prediction(X).summary_frame(alpha=0.05)`
/// (`Reference/trend_band.csv`, written by `generate/trend_band.py`; see PROVENANCE.md).
@Suite("Trend confidence band against statsmodels get_prediction")
struct TrendFitBandTests {
    // Tolerance: as the regression itself (issue 4): rtol 1e-8 against statsmodels OLS.
    static let rtol = 1e-8

    static func reference(_ caseName: String) throws -> (mean: [Double], lower: [Double], upper: [Double]) {
        let fixture = try referenceFixture("trend_band").filter("case", equals: caseName)
        return (fixture.doubles("mean"), fixture.doubles("lower"), fixture.doubles("upper"))
    }

    static func check(_ band: [TrendBandPoint], _ caseName: String, transform: (Double) -> Double = { $0 }) throws {
        let expected = try reference(caseName)
        try #require(band.count == expected.mean.count, "\(caseName): \(band.count) band points, \(expected.mean.count) in the reference")
        for k in band.indices {
            expectClose(band[k].fitted, transform(expected.mean[k]), rtol: rtol, atol: 0, "\(caseName) fitted \(k)")
            expectClose(band[k].lower, transform(expected.lower[k]), rtol: rtol, atol: 0, "\(caseName) lower \(k)")
            expectClose(band[k].upper, transform(expected.upper[k]), rtol: rtol, atol: 0, "\(caseName) upper \(k)")
        }
    }

    @Test("Nile, linear trend, classical covariance")
    func nileLinear() throws {
        let fit = try TrendSpecification(model: .linear).fit(try TrendReference.nile())
        try Self.check(try #require(fit.confidenceBand()), "nile_linear")
    }

    @Test("AirPassengers, log-linear with month dummies and HAC(12): the band is exp of the log-scale band")
    func airSeasonalHAC() throws {
        let fit = try TrendSpecification(model: .logLinear, seasonal: true, hacLags: 12).fit(try TrendReference.airPassengers())
        try Self.check(try #require(fit.confidenceBand()), "air_loglinear_seasonal_hac12", transform: exp)
    }

    @Test("Nile with gaps: one band point per observed year, t the true position")
    func nileGaps() throws {
        let series = try TrendReference.nileWithGaps()
        let fit = try TrendSpecification(model: .linear).fit(series)
        let band = try #require(fit.confidenceBand())
        #expect(band.map(\.period) == series.observations.map(\.period))
        try Self.check(band, "nile_gaps_linear")
    }

    @Test("No band for tests and polynomial trends")
    func noBand() throws {
        let nile = try TrendReference.nile()
        #expect(try TrendSpecification(model: .theilSen).fit(nile).confidenceBand() == nil)
        #expect(try TrendSpecification(model: .mannKendall).fit(nile).confidenceBand() == nil)
        #expect(try TrendSpecification(model: .polynomial(degree: 2)).fit(nile).confidenceBand() == nil)
    }
}
