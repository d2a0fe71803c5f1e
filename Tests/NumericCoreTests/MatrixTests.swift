import Foundation
import Testing
import _TestSupport
@testable import NumericCore

@Suite("Matrix")
struct MatrixTests {
    @Test func layoutIsColumnMajor() {
        // [[1, 2, 3], [4, 5, 6]] stored column after column: 1, 4, 2, 5, 3, 6.
        let m = Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.column(1) == [2, 5])
        #expect(m.row(0) == [1, 2, 3])
        #expect(m.transposed == Matrix(rows: [[1, 4], [2, 5], [3, 6]]))
        #expect(Matrix(columns: [[1, 4], [2, 5], [3, 6]]) == m)
    }

    @Test func multiplyByHand() {
        // [[1, 2], [3, 4]] · [[5, 6], [7, 8]] = [[19, 22], [43, 50]] (hand calculation);
        // [[1, 2], [3, 4]] · (1, -1) = (-1, -1).
        let a = Matrix(rows: [[1, 2], [3, 4]]), b = Matrix(rows: [[5, 6], [7, 8]])
        #expect(a.multiply(b) == Matrix(rows: [[19, 22], [43, 50]]))
        #expect(a.multiply([1, -1]) == [-1, -1])
        #expect(Matrix.identity(2).multiply(a) == a)
    }

    @Test func pivotedQRReproducesTheMatrix() throws {
        // Property: Q R = A P, checked by applying Q to R (LAPACK dgeqp3 + dormqr).
        let a = Matrix(rows: [[2, -1, 0.5], [1, 3, -2], [0, 1, 4], [1, 1, 1]])
        let qr = a.pivotedQR()
        var r = [Double](repeating: 0, count: 4 * 3)
        for j in 0..<3 { for i in 0...j { r[i + j * 4] = qr.r(i, j) } }
        let product = qr.applyQ(to: r, count: 3, transpose: false, reflectors: 3)
        for k in 0..<3 {
            expectClose(Array(product[(k * 4)..<((k + 1) * 4)]), a.column(qr.pivots[k]), rtol: 0, atol: 1e-14, "column \(k)")
        }
        // |R₀₀| ≥ |R₁₁| ≥ |R₂₂| with pivoting.
        #expect(abs(qr.r(0, 0)) >= abs(qr.r(1, 1)) && abs(qr.r(1, 1)) >= abs(qr.r(2, 2)))
    }

    @Test func codableRoundTrip() throws {
        let m = Matrix(rows: [[1.5, -2], [0, 3e-300]])
        let data = try JSONEncoder().encode(m)
        #expect(try JSONDecoder().decode(Matrix.self, from: data) == m)
    }
}
