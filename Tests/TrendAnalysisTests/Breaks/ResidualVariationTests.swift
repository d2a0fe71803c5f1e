import Testing
import TradeDomain
@testable import TrendAnalysis

/// Issue 23 item 10: a constant series got "significant" breaks from rounding noise (Bai-Perron
/// 5 breaks in a constant 1000; recursive CUSUM p = 3.3e-05 on a constant 5).
@Suite("Break tests on series without residual variation")
struct ResidualVariationTests {
    static let constant1000 = TimeSeries<Double>(start: Period(year: 1900), values: [Double](repeating: 1_000, count: 60))
    static let constant5 = TimeSeries<Double>(start: Period(year: 1900), values: [Double](repeating: 5, count: 40))

    static func isNoVariation(_ error: AnalysisError, method: String) -> Bool {
        if case let .noResidualVariation(name, deviation, scale) = error { return name == method && deviation <= 1e-10 * scale }
        return false
    }

    @Test("Bai-Perron, CUSUM (both types), sup-F and Chow say the series has nothing to test")
    func constantSeries() throws {
        #expect { try BreakpointSpecification(minimumSegment: .fraction(0.15)).fit(Self.constant1000) } throws: { error in
            Self.isNoVariation(error as! AnalysisError, method: "Bai-Perron breakpoints")
        }
        for type in [FluctuationType.recursiveCUSUM, .olsCUSUM] {
            #expect { try FluctuationProcessSpecification(type: type).fit(Self.constant5) } throws: { error in
                Self.isNoVariation(error as! AnalysisError, method: type.methodName)
            }
        }
        #expect { try FStatisticsSpecification().fit(Self.constant1000) } throws: { error in
            Self.isNoVariation(error as! AnalysisError, method: "F statistics")
        }
        #expect { try ChowTest.test(Self.constant1000, lastPeriodBefore: Period(year: 1930)) } throws: { error in
            Self.isNoVariation(error as! AnalysisError, method: "the Chow test")
        }
    }

    @Test("a series with real variation 1e-6 of its size is still tested")
    func smallVariation() throws {
        var values: [Double] = []
        for t in 0..<60 {
            let step: Double = t < 30 ? 0 : 1e-3
            values.append(1_000 + step + 1e-4 * Double((t * 7_919) % 13))
        }
        let series = TimeSeries<Double>(start: Period(year: 1900), values: values)
        let result = try BreakpointSpecification(minimumSegment: .fraction(0.15)).fit(series)
        #expect(result.breaks.map { $0.index } == [29])
    }
}
