import Foundation
import TradeDomain

/// The report as one self-contained HTML page: inline SVG charts and CSS, a
/// little plain JavaScript for the pie drill-down and hover values, no network
/// access, readable from a `file://` URL.
///
/// The page shows the composition pie (click a slice, or open the page with
/// `#drill=<slice id>`, to see its chapters), then for each commodity the
/// quantity, value and unit-price charts with the sanction events marked, each
/// with a "Data questions" box, the tables of the text report, and the run
/// manifest. Every string from data is escaped. Output is deterministic.
public struct HTMLReport: Sendable {
    public let title: String
    public let reports: [TradeReport]
    public let composition: CompositionChart?
    /// Why there is no composition, when there is none.
    public let compositionNote: String?
    public let manifest: RunManifest
    /// The stacked sanctioned vs other goods chart (the data of `report --format json` `sanction_groups`), if any.
    public let sanctionGroups: SanctionGroupChart?

    /// - Parameters:
    ///   - title: The page title.
    ///   - reports: One report per commodity.
    ///   - composition: The composition pie; `nil` when it could not be computed.
    ///   - compositionNote: Why there is no composition; shown instead of it.
    ///   - manifest: The run manifest.
    ///   - sanctionGroups: The sanctioned vs other goods chart, drawn after the composition; `nil` for none.
    public init(title: String, reports: [TradeReport], composition: CompositionChart?, compositionNote: String?, manifest: RunManifest,
                sanctionGroups: SanctionGroupChart? = nil) {
        self.title = title
        self.reports = reports
        self.composition = composition
        self.compositionNote = compositionNote
        self.manifest = manifest
        self.sanctionGroups = sanctionGroups
    }

