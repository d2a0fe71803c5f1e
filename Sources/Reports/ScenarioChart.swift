import Foundation
import Scenarios
import TradeDomain

/// A what-if chart per commodity and measure as deterministic SVG: the recorded figures, the no-sanction
/// baseline and the scenario's counterfactual with their prediction intervals as shaded bands, the path
/// the sanctions as enacted imply, and the sanction events (the scenario's and the real calendar's) as
/// dated vertical lines.
///
/// Computes nothing: every figure comes from the ``ScenarioOutcome`` and the recorded series; event
/// dates come from the outcome's measures. Fixed `viewBox`, two-decimal coordinates, no timestamps.
public struct ScenarioChart: Sendable {
    /// The outcome drawn.
    public let outcome: ScenarioOutcome
    /// The label of the outcome (scenario name or sweep value).
    public let label: String
    /// The recorded series of each commodity (history before the projection; may be empty).
    public let history: [CommodityCode: TradeSeries]

    static let width = 760.0, plotHeight = 240.0, left = 78.0, right = 24.0, top = 46.0, bottom = 124.0

    /// A chart.
    ///
    /// - Parameters:
    ///   - outcome: The scenario outcome.
    ///   - label: Its label.
    ///   - history: The recorded series by commodity (drawn as "Actual").
    public init(outcome: ScenarioOutcome, label: String, history: [CommodityCode: TradeSeries] = [:]) {
        self.outcome = outcome
        self.label = label
        self.history = history
    }

    /// One panel: a commodity's value or quantity.
    struct Panel {
        let title: String
        let unit: String
        let actual: [(x: Double, label: String, value: Double)]
        let baseline: [(x: Double, label: String, estimate: Estimate)]
        let scenario: [(x: Double, label: String, estimate: Estimate)]
        let enacted: [(x: Double, label: String, value: Double)]
        let events: [(x: Double, label: String, detail: String)]
        let baselineName: String
        let warnings: [String]
    }

    var panels: [Panel] {
        var result: [Panel] = []
        for c in outcome.commodities where !c.periods.isEmpty {
            var events: [(Double, String, String)] = []
            var seen = Set<String>()
            for m in c.measures + c.realMeasures where !seen.contains(m.id + m.effective.description) {
                seen.insert(m.id + m.effective.description)
                let scenarioOnly = c.measures.contains(m) && !c.realMeasures.contains(m)
                events.append((ChartTime.position(m.effective), m.id + (scenarioOnly ? " (scenario)" : ""),
                               "\(m.effective): \(m.action.rawValue) \(m.id)" + (scenarioOnly ? " in the scenario" : " as enacted")))
            }
            events.sort { $0.0 < $1.0 }
            let first = c.periods.first!.period
            for measure in [TradeMeasure.value, .quantity] {
                let base = c.baselines.first { $0.measure == measure }
                let isValue = measure == .value
                let projected = c.periods.compactMap { p -> (Double, String, Estimate)? in
                    guard let e = isValue ? p.baselineValue : p.baselineQuantity else { return nil }
                    return (ChartTime.position(p.period), p.period.description, e)
                }
                guard !projected.isEmpty else { continue }
                let scenario = c.periods.compactMap { p -> (Double, String, Estimate)? in
                    guard let e = isValue ? p.counterfactualValue : p.counterfactualQuantity else { return nil }
                    return (ChartTime.position(p.period), p.period.description, e)
                }
                let enacted = c.periods.compactMap { p -> (Double, String, Double)? in
                    guard let v = isValue ? p.realCalendarValue : p.realCalendarQuantity else { return nil }
                    return (ChartTime.position(p.period), p.period.description, v)
                }
                var actual: [(Double, String, Double)] = []
                let from = base?.fitFrom ?? first
                for point in history[c.code]?.points ?? [] where point.period >= from {
                    if let v = isValue ? point.value?.amount : point.quantity?.amount { actual.append((ChartTime.position(point.period), point.period.description, v)) }
                }
                if actual.isEmpty {
                    actual = c.periods.compactMap { p in (isValue ? p.actualValue : p.actualQuantity).map { (ChartTime.position(p.period), p.period.description, $0) } }
                }
                let unit = isValue ? "USD" : (c.quantityUnit ?? "units")
                result.append(Panel(title: "HS \(c.code) \(isValue ? "value" : "quantity"): \(label)", unit: unit,
                                    actual: actual.map { (x: $0.0, label: $0.1, value: $0.2) },
                                    baseline: projected.map { (x: $0.0, label: $0.1, estimate: $0.2) },
                                    scenario: scenario.map { (x: $0.0, label: $0.1, estimate: $0.2) },
                                    enacted: enacted.map { (x: $0.0, label: $0.1, value: $0.2) },
                                    events: events.map { (x: $0.0, label: $0.1, detail: $0.2) },
                                    baselineName: base.map { "\($0.description), fitted on \($0.fitFrom) to \($0.fitThrough)" } ?? "none",
                                    warnings: base?.warnings ?? []))
            }
        }
        return result
    }

