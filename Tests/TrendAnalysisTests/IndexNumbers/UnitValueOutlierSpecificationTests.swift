import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("UnitValueOutlierSpecification: robust z on log unit values, flagged, never dropped")
struct UnitValueOutlierSpecificationTests {
    @Test("against scipy: median and median_abs_deviation(scale='normal') of log unit values")
    func scipyReference() throws {
        // Synthetic unit values (USD/t) 80, 83.29, 73.38, 56.12, 52.49, 10, 75 for 2010–2016, one code.
        // scipy 1.17.1 / numpy 2.4.6: u = log(uv); m = median(u) = 4.295651418927136;
        // s = median_abs_deviation(u, scale="normal") = 0.187811712458621; z = (u − m) / s =
        // 0.45990324360508433, 0.6744897501960817, 0.0, −1.427808522601897, −1.7838543681706842,
        // −10.612044903068577, 0.11626907780836748.
        let unitValues = [80.0, 83.29, 73.38, 56.12, 52.49, 10.0, 75.0]
        let basket = unitValues.enumerated().map { k, uv in
            BasketObservation(period: Period(year: 2010 + k), code: "2701", value: uv * 1000, quantity: 1000)
        }
        let flags = try UnitValueOutlierSpecification().flag(basket)
        let expectedZ = [0.45990324360508433, 0.6744897501960817, 0.0, -1.427808522601897, -1.7838543681706842, -10.612044903068577, 0.11626907780836748]
        #expect(flags.count == 7)
        // A division and a logarithm per value: rtol 1e-13; the median's z is exactly 0 (atol 1e-15).
        expectClose(flags.map { $0.robustZ ?? .nan }, expectedZ, rtol: 1e-13, atol: 1e-15, "z")
        expectClose(flags[0].median, 4.295651418927136, rtol: 1e-15, atol: 0, "median")
        expectClose(flags[0].scaledMAD, 0.187811712458621, rtol: 1e-14, atol: 0, "scaled MAD")
        #expect(flags.map(\.isOutlier) == [false, false, false, false, false, true, false])
        // A threshold of 1.5 also flags the 2014 figure (z = −1.78).
        #expect(try UnitValueOutlierSpecification(threshold: 1.5).flag(basket).filter(\.isOutlier).map(\.period.year) == [2014, 2015])
    }

    @Test("too few unit values or a zero MAD give no score and no flag; missing quantities are not listed")
    func unscored() throws {
        let short = [1.0, 2.0].enumerated().map { BasketObservation(period: Period(year: 2000 + $0), code: "A", value: $1, quantity: 1) }
        #expect(try UnitValueOutlierSpecification().flag(short).allSatisfy { $0.robustZ == nil && !$0.isOutlier })
        let flat = [5.0, 5.0, 5.0, 9.0].enumerated().map { BasketObservation(period: Period(year: 2000 + $0), code: "B", value: $1, quantity: 1) }
        #expect(try UnitValueOutlierSpecification().flag(flat).allSatisfy { $0.robustZ == nil && !$0.isOutlier })
        let gap = [BasketObservation(period: Period(year: 2000), code: "C", value: 5, quantity: nil)]
        #expect(try UnitValueOutlierSpecification().flag(gap).isEmpty)
    }

    @Test("a threshold that is not positive is refused")
    func refusal() {
        #expect(throws: AnalysisError.self) { try UnitValueOutlierSpecification(threshold: 0) }
        #expect(throws: AnalysisError.self) { try UnitValueOutlierSpecification(minimumCount: 2) }
    }
}
