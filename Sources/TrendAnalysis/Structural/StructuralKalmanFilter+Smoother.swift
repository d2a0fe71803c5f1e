import Foundation

extension StructuralKalmanFilter {
    /// Smoothed states, signal and disturbances at every period, with their variances.
    struct Smoothed {
        /// Smoothed level, slope and current seasonal (empty when absent), and their variances.
        var level: [Double] = [], levelVariance: [Double] = []
        var slope: [Double] = [], slopeVariance: [Double] = []
        var seasonal: [Double] = [], seasonalVariance: [Double] = []
        /// Z α̂[t] and Var(Z α[t] | y).
        var signal: [Double] = [], signalVariance: [Double] = []
        /// ε̂[t] and Var(ε[t] | y) (observed periods; 0 and H at missing ones).
        var irregular: [Double] = [], irregularVariance: [Double] = []
        /// The level disturbance η̂[t] (α[t+1] - T α[t], level row) and Var(η[t] | y).
        var levelDisturbance: [Double] = [], levelDisturbanceVariance: [Double] = []
    }

    /// The fixed-interval smoother over a filter ``Record``: the exact initial smoother of
    /// Durbin and Koopman (2012, §5.3, eqs. 5.21-5.30) for the diffuse periods and the
    /// ordinary one (§4.4, §4.5.3) after them.
    ///
    /// Backwards, with r[n] = 0 and N[n] = 0, for a regular step (K = T M / F, L = T - K Z):
    /// ```
    /// u = v / F - K' r[t];  ε̂ = H u;  Var ε = H - H² (1/F + K' N[t] K)
    /// η̂ = Q R' r[t];       Var η = Q - Q R' N[t] R Q
    /// r[t-1] = T' r[t] + Z' u;  N[t-1] = Z'Z / F + L' N[t] L
    /// α̂[t] = a[t] + P[t] r[t-1];  V[t] = P[t] - P[t] N[t-1] P[t]
    /// ```
    /// and in the diffuse period the pairs r⁽⁰⁾, r⁽¹⁾ and N⁽⁰⁾, N⁽¹⁾, N⁽²⁾ (with N⁽¹⁾ the cross
    /// moment of r⁽¹⁾ and r⁽⁰⁾), started from r⁽⁰⁾ = r[d-1], N⁽⁰⁾ = N[d-1] and zeros.
    func smooth(_ record: Record, diffusePeriods d: Int) -> Smoothed {
        let n = record.kind.count
        let mm = m * m
        let s = seasonalIndex
        let q = [level, slope, seasonal]
        var out = Smoothed()
        func reserve(_ array: inout [Double]) { array = [Double](repeating: 0, count: n) }
        reserve(&out.level); reserve(&out.levelVariance); reserve(&out.signal); reserve(&out.signalVariance)
        reserve(&out.irregular); reserve(&out.irregularVariance); reserve(&out.levelDisturbance); reserve(&out.levelDisturbanceVariance)
        if hasSlope { reserve(&out.slope); reserve(&out.slopeVariance) }
        if s >= 0 { reserve(&out.seasonal); reserve(&out.seasonalVariance) }

        // Small dense helpers (this runs once per fit).
        func addZ(_ x: inout [Double], _ c: Double) { x[0] += c; if s >= 0 { x[s] += c } }
        func zDot(_ x: [Double]) -> Double { s >= 0 ? x[0] + x[s] : x[0] }
        func dot(_ x: [Double], _ y: [Double]) -> Double { var sum = 0.0; for i in 0..<m { sum += x[i] * y[i] }; return sum }
        func times(_ matrix: [Double], _ x: [Double]) -> [Double] {
            var y = [Double](repeating: 0, count: m)
            for i in 0..<m { var sum = 0.0; for j in 0..<m { sum += matrix[i * m + j] * x[j] }; y[i] = sum }
            return y
        }
        func transitioned(_ x: [Double]) -> [Double] {
            var y = x
            y.withUnsafeMutableBufferPointer { transition($0.baseAddress!) }
            return y
        }
        /// A' N B for operators given by their transposes (x ↦ A'x, x ↦ B'x).
        func sandwich(_ at: ([Double]) -> [Double], _ matrix: [Double], _ bt: ([Double]) -> [Double]) -> [Double] {
            var w = [Double](repeating: 0, count: mm)
            var column = [Double](repeating: 0, count: m)
            for j in 0..<m {
                for i in 0..<m { column[i] = matrix[i * m + j] }
                let image = at(column)
                for i in 0..<m { w[i * m + j] = image[i] }
            }
            var result = [Double](repeating: 0, count: mm)
            for i in 0..<m {
                let image = bt(Array(w[(i * m)..<(i * m + m)]))
                for j in 0..<m { result[i * m + j] = image[j] }
            }
            return result
        }
        func tt(_ x: [Double]) -> [Double] { var y = x; transitionTransposed(&y); return y }
        /// x ↦ (T - K Z)' x.
        func lt(_ k: [Double]) -> ([Double]) -> [Double] {
            { x in var y = tt(x); addZ(&y, -dot(k, x)); return y }
        }
        func addZZ(_ matrix: inout [Double], _ c: Double) {
            matrix[0] += c
            if s >= 0 { matrix[s] += c; matrix[s * m] += c; matrix[s * m + s] += c }
        }
        func quadratic(_ x: [Double], _ matrix: [Double], _ y: [Double]) -> Double { dot(x, times(matrix, y)) }

        /// Stores smoothed state entries and variances at t from α̂ = a + (...) and a function giving u'Vu.
        func store(_ t: Int, _ alpha: [Double], _ variance: ([Double]) -> Double) {
            func unit(_ i: Int) -> [Double] { var e = [Double](repeating: 0, count: m); e[i] = 1; return e }
            out.level[t] = alpha[0]; out.levelVariance[t] = variance(unit(0))
            if hasSlope { out.slope[t] = alpha[1]; out.slopeVariance[t] = variance(unit(1)) }
            if s >= 0 { out.seasonal[t] = alpha[s]; out.seasonalVariance[t] = variance(unit(s)) }
            var z = [Double](repeating: 0, count: m)
            addZ(&z, 1)
            out.signal[t] = zDot(alpha); out.signalVariance[t] = variance(z)
        }
        func storeLevelDisturbance(_ t: Int, _ r: [Double], _ nMatrix: [Double]) {
            out.levelDisturbance[t] = q[0] * r[0]
            out.levelDisturbanceVariance[t] = q[0] - q[0] * q[0] * nMatrix[0]
        }

        var r = [Double](repeating: 0, count: m)
        var nMatrix = [Double](repeating: 0, count: mm)
        let h = irregular
        var t = n - 1
        while t >= d {
            let a = Array(record.a[(t * m)..<(t * m + m)])
            let p = Array(record.pStar[(t * mm)..<(t * mm + mm)])
            storeLevelDisturbance(t, r, nMatrix)
            if record.kind[t] == .missing {
                out.irregular[t] = 0; out.irregularVariance[t] = h
                r = tt(r)
                nMatrix = sandwich(tt, nMatrix, tt)
            } else {
                let f = record.fStar[t]
                let k = transitioned(Array(record.mStar[(t * m)..<(t * m + m)])).map { $0 / f }
                let u = record.v[t] / f - dot(k, r)
                out.irregular[t] = h * u
                out.irregularVariance[t] = h - h * h * (1 / f + quadratic(k, nMatrix, k))
                var next = tt(r)
                addZ(&next, u)
                r = next
                nMatrix = sandwich(lt(k), nMatrix, lt(k))
                addZZ(&nMatrix, 1 / f)
            }
            let pr = times(p, r)
            store(t, (0..<m).map { a[$0] + pr[$0] }) { x in
                let px = times(p, x)
                return dot(x, px) - quadratic(px, nMatrix, px)
            }
            t -= 1
        }
        // The diffuse periods, t = d-1, ..., 0.
        var r1 = [Double](repeating: 0, count: m)
        var n1 = [Double](repeating: 0, count: mm)
        var n2 = [Double](repeating: 0, count: mm)
        while t >= 0 {
            let a = Array(record.a[(t * m)..<(t * m + m)])
            let pStar = Array(record.pStar[(t * mm)..<(t * mm + mm)])
            let pInf = Array(record.pInf[(t * mm)..<(t * mm + mm)])
            storeLevelDisturbance(t, r, nMatrix)
            switch record.kind[t] {
            case .missing:
                out.irregular[t] = 0; out.irregularVariance[t] = h
                r = tt(r); r1 = tt(r1)
                nMatrix = sandwich(tt, nMatrix, tt); n1 = sandwich(tt, n1, tt); n2 = sandwich(tt, n2, tt)
            case .diffuseZero, .regular:
                let f = record.fStar[t]
                let k0 = transitioned(Array(record.mStar[(t * m)..<(t * m + m)])).map { $0 / f }
                let u = record.v[t] / f - dot(k0, r)
                out.irregular[t] = h * u
                out.irregularVariance[t] = h - h * h * (1 / f + quadratic(k0, nMatrix, k0))
                var next = tt(r)
                addZ(&next, u)
                r = next
                r1 = tt(r1)
                n2 = sandwich(tt, n2, tt)
                n1 = sandwich(tt, n1, lt(k0))
                nMatrix = sandwich(lt(k0), nMatrix, lt(k0))
                addZZ(&nMatrix, 1 / f)
            case .diffuseInformative:
                let fInf = record.fInf[t], fStar = record.fStar[t]
                let f1 = 1 / fInf, f2 = -fStar / (fInf * fInf)
                let tmInf = transitioned(Array(record.mInf[(t * m)..<(t * m + m)]))
                let tmStar = transitioned(Array(record.mStar[(t * m)..<(t * m + m)]))
                let k0 = tmInf.map { $0 * f1 }
                let k1 = (0..<m).map { tmStar[$0] * f1 + tmInf[$0] * f2 }
                out.irregular[t] = -h * dot(k0, r)
                out.irregularVariance[t] = h - h * h * quadratic(k0, nMatrix, k0)
                let l0t = lt(k0)
                let l1t: ([Double]) -> [Double] = { x in var y = [Double](repeating: 0, count: self.m); addZ(&y, -dot(k1, x)); return y }
                // r⁽¹⁾[t-1] = Z' F⁽¹⁾ v + L0' r⁽¹⁾ + L1' r⁽⁰⁾;  r⁽⁰⁾[t-1] = L0' r⁽⁰⁾.
                var nextR1 = l0t(r1)
                let l1r = l1t(r)
                for i in 0..<m { nextR1[i] += l1r[i] }
                addZ(&nextR1, record.v[t] * f1)
                let nextR0 = l0t(r)
                // N⁽²⁾ = Z'F⁽²⁾Z + L0'N2L0 + L0'N1L1 + (L0'N1L1)' + L1'N0L1
                let cross = sandwich(l0t, n1, l1t)
                var nextN2 = sandwich(l0t, n2, l0t)
                let l1n0l1 = sandwich(l1t, nMatrix, l1t)
                for i in 0..<m { for j in 0..<m { nextN2[i * m + j] += cross[i * m + j] + cross[j * m + i] + l1n0l1[i * m + j] } }
                addZZ(&nextN2, f2)
                // N⁽¹⁾ = Z'F⁽¹⁾Z + L0'N1L0 + L1'N0L0
                var nextN1 = sandwich(l0t, n1, l0t)
                let l1n0l0 = sandwich(l1t, nMatrix, l0t)
                for i in 0..<mm { nextN1[i] += l1n0l0[i] }
                addZZ(&nextN1, f1)
                nMatrix = sandwich(l0t, nMatrix, l0t)
                r = nextR0; r1 = nextR1; n1 = nextN1; n2 = nextN2
            }
            let ps = times(pStar, r), pi = times(pInf, r1)
            store(t, (0..<m).map { a[$0] + ps[$0] + pi[$0] }) { x in
                let sx = times(pStar, x), ix = times(pInf, x)
                return dot(x, sx) - quadratic(sx, nMatrix, sx) - 2 * quadratic(ix, n1, sx) - quadratic(ix, n2, ix)
            }
            t -= 1
        }
        return out
    }
}
