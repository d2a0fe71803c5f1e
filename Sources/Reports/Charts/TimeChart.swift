import Foundation
import TradeDomain

/// A chart of one or more stacked panels sharing a true time axis, as deterministic SVG: lines
/// (missing values leave gaps, each unbroken run is its own `<path>`), shaded bands (confidence and
/// prediction intervals, one polygon per unbroken run), shaded spans (a break date's interval),
/// vertical rules (break dates), flagged points, and numbered sanction events with a key under the
/// chart that says what each event did and when, readable in print without hovering.
///
/// The chart computes no statistics: every value comes from the caller's results. Each panel's
/// `<g class="panel">` carries its axis mapping (`data-px0`/`data-px1` for the pixels of
/// `data-t0`/`data-t1` decimal years, `data-py0`/`data-py1` for the pixels of `data-v0`/`data-v1`,
/// and `data-scale`), so that a reader (or a test) can map any coordinate back to its value.
public struct TimeChart: Sendable, Equatable {
    /// How a panel's vertical axis maps values.
    public enum Scale: String, Sendable, Equatable {
        case linear
        /// Base-10 logarithmic; every line value must be positive (bands are clipped at the bottom).
        case logarithmic = "log"
    }

    /// One value of a line: a position in decimal years (see ``ChartTime``), a label and a value (`nil` = gap).
    public typealias Point = LineChart.Point

    /// A line; each run of non-missing values is drawn as its own path.
    public struct Line: Sendable, Equatable {
        public let name: String
        /// A class name for the role ("series", "fit", "segment-mean"), written as `data-role`.
        public let role: String
        public let colour: String
        public let dashed: Bool
        /// Whether every value gets a dot (the observed series); fitted lines have none.
        public let dots: Bool
        public let points: [Point]

        public init(name: String, role: String, colour: String, dashed: Bool = false, dots: Bool = false, points: [Point]) {
            self.name = name
            self.role = role
            self.colour = colour
            self.dashed = dashed
            self.dots = dots
            self.points = points
        }
    }

    /// A shaded band between a lower and an upper line; `nil` entries split it.
    public struct Band: Sendable, Equatable {
        /// One position of the band.
        public struct Point: Sendable, Equatable {
            public let x: Double
            public let label: String
            public let lower: Double
            public let upper: Double

            public init(x: Double, label: String, lower: Double, upper: Double) {
                self.x = x
                self.label = label
                self.lower = lower
                self.upper = upper
            }
        }

        public let name: String
        public let role: String
        public let colour: String
        public let opacity: Double
        public let points: [Point?]

        public init(name: String, role: String, colour: String, opacity: Double, points: [Point?]) {
            self.name = name
            self.role = role
            self.colour = colour
            self.opacity = opacity
            self.points = points
        }
    }

    /// A shaded stretch of time (a break date's confidence interval).
    public struct Span: Sendable, Equatable {
        public let from: Double
        public let to: Double
        public let note: String

        public init(from: Double, to: Double, note: String) {
            self.from = from
            self.to = to
            self.note = note
        }
    }

    /// A labelled vertical line inside a panel (a break date, a forecast origin).
    public struct Rule: Sendable, Equatable {
        public let x: Double
        public let label: String
        public let note: String

        public init(x: Double, label: String, note: String) {
            self.x = x
            self.label = label
            self.note = note
        }
    }

    /// A flagged point drawn with a halo and a short label (an anomaly).
    public struct Mark: Sendable, Equatable {
        public let x: Double
        public let value: Double
        public let label: String
        public let note: String

        public init(x: Double, value: Double, label: String, note: String) {
            self.x = x
            self.value = value
            self.label = label
            self.note = note
        }
    }

    /// One plot area with its own vertical axis.
    public struct Panel: Sendable, Equatable {
        public let title: String
        public let yLabel: String
        public let scale: Scale
        public let height: Double
        public let bands: [Band]
        public let spans: [Span]
        public let lines: [Line]
        public let rules: [Rule]
        public let marks: [Mark]
        /// A horizontal line at this value (100 for an index, 0 for a remainder), if any.
        public let reference: Double?

