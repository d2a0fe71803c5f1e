/// Median and median absolute deviation (R `median`, `mad` with constant 1.4826).
enum RobustScale {
    /// The consistency constant making the MAD estimate σ for normal data (R `mad(constant = 1.4826)`).
    static let normalConsistency = 1.4826

    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// 1.4826 × median |x − median(x)|.
    static func medianAbsoluteDeviation(_ values: [Double]) -> Double {
        let center = median(values)
        return normalConsistency * median(values.map { abs($0 - center) })
    }
}
