// Least squares on contiguous segments by Givens row updating: appending the rows of a
// segment one at a time to a k-by-k triangular factor gives, for every end point, the
// residual sum of squares of the segment so far (the squared recursive residuals add up
// to it, as strucchange's `recresid` does), in O(k²) per row and without forming X'X.

/// An upper-triangular factor R and rotated response z for the rows added so far.
struct GivensAccumulator {
    let k: Int
    var r: [Double]          // row-major k x k
    var z: [Double]
    var rss = 0.0
    var rank = 0

    init(columns k: Int) {
        self.k = k
        r = [Double](repeating: 0, count: k * k)
        z = [Double](repeating: 0, count: k)
    }

    /// Adds one observation; updates `rss` with its recursive residual once the factor has full rank.
    mutating func add(_ xRow: [Double], _ yValue: Double) {
        var x = xRow
        var y = yValue
        for j in 0..<k {
            let xj = x[j]
            if xj == 0 { continue }
            let rjj = r[j * k + j]
            if rjj == 0 {
                for c in j..<k { r[j * k + c] = x[c] }
                z[j] = y
                rank += 1
                return
            }
            let h = (rjj * rjj + xj * xj).squareRoot()
            let c = rjj / h, s = xj / h
            for col in j..<k {
                let a = r[j * k + col], b = x[col]
                r[j * k + col] = c * a + s * b
                x[col] = -s * a + c * b
            }
            let a = z[j]
            z[j] = c * a + s * y
            y = -s * a + c * y
        }
        rss += y * y
    }

    /// The coefficients by back substitution; `nil` unless the factor has full rank.
    func coefficients() -> [Double]? {
        guard rank == k else { return nil }
        var beta = [Double](repeating: 0, count: k)
        for i in stride(from: k - 1, through: 0, by: -1) {
            var v = z[i]
            for j in (i + 1)..<k { v -= r[i * k + j] * beta[j] }
            beta[i] = v / r[i * k + i]
        }
        return beta
    }
}

/// The Bai-Perron dynamic programme over segment residual sums of squares, computed without
/// storing them: segments are swept by start, each start's Givens accumulator runs to the end of
/// the sample and pushes `best(m−1 breaks up to j) + RSS(j…i−1)` into every level that can use it.
/// A level's entry at `j` is final before start `j` is swept (it only receives segments that end
/// before `j`), and candidates for an entry arrive in ascending `j` and replace it only when strictly
/// smaller, so the result is exactly that of strucchange's table-based `extend.RSS.table`.
///
/// - Complexity: O(n² k²) time as for the full table, O(M n) memory for M levels instead of O(n²).
struct SegmentProgramme {
    let n: Int, h: Int
    /// RSS of observations `0…n−1`.
    let fullRSS: Double
    /// `suffixRSS[i]` = RSS of observations `i…n−1`, NaN where not identified or not needed.
    let suffixRSS: [Double]
    /// `previous[m][i]` and `rss[m][i]` (for m + 1 segments covering observations `0…i−1`): the start of
    /// the last segment and the minimal RSS; `previous` is −1 where no partition exists.
    let previous: [[Int]]
    let rss: [[Double]]

    init(rows: [[Double]], response y: [Double], minimum h: Int, levels: Int) {
        let n = y.count
        self.n = n
        self.h = h
        var previous = [[Int]](repeating: [Int](repeating: -1, count: n + 1), count: levels)
        var rss = [[Double]](repeating: [Double](repeating: .infinity, count: n + 1), count: levels)
        var suffix = [Double](repeating: .nan, count: n + 1)
        var full = Double.nan
        let k = rows.first?.count ?? 0
        for j in 0...max(0, n - h) where j == 0 || j >= h {
            // Levels m ≥ 1 (m + 1 segments) whose entry at j is defined can extend by a segment from j.
            var open: [Int] = []
            for m in 1..<max(1, levels) where j >= m * h && previous[m - 1][j] >= 0 { open.append(m) }
            var acc = GivensAccumulator(columns: k)
            for e in j..<n {
                acc.add(rows[e], y[e])
                let value = acc.rank == acc.k ? acc.rss : Double.nan
                let i = e + 1
                if i - j >= h, i <= n - h {
                    if j == 0, levels > 0 { previous[0][i] = 0; rss[0][i] = value }
                    for m in open where i >= (m + 1) * h {
                        let v = rss[m - 1][j] + value
                        if v < rss[m][i] { rss[m][i] = v; previous[m][i] = j }
                    }
                }
                if e == n - 1 { suffix[j] = value; if j == 0 { full = value } }
            }
        }
        fullRSS = full
        suffixRSS = suffix
        self.previous = previous
        self.rss = rss
    }
}
