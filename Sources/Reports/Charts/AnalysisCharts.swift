import Foundation
import TradeDomain
import TrendAnalysis

/// How an analysis chart shows its values: the vertical scale of the series panel and an optional
/// rebasing of the series (and everything drawn on its scale) to 100 in one period.
public struct ChartDisplay: Sendable, Equatable {
    public let scale: TimeChart.Scale
    /// The period whose value becomes 100, or `nil` to draw the values as they are.
    public let indexBase: Period?

    public init(scale: TimeChart.Scale = .linear, indexBase: Period? = nil) {
        self.scale = scale
        self.indexBase = indexBase
    }

    public static let plain = ChartDisplay()

    /// The factor that rebases `series` to 100 at ``indexBase`` (1 without one).
    ///
    /// - Throws: ``ReportsError/indexBaseUnavailable(period:reason:)`` when the series has no
    ///   positive value in that period (or a different frequency).
    func factor(_ series: TimeSeries<Double>) throws(ReportsError) -> Double {
        guard let base = indexBase else { return 1 }
        guard base.frequency == series.frequency else {
            throw .indexBaseUnavailable(period: base.description, reason: "the series is \(series.frequency.rawValue); give a period of that frequency")
        }
        guard let value = series[base] else {
            throw .indexBaseUnavailable(period: base.description, reason: "the series has no value in \(base) (\(series.start) to \(series.end)); choose a period with data")
        }
        guard value > 0 else {
            throw .indexBaseUnavailable(period: base.description, reason: "the value in \(base) is \(AnalysisText.significant(value)); rebasing needs a positive value")
        }
        return 100 / value
    }

    /// The axis label: the measure's label, or "Index (base = 100)".
    func axisLabel(_ label: String) -> String {
        indexBase.map { "Index, \($0) = 100 (\(label))" } ?? label + (scale == .logarithmic ? ", log scale" : "")
    }

    /// Checks that every value of the lines can be drawn on the chosen scale.
    func check(_ lines: [TimeChart.Line]) throws(ReportsError) {
        guard scale == .logarithmic else { return }
        for line in lines {
            for point in line.points {
                if let value = point.value, !(value > 0) { throw .nonPositiveOnLogScale(what: line.name, period: point.label, value: value) }
            }
        }
    }
}

/// The charts of the analysis commands (trend, breaks, anomalies, decompose, forecast, index), built
/// from their results. They compute no statistics: fits, bands and dates come from the results;
/// only the display (rebasing to 100, the axis scale) is applied here.
public enum AnalysisCharts {
    static let seriesColour = ChartPalette.ink
    static let fitColour = ChartPalette.colour(0)
    static let secondColour = ChartPalette.colour(1)
    static let thirdColour = ChartPalette.colour(2)

    /// The end of a period in decimal years (where a break after it is drawn).
    public static func end(_ period: Period) -> Double {
        Double(period.year) + Double(period.months.upperBound) / 12
    }

    /// The points of a series (missing values as gaps), times a factor.
    static func points(_ series: TimeSeries<Double>, factor: Double = 1) -> [TimeChart.Point] {
        series.periods.enumerated().map { index, period in TimeChart.Point(period: period, value: series.values[index].map { $0 * factor }) }
    }

    /// The observed series (named "observed" in the legend; the title names the selection).
    static func seriesLine(_ series: TimeSeries<Double>, name: String, factor: Double) -> TimeChart.Line {
        .init(name: "observed", role: "series", colour: seriesColour, dots: true, points: points(series, factor: factor))
    }

    /// A line with a value at some periods of `series` and gaps elsewhere.
    static func line(over series: TimeSeries<Double>, values: [Period: Double], name: String, role: String, colour: String, dashed: Bool = false) -> TimeChart.Line {
        .init(name: name, role: role, colour: colour, dashed: dashed, points: series.periods.map { TimeChart.Point(period: $0, value: values[$0]) })
    }

    static func coverage(_ series: TimeSeries<Double>) -> String {
        let missing = series.missingCount
        return "\(series.count - missing) of \(series.count) periods from \(series.start) to \(series.end) have a value"
            + (missing == 0 ? "." : "; the \(missing) missing are gaps in the lines, nothing is filled in.")
    }

    // MARK: - Trend

