/// A dense matrix of `Double` stored in column-major order.
///
/// Column-major storage is LAPACK's layout, so `storage` passes straight to the
/// Fortran routines wrapped in `Matrix+LAPACK.swift`. Element `(i, j)` lives at
/// `storage[i + j * rows]`. Indices are 0-based.
///
/// Dimension mismatches are programming errors and stop with a precondition.
public struct Matrix: Sendable, Equatable, Codable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements in column-major order (`rows * columns` values).
    public private(set) var storage: [Double]

    /// Creates a matrix from column-major elements.
    ///
    /// - Parameters:
    ///   - rows: The number of rows (at least 0).
    ///   - columns: The number of columns (at least 0).
    ///   - columnMajor: `rows * columns` elements, column after column.
    public init(rows: Int, columns: Int, columnMajor: [Double]) {
        precondition(rows >= 0 && columns >= 0, "matrix dimensions must be non-negative")
        precondition(columnMajor.count == rows * columns,
                     "\(columnMajor.count) elements cannot fill a \(rows) x \(columns) matrix")
        self.rows = rows
        self.columns = columns
        self.storage = columnMajor
    }

    /// Creates a matrix from rows given as arrays (a row-major convenience).
    ///
    /// - Parameter rowArrays: The rows; all must have the same length.
    public init(rows rowArrays: [[Double]]) {
        let rowCount = rowArrays.count
        let columnCount = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columnCount }, "rows must have equal lengths")
        var elements = [Double](repeating: 0, count: rowCount * columnCount)
        for i in 0..<rowCount {
            for j in 0..<columnCount { elements[i + j * rowCount] = rowArrays[i][j] }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: elements)
    }

    /// Creates a matrix whose columns are the given vectors.
    ///
    /// - Parameter columnArrays: The columns; all must have the same length.
    public init(columns columnArrays: [[Double]]) {
        let rowCount = columnArrays.first?.count ?? 0
        precondition(columnArrays.allSatisfy { $0.count == rowCount }, "columns must have equal lengths")
        self.init(rows: rowCount, columns: columnArrays.count, columnMajor: columnArrays.flatMap { $0 })
    }

    /// A matrix of zeros.
    ///
    /// - Parameters:
    ///   - rows: The number of rows.
    ///   - columns: The number of columns.
    /// - Returns: The `rows` x `columns` zero matrix.
    public static func zeros(rows: Int, columns: Int) -> Matrix {
        Matrix(rows: rows, columns: columns, columnMajor: [Double](repeating: 0, count: rows * columns))
    }

    /// The identity matrix of order `order`.
    ///
    /// - Parameter order: The number of rows and columns.
    /// - Returns: The identity matrix.
    public static func identity(_ order: Int) -> Matrix {
        var result = zeros(rows: order, columns: order)
        for i in 0..<order { result[i, i] = 1 }
        return result
    }

    /// The element in row `row` and column `column` (0-based).
    public subscript(row: Int, column: Int) -> Double {
        get {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "matrix index out of range")
            return storage[row + column * rows]
        }
        set {
            precondition(row >= 0 && row < rows && column >= 0 && column < columns, "matrix index out of range")
            storage[row + column * rows] = newValue
        }
    }

    /// A copy of column `j` (0-based).
    ///
    /// - Parameter j: The column index.
    /// - Returns: The `rows` elements of that column.
    public func column(_ j: Int) -> [Double] {
        precondition(j >= 0 && j < columns, "column index out of range")
        return Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// A copy of row `i` (0-based).
    ///
    /// - Parameter i: The row index.
    /// - Returns: The `columns` elements of that row.
    public func row(_ i: Int) -> [Double] {
        precondition(i >= 0 && i < rows, "row index out of range")
        return (0..<columns).map { storage[i + $0 * rows] }
    }

    /// The diagonal elements `(i, i)` for `i < min(rows, columns)`.
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { storage[$0 + $0 * rows] }
    }

    /// The transpose.
    public var transposed: Matrix {
        var result = Matrix.zeros(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { result.storage[j + i * columns] = storage[i + j * rows] }
        }
        return result
    }

    /// The matrix product `self * other`, computed in plain double arithmetic.
    ///
    /// - Parameter other: A matrix with `self.columns` rows.
    /// - Returns: The `rows` x `other.columns` product.
    /// - Complexity: O(rows * columns * other.columns).
    public func multiply(_ other: Matrix) -> Matrix {
        precondition(columns == other.rows, "cannot multiply \(rows)x\(columns) by \(other.rows)x\(other.columns)")
        var result = Matrix.zeros(rows: rows, columns: other.columns)
        for j in 0..<other.columns {
            for k in 0..<columns {
                let factor = other.storage[k + j * other.rows]
                if factor == 0 { continue }
                for i in 0..<rows { result.storage[i + j * rows] += storage[i + k * rows] * factor }
            }
        }
        return result
    }

    /// The matrix-vector product `self * vector`.
    ///
    /// - Parameter vector: `columns` values.
    /// - Returns: `rows` values.
    public func multiply(_ vector: [Double]) -> [Double] {
        precondition(vector.count == columns, "vector length \(vector.count) does not match \(columns) columns")
        var result = [Double](repeating: 0, count: rows)
        for k in 0..<columns {
            let factor = vector[k]
            for i in 0..<rows { result[i] += storage[i + k * rows] * factor }
        }
        return result
    }
}
