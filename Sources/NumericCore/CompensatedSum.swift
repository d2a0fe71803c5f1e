/// A running sum of products kept as an unevaluated pair `high + low`
/// (double-double), so that dot products come out as if computed in twice the
/// working precision and then rounded (Ogita, Rump & Oishi 2005, "Accurate sum
/// and dot product", algorithm Dot2).
///
/// Used for the residuals of iterative refinement in `LeastSquaresFit`.
struct CompensatedSum: Sendable {
    /// The leading part of the sum.
    private(set) var high: Double
    /// The trailing error term.
    private(set) var low: Double

    /// A sum starting at `value`.
    init(_ value: Double = 0) {
        high = value
        low = 0
    }

    /// Adds `a * b` with an exact product (fused multiply-add) and an exact sum.
    mutating func addProduct(_ a: Double, _ b: Double) {
        let product = a * b
        let productError = (-product).addingProduct(a, b)
        add(product)
        low += productError
    }

    /// Adds `value` with an error-free transformation (Knuth's TwoSum).
    mutating func add(_ value: Double) {
        let sum = high + value
        let virtualValue = sum - high
        let error = (high - (sum - virtualValue)) + (value - virtualValue)
        high = sum
        low += error
    }

    /// The sum rounded to the nearest double.
    var value: Double { high + low }

    /// The sum as a normalised pair (|low| at most half an ulp of high).
    var normalized: (high: Double, low: Double) {
        let sum = high + low
        return (sum, low - (sum - high))
    }
}