    /// The series with the fitted trend and the confidence band of its mean (regressions), the
    /// Theil-Sen line, or the series alone for a Mann-Kendall test.
    public static func trend(_ fit: TrendFit, series: TimeSeries<Double>, label: String, yLabel: String, events: [TimeChart.Event] = [],
                             display: ChartDisplay = .plain) throws(ReportsError) -> TimeChart {
        let factor = try display.factor(series)
        var lines = [seriesLine(series, name: label, factor: factor)]
        var bands: [TimeChart.Band] = []
        var notes: [String] = []
        let level = Int((fit.specification.level * 100).rounded())
        if let band = fit.confidenceBand() {
            let byPeriod = Dictionary(uniqueKeysWithValues: band.map { ($0.period, $0) })
            lines.append(line(over: series, values: byPeriod.mapValues { $0.fitted * factor }, name: "\(fit.specification.model) trend", role: "fit", colour: fitColour))
            bands.append(.init(name: "\(level)% confidence band of the trend", role: "trend-ci", colour: fitColour, opacity: 0.18, points: series.periods.map { period in
                byPeriod[period].map { TimeChart.Band.Point(x: ChartTime.position(period), label: period.description, lower: $0.lower * factor, upper: $0.upper * factor) }
            }))
            let inference = fit.specification.hacLags.map { "Newey-West covariance (\($0) lags), normal quantile" }
                ?? "classical covariance, t quantile with \(fit.regression?.residualDegreesOfFreedom ?? 0) df"
            notes.append("Band: \(level)% confidence interval of the fitted mean, \(inference)"
                + (fit.specification.model == .logLinear ? "; fitted on ln y and mapped back with exp (the median of y)." : "."))
        } else if let regression = fit.regression {
            let fitted = Dictionary(uniqueKeysWithValues: zip(fit.periods, regression.fittedValues.map { $0 * factor }))
            lines.append(line(over: series, values: fitted, name: "\(fit.specification.model) trend", role: "fit", colour: fitColour))
            notes.append("No band is drawn for a polynomial trend (its design is centred and scaled); see the coefficient table.")
        } else if let theilSen = fit.theilSen, let first = fit.observedOffsets.first {
            let values = Dictionary(uniqueKeysWithValues: fit.observedOffsets.map { offset in
                (fit.seriesStart.advanced(by: offset), (theilSen.intercept + theilSen.slope * Double(offset - first)) * factor)
            })
            lines.append(line(over: series, values: values, name: "Theil-Sen line", role: "fit", colour: fitColour))
            notes.append("Theil-Sen slope \(AnalysisText.significant(theilSen.slope)) per period, \(level)% interval \(AnalysisText.significant(theilSen.lower)) to \(AnalysisText.significant(theilSen.upper)) (no band: the interval is for the slope).")
        } else {
            notes.append("\(fit.specification.model) is a test for a monotonic trend; it fits no line (see the table).")
        }
        try display.check(lines)
        notes.append(coverage(series))
        let panel = TimeChart.Panel(title: label, yLabel: display.axisLabel(yLabel), scale: display.scale, height: 260, bands: bands, lines: lines,
                                    reference: display.indexBase == nil ? nil : 100)
        return TimeChart(title: "Trend: \(label)", summary: "\(label) with its \(fit.specification.model) trend; " + notes.joined(separator: " "),
                         panels: [panel], events: events, notes: notes)
    }

    // MARK: - Breaks

