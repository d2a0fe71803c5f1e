import NumericCore
import Foundation

/// Order statistics of the n(n−1)/2 pairwise slopes `(y_j − y_i)/(t_j − t_i)`, i < j, and
/// Kendall's S, without forming the pairs.
///
/// Kendall's S is counted with Knight's (1966) merge sort: with the times strictly increasing,
/// `S = N − T − 2D`, where N = n(n−1)/2, T the pairs of equal values and D the pairs out of
/// order (i < j, y_i > y_j), counted while merging.
///
/// A slope is selected by its rank in the manner of Dillencourt, Mount and Netanyahu (1992):
/// for a trial slope θ, `u_i = y_i − θ t_i` orders the points so that the pairs out of order
/// are exactly the pairs whose slope is below θ, so one sort and one merge count them. A
/// window [a, b) of slope values holding the wanted ranks is narrowed (first from a random
/// sample of pairs, then by halving) until it holds at most a few times n slopes; those pairs
/// are the pairs whose order differs between the a- and the b-ordering, listed by a merge
/// sort, and their slopes are computed exactly as `(y_j − y_i)/(t_j − t_i)` and sorted. The
/// result is the floating-point value the sorted list of all slopes holds at that rank: a
/// window end within rounding of the selected slope is widened by a margin of the rounding
/// error and the window listed again. When more slopes than can be listed lie within rounding
/// of one another (ties, as in a constant series), one of them is returned: it equals the
/// listed value when the ties are exact, and differs by rounding otherwise.
///
/// - Complexity: O(n log n) for S. A selection takes O(n log n) per count: O(log n) counts
///   for the sample's window to shrink to O(n) slopes in expectation, then one listing of
///   O(n log n + n) work. Memory O(n). (The former implementation listed all n²/2 slopes.)
enum PairwiseSlopes {
    /// Kendall's S = Σ_{i<j} sign(y_j − y_i) for values in time order.
    ///
    /// - Parameter values: Finite values in time order.
    /// - Returns: S.
    /// - Complexity: O(n log n).
    static func kendallScore(_ values: [Double]) -> Int {
        let n = values.count
        guard n > 1 else { return 0 }
        var keys = values
        var scratch = values
        let discordant = mergeCount(&keys, &scratch, 0, n)
        var ties = 0
        var run = 1
        for i in 1..<n {
            if keys[i] == keys[i - 1] { run += 1 } else { ties += run * (run - 1) / 2; run = 1 }
        }
        ties += run * (run - 1) / 2
        return n * (n - 1) / 2 - ties - 2 * discordant
    }

    /// Sorts `keys[lower..<upper]` ascending (stably) and returns the pairs strictly out of order.
    private static func mergeCount(_ keys: inout [Double], _ scratch: inout [Double], _ lower: Int, _ upper: Int) -> Int {
        guard upper - lower > 1 else { return 0 }
        let middle = (lower + upper) / 2
        var count = mergeCount(&keys, &scratch, lower, middle) + mergeCount(&keys, &scratch, middle, upper)
        var left = lower, right = middle, out = lower
        while left < middle && right < upper {
            if keys[right] < keys[left] {
                count += middle - left
                scratch[out] = keys[right]; right += 1
            } else {
                scratch[out] = keys[left]; left += 1
            }
            out += 1
        }
        while left < middle { scratch[out] = keys[left]; left += 1; out += 1 }
        while right < upper { scratch[out] = keys[right]; right += 1; out += 1 }
        for k in lower..<upper { keys[k] = scratch[k] }
        return count
    }

    /// The slopes at the given 0-based ranks of the ascending list of all pairwise slopes.
    ///
    /// - Parameters:
    ///   - values: Finite values.
    ///   - times: Strictly increasing times, same count.
    ///   - ranks: Ranks in 0..<n(n−1)/2.
    /// - Returns: One slope per rank, equal to `sortedSlopes[rank]`.
    static func select(values: [Double], times: [Double], ranks: [Int]) -> [Double] {
        var selector = Selector(values: values, times: times)
        return ranks.map { selector.select(rank: $0) }
    }

    /// The state of selections on one series.
    private struct Selector {
        let y: [Double]
        let t: [Double]
        let n: Int
        let pairCount: Int
        /// The largest rounding error of a slope comparison, per unit of |θ| and per unit overall.
        let scaleY: Double, scaleT: Double, minimumGap: Double
        var random = SplitMix64(seed: 0x5EED_51_0E)

        init(values: [Double], times: [Double]) {
            precondition(values.count == times.count, "\(values.count) values for \(times.count) times")
            y = values
            t = times
            n = values.count
            pairCount = n * (n - 1) / 2
            scaleY = values.reduce(0) { max($0, abs($1)) }
            scaleT = times.reduce(0) { max($0, abs($1)) }
            minimumGap = n > 1 ? (1..<n).reduce(Double.infinity) { min($0, times[$1] - times[$1 - 1]) } : 1
        }

