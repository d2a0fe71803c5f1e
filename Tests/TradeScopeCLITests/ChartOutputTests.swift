import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import _TestSupport

/// Counts elements of an XML document by name and class; `nil` when it is not well-formed.
private final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var eventLines: [String] = []
    private var inKey = false, text = ""

    static func parse(_ svg: String) -> ElementCounter? {
        let counter = ElementCounter()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = counter
        return parser.parse() ? counter : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        counts[name + (attributes["class"].map { "." + $0 } ?? ""), default: 0] += 1
        if name == "g" && attributes["class"] == "event-key" { inKey = true }
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if inKey && name == "text" { eventLines.append(text) }
        if name == "g" { inKey = false }
    }
}

/// The charts of the analysis commands on the bundled data (Data/): the coal series has the
/// sanction events of Data/sanctions; the monthly window has gaps.
@Suite("--format html and svg of the analysis commands")
struct ChartOutputTests {
    static let data = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")

    static let commands: [[String]] = [
        ["trend", "--hs", "2701", "--model", "loglinear"],
        ["breaks", "--hs", "2701", "--method", "bai-perron", "--min-segment", "3", "--from", "2007", "--to", "2017"],
        ["anomalies", "--hs", "2701", "--freq", "monthly", "--method", "structural", "--from", "2012-01"],
        ["decompose", "--hs", "2701", "--freq", "monthly", "--from", "2012-01"],
        ["forecast", "--hs", "2701", "--from", "2009", "--to", "2016", "--horizon", "3"],
        ["index", "--hs", "2701,2601", "--from", "2008", "--to", "2017"],
    ]

    @Test("svg: well-formed, one chart, sanction events numbered with a key naming what each did and when", arguments: commands)
    func svg(_ command: [String]) throws {
        let result = try runTradescope(command + ["--format", "svg"], dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let svg = result.standardOutput
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        let parsed = try #require(ElementCounter.parse(svg), "\(command[0]): not well-formed XML")
        #expect(parsed.counts["svg.chart time-chart"] == 1)
        #expect(svg.components(separatedBy: "://").count == 2, "\(command[0]): a URL besides the SVG namespace")
        if command[0] != "index" {
            // UNSCR 2270 (2016-03-02) and UNSCR 2371 (2017-08-05) touch coal (Data/sanctions).
            #expect(parsed.eventLines.contains { $0.contains("2016-03-02") && $0.contains("UNSCR-2270") && $0.contains("ban") }, "\(parsed.eventLines)")
            #expect((parsed.counts["line.event"] ?? 0) >= 2)
        }
    }

    @Test("html: one self-contained page with the selection, the chart and the command's table", arguments: commands)
    func html(_ command: [String]) throws {
        let result = try runTradescope(command + ["--format", "html"], dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let page = result.standardOutput
        #expect(page.hasPrefix("<!DOCTYPE html>"))
        #expect(page.contains("Content-Security-Policy") && page.contains("<strong>Selection:</strong>") && page.contains("<h2 id=\"manifest\">"))
        #expect(page.components(separatedBy: "<svg ").count == 2)
        #expect(page.components(separatedBy: "://").count == 2, "only the SVG namespace")
        #expect(!page.contains(" src=") && !page.contains(" href="))
        #expect(page.contains("<table") || page.contains("<pre>"))
    }

    @Test("options that do not apply are refused with exit code 2 and a reason")
    func refusals() throws {
        let cases: [([String], String)] = [
            (["trend", "--hs", "2701", "--log-scale"], "--format html or --format svg"),
            (["trend", "--hs", "2701", "--format", "svg", "--index-base", "2099"], "no value in 2099"),
            (["trend", "--hs", "2701", "--format", "svg", "--index-base", "20x"], "--index-base"),
            (["decompose", "--hs", "2701", "--freq", "monthly", "--format", "svg", "--log-scale"], "--log-scale"),
            (["breaks", "--hs", "2701", "--from", "2007", "--to", "2017", "--method", "cusum", "--format", "svg", "--index-base", "2010"], "test statistic"),
            (["index", "--hs", "2701", "--format", "html", "--index-base", "2010"], "--base"),
            (["trend", "--hs", "27", "--by", "hs4", "--format", "html"], "drop --by"),
            (["report", "--format", "svg"], "--format svg"),
        ]
        for (arguments, message) in cases {
            let result = try runTradescope(arguments, dataDirectory: Self.data)
            #expect(result.status == 2, "\(arguments): \(result.status) \(result.standardError)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
        }
    }

    @Test("--index-base: the observed value of the base period is drawn at 100")
    func indexBase() throws {
        let result = try runTradescope(["trend", "--hs", "2701", "--format", "svg", "--index-base", "2010"], dataDirectory: Self.data)
        #expect(result.status == 0, "\(result.standardError)")
        let marker = "data-period=\"2010\" data-value=\""
        let tail = try #require(result.standardOutput.components(separatedBy: marker).dropFirst().first)
        let value = try #require(Double(tail.prefix { $0 != "\"" }))
        // Tolerance: the rebasing factor 100 / v times v, a few ulps of 100.
        expectClose(value, 100, rtol: 1e-13, atol: 0, "2010 rebased")
        #expect(result.standardOutput.contains("Index, 2010 = 100"))
    }
}