    /// The series with break dates (a line after the last period of each regime), their confidence
    /// intervals shaded, and the segment means (Bai-Perron without lags, PELT) or fits (ITS); for
    /// CUSUM the process with its 5% boundary, for sup-F the F sequence with the sup marked.
    public static func breaks(_ analysis: BreakAnalysis, series: TimeSeries<Double>, label: String, yLabel: String, events: [TimeChart.Event] = [],
                              display: ChartDisplay = .plain) throws(ReportsError) -> TimeChart {
        switch analysis {
        case let .cusum(process): return try cusum(process, label: label, events: events, display: display)
        case let .supF(statistics): return try supF(statistics, label: label, events: events, display: display)
        default: break
        }
        let factor = try display.factor(series)
        var lines = [seriesLine(series, name: label, factor: factor)]
        var spans: [TimeChart.Span] = []
        var rules: [TimeChart.Rule] = []
        var notes: [String] = []
        func segmentLine(_ values: [Period: Double], _ name: String) -> TimeChart.Line {
            line(over: series, values: values.mapValues { $0 * factor }, name: name, role: "segment-fit", colour: fitColour)
        }
        switch analysis {
        case let .baiPerron(bp):
            for (number, estimate) in bp.breaks.enumerated() {
                guard let period = estimate.period else { continue }
                let level = Int((estimate.level * 100).rounded())
                var note = "Break \(number + 1): after \(period)"
                if let lower = estimate.lowerPeriod, let upper = estimate.upperPeriod {
                    spans.append(.init(from: end(lower), to: end(upper), note: "Break \(number + 1): \(level)% interval, after \(lower) to after \(upper)"))
                    note += ", \(level)% interval after \(lower) to after \(upper)"
                }
                rules.append(.init(x: end(period), label: "B\(number + 1)", note: note))
                notes.append(note + ".")
            }
            if bp.regressorCount == 1 {
                var means: [Period: Double] = [:]
                var segmentRuns: [TimeChart.Line] = []
                for segment in bp.segments {
                    guard let first = segment.firstPeriod, let last = segment.lastPeriod, let mean = segment.coefficients.first else { continue }
                    var period = first
                    var values: [Period: Double] = [:]
                    while period <= last { values[period] = mean; means[period] = mean; period = period.advanced(by: 1) }
                    segmentRuns.append(segmentLine(values, "segment mean"))
                }
                lines += segmentRuns
                notes.append("Segment means: " + bp.segments.map { "\(AnalysisText.period($0.firstPeriod))–\(AnalysisText.period($0.lastPeriod)) \(AnalysisText.significant($0.coefficients.first))" }.joined(separator: "; ") + ".")
            } else {
                notes.append("The regimes are autoregressions (--lags); their fits are in the table, not drawn.")
            }
            if bp.breaks.isEmpty { notes.append("No break chosen (BIC).") }
        case let .pelt(cp):
            for segment in cp.segments {
                var values: [Period: Double] = [:]
                for index in segment.start...segment.end where index < cp.periods.count { values[cp.periods[index]] = segment.mean }
                lines.append(segmentLine(values, "segment mean"))
            }
            for (number, index) in cp.changePoints.enumerated() where index < cp.periods.count && index > 0 {
                let first = cp.periods[index]
                rules.append(.init(x: end(cp.periods[index - 1]), label: "C\(number + 1)", note: "Change point \(number + 1): a new segment starts in \(first)"))
            }
            notes.append("PELT change points (a new segment starts in the period after the line); segment means drawn.")
            if cp.changePoints.isEmpty { notes.append("No change point found.") }
        case let .chow(test, period):
            rules.append(.init(x: end(period), label: "Chow", note: "Chow test of a break after \(period): F = \(AnalysisText.significant(test.statistic)), p = \(AnalysisText.significant(test.pValue))"))
            notes.append("Chow test of a break after \(period): F = \(AnalysisText.significant(test.statistic)), p = \(AnalysisText.significant(test.pValue)).")
        case let .interruptedTimeSeries(fit):
            let fitted = Dictionary(uniqueKeysWithValues: zip(fit.periods, fit.fittedValues))
            let counterfactual = Dictionary(uniqueKeysWithValues: zip(fit.periods, fit.counterfactual).enumerated().filter { $0.offset >= fit.interventionIndex }.map { $0.element })
            lines.append(segmentLine(fitted, "segmented fit"))
            lines.append(line(over: series, values: counterfactual.mapValues { $0 * factor }, name: "no-intervention line", role: "counterfactual", colour: secondColour, dashed: true))
            if fit.interventionIndex > 0 && fit.interventionIndex < fit.periods.count {
                rules.append(.init(x: end(fit.periods[fit.interventionIndex - 1]), label: "ITS", note: "Intervention from \(fit.periods[fit.interventionIndex])"))
            }
            notes.append("Level change \(AnalysisText.significant(fit.levelChange.estimate)) (HAC p = \(AnalysisText.significant(fit.levelChange.pValue))), slope change \(AnalysisText.significant(fit.slopeChange.estimate)) per period (HAC p = \(AnalysisText.significant(fit.slopeChange.pValue))).")
        case .cusum, .supF: break
        }
        try display.check(lines)
        notes.append(coverage(series))
        let panel = TimeChart.Panel(title: label, yLabel: display.axisLabel(yLabel), scale: display.scale, height: 260, spans: spans, lines: lines, rules: rules,
                                    reference: display.indexBase == nil ? nil : 100)
        return TimeChart(title: "Structural breaks: \(label)", summary: "\(label): " + notes.joined(separator: " "), panels: [panel], events: events, notes: notes)
    }

