/// Median and median absolute deviation (R `median`, `mad` with constant 1.4826).
enum RobustScale {
    /// The consistency constant making the MAD estimate σ for normal data (R `mad(constant = 1.4826)`).
    static let normalConsistency = 1.4826

    /// The median (the mean of the two middle values for an even count), by selection: O(n) expected.
    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        var work = values
        let middle = work.count / 2
        let upper = orderStatistic(&work, rank: middle)
        guard work.count % 2 == 0 else { return upper }
        return (orderStatistic(&work, rank: middle - 1) + upper) / 2
    }

    /// 1.4826 × median |x − median(x)|.
    static func medianAbsoluteDeviation(_ values: [Double]) -> Double {
        let center = median(values)
        return normalConsistency * median(values.map { abs($0 - center) })
    }

    /// The value of rank `rank` (0-based) of `values` in ascending order, by quickselect
    /// (Hoare partition, middle pivot); `values` is permuted. O(n) expected; the same value a sort gives.
    static func orderStatistic(_ values: inout [Double], rank: Int) -> Double {
        precondition(values.indices.contains(rank), "rank \(rank) of \(values.count) values")
        var low = 0, high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if rank <= j { high = j } else if rank >= i { low = i } else { return values[rank] }
        }
        return values[rank]
    }
}