        public init(title: String, yLabel: String, scale: Scale = .linear, height: Double = 230, bands: [Band] = [], spans: [Span] = [],
                    lines: [Line] = [], rules: [Rule] = [], marks: [Mark] = [], reference: Double? = nil) {
            self.title = title
            self.yLabel = yLabel
            self.scale = scale
            self.height = height
            self.bands = bands
            self.spans = spans
            self.lines = lines
            self.rules = rules
            self.marks = marks
            self.reference = reference
        }

        /// Every value the axis must show.
        var values: [Double] {
            lines.flatMap { $0.points.compactMap(\.value) } + bands.flatMap { $0.points.compactMap { $0 }.flatMap { [$0.lower, $0.upper] } }
                + marks.map(\.value) + (reference.map { [$0] } ?? [])
        }

        var xs: [Double] {
            lines.flatMap { $0.points.map(\.x) } + bands.flatMap { $0.points.compactMap { $0?.x } } + spans.flatMap { [$0.from, $0.to] }
        }
    }

    /// A dated event, numbered in time order on the chart.
    public struct Event: Sendable, Equatable {
        public let x: Double
        public let date: CalendarDate
        public let id: String
        /// What the event did ("ban: coal (HS 2701...)").
        public let what: String

        public init(date: CalendarDate, id: String, what: String) {
            self.x = ChartTime.position(date)
            self.date = date
            self.id = id
            self.what = what
        }
    }

    public let title: String
    /// A sentence for screen readers (SVG `<desc>`).
    public let summary: String
    public let panels: [Panel]
    public let events: [Event]
    /// Lines printed under the chart (what the band is, what was left out).
    public let notes: [String]

    public static let width = 760.0
    static let left = 78.0, right = 24.0, titleHeight = 34.0, legendHeight = 20.0, eventBand = 36.0, axisHeight = 26.0, gap = 34.0
    /// Characters per line of the event key and the notes.
    static let keyLineLength = 120

    public init(title: String, summary: String, panels: [Panel], events: [Event] = [], notes: [String] = []) {
        self.title = title
        self.summary = summary
        self.panels = panels
        self.notes = notes
        let xs = panels.flatMap(\.xs)
        let low = xs.min() ?? 0, high = xs.max() ?? 1
        self.events = events.filter { $0.x >= low - 0.5 && $0.x <= high + 0.5 }.sorted { ($0.x, $0.id) < ($1.x, $1.id) }
    }

    /// The horizontal range in decimal years: all positions padded by half the smallest spacing.
    var xRange: (Double, Double) {
        let xs = panels.flatMap { $0.lines.flatMap { $0.points.map(\.x) } + $0.bands.flatMap { $0.points.compactMap { $0?.x } } }
        let all = xs + panels.flatMap { $0.spans.flatMap { [$0.from, $0.to] } } + events.map(\.x)
        guard var low = all.min(), var high = all.max() else { return (0, 1) }
        let sorted = Array(Set(xs)).sorted()
        let spacing = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.min() ?? 1
        low = min(low, (xs.min() ?? low) - spacing / 2)
        high = max(high, (xs.max() ?? high) + spacing / 2)
        if high <= low { high = low + 1 }
        return (low, high)
    }

