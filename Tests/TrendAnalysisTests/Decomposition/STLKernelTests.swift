import NumericCore
import Testing
@testable import TrendAnalysis
import _TestSupport

@Suite("STL kernel pieces: median selection, tricube kernel, one-pass loess line")
struct STLKernelTests {
    @Test("quickselect returns the order statistic a full sort gives (seeded random arrays with ties)")
    func selection() {
        var generator = SplitMix64(seed: 20261129)
        for count in [1, 2, 3, 7, 8, 240, 241] {
            for _ in 0..<20 {
                // Values from a small set, so that ties are common.
                let values = (0..<count).map { _ in Double(Int.random(in: 0..<9, using: &generator)) / 4 }
                let sorted = values.sorted()
                for rank in [0, count / 2, (count - 1) / 2, count - 1] {
                    var work = values
                    #expect(RobustScale.orderStatistic(&work, rank: rank) == sorted[rank], "n = \(count), rank \(rank)")
                }
                let middle = count / 2
                let median = count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
                #expect(RobustScale.median(values) == median, "median of \(count)")
            }
        }
    }

    @Test("robustness weights by hand: B(|r| / (6 median|r|)), median of an even count the mean of the middle two")
    func robustnessWeights() {
        // |r| = 0, 1, 2, 3, 4, 10: middle two 2 and 3, so 6 · median = 3 (2 + 3) = 15.
        // B(u) = (1 − u²)²: 0 → 1; 1/15 → (1 − 1/225)² = (224/225)²; 2/15 → (221/225)²; 3/15 → (216/225)²;
        // 4/15 → (209/225)²; 10/15 → (125/225)².
        let weights = STLKernel.robustnessWeights([0, 1, -2, 3, -4, 10], fit: [0, 0, 0, 0, 0, 0])
        let ratios: [Double] = [225, 224, 221, 216, 209, 125].map { $0 / 225 }
        expectClose(weights, ratios.map { $0 * $0 }, rtol: 1e-15, atol: 0, "bisquare weights")
    }

    @Test("the window's tricube kernel and the general weights agree; a line is reproduced exactly (to rounding)")
    func loessLine() {
        // Tricube by hand at h = 3: distances 0..3 give 1, (1 − 1/27)³, (1 − 8/27)³, 0 (beyond 0.999 h).
        let kernel = STLKernel.tricubeKernel(left: 3, right: 3)
        let near: Double = pow3(1 - 1.0 / 27), far: Double = pow3(1 - 8.0 / 27)
        let byHand: [Double] = [0, far, near, 1, near, far, 0]
        expectClose(kernel, byHand, rtol: 1e-15, atol: 0, "tricube kernel")
        // A degree-1 loess of y = 2 + 0.5 t returns the line at every point, ends included.
        let y: [Double] = (1...30).map { 2 + 0.5 * Double($0) }
        let smooth = STLKernel.loess(y, len: 7, degree: 1, jump: 1, userw: false, rw: [])
        expectClose(smooth, y, rtol: 1e-12, atol: 0, "loess of a line")
    }

    private func pow3(_ x: Double) -> Double { x * x * x }
}