    static func refuseDisplay(_ display: ChartDisplay, _ chart: String) throws(ReportsError) {
        if display.scale == .logarithmic { throw .optionNotApplicable(option: "--log-scale", reason: "the \(chart) chart draws a test statistic that can be zero or negative") }
        if display.indexBase != nil { throw .optionNotApplicable(option: "--index-base", reason: "the \(chart) chart draws a test statistic, not the series") }
    }

    /// The CUSUM process over the periods with its 5% boundary (strucchange `boundary.efp`:
    /// ±λ(1 + 2t) for the recursive CUSUM, ±λ for the OLS-CUSUM, t the fraction of the sample).
    static func cusum(_ process: FluctuationProcess, label: String, events: [TimeChart.Event], display: ChartDisplay) throws(ReportsError) -> TimeChart {
        try refuseDisplay(display, "CUSUM")
        let recursive = process.specification.type == .recursiveCUSUM
        let critical = recursive ? 0.9478982 : 1.3580986
        let count = process.process.count
        var points: [TimeChart.Point] = []
        var upper: [TimeChart.Point] = [], lower: [TimeChart.Point] = []
        for (k, value) in process.process.enumerated() {
            guard k < process.endPeriods.count, let period = process.endPeriods[k] else { continue }
            let t = count > 1 ? Double(k) / Double(count - 1) : 0
            let bound = recursive ? critical * (1 + 2 * t) : critical
            points.append(.init(period: period, value: value))
            upper.append(.init(period: period, value: bound))
            lower.append(.init(period: period, value: -bound))
        }
        let lines: [TimeChart.Line] = [
            .init(name: "\(recursive ? "recursive" : "OLS") CUSUM", role: "process", colour: fitColour, dots: true, points: points),
            .init(name: "5% boundary", role: "boundary", colour: ChartPalette.event, dashed: true, points: upper),
            .init(name: "5% boundary", role: "boundary", colour: ChartPalette.event, dashed: true, points: lower),
        ]
        let notes = ["Boundary-crossing test: statistic \(AnalysisText.significant(process.test.statistic)), p = \(AnalysisText.significant(process.test.pValue)); the process leaving the band rejects stability at 5%."]
        let panel = TimeChart.Panel(title: label, yLabel: "Standardised CUSUM", height: 240, lines: lines, reference: 0)
        return TimeChart(title: "CUSUM: \(label)", summary: notes[0], panels: [panel], events: events, notes: notes)
    }

    /// The F statistics of a break at each candidate period, the sup marked.
    static func supF(_ statistics: FStatistics, label: String, events: [TimeChart.Event], display: ChartDisplay) throws(ReportsError) -> TimeChart {
        try refuseDisplay(display, "sup-F")
        var points: [TimeChart.Point] = []
        for (k, index) in statistics.breakIndices.enumerated() where index < statistics.periods.count {
            points.append(.init(x: end(statistics.periods[index]), label: "after \(statistics.periods[index])", value: statistics.statistics[k]))
        }
        var rules: [TimeChart.Rule] = []
        if let period = statistics.supremumPeriod {
            rules.append(.init(x: end(period), label: "sup", note: "sup-F after \(period): \(AnalysisText.significant(statistics.supF.statistic)), p = \(AnalysisText.significant(statistics.supF.pValue))"))
        }
        let notes = ["F statistic of a single break after each candidate period; sup-F \(AnalysisText.significant(statistics.supF.statistic)) (p = \(AnalysisText.significant(statistics.supF.pValue))), ave-F p = \(AnalysisText.significant(statistics.aveF.pValue)), exp-F p = \(AnalysisText.significant(statistics.expF.pValue))."]
        let panel = TimeChart.Panel(title: label, yLabel: "F statistic", height: 240,
                                    lines: [.init(name: "F statistic", role: "f-statistics", colour: fitColour, dots: true, points: points)], rules: rules)
        return TimeChart(title: "sup-F: \(label)", summary: notes[0], panels: [panel], events: events, notes: notes)
    }

