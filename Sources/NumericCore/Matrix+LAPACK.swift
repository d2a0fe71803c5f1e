// One internal wrapper per LAPACK routine. Each copies its inputs (LAPACK
// overwrites them), converts to Int32 only at the call, and maps `info`:
// info < 0 is a bug in this file (precondition), info > 0 is thrown.
internal import CLAPACK

/// The factors of a column-pivoted Householder QR, `A P = Q R`, as LAPACK
/// `dgeqp3` leaves them.
struct PivotedQRFactors: Sendable {
    /// Rows of A.
    let rows: Int
    /// Columns of A.
    let columns: Int
    /// R in the upper triangle, the Householder vectors below it (column-major).
    let packed: [Double]
    /// Householder scalars.
    let tau: [Double]
    /// `pivots[k]` is the 0-based column of A that became column k of `A P`.
    let pivots: [Int]

    /// `R[i, j]` (upper triangle only).
    func r(_ i: Int, _ j: Int) -> Double { packed[i + j * rows] }
}

extension Matrix {
    /// Householder QR with column pivoting (LAPACK `dgeqp3`).
    ///
    /// - Returns: The packed factors; `|R[k, k]|` is non-increasing in k.
    func pivotedQR() -> PivotedQRFactors {
        var m = Int32(rows), n = Int32(columns), lda = Int32(Swift.max(1, rows))
        var a = storage
        var jpvt = [Int32](repeating: 0, count: columns)
        var tau = [Double](repeating: 0, count: Swift.max(1, Swift.min(rows, columns)))
        var info: Int32 = 0
        var query = 0.0
        var lwork: Int32 = -1
        dgeqp3_(&m, &n, &a, &lda, &jpvt, &tau, &query, &lwork, &info)
        precondition(info == 0, "dgeqp3 workspace query: illegal argument \(-info)")
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Swift.max(1, Int(lwork)))
        dgeqp3_(&m, &n, &a, &lda, &jpvt, &tau, &work, &lwork, &info)
        precondition(info == 0, "dgeqp3: illegal argument \(-info)")
        return PivotedQRFactors(rows: rows, columns: columns, packed: a, tau: tau,
                                pivots: jpvt.map { Int($0) - 1 })
    }
}

extension PivotedQRFactors {
    /// Multiplies `c` (`rows` x `count`, column-major) by Q or Qᵀ from the left,
    /// using the first `reflectors` Householder vectors (LAPACK `dormqr`).
    ///
    /// - Parameters:
    ///   - c: The matrix to transform, column-major with `rows` rows.
    ///   - count: Its number of columns.
    ///   - transpose: Apply Qᵀ when true, Q when false.
    ///   - reflectors: How many reflectors define Q (the numerical rank).
    /// - Returns: The transformed matrix.
    func applyQ(to c: [Double], count: Int, transpose: Bool, reflectors: Int) -> [Double] {
        precondition(c.count == rows * count, "applyQ: dimension mismatch")
        var side = CChar(UInt8(ascii: "L"))
        var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
        var m = Int32(rows), n = Int32(count), k = Int32(reflectors)
        var lda = Int32(Swift.max(1, rows)), ldc = Int32(Swift.max(1, rows))
        var a = packed, t = tau, result = c
        var info: Int32 = 0
        var query = 0.0
        var lwork: Int32 = -1
        dormqr_(&side, &trans, &m, &n, &k, &a, &lda, &t, &result, &ldc, &query, &lwork, &info, 1, 1)
        precondition(info == 0, "dormqr workspace query: illegal argument \(-info)")
        lwork = Int32(query)
        var work = [Double](repeating: 0, count: Swift.max(1, Int(lwork)))
        dormqr_(&side, &trans, &m, &n, &k, &a, &lda, &t, &result, &ldc, &work, &lwork, &info, 1, 1)
        precondition(info == 0, "dormqr: illegal argument \(-info)")
        return result
    }

    /// Solves `R11 X = B` or `R11ᵀ X = B` with the leading `order` x `order`
    /// block of R (LAPACK `dtrtrs`).
    ///
    /// - Parameters:
    ///   - b: The right-hand sides, column-major with `order` rows.
    ///   - count: The number of right-hand sides.
    ///   - order: The size of the leading triangular block.
    ///   - transpose: Solve with R11ᵀ when true.
    /// - Returns: The solution X.
    /// - Throws: `LinearAlgebraError.singularTriangularFactor` when a diagonal element is exactly zero.
    func solveR(_ b: [Double], count: Int, order: Int, transpose: Bool) throws(LinearAlgebraError) -> [Double] {
        precondition(b.count == order * count, "solveR: dimension mismatch")
        if order == 0 || count == 0 { return b }
        var uplo = CChar(UInt8(ascii: "U"))
        var trans = CChar(UInt8(ascii: transpose ? "T" : "N"))
        var diag = CChar(UInt8(ascii: "N"))
        var n = Int32(order), nrhs = Int32(count)
        var lda = Int32(Swift.max(1, rows)), ldb = Int32(Swift.max(1, order))
        var a = packed, x = b
        var info: Int32 = 0
        dtrtrs_(&uplo, &trans, &diag, &n, &nrhs, &a, &lda, &x, &ldb, &info, 1, 1, 1)
        precondition(info >= 0, "dtrtrs: illegal argument \(-info)")
        if info > 0 { throw .singularTriangularFactor(index: Int(info) - 1) }
        return x
    }
}
