// The numerical core of STL: a line-by-line port of the Fortran routines of
// Cleveland et al. (netlib `stl`: stlstp, stlss, stlfts, stless, stlest, stlrwt),
// which statsmodels' `_stl.pyx` also follows. Positions are 1-based inside the
// loess routines, as in the Fortran, so that the window arithmetic reads the same.
// Only `stlest` is rearranged for speed (one pass of weighted sums, see `estimate`);
// it computes the same quantities, equal to rounding.

/// Runs the STL inner and outer loops for a resolved specification.
struct STLKernel {
    let np: Int, ns: Int, nt: Int, nl: Int
    let isdeg: Int, itdeg: Int, ildeg: Int
    let nsjump: Int, ntjump: Int, nljump: Int
    let inner: Int, outer: Int

    init(spec: STLSpecification) {
        np = spec.period!; ns = spec.seasonal; nt = spec.trend!; nl = spec.lowPass!
        isdeg = spec.seasonalDegree; itdeg = spec.trendDegree; ildeg = spec.lowPassDegree
        nsjump = spec.seasonalJump; ntjump = spec.trendJump; nljump = spec.lowPassJump
        inner = spec.innerIterations!; outer = spec.outerIterations!
    }

    /// Trend, seasonal and the last robustness weights for `y`.
    func run(_ y: [Double]) -> (trend: [Double], seasonal: [Double], weights: [Double]) {
        let n = y.count
        var trend = [Double](repeating: 0, count: n)
        var season = [Double](repeating: 0, count: n)
        var weights = [Double](repeating: 1, count: n)
        var userw = false
        var k = 0
        while true {
            innerLoop(y, userw: userw, rw: weights, season: &season, trend: &trend)
            k += 1
            if k > outer { break }
            let fit = (0..<n).map { trend[$0] + season[$0] }
            weights = Self.robustnessWeights(y, fit: fit)
            userw = true
        }
        if outer <= 0 { weights = [Double](repeating: 1, count: n) }
        return (trend, season, weights)
    }

    /// `stlstp`: `inner` passes of seasonal smoothing, low-pass removal and trend smoothing.
    func innerLoop(_ y: [Double], userw: Bool, rw: [Double], season: inout [Double], trend: inout [Double]) {
        let n = y.count
        for _ in 0..<inner {
            let detrended = (0..<n).map { y[$0] - trend[$0] }
            let cycle = seasonalSmooth(detrended, userw: userw, rw: rw)        // length n + 2 np
            let filtered = Self.lowPassFilter(cycle, np: np)                    // length n
            let low = Self.loess(filtered, len: nl, degree: ildeg, jump: nljump, userw: false, rw: [])
            for i in 0..<n { season[i] = cycle[np + i] - low[i] }
            let deseasonalised = (0..<n).map { y[$0] - season[$0] }
            trend = Self.loess(deseasonalised, len: nt, degree: itdeg, jump: ntjump, userw: userw, rw: rw)
        }
    }

    /// `stlss`: loess of each cycle-subseries, extended by one point at each end.
    func seasonalSmooth(_ y: [Double], userw: Bool, rw: [Double]) -> [Double] {
        let n = y.count
        var out = [Double](repeating: 0, count: n + 2 * np)
        for j in 1...np {
            let k = (n - j) / np + 1
            let sub = (1...k).map { y[($0 - 1) * np + j - 1] }
            let subWeights = userw ? (1...k).map { rw[($0 - 1) * np + j - 1] } : []
            var work = [Double](repeating: 0, count: k + 2)
            let smooth = Self.loess(sub, len: ns, degree: isdeg, jump: nsjump, userw: userw, rw: subWeights)
            for m in 0..<k { work[m + 1] = smooth[m] }
            Self.withLoessBuffers(sub, rw: subWeights, userw: userw) { y, rw in
                work[0] = Self.estimate(y, len: ns, degree: isdeg, at: 0, left: 1, right: min(ns, k), rw: rw) ?? work[1]
                work[k + 1] = Self.estimate(y, len: ns, degree: isdeg, at: Double(k + 1), left: max(1, k - ns + 1), right: k,
                                            rw: rw) ?? work[k]
            }
            for m in 1...(k + 2) { out[(m - 1) * np + j - 1] = work[m - 1] }
        }
        return out
    }

    /// `stlfts`: moving averages of lengths np, np and 3.
    static func lowPassFilter(_ x: [Double], np: Int) -> [Double] {
        movingAverage(movingAverage(movingAverage(x, len: np), len: np), len: 3)
    }