    // MARK: - Anomalies

    /// The series with each flagged period marked (A1, A2, … in time order) and, in the notes, the
    /// observed and expected values and the nearest sanction event covering the code.
    public static func anomalies(_ flags: [AnomalyFlag], series: TimeSeries<Double>, label: String, yLabel: String, method: String,
                                 events: [TimeChart.Event] = [], display: ChartDisplay = .plain) throws(ReportsError) -> TimeChart {
        let factor = try display.factor(series)
        let lines = [seriesLine(series, name: label, factor: factor)]
        try display.check(lines)
        var marks: [TimeChart.Mark] = []
        var notes: [String] = []
        for (number, flag) in flags.sorted(by: { $0.period < $1.period }).enumerated() {
            let kind = flag.kind == .levelShift ? "level shift" : "outlier"
            var text = "A\(number + 1) \(flag.period) \(kind): observed \(AnalysisText.significant(flag.observed)), expected \(AnalysisText.significant(flag.expected)), score \(AnalysisText.significant(flag.score)) (threshold \(AnalysisText.significant(flag.threshold)))"
            if let sanction = flag.nearestSanction {
                let offset = flag.offsetFromSanction.map { $0 == 0 ? "in its period" : ($0 > 0 ? "\($0) period\($0 == 1 ? "" : "s") after" : "\(-$0) period\($0 == -1 ? "" : "s") before") } ?? ""
                text += "; nearest covering sanction event \(sanction.eventID) (\(sanction.date))" + (offset.isEmpty ? "" : ", \(offset)")
            } else {
                text += "; no sanction event covers the code"
            }
            marks.append(.init(x: ChartTime.position(flag.period), value: (series[flag.period] ?? flag.observed) * factor, label: "A\(number + 1)", note: text))
            notes.append(text + ".")
        }
        if flags.isEmpty { notes.append("No period flagged (\(method)).") } else { notes.insert("Flagged by \(method).", at: 0) }
        notes.append(coverage(series))
        let panel = TimeChart.Panel(title: label, yLabel: display.axisLabel(yLabel), scale: display.scale, height: 260, lines: lines, marks: marks,
                                    reference: display.indexBase == nil ? nil : 100)
        return TimeChart(title: "Anomalies: \(label)", summary: "\(label): \(flags.count) flagged. " + notes.joined(separator: " "),
                         panels: [panel], events: events, notes: notes)
    }

    // MARK: - Decomposition

    /// Observed, trend, seasonal and remainder panels of an STL decomposition on one time axis.
    public static func decomposition(_ stl: STLDecomposition, label: String, yLabel: String, events: [TimeChart.Event] = []) -> TimeChart {
        func line(_ values: [Double], _ name: String, _ role: String, _ colour: String, dots: Bool = false) -> TimeChart.Line {
            .init(name: name, role: role, colour: colour, dots: dots, points: zip(stl.periods, values).map { TimeChart.Point(period: $0, value: $1) })
        }
        let panels = [
            TimeChart.Panel(title: "Observed", yLabel: yLabel, height: 190, lines: [line(stl.observed, "observed", "series", seriesColour, dots: true)]),
            TimeChart.Panel(title: "Trend", yLabel: yLabel, height: 150, lines: [line(stl.trend, "trend", "trend", fitColour)]),
            TimeChart.Panel(title: "Seasonal", yLabel: yLabel, height: 130, lines: [line(stl.seasonal, "seasonal", "seasonal", secondColour)], reference: 0),
            TimeChart.Panel(title: "Remainder", yLabel: yLabel, height: 130, lines: [line(stl.remainder, "remainder", "remainder", thirdColour, dots: true)], reference: 0),
        ]
        let notes = ["STL (period \(stl.specification.period.map(String.init) ?? "of the series"), seasonal window \(stl.specification.seasonal)\(stl.specification.robust ? ", robust" : "")): observed = trend + seasonal + remainder."]
        return TimeChart(title: "Decomposition: \(label)", summary: notes[0], panels: panels, events: events, notes: notes)
    }

