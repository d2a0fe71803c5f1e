import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport
@testable import Reports

/// One element of a parsed SVG with the attributes of its enclosing panel and line groups.
struct SVGElement {
    let name: String
    let attributes: [String: String]
    let panel: [String: String]?
    let line: [String: String]?
    var text = ""
}

/// Parses SVG (or any XML) with Foundation's XMLParser; `nil` when it is not well-formed.
final class SVGDocument: NSObject, XMLParserDelegate {
    private(set) var elements: [SVGElement] = []
    private var stack: [(name: String, attributes: [String: String])] = []
    private var open: [Int] = []

    static func parse(_ text: String) -> SVGDocument? {
        let document = SVGDocument()
        let parser = XMLParser(data: Data(text.utf8))
        parser.delegate = document
        return parser.parse() ? document : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        let panel = stack.last { $0.name == "g" && $0.attributes["class"] == "panel" }?.attributes
        let line = stack.last { $0.name == "g" && $0.attributes["class"] == "line" }?.attributes
        stack.append((name, attributes))
        elements.append(SVGElement(name: name, attributes: attributes, panel: panel, line: line))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
        open.removeLast()
    }

    func all(_ name: String, class className: String? = nil) -> [SVGElement] {
        elements.filter { $0.name == name && (className == nil || $0.attributes["class"] == className) }
    }
}

/// Maps pixels of a panel back to decimal years and values with the panel's `data-*` attributes.
struct PanelMapping {
    let px0, px1, t0, t1, py0, py1, v0, v1: Double
    let logarithmic: Bool

    init(_ attributes: [String: String]) throws {
        func number(_ key: String) throws -> Double {
            let text = attributes[key] ?? ""
            return try #require(Double(text), "\(key) is not a number: \(text)")
        }
        (px0, px1, t0, t1) = (try number("data-px0"), try number("data-px1"), try number("data-t0"), try number("data-t1"))
        (py0, py1, v0, v1) = (try number("data-py0"), try number("data-py1"), try number("data-v0"), try number("data-v1"))
        logarithmic = attributes["data-scale"] == "log"
    }

    func time(_ x: Double) -> Double { t0 + (x - px0) / (px1 - px0) * (t1 - t0) }

    func value(_ y: Double) -> Double {
        let fraction = (y - py0) / (py1 - py0)
        return logarithmic ? pow(10, log10(v0) + fraction * (log10(v1) - log10(v0))) : v0 + fraction * (v1 - v0)
    }

    /// The value error of a coordinate written with two decimals (half of 0.01 px), at value `v`.
    func valueTolerance(at v: Double) -> Double {
        let perPixel = logarithmic ? abs(v) * log(10) * (log10(v1) - log10(v0)) / abs(py1 - py0) : (v1 - v0) / abs(py1 - py0)
        return 0.005 * perPixel * 1.01
    }

    /// The time error of a coordinate written with two decimals.
    var timeTolerance: Double { 0.005 * (t1 - t0) / (px1 - px0) * 1.01 }
}

func pairs(_ points: String) -> [(Double, Double)] {
    points.split(separator: " ").map { pair in
        let parts = pair.split(separator: ",").compactMap { Double($0) }
        return (parts[0], parts[1])
    }
}

/// A synthetic monthly series (seeded generator, not data): a trend with noise, 2015-01 to 2017-12,
/// with four months missing (2015-07, 2016-02, 2016-03, 2017-10).
func syntheticMonthly() throws -> TimeSeries<Double> {
    var random = PropertyRandom(seed: 20_261_204)
    let start = try Period(year: 2015, month: 1)
    let missing: Set<Int> = [6, 13, 14, 33]
    let values: [Double?] = (0..<36).map { k in missing.contains(k) ? nil : 1000 + 12 * Double(k) + 80 * (random.unit() - 0.5) }
    return TimeSeries(start: start, values: values)
}

/// Runs of consecutive non-missing entries.
func runs<T>(_ values: [T?]) -> Int {
    var count = 0, previous = false
    for value in values {
        if value != nil && !previous { count += 1 }
        previous = value != nil
    }
    return count
}

