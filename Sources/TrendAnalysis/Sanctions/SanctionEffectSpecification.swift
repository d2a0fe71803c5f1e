import Foundation
import NumericCore
import TradeDomain

/// A difference-in-differences and event-study regression of the sanction effect
/// on a panel of codes × periods: which codes are treated (sanctioned), the first
/// period under the measures, the outcome and the covariance. ``fit(_:)`` returns
/// a ``SanctionEffect``.
///
/// With codes `i`, periods `t`, `Tᵢ = 1` for treated codes, event period `E` and
/// reference period `R` (default `E − 1`):
/// ```
/// difference in differences:  yᵢₜ = αᵢ + λₜ + δ · Tᵢ · 1{t ≥ E} + εᵢₜ
/// event study:                yᵢₜ = αᵢ + λₜ + Σ_{k ≠ R} βₖ · Tᵢ · 1{t = k} + εᵢₜ
/// ```
/// Code effects `αᵢ` and period effects `λₜ` enter as an intercept plus dummies for
/// every code and period but the first. `βₖ` for `k < E` are pre-trend (placebo)
/// checks; `βₖ` for `k ≥ E` trace the effect over time. The outcome is `ln value`
/// (rows with a value ≤ 0 are left out and listed) or the value in USD.
/// Least squares through NumericCore (LAPACK QR); a design without both groups in
/// some period is rank deficient and refused.
///
/// Index convention: `E` is the first period under the measures (as `its --at`).
///
/// Reference: Angrist and Pischke (2009), *Mostly Harmless Econometrics*, §5.2;
/// Cameron and Miller (2015), "A practitioner's guide to cluster-robust inference",
/// J. Human Resources 50(2); statsmodels `OLS(...).fit(cov_type="cluster")`;
/// R `lm` + `sandwich::vcovCL(type = "HC1")`.
public struct SanctionEffectSpecification: Hashable, Codable, Sendable {
    /// The outcome of the regression.
    public enum Outcome: String, Codable, Sendable, CaseIterable {
        /// `ln(value)`; non-positive values are left out and listed.
        case logValue = "log-value"
        /// The value in USD.
        case value
    }

    /// The treated (sanctioned) codes; every other code is a control.
    public let treatedCodes: Set<String>
    /// The first period under the measures.
    public let eventPeriod: Period
    /// The event study's omitted period; `nil` for the period before ``eventPeriod``.
    public let referencePeriod: Period?
    /// The outcome.
    public let outcome: Outcome
    /// The covariance of the estimates.
    public let covariance: PanelCovariance

    /// A specification.
    ///
    /// - Parameters:
    ///   - treatedCodes: The sanctioned codes (for example ``SanctionCoverage/sanctioned`` keys).
    ///   - eventPeriod: The first period under the measures.
    ///   - referencePeriod: The omitted period; `nil` (default) for the period before the event.
    ///   - outcome: `.logValue` (default) or `.value`.
    ///   - covariance: `.clusteredByCode` (default) or `.classical`.
    public init(treatedCodes: Set<String>, eventPeriod: Period, referencePeriod: Period? = nil,
                outcome: Outcome = .logValue, covariance: PanelCovariance = .clusteredByCode) {
        self.treatedCodes = treatedCodes
        self.eventPeriod = eventPeriod
        self.referencePeriod = referencePeriod
        self.outcome = outcome
        self.covariance = covariance
    }

