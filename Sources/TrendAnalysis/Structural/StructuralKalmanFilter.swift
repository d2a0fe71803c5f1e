import Foundation

/// The Kalman filter and smoother of a basic structural model, with the exact diffuse
/// initialisation of Durbin and Koopman (2012, ch. 5) for a univariate series.
///
/// State vector (dimension `m`): the level, then the slope (local linear trend only), then
/// `s - 1` seasonal states `γ[t], γ[t-1], ..., γ[t-s+2]` (seasonal models only):
/// ```
/// y[t]   = Z α[t] + ε[t],          Z = (1, [0], [1, 0, ..., 0])
/// α[t+1] = T α[t] + η[t],          η[t] ~ N(0, diag(σ²_level, [σ²_slope], [σ²_seasonal, 0, ..., 0]))
/// α[1]   ~ N(0, κ I), κ → ∞        (every state diffuse: P∞ = I, P* = 0)
/// ```
/// Every state is nonstationary, so the initial covariance is `κ P∞` with `P∞ = I`. While
/// `P∞ ≠ 0` the filter runs the diffuse recursions (F∞ = Z P∞ Z'); afterwards the ordinary
/// ones. A missing observation skips the update step. `T` is applied through its structure
/// (a row sum for the seasonal block, shifts otherwise), so a step costs O(m s), not O(m³).
///
/// Not API: ``StructuralModelSpecification`` runs it.
final class StructuralKalmanFilter {
    let m: Int
    let hasSlope: Bool
    /// The seasonal period, or 0 without a seasonal.
    let period: Int
    /// Index of the current seasonal state γ[t] in the state vector, or -1.
    let seasonalIndex: Int
    /// H, σ²_level, σ²_slope (0 when absent), σ²_seasonal (0 when absent).
    var irregular = 1.0, level = 1.0, slope = 0.0, seasonal = 0.0

    /// |F∞| below this is zero; P∞ with every |entry| below it is zero (its entries are O(1) to O(t²)).
    static let diffuseTolerance = 1e-9

    private let a: UnsafeMutablePointer<Double>
    private let pInf: UnsafeMutablePointer<Double>
    private let pStar: UnsafeMutablePointer<Double>
    private let mInf: UnsafeMutablePointer<Double>
    private let mStar: UnsafeMutablePointer<Double>
    private let row: UnsafeMutablePointer<Double>

    init(hasSlope: Bool, period: Int) {
        self.hasSlope = hasSlope
        self.period = period
        m = 1 + (hasSlope ? 1 : 0) + (period > 1 ? period - 1 : 0)
        seasonalIndex = period > 1 ? 1 + (hasSlope ? 1 : 0) : -1
        a = .allocate(capacity: m)
        pInf = .allocate(capacity: m * m)
        pStar = .allocate(capacity: m * m)
        mInf = .allocate(capacity: m)
        mStar = .allocate(capacity: m)
        row = .allocate(capacity: m)
    }

    deinit {
        a.deallocate(); pInf.deallocate(); pStar.deallocate(); mInf.deallocate(); mStar.deallocate(); row.deallocate()
    }

    // MARK: System matrices through their structure

    /// x ← T x.
    @inline(__always)
    func transition(_ x: UnsafeMutablePointer<Double>) {
        if hasSlope { x[0] += x[1] }
        if seasonalIndex >= 0 {
            let s = seasonalIndex
            var sum = 0.0
            for j in 0..<(period - 1) { sum += x[s + j] }
            var j = period - 2
            while j > 0 { x[s + j] = x[s + j - 1]; j -= 1 }
            x[s] = -sum
        }
    }

    /// x ← T' x.
    func transitionTransposed(_ x: inout [Double]) {
        if hasSlope { x[1] += x[0] }
        if seasonalIndex >= 0 {
            let s = seasonalIndex
            let first = x[s]
            for j in 0..<(period - 2) { x[s + j] = x[s + j + 1] - first }
            x[s + period - 2] = -first
        }
    }

    /// Z x.
    @inline(__always)
    func observe(_ x: UnsafePointer<Double>) -> Double {
        seasonalIndex >= 0 ? x[0] + x[seasonalIndex] : x[0]
    }

