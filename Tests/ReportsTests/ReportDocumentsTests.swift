import Foundation
import Testing
import TradeDomain
import TrendAnalysis
import _TestSupport
@testable import Reports

/// China's imports of HS 2701 from the DPRK, 2013-2016, as in Data/dprk_china.csv (KITA, GAC via
/// Bloomberg, NEWSPOSTSEVEN, NUMERICAL); 2015's value comes from one source and its tonnage from another.
private func coalReport(name: String = "coal", citationTitle: String = "N. Korea coal", citationDate: String = "2014") throws -> TradeReport {
    let china = try CountryCode("CHN"), dprk = try CountryCode("PRK"), coal = try CommodityCode(parsing: "2701")
    func row(_ year: Int, _ value: Double?, _ tonnes: Double?, _ source: String) -> TradeRecord {
        TradeRecord(period: Period(year: year), reporter: china, partner: dprk, flow: .import, commodity: coal,
                    value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: tonnes.map { Quantity(amount: $0, unit: .tonne) },
                    sourceID: source)
    }
    let records = [
        row(2013, 1_373_710_000, 16_494_000, "KITA_AJU_2014"), row(2014, 1_132_180_000, 15_430_000, "KITA_RFA_2015"),
        row(2015, nil, 19_600_000, "GAC_BLOOMBERG_IAC_2016-04"), row(2015, 1_100_000_000, nil, "NEWSPOSTSEVEN_2017-05"),
        row(2015, 925_000_000, nil, "NUMERICAL_2017"), row(2016, 1_180_000_000, 22_490_000, "CEIC_NIKKEI_2017"),
    ]
    let selection = TradeSelection(reporter: china, partner: dprk, flow: .import, commodity: coal)
    let series = try TradeSeriesBuilder().build(records, selection: selection)
    let event = SanctionEvent(
        // The real id and date (Data/sanctions); title and category carry markup to probe escaping.
        id: "UNSCR-2321", authority: "UNSC", adopted: try CalendarDate(year: 2016, month: 11, day: 30),
        partnerScope: "all UN member states", title: "<b>2321</b>",
        measures: [SanctionMeasure(direction: .export, action: .cap, category: "coal <script>x</script>", hsCodes: [try HSCode("2701")])])
    return TradeReport(
        table: SeriesTable(series: series, selectionLabel: "DPRK exports to China", valuation: "CIF, as reported by the importing country"),
        commodityName: name, calendar: SanctionCalendar(target: dprk, events: [event], origin: "Data/sanctions/sanctions_dprk.yaml"),
        provenance: "Where do the figures come from? China's customs statistics of imports from the DPRK (test).",
        citations: ["KITA_AJU_2014": SourceCitation(id: "KITA_AJU_2014", publisher: "Aju", title: citationTitle, date: citationDate, url: "https://example.org/a?b=1&c=2", excerpt: "")])
}

private let manifest = RunManifest(
    tool: "tradescope", version: "0.1.0", commandLine: ["tradescope", "report", "--format", "html", "--hs", "it's"],
    inputs: [.init(name: "dprk_china.csv", sha256: String(repeating: "ab", count: 32), bytes: 1234)],
    sanctionsCalendar: "sanctions/sanctions_dprk.yaml, 1 event", parameters: [.init(name: "hs", value: "2701")])

/// The 2017 composition by hand (see SectionCompositionTests): section V and a small chapter 44.
private func composition() throws -> CompositionChart {
    let china = try CountryCode("CHN"), dprk = try CountryCode("PRK")
    func row(_ code: String, _ value: Double) throws -> TradeRecord {
        TradeRecord(period: Period(year: 2017), reporter: china, partner: dprk, flow: .import, commodity: try CommodityCode(parsing: code),
                    value: MonetaryAmount(amount: value, currency: .usd), sourceID: "S")
    }
    let records = [try row("TOTAL", 1_720_000_000), try row("27", 421_339_878), try row("2601", 103_000_000), try row("44", 13_924_485)]
    let selection = TradeSelection(reporter: china, partner: dprk, flow: .import, commodity: .total)
    return CompositionChart(
        composition: try SectionComposition(records: records, selection: selection, period: Period(year: 2017), builder: TradeSeriesBuilder()),
        selectionLabel: "DPRK exports to China")
}

