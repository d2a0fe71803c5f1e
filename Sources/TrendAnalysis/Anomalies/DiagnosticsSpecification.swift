import TradeDomain

/// How a trade series is diagnosed for `tradescope report`: the breaks, anomalies and sanction screens shown
/// next to the events; ``diagnose(_:context:)`` gives a ``TradeSeriesDiagnosis``.
///
/// Trade series have gaps. Each measure (value, quantity, unit price) is analysed as follows:
/// - Bai-Perron breaks in the mean, chosen by BIC, on every observed period from the first to the last
///   (a missing period is left out of the regression, as `breaks` does), with minimum segment
///   `max(2, ⌊0.15 n⌋)` for `n` observed periods, when `n` is at least ``minimumBreakObservations``;
/// - robust z-scores (threshold ``anomalyThreshold``) of STL residuals for monthly or quarterly runs of two
///   full years or more, else of linear-trend residuals, on the longest run of consecutive reported periods
///   (the latest of equally long runs; STL and the scores need complete data), when the run has at least
///   ``minimumAnomalyObservations``;
/// - every flag with the nearest event of the ``SanctionContext``.
/// The sanction screens (``SanctionScreen``) run on the whole series. Nothing here throws: an analysis
/// that cannot run leaves a note saying why.
public struct DiagnosticsSpecification: Sendable, Equatable, Codable {
    /// The fewest periods for a break search (default 8).
    public let minimumBreakObservations: Int
    /// The fewest periods for anomaly scores (default 5).
    public let minimumAnomalyObservations: Int
    /// The robust z threshold (default 3.5).
    public let anomalyThreshold: Double
    /// The sanction screens.
    public let screen: SanctionScreen

    /// Diagnostics.
    ///
    /// - Parameters:
    ///   - minimumBreakObservations: Periods needed for Bai-Perron.
    ///   - minimumAnomalyObservations: Periods needed for anomaly scores.
    ///   - anomalyThreshold: The robust z threshold.
    ///   - screen: The sanction screens.
    public init(minimumBreakObservations: Int = 8, minimumAnomalyObservations: Int = 5, anomalyThreshold: Double = 3.5,
                screen: SanctionScreen = SanctionScreen()) {
        self.minimumBreakObservations = minimumBreakObservations
        self.minimumAnomalyObservations = minimumAnomalyObservations
        self.anomalyThreshold = anomalyThreshold
        self.screen = screen
    }

    /// Diagnoses a trade series.
    ///
    /// - Parameters:
    ///   - trade: The series.
    ///   - context: The sanction calendar as it applies to it.
    /// - Returns: The diagnosis with notes for whatever could not run.
    public func diagnose(_ trade: TradeSeries, context: SanctionContext) -> TradeSeriesDiagnosis {
        let measures = TradeSeriesDiagnosis.Measure.allCases.map { measure -> TradeSeriesDiagnosis.MeasureDiagnosis in
            let series: TimeSeries<Double>?
            switch measure {
            case .value: series = trade.valueSeries
            case .quantity: series = trade.quantitySeries
            case .unitPrice: series = trade.unitPriceSeries
            }
            return diagnose(series.map(Self.observedSpan), run: series.map(Self.longestCompleteRun), measure: measure, context: context)
        }
        var flags: [SanctionFlag] = [], note: String?
        do { flags = try screen.screen(trade, context: context) } catch { note = "Sanction screens not run: \(error.description)." }
        return TradeSeriesDiagnosis(measures: measures, sanctionFlags: flags, screenNote: note)
    }

    /// - Parameters:
    ///   - span: The measure from its first to its last observed period (gaps inside), for the breaks.
    ///   - run: Its longest run without gaps, for the anomaly scores.
    func diagnose(_ span: TimeSeries<Double>?, run: TimeSeries<Double>?, measure: TradeSeriesDiagnosis.Measure,
                  context: SanctionContext) -> TradeSeriesDiagnosis.MeasureDiagnosis {
        guard let span, let run, span.count > 0, run.count > 0 else {
            return .init(measure: measure, firstPeriod: nil, lastPeriod: nil, breakWindow: nil, breaks: nil, anomalies: [],
                         notes: ["No \(measure.rawValue) figures."])
        }
        var notes: [String] = []
        let observed = span.values.lazy.compactMap { $0 }.count
        let window = TradeSeriesDiagnosis.BreakWindow(first: span.start, last: span.end, periodCount: span.count, missingCount: span.count - observed)
        var breaks: Breakpoints?
        if observed >= minimumBreakObservations {
            do {
                breaks = try BreakpointSpecification(minimumSegment: .observations(max(2, observed * 15 / 100))).fit(span)
            } catch {
                notes.append("No break search on \(measure.rawValue): \(error.description).")
            }
        } else {
            notes.append("No break search on \(measure.rawValue): \(span.start) to \(span.end) has \(observed) observed periods; \(minimumBreakObservations) are needed.")
        }
        let n = run.count
        var anomalies: [AnomalyFlag] = []
        if n >= minimumAnomalyObservations {
            let seasonal = run.frequency != .annual && n >= 2 * run.frequency.periodsPerYear
            let detector = AnomalyDetector(method: .robustZScore(threshold: anomalyThreshold), model: seasonal ? .stl(STLSpecification()) : .linearTrend)
            do { anomalies = try detector.detect(run, sanctions: context) } catch {
                notes.append("No anomaly scores on \(measure.rawValue): \(error.description).")
            }
        } else {
            notes.append("No anomaly scores on \(measure.rawValue): its longest run without gaps has \(n) periods; \(minimumAnomalyObservations) are needed.")
        }
        return .init(measure: measure, firstPeriod: run.start, lastPeriod: run.end, breakWindow: window, breaks: breaks, anomalies: anomalies, notes: notes)
    }

    /// The series from its first to its last observed period (`count` 0 when nothing is observed).
    static func observedSpan(_ series: TimeSeries<Double>) -> TimeSeries<Double> {
        guard let first = series.values.firstIndex(where: { $0 != nil }), let last = series.values.lastIndex(where: { $0 != nil }) else {
            return TimeSeries(start: series.start, values: [])
        }
        return TimeSeries(start: series.start.advanced(by: first), values: Array(series.values[first...last]))
    }

    /// The longest run of consecutive non-missing values (the latest of equally long runs).
    static func longestCompleteRun(_ series: TimeSeries<Double>) -> TimeSeries<Double> {
        var best = 0..<0, start: Int?
        for index in 0...series.count {
            let present = index < series.count && series.values[index] != nil
            if present, start == nil { start = index }
            if !present, let s = start {
                if index - s >= best.count { best = s..<index }
                start = nil
            }
        }
        return TimeSeries(start: series.start.advanced(by: best.lowerBound), values: Array(series.values[best]))
    }
}