    /// P ← T P T' (+ Q when `addNoise`), P an m×m row-major matrix.
    @inline(__always)
    func predictCovariance(_ p: UnsafeMutablePointer<Double>, addNoise: Bool) {
        // Rows: T P.
        if hasSlope { for j in 0..<m { p[j] += p[m + j] } }
        if seasonalIndex >= 0 {
            let s = seasonalIndex
            for j in 0..<m { row[j] = p[s * m + j] }
            for k in 1..<(period - 1) { let base = (s + k) * m; for j in 0..<m { row[j] += p[base + j] } }
            var k = period - 2
            while k > 0 {
                let to = (s + k) * m, from = (s + k - 1) * m
                for j in 0..<m { p[to + j] = p[from + j] }
                k -= 1
            }
            for j in 0..<m { p[s * m + j] = -row[j] }
        }
        // Columns: (T P) T', row by row.
        for i in 0..<m { transition(p + i * m) }
        if addNoise {
            p[0] += level
            if hasSlope { p[m + 1] += slope }
            if seasonalIndex >= 0 { p[seasonalIndex * m + seasonalIndex] += seasonal }
        }
    }

    /// The m×m transition matrix T (for the smoother's dense steps and tests).
    var transitionMatrix: [Double] {
        var t = [Double](repeating: 0, count: m * m)
        for j in 0..<m {
            var column = [Double](repeating: 0, count: m)
            column[j] = 1
            column.withUnsafeMutableBufferPointer { transition($0.baseAddress!) }
            for i in 0..<m { t[i * m + j] = column[i] }
        }
        return t
    }

    // MARK: Filter

    /// What one time step of the filter saw, kept for the smoother.
    enum StepKind: UInt8 { case missing, diffuseInformative, diffuseZero, regular }

    /// The filter's record of every step (only when asked for).
    struct Record {
        var kind: [StepKind] = []
        /// v[t] (0 when missing).
        var v: [Double] = []
        /// F*[t] (regular and diffuse steps) — the prediction error variance; 0 when missing.
        var fStar: [Double] = []
        /// F∞[t] (diffuse steps), else 0.
        var fInf: [Double] = []
        /// Predicted states a[t], n × m.
        var a: [Double] = []
        /// Predicted P*[t] (P[t] after the diffuse period), n × m × m.
        var pStar: [Double] = []
        /// Predicted P∞[t] for t < diffusePeriods, d × m × m.
        var pInf: [Double] = []
        /// M*[t] = P*[t] Z' and M∞[t] = P∞[t] Z', n × m (M∞ zero after the diffuse period).
        var mStar: [Double] = []
        var mInf: [Double] = []
        /// a[n] and P[n]: the one-step prediction after the last observation.
        var finalState: [Double] = []
        var finalCovariance: [Double] = []
    }

    /// The pieces of the log-likelihood, so that a scale can be concentrated out.
    struct Likelihood {
        var observed = 0
        /// Observations met while F∞ > 0: they carry log F∞ only, which does not scale.
        var diffuseInformative = 0
        var sumLogFInf = 0.0
        var sumLogF = 0.0
        var sumSquares = 0.0
        /// Periods filtered in diffuse mode (statsmodels `nobs_diffuse`).
        var diffusePeriods = 0
        var diffuseEnded = false

        /// Observations whose F scales with the variances.
        var scaled: Int { observed - diffuseInformative }

        /// The exact diffuse log-likelihood at the variances filtered (Durbin and Koopman 2012, eq. 7.4).
        var logLikelihood: Double {
            -0.5 * (Double(observed) * log(2 * Double.pi) + sumLogFInf + sumLogF + sumSquares)
        }

        /// The log-likelihood maximised over a common scale c of all variances, and that c.
        var concentrated: (logLikelihood: Double, scale: Double) {
            let n = Double(scaled)
            let scale = sumSquares / n
            return (-0.5 * (Double(observed) * log(2 * Double.pi) + sumLogFInf + sumLogF + n * log(scale) + n), scale)
        }
    }

