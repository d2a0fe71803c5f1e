import Foundation
import TradeDomain
import TrendAnalysis

/// Fits a scenario's baseline for one measure: the candidate models, their rolling-origin backtest
/// (``BaselineBacktest``), the choice and the final fit, with the rule on observations.
///
/// **Candidates** (``ScenarioBaseline/Method/automatic``): exponential smoothing with the model chosen by
/// AICc (``ExponentialSmoothingSelection``, on the longest gap-free run), the structural model with a local
/// level and with a local linear trend (``StructuralModelSpecification``; missing periods stay missing), and
/// the log-linear trend (``LinearTrendForecast`` on the logged series; a straight line when the series
/// cannot be logged). A named method is the only candidate; it is still backtested.
///
/// **Observations needed**: a model with p estimated parameters (smoothing parameters, initial states,
/// variances, coefficients; not σ² for ETS) needs n ≥ 2p + 2 observations: ETS(A,N,N) 6, ETS(A,A,N) 10,
/// ETS(A,Ad,N) 12, local level 8 (2 variances, 1 initial state), local linear trend 12 (3 variances,
/// 2 states), log-linear trend 6 (intercept, slope). Fewer are refused unless `allowShort`, and then the
/// baseline carries a warning. An automatic baseline that no candidate could be backtested for is refused
/// too (no evidence to choose by), unless `allowShort`; a named method is fitted all the same, with a note.
struct BaselineSelector {
    let baseline: ScenarioBaseline
    let seed: UInt64
    let allowShort: Bool

    /// One candidate.
    enum Candidate: Equatable {
        case etsAutomatic
        case ets(ExponentialSmoothingSpecification)
        case regression(seasonal: Bool)
        case structural(StructuralModelSpecification.Trend)
        case logLinear

        /// Whether the candidate needs a gap-free window.
        var needsCompleteWindow: Bool {
            switch self {
            case .etsAutomatic, .ets, .regression: return true
            case .structural, .logLinear: return false
            }
        }

        func words(logged: Bool) -> String {
            switch self {
            case .etsAutomatic: return "exponential smoothing (model chosen by AICc)"
            case let .ets(spec): return BaselineSelector.words(spec)
            case let .regression(seasonal): return seasonal ? "linear trend with seasonal dummies (least squares)" : "linear trend (least squares)"
            case let .structural(trend): return trend == .localLevel ? "structural model, local level" : "structural model, local linear trend"
            case .logLinear: return logged ? "log-linear trend (least squares on logs)" : "linear trend (least squares)"
            }
        }
    }

    /// A candidate fitted to one window.
    struct Fitted {
        let forecast: Forecast
        let model: String
        let words: String
        let parameters: Int
        let alpha: Double?, beta: Double?, gamma: Double?, phi: Double?
        let sigma2: Double
    }

    /// The result for one measure.
    struct Outcome {
        let estimates: [Estimate]
        let summary: BaselineSummary
        let notes: [String]
    }

    /// An exponential smoothing model in words: "additive damped trend, no season, additive errors".
    static func words(_ spec: ExponentialSmoothingSpecification) -> String {
        if spec.formulation == .holtWinters {
            return "Holt-Winters " + (spec.trend == .none ? "without trend" : "with additive trend")
                + (spec.seasonal == .none ? "" : ", \(spec.seasonal == .multiplicative ? "multiplicative" : "additive") season")
        }
        let trend: String
        switch spec.trend {
        case .none: trend = "no trend"
        case .additiveDamped: trend = "additive damped trend"
        default: trend = "additive trend"
        }
        let season = spec.seasonal == .none ? "no season" : "\(spec.seasonal == .multiplicative ? "multiplicative" : "additive") season"
        let error = spec.error == .multiplicative ? "multiplicative errors" : "additive errors"
        return "exponential smoothing: \(trend), \(season), \(error)"
    }

