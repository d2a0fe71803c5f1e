import Foundation
import TradeDomain
import TrendAnalysis

/// The result of one `tradescope breaks` method.
public enum BreakAnalysis: Sendable {
    /// A Chow test after `lastPeriodBefore`.
    case chow(HypothesisTestResult, lastPeriodBefore: Period)
    /// sup-F, ave-F and exp-F over a trimmed range.
    case supF(FStatistics)
    /// An OLS or recursive CUSUM process and its test.
    case cusum(FluctuationProcess)
    /// Bai-Perron multiple breaks.
    case baiPerron(Breakpoints)
    /// PELT change points.
    case pelt(ChangePoints)
    /// An interrupted time series.
    case interruptedTimeSeries(InterruptedTimeSeriesFit)
}

/// Renders a break analysis as text or JSON (CLI.md `breaks`). Computes nothing.
public struct BreaksReport: Sendable {
    /// The analysis.
    public let analysis: BreakAnalysis
    /// What was analysed, for the heading ("value of HS 2701, China's imports from North Korea").
    public let label: String
    /// The calendar window analysed and its missing periods, stated in every format; `nil` when
    /// unknown (a regression given by its rows).
    public let window: ObservedWindow?

    /// A report.
    ///
    /// - Parameters:
    ///   - analysis: The result.
    ///   - label: The heading.
    ///   - window: The window of the series analysed.
    public init(analysis: BreakAnalysis, label: String, window: ObservedWindow? = nil) {
        self.analysis = analysis
        self.label = label
        self.window = window
    }

    /// The sentence on the window's gaps ("Window 2009-08 to 2017-11: 64 of 100 months missing; ...").
    public var windowLine: String? {
        guard let window else { return nil }
        let unit = Self.periodNoun(window.first.frequency, count: window.periodCount)
        var line = "Window \(window.first) to \(window.last): \(window.missingCount) of \(window.periodCount) \(unit) missing"
        if window.missingCount > 0 {
            line += "; the regression uses only the \(window.observedCount) observed (time in calendar periods, segments counted in observations)"
        }
        return line
    }

    static func periodNoun(_ frequency: Frequency, count: Int) -> String {
        let noun: String
        switch frequency {
        case .monthly: noun = "month"
        case .quarterly: noun = "quarter"
        case .annual: noun = "year"
        }
        return count == 1 ? noun : noun + "s"
    }

    /// The method's name as on the command line.
    public var methodName: String {
        switch analysis {
        case .chow: return "chow"
        case .supF: return "sup-f"
        case .cusum: return "cusum"
        case .baiPerron: return "bai-perron"
        case .pelt: return "pelt"
        case .interruptedTimeSeries: return "its"
        }
    }

    /// Fixed-width text.
    ///
    /// - Returns: The text, ending in a newline.
    public func text() -> String {
        var out = "Structural breaks (\(methodName)): \(label)\n"
        if let windowLine { out += windowLine + "\n" }
        switch analysis {
        case let .chow(test, period):
            out += "Chow test, break after \(period): F = \(AnalysisText.significant(test.statistic)) on "
            out += (test.degreesOfFreedom ?? []).map { String(Int($0)) }.joined(separator: " and ") + " df, p = \(AnalysisText.significant(test.pValue))\n"
            out += criticalValues(test)
        case let .supF(f):
            out += "F statistics over \(AnalysisText.period(f.periods.first))..\(AnalysisText.period(f.periods.last)) (trimming \(f.specification.trimming)); "
            out += "largest after \(AnalysisText.period(f.supremumPeriod))\n"
            out += AnalysisText.table(["test", "statistic", "p", "5% critical"], [f.supF, f.aveF, f.expF].map { test in
                [test.name, AnalysisText.significant(test.statistic), AnalysisText.significant(test.pValue),
                 AnalysisText.significant(test.criticalValues.first { $0.significance == 0.05 }?.value)]
            })
        case let .cusum(process):
            out += "\(process.test.name): statistic \(AnalysisText.significant(process.test.statistic)), p = \(AnalysisText.significant(process.test.pValue))\n"
            out += criticalValues(process.test)
        case let .baiPerron(bp):
            out += "\(bp.breaks.count) break(s) chosen by \(bp.specification.breakCount == nil ? bp.specification.criterion.rawValue.uppercased() : "request"); "
            out += "minimum segment \(bp.minimumSegmentObservations) of \(bp.observationCount) observations\n"
            if !bp.breaks.isEmpty {
                out += AnalysisText.table(["break (last period of regime)", "95% low", "95% high"], bp.breaks.map {
                    [AnalysisText.period($0.period), AnalysisText.period($0.lowerPeriod), AnalysisText.period($0.upperPeriod)]
                })
            }
            out += AnalysisText.table(["breaks", "RSS", "BIC"], bp.bicByBreakCount.indices.map {
                [String($0), AnalysisText.significant(bp.residualSumOfSquaresByBreakCount[$0]), AnalysisText.significant(bp.bicByBreakCount[$0])]
            })
        case let .pelt(cp):
            out += "Change points (first period of each new segment): "
            out += cp.changePoints.isEmpty ? "none\n" : cp.changePoints.indices.map { i in
                cp.periods.indices.contains(i) ? cp.periods[i].description : "index \(cp.changePoints[i])"
            }.joined(separator: ", ") + "\n"
            out += AnalysisText.table(["segment from", "mean", "variance"], cp.segments.map {
                [AnalysisText.period($0.firstPeriod), AnalysisText.significant($0.mean), AnalysisText.significant($0.variance)]
            })
        case let .interruptedTimeSeries(fit):
            out += "Interruption at \(fit.specification.interventionPeriod) (first period under it); Newey-West lag \(fit.hacLags)\n"
            out += AnalysisText.table(["coefficient", "estimate", "std error", "HAC std error", "HAC p"],
                                      fit.regression.coefficients.map { c in
                                          [c.name, AnalysisText.significant(c.estimate), AnalysisText.significant(c.standardError),
                                           AnalysisText.significant(c.hacStandardError ?? .nan), AnalysisText.significant(c.hacPValue ?? .nan)]
                                      })
        }
        return out
    }