    /// Text wrapped to lines of at most `length` characters, continuation lines indented.
    static func wrap(_ text: String, _ length: Int, indent: String = "    ") -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            if !line.isEmpty && line.count + 1 + word.count > length {
                lines.append(line)
                line = indent + word
            } else {
                line += (line.isEmpty ? "" : " ") + word
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The event key: one entry per event, "1  2017-08-05  UNSCR-2371: ban: coal ...", wrapped.
    var keyLines: [String] {
        events.enumerated().flatMap { index, event in Self.wrap("\(index + 1)  \(event.date)  \(event.id): \(event.what)", Self.keyLineLength) }
    }

    var noteLines: [String] { notes.flatMap { Self.wrap($0, Self.keyLineLength) } }

    /// The drawing height.
    public var height: Double {
        Self.titleHeight + Self.legendHeight + (events.isEmpty ? 0 : Self.eventBand)
            + panels.reduce(0) { $0 + $1.height + Self.axisHeight + Self.gap } + Double(keyLines.count + noteLines.count) * 14 + 10
    }

    /// A vertical axis: ticks and the mapping of values to pixels.
    struct VerticalAxis {
        let scale: Scale
        let lower: Double
        let upper: Double
        let ticks: [Double]

        init(values: [Double], scale: Scale) {
            self.scale = scale
            switch scale {
            case .linear:
                let axis = AxisScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1)
                (lower, upper, ticks) = (axis.lower, axis.upper, axis.ticks)
            case .logarithmic:
                let positive = values.filter { $0 > 0 && $0.isFinite }
                let low = positive.min() ?? 1, high = positive.max() ?? 10
                var lowExponent = floor(log10(low)), highExponent = ceil(log10(high))
                if highExponent <= lowExponent { highExponent = lowExponent + 1 }
                let decades = Int(highExponent - lowExponent)
                let multipliers: [Double] = decades <= 2 ? [1, 2, 5] : (decades <= 4 ? [1, 3] : [1])
                var ticks: [Double] = []
                var exponent = lowExponent
                while exponent <= highExponent {
                    for m in multipliers {
                        let tick = m * pow(10, exponent)
                        if tick >= pow(10, lowExponent) * (1 - 1e-12) && tick <= pow(10, highExponent) * (1 + 1e-12) { ticks.append(tick) }
                    }
                    exponent += 1
                }
                // Trim decades with no data at either end, keeping one tick beyond the data.
                while ticks.count > 2 && ticks[1] <= low { ticks.removeFirst() }
                while ticks.count > 2 && ticks[ticks.count - 2] >= high { ticks.removeLast() }
                lowExponent = log10(ticks.first!)
                highExponent = log10(ticks.last!)
                (lower, upper, self.ticks) = (ticks.first!, ticks.last!, ticks)
            }
        }

        /// The pixel of a value between `bottom` (at `lower`) and `top` (at `upper`); on a log axis
        /// values at or below zero are placed at the bottom.
        func position(_ value: Double, bottom: Double, top: Double) -> Double {
            switch scale {
            case .linear: return bottom + (value - lower) / (upper - lower) * (top - bottom)
            case .logarithmic:
                guard value > 0 else { return bottom }
                return bottom + (log10(value) - log10(lower)) / (log10(upper) - log10(lower)) * (top - bottom)
            }
        }
    }