    /// `stlma`: the running mean of length `len`, returning `x.count - len + 1` values.
    static func movingAverage(_ x: [Double], len: Int) -> [Double] {
        let count = x.count - len + 1
        var out = [Double](repeating: 0, count: count)
        let flen = Double(len)
        var v = 0.0
        for i in 0..<len { v += x[i] }
        out[0] = v / flen
        if count > 1 {
            var k = len - 1, m = -1
            for j in 1..<count {
                k += 1; m += 1
                v = v - x[m] + x[k]
                out[j] = v / flen
            }
        }
        return out
    }

    /// `stless`: loess smoothing of `y` at positions 1...n with window `len`, evaluated every `jump` points.
    static func loess(_ y: [Double], len: Int, degree: Int, jump: Int, userw: Bool, rw: [Double]) -> [Double] {
        let n = y.count
        var ys = [Double](repeating: 0, count: n)
        if n < 2 { ys[0] = y[0]; return ys }
        let newnj = min(jump, n - 1)
        var nleft = 1, nright = n
        withLoessBuffers(y, rw: rw, userw: userw) { y, rw in
        if len >= n {
            nleft = 1; nright = n
            for i in stride(from: 1, through: n, by: newnj) {
                ys[i - 1] = estimate(y, len: len, degree: degree, at: Double(i), left: nleft, right: nright, rw: rw) ?? y[i - 1]
            }
        } else if newnj == 1 {
            let nsh = (len + 1) / 2
            nleft = 1; nright = len
            // Away from the ends the window sits nsh − 1 points left of xs and len − nsh right of it,
            // so its tricube weights are the same at every point: computed once.
            let kernel = tricubeKernel(left: nsh - 1, right: len - nsh)
            kernel.withUnsafeBufferPointer { kernel in
                for i in 1...n {
                    if i > nsh && nright != n { nleft += 1; nright += 1 }
                    if i - nleft == nsh - 1 {
                        ys[i - 1] = estimate(y, kernel: kernel, degree: degree, at: Double(i), left: nleft, rw: rw) ?? y[i - 1]
                    } else {
                        ys[i - 1] = estimate(y, len: len, degree: degree, at: Double(i), left: nleft, right: nright, rw: rw) ?? y[i - 1]
                    }
                }
            }
        } else {
            let nsh = (len + 1) / 2
            for i in stride(from: 1, through: n, by: newnj) {
                if i < nsh { nleft = 1; nright = len }
                else if i >= n - nsh + 1 { nleft = n - len + 1; nright = n }
                else { nleft = i - nsh + 1; nright = len + i - nsh }
                ys[i - 1] = estimate(y, len: len, degree: degree, at: Double(i), left: nleft, right: nright, rw: rw) ?? y[i - 1]
            }
        }
        if newnj != 1 {
            for i in stride(from: 1, through: n - newnj, by: newnj) {
                let delta = (ys[i + newnj - 1] - ys[i - 1]) / Double(newnj)
                for j in (i + 1)..<(i + newnj) { ys[j - 1] = ys[i - 1] + delta * Double(j - i) }
            }
            let k = ((n - 1) / newnj) * newnj + 1
            if k != n {
                ys[n - 1] = estimate(y, len: len, degree: degree, at: Double(n), left: nleft, right: nright, rw: rw) ?? y[n - 1]
                if k != n - 1 {
                    let delta = (ys[n - 1] - ys[k - 1]) / Double(n - k)
                    for j in (k + 1)..<n { ys[j - 1] = ys[k - 1] + delta * Double(j - k) }
                }
            }
        }
        }
        return ys
    }

    /// Runs `body` with `y` and the robustness weights (nil when unused) as buffers, so that
    /// the many loess estimates of one pass neither allocate nor check bounds.
    static func withLoessBuffers(_ y: [Double], rw: [Double], userw: Bool,
                                 _ body: (UnsafeBufferPointer<Double>, UnsafeBufferPointer<Double>?) -> Void) {
        y.withUnsafeBufferPointer { yp in
            if userw {
                rw.withUnsafeBufferPointer { body(yp, $0) }
            } else {
                body(yp, nil)
            }
        }
    }

