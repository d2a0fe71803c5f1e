import Foundation
import Testing
import TradeDomain
import TrendAnalysis

@Suite("GroupedAnalysis: results in input order whatever the threads; failures reported per group")
struct GroupedAnalysisTests {
    @Test("100 groups on 1 and 4 threads give the same ordered results", arguments: [1, 4])
    func order(threads: Int) {
        let keys = (0..<100).map { "g\($0)" }
        let results = GroupedAnalysis.run(keys: keys, threads: threads) { (index: Int) throws(AnalysisError) -> Int in
            if index % 10 == 3 { throw .tooFewObservations(needed: 3, found: index, method: "test") }
            return index * index
        }
        #expect(results.map(\.key) == keys)
        #expect(results.map(\.value) == (0..<100).map { $0 % 10 == 3 ? nil : $0 * $0 })
        #expect(results[3].error == .tooFewObservations(needed: 3, found: 3, method: "test") && results[4].error == nil)
    }
}
