import NumericCore
import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport

@Suite("PELT against ruptures 1.1.10 and an exact optimal-partitioning programme")
struct PELTSpecificationTests {
    static func series(_ name: String) throws -> [Double] {
        name == "nile" ? try referenceFixture("nile").doubles("flow") : try referenceFixture("pelt_synthetic").doubles("value")
    }

    static func indices(_ text: String) -> [Int] {
        text.split(separator: ";").map { Int($0)! }
    }

    @Test("the same change points as the exact programme, and as ruptures wherever ruptures is optimal", arguments: 0..<15)
    func matchesReference(row: Int) throws {
        let reference = try referenceFixture("pelt_changepoints")
        try #require(reference.rows.count == 15)
        let fields = Dictionary(uniqueKeysWithValues: zip(reference.header, reference.rows[row]))
        let y = try Self.series(fields["series"]!)
        let cost: ChangePointCost = fields["cost"] == "mean" ? .mean : .meanAndVariance
        let penalty = Double(fields["penalty"]!)!
        let minimum = Int(fields["min_size"]!)!
        let optimal = Self.indices(fields["optimal"]!)
        let ruptures = Self.indices(fields["ruptures"]!)
        for pruning in [true, false] {
            let spec = PELTSpecification(cost: cost, penalty: .value(penalty), minimumSegmentSize: minimum,
                                         noiseVariance: .known(1), pruning: pruning)
            let result = try spec.fit(values: y)
            // Change points are compared exactly (STYLE.md: break indices are exact).
            #expect(result.changePoints == optimal, "row \(row) pruning \(pruning)")
        }
        // ruptures prunes a candidate at once, although a segment starting at t cannot end before
        // t + min_size; on the synthetic series with min_size 2 it returns 183 which the exact
        // programme does not (TIPS.md). Everywhere else the two agree.
        if fields["series"] == "synthetic" && cost == .mean && minimum == 2 {
            #expect(ruptures != optimal)
        } else {
            #expect(ruptures == optimal)
        }
    }

    @Test("Nile: one change in mean at 1899, the first year after the Aswan dam break (BIC, meanvar)")
    func nileDates() throws {
        let nile = try referenceFixture("nile")
        let series = TimeSeries(start: Period(year: 1871), values: nile.doubles("flow"))
        let result = try PELTSpecification(cost: .meanAndVariance, penalty: .bic, minimumSegmentSize: 5).fit(series)
        #expect(result.changePoints == [28])
        #expect(result.periods == [Period(year: 1899)])
        // penalty 2 log 100 (two parameters per segment), as in the reference row.
        expectClose(result.penaltyValue, 2 * log(100.0), rtol: 1e-15, atol: 0, "BIC penalty")
        // Segment means from R 4.2.2: mean(Nile[1:28]) = 1097.75; sum(Nile[29:100]) = 61198 over 72 years.
        expectClose(result.segments[0].mean, 1097.75, rtol: 1e-12, atol: 0, "mean before")
        expectClose(result.segments[1].mean, 61198.0 / 72.0, rtol: 1e-12, atol: 0, "mean after")
    }

    @Test("pruned and unpruned searches agree on 300 seeded series of both costs and several minimum sizes")
    func pruningIsExact() throws {
        var random = SplitMix64(seed: 0xC0FFEE)
        func uniform() -> Double { random.nextUniform() }
        func normal() -> Double { (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform()) }
        for trial in 0..<300 {
            let n = 40 + trial % 60
            var level = 0.0, scale = 1.0
            let y = (0..<n).map { _ -> Double in
                if uniform() < 0.05 { level += 3 * normal(); scale = 0.5 + 2 * uniform() }
                return level + scale * normal()
            }
            let cost: ChangePointCost = trial % 2 == 0 ? .mean : .meanAndVariance
            let minimum = [2, 3, 5][trial % 3]
            let penalty: ChangePointPenalty = trial % 4 < 2 ? .bic : .value(2 + Double(trial % 7))
            let pruned = try PELTSpecification(cost: cost, penalty: penalty, minimumSegmentSize: minimum, noiseVariance: .known(1)).fit(values: y)
            let full = try PELTSpecification(cost: cost, penalty: penalty, minimumSegmentSize: minimum, noiseVariance: .known(1), pruning: false).fit(values: y)
            #expect(pruned.changePoints == full.changePoints, "trial \(trial)")
            #expect(pruned.segments.allSatisfy { $0.end - $0.start + 1 >= minimum })
        }
    }

    @Test("bad specifications and inputs are rejected with sentences")
    func errors() {
        #expect(throws: AnalysisError.invalidParameter(name: "minimum segment size", value: "1", constraint: "must be at least 2 for the meanAndVariance cost")) {
            try PELTSpecification(cost: .meanAndVariance, minimumSegmentSize: 1).fit(values: [1, 2, 3, 4])
        }
        #expect(throws: AnalysisError.self) { try PELTSpecification(penalty: .value(-1)).fit(values: [1, 2, 3, 4]) }
        #expect(throws: AnalysisError.self) { try PELTSpecification(noiseVariance: .estimatedFromDifferences).fit(values: [1, 2, 3, 4, 5]) }
    }
}