    /// `stlest`: the loess estimate at `xs` from positions `left...right` (1-based), or `nil`
    /// when every tricube weight is zero. `rw` are the robustness weights (nil: all 1).
    ///
    /// The Fortran's weighted line, computed in one pass from five weighted sums in
    /// coordinates centred on `xs` (d = j − xs): with a = Σw, m = Σw d / a and
    /// c = Σw d² / a − m², the estimate Σ w (b (d − m) + 1) y / a with b = −m / c is
    /// (Σw y + b (Σw d y − m Σw y)) / a. The Fortran normalises the weights first and makes
    /// five passes; the sums here run side by side (no division per point) and agree with it
    /// to rounding (statsmodels' STL to 1e-12 in the tests).
    static func estimate(_ y: UnsafeBufferPointer<Double>, len: Int, degree: Int, at xs: Double, left: Int, right: Int,
                         rw: UnsafeBufferPointer<Double>?) -> Double? {
        let n = y.count
        var h = max(xs - Double(left), Double(right) - xs)
        if len > n { h += Double((len - n) / 2) }
        var sums = WeightedSums()
        for j in left...right {
            let d = Double(j) - xs
            var wj = tricube(abs(d), h: h)
            if wj == 0 { continue }
            if let rw { wj *= rw[j - 1] }
            sums.add(weight: wj, offset: d, value: y[j - 1])
        }
        return sums.line(h: h, degree: degree, range: Double(n) - 1)
    }

    /// The estimate at `xs` from the window starting at `left` whose tricube weights are `kernel`
    /// (from ``tricubeKernel(left:right:)``): the same sums as the general estimate, in the same order.
    static func estimate(_ y: UnsafeBufferPointer<Double>, kernel: UnsafeBufferPointer<Double>, degree: Int, at xs: Double,
                         left: Int, rw: UnsafeBufferPointer<Double>?) -> Double? {
        let h = max(xs - Double(left), Double(left + kernel.count - 1) - xs)
        var sums = WeightedSums()
        for m in 0..<kernel.count {
            var wj = kernel[m]
            if wj == 0 { continue }
            let j = left + m
            if let rw { wj *= rw[j - 1] }
            sums.add(weight: wj, offset: Double(j) - xs, value: y[j - 1])
        }
        return sums.line(h: h, degree: degree, range: Double(y.count) - 1)
    }

    /// Tricube weights of a window reaching `left` points left and `right` points right of its centre.
    static func tricubeKernel(left: Int, right: Int) -> [Double] {
        let h = Double(max(left, right))
        return (-left...right).map { tricube(abs(Double($0)), h: h) }
    }

    /// The Fortran's tricube weight at distance `r` with half-width `h` (0 beyond 0.999 h, 1 within 0.001 h).
    @inline(__always)
    static func tricube(_ r: Double, h: Double) -> Double {
        if r > 0.999 * h { return 0 }
        if r <= 0.001 * h { return 1 }
        let q = r / h
        let c = 1 - q * q * q
        return c * c * c
    }

    /// Σw, Σw d, Σw d², Σw y, Σw d y of a loess window (d: position − xs).
    struct WeightedSums {
        var a = 0.0, d = 0.0, dd = 0.0, y = 0.0, dy = 0.0

        @inline(__always)
        mutating func add(weight w: Double, offset: Double, value: Double) {
            let wy = w * value
            a += w
            d += w * offset
            dd += w * offset * offset
            y += wy
            dy += wy * offset
        }

        /// The local line (degree 1) or mean (degree 0) at the centre; nil when every weight is zero.
        func line(h: Double, degree: Int, range: Double) -> Double? {
            guard a > 0 else { return nil }
            let aInverse = 1 / a
            if h > 0 && degree > 0 {
                let mean = d * aInverse
                let c = dd * aInverse - mean * mean
                if c > 0 && c.squareRoot() > 0.001 * range {
                    let b = -mean / c
                    return (y + b * (dy - mean * y)) * aInverse
                }
            }
            return y * aInverse
        }
    }

    /// `stlrwt`: bisquare robustness weights `B(|y - fit| / (6 median|y - fit|))`.
    static func robustnessWeights(_ y: [Double], fit: [Double]) -> [Double] {
        let r = (0..<y.count).map { abs(y[$0] - fit[$0]) }
        let n = r.count
        let mid0 = n / 2 + 1, mid1 = n - mid0 + 1       // 1-based, as in the Fortran
        // The two middle order statistics by selection (the Fortran's psort), not a full sort.
        var work = r
        let upper = RobustScale.orderStatistic(&work, rank: mid0 - 1)
        let lower = mid1 == mid0 ? upper : RobustScale.orderStatistic(&work, rank: mid1 - 1)
        let cmad = 3 * (upper + lower)
        if cmad == 0 { return [Double](repeating: 1, count: n) }   // statsmodels `_rwts`: all weights 1
        let c9 = 0.999 * cmad, c1 = 0.001 * cmad
        return r.map { value in
            if value <= c1 { return 1 }
            if value <= c9 { let q = value / cmad; let u = 1 - q * q; return u * u }
            return 0
        }
    }
}