    /// P ← T P T' (+ Q) for symmetric P in the filter's rotating layout: the seasonal block is a
    /// ring whose slot `oldest` (γ[t-s+2]) is overwritten by γ[t+1] = -Σ γ, the other slots keep
    /// their values, so only the level row and column and row and column `oldest` change:
    /// ```
    /// σ_i = Σ_{j ∈ seasonal} P[i, j];   P[o, i] = P[i, o] = -σ_i (i ≠ o);   P[o, o] = Σ_{i ∈ seasonal} σ_i
    /// ```
    @inline(__always)
    private func predictRotating(_ p: UnsafeMutablePointer<Double>, oldest o: Int, addNoise: Bool) {
        let m = self.m
        if hasSlope {
            let row0 = p, row1 = p + m
            for j in 0..<m { row0[j] += row1[j] }
            var i = 0
            while i < m { let entry = p + i &* m; entry[0] += entry[1]; i &+= 1 }
        }
        if seasonalIndex >= 0 {
            // σ = the sum of the seasonal rows (P is symmetric, so also of its seasonal columns).
            let s = seasonalIndex
            let first = p + s &* m
            for i in 0..<m { row[i] = first[i] }
            var k = 1
            while k < period &- 1 {
                let next = p + (s &+ k) &* m
                for i in 0..<m { row[i] += next[i] }
                k &+= 1
            }
            var total = 0.0
            for i in s..<m { total += row[i] }
            let replaced = p + o &* m
            for i in 0..<m { replaced[i] = -row[i] }
            var i = 0
            while i < m { p[i &* m &+ o] = -row[i]; i &+= 1 }
            replaced[o] = total
        }
        if addNoise {
            p[0] += level
            if hasSlope { p[m &+ 1] += slope }
            if seasonalIndex >= 0 { p[o &* m &+ o] += seasonal }
        }
    }