        /// The slope of pair (i, j), i < j, computed as the full list computes it.
        func slope(_ i: Int, _ j: Int) -> Double { (y[j] - y[i]) / (t[j] - t[i]) }

        /// The points ordered by `y − θ t`, ties by index: pair i < j is out of order exactly
        /// when its slope is below θ (up to rounding of `y − θ t`).
        func order(_ theta: Double) -> [Int32] {
            if theta == -.infinity { return (0..<Int32(n)).map { $0 } }
            if theta == .infinity { return (0..<Int32(n)).reversed().map { $0 } }
            let keys = (0..<n).map { y[$0] - theta * t[$0] }
            return (0..<Int32(n)).sorted { keys[Int($0)] < keys[Int($1)] || (keys[Int($0)] == keys[Int($1)] && $0 < $1) }
        }

        /// The number of slopes below θ.
        func countBelow(_ theta: Double) -> Int {
            if theta == -.infinity { return 0 }
            if theta == .infinity { return pairCount }
            var keys = order(theta).map { Double($0) }
            var scratch = keys
            return PairwiseSlopes.mergeCount(&keys, &scratch, 0, n)
        }

        /// The largest rounding error of `y − θ t` differences, in slope units, for slopes near θ.
        func margin(_ theta: Double) -> Double {
            16 * Double.ulpOfOne * (scaleY + abs(theta) * scaleT) / minimumGap + 4 * abs(theta).ulp
        }

        /// The slopes of pairs in order under `a` and out of order under `b` (slopes in [a, b)),
        /// and whether the list is complete (it stops after `limit`).
        func list(_ a: Double, _ b: Double, limit: Int) -> (slopes: [Double], complete: Bool) {
            let orderA = order(a), orderB = order(b)
            var rankA = [Int32](repeating: 0, count: n)
            for (position, index) in orderA.enumerated() { rankA[Int(index)] = Int32(position) }
            var sequence = orderB.map { rankA[Int($0)] }
            var scratch = sequence
            var slopes: [Double] = []
            var overflow = false
            func merge(_ lower: Int, _ upper: Int) {
                guard upper - lower > 1, !overflow else { return }
                let middle = (lower + upper) / 2
                merge(lower, middle)
                merge(middle, upper)
                var left = lower, right = middle, out = lower
                while left < middle && right < upper {
                    if sequence[right] < sequence[left] {
                        // sequence[right] comes first under b, later than every sequence[left...] under a.
                        let second = orderA[Int(sequence[right])]
                        for k in left..<middle {
                            let first = orderA[Int(sequence[k])]
                            // `second` precedes `first` under a and follows it under b; the pair
                            // (second, first) has its slope in [a, b) when second < first.
                            let (i, j) = (Int(second), Int(first))
                            if i < j { slopes.append(slope(i, j)) }
                        }
                        if slopes.count >= limit { overflow = true; return }
                        scratch[out] = sequence[right]; right += 1
                    } else {
                        scratch[out] = sequence[left]; left += 1
                    }
                    out += 1
                }
                while left < middle { scratch[out] = sequence[left]; left += 1; out += 1 }
                while right < upper { scratch[out] = sequence[right]; right += 1; out += 1 }
                for k in lower..<upper { sequence[k] = scratch[k] }
            }
            merge(0, n)
            return (slopes, !overflow)
        }