    static let style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fafafa;margin:0;line-height:1.45}
        main{max-width:1000px;margin:0 auto;padding:16px 24px 48px;background:#fff}
        h1{font-size:1.6em;margin:.4em 0}h2{font-size:1.3em;margin-top:1.8em;border-bottom:1px solid #ddd}h3{font-size:1.05em}
        figure{margin:1em 0}svg.chart{width:100%;max-width:960px;height:auto;display:block}
        .questions{background:#f3f6fa;border-left:4px solid #0072B2;padding:6px 14px;margin:4px 0 22px;font-size:.92em}
        .questions h4{margin:4px 0}.questions ul{margin:4px 0;padding-left:20px}
        pre{max-width:100%;overflow-x:auto}table{border-collapse:collapse;font-size:.9em;margin:8px 0;display:block;max-width:100%;overflow-x:auto}th,td{border-bottom:1px solid #e3e3e3;padding:3px 8px;vertical-align:top}
        th{text-align:left;background:#f0f0f0}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
        .slice[data-drill]{cursor:pointer}.slice[data-drill]:hover,.slice[data-drill]:focus{opacity:.8;outline:none}
        .slice.selected{stroke:#222;stroke-width:3}
        .drill[hidden]{display:none}.drill{border:1px solid #ddd;padding:8px 12px;margin:8px 0}
        #tooltip{position:fixed;pointer-events:none;background:#222;color:#fff;padding:4px 8px;border-radius:4px;font-size:12px;display:none;max-width:420px;z-index:10}
        .manifest dt{font-weight:bold;margin-top:4px}.manifest dd{margin-left:16px;word-break:break-all}
        .note{color:#555;font-size:.9em}.sources li{overflow-wrap:anywhere}
        """

    static let script = """
        (function(){
          var root=document.documentElement;
          window.addEventListener('error',function(e){root.setAttribute('data-js-errors',String(e.message||'error'));});
          function showDrill(id){
            var panels=document.querySelectorAll('.drill');
            for(var i=0;i<panels.length;i++){panels[i].hidden=(panels[i].getAttribute('data-for')!==id);}
            var slices=document.querySelectorAll('.slice[data-drill]');
            for(var j=0;j<slices.length;j++){
              var on=slices[j].getAttribute('data-drill')===id;
              slices[j].classList.toggle('selected',on);
              slices[j].setAttribute('aria-expanded',on?'true':'false');
            }
            root.setAttribute('data-drilled',id);
          }
          var slices=document.querySelectorAll('.slice[data-drill]');
          for(var k=0;k<slices.length;k++){
            slices[k].addEventListener('click',function(){showDrill(this.getAttribute('data-drill'));});
            slices[k].addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();showDrill(this.getAttribute('data-drill'));}});
          }
          function fromHash(){
            var m=/^#drill=(.+)$/.exec(window.location.hash);
            if(!m){return;}
            var id=decodeURIComponent(m[1]);
            for(var s=0;s<slices.length;s++){
              if(slices[s].getAttribute('data-drill')===id){slices[s].dispatchEvent(new MouseEvent('click',{bubbles:true}));}
            }
          }
          window.addEventListener('hashchange',fromHash);
          fromHash();
        """ + "\n" + HTMLPageParts.tooltipScript

    /// The page.
    public func html() -> String {
        let e = SVGText.escape
        var out = HTMLPageParts.head(title: title, style: Self.style)
        out += "<h1>\(e(title))</h1>\n"
        out += "<p class=\"note\">Generated by \(e(manifest.tool)) \(e(manifest.version)): <code>\(e(manifest.commandText))</code>. Hover a point or slice for its figure.</p>\n"
        out += compositionSection()
        out += sanctionGroupSection()
        for (index, report) in reports.enumerated() { out += commoditySection(report, index: index) }
        out += "<h2 id=\"manifest\">Run manifest</h2>\n" + manifest.html()
        out += "</main>\n<div id=\"tooltip\" role=\"status\"></div>\n<script>\n\(Self.script)\n</script>\n</body>\n</html>\n"
        return out
    }

    static func questions(_ items: [String]) -> String {
        guard !items.isEmpty else { return "" }
        return "<aside class=\"questions\"><h4>Data questions</h4><ul>\n" + items.map { "<li>\(SVGText.escape($0))</li>\n" }.joined() + "</ul></aside>\n"
    }

    func compositionSection() -> String {
        let e = SVGText.escape
        var out = "<h2 id=\"composition\">Composition</h2>\n"
        guard let composition else {
            return out + "<p class=\"note\">\(e(compositionNote ?? "No composition: the data has no TOTAL figure for this selection."))</p>\n"
        }
        let pie = composition.pie
        out += "<figure>\n" + pie.svg(id: "pie") + "</figure>\n"
        for slice in pie.slices where !slice.children.isEmpty {
            out += "<div class=\"drill\" data-for=\"\(e(slice.id))\" id=\"drill-\(e(slice.id))\" hidden>\n"
            out += pie.drillDownSVG(for: slice.id, id: "drill-svg-\(slice.id)") ?? ""
            out += "<table><thead><tr><th>Chapter</th><th>Value (USD)</th><th>Share of total</th><th>Codes summed</th><th>Sources</th></tr></thead><tbody>\n"
            if let group = composition.composition.groups.first(where: { $0.id == slice.id }) {
                for part in group.parts {
                    out += "<tr><td>\(e(part.code)) \(e(part.label))</td><td class=\"n\">\(NumberStyle.grouped(part.value))</td><td class=\"n\">\(NumberStyle.share(part.share))</td>"
                    out += "<td>\(e(part.codesSummed.joined(separator: ", ")))</td><td>\(e(part.sourceIDs.joined(separator: ", ")))</td></tr>\n"
                }
            }
            out += "</tbody></table>\n</div>\n"
        }
        out += "<table><thead><tr><th>Group</th><th>Value (USD)</th><th>Share</th></tr></thead><tbody>\n"
        for group in composition.composition.groups {
            out += "<tr><td>\(e(group.label))</td><td class=\"n\">\(NumberStyle.grouped(group.value))</td><td class=\"n\">\(NumberStyle.share(group.share))</td></tr>\n"
        }
        out += "</tbody></table>\n"
        return out + Self.questions(composition.dataQuestions())
    }

    func sanctionGroupSection() -> String {
        guard let sanctionGroups, !sanctionGroups.totals.isEmpty else { return "" }
        let e = SVGText.escape
        var out = "<h2 id=\"sanction-groups\">Sanctioned and other goods</h2>\n"
        out += "<figure>\n" + sanctionGroups.chart.svg(id: "sanction-groups") + "</figure>\n"
        out += Self.questions(sanctionGroups.dataQuestions())
        out += "<table><thead><tr><th>Period</th><th>Sanctioned (USD)</th><th>Other (USD)</th><th>Chapters (sanctioned + other)</th></tr></thead><tbody>\n"
        for total in sanctionGroups.totals {
            out += "<tr><td>\(e(total.period.description))</td><td class=\"n\">\(total.sanctionedValue.map(NumberStyle.grouped) ?? "–")</td>"
                + "<td class=\"n\">\(total.nonSanctionedValue.map(NumberStyle.grouped) ?? "–")</td>"
                + "<td class=\"n\">\(total.sanctionedCodeCount) + \(total.nonSanctionedCodeCount)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    func commoditySection(_ report: TradeReport, index: Int) -> String {
        let e = SVGText.escape
        let code = report.table.series.selection.commodity.description
        var out = "<h2 id=\"hs-\(e(code))\">\(e(report.title))</h2>\n"
        for measure in ChartMeasure.allCases {
            if let sentence = report.noDataSentence(measure) {
                out += "<p class=\"note no-data\">\(e(sentence))</p>\n"
                continue
            }
            out += "<figure>\n" + report.chart(measure).svg(id: "c\(index)-\(measure.rawValue)") + "</figure>\n"
            out += Self.questions(report.dataQuestions(for: measure))
        }
        out += "<h3>Figures and sources</h3>\n" + seriesTable(report)
        let glance = report.glance(heading: { $0 }).split(separator: "\n").map(String.init)
        if let heading = glance.first {
            out += "<h3>\(e(heading))</h3>\n<pre class=\"glance\">" + glance.dropFirst().map(e).joined(separator: "\n") + "</pre>\n"
        }
        if !report.yearOnYear.isEmpty {
            out += "<h3>\(e(report.changesHeading))</h3>\n"
            out += "<table><thead><tr><th>From</th><th>To</th><th>Quantity</th><th>Value</th><th>Unit price</th><th>Price effect</th><th>Volume effect</th></tr></thead><tbody>\n"
            for (change, row) in zip(report.yearOnYear, report.changeRows()) {
                out += "<tr><td>\(e(change.from.description))</td><td>\(e(change.to.description))</td>"
                    + row.dropFirst().map { "<td class=\"n\">\(e($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody></table>\n<p class=\"note\">\(e(report.changesNote))</p>\n"
        }
        let stories = report.stories()
        if !stories.isEmpty {
            out += "<h3>\(report.quantityNoun.capitalized) and value moving apart</h3>\n<ul>\n" + stories.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        if !report.events.isEmpty {
            out += "<h3>\(e(report.eventsHeading))</h3>\n<ul>\n"
            for (event, measures) in report.events {
                out += "<li><strong>\(e(event.adopted.description)) \(e(event.id))</strong> [\(e(event.partnerScope))], effective \(e(event.effectiveDate.description)): "
                    + e(measures.map(TradeReport.measureSummary).joined(separator: "; ")) + "</li>\n"
            }
            out += "</ul>\n"
        }
        let diagnosis = report.diagnosisText(heading: { $0 }).split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if let heading = diagnosis.first {
            out += "<h3>\(e(heading))</h3>\n<ul>\n" + diagnosis.dropFirst().map { line in
                "<li>\(e(String(line.drop { $0 == " " || $0 == "-" })))</li>\n"
            }.joined() + "</ul>\n"
        }
        if let monthly = report.monthly {
            out += "<h3>Monthly value through the gaps (structural model)</h3>\n"
            if let chart = monthly.chart(title: "\(report.table.series.selection.commodity): monthly value, smoothed level and 95% band") {
                out += "<figure>\n" + chart.svg(id: "c\(index)-monthly") + "</figure>\n"
            }
            out += "<ul>\n" + monthly.lines().map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n"
        }
        out += Self.questions(report.dataQuestions())
        let ids = report.citedSourceIDs
        if !ids.isEmpty {
            out += "<h3>Sources</h3>\n<ul class=\"sources\">\n"
            for id in ids {
                if let citation = report.citations[id] {
                    out += "<li><code>\(e(id))</code>: \(e(citation.publisher)), “\(e(citation.title))” (\(e(citation.displayDate))) <span class=\"url\">\(e(citation.url))</span></li>\n"
                } else {
                    out += "<li><code>\(e(id))</code></li>\n"
                }
            }
            out += "</ul>\n"
        }
        return out
    }

    func seriesTable(_ report: TradeReport) -> String {
        let e = SVGText.escape
        let unit = report.table.series.quantityUnit?.abbreviation ?? "-"
        var out = "<p class=\"note\">Values in USD (\(e(report.table.valuation))); quantities in \(e(unit)). “–” = not reported.</p>\n"
        out += "<table><thead><tr><th>Period</th><th>Quantity (\(e(unit)))</th><th>Value (USD)</th><th>Unit price (USD/\(e(unit)))</th><th>Sources</th></tr></thead><tbody>\n"
        for point in report.table.series.allPoints {
            let quantity = point.quantity.map { NumberStyle.grouped($0.amount) } ?? "–"
            let value = point.value.map { NumberStyle.grouped($0.amount) } ?? "–"
            let price = point.unitPrice.map { NumberStyle.fixed($0.amount, decimals: 2) } ?? "–"
            var sources = point.mixesSources
                ? "value: " + point.valueSources.joined(separator: ", ") + "; quantity: " + point.quantitySources.joined(separator: ", ")
                : point.sourceIDs.joined(separator: ", ")
            if !point.alternatives.isEmpty {
                sources += "; other: " + point.alternatives.map { "\($0.measure == .value ? "value" : "quantity") \(NumberStyle.grouped($0.amount)) (\($0.sourceID))" }.joined(separator: ", ")
            }
            out += "<tr><td>\(e(point.period.description))</td><td class=\"n\">\(quantity)</td><td class=\"n\">\(value)</td><td class=\"n\">\(price)</td><td>\(e(sources))</td></tr>\n"
        }
        let partial = report.table.series.partialPoints
        if !partial.isEmpty {
            out += "</tbody></table>\n<p class=\"note\">Coverage: no source reports HS \(e(report.table.series.selection.commodity.description)) itself in these periods; the figures are sums of the codes present.</p>\n<ul>\n"
                + partial.map { "<li>\(e($0.period.description)): \(e($0.coverage.summary))</li>\n" }.joined() + "</ul>\n"
            return out
        }
        return out + "</tbody></table>\n"
    }
}