    /// Observed with the smoothed signal, then the smoothed level, slope and seasonal with their
    /// 95% bands, on one time axis; missing periods have estimates (open circles in the table) but no observed dot.
    public static func decomposition(_ fit: StructuralModelFit, label: String, yLabel: String, events: [TimeChart.Event] = []) -> TimeChart {
        let logs = fit.specification.logarithm
        func component(_ smoothed: SmoothedComponent, _ name: String, _ role: String, _ colour: String, height: Double, reference: Double? = nil) -> TimeChart.Panel {
            let band = (try? smoothed.bands(level: 0.95)) ?? []
            let points = fit.periods.indices.map { TimeChart.Point(period: fit.periods[$0], value: smoothed.estimates[$0]) }
            let bandPoints: [TimeChart.Band.Point?] = band.count == fit.periods.count
                ? fit.periods.indices.map { .init(x: ChartTime.position(fit.periods[$0]), label: fit.periods[$0].description, lower: band[$0].lower, upper: band[$0].upper) } : []
            return TimeChart.Panel(title: name, yLabel: logs ? "ln(\(yLabel))" : yLabel, height: height,
                                   bands: bandPoints.isEmpty ? [] : [.init(name: "95% band", role: "\(role)-band", colour: colour, opacity: 0.2, points: bandPoints)],
                                   lines: [.init(name: name.lowercased(), role: role, colour: colour, points: points)], reference: reference)
        }
        let observed = fit.periods.indices.map { TimeChart.Point(period: fit.periods[$0], value: fit.observed[$0]) }
        var panels = [component(fit.signal, "Observed and smoothed signal", "signal", fitColour, height: 200)]
        panels[0] = TimeChart.Panel(title: panels[0].title, yLabel: panels[0].yLabel, height: 200, bands: panels[0].bands,
                                    lines: [.init(name: "observed", role: "series", colour: seriesColour, dots: true, points: observed)]
                                        + panels[0].lines.map { .init(name: "smoothed signal", role: $0.role, colour: $0.colour, points: $0.points) })
        panels.append(component(fit.level, "Level", "level", fitColour, height: 150))
        if let slope = fit.slope { panels.append(component(slope, "Slope", "slope", thirdColour, height: 120, reference: 0)) }
        if let seasonal = fit.seasonal { panels.append(component(seasonal, "Seasonal", "seasonal", secondColour, height: 130, reference: 0)) }
        let notes = ["Structural model (\(fit.specification.name(period: fit.period))), Kalman smoother; bands are 95% intervals of the smoothed states"
            + (logs ? " on the log scale" : "") + ". \(fit.missingCount) of \(fit.periods.count) periods are missing: their states are estimated, with wider bands."]
        return TimeChart(title: "Decomposition: \(label)", summary: notes[0], panels: panels, events: events, notes: notes)
    }

    // MARK: - Forecast

    /// The history, the point forecast and its fan: the wider interval (normally 95%) lighter, the
    /// 80% interval darker.
    public static func forecast(_ forecast: Forecast, inner: Forecast?, history: TimeSeries<Double>, label: String, yLabel: String, model: String,
                                events: [TimeChart.Event] = [], display: ChartDisplay = .plain) throws(ReportsError) -> TimeChart {
        let factor = try display.factor(history)
        func band(_ f: Forecast, opacity: Double) -> TimeChart.Band {
            let level = Int((f.level * 100).rounded())
            return .init(name: "\(level)% prediction interval", role: "pi-\(level)", colour: fitColour, opacity: opacity, points: f.periods.indices.map { h in
                .init(x: ChartTime.position(f.periods[h]), label: f.periods[h].description, lower: f.intervals[h].lower * factor, upper: f.intervals[h].upper * factor)
            })
        }
        var bands = [band(forecast, opacity: 0.16)]
        if let inner { bands.append(band(inner, opacity: 0.30)) }
        // The forecast line starts at the last observation, so the two join.
        var forecastPoints: [TimeChart.Point] = []
        if let last = history.observations.last, last.period.advanced(by: 1) == forecast.periods.first {
            forecastPoints.append(.init(period: last.period, value: last.value * factor))
        }
        forecastPoints += forecast.periods.indices.map { TimeChart.Point(period: forecast.periods[$0], value: forecast.mean[$0] * factor) }
        let lines: [TimeChart.Line] = [seriesLine(history, name: label, factor: factor),
                                       .init(name: "forecast (\(forecast.point.rawValue))", role: "forecast", colour: fitColour, dashed: true, points: forecastPoints)]
        try display.check(lines)
        var rules: [TimeChart.Rule] = []
        if let first = forecast.periods.first { rules.append(.init(x: Double(first.year) + Double(first.months.lowerBound - 1) / 12, label: "forecast", note: "Forecasts from \(first)")) }
        var notes = ["\(model): point forecast (\(forecast.point.rawValue)) with \([inner?.level, forecast.level].compactMap { $0 }.map { "\(Int(($0 * 100).rounded()))%" }.joined(separator: " and ")) prediction intervals (\(forecast.transformation.name) scale)."]
        notes += forecast.notes
        notes.append(coverage(history))
        let panel = TimeChart.Panel(title: label, yLabel: display.axisLabel(yLabel), scale: display.scale, height: 260, bands: bands, lines: lines,
                                    reference: display.indexBase == nil ? nil : 100)
        return TimeChart(title: "Forecast: \(label)", summary: notes.joined(separator: " "), panels: [panel], events: events, notes: notes)
    }