        /// The slope at `rank` of the ascending list of all slopes.
        mutating func select(rank: Int) -> Double {
            precondition((0..<pairCount).contains(rank), "rank \(rank) outside 0..<\(pairCount)")
            let limit = max(4 * n, 1_024)
            var a = -Double.infinity, b = Double.infinity
            var belowA = 0, belowB = pairCount
            // A random sample of pairs puts a first window around the rank.
            let sampleSize = min(pairCount, max(4 * n, 64))
            if pairCount > limit {
                var sample: [Double] = []
                sample.reserveCapacity(sampleSize)
                for _ in 0..<sampleSize {
                    var i = Int(random.next() % UInt64(n)), j = Int(random.next() % UInt64(n - 1))
                    if j >= i { j += 1 } else { swap(&i, &j) }
                    sample.append(slope(i, j))
                }
                sample.sort()
                let position = Double(rank) / Double(pairCount) * Double(sampleSize)
                let spread = 3 * Double(sampleSize).squareRoot()
                let lowIndex = Int(position - spread), highIndex = Int(position + spread)
                if lowIndex >= 0 {
                    let candidate = sample[lowIndex], below = countBelow(candidate)
                    if below <= rank { a = candidate; belowA = below }
                }
                if highIndex < sampleSize {
                    let candidate = sample[highIndex], below = countBelow(candidate)
                    if below > rank { b = candidate; belowB = below }
                }
            }
            // Halve the window (by value, or by the ordering of doubles for infinite ends).
            while belowB - belowA > limit {
                let middle = Self.middle(a, b)
                guard middle > a && middle < b else { break }
                // A window narrower than rounding cannot be split reliably: its slopes are ties.
                if a.isFinite && b.isFinite && b - a < margin(middle) { break }
                let below = countBelow(middle)
                if below <= rank { a = middle; belowA = below } else { b = middle; belowB = below }
            }
            // List the window; when the selected slope lies within rounding of an end, list it
            // again widened by a multiple of the rounding error.
            var widen = 0.0
            for _ in 0..<6 where belowB - belowA <= limit {
                let low = a.isFinite ? a - widen * margin(a) : a
                let high = b.isFinite ? b + widen * margin(b) : b
                let below = widen == 0 ? belowA : countBelow(low)
                let listed = list(low, high, limit: 4 * limit)
                guard below <= rank, listed.complete else { break }
                let sorted = listed.slopes.sorted()
                let value = rank - below < sorted.count ? sorted[rank - below] : high
                let clear = (low == -.infinity || value - low > margin(low)) && (high == .infinity || high - value > margin(high))
                if clear { return value }
                widen = widen == 0 ? 1 : 4 * widen
            }
            // The window holds more slopes than can be listed, all within rounding of one
            // another (ties): the first listed one stands for them.
            return list(a, b, limit: 1).slopes.first ?? a
        }

        /// A point strictly between a and b when one exists.
        static func middle(_ a: Double, _ b: Double) -> Double {
            if a.isFinite && b.isFinite {
                let value = a / 2 + b / 2
                if value > a && value < b { return value }
            }
            // Halve the ordered bit patterns (doubles in order map to integers in order).
            func ordered(_ x: Double) -> Int64 {
                let bits = Int64(bitPattern: x.bitPattern)
                return bits < 0 ? Int64.min - bits : bits
            }
            func double(_ k: Int64) -> Double {
                Double(bitPattern: UInt64(bitPattern: k < 0 ? Int64.min - k : k))
            }
            let low = ordered(a == -.infinity ? -Double.greatestFiniteMagnitude : a)
            let high = ordered(b == .infinity ? Double.greatestFiniteMagnitude : b)
            return double(low / 2 + high / 2 + (low % 2 + high % 2) / 2)
        }
    }
}

/// Autocovariance sums through the fast Fourier transform.
enum Autocovariance {
    /// `c_k = Σ_{i<n−k} x_i x_{i+k}` for k = 0..<n.
    ///
    /// The circular autocorrelation of x padded with zeros to a power of two of at least 2n is
    /// the linear one: the inverse transform of |FFT(x)|² (Wiener–Khinchin). Rounding error is
    /// about log₂(m) ε Σ x², against n ε Σ x² for the direct sums.
    ///
    /// - Parameter x: The (centred) series.
    /// - Returns: n sums.
    /// - Complexity: O(n log n).
    static func sums(_ x: [Double]) -> [Double] {
        let n = x.count
        guard n > 0 else { return [] }
        var m = 1
        while m < 2 * n { m *= 2 }
        var real = x + [Double](repeating: 0, count: m - n)
        var imaginary = [Double](repeating: 0, count: m)
        transform(&real, &imaginary, inverse: false)
        for k in 0..<m {
            real[k] = real[k] * real[k] + imaginary[k] * imaginary[k]
            imaginary[k] = 0
        }
        transform(&real, &imaginary, inverse: true)
        return (0..<n).map { real[$0] / Double(m) }
    }

    /// An in-place iterative radix-2 transform (length a power of two); unscaled both ways.
    private static func transform(_ real: inout [Double], _ imaginary: inout [Double], inverse: Bool) {
        let m = real.count
        var j = 0
        for i in 1..<m {
            var bit = m >> 1
            while j & bit != 0 { j ^= bit; bit >>= 1 }
            j |= bit
            if i < j { real.swapAt(i, j); imaginary.swapAt(i, j) }
        }
        var length = 2
        while length <= m {
            let angle = (inverse ? 2 : -2) * Double.pi / Double(length)
            let half = length / 2
            let cosines = (0..<half).map { cos(angle * Double($0)) }
            let sines = (0..<half).map { sin(angle * Double($0)) }
            var start = 0
            while start < m {
                for k in 0..<half {
                    let a = start + k, b = a + half
                    let re = real[b] * cosines[k] - imaginary[b] * sines[k]
                    let im = real[b] * sines[k] + imaginary[b] * cosines[k]
                    real[b] = real[a] - re; imaginary[b] = imaginary[a] - im
                    real[a] += re; imaginary[a] += im
                }
                start += length
            }
            length *= 2
        }
    }
}