    /// Fits both models.
    ///
    /// - Parameter panel: One observation per code and period (values in USD; quantities unused).
    /// - Returns: The pooled and the event-study estimates.
    /// - Throws: `AnalysisError.invalidParameter` when a group is empty, the event or
    ///   reference period is not in the panel, no period precedes the event, a code
    ///   and period appear twice, or the design is rank deficient (the message quotes
    ///   NumericCore's); `AnalysisError.tooFewObservations` when n ≤ p.
    /// - Complexity: O(n p²) for n observations and p = codes + 2 · periods regressors.
    public func fit(_ panel: [BasketObservation]) throws(AnalysisError) -> SanctionEffect {
        var exclusions: [SanctionEffect.Exclusion] = []
        var rows: [(period: Period, code: String, y: Double)] = []
        var seen: Set<String> = []
        for observation in panel.sorted(by: { ($0.code, $0.period) < ($1.code, $1.period) }) {
            guard seen.insert("\(observation.period)|\(observation.code)").inserted else {
                throw .invalidParameter(name: "observation", value: "\(observation.period) code \(observation.code)",
                                        constraint: "a panel has one observation per period and code")
            }
            switch outcome {
            case .logValue:
                guard observation.value > 0, observation.value.isFinite else {
                    exclusions.append(.init(period: observation.period, code: observation.code,
                                            reason: "value \(observation.value) is not positive; ln(value) is undefined"))
                    continue
                }
                rows.append((observation.period, observation.code, log(observation.value)))
            case .value:
                rows.append((observation.period, observation.code, observation.value))
            }
        }
        let codes = Array(Set(rows.map(\.code))).sorted()
        let periods = Array(Set(rows.map(\.period))).sorted()
        let treated = codes.filter(treatedCodes.contains), controls = codes.filter { !treatedCodes.contains($0) }
        guard !treated.isEmpty, !controls.isEmpty else {
            throw .invalidParameter(name: "groups", value: "\(treated.count) treated, \(controls.count) control codes",
                                    constraint: "a difference in differences needs at least one sanctioned and one other code with data")
        }
        // Cluster-robust standard errors rest on the number of clusters: with a handful of codes (or a
        // single code in one group, whose score the code effect sets to zero) they collapse towards zero
        // and the p-values mean nothing. Refuse rather than print them (Cameron and Miller 2015, J. Human
        // Resources 50(2): few-cluster bias; at least ~10 clusters is a common floor).
        if covariance == .clusteredByCode && (codes.count < Self.minimumClusters || treated.count < 2 || controls.count < 2) {
            throw .invalidParameter(
                name: "covariance", value: "clustered by code (\(codes.count) codes: \(treated.count) sanctioned, \(controls.count) other)",
                constraint: "clustered standard errors need at least \(Self.minimumClusters) codes with at least 2 in each group; use classical standard errors (--covariance classical) and read them with care")
        }
        let reference = referencePeriod ?? eventPeriod.advanced(by: -1)
        guard periods.contains(eventPeriod) else {
            throw .invalidParameter(name: "event period", value: eventPeriod.description, constraint: "it must be a period of the panel (\(periods[0])…\(periods[periods.count - 1]))")
        }
        guard periods.contains(reference), reference < eventPeriod else {
            throw .invalidParameter(name: "reference period", value: reference.description, constraint: "it must be a period of the panel before the event period \(eventPeriod)")
        }
        let codeIndex = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        let periodIndex = Dictionary(uniqueKeysWithValues: periods.enumerated().map { ($1, $0) })
        let eventPeriods = periods.filter { $0 != reference }
        let y = rows.map(\.y)
        let clusters = rows.map { codeIndex[$0.code]! }

        func fixedEffects(_ row: (period: Period, code: String, y: Double)) -> [Double] {
            var x = [1.0]
            x += (1..<codes.count).map { codeIndex[row.code] == $0 ? 1 : 0 }
            x += (1..<periods.count).map { periodIndex[row.period] == $0 ? 1 : 0 }
            return x
        }
        let baseNames = ["const"] + codes.dropFirst().map { "code[\($0)]" } + periods.dropFirst().map { "period[\($0)]" }
        let didDesign = rows.map { row in fixedEffects(row) + [treatedCodes.contains(row.code) && row.period >= eventPeriod ? 1 : 0] }
        let eventDesign = rows.map { row in
            fixedEffects(row) + eventPeriods.map { treatedCodes.contains(row.code) && row.period == $0 ? 1.0 : 0.0 }
        }
        let did = try Self.estimate(design: didDesign, names: baseNames + ["did"], response: y, clusters: clusters,
                                    terms: [baseNames.count], covariance: covariance)
        let event = try Self.estimate(design: eventDesign, names: baseNames + eventPeriods.map { "event[\($0)]" }, response: y,
                                      clusters: clusters, terms: Array(baseNames.count..<(baseNames.count + eventPeriods.count)), covariance: covariance)
        let didCoefficient = did[0].with(period: nil, from: nil)
        let eventCoefficients = zip(event, eventPeriods).map { coefficient, period in
            coefficient.with(period: period, from: eventPeriod.distance(to: period))
        }
        return SanctionEffect(
            specification: self, treatedCodes: treated, controlCodes: controls, periods: periods, referencePeriod: reference,
            observationCount: rows.count, eventStudyParameterCount: eventDesign.first?.count ?? 0, exclusions: exclusions,
            differenceInDifferences: didCoefficient, eventStudy: eventCoefficients)
    }

    /// The fewest codes (clusters) for which clustered standard errors are computed.
    public static let minimumClusters = 10

    /// Least squares and the requested covariance for the columns `terms`.
    static func estimate(design rows: [[Double]], names: [String], response: [Double], clusters: [Int],
                         terms: [Int], covariance: PanelCovariance) throws(AnalysisError) -> [SanctionEffectCoefficient] {
        let n = rows.count, p = names.count
        let design = Matrix(rows: rows)
        let results: RegressionResults
        do {
            results = try LinearRegression(columnNames: names, hasIntercept: true, covarianceEstimator: .classical).fit(design: design, response: response)
        } catch {
            if case let .tooFewObservations(observations, parameters) = error {
                throw .tooFewObservations(needed: parameters + 1, found: observations, method: "the sanction-effect regression")
            }
            throw .invalidParameter(name: "panel design", value: "\(n) × \(p)", constraint: "sanction-effect regression: \(error)")
        }
        switch covariance {
        case .classical:
            let q = StudentT(degreesOfFreedom: Double(results.residualDegreesOfFreedom)).inverseSurvival(0.025)
            return terms.map { j in
                let c = results.coefficients[j]
                return SanctionEffectCoefficient(name: c.name, period: nil, periodsFromEvent: nil, estimate: c.estimate, standardError: c.standardError,
                                                 statistic: c.tStatistic, pValue: c.pValue, lower95: c.estimate - q * c.standardError,
                                                 upper95: c.estimate + q * c.standardError)
            }
        case .clusteredByCode:
            let v = results.clusterRobustCovariance(design: design, clusters: clusters)
            let normal = Normal()
            let q = normal.inverseSurvival(0.025)
            return terms.map { j in
                let estimate = results.coefficients[j].estimate
                let standardError = v[j, j].squareRoot()
                let z = estimate / standardError
                return SanctionEffectCoefficient(name: names[j], period: nil, periodsFromEvent: nil, estimate: estimate, standardError: standardError,
                                                 statistic: z, pValue: 2 * normal.survival(abs(z)),
                                                 lower95: estimate - q * standardError, upper95: estimate + q * standardError)
            }
        }
    }
}

extension SanctionEffectCoefficient {
    func with(period: Period?, from: Int?) -> SanctionEffectCoefficient {
        SanctionEffectCoefficient(name: name, period: period, periodsFromEvent: from, estimate: estimate, standardError: standardError,
                                  statistic: statistic, pValue: pValue, lower95: lower95, upper95: upper95)
    }
}
