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

/// The residual sums of squares of all segments `[i, j]` with at least `h` observations.
struct SegmentRSSTable {
    let n: Int, h: Int
    let table: [[Double]]      // table[i][j - i] for j >= i, NaN where not identified

    init(rows: [[Double]], response y: [Double], minimum h: Int) {
        n = y.count
        self.h = h
        var table = [[Double]]()
        table.reserveCapacity(n)
        for i in 0..<n {
            guard i <= n - h else { table.append([]); continue }
            var acc = GivensAccumulator(columns: rows[0].count)
            var column = [Double](repeating: .nan, count: n - i)
            for j in i..<n {
                acc.add(rows[j], y[j])
                if acc.rank == acc.k { column[j - i] = acc.rss }
            }
            table.append(column)
        }
        self.table = table
    }

    /// RSS of observations `i...j` (0-based, inclusive).
    func rss(_ i: Int, _ j: Int) -> Double { table[i][j - i] }
}
