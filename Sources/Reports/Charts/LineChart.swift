import Foundation
import TradeDomain

/// A line chart of one measure over time as deterministic SVG: one or more
/// series (missing points leave gaps), axis labels with units, event markers as
/// labelled vertical lines, and highlighted points (anomalies, disputed figures).
///
/// The chart draws what it is given and computes no statistics: event dates and
/// highlighted periods come from the caller's results. Output has a fixed
/// `viewBox`, coordinates with two decimals and no timestamps, so the same input
/// gives the same bytes. Every text from data is escaped.
public struct LineChart: Sendable, Equatable {
    /// One point of a series: a position on the time axis, a label and a value (`nil` = missing).
    public struct Point: Sendable, Equatable {
        /// The horizontal position in decimal years (see ``ChartTime``).
        public let x: Double
        /// The period as shown in hover text and on the axis ("2015").
        public let label: String
        /// The value, or `nil` when missing (drawn as a gap).
        public let value: Double?

        /// - Parameters:
        ///   - x: The position in decimal years.
        ///   - label: The period label.
        ///   - value: The value; `nil` when missing.
        public init(x: Double, label: String, value: Double?) {
            self.x = x
            self.label = label
            self.value = value
        }

        /// A point at a period's midpoint, labelled with the period.
        ///
        /// - Parameters:
        ///   - period: The period of the figure.
        ///   - value: The value; `nil` when missing.
        public init(period: Period, value: Double?) {
            self.init(x: ChartTime.position(period), label: period.description, value: value)
        }
    }

    /// A named line.
    public struct Series: Sendable, Equatable {
        /// The legend name.
        public let name: String
        /// The points in time order.
        public let points: [Point]

        /// - Parameters:
        ///   - name: The legend name.
        ///   - points: The points in time order.
        public init(name: String, points: [Point]) {
            self.name = name
            self.points = points
        }
    }

    /// A dated event drawn as a vertical line with a label.
    public struct Marker: Sendable, Equatable {
        /// The position in decimal years.
        public let x: Double
        /// The short label drawn beside the line ("UNSCR-2371").
        public let label: String
        /// A longer text for hover and screen readers.
        public let detail: String
        /// The tag drawn above the line and in the key ("3", "b1"); `nil`: the marker's place in time
        /// order among the visible markers. A report gives its events fixed tags so that an event has
        /// the same number in every chart.
        public let tag: String?
        /// The key's text for the marker, printed below the chart (what the event did and when);
        /// `nil`: the label. A marker with a key text gets a key line of its own.
        public let key: String?

        /// - Parameters:
        ///   - x: The position in decimal years.
        ///   - label: The short label.
        ///   - detail: The hover text.
        ///   - tag: The fixed tag; `nil` (default) numbers markers in time order.
        ///   - key: The key text; `nil` (default) uses the label.
        public init(x: Double, label: String, detail: String, tag: String? = nil, key: String? = nil) {
            self.x = x
            self.label = label
            self.detail = detail
            self.tag = tag
            self.key = key
        }

        /// A marker at the start of a day.
        ///
        /// - Parameters:
        ///   - date: The day (for sanctions, `SanctionEvent.effectiveDate`).
        ///   - label: The short label.
        ///   - detail: The hover text.
        ///   - tag: The fixed tag; `nil` (default) numbers markers in time order.
        ///   - key: The key text; `nil` (default) uses the label.
        public init(date: CalendarDate, label: String, detail: String, tag: String? = nil, key: String? = nil) {
            self.init(x: ChartTime.position(date), label: label, detail: "\(date): \(detail)", tag: tag, key: key)
        }
    }

    /// A point drawn with a shaded halo and a note (an anomaly flag, a disputed figure).
    public struct Highlight: Sendable, Equatable {
        /// The position in decimal years.
        public let x: Double
        /// The value at that point.
        public let value: Double
        /// Why it is highlighted.
        public let note: String

        /// - Parameters:
        ///   - x: The position in decimal years.
        ///   - value: The value.
        ///   - note: Why it is highlighted.
        public init(x: Double, value: Double, note: String) {
            self.x = x
            self.value = value
            self.note = note
        }
    }

