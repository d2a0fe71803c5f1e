import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("Bai-Perron breakpoints against strucchange 1.5.3 (R 4.2.2)")
struct BreakpointSpecificationTests {
    /// Nile as a yearly series from 1871.
    static func nile() throws -> TimeSeries<Double> {
        TimeSeries(start: Period(year: 1871), values: try referenceFixture("nile").doubles("flow"))
    }

    /// log10 UKDriverDeaths from 1969-01; with lags 1 and 12 the model uses 1970-01..1984-12 (n = 180).
    static func seatbelt() throws -> TimeSeries<Double> {
        let data = try referenceFixture("ukdriverdeaths")
        return TimeSeries(start: try Period(parsing: data.strings("period")[0]), values: data.doubles("deaths").map { log10($0) })
    }

    static func fit(_ name: String, breaks: Int? = nil) throws -> Breakpoints {
        name == "nile"
            ? try BreakpointSpecification(minimumSegment: .fraction(0.15), breakCount: breaks).fit(try nile())
            : try BreakpointSpecification(minimumSegment: .fraction(0.1), breakCount: breaks).fit(try seatbelt(), lags: [1, 12])
    }

    @Test("RSS, BIC, LWZ and the optimal breaks for every number of breaks", arguments: ["nile", "seatbelt"])
    func summaryTable(name: String) throws {
        let reference = try referenceFixture("breakpoints_summary").filter("case", equals: name)
        let result = try Self.fit(name)
        #expect(result.observationCount == Int(reference.strings("n")[0])!)
        #expect(result.minimumSegmentObservations == Int(reference.strings("h")[0])!)
        #expect(result.residualSumOfSquaresByBreakCount.count == reference.rows.count)
        // RSS from recursive residuals (R) and from Givens updating (here) agree to rounding; rtol 1e-9 as for OLS.
        expectClose(result.residualSumOfSquaresByBreakCount, reference.doubles("rss"), rtol: 1e-9, atol: 0, "\(name) RSS")
        expectClose(result.bicByBreakCount, reference.doubles("bic"), rtol: 1e-9, atol: 0, "\(name) BIC")
        expectClose(Array(result.lwzByBreakCount.dropFirst()), Array(reference.doubles("lwz").dropFirst()), rtol: 1e-9, atol: 0, "\(name) LWZ")
        // Break indices exactly; R's are 1-based positions of the last observation of a regime.
        let expected = reference.strings("breakpoints").map { $0.split(separator: ";").map { Int($0)! - 1 } }
        #expect(result.breakIndicesByBreakCount == expected)
    }

    @Test("Nile: BIC chooses one break at 1898 (R observation 28), interval 1895..1902")
    func nileBreak() throws {
        let result = try Self.fit("nile")
        #expect(result.breaks.map(\.index) == [27])
        #expect(result.breaks.map(\.period) == [Period(year: 1898)])
        #expect(result.breaks[0].lowerPeriod == Period(year: 1895))
        #expect(result.breaks[0].upperPeriod == Period(year: 1902))
        // Regime means by hand (R 4.2.2): mean(Nile[1:28]) = 1097.75; mean(Nile[29:100]) = 61198 / 72.
        expectClose(result.segments[0].coefficients[0], 1097.75, rtol: 1e-12, atol: 0, "mean before")
        expectClose(result.segments[1].coefficients[0], 61198.0 / 72.0, rtol: 1e-12, atol: 0, "mean after")
    }

    @Test("seatbelt (strucchange vignette): BIC chooses none; two breaks at 1973-10 and 1983-01")
    func seatbeltBreaks() throws {
        #expect(try Self.fit("seatbelt").breaks.isEmpty)
        let two = try Self.fit("seatbelt", breaks: 2)
        #expect(two.breaks.map(\.period) == [try Period(year: 1973, month: 10), try Period(year: 1983, month: 1)])
    }

    @Test("confidence intervals exactly in periods (confint, het.reg and het.err)", arguments: ["nile", "seatbelt"])
    func intervals(name: String) throws {
        let reference = try referenceFixture("breakpoints_confint").filter("case", equals: name)
        for breaks in Set(reference.strings("breaks")).sorted() {
            let rows = reference.filter("breaks", equals: breaks)
            let result = try Self.fit(name, breaks: Int(breaks)!)
            #expect(result.breaks.map(\.index) == rows.strings("breakpoint").map { Int($0)! - 1 }, "\(name) \(breaks)")
            #expect(result.breaks.map(\.lowerIndex) == rows.strings("lower").map { Int($0)! - 1 }, "\(name) \(breaks) lower")
            #expect(result.breaks.map(\.upperIndex) == rows.strings("upper").map { Int($0)! - 1 }, "\(name) \(breaks) upper")
        }
    }

    @Test("minimum segment rules are enforced with sentences")
    func errors() throws {
        #expect(throws: AnalysisError.invalidParameter(name: "minimum segment", value: "3", constraint: "must exceed the 3 regressors")) {
            try BreakpointSpecification(minimumSegment: .observations(3)).fit(try Self.seatbelt(), lags: [1, 12])
        }
        #expect(throws: AnalysisError.self) { try BreakpointSpecification(minimumSegment: .observations(60)).fit(try Self.nile()) }
    }

    /// Issue 23 item 8: values near 1e300 made every RSS infinite, and extracting the breaks unwrapped nil.
    @Test("values whose squares overflow are an error naming the scale; Nile times 1e150 still finds 1898")
    func overflowingScale() throws {
        let nile = try Self.nile()
        let huge = TimeSeries<Double>(start: nile.start, values: nile.values.map { $0.map { $0 * 1e297 } })
        let largest = nile.values.compactMap { $0 }.max()! * 1e297
        #expect(throws: AnalysisError.invalidParameter(
            name: "data scale", value: "\(largest)",
            constraint: "sums of squares of values this large overflow double precision; rescale the series (for example to millions)")) {
            try BreakpointSpecification(minimumSegment: .fraction(0.15)).fit(huge)
        }
        // Break positions do not depend on the unit: at 1e150 (squares near 1e306, sums still finite) the break is 1898.
        let scaled = TimeSeries<Double>(start: nile.start, values: nile.values.map { $0.map { $0 * 1e150 } })
        let result = try BreakpointSpecification(minimumSegment: .fraction(0.15)).fit(scaled)
        #expect(result.breaks.map(\.period) == [Period(year: 1898)])
    }
}