    var candidates: [Candidate] {
        switch baseline.method {
        case .automatic: return [.etsAutomatic, .structural(.localLevel), .structural(.localLinearTrend), .logLinear]
        case .ets, .holtWinters: return [.ets(baseline.specification(seed: seed))]
        case .regression: return [.regression(seasonal: baseline.seasonal != .none)]
        case .structural: return [.structural(baseline.trend == .none ? .localLevel : .localLinearTrend)]
        case .logLinear: return [.logLinear]
        }
    }

    /// The parameters a candidate estimates on a window (for ETS chosen by AICc, those of ETS(A,N,N), the smallest).
    static func parameterCount(_ candidate: Candidate, period: Int) -> Int {
        switch candidate {
        case .etsAutomatic: return 2
        case let .ets(spec): return spec.freeParameterCount(period: spec.seasonal == .none ? 1 : (spec.period ?? period))
        case let .regression(seasonal): return 2 + (seasonal ? period - 1 : 0)
        case let .structural(trend): return trend == .localLevel ? 3 : 5
        case .logLinear: return 2
        }
    }

    /// Fits a candidate to a window on the model's scale and forecasts `horizon` steps after the window.
    func fit(_ candidate: Candidate, _ window: TimeSeries<Double>, horizon: Int, logged: Bool) throws -> Fitted {
        let level = baseline.level
        let observed = window.values.compactMap { $0 }.count
        let needed = ExponentialSmoothingSelection.observationsNeeded(parameters: Self.parameterCount(candidate, period: window.frequency.periodsPerYear))
        guard allowShort || observed >= needed else {
            throw AnalysisError.tooFewObservations(needed: needed, found: observed, method: candidate.words(logged: logged))
        }
        switch candidate {
        case .etsAutomatic:
            if observed < ExponentialSmoothingSelection.observationsNeeded(parameters: 2) {
                let fit = try ExponentialSmoothingSpecification(seed: seed).fit(window)
                return Fitted(forecast: try fit.forecast(horizon: horizon, level: level), model: fit.specification.name,
                              words: Self.words(fit.specification), parameters: fit.parameterCount - 1, alpha: fit.parameters.alpha,
                              beta: nil, gamma: nil, phi: nil, sigma2: fit.sigma2)
            }
            let selection = try ExponentialSmoothingSelection.select(window, seed: seed)
            let fit = selection.fit
            return Fitted(forecast: try fit.forecast(horizon: horizon, level: level), model: fit.specification.name,
                          words: Self.words(fit.specification), parameters: fit.parameterCount - 1, alpha: fit.parameters.alpha,
                          beta: fit.parameters.beta, gamma: fit.parameters.gamma, phi: fit.parameters.phi, sigma2: fit.sigma2)
        case let .ets(spec):
            let fit = try spec.fit(window)
            return Fitted(forecast: try fit.forecast(horizon: horizon, level: level), model: fit.specification.name,
                          words: Self.words(fit.specification), parameters: fit.parameterCount - 1, alpha: fit.parameters.alpha,
                          beta: fit.parameters.beta, gamma: fit.parameters.gamma, phi: fit.parameters.phi, sigma2: fit.sigma2)
        case let .regression(seasonal):
            let fit = try SeasonalRegressionSpecification(seasonal: seasonal).fit(window)
            return Fitted(forecast: try fit.forecast(horizon: horizon, level: level),
                          model: fit.period > 1 ? "trend + seasonal regression" : "linear trend regression",
                          words: candidate.words(logged: logged), parameters: fit.coefficients.count, alpha: nil, beta: nil, gamma: nil,
                          phi: nil, sigma2: fit.residualStandardError * fit.residualStandardError)
        case let .structural(trend):
            let fit = try StructuralModelSpecification(trend: trend).fit(window)
            let raw = try fit.forecast(horizon: horizon, level: level)
            return Fitted(forecast: raw, model: fit.specification.name(period: fit.period),
                          words: candidate.words(logged: logged), parameters: Self.parameterCount(candidate, period: 1), alpha: nil,
                          beta: nil, gamma: nil, phi: nil, sigma2: fit.variances.irregular)
        case .logLinear:
            let line = try LinearTrendForecast(fitting: window)
            return Fitted(forecast: try line.forecast(horizon: horizon, level: level), model: logged ? "log-linear trend" : "linear trend",
                          words: candidate.words(logged: logged), parameters: 2, alpha: nil, beta: nil, gamma: nil, phi: nil,
                          sigma2: line.residualVariance)
        }
    }