    /// The visible title, also the SVG `<title>`.
    public let title: String
    /// A sentence for screen readers (SVG `<desc>`).
    public let summary: String
    /// The horizontal axis label ("Year").
    public let xLabel: String
    /// The vertical axis label with its unit ("Quantity (t)").
    public let yLabel: String
    public let series: [Series]
    public let markers: [Marker]
    public let highlights: [Highlight]
    /// How values are written in hover text (defaults to grouped digits).
    public let valueUnit: String

    /// The drawing size in SVG units (the `viewBox`).
    public static let width = 760.0
    /// The height of the plotting area; the drawing grows above it for event
    /// numbers and below it for the event key.
    public static let plotHeight = 234.0
    static let left = 78.0, right = 24.0, top = 44.0, bottom = 62.0
    /// Extra room above the plot for staggered event numbers.
    static let markerBand = 34.0
    /// Characters per line of the event key.
    static let keyLineLength = 118

    /// The markers inside the horizontal range, in time order (the order of their numbers).
    var visibleMarkers: [Marker] {
        let (low, high) = xRange
        return markers.filter { $0.x >= low && $0.x <= high }.sorted { $0.x < $1.x }
    }

    /// The tag of the visible marker at `index`: its fixed tag, else its number in time order.
    func tag(_ index: Int, _ marker: Marker) -> String { marker.tag ?? String(index + 1) }

