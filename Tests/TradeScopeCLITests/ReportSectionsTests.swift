import Foundation
@testable import Reports
import Testing
import TradeDomain
import TradeScopeKit
@testable import TradeScopeCLI

/// The repository's bundled data directory (Data/), as a user runs the commands on it.
func bundledDataDirectory() -> URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Data")
}

/// The headings of a text report: the text between the bold escapes the report puts around each
/// heading when colour is on (read from the rendered text, not from the code that writes them).
func boldHeadings(_ text: String) -> [String] {
    var headings: [String] = []
    var rest = Substring(text)
    while let start = rest.range(of: "\u{1B}[1m"), let end = rest[start.upperBound...].range(of: "\u{1B}[0m") {
        headings.append(String(rest[start.upperBound..<end.lowerBound]))
        rest = rest[end.upperBound...]
    }
    return headings
}

/// The Markdown and HTML reports carry every section of the text report (issue 20 item 2).
@Suite struct ReportSectionsTests {
    func reports(_ arguments: [String]) throws -> (reports: [TradeReport], workspace: Workspace) {
        let command = try ReportCommand.parse(arguments)
        let workspace = try Workspace(db: nil, context: RunContext(), dataDirectory: bundledDataDirectory())
        return (try command.reports(try command.selection.selections(workspace.profile), workspace: workspace), workspace)
    }

    @Test(arguments: [["--hs", "2701"], ["--hs", "2701", "--freq", "monthly"], ["--hs", "2601"]])
    func everyTextSectionIsInMarkdownAndHTML(arguments: [String]) throws {
        let (reports, _) = try reports(arguments)
        let report = try #require(reports.first)
        let headings = boldHeadings(report.text(colour: true))
        #expect(headings.count >= 4, "a report has a title, a glance, data questions and sources at least: \(headings)")
        let manifest = RunManifest(tool: "tradescope", version: "test", commandLine: ["tradescope", "report"], inputs: [], sanctionsCalendar: "", parameters: [])
        let markdown = MarkdownReport(reports: reports, composition: nil, compositionNote: nil, manifest: manifest, chartPrefix: nil).render().markdown
        let html = HTMLReport(title: report.title, reports: reports, composition: nil, compositionNote: nil, manifest: manifest).html()
        for heading in headings {
            #expect(markdown.contains(Markdown.escape(heading)), "Markdown lacks the section \"\(heading)\"")
            #expect(html.contains(SVGText.escape(heading)), "HTML lacks the section \"\(heading)\"")
        }
    }

    /// 2016 has coal tonnage and value, 2017 value only: the change of value, 1,180,000,000 ->
    /// 403,000,000 USD = -65.8% (hand calculation), is in the table with no price/volume split.
    @Test func valueOnlyYearIsInTheYearOnYearTable() throws {
        let report = try #require(try reports(["--hs", "2701"]).reports.first)
        let change = try #require(report.yearOnYear.first { $0.from == Period(year: 2016) && $0.to == Period(year: 2017) })
        #expect(change.priceVolume == nil)
        #expect(abs(change.valueChange - (403_000_000.0 / 1_180_000_000.0 - 1)) <= 1e-12)
        #expect(report.text().contains("2016 -> 2017") && report.text().contains("-65.8%"))
    }

    /// A monthly report compares each month with the same month of the previous year and says so.
    @Test func monthlyReportComparesTheSameMonthAYearEarlier() throws {
        let report = try #require(try reports(["--hs", "2701", "--freq", "monthly"]).reports.first)
        #expect(!report.yearOnYear.isEmpty)
        for change in report.yearOnYear {
            #expect(change.to.year == change.from.year + 1 && change.to.months == change.from.months, "\(change.from) -> \(change.to)")
        }
        let text = report.text()
        #expect(text.contains("Change from the same month a year earlier"))
        #expect(!text.contains("consecutive years"))
    }

    /// Event numbers are the report's: the same event has the same tag in the quantity, value and
    /// unit-price charts, and the key below each chart says what it did and when.
    @Test func eventNumbersAreTheSameInEveryChart() throws {
        let report = try #require(try reports(["--hs", "2701"]).reports.first)
        #expect(!report.events.isEmpty)
        var tags: [String: Set<String>] = [:]
        for measure in ChartMeasure.allCases {
            for marker in report.chart(measure).markers where !marker.label.hasPrefix("break") {
                tags[marker.label, default: []].insert(marker.tag ?? "")
                #expect(marker.key?.contains("effective") == true)
            }
        }
        for (index, entry) in report.events.enumerated() {
            #expect(tags[entry.event.id] == [String(index + 1)], "\(entry.event.id): \(tags[entry.event.id] ?? [])")
        }
    }
}

/// Every line of text output fits 100 columns, on the bundled data (issue 20 item 2).
@Suite struct TextWidthTests {
    @Test(arguments: [
        ["report"], ["report", "--freq", "monthly"], ["report", "--hs", "2601"], ["series"], ["series", "--freq", "monthly"],
        ["trend"], ["breaks", "--from", "2007", "--min-segment", "3"], ["anomalies", "--from", "2007", "--to", "2017"], ["decompose", "--freq", "monthly"],
        ["forecast", "--horizon", "3", "--from", "2007"], ["index"], ["events"],
    ])
    func everyLineFits100Columns(arguments: [String]) throws {
        let result = try runTradescope(arguments, dataDirectory: bundledDataDirectory())
        guard result.status == 0 else {
            Issue.record("\(arguments) failed: \(result.standardError)")
            return
        }
        for line in result.standardOutput.split(separator: "\n") {
            #expect(TextLayout.columns(line) <= 100, "\(arguments.joined(separator: " ")): \(TextLayout.columns(line)) columns: \(line)")
        }
    }

    /// The wrapper itself: a long bullet continues under its text; nothing is lost.
    @Test func wrapKeepsEveryWord() {
        let words = (1...60).map { "word\($0)" }
        let text = "- " + words.joined(separator: " ")
        let fitted = TextLayout.fit(text, width: 40)
        let lines = fitted.split(separator: "\n")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  ") && !$0.hasPrefix("   ") })
        #expect(fitted.split(whereSeparator: { $0 == " " || $0 == "\n" }).filter { $0 != "-" }.map(String.init) == words)
    }
}
