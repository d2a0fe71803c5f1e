import Foundation
import Testing
import TradeDomain
import _TestSupport
@testable import Reports

/// The coal figures of the bundled data (HS 2701, KITA/GAC via the sources in Data/sources.csv),
/// 2013-2016, with 2014's quantity removed to exercise a gap; UNSCR-2321 at its real date.
private func coalChart(highlights: [LineChart.Highlight] = []) throws -> LineChart {
    let quantities: [(Int, Double?)] = [(2013, 16_494_000), (2014, nil), (2015, 19_600_000), (2016, 22_480_000)]
    return LineChart(
        title: "Coal (HS 2701): quantity", summary: "Tonnes imported by China from the DPRK, 2013-2016.",
        xLabel: "Year", yLabel: "Quantity (t)", valueUnit: "t",
        series: [.init(name: "HS 2701", points: quantities.map { .init(period: Period(year: $0.0), value: $0.1) })],
        markers: [.init(date: try CalendarDate(year: 2016, month: 11, day: 30), label: "UNSCR-2321", detail: "coal cap")],
        highlights: highlights)
}

@Suite("SVG charts")
struct ChartsTests {
    @Test("markup characters from data are escaped")
    func escaping() {
        #expect(SVGText.escape("<script>alert('x') & \"y\"</script>") == "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;")
        let chart = LineChart(
            title: "<script>alert(1)</script>", summary: "<b>", xLabel: "Year", yLabel: "Value (USD)", valueUnit: "USD",
            series: [.init(name: "<script>", points: [.init(period: Period(year: 2015), value: 1)])],
            markers: [.init(x: 2015.2, label: "<img src=x onerror=alert(1)>", detail: "</desc>")])
        let svg = chart.svg(id: "x\"><script>")
        #expect(!svg.contains("<script"))
        #expect(!svg.contains("<img"))
        #expect(!svg.contains("<b>"))
        #expect(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let pie = PieChart(title: "t", summary: "s", valueUnit: "USD", slices: [
            .init(id: "\"><script>", label: "<script>", value: 1, children: [.init(id: "c", label: "<i>", value: 1)]),
        ])
        #expect(!pie.svg().contains("<script"))
        #expect(!(pie.drillDownSVG(for: "\"><script>", id: "d") ?? "<i>").contains("<i>"))
    }

    @Test("periods sit at their midpoints, days at their start")
    func chartTime() throws {
        // Hand calculation: annual 2015 spans 12 months, midpoint 2015 + 6/12.
        expectClose(ChartTime.position(Period(year: 2015)), 2015.5, rtol: 0, atol: 1e-12)
        // March 2017: (3 - 1 + 0.5) / 12 = 0.208333...
        expectClose(ChartTime.position(try Period(year: 2017, month: 3)), 2017 + 2.5 / 12, rtol: 0, atol: 1e-12)
        // 2017-08-05 is day 217 of a 365-day year: 2017 + 216/365.
        expectClose(ChartTime.position(try CalendarDate(year: 2017, month: 8, day: 5)), 2017 + 216.0 / 365, rtol: 0, atol: 1e-12)
        // 2016-12-31 is day 366 of a leap year: 2016 + 365/366.
        expectClose(ChartTime.position(try CalendarDate(year: 2016, month: 12, day: 31)), 2016 + 365.0 / 366, rtol: 0, atol: 1e-12)
    }

    @Test("axis ticks are 1-2-5 steps from zero")
    func axisScale() {
        // 22,480,000 / 5 = 4,496,000 -> next nice step 5,000,000; top 25,000,000.
        let scale = AxisScale(minimum: 16_494_000, maximum: 22_480_000)
        #expect(scale.ticks == [0, 5e6, 10e6, 15e6, 20e6, 25e6])
        // 58.67 / 5 = 11.7 -> step 20; ticks 0..60.
        #expect(AxisScale(minimum: 47.19, maximum: 58.67).ticks == [0, 20, 40, 60])
        #expect(AxisScale(minimum: 0, maximum: 0).ticks == [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1])
        #expect(SVGText.compact(1_500_000_000) == "1.5bn")
        #expect(SVGText.compact(25_000_000) == "25m")
        #expect(SVGText.compact(60) == "60")
    }

    @Test("line chart: positions by hand, a gap at the missing year, a marker at the effective date")
    func lineChartGeometry() throws {
        let svg = try coalChart().svg(id: "q")
        // x: midpoints 2013.5..2016.5, padded by half a year: 2013.0..2017.0 over 78..736 (658 px).
        // 2015.5 -> 78 + 2.5/4 * 658 = 489.25. y: the plot starts at 44 + 34 (room for event numbers)
        // and is 234 px high, so the axis 0..25e6 runs over 312..78; 19,600,000 -> 312 - 19.6/25 * 234 = 128.544.
        #expect(svg.contains("cx=\"489.25\" cy=\"128.54\""))
        // 2013 -> x 78 + 0.5/4*658 = 160.25, y 312 - 16.494/25*234 = 157.61616; 2016 -> 653.75, 312 - 210.4128 = 101.5872.
        // The missing 2014 breaks the line: the path restarts with M at 2015.
        #expect(svg.contains("d=\"M160.25 157.62 M489.25 128.54 L653.75 101.59\""))
        // The drawing is 44 + 34 + 234 + 62 + 14 (one key line) = 388 high.
        #expect(svg.contains("viewBox=\"0 0 760.00 388.00\""))
        #expect(svg.contains("Events: 1 UNSCR-2321"))
        // UNSCR-2321, adopted and effective 2016-11-30 (Data/sanctions): day 335 of a leap year,
        // 2016 + 334/366 = 2016.912568; x = 78 + 3.912568/4 * 658 = 721.6175.
        #expect(svg.contains("x1=\"721.62\""))
        #expect(svg.contains("<title id=\"q-title\">Coal (HS 2701): quantity</title>"))
        #expect(svg.contains("<desc id=\"q-desc\">"))
        #expect(svg.contains("Quantity (t)"))
        #expect(svg == (try coalChart().svg(id: "q")))
    }

    @Test("pie chart: arcs by hand and drill-down data")
    func pieGeometry() {
        let pie = PieChart(title: "Composition", summary: "s", valueUnit: "USD", slices: [
            .init(id: "XII", label: "Section XII", value: 75, children: [.init(id: "67", label: "Chapter 67", value: 75)]),
            .init(id: "unspecified", label: "Unspecified", value: 25, isResidual: true),
        ])
        let svg = pie.svg(id: "p")
        // 75% ends at 270 degrees clockwise from 12 o'clock: (190 - 150, 200) with the large-arc flag.
        #expect(svg.contains("d=\"M190.00 200.00 L190.00 50.00 A150.00 150.00 0 1 1 40.00 200.00 Z\""))
        // The last 25% runs from 270 to 360 degrees, back to (190, 50), small arc.
        #expect(svg.contains("L40.00 200.00 A150.00 150.00 0 0 1 190.00 50.00 Z"))
        #expect(svg.contains("data-drill=\"XII\""))
        #expect(!svg.contains("data-drill=\"unspecified\""))
        #expect(svg.contains("Section XII: USD 0.0m (75.0%)"))
        // A single child is the whole pie: a circle.
        let drill = pie.drillDownSVG(for: "XII", id: "d")
        #expect(drill?.contains("<circle class=\"slice\" id=\"d-slice-67\"") == true)
        #expect(pie.drillDownSVG(for: "unspecified", id: "d") == nil)
    }

    @Test("stacked bars: heights add up")
    func stackedBars() {
        let chart = StackedBarChart(
            title: "Sanctioned and other goods", summary: "s", yLabel: "Value (USD)", valueUnit: "USD",
            categories: ["2016", "2017"],
            layers: [.init(name: "sanctioned", values: [60, nil]), .init(name: "other", values: [40, 50], isResidual: true)])
        let svg = chart.svg(id: "b")
        // Axis 0..100 (step 20) over 278..44: 60 -> height 0.6*234 = 140.4; 40 -> 93.6 stacked on top.
        // Two slots of 658/2 = 329 px; bars 0.62 * 329 = 203.98 wide.
        #expect(svg.contains("y=\"137.60\" width=\"203.98\" height=\"140.40\""))
        #expect(svg.contains("y=\"44.00\" width=\"203.98\" height=\"93.60\""))
        #expect(svg.contains("2017, sanctioned: not reported"))
    }

    @Test("SVG output is stable", arguments: ["line", "line-highlight", "pie", "pie-drill", "bars"])
    func snapshots(kind: String) throws {
        let pie = PieChart(title: "Composition 2023", summary: "Two slices.", valueUnit: "USD", slices: [
            .init(id: "XII", label: "Section XII: Footwear, headgear", value: 167_000_000,
                  children: [.init(id: "67", label: "67 Prepared feathers; artificial flowers; articles of human hair", value: 167_000_000)]),
            .init(id: "unspecified", label: "Unspecified", value: 124_890_000, isResidual: true),
        ])
        let svg: String
        switch kind {
        case "line": svg = try coalChart().svg(id: "line")
        case "line-highlight":
            svg = try coalChart(highlights: [.init(x: 2015.5, value: 19_600_000, note: "sources disagree")]).svg(id: "lh")
        case "pie": svg = pie.svg(id: "pie")
        case "pie-drill": svg = pie.drillDownSVG(for: "XII", id: "drill") ?? ""
        default:
            svg = StackedBarChart(
                title: "Sanctioned and other goods", summary: "s", yLabel: "Value (USD)", valueUnit: "USD",
                categories: ["2016", "2017"],
                layers: [.init(name: "sanctioned", values: [60, nil]), .init(name: "other", values: [40, 50], isResidual: true)]).svg(id: "bars")
        }
        expectSnapshot(svg, named: "chart-\(kind).svg")
    }
}