    /// Runs the filter over `y` (NaN = missing), optionally recording every step.
    ///
    /// Internally the seasonal states rotate through a ring of slots (see `predictRotating`), so a
    /// step costs O(m s) with no copying; the record is written in the standard order
    /// (γ[t], γ[t-1], ..., γ[t-s+2]).
    func run(_ y: UnsafeBufferPointer<Double>, record: UnsafeMutablePointer<Record>?) -> Likelihood {
        let n = y.count
        let mm = m * m
        for i in 0..<m { a[i] = 0 }
        for i in 0..<mm { pInf[i] = 0; pStar[i] = 0 }
        for i in 0..<m { pInf[i * m + i] = 1 }
        var result = Likelihood()
        var diffuse = true
        let h = irregular
        let s = seasonalIndex, ring = max(period - 1, 1)
        var productF = 1.0
        /// Slot of γ[t] within the seasonal ring.
        var head = 0
        /// Position in the state vector of standard state i (the ring unrolled).
        var slot = Array(0..<m)
        func unroll() {
            guard s >= 0 else { return }
            for k in 0..<(period - 1) { slot[s + k] = s + ((head - k) % ring + ring) % ring }
        }
        if let record {
            record.pointee = Record()
            record.pointee.kind.reserveCapacity(n)
            record.pointee.a.reserveCapacity(n * m)
            record.pointee.pStar.reserveCapacity(n * mm)
            record.pointee.mStar.reserveCapacity(n * m)
            record.pointee.mInf.reserveCapacity(n * m)
        }
        func appendVector(_ x: UnsafeMutablePointer<Double>, to array: inout [Double]) {
            for i in 0..<m { array.append(x[slot[i]]) }
        }
        func appendMatrix(_ x: UnsafeMutablePointer<Double>, to array: inout [Double]) {
            for i in 0..<m { let r = slot[i] * m; for j in 0..<m { array.append(x[r + slot[j]]) } }
        }
        for t in 0..<n {
            let value = y[t]
            let observed = !value.isNaN
            let current = s >= 0 ? s + head : 0
            if let record {
                unroll()
                appendVector(a, to: &record.pointee.a)
                appendMatrix(pStar, to: &record.pointee.pStar)
                if diffuse { appendMatrix(pInf, to: &record.pointee.pInf) }
            }
            var kind = StepKind.missing
            var v = 0.0, fStar = 0.0, fInf = 0.0
            if observed {
                result.observed += 1
                v = value - (s >= 0 ? a[0] + a[current] : a[0])
                // M = P Z' from rows 0 and `current` (P is symmetric).
                if s >= 0 {
                    let starRow = pStar + current &* m, infRow = pInf + current &* m
                    for i in 0..<m { mStar[i] = pStar[i] + starRow[i] }
                    if diffuse { for i in 0..<m { mInf[i] = pInf[i] + infRow[i] } }
                } else {
                    for i in 0..<m { mStar[i] = pStar[i] }
                    if diffuse { for i in 0..<m { mInf[i] = pInf[i] } }
                }
                fStar = (s >= 0 ? mStar[0] + mStar[current] : mStar[0]) + h
                fInf = diffuse ? (s >= 0 ? mInf[0] + mInf[current] : mInf[0]) : 0
                if diffuse && fInf > Self.diffuseTolerance {
                    kind = .diffuseInformative
                    result.diffuseInformative += 1
                    result.sumLogFInf += log(fInf)
                    let invInf = 1 / fInf
                    let ratio = fStar * invInf * invInf
                    for i in 0..<m { a[i] += mInf[i] * v * invInf }
                    for i in 0..<m {
                        let mi = mInf[i], si = mStar[i]
                        let starRow = pStar + i &* m, infRow = pInf + i &* m
                        for j in 0..<m {
                            starRow[j] += mi * mInf[j] * ratio - (si * mInf[j] + mi * mStar[j]) * invInf
                            infRow[j] -= mi * mInf[j] * invInf
                        }
                    }
                } else {
                    kind = diffuse ? .diffuseZero : .regular
                    if !diffuse { for i in 0..<m { mInf[i] = 0 } }
                    // Σ log F as the log of a running product, taken when the product nears the range's ends.
                    let product = productF * fStar
                    if product > 1e-200 && product < 1e200 {
                        productF = product
                    } else {
                        result.sumLogF += log(productF) + log(fStar)
                        productF = 1
                    }
                    result.sumSquares += v * v / fStar
                    let inv = 1 / fStar
                    for i in 0..<m { a[i] += mStar[i] * v * inv }
                    for i in 0..<m {
                        let mi = mStar[i] * inv
                        let starRow = pStar + i &* m
                        for j in 0..<m { starRow[j] -= mi * mStar[j] }
                    }
                }
            }
            if let record {
                record.pointee.kind.append(kind)
                record.pointee.v.append(v)
                record.pointee.fStar.append(fStar)
                record.pointee.fInf.append(fInf)
                if observed {
                    appendVector(mStar, to: &record.pointee.mStar)
                    appendVector(mInf, to: &record.pointee.mInf)
                } else {
                    record.pointee.mStar.append(contentsOf: repeatElement(0, count: m))
                    record.pointee.mInf.append(contentsOf: repeatElement(0, count: m))
                }
            }
            // Prediction: a ← T a, P ← T P T' + Q, in the ring layout.
            let oldest = s >= 0 ? s + (head + 1) % ring : 0
            if hasSlope { a[0] += a[1] }
            if s >= 0 {
                var sum = 0.0
                for j in 0..<(period - 1) { sum += a[s + j] }
                a[oldest] = -sum
            }
            predictRotating(pStar, oldest: oldest, addNoise: true)
            if diffuse {
                result.diffusePeriods += 1
                predictRotating(pInf, oldest: oldest, addNoise: false)
                // P∞ is positive semi-definite, so |P∞[i, j]| ≤ √(P∞[i, i] P∞[j, j]): the diagonal decides.
                var largest = 0.0
                for i in 0..<m { largest = max(largest, abs(pInf[i &* m &+ i])) }
                if largest <= Self.diffuseTolerance { diffuse = false; result.diffuseEnded = true }
            }
            if s >= 0 { head = (head + 1) % ring }
        }
        result.sumLogF += log(productF)
        if let record {
            unroll()
            var state = [Double](), covariance = [Double]()
            appendVector(a, to: &state)
            appendMatrix(pStar, to: &covariance)
            record.pointee.finalState = state
            record.pointee.finalCovariance = covariance
        }
        return result
    }
}