    /// The chart as an SVG document (no XML declaration, so it can be inlined in HTML).
    ///
    /// - Parameter id: A prefix for element ids, unique within a page.
    public func svg(id: String = "chart") -> String {
        let c = SVGText.coordinate
        let e = SVGText.escape
        let safeID = e(id)
        let (width, height) = (Self.width, self.height)
        let plotLeft = Self.left, plotRight = width - Self.right
        let (xLow, xHigh) = xRange
        func px(_ x: Double) -> Double { plotLeft + (x - xLow) / (xHigh - xLow) * (plotRight - plotLeft) }
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(safeID)-title \(safeID)-desc\" class=\"chart time-chart\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(safeID)-title\">\(e(title))</title>\n<desc id=\"\(safeID)-desc\">\(e(summary))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#FFFFFF\"/>\n"
        out += "<text x=\"\(c(plotLeft - 60))\" y=\"22.00\" font-size=\"15\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\">\(e(Self.truncated(title, 82)))</text>\n"
        out += legend(y: Self.titleHeight + 8)
        var top = Self.titleHeight + Self.legendHeight + (events.isEmpty ? 0 : Self.eventBand)
        let eventTop = Self.titleHeight + Self.legendHeight
        var plotAreas: [(top: Double, bottom: Double)] = []
        for (panelIndex, panel) in panels.enumerated() {
            let plotTop = top + 16, plotBottom = plotTop + panel.height - 16
            plotAreas.append((plotTop, plotBottom))
            let axis = VerticalAxis(values: panel.values, scale: panel.scale)
            func py(_ v: Double) -> Double { axis.position(v, bottom: plotBottom, top: plotTop) }
            out += "<g class=\"panel\" id=\"\(safeID)-panel\(panelIndex)\" data-panel=\"\(e(panel.title))\" data-scale=\"\(panel.scale.rawValue)\""
                + " data-px0=\"\(c(px(xLow)))\" data-px1=\"\(c(px(xHigh)))\" data-t0=\"\(xLow)\" data-t1=\"\(xHigh)\""
                + " data-py0=\"\(c(plotBottom))\" data-py1=\"\(c(plotTop))\" data-v0=\"\(axis.lower)\" data-v1=\"\(axis.upper)\">\n"
            if panels.count > 1 {
                out += "<text x=\"\(c(plotLeft))\" y=\"\(c(top + 10))\" font-size=\"12.5\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\">\(e(Self.truncated(panel.title, 90)))</text>\n"
            }
            // Grid and vertical axis.
            out += "<g class=\"y-axis\" fill=\"\(ChartPalette.ink)\">\n"
            for tick in axis.ticks {
                out += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(py(tick)))\" x2=\"\(c(plotRight))\" y2=\"\(c(py(tick)))\" stroke=\"\(ChartPalette.grid)\" stroke-width=\"1\"/>"
                out += "<text x=\"\(c(plotLeft - 6))\" y=\"\(c(py(tick) + 4))\" text-anchor=\"end\">\(e(SVGText.compact(tick)))</text>\n"
            }
            out += "<text transform=\"translate(16.00 \(c((plotTop + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\" font-size=\"11\">\(e(panel.yLabel))</text>\n</g>\n"
            if let reference = panel.reference {
                out += "<line class=\"reference\" x1=\"\(c(plotLeft))\" y1=\"\(c(py(reference)))\" x2=\"\(c(plotRight))\" y2=\"\(c(py(reference)))\" stroke=\"#888888\" stroke-width=\"1\"/>\n"
            }
            // Spans, then bands, under everything else.
            for span in panel.spans {
                let x0 = px(span.from), x1 = px(span.to)
                out += "<rect class=\"span\" x=\"\(c(min(x0, x1)))\" y=\"\(c(plotTop))\" width=\"\(c(abs(x1 - x0)))\" height=\"\(c(plotBottom - plotTop))\" fill=\"#999999\" fill-opacity=\"0.22\" data-from=\"\(span.from)\" data-to=\"\(span.to)\" data-label=\"\(e(span.note))\"><title>\(e(span.note))</title></rect>\n"
            }
            for band in panel.bands {
                var runs: [[Band.Point]] = [[]]
                for point in band.points {
                    if let point { runs[runs.count - 1].append(point) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
                }
                for run in runs where !run.isEmpty {
                    let upper = run.map { "\(c(px($0.x))),\(c(py($0.upper)))" }
                    let lower = run.reversed().map { "\(c(px($0.x))),\(c(py($0.lower)))" }
                    let note = "\(band.name), \(run.first!.label) to \(run.last!.label)"
                    out += "<polygon class=\"band\" data-role=\"\(e(band.role))\" points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(band.colour)\" fill-opacity=\"\(c(band.opacity))\" stroke=\"none\" data-label=\"\(e(note))\"><title>\(e(note))</title></polygon>\n"
                }
            }
            // Sanction events: a dashed line through every panel.
            for (index, event) in events.enumerated() {
                let x = px(event.x)
                let text = "\(index + 1): \(event.date) \(event.id): \(event.what)"
                out += "<line class=\"event\" data-event=\"\(index + 1)\" x1=\"\(c(x))\" y1=\"\(c(plotTop))\" x2=\"\(c(x))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.event)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\" data-label=\"\(e(text))\"><title>\(e(text))</title></line>\n"
            }
            for rule in panel.rules {
                let x = px(rule.x)
                out += "<g class=\"rule\" data-x=\"\(rule.x)\" data-label=\"\(e(rule.note))\"><title>\(e(rule.note))</title>"
                out += "<line x1=\"\(c(x))\" y1=\"\(c(plotTop))\" x2=\"\(c(x))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1.5\"/>"
                out += "<text x=\"\(c(x + 3))\" y=\"\(c(plotTop + 11))\" font-size=\"10\" fill=\"\(ChartPalette.ink)\">\(e(rule.label))</text></g>\n"
            }
            for line in panel.lines {
                out += "<g class=\"line\" data-role=\"\(e(line.role))\" data-series=\"\(e(line.name))\">\n"
                var run = ""
                func flush() {
                    if !run.isEmpty {
                        out += "<path class=\"segment\" d=\"\(run)\" fill=\"none\" stroke=\"\(line.colour)\" stroke-width=\"\(line.dots ? "1.8" : "2.2")\"\(line.dashed ? " stroke-dasharray=\"6 4\"" : "")/>\n"
                    }
                    run = ""
                }
                for point in line.points {
                    guard let value = point.value, value.isFinite else { flush(); continue }
                    run += (run.isEmpty ? "M" : " L") + "\(c(px(point.x))) \(c(py(value)))"
                }
                flush()
                if line.dots {
                    for point in line.points {
                        guard let value = point.value, value.isFinite else { continue }
                        let text = "\(line.name), \(point.label): \(NumberStyle.hoverValue(value))"
                        out += "<circle class=\"point\" data-period=\"\(e(point.label))\" data-value=\"\(value)\" cx=\"\(c(px(point.x)))\" cy=\"\(c(py(value)))\" r=\"2.60\" fill=\"\(line.colour)\" data-label=\"\(e(text))\"><title>\(e(text))</title></circle>\n"
                    }
                }
                out += "</g>\n"
            }
            for mark in panel.marks {
                let (x, y) = (px(mark.x), py(mark.value))
                out += "<g class=\"mark\" data-x=\"\(mark.x)\" data-value=\"\(mark.value)\" data-label=\"\(e(mark.note))\"><title>\(e(mark.note))</title>"
                out += "<circle cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"7.00\" fill=\"#F4A582\" fill-opacity=\"0.55\" stroke=\"#D6604D\" stroke-width=\"1.5\"/>"
                out += "<text x=\"\(c(x))\" y=\"\(c(y - 10))\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\" fill=\"#B2182B\">\(e(mark.label))</text></g>\n"
            }
            // Time axis under each panel: a tick at each year start, labels thinned to about 12.
            out += "<g class=\"x-axis\" fill=\"\(ChartPalette.ink)\">\n"
            out += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(plotBottom))\" x2=\"\(c(plotRight))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\"/>\n"
            let firstYear = Int(ceil(xLow)), lastYear = Int(floor(xHigh))
            let years = firstYear <= lastYear ? Array(firstYear...lastYear) : []
            let step = max(1, Int((Double(years.count) / 12).rounded(.up)))
            for year in years {
                let x = px(Double(year))
                out += "<line x1=\"\(c(x))\" y1=\"\(c(plotBottom))\" x2=\"\(c(x))\" y2=\"\(c(plotBottom + 4))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\"/>"
                if (year - firstYear) % step == 0 {
                    out += "<text x=\"\(c(x))\" y=\"\(c(plotBottom + 16))\" text-anchor=\"middle\" font-size=\"11\">\(year)</text>"
                }
                out += "\n"
            }
            out += "</g>\n</g>\n"
            top = plotBottom + Self.axisHeight + Self.gap - 16
        }
        // Event numbers in a band above the first panel: events less than 3 px apart share a label
        // ("4,6"); a label too close to an earlier one moves down a row (three rows).
        if !events.isEmpty {
            out += "<g class=\"event-numbers\" fill=\"\(ChartPalette.event)\" font-size=\"10\" font-weight=\"bold\">\n"
            var clusters: [(x: Double, numbers: [Int])] = []
            for (index, event) in events.enumerated() {
                let x = px(event.x)
                if let last = clusters.last, x - last.x < 3 { clusters[clusters.count - 1].numbers.append(index + 1) } else { clusters.append((x, [index + 1])) }
            }
            var rowEnds = [-Double.infinity, -Double.infinity, -Double.infinity]
            for cluster in clusters {
                let label = cluster.numbers.map(String.init).joined(separator: ",")
                let half = Double(label.count) * 3 + 2
                let row = rowEnds.firstIndex { cluster.x - half - $0 >= 1 } ?? (rowEnds.indices.min { rowEnds[$0] < rowEnds[$1] } ?? 0)
                rowEnds[row] = cluster.x + half
                let y = eventTop + 10 + Double(row) * 11
                out += "<text x=\"\(c(cluster.x))\" y=\"\(c(y))\" text-anchor=\"middle\">\(label)</text>\n"
            }
            if let first = plotAreas.first {
                for cluster in clusters {
                    out += "<line x1=\"\(c(cluster.x))\" y1=\"\(c(eventTop + Self.eventBand - 2))\" x2=\"\(c(cluster.x))\" y2=\"\(c(first.top))\" stroke=\"\(ChartPalette.event)\" stroke-width=\"0.8\" stroke-dasharray=\"1 2\"/>\n"
                }
            }
            out += "</g>\n"
        }
        var lineY = top + 6
        if !keyLines.isEmpty {
            out += "<g class=\"event-key\" fill=\"\(ChartPalette.event)\" font-size=\"10.5\">\n"
            for line in keyLines {
                out += "<text x=\"\(c(plotLeft - 60))\" y=\"\(c(lineY))\" xml:space=\"preserve\">\(e(line))</text>\n"
                lineY += 14
            }
            out += "</g>\n"
        }
        if !noteLines.isEmpty {
            out += "<g class=\"notes\" fill=\"#555555\" font-size=\"10.5\">\n"
            for line in noteLines {
                out += "<text x=\"\(c(plotLeft - 60))\" y=\"\(c(lineY))\" xml:space=\"preserve\">\(e(line))</text>\n"
                lineY += 14
            }
            out += "</g>\n"
        }
        return out + "</svg>\n"
    }

    /// Text cut to `limit` characters with an ellipsis (the full text stays in `<title>` and `<desc>`).
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    /// One swatch per distinct line and band name, and one for events, in one row (wrapped when long).
    func legend(y: Double) -> String {
        let c = SVGText.coordinate
        let e = SVGText.escape
        var entries: [(kind: String, colour: String, opacity: Double, dashed: Bool, name: String)] = []
        for panel in panels {
            for band in panel.bands where !entries.contains(where: { $0.name == band.name }) { entries.append(("band", band.colour, band.opacity, false, band.name)) }
            for line in panel.lines where !entries.contains(where: { $0.name == line.name }) { entries.append(("line", line.colour, 1, line.dashed, line.name)) }
            if !panel.spans.isEmpty && !entries.contains(where: { $0.kind == "span" }) { entries.append(("span", "#999999", 0.22, false, "95% interval of the break date")) }
            if !panel.marks.isEmpty && !entries.contains(where: { $0.kind == "mark" }) { entries.append(("mark", "#F4A582", 0.55, false, "flagged period")) }
        }
        if !events.isEmpty { entries.append(("event", ChartPalette.event, 1, true, "sanction event (numbered, key below)")) }
        guard !entries.isEmpty else { return "" }
        var out = "<g class=\"legend\" fill=\"\(ChartPalette.ink)\" font-size=\"11\">\n"
        var x = Self.left
        for entry in entries {
            let label = entry.name.count > 48 ? String(entry.name.prefix(47)) + "…" : entry.name
            let widthNeeded = 22 + Double(label.count) * 6
            if x + widthNeeded > Self.width - Self.right { break }
            switch entry.kind {
            case "line", "event":
                out += "<line x1=\"\(c(x))\" y1=\"\(c(y - 4))\" x2=\"\(c(x + 16))\" y2=\"\(c(y - 4))\" stroke=\"\(entry.colour)\" stroke-width=\"2.2\"\(entry.dashed ? " stroke-dasharray=\"4 3\"" : "")/>"
            case "mark":
                out += "<circle cx=\"\(c(x + 8))\" cy=\"\(c(y - 4))\" r=\"5.00\" fill=\"\(entry.colour)\" fill-opacity=\"0.55\" stroke=\"#D6604D\"/>"
            default:
                out += "<rect x=\"\(c(x))\" y=\"\(c(y - 10))\" width=\"16.00\" height=\"11.00\" fill=\"\(entry.colour)\" fill-opacity=\"\(c(max(entry.opacity, 0.25)))\"/>"
            }
            out += "<text x=\"\(c(x + 20))\" y=\"\(c(y))\">\(e(label))</text>\n"
            x += widthNeeded + 12
        }
        return out + "</g>\n"
    }
}