    /// The event key below the chart, wrapped: "1 UNSCR-2270 · 2 UNSCR-2321 ...". A marker with a
    /// key text has lines of its own, wrapped at word boundaries, so the key reads in print.
    var keyLines: [String] {
        var lines: [String] = []
        var line = ""
        let indent = "        "
        func add(_ entry: String) {
            if line.isEmpty { line = "Events: " + entry; return }
            if line.count + entry.count + 3 > Self.keyLineLength { lines.append(line); line = indent + entry } else { line += " · " + entry }
        }
        for (index, marker) in visibleMarkers.enumerated() {
            guard let key = marker.key else { add("\(tag(index, marker)) \(marker.label)"); continue }
            if !line.isEmpty { lines.append(line) }
            line = (lines.isEmpty ? "Events: " : indent) + tag(index, marker) + " "
            for word in key.split(separator: " ") {
                if line.count + word.count + 1 > Self.keyLineLength { lines.append(line); line = indent + "  " + word } else {
                    line += (line.hasSuffix(" ") ? "" : " ") + word
                }
            }
            lines.append(line)
            line = ""
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// The drawing height: plot, title, event band and key.
    public var height: Double {
        Self.top + (visibleMarkers.isEmpty ? 0 : Self.markerBand) + Self.plotHeight + Self.bottom + Double(keyLines.count) * 14
    }

    /// A chart.
    ///
    /// - Parameters:
    ///   - title: The title.
    ///   - summary: A sentence describing the chart for screen readers.
    ///   - xLabel: The horizontal axis label.
    ///   - yLabel: The vertical axis label, with its unit.
    ///   - valueUnit: The unit appended to values in hover text ("t", "USD", "USD/t").
    ///   - series: The lines.
    ///   - markers: Event markers; empty by default.
    ///   - highlights: Highlighted points; empty by default.
    public init(
        title: String, summary: String, xLabel: String, yLabel: String, valueUnit: String,
        series: [Series], markers: [Marker] = [], highlights: [Highlight] = []
    ) {
        self.title = title
        self.summary = summary
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.valueUnit = valueUnit
        self.series = series
        self.markers = markers
        self.highlights = highlights
    }

    /// The horizontal range: all points, padded by half a period-width on each side.
    var xRange: (Double, Double) {
        let xs = series.flatMap { $0.points.map(\.x) }
        guard var low = xs.min(), var high = xs.max() else { return (0, 1) }
        let sorted = Array(Set(xs)).sorted()
        let spacing = zip(sorted, sorted.dropFirst()).map { $1 - $0 }.min() ?? 1
        low -= spacing / 2
        high += spacing / 2
        return (low, high)
    }

    /// The chart as a standalone SVG document (no XML declaration, so it can be inlined in HTML).
    ///
    /// - Parameter id: A prefix for element ids, unique within a page.
    /// - Returns: `<svg ...>...</svg>` text.
    public func svg(id: String = "chart") -> String {
        let (width, height) = (Self.width, self.height)
        let visible = visibleMarkers
        let plotLeft = Self.left, plotRight = width - Self.right
        let plotTop = Self.top + (visible.isEmpty ? 0 : Self.markerBand), plotBottom = plotTop + Self.plotHeight
        let (xLow, xHigh) = xRange
        let values = series.flatMap { $0.points.compactMap(\.value) } + highlights.map(\.value)
        let scale = AxisScale(minimum: values.min() ?? 0, maximum: values.max() ?? 1)
        func px(_ x: Double) -> Double { plotLeft + (x - xLow) / (xHigh - xLow) * (plotRight - plotLeft) }
        func py(_ y: Double) -> Double { scale.position(y, from: plotBottom, to: plotTop) }
        let c = SVGText.coordinate
        let e = SVGText.escape
        let safeID = e(id)

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(safeID)-title \(safeID)-desc\" class=\"chart line-chart\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(safeID)-title\">\(e(title))</title>\n"
        out += "<desc id=\"\(safeID)-desc\">\(e(summary))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#FFFFFF\"/>\n"
        out += "<text x=\"\(c(plotLeft))\" y=\"22.00\" font-size=\"15\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\">\(e(title))</text>\n"
        // Grid and vertical axis.
        out += "<g class=\"y-axis\" fill=\"\(ChartPalette.ink)\">\n"
        for tick in scale.ticks {
            let y = py(tick)
            out += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(y))\" x2=\"\(c(plotRight))\" y2=\"\(c(y))\" stroke=\"\(ChartPalette.grid)\" stroke-width=\"1\"/>"
            out += "<text x=\"\(c(plotLeft - 6))\" y=\"\(c(y + 4))\" text-anchor=\"end\">\(e(SVGText.compact(tick)))</text>\n"
        }
        out += "<text transform=\"translate(16.00 \(c((plotTop + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(e(yLabel))</text>\n</g>\n"
        // Horizontal axis: one tick per distinct label, thinned to at most 12.
        var labelled: [(Double, String)] = []
        for point in series.flatMap(\.points) where !labelled.contains(where: { $0.1 == point.label }) {
            labelled.append((point.x, point.label))
        }
        labelled.sort { $0.0 < $1.0 }
        let stride = max(1, Int((Double(labelled.count) / 12).rounded(.up)))
        out += "<g class=\"x-axis\" fill=\"\(ChartPalette.ink)\">\n"
        out += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(plotBottom))\" x2=\"\(c(plotRight))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\"/>\n"
        for (index, tick) in labelled.enumerated() where index % stride == 0 {
            out += "<text x=\"\(c(px(tick.0)))\" y=\"\(c(plotBottom + 18))\" text-anchor=\"middle\">\(e(tick.1))</text>\n"
        }
        out += "<text x=\"\(c((plotLeft + plotRight) / 2))\" y=\"\(c(plotBottom + 36))\" text-anchor=\"middle\">\(e(xLabel))</text>\n</g>\n"
        // Event markers.
        // Event markers: a dashed line each, numbered above the plot; numbers too close
        // to an earlier one move up a row (three rows, then the lowest row again).
        if !visible.isEmpty {
            out += "<g class=\"markers\">\n"
            // Markers less than 3 px apart share a line and a label ("4,5").
            var clusters: [(x: Double, numbers: [String], details: [String])] = []
            for (index, marker) in visible.enumerated() {
                let x = px(marker.x)
                let tag = tag(index, marker)
                if let last = clusters.last, x - last.x < 3 {
                    clusters[clusters.count - 1].numbers.append(tag)
                    clusters[clusters.count - 1].details.append("\(tag): \(marker.detail)")
                } else {
                    clusters.append((x, [tag], ["\(tag): \(marker.detail)"]))
                }
            }
            var rowEnds = [-Double.infinity, -Double.infinity, -Double.infinity]
            for cluster in clusters {
                let label = cluster.numbers.joined(separator: ",")
                let halfWidth = Double(label.count) * 3 + 2
                let row = rowEnds.firstIndex { cluster.x - halfWidth - $0 >= 2 } ?? 0
                rowEnds[row] = cluster.x + halfWidth
                let labelY = plotTop - 6 - Double(row) * 11
                let detail = e(cluster.details.joined(separator: " | "))
                out += "<g class=\"marker\" data-label=\"\(detail)\"><title>\(detail)</title>"
                out += "<line x1=\"\(c(cluster.x))\" y1=\"\(c(labelY + 2))\" x2=\"\(c(cluster.x))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.event)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
                out += "<text x=\"\(c(cluster.x))\" y=\"\(c(labelY))\" text-anchor=\"middle\" font-size=\"10\" font-weight=\"bold\" fill=\"\(ChartPalette.event)\">\(label)</text></g>\n"
            }
            for (line, text) in keyLines.enumerated() {
                out += "<text x=\"\(c(plotLeft))\" y=\"\(c(plotBottom + Self.bottom + 4 + Double(line) * 14))\" font-size=\"10.5\" fill=\"\(ChartPalette.event)\" xml:space=\"preserve\">\(e(text))</text>\n"
            }
            out += "</g>\n"
        }
        // Highlights under the lines.
        if !highlights.isEmpty {
            out += "<g class=\"highlights\">\n"
            for highlight in highlights {
                out += "<circle cx=\"\(c(px(highlight.x)))\" cy=\"\(c(py(highlight.value)))\" r=\"9.00\" fill=\"#F4A582\" fill-opacity=\"0.6\" stroke=\"#D6604D\" stroke-width=\"1\"><title>\(e(highlight.note))</title></circle>\n"
            }
            out += "</g>\n"
        }
        // Lines with gaps at missing values, and a dot per value.
        for (index, line) in series.enumerated() {
            let colour = ChartPalette.colour(index)
            var path = ""
            var previousMissing = true
            for point in line.points {
                guard let value = point.value else { previousMissing = true; continue }
                path += (previousMissing ? (path.isEmpty ? "M" : " M") : " L") + "\(c(px(point.x))) \(c(py(value)))"
                previousMissing = false
            }
            out += "<g class=\"series\" data-series=\"\(e(line.name))\">\n"
            if !path.isEmpty {
                out += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\"/>\n"
            }
            for point in line.points {
                guard let value = point.value else { continue }
                let text = "\(line.name), \(point.label): \(NumberStyle.hoverValue(value)) \(valueUnit)"
                out += "<circle class=\"point\" cx=\"\(c(px(point.x)))\" cy=\"\(c(py(value)))\" r=\"3.50\" fill=\"\(colour)\" data-label=\"\(e(text))\"><title>\(e(text))</title></circle>\n"
            }
            out += "</g>\n"
        }
        // Legend when there is more than one line, or highlights to explain.
        var legendX = plotLeft
        let legendY = plotBottom + Self.bottom - 8
        if series.count > 1 || !highlights.isEmpty || !markers.isEmpty {
            out += "<g class=\"legend\" fill=\"\(ChartPalette.ink)\">\n"
            for (index, line) in series.enumerated() {
                out += "<rect x=\"\(c(legendX))\" y=\"\(c(legendY - 9))\" width=\"12.00\" height=\"4.00\" fill=\"\(ChartPalette.colour(index))\"/>"
                out += "<text x=\"\(c(legendX + 16))\" y=\"\(c(legendY - 4))\">\(e(line.name))</text>\n"
                legendX += 24 + Double(line.name.count) * 6.5
            }
            if !markers.isEmpty {
                out += "<line x1=\"\(c(legendX))\" y1=\"\(c(legendY - 12))\" x2=\"\(c(legendX))\" y2=\"\(c(legendY))\" stroke=\"\(ChartPalette.event)\" stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>"
                out += "<text x=\"\(c(legendX + 6))\" y=\"\(c(legendY - 4))\">event (see the key)</text>\n"
                legendX += 120
            }
            if !highlights.isEmpty {
                out += "<circle cx=\"\(c(legendX + 6))\" cy=\"\(c(legendY - 7))\" r=\"6.00\" fill=\"#F4A582\" fill-opacity=\"0.6\" stroke=\"#D6604D\"/>"
                out += "<text x=\"\(c(legendX + 16))\" y=\"\(c(legendY - 4))\">flagged point (hover for why)</text>\n"
            }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }
}
