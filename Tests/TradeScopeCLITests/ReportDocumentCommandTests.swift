import Foundation
import Testing

/// SHA-256 of a file by the system's `sha256sum` (GNU coreutils), an implementation independent of ours.
private func systemSHA256(_ url: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [url.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: " ").first.map(String.init) ?? ""
}

private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-doc-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

@Suite("tradescope report --format html|md|json: charts, composition, manifest")
struct ReportDocumentCommandTests {
    @Test("JSON carries the composition (hand calculation) and a manifest with the inputs' SHA-256")
    func json() throws {
        let result = try runTradescope(["report", "--format", "json"])
        #expect(result.status == 0, "\(result.standardError)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        let composition = try #require(object["composition"] as? [String: Any])
        // Fixture 2016 (the latest year with TOTAL): TOTAL 2,630,000,000 (KOTRA_EDAILY_2017), chapter 27
        // 1,192,866,092 and chapter 44 19,199,724 (UNCT_PMACG). By hand: section V 1,192,866,092 / 2.63e9 =
        // 0.4535612517110266; chapter 44 0.007300275285171103 < 2% -> other; unspecified
        // 2,630,000,000 - 1,192,866,092 - 19,199,724 = 1,417,934,184 (0.5391384730038022).
        #expect(composition["period"] as? String == "2016")
        let groups = try #require(composition["groups"] as? [[String: Any]])
        #expect(groups.compactMap { $0["id"] as? String } == ["V", "other", "unspecified"])
        let share = try #require(groups[0]["share"] as? Double)
        #expect(abs(share - 0.4535612517110266) <= 1e-15)
        #expect(groups[2]["value_usd"] as? Double == 1_417_934_184)
        let manifest = try #require(object["manifest"] as? [String: Any])
        #expect(manifest["command_line"] as? [String] == ["tradescope", "report", "--format", "json"])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        let trade = try #require(inputs.first { $0["name"] as? String == "Data/dprk_china.csv" })
        #expect(trade["sha256"] as? String == (try systemSHA256(fixtureDataDirectory().appendingPathComponent("dprk_china.csv"))))
        // Exactly the files read, in the order read: the trade figures, the Comtrade extract, sources.csv, the
        // profile and the sanctions calendar it names (read when the report first uses it).
        #expect(inputs.compactMap { $0["name"] as? String } == [
            "Data/dprk_china.csv", "Data/comtrade/comtrade_legacy_prk_hs27_hs44.csv", "Data/sources.csv", "Data/profile.yaml",
            "Data/sanctions/sanctions_dprk.yaml",
        ])
    }

    @Test("the same command on the same inputs gives byte-identical output", arguments: ["html", "md", "json"])
    func reproducible(format: String) throws {
        let first = try runTradescope(["report", "--format", format])
        let second = try runTradescope(["report", "--format", format])
        #expect(first.status == 0)
        #expect(!first.standardOutput.isEmpty)
        #expect(first.standardOutput == second.standardOutput)
    }

    @Test("HTML: one page with the pie, drill-down panels, coal charts with events, data questions")
    func html() throws {
        let directory = try temporaryDirectory()
        let page = directory.appendingPathComponent("report.html")
        let result = try runTradescope(["report", "--format", "html", "--out", page.path])
        #expect(result.status == 0, "\(result.standardError)")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("Composition by HS section, 2016"))
        #expect(html.contains("data-drill=\"V\""))
        #expect(html.contains("id=\"drill-V\" hidden"))
        for measure in ["quantity", "value", "unit price"] { #expect(html.contains("HS 2701: \(measure) by year")) }
        // The fixture's events touching 2701 within the annual series (2013-2016), at their effective dates:
        // UNSCR-2321 (effective 2016-12-11); UNSCR-2371 (2017-08) lies beyond the last year drawn.
        #expect(html.contains("Events: 1 UNSCR-2321, effective 2016-"))
        #expect(html.contains("<h4>Data questions</h4>"))
        #expect(!html.contains("src=\"http"))
        // --out refuses to overwrite without --force.
        let again = try runTradescope(["report", "--format", "html", "--out", page.path])
        #expect(again.status == 2)
        #expect(again.standardError.contains("exists; add --force"))
    }

    @Test("Markdown with --out writes the SVG charts beside the file and refuses to overwrite them")
    func markdownCharts() throws {
        let directory = try temporaryDirectory()
        let file = directory.appendingPathComponent("coal.md")
        let result = try runTradescope(["report", "--format", "md", "--out", file.path])
        #expect(result.status == 0, "\(result.standardError)")
        let names = ["coal-2701-quantity.svg", "coal-2701-value.svg", "coal-2701-unit-price.svg", "coal-composition.svg"]
        let markdown = try String(contentsOf: file, encoding: .utf8)
        for name in names {
            let svg = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox="))
            #expect(markdown.contains("](\(name))"))
        }
        try FileManager.default.removeItem(at: file)
        let refused = try runTradescope(["report", "--format", "md", "--out", file.path])
        #expect(refused.status == 2)
        #expect(refused.standardError.contains("coal-2701-quantity.svg exists"))
        let forced = try runTradescope(["report", "--format", "md", "--out", file.path, "--force"])
        #expect(forced.status == 0)
        // Issue 23 item 24: with only the last chart present, the refusal comes before any file is written
        // (the charts before it were written and left behind).
        try FileManager.default.removeItem(at: file)
        for name in names.dropLast() { try FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
        let lastOnly = try runTradescope(["report", "--format", "md", "--out", file.path])
        #expect(lastOnly.status == 2 && lastOnly.standardError.contains("coal-composition.svg exists"), "\(lastOnly.standardError)")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(left.contains("coal-composition.svg") && !left.contains("coal.md") && names.dropLast().allSatisfy { !left.contains($0) }, "\(left)")
    }

    @Test("text: no colour without a terminal, sparklines added")
    func text() throws {
        let result = try runTradescope(["report"])
        #expect(result.status == 0)
        #expect(!result.standardOutput.contains("\u{1B}["))
        #expect(result.standardOutput.contains("At a glance, 2013 to 2016"))
    }

    @Test("a composition year without a TOTAL is reported, not a crash; bad --min-share is exit 2")
    func compositionErrors() throws {
        let result = try runTradescope(["report", "--format", "json", "--composition-year", "2013"])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect((object?["composition_note"] as? String)?.contains("no TOTAL value for 2013") == true)
        let bad = try runTradescope(["report", "--min-share", "2"])
        #expect(bad.status == 2)
        #expect(bad.standardError.contains("--min-share"))
        let html = try runTradescope(["series", "--format", "html"])
        #expect(html.status == 2)
    }
}