    // MARK: - Index

    /// The price index, quantity index and value ratio (×100, base period = 100), and the value
    /// change of each comparison split into its price and volume effects (USD).
    public static func index(_ index: UnitValueIndex, label: String, events: [TimeChart.Event] = [], display: ChartDisplay = .plain) throws(ReportsError) -> TimeChart {
        if display.indexBase != nil { throw .optionNotApplicable(option: "--index-base", reason: "an index has its base already; use --base PERIOD") }
        func line(_ name: String, _ role: String, _ colour: String, _ value: (UnitValueIndex.Point) -> Double?) -> TimeChart.Line {
            .init(name: name, role: role, colour: colour, dots: true, points: index.points.map { TimeChart.Point(period: $0.period, value: value($0).map { $0 * 100 }) })
        }
        let formula = index.specification.formula.rawValue
        let lines = [line("\(formula) price index", "price-index", fitColour, \.priceIndex),
                     line("\(formula) quantity index", "quantity-index", secondColour, \.quantityIndex),
                     line("value ratio", "value-ratio", seriesColour, \.valueRatio)]
        try display.check(lines)
        let panels: [TimeChart.Panel] = [
            .init(title: "Index, \(index.base) = 100", yLabel: "Index (\(index.base) = 100)" + (display.scale == .logarithmic ? ", log scale" : ""), scale: display.scale,
                  height: 240, lines: lines, reference: 100),
            .init(title: "Value change split into price and volume (USD, log-mean Divisia)", yLabel: "USD", height: 170, lines: [
                .init(name: "price effect", role: "price-effect", colour: fitColour, dashed: true, points: index.links.map { TimeChart.Point(period: $0.to, value: $0.decomposition?.priceEffect) }),
                .init(name: "volume effect", role: "volume-effect", colour: secondColour, dashed: true, points: index.links.map { TimeChart.Point(period: $0.to, value: $0.decomposition?.volumeEffect) }),
            ], reference: 0),
        ]
        let notes = ["\(index.specification.chaining == .chained ? "Chained" : "Fixed-base") \(formula) indices of \(index.codes.count) code\(index.codes.count == 1 ? "" : "s") (\(index.codes.joined(separator: ", "))); price × quantity = value ratio for Fisher. "
            + "Each effect is the change from the comparison period to the period drawn; they add up to the value change.",
            "\(index.exclusions.count) code-period\(index.exclusions.count == 1 ? "" : "s") left out of a comparison (listed in the table)."]
        return TimeChart(title: "Unit-value index: \(label)", summary: notes.joined(separator: " "), panels: panels, events: events, notes: notes)
    }

    // MARK: - Events

    /// The events of a sanction context as numbered chart events: the effective date, the id, and
    /// what each measure touching the context's codes does.
    public static func events(_ context: SanctionContext) -> [TimeChart.Event] {
        context.events.map { event in
            let touching = event.measures.filter { measure in context.hsCodes.isEmpty || context.hsCodes.contains { measure.touches(.hs($0)) } }
            let measures = touching.isEmpty ? event.measures : touching
            return TimeChart.Event(date: event.effectiveDate, id: event.id, what: measures.map(TradeReport.measureSummary).joined(separator: "; "))
        }
    }
}
