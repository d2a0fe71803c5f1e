import Testing
import NumericCore
import _TestSupport

/// Property tests of OLS (issue 11) on seeded random designs (SplitMix64): the
/// invariances any least-squares solver must have, whatever the data.
///
/// With β̂ = argmin ‖y − Xβ‖ and X holding a constant column:
/// ```
/// fit(X, c·y)      = c·β̂            (scaling y scales every coefficient, |c| its standard errors)
/// fit(X, y + k·1)  = β̂ + k·e₀       (adding a constant moves only the intercept)
/// Σ residuals      = 0              (with an intercept)
/// ```
/// Tolerances: the designs are well conditioned (columns uniform on [−10, 10] plus a
/// constant; κ(X) below 10³ for these sizes), so QR's backward error of order κ·ε ≈ 1e-13
/// relative to the largest coefficient; the checks use rtol 1e-9 (STYLE.md's OLS tolerance)
/// and an atol of 1e-9 times the coefficients' scale, for coefficients near zero.
@Suite("LinearRegression: invariances on random designs")
struct LinearRegressionPropertyTests {
    struct Case {
        let design: Matrix
        let response: [Double]
    }

    static func randomCase(_ random: inout PropertyRandom) -> Case {
        let n = random.integer(8...60), p = random.integer(2...5)
        var columns: [[Double]] = [[Double](repeating: 1, count: n)]
        for _ in 1..<p { columns.append((0..<n).map { _ in random.uniform(-10...10) }) }
        let beta = (0..<p).map { _ in random.uniform(-5...5) * (random.integer(0...1) == 0 ? 1 : 1e3) }
        let response = (0..<n).map { i in (0..<p).reduce(0) { $0 + columns[$1][i] * beta[$1] } + random.uniform(-3...3) }
        return Case(design: Matrix(columns: columns), response: response)
    }

    @Test("scaling y by c scales the coefficients by c and the standard errors by |c|; t statistics and R² stay")
    func scaling() throws {
        var random = PropertyRandom(seed: 20_261_129)
        for trial in 0..<200 {
            let c = Self.randomCase(&random)
            let scale = random.magnitude(from: 1e-3, decades: 6) * (random.integer(0...1) == 0 ? 1 : -1)
            let base = try LinearRegression().fit(design: c.design, response: c.response)
            let scaled = try LinearRegression().fit(design: c.design, response: c.response.map { $0 * scale })
            let size = base.coefficients.map { abs($0.estimate) }.max()!
            expectClose(scaled.coefficients.map(\.estimate), base.coefficients.map { $0.estimate * scale },
                        rtol: 1e-9, atol: 1e-9 * size * abs(scale), "trial \(trial) estimates")
            expectClose(scaled.coefficients.map(\.standardError), base.coefficients.map { $0.standardError * abs(scale) },
                        rtol: 1e-9, atol: 0, "trial \(trial) standard errors")
            expectClose(scaled.coefficients.map(\.tStatistic), base.coefficients.map { $0.tStatistic * (scale < 0 ? -1 : 1) },
                        rtol: 1e-8, atol: 1e-8, "trial \(trial) t")
            expectClose(scaled.rSquared, base.rSquared, rtol: 1e-12, atol: 1e-12, "trial \(trial) R²")
        }
    }

    @Test("adding a constant to y moves only the intercept, by that constant; residuals are unchanged and sum to zero")
    func shift() throws {
        var random = PropertyRandom(seed: 4_2)
        for trial in 0..<200 {
            let c = Self.randomCase(&random)
            let shift = random.uniform(-1e4...1e4)
            let base = try LinearRegression().fit(design: c.design, response: c.response)
            let moved = try LinearRegression().fit(design: c.design, response: c.response.map { $0 + shift })
            let size = base.coefficients.map { abs($0.estimate) }.max()! + abs(shift)
            expectClose(moved.coefficients[0].estimate, base.coefficients[0].estimate + shift, rtol: 1e-9, atol: 1e-9 * size, "trial \(trial) intercept")
            expectClose(Array(moved.coefficients.dropFirst().map(\.estimate)), Array(base.coefficients.dropFirst().map(\.estimate)),
                        rtol: 1e-9, atol: 1e-9 * size, "trial \(trial) slopes")
            expectClose(moved.residuals, base.residuals, rtol: 0, atol: 1e-9 * size, "trial \(trial) residuals")
            // Σ e = 0 with an intercept (the normal equation of the constant column); its scale is Σ|y|·ε·κ.
            let scaleOfY = c.response.map(abs).reduce(0, +)
            expectClose(base.residuals.reduce(0, +), 0, rtol: 0, atol: 1e-10 * scaleOfY, "trial \(trial) Σe")
        }
    }
}