@Suite("Analysis charts (trend, breaks, anomalies, decompose, forecast, index)")
struct AnalysisChartsTests {
    @Test("trend: the band polygons map back to the fit's confidence interval; one polygon per run of observed months")
    func trendBand() throws {
        let series = try syntheticMonthly()
        let fit = try TrendSpecification(model: .linear).fit(series)
        let band = try #require(fit.confidenceBand())
        let chart = try AnalysisCharts.trend(fit, series: series, label: "synthetic", yLabel: "Value (USD)")
        let svg = try #require(SVGDocument.parse(chart.svg()), "not well-formed XML")
        let polygons = svg.all("polygon", class: "band").filter { $0.attributes["data-role"] == "trend-ci" }
        #expect(polygons.count == runs(series.values))
        let byTime = Dictionary(uniqueKeysWithValues: band.map { (ChartTime.position($0.period), $0) })
        var checked = 0
        for polygon in polygons {
            let mapping = try PanelMapping(try #require(polygon.panel))
            let points = pairs(try #require(polygon.attributes["points"]))
            let half = points.count / 2
            for (k, (x, y)) in points.enumerated() {
                let time = mapping.time(x)
                let match = try #require(byTime.first { abs($0.key - time) <= mapping.timeTolerance }?.value, "no band point at \(time)")
                let expected = k < half ? match.upper : match.lower
                expectClose(mapping.value(y), expected, rtol: 0, atol: mapping.valueTolerance(at: expected), "band \(match.period) \(k < half ? "upper" : "lower")")
                checked += 1
            }
        }
        #expect(checked == 2 * band.count)
    }

    @Test("trend on a log scale: the band still maps back, and the fit line's points are the fitted values")
    func trendLogScale() throws {
        let series = try syntheticMonthly()
        let fit = try TrendSpecification(model: .logLinear).fit(series)
        let band = try #require(fit.confidenceBand())
        let chart = try AnalysisCharts.trend(fit, series: series, label: "synthetic", yLabel: "Value (USD)", display: .init(scale: .logarithmic))
        let svg = try #require(SVGDocument.parse(chart.svg()))
        let polygon = try #require(svg.all("polygon", class: "band").first)
        let mapping = try PanelMapping(try #require(polygon.panel))
        #expect(mapping.logarithmic)
        let points = pairs(try #require(polygon.attributes["points"]))
        expectClose(mapping.value(points[0].1), band[0].upper, rtol: 0, atol: mapping.valueTolerance(at: band[0].upper), "first upper")
        let fitPaths = svg.all("path", class: "segment").filter { $0.line?["data-role"] == "fit" }
        let first = try #require(fitPaths.first?.attributes["d"]?.dropFirst().split(separator: " ").prefix(2).compactMap { Double($0) })
        expectClose(mapping.value(first[1]), band[0].fitted, rtol: 0, atol: mapping.valueTolerance(at: band[0].fitted), "first fitted")
    }

    @Test("every observed value is drawn as a point; each gap starts a new path")
    func pointsAndGaps() throws {
        let series = try syntheticMonthly()
        let fit = try TrendSpecification(model: .linear).fit(series)
        let svg = try #require(SVGDocument.parse(try AnalysisCharts.trend(fit, series: series, label: "synthetic", yLabel: "USD").svg()))
        let points = svg.all("circle", class: "point")
        #expect(points.map { $0.attributes["data-period"] ?? "" } == series.observations.map(\.period.description))
        let mapping = try PanelMapping(try #require(points.first?.panel))
        for (point, observation) in zip(points, series.observations) {
            let cy = try #require(Double(point.attributes["cy"] ?? ""))
            let cx = try #require(Double(point.attributes["cx"] ?? ""))
            expectClose(mapping.value(cy), observation.value, rtol: 0, atol: mapping.valueTolerance(at: observation.value), "point \(observation.period)")
            expectClose(mapping.time(cx), ChartTime.position(observation.period), rtol: 0, atol: mapping.timeTolerance, "x of \(observation.period)")
        }
        let seriesPaths = svg.all("path", class: "segment").filter { $0.line?["data-role"] == "series" }
        #expect(seriesPaths.count == runs(series.values))
    }

    @Test("breaks: interval rectangles span the ends of the interval's periods, rules sit at the end of the break period, segment means drawn")
    func breakIntervals() throws {
        // Synthetic (seeded): three regimes with means 10, 20, 14 over 2000-2029.
        var random = PropertyRandom(seed: 7)
        let values: [Double?] = (0..<30).map { k in (k < 10 ? 10.0 : (k < 20 ? 20.0 : 14.0)) + 2 * (random.unit() - 0.5) }
        let series = TimeSeries(start: Period(year: 2000), values: values)
        let breakpoints = try BreakpointSpecification(minimumSegment: .observations(4)).fit(series)
        try #require(breakpoints.breaks.count == 2)
        let chart = try AnalysisCharts.breaks(.baiPerron(breakpoints), series: series, label: "synthetic", yLabel: "USD")
        let svg = try #require(SVGDocument.parse(chart.svg()))
        let spans = svg.all("rect", class: "span")
        #expect(spans.count == 2)
        for (span, estimate) in zip(spans, breakpoints.breaks) {
            let mapping = try PanelMapping(try #require(span.panel))
            let x = try #require(Double(span.attributes["x"] ?? "")), width = try #require(Double(span.attributes["width"] ?? ""))
            let lower = try #require(estimate.lowerPeriod), upper = try #require(estimate.upperPeriod)
            expectClose(mapping.time(x), AnalysisCharts.end(lower), rtol: 0, atol: mapping.timeTolerance, "interval start")
            expectClose(mapping.time(x + width), AnalysisCharts.end(upper), rtol: 0, atol: 2 * mapping.timeTolerance, "interval end")
            #expect(AnalysisCharts.end(Period(year: 2009)) == 2010)
        }
        let rules = svg.all("g", class: "rule").compactMap { $0.attributes["data-x"].flatMap(Double.init) }
        #expect(rules == breakpoints.breaks.map { AnalysisCharts.end($0.period!) })
        let means = svg.all("path", class: "segment").filter { $0.line?["data-role"] == "segment-fit" }
        #expect(means.count == 3)
        let mapping = try PanelMapping(try #require(means.first?.panel))
        for (path, segment) in zip(means, breakpoints.segments) {
            let y = try #require(path.attributes["d"]?.dropFirst().split(separator: " ").compactMap { Double($0) }[1])
            let mean = try #require(segment.coefficients.first)
            expectClose(mapping.value(y), mean, rtol: 0, atol: mapping.valueTolerance(at: mean), "segment mean")
        }
    }

    @Test("forecast: the 80% band lies inside the 95% band and both map back to the intervals")
    func forecastFan() throws {
        var random = PropertyRandom(seed: 11)
        let series = TimeSeries(start: Period(year: 2000), values: (0..<20).map { k in Optional(100 + 5 * Double(k) + 6 * (random.unit() - 0.5)) })
        let fit = try ExponentialSmoothingSpecification(trend: .additive).fit(series)
        let wide = try fit.forecast(horizon: 4, level: 0.95), inner = try fit.forecast(horizon: 4, level: 0.8)
        let chart = try AnalysisCharts.forecast(wide, inner: inner, history: series, label: "synthetic", yLabel: "USD", model: "ETS")
        let svg = try #require(SVGDocument.parse(chart.svg()))
        let outer = try #require(svg.all("polygon").first { $0.attributes["data-role"] == "pi-95" })
        let middle = try #require(svg.all("polygon").first { $0.attributes["data-role"] == "pi-80" })
        let mapping = try PanelMapping(try #require(outer.panel))
        let o = pairs(outer.attributes["points"]!), m = pairs(middle.attributes["points"]!)
        for h in 0..<4 {
            expectClose(mapping.value(o[h].1), wide.intervals[h].upper, rtol: 0, atol: mapping.valueTolerance(at: wide.intervals[h].upper), "95 upper \(h)")
            expectClose(mapping.value(m[h].1), inner.intervals[h].upper, rtol: 0, atol: mapping.valueTolerance(at: inner.intervals[h].upper), "80 upper \(h)")
            #expect(m[h].1 >= o[h].1, "80% upper below the 95% upper (pixels grow downwards)")
            #expect(m[7 - h].1 <= o[7 - h].1)
        }
    }

    @Test("index-base rebases the series to 100 in the base period; a base without data is refused")
    func indexBase() throws {
        let series = try syntheticMonthly()
        let fit = try TrendSpecification(model: .linear).fit(series)
        let base = try Period(year: 2016, month: 1)
        let chart = try AnalysisCharts.trend(fit, series: series, label: "synthetic", yLabel: "USD", display: .init(indexBase: base))
        let svg = try #require(SVGDocument.parse(chart.svg()))
        let point = try #require(svg.all("circle", class: "point").first { $0.attributes["data-period"] == "2016-01" })
        expectClose(try #require(Double(point.attributes["data-value"] ?? "")), 100, rtol: 1e-12, atol: 0, "base value")
        #expect(throws: ReportsError.self) {
            try AnalysisCharts.trend(fit, series: series, label: "s", yLabel: "USD", display: .init(indexBase: try Period(year: 2016, month: 2)))
        }
        let negative = TimeSeries<Double>(start: Period(year: 2000), values: [3.0, -1.0, 4.0, 5.0, 6.0])
        #expect(throws: ReportsError.self) {
            try AnalysisCharts.trend(try TrendSpecification(model: .linear).fit(negative), series: negative, label: "s", yLabel: "USD", display: .init(scale: .logarithmic))
        }
    }

    @Test("decomposition panels share one time axis; events are numbered in time order with a printed key")
    func decompositionPanelsAndEvents() throws {
        var random = PropertyRandom(seed: 3)
        let start = try Period(year: 2012, month: 1)
        let values: [Double?] = (0..<60).map { k in Optional(50 + 0.3 * Double(k) + 8 * sin(Double(k) * .pi / 6) + (random.unit() - 0.5)) }
        let stl = try STLSpecification().fit(TimeSeries(start: start, values: values))
        let events = [TimeChart.Event(date: try CalendarDate(year: 2016, month: 2, day: 1), id: "B-EVENT", what: "ban on test goods"),
                      TimeChart.Event(date: try CalendarDate(year: 2013, month: 6, day: 15), id: "A-EVENT", what: "cap on test goods"),
                      TimeChart.Event(date: try CalendarDate(year: 2030, month: 1, day: 1), id: "LATER", what: "outside the chart")]
        let chart = AnalysisCharts.decomposition(stl, label: "synthetic", yLabel: "USD", events: events)
        let svg = try #require(SVGDocument.parse(chart.svg()))
        let panels = svg.all("g", class: "panel")
        #expect(panels.map { $0.attributes["data-panel"] ?? "" } == ["Observed", "Trend", "Seasonal", "Remainder"])
        #expect(Set(panels.map { "\($0.attributes["data-px0"]!) \($0.attributes["data-t0"]!) \($0.attributes["data-px1"]!) \($0.attributes["data-t1"]!)" }).count == 1)
        let key = svg.all("text").filter { $0.text.contains("-EVENT") }.map(\.text)
        #expect(key.count == 2)
        #expect(key.first?.hasPrefix("1  2013-06-15  A-EVENT: cap on test goods") == true)
        #expect(key.last?.hasPrefix("2  2016-02-01  B-EVENT") == true)
        #expect(svg.all("line", class: "event").count == 2 * 4, "one event line per event and panel")
    }

    @Test("every chart kind is well-formed XML and names no external resource; the page too")
    func wellFormedAndSelfContained() throws {
        let series = try syntheticMonthly()
        var noise = PropertyRandom(seed: 5)
        let completeValues: [Double?] = (0..<20).map { k in 10 + 2 * noise.unit() + (k >= 10 ? 6 : 0) }
        let complete = TimeSeries(start: Period(year: 2000), values: completeValues)
        var basket: [BasketObservation] = []
        for year in 2010...2014 {
            let k = Double(year - 2010)
            basket.append(BasketObservation(period: Period(year: year), code: "2701", value: 100 + 10 * k, quantity: 50 + k))
            basket.append(BasketObservation(period: Period(year: year), code: "2601", value: 80 - 5 * k, quantity: 40))
        }
        let charts: [TimeChart] = [
            try AnalysisCharts.trend(try TrendSpecification(model: .theilSen).fit(series), series: series, label: "<synthetic & \"quoted\">", yLabel: "USD"),
            try AnalysisCharts.breaks(.cusum(try FluctuationProcessSpecification(type: .olsCUSUM).fit(complete)), series: complete, label: "s", yLabel: "USD"),
            try AnalysisCharts.breaks(.supF(try FStatisticsSpecification().fit(complete)), series: complete, label: "s", yLabel: "USD"),
            try AnalysisCharts.breaks(.pelt(try PELTSpecification().fit(complete)), series: complete, label: "s", yLabel: "USD"),
            try AnalysisCharts.anomalies([], series: series, label: "s", yLabel: "USD", method: "robust z"),
            try AnalysisCharts.index(try UnitValueIndexSpecification(formula: .fisher).compute(basket), label: "basket"),
        ]
        for chart in charts {
            let svg = chart.svg()
            #expect(SVGDocument.parse(svg) != nil, "\(chart.title) is not well-formed")
            let urls: Int = svg.components(separatedBy: "http").count - 1
            let namespaces: Int = svg.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1
            #expect(urls == namespaces, "\(chart.title) names an external URL")
            #expect(!svg.contains("href"))
        }
        let manifest = RunManifest(tool: "tradescope", version: "test", commandLine: ["tradescope", "trend"], inputs: [], sanctionsCalendar: "none", parameters: [])
        let page: String = AnalysisPage(title: "<T>", selection: "s", lines: ["a"], charts: charts, blocks: [.preformatted("a < b")], manifest: manifest).html()
        let urlCount: Int = page.components(separatedBy: "://").count - 1
        #expect(urlCount == charts.count, "no URL but the SVG namespace")
        #expect(!page.contains("src=") && !page.contains("href=") && !page.contains("@import") && !page.contains("url("))
        #expect(page.contains("&lt;T&gt;") && page.contains("a &lt; b"))
    }
}