/// Sanctioned and other chapters by hand: 27 (touched by a 2701 ban) and 44, 2015-2017, with 2016 absent and 44 missing in 2015.
private func sanctionGroups() throws -> SanctionGroupChart {
    let event = SanctionEvent(id: "UNSCR-2371", authority: "UNSC", adopted: try CalendarDate(year: 2017, month: 8, day: 5), partnerScope: "all",
                              title: "ban", measures: [SanctionMeasure(direction: .export, action: .ban, category: "coal", hsCodes: [try HSCode("2701")])])
    let coverage = SanctionCoverage(codes: ["27", "44"], events: [event], date: try CalendarDate(year: 2017, month: 12, day: 31), country: .china)
    let basket = [BasketObservation(period: Period(year: 2015), code: "27", value: 1_100_000_000, quantity: nil),
                  BasketObservation(period: Period(year: 2017), code: "27", value: 421_339_878, quantity: nil),
                  BasketObservation(period: Period(year: 2017), code: "44", value: 13_924_485, quantity: nil)]
    return SanctionGroupChart(coverage: coverage, totals: coverage.totals(basket), label: "DPRK exports to China, HS chapters <i>")
}

@Suite("Report documents: HTML, Markdown, text, manifest")
struct ReportDocumentsTests {
    @Test("HTML: self-contained, every data string escaped, deterministic")
    func html() throws {
        let report = try coalReport(name: "<script>alert('name')</script>", citationTitle: "<img src=x onerror=alert(1)>")
        let page = HTMLReport(title: "t <script>", reports: [report], composition: try composition(), compositionNote: nil, manifest: manifest).html()
        // Exactly one script element: ours. Data strings show as text.
        #expect(page.components(separatedBy: "<script").count == 2)
        #expect(page.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>2321"))
        // No network access: no external URL is loaded (the only http text is an escaped citation and the SVG namespace).
        #expect(!page.contains("src=\"http"))
        #expect(!page.contains("href=\"http"))
        #expect(page.contains("default-src 'none'"))
        // Pie with drill-down to chapters, charts with the event marked, data questions, manifest.
        #expect(page.contains("data-drill=\"V\""))
        #expect(page.contains("<div class=\"drill\" data-for=\"V\" id=\"drill-V\" hidden>"))
        #expect(page.contains("Events: 1 UNSCR-2321"))
        #expect(page.components(separatedBy: "<h4>Data questions</h4>").count - 1 == 5) // composition, 3 charts, report
        #expect(page.contains(String(repeating: "ab", count: 32)))
        #expect(page == HTMLReport(title: "t <script>", reports: [report], composition: try composition(), compositionNote: nil, manifest: manifest).html())
    }

    @Test("HTML: the stacked sanctioned vs other chart with its data questions under it")
    func htmlSanctionGroups() throws {
        let page = HTMLReport(title: "t", reports: [try coalReport()], composition: try composition(), compositionNote: nil, manifest: manifest,
                              sanctionGroups: try sanctionGroups()).html()
        let section = try #require(page.range(of: "<h2 id=\"sanction-groups\">")).upperBound
        let rest = page[section...]
        let chart = try #require(rest.range(of: "class=\"chart bar-chart\""))
        let questions = try #require(rest.range(of: "<h4>Data questions</h4>"))
        #expect(chart.upperBound < questions.lowerBound, "the questions come under the chart")
        #expect(page.components(separatedBy: "<h4>Data questions</h4>").count - 1 == 6) // composition, groups, 3 charts, report
        #expect(page.contains("Sanctioned chapters: 27 (UNSCR-2371)."))
        #expect(page.contains("No chapter figure at all for 2016"))
        #expect(page.contains("fewer in 2015 (1)"))
        #expect(page.contains("HS chapters &lt;i&gt;"))
        #expect(page.contains("data-label=\"2017, other goods: "))
    }

    @Test("HTML without a composition says why")
    func htmlWithoutComposition() throws {
        let page = HTMLReport(title: "t", reports: [try coalReport()], composition: nil, compositionNote: "No composition: no TOTAL <x>.", manifest: manifest).html()
        #expect(page.contains("No composition: no TOTAL &lt;x&gt;."))
        #expect(!page.contains("data-drill=\""))
    }

