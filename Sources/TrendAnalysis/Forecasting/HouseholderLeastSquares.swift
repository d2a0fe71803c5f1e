/// Least squares by Householder QR for small dense designs (rows × p, p ≤ a few dozen).
///
/// Internal stand-in for NumericCore's LAPACK-backed least squares until that module is merged.
struct HouseholderLeastSquares {
    let coefficients: [Double]
    let fitted: [Double]
    let residualSumOfSquares: Double
    /// The upper-triangular R (row-major, p × p): X = QR.
    let r: [[Double]]

    init?(rows: [[Double]], response: [Double]) {
        let n = rows.count, p = rows[0].count
        var a = rows
        var y = response
        for k in 0..<p {
            var norm = 0.0
            for i in k..<n { norm += a[i][k] * a[i][k] }
            norm = norm.squareRoot()
            guard norm > 0 else { return nil }
            let alpha = a[k][k] > 0 ? -norm : norm
            var v = [Double](repeating: 0, count: n)
            v[k] = a[k][k] - alpha
            for i in (k + 1)..<n { v[i] = a[i][k] }
            let vv = (k..<n).reduce(0) { $0 + v[$1] * v[$1] }
            guard vv > 0 else { continue }
            for j in k..<p {
                let s = (k..<n).reduce(0) { $0 + v[$1] * a[$1][j] } * 2 / vv
                for i in k..<n { a[i][j] -= s * v[i] }
            }
            let s = (k..<n).reduce(0) { $0 + v[$1] * y[$1] } * 2 / vv
            for i in k..<n { y[i] -= s * v[i] }
        }
        let scale = (0..<p).map { abs(a[$0][$0]) }.max() ?? 0
        guard (0..<p).allSatisfy({ abs(a[$0][$0]) > 1e-12 * scale }) else { return nil }
        var beta = [Double](repeating: 0, count: p)
        for i in stride(from: p - 1, through: 0, by: -1) {
            var s = y[i]
            for j in (i + 1)..<p { s -= a[i][j] * beta[j] }
            beta[i] = s / a[i][i]
        }
        coefficients = beta
        r = (0..<p).map { i in (0..<p).map { j in j >= i ? a[i][j] : 0 } }
        fitted = rows.map { row in zip(row, beta).reduce(0) { $0 + $1.0 * $1.1 } }
        residualSumOfSquares = (p..<n).reduce(0) { $0 + y[$1] * y[$1] }
    }
}