    /// The training window of a candidate ending at `through`: the longest gap-free run (or `fitFrom...through`)
    /// for candidates that need one, else everything from `fitFrom` or the first figure.
    static func window(_ candidate: Candidate, _ series: TimeSeries<Double>, from: Period?, through: Period) -> TimeSeries<Double>? {
        if candidate.needsCompleteWindow {
            if case let .success(slice) = ScenarioEngine.fitWindow(series, from: from, through: through) { return slice }
            return nil
        }
        guard let first = from ?? series.observations.first?.period, first <= through else { return nil }
        let slice = series.slice(from: first, through: through)
        return slice.values.contains { $0 != nil } ? slice : nil
    }

    /// Fits the baseline of one measure.
    ///
    /// - Parameters:
    ///   - measure: Value or quantity.
    ///   - series: The measure's series (any span; figures after `fitThrough` are not used).
    ///   - fitThrough: The last period before the first measure.
    ///   - horizon: Periods projected after `fitThrough`.
    ///   - label: "value baseline for HS 2701" style prefix of notes.
    /// - Returns: The estimates and summary, or `nil` with notes saying why.
    func run(measure: TradeMeasure, series full: TimeSeries<Double>, fitThrough: Period, horizon: Int, label: String) -> (Outcome?, [String]) {
        var notes: [String] = []
        let start = baseline.fitFrom ?? full.observations.first?.period ?? fitThrough
        guard start <= fitThrough else { return (nil, ["\(label) not computed: no figures before \(fitThrough)"]) }
        let span = full.slice(from: start, through: fitThrough)
        let prepared: PreparedSeries
        do { prepared = try baseline.nonNegative.prepare(span, multiplicativeModel: baseline.isMultiplicative) } catch {
            return (nil, ["\(label) not computed: \(error)"])
        }
        let logged = prepared.transformation != .none
        let model = prepared.modelSeries
        // Rolling origins: the last three observed periods before the last one, oldest first.
        let observed = model.observations.map(\.period)
        let originCount = 3
        let origins = Array(observed.dropLast().suffix(originCount))
        var scores: [BaselineBacktest.Score] = []
        var scored: [(candidate: Candidate, mase: Double, smape: Double)] = []
        for candidate in candidates {
            var absoluteScaled: [Double] = [], percent: [Double] = []
            var lastModel: String?
            var failure: String?
            if origins.isEmpty { failure = "no origin: fewer than 2 figures before \(fitThrough)" }
            for origin in origins where failure == nil {
                guard let training = Self.window(candidate, model, from: baseline.fitFrom, through: origin) else {
                    failure = "no training window ending at \(origin)"
                    break
                }
                let targets = full.observations.filter { $0.period > origin && $0.period <= fitThrough }
                let steps = origin.distance(to: fitThrough)
                let originals = full.slice(from: training.start, through: origin).values.compactMap { $0 }
                let changes = zip(originals.dropFirst(), originals).map { abs($0 - $1) }
                let scale = changes.isEmpty ? 0 : changes.reduce(0, +) / Double(changes.count)
                do {
                    let fitted = try fit(candidate, training, horizon: steps, logged: logged)
                    lastModel = fitted.words
                    let forecast = prepared.finish(fitted.forecast)
                    for target in targets {
                        let f = forecast.mean[origin.distance(to: target.period) - 1]
                        let error = abs(target.value - f)
                        if scale > 0 { absoluteScaled.append(error / scale) }
                        percent.append(abs(target.value) + abs(f) > 0 ? 200 * error / (abs(target.value) + abs(f)) : 0)
                    }
                } catch {
                    failure = "at origin \(origin): \(error)"
                }
            }
            if let failure {
                scores.append(.init(candidate: candidate.words(logged: logged), model: lastModel, mase: nil, smape: nil, forecasts: 0, skipped: failure))
            } else if absoluteScaled.isEmpty {
                scores.append(.init(candidate: candidate.words(logged: logged), model: lastModel, mase: nil, smape: nil, forecasts: percent.count,
                                    skipped: "the training figures do not change, so MASE has no scale"))
            } else {
                let mase = absoluteScaled.reduce(0, +) / Double(absoluteScaled.count)
                let smape = percent.reduce(0, +) / Double(percent.count)
                scores.append(.init(candidate: candidate.words(logged: logged), model: lastModel, mase: mase, smape: smape, forecasts: percent.count, skipped: nil))
                scored.append((candidate, mase, smape))
            }
        }
        let best = scored.min { ($0.mase, $0.smape) < ($1.mase, $1.smape) }
        let backtest = BaselineBacktest(origins: origins, through: fitThrough, scores: scores, chosen: best?.candidate.words(logged: logged))
        // The final fit: the chosen candidate; when nothing could be scored, the baseline is refused (no evidence),
        // or with allowShort the first candidate that fits, in order, with a warning.
        guard best != nil || allowShort || baseline.method != .automatic else {
            let reasons = scores.map { "\($0.candidate): \($0.skipped ?? "not scored")" }.joined(separator: "; ")
            return (nil, notes + ["\(label) refused: no candidate could be backtested on the figures before \(fitThrough), so no baseline is "
                                  + "chosen by evidence (\(reasons)); --allow-short fits the first candidate that fits, with a warning"])
        }
        let order = best.map { [$0.candidate] } ?? candidates
        var failures: [String] = []
        for candidate in order {
            guard let window = Self.window(candidate, model, from: baseline.fitFrom, through: fitThrough) else {
                failures.append("\(candidate.words(logged: logged)): " + (candidate.needsCompleteWindow
                    ? (model[fitThrough] == nil ? "the \(fitThrough) figure, the last before the first measure, is missing" : "no gap-free window")
                    : "no figures"))
                continue
            }
            do {
                let fitted = try fit(candidate, window, horizon: horizon, logged: logged)
                let count = window.values.compactMap { $0 }.count
                let needed = ExponentialSmoothingSelection.observationsNeeded(parameters: fitted.parameters)
                var warnings: [String] = []
                if count < needed {
                    warnings.append("fitted on \(count) observations, fewer than the \(needed) (2 x \(fitted.parameters) parameters + 2) a stable fit of \(fitted.words) needs; allowed by --allow-short or the scenario's allow_short")
                }
                if best == nil && baseline.method != .automatic {
                    notes.append("\(label): the named method \(fitted.words) could not be backtested (\(scores.compactMap(\.skipped).first ?? "no origin")); its fit is used as asked")
                } else if best == nil {
                    warnings.append("not backtested (\(scores.compactMap(\.skipped).first ?? "no candidate scored")); \(fitted.words) is used without evidence, allowed by --allow-short or the scenario's allow_short")
                }
                let result = prepared.finish(fitted.forecast)
                notes += result.notes.map { "\(label): \($0)" }
                let summary = BaselineSummary(
                    measure: measure, model: fitted.model, fitFrom: window.start, fitThrough: window.end, observationCount: count,
                    alpha: fitted.alpha, beta: fitted.beta, gamma: fitted.gamma, phi: fitted.phi, sigma2: fitted.sigma2,
                    intervalMethod: result.intervalMethod, transformation: result.transformation, point: result.point,
                    truncatedFigures: result.truncations.count, description: fitted.words, parameterCount: fitted.parameters,
                    observationsNeeded: needed, backtest: backtest, warnings: warnings)
                let estimates = zip(result.mean, result.intervals).map { Estimate(mean: $0, lower: $1.lower, upper: $1.upper) }
                return (Outcome(estimates: estimates, summary: summary, notes: notes), notes)
            } catch let error as AnalysisError {
                if case .tooFewObservations = error, !allowShort {
                    failures.append("\(error); refused (use --allow-short to fit it anyway, with a warning)")
                } else {
                    failures.append("\(error)")
                }
            } catch {
                failures.append("\(error)")
            }
        }
        notes.append("\(label) not computed: " + failures.joined(separator: "; "))
        return (nil, notes)
    }
}