    @Test("Markdown links charts written beside it; stable output", arguments: [true, false])
    func markdown(withCharts: Bool) throws {
        let (text, charts) = MarkdownReport(
            reports: [try coalReport()], composition: try composition(), compositionNote: nil, manifest: manifest,
            chartPrefix: withCharts ? "report" : nil, sanctionGroups: try sanctionGroups()).render()
        #expect(text.contains("## Sanctioned and other goods\n"))
        #expect(text.contains("> - Sanctioned chapters: 27 (UNSCR-2371)."))
        if withCharts {
            #expect(charts.map(\.name) == ["report-2701-quantity.svg", "report-2701-value.svg", "report-2701-unit-price.svg", "report-composition.svg",
                                           "report-sanction-groups.svg"])
            expectSnapshot(charts[4].svg, named: "report-sanction-groups.svg")
            for chart in charts { #expect(text.contains("](\(chart.name))")) }
            expectSnapshot(charts[0].svg, named: "report-2701-quantity.svg")
            expectSnapshot(charts[3].svg, named: "report-composition.svg")
        } else {
            #expect(charts.isEmpty)
            #expect(!text.contains(".svg"))
        }
        #expect(text.contains("## Run manifest"))
        #expect(text.contains("`tradescope report --format html --hs 'it'\\''s'`"))
        expectSnapshot(text, named: withCharts ? "report-with-charts.md" : "report.md")
    }

    @Test("text: sparklines added, colour only when asked")
    func text() throws {
        let report = try coalReport()
        let plain = report.text()
        #expect(!plain.contains("\u{1B}["))
        // Quantities 16,494,000 / 15,430,000 / 19,600,000 / 22,490,000: (q - min) / (max - min) * 7 with
        // min 15,430,000 and max - min = 7,060,000: 1.0550 -> 1 (▂), 0 (▁), 4.1346 -> 4 (▅), 7 (█).
        #expect(plain.contains("  Quantity   ▂▁▅█  lowest 15,430,000 t (2014), highest 22,490,000 t (2016)"))
        let coloured = report.text(colour: true)
        #expect(coloured.contains("\u{1B}[1mData questions\u{1B}[0m"))
        expectSnapshot(plain, named: "report.txt")
    }

    @Test("an undated source is cited as (undated), not with empty brackets")
    func undatedSource() throws {
        let report = try coalReport(citationDate: "")
        #expect(report.text().contains("- KITA_AJU_2014: Aju, \"N. Korea coal\" (undated) https://example.org/a?b=1&c=2"))
        #expect(!report.text().contains("()"))
        let page = HTMLReport(title: "t", reports: [report], composition: try composition(), compositionNote: nil, manifest: manifest).html()
        #expect(page.contains("“N. Korea coal” (undated)"))
    }

    @Test("sparkline by hand: gaps stay blank")
    func sparkline() {
        // Range 0..7: value v maps to block round(v / 7 * 7) = v.
        #expect(Sparkline.render([0, 1, nil, 7, 3.5]) == "▁▂ █▅")
        #expect(Sparkline.render([nil, nil]) == "  ")
        #expect(Sparkline.render([5, 5]) == "▄▄")
    }

    @Test("runs of consecutive periods are collapsed in data questions")
    func periodRuns() throws {
        let months = try [(2009, 9), (2010, 1), (2010, 2), (2010, 3), (2010, 5), (2010, 6)].map { try Period(year: $0.0, month: $0.1) }
        #expect(TradeReport.runs(months) == "2009-09, 2010-01 to 2010-03, 2010-05, 2010-06")
        #expect(TradeReport.runs([]) == "")
    }

    @Test("manifest: JSON fields and shell quoting")
    func manifestJSON() {
        let json = manifest.json().rendered(indent: 0)
        #expect(json.contains("\"command_line\":[\"tradescope\",\"report\",\"--format\",\"html\",\"--hs\",\"it's\"]"))
        #expect(json.contains("\"inputs\":[{\"name\":\"dprk_china.csv\",\"sha256\":\"abab"))
        #expect(json.contains("\"seeds\":{}"))
        #expect(manifest.commandText == "tradescope report --format html --hs 'it'\\''s'")
    }

    @Test("chart data questions name the gaps and disputes of their measure")
    func chartQuestions() throws {
        let report = try coalReport()
        // 2015 has a second value (NUMERICAL_2017) and value and tonnage from different sources.
        #expect(report.dataQuestions(for: .value).contains { $0.hasPrefix("Sources disagree for 2015") })
        #expect(!report.dataQuestions(for: .quantity).contains { $0.hasPrefix("Sources disagree") })
        #expect(report.dataQuestions(for: .unitPrice).contains { $0.contains("different sources for 2015") })
        let chart = report.chart(.value)
        #expect(chart.highlights.count == 1)
        #expect(chart.markers.first?.x == ChartTime.position(try CalendarDate(year: 2016, month: 11, day: 30)))
    }
}
