import Foundation
import TradeDomain

/// The automatic choice of an ETS model by AICc, as R `forecast::ets(y)` (`model = "ZZZ"`) makes it.
///
/// Every state space model with an additive or multiplicative error (multiplicative only for positive
/// data), no, additive or additive damped trend, and no, additive or multiplicative season (seasonal
/// only for a season length above 1) is fitted, except additive errors with a multiplicative season
/// (R's `restrict = TRUE`) and models with more parameters than the data can support; the model with the
/// lowest AICc wins:
/// ```
/// AICc = AIC + 2 k (k + 1) / (n - k - 1),   k = estimated parameters + 1 (σ²)
/// ```
/// **Observations needed**: a model with p estimated smoothing parameters and initial states is a
/// candidate only when n ≥ 2p + 2 (ETS(A,N,N): 6, ETS(A,A,N): 10, ETS(A,Ad,N): 12, monthly ETS(A,A,A): 34).
/// R only needs n > p + 4 and falls back to Holt-Winters below that; the stricter rule keeps fits whose
/// estimates are too unstable to forecast from out of the choice.
///
/// Reference: Hyndman, Koehler, Snyder and Grose (2002); Hyndman and Khandakar (2008); R `forecast::ets`.
public struct ExponentialSmoothingSelection: Sendable, Equatable, Codable {
    /// One model tried.
    public struct Candidate: Sendable, Equatable, Codable {
        /// ETS(E,T,S).
        public let name: String
        /// The AICc, or `nil` when the model was not fitted.
        public let aicc: Double?
        /// Why the model was not fitted.
        public let skipped: String?
    }

    /// The model with the lowest AICc.
    public let fit: ExponentialSmoothingFit
    /// Its AICc.
    public let aicc: Double
    /// Every model considered, in the order tried.
    public let candidates: [Candidate]

    /// The observations a model with `parameters` estimated smoothing parameters and initial states needs: 2p + 2.
    ///
    /// - Parameter parameters: Smoothing parameters plus initial states.
    /// - Returns: The minimum number of observations.
    public static func observationsNeeded(parameters: Int) -> Int { 2 * parameters + 2 }

    /// The AICc of a fit (R `ets` `aicc`).
    ///
    /// - Parameter fit: A state space fit.
    /// - Returns: `aic + 2k(k + 1)/(n - k - 1)`, or infinity when n ≤ k + 1.
    public static func aicc(_ fit: ExponentialSmoothingFit) -> Double {
        let n = Double(fit.observed.count - fit.fitStart), k = Double(fit.parameterCount)
        return n - k - 1 > 0 ? fit.aic + 2 * k * (k + 1) / (n - k - 1) : .infinity
    }

    /// Fits every admissible model to a complete series and keeps the one with the lowest AICc.
    ///
    /// - Parameters:
    ///   - series: A series with no gaps.
    ///   - seed: The simulation seed of the specifications.
    ///   - dampedTrend: Whether damped trends are tried (R `damped = NULL`: yes).
    /// - Returns: The selection.
    /// - Throws: ``AnalysisError/missingValue(method:period:)`` for a gap;
    ///   ``AnalysisError/tooFewObservations(needed:found:method:)`` when no model has enough observations
    ///   (the simplest, ETS(A,N,N), needs 6); ``AnalysisError/insufficientData(method:constraint:)`` when no
    ///   model could be fitted.
    public static func select(_ series: TimeSeries<Double>, seed: UInt64 = 20_261_129, dampedTrend: Bool = true) throws(AnalysisError) -> ExponentialSmoothingSelection {
        var values: [Double] = []
        for (index, value) in series.values.enumerated() {
            guard let value else { throw .missingValue(method: "ETS (AICc choice)", period: series.start.advanced(by: index).description) }
            values.append(value)
        }
        let m = series.frequency.periodsPerYear
        let positive = values.allSatisfy { $0 > 0 }
        var candidates: [Candidate] = []
        var best: (fit: ExponentialSmoothingFit, aicc: Double)?
        let trends: [ExponentialSmoothingComponent] = dampedTrend ? [.none, .additive, .additiveDamped] : [.none, .additive]
        for error in [ExponentialSmoothingComponent.additive, .multiplicative] {
            for trend in trends {
                for season in (m > 1 ? [ExponentialSmoothingComponent.none, .additive, .multiplicative] : [.none]) {
                    let spec = ExponentialSmoothingSpecification(formulation: .stateSpace, error: error, trend: trend, seasonal: season, seed: seed)
                    if error == .additive && season == .multiplicative { continue }
                    if !positive && (error == .multiplicative || season == .multiplicative) {
                        candidates.append(Candidate(name: spec.name, aicc: nil, skipped: "the data are not all positive"))
                        continue
                    }
                    let p = spec.freeParameterCount(period: m)
                    let needed = observationsNeeded(parameters: p)
                    guard values.count >= needed else {
                        candidates.append(Candidate(name: spec.name, aicc: nil, skipped: "needs \(needed) observations (2 x \(p) parameters + 2), has \(values.count)"))
                        continue
                    }
                    do {
                        let fit = try spec.fit(series)
                        let score = aicc(fit)
                        candidates.append(Candidate(name: spec.name, aicc: score, skipped: nil))
                        if score.isFinite, best == nil || score < best!.aicc { best = (fit, score) }
                    } catch {
                        candidates.append(Candidate(name: spec.name, aicc: nil, skipped: "\(error)"))
                    }
                }
            }
        }
        guard let best else {
            if values.count < observationsNeeded(parameters: 2) {
                throw .tooFewObservations(needed: observationsNeeded(parameters: 2), found: values.count, method: "ETS (AICc choice)")
            }
            throw .insufficientData(method: "ETS (AICc choice)", constraint: "no model could be fitted: " + candidates.compactMap(\.skipped).joined(separator: "; "))
        }
        return ExponentialSmoothingSelection(fit: best.fit, aicc: best.aicc, candidates: candidates)
    }
}