    /// The drawing height: one panel per commodity and measure with a baseline (at least one).
    public var height: Double { max(Double(panels.count), 1) * (Self.top + Self.plotHeight + Self.bottom) }

    /// Several charts (a sweep, side-by-side scenarios) as one SVG document, stacked.
    ///
    /// - Parameter charts: The charts.
    /// - Returns: One `<svg>` holding each chart as a nested `<svg>` below the previous one.
    public static func stacked(_ charts: [ScenarioChart]) -> String {
        guard charts.count > 1 else { return charts.first?.svg() ?? "" }
        let c = SVGText.coordinate
        let total = charts.reduce(0) { $0 + $1.height }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(total))\">\n"
        var y = 0.0
        for (index, chart) in charts.enumerated() {
            let inner = chart.svg(id: "whatif\(index)").replacingOccurrences(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" ",
                                                                             with: "<svg y=\"\(c(y))\" width=\"\(c(width))\" height=\"\(c(chart.height))\" ")
            out += inner
            y += chart.height
        }
        return out + "</svg>\n"
    }

    /// The charts as one standalone SVG document, the panels stacked (no XML declaration, so it can be inlined).
    ///
    /// - Parameter id: A prefix for element ids, unique within a page.
    /// - Returns: `<svg ...>...</svg>` text; a short SVG saying so when nothing could be drawn.
    public func svg(id: String = "whatif") -> String {
        let panels = self.panels
        let panelHeight = Self.top + Self.plotHeight + Self.bottom
        let height = max(Double(panels.count), 1) * panelHeight
        let c = SVGText.coordinate
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(Self.width)) \(c(height))\" role=\"img\" aria-labelledby=\"\(id)-title\" "
            + "font-family=\"sans-serif\" font-size=\"11\">\n<title id=\"\(id)-title\">\(SVGText.escape("What if: " + label))</title>\n"
        if panels.isEmpty {
            out += "<text x=\"20.00\" y=\"40.00\">\(SVGText.escape("No baseline could be fitted, so there is nothing to draw (see the notes of the text report)."))</text>\n"
        }
        for (index, panel) in panels.enumerated() {
            out += draw(panel, offset: Double(index) * panelHeight, id: "\(id)-\(index)")
        }
        return out + "</svg>\n"
    }

    private func draw(_ panel: Panel, offset: Double, id: String) -> String {
        let c = SVGText.coordinate
        let plotLeft = Self.left, plotRight = Self.width - Self.right
        let plotTop = offset + Self.top, plotBottom = plotTop + Self.plotHeight
        let xs = panel.actual.map(\.x) + panel.baseline.map(\.x)
        let spacing = max(zip(xs.sorted(), xs.sorted().dropFirst()).map { $1 - $0 }.filter { $0 > 0 }.min() ?? 1, 1.0 / 12)
        let xLow = (xs.min() ?? 0) - spacing / 2, xHigh = (xs.max() ?? 1) + spacing / 2
        let values = panel.actual.map(\.value) + panel.baseline.flatMap { [$0.estimate.lower, $0.estimate.upper] }
            + panel.scenario.flatMap { [$0.estimate.lower, $0.estimate.upper] } + panel.enacted.map(\.value)
        let scale = AxisScale(minimum: min(0, values.min() ?? 0), maximum: values.max() ?? 1)
        func px(_ x: Double) -> Double { plotLeft + (x - xLow) / (xHigh - xLow) * (plotRight - plotLeft) }
        func py(_ v: Double) -> Double { scale.position(v, from: plotBottom, to: plotTop) }
        var out = "<g id=\"\(id)\">\n"
        out += "<text x=\"\(c(plotLeft))\" y=\"\(c(offset + 18))\" font-size=\"13\" font-weight=\"bold\">\(SVGText.escape(panel.title))</text>\n"
        out += "<text x=\"\(c(plotLeft))\" y=\"\(c(offset + 34))\" fill=\"#555555\">\(SVGText.escape("Baseline: " + panel.baselineName))</text>\n"
        // Warnings inside the plot, wrapped to the plot's width (about 105 characters), at most six lines.
        var warningLines: [String] = []
        for warning in panel.warnings {
            var line = "WARNING:"
            for word in warning.split(separator: " ") {
                if line.count + 1 + word.count > 105 { warningLines.append(line); line = "  " + word } else { line += " " + word }
            }
            warningLines.append(line)
        }
        for (k, text) in warningLines.prefix(6).enumerated() {
            out += "<text x=\"\(c(plotLeft + 4))\" y=\"\(c(plotTop + 14 + Double(k) * 13))\" fill=\"\(ChartPalette.event)\" font-weight=\"bold\">\(SVGText.escape(text))</text>\n"
        }
        for tick in scale.ticks {
            out += "<line x1=\"\(c(plotLeft))\" x2=\"\(c(plotRight))\" y1=\"\(c(py(tick)))\" y2=\"\(c(py(tick)))\" stroke=\"\(ChartPalette.grid)\"/>\n"
            out += "<text x=\"\(c(plotLeft - 6))\" y=\"\(c(py(tick) + 4))\" text-anchor=\"end\">\(SVGText.escape(SVGText.compact(tick)))</text>\n"
        }
        let firstYear = Int(xLow.rounded(.up)), lastYear = Int(xHigh.rounded(.down))
        let yearStep = max(1, (lastYear - firstYear) / 10 + 1)
        for year in stride(from: firstYear, through: lastYear, by: yearStep) {
            out += "<line x1=\"\(c(px(Double(year))))\" x2=\"\(c(px(Double(year))))\" y1=\"\(c(plotBottom))\" y2=\"\(c(plotBottom + 4))\" stroke=\"\(ChartPalette.ink)\"/>\n"
            out += "<text x=\"\(c(px(Double(year))))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\">\(year)</text>\n"
        }
        out += "<text transform=\"translate(\(c(16)),\(c((plotTop + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(SVGText.escape(panel.unit))</text>\n"
        out += "<rect x=\"\(c(plotLeft))\" y=\"\(c(plotTop))\" width=\"\(c(plotRight - plotLeft))\" height=\"\(c(Self.plotHeight))\" fill=\"none\" stroke=\"\(ChartPalette.ink)\"/>\n"
        func band(_ points: [(x: Double, label: String, estimate: Estimate)], colour: String) -> String {
            guard points.count > 0 else { return "" }
            let upper = points.map { "\(c(px($0.x))),\(c(py($0.estimate.upper)))" }
            let lower = points.reversed().map { "\(c(px($0.x))),\(c(py($0.estimate.lower)))" }
            if points.count == 1 {
                let p = points[0]
                return "<line x1=\"\(c(px(p.x)))\" x2=\"\(c(px(p.x)))\" y1=\"\(c(py(p.estimate.lower)))\" y2=\"\(c(py(p.estimate.upper)))\" stroke=\"\(colour)\" stroke-width=\"8\" stroke-opacity=\"0.25\"/>\n"
            }
            return "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.18\" stroke=\"none\"/>\n"
        }
        func path(_ points: [(x: Double, label: String, value: Double)], colour: String, dash: String?, name: String) -> String {
            guard !points.isEmpty else { return "" }
            var text = ""
            if points.count > 1 {
                text += "<polyline points=\"\(points.map { "\(c(px($0.x))),\(c(py($0.value)))" }.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"" + (dash.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
            }
            for p in points {
                text += "<circle cx=\"\(c(px(p.x)))\" cy=\"\(c(py(p.value)))\" r=\"2.5\" fill=\"\(colour)\"><title>\(SVGText.escape("\(name) \(p.label): \(NumberStyle.hoverValue(p.value)) \(panel.unit)"))</title></circle>\n"
            }
            return text
        }
        let baselineColour = ChartPalette.colour(0), scenarioColour = ChartPalette.colour(1), enactedColour = ChartPalette.colour(2)
        out += band(panel.baseline, colour: baselineColour) + band(panel.scenario, colour: scenarioColour)
        out += path(panel.baseline.map { ($0.x, $0.label, $0.estimate.mean) }, colour: baselineColour, dash: nil, name: "Baseline")
        out += path(panel.scenario.map { ($0.x, $0.label, $0.estimate.mean) }, colour: scenarioColour, dash: nil, name: "Scenario")
        out += path(panel.enacted, colour: enactedColour, dash: "5 3", name: "As enacted (model)")
        // Actual figures: points joined only across consecutive periods (a gap stays a gap).
        var segments: [[(x: Double, label: String, value: Double)]] = []
        for point in panel.actual {
            if let last = segments.last?.last, point.x - last.x <= spacing * 1.01 { segments[segments.count - 1].append(point) } else { segments.append([point]) }
        }
        for segment in segments { out += path(segment, colour: ChartPalette.ink, dash: nil, name: "Actual") }
        for (k, event) in panel.events.enumerated() where event.x >= xLow && event.x <= xHigh {
            out += "<line x1=\"\(c(px(event.x)))\" x2=\"\(c(px(event.x)))\" y1=\"\(c(plotTop))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.event)\" stroke-dasharray=\"2 2\"><title>\(SVGText.escape(event.detail))</title></line>\n"
            out += "<text x=\"\(c(px(event.x) + 2))\" y=\"\(c(plotTop + 12 + Double(k % 4) * 12))\" fill=\"\(ChartPalette.event)\">\(k + 1)</text>\n"
        }
        // Key: lines and bands, then the numbered events.
        let keyY = plotBottom + 34
        let entries: [(String, String, String?)] = [("Actual (recorded)", ChartPalette.ink, nil), ("Baseline, no sanctions", baselineColour, nil),
                                                   ("Scenario", scenarioColour, nil), ("As enacted (model)", enactedColour, "5 3")]
        for (i, entry) in entries.enumerated() {
            let x = plotLeft + Double(i) * 160
            out += "<line x1=\"\(c(x))\" x2=\"\(c(x + 18))\" y1=\"\(c(keyY - 4))\" y2=\"\(c(keyY - 4))\" stroke=\"\(entry.1)\" stroke-width=\"2\"" + (entry.2.map { " stroke-dasharray=\"\($0)\"" } ?? "") + "/>\n"
            out += "<text x=\"\(c(x + 22))\" y=\"\(c(keyY))\">\(SVGText.escape(entry.0))</text>\n"
        }
        out += "<text x=\"\(c(plotLeft))\" y=\"\(c(keyY + 16))\" fill=\"#555555\">\(SVGText.escape("Shaded: \(NumberStyle.share(outcome.scenario.baseline.level, decimals: 0)) prediction intervals of the baseline and the scenario."))</text>\n"
        // The numbered events, wrapped to three lines of about 110 characters.
        var keyLines: [String] = [], keyLine = ""
        for (index, event) in panel.events.enumerated() {
            let entry = "\(index + 1) \(event.label)"
            if keyLine.isEmpty { keyLine = "Events: " + entry } else if keyLine.count + entry.count + 3 > 110 {
                keyLines.append(keyLine)
                keyLine = entry
            } else { keyLine += " · " + entry }
        }
        if !keyLine.isEmpty { keyLines.append(keyLine) }
        for (k, text) in keyLines.prefix(3).enumerated() {
            out += "<text x=\"\(c(plotLeft))\" y=\"\(c(keyY + 32 + Double(k) * 14))\" fill=\"\(ChartPalette.event)\">\(SVGText.escape(text))</text>\n"
        }
        return out + "</g>\n"
    }

    /// A self-contained HTML page: the charts of every outcome inline, then the text report.
    ///
    /// - Parameters:
    ///   - charts: The charts, one per outcome.
    ///   - report: The text report shown below them.
    ///   - title: The page title.
    /// - Returns: The page (no external resources).
    public static func page(charts: [ScenarioChart], report: String, title: String) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>\(SVGText.escape(title))</title>\n"
            + "<style>body{font-family:sans-serif;max-width:62rem;margin:1rem auto;padding:0 1rem}svg{width:100%;height:auto}"
            + "pre{font-size:0.8rem;overflow-x:auto;background:#f6f6f6;padding:0.6rem}</style>\n</head>\n<body>\n"
            + "<h1>\(SVGText.escape(title))</h1>\n"
        for (index, chart) in charts.enumerated() {
            out += "<figure>\n" + chart.svg(id: "whatif\(index)") + "<figcaption>\(SVGText.escape("What if: " + chart.label))</figcaption>\n</figure>\n"
        }
        out += "<h2>Report</h2>\n<pre>\(SVGText.escape(report))</pre>\n</body>\n</html>\n"
        return out
    }
}