    private func criticalValues(_ test: HypothesisTestResult) -> String {
        guard !test.criticalValues.isEmpty else { return "" }
        return "critical values: " + test.criticalValues.map { "\(AnalysisText.significant($0.significance * 100))% \(AnalysisText.significant($0.value))" }
            .joined(separator: ", ") + "\n"
    }

    /// JSON with the fields of CLI.md `breaks` plus the method and the selection.
    ///
    /// - Parameter selection: The selection object (or the series file) to embed.
    /// - Returns: The JSON value.
    public func json(selection: JSONValue) -> JSONValue {
        var fields: [(String, JSONValue)] = [("selection", selection), ("method", .string(methodName))]
        if let window {
            fields += [("window", .object([("from", .string(window.first.description)), ("to", .string(window.last.description)),
                                           ("periods", .integer(window.periodCount)), ("missing_periods", .integer(window.missingCount)),
                                           ("observed_periods", .integer(window.observedCount))])),
                       ("window_note", .string(windowLine))]
        }
        switch analysis {
        case let .chow(test, period):
            fields += [("at", .string(period.description)), ("f_statistic", .number(test.statistic)), ("p", .number(test.pValue)),
                       ("df", .array((test.degreesOfFreedom ?? []).map { .integer(Int($0)) })), ("critical_values", Self.critical(test))]
        case let .supF(f):
            func test(_ t: HypothesisTestResult) -> JSONValue {
                .object([("statistic", .number(t.statistic)), ("p", .number(t.pValue)), ("critical_values", Self.critical(t))])
            }
            fields += [("trimming", .number(f.specification.trimming)), ("sup_f", test(f.supF)), ("ave_f", test(f.aveF)), ("exp_f", test(f.expF)),
                       ("sup_period", .string(f.supremumPeriod?.description)),
                       ("f_statistics", .array(f.statistics.indices.map { i in
                           .object([("period", .string(f.periods.isEmpty ? nil : f.periods[i].description)), ("f", .number(f.statistics[i]))])
                       }))]
        case let .cusum(process):
            fields += [("type", .string(process.specification.type == .olsCUSUM ? "ols" : "recursive")),
                       ("statistic", .number(process.test.statistic)), ("p", .number(process.test.pValue)),
                       ("critical_values", Self.critical(process.test)),
                       ("process", .array(process.process.indices.map { i in
                           .object([("period", .string(process.endPeriods.isEmpty ? nil : process.endPeriods[i]?.description)), ("value", .number(process.process[i]))])
                       }))]
        case let .baiPerron(bp):
            fields += [("breaks", .array(bp.breaks.map { b in
                           .object([("period", .string(b.period?.description)), ("ci_low", .string(b.lowerPeriod?.description)),
                                    ("ci_high", .string(b.upperPeriod?.description))])
                       })),
                       ("n_breaks", .integer(bp.breaks.count)), ("bic_by_breaks", .array(bp.bicByBreakCount.map { .number($0) })),
                       ("lwz_by_breaks", .array(bp.lwzByBreakCount.map { .number($0) })),
                       ("rss_by_breaks", .array(bp.residualSumOfSquaresByBreakCount.map { .number($0) })),
                       ("min_segment", .integer(bp.minimumSegmentObservations)), ("n", .integer(bp.observationCount))]
        case let .pelt(cp):
            fields += [("changepoints", .array(cp.changePoints.indices.map { i in .string(cp.periods.indices.contains(i) ? cp.periods[i].description : nil) })),
                       ("changepoint_indices", .array(cp.changePoints.map { .integer($0) })),
                       ("penalty", .number(cp.penaltyValue)), ("cost", .string(cp.specification.cost == .mean ? "mean" : "meanvar")),
                       ("min_size", .integer(cp.specification.minimumSegmentSize))]
        case let .interruptedTimeSeries(fit):
            func effect(_ e: InterventionEffect) -> JSONValue {
                .object([("estimate", .number(e.estimate)), ("std_error", .number(e.standardError)), ("hac_std_error", .number(e.hacStandardError)),
                         ("p", .number(e.pValue)), ("p_classical", .number(e.classicalPValue))])
            }
            fields += [("at", .string(fit.specification.interventionPeriod.description)), ("hac_lags", .integer(fit.hacLags)),
                       ("level_change", effect(fit.levelChange)), ("slope_change", effect(fit.slopeChange)),
                       ("coefficients", .array(fit.regression.coefficients.map { c in
                           .object([("name", .string(c.name)), ("estimate", .number(c.estimate)), ("std_error", .number(c.standardError)),
                                    ("t", .number(c.tStatistic)), ("p", .number(c.pValue)), ("hac_std_error", .number(c.hacStandardError)),
                                    ("hac_p", .number(c.hacPValue))])
                       })),
                       ("n", .integer(fit.observationCount)),
                       ("counterfactual", .array(fit.periods.indices.map { i in
                           .object([("period", .string(fit.periods[i].description)), ("fitted", .number(fit.fittedValues[i])),
                                    ("counterfactual", .number(fit.counterfactual[i]))])
                       }))]
        }
        return .object(fields)
    }

    static func critical(_ test: HypothesisTestResult) -> JSONValue {
        .array(test.criticalValues.map { .object([("significance", .number($0.significance)), ("value", .number($0.value))]) })
    }
}
