import Foundation
import Testing
import TradeIO

/// Regression tests for defects found by the robustness work (issue 11); each names how it was found.
@Suite("robustness regressions")
struct RobustnessRegressionTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-regression-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Found by the reader round-trip property test: in Swift "\r\n" is one Character, so a check for
    /// the Characters "\r" or "\n" missed it and `export` wrote a note holding CRLF unquoted, splitting the row.
    @Test("export quotes a field that holds CRLF, so the CSV reads back with the note whole")
    func exportQuotesCRLF() throws {
        let directory = try temporaryDirectory()
        let input = directory.appendingPathComponent("crlf.csv")
        try Data(("period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
                  + "2013,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,\"line one\r\nline two\"\n").utf8).write(to: input)
        let db = directory.appendingPathComponent("trade.sqlite").path
        #expect(try runTradescope(["ingest", input.path, "--db", db]).status == 0)
        let export = try runTradescope(["export", "--db", db, "--out", directory.appendingPathComponent("out.csv").path])
        #expect(export.status == 0, "\(export.standardError)")
        let records = try CSVReader(path: directory.appendingPathComponent("out.csv").path).readAll()
        // The header and three measures (value_usd, quantity, unit_price), 21 fields each, the note (19th) whole.
        #expect(records.count == 4)
        #expect(records.allSatisfy { $0.fields.count == 21 })
        #expect(records.dropFirst().allSatisfy { $0.fields[18] == "line one\r\nline two" })
    }

    /// The same defect in the rejects file: a rejected value holding CRLF split the rejects row.
    @Test("the rejects file quotes a reason that holds CRLF")
    func rejectsQuoteCRLF() throws {
        let directory = try temporaryDirectory()
        let input = directory.appendingPathComponent("bad.csv")
        try Data(("period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
                  + "2013,CHN,PRK,import,\"27\r\n01\",5,1,t,KITA_AJU_2014,\n").utf8).write(to: input)
        let rejects = directory.appendingPathComponent("rejects.csv").path
        let result = try runTradescope(["ingest", input.path, "--dry-run", "--rejects", rejects])
        #expect(result.status == 0)
        let records = try CSVReader(path: rejects).readAll()
        #expect(records.count == 2 && records.allSatisfy { $0.fields.count == 4 }, "\(records)")
        #expect(records.last?.fields[2] == "hs_code")
    }

    /// Period parsing trims "line breaks", but "\r\n" (one Character) was not trimmed: "2016\r\n" was refused.
    @Test("--from accepts a period followed by CRLF, as it accepts one followed by LF")
    func periodTrimsCRLF() throws {
        let lf = try runTradescope(["series", "--hs", "2701", "--from", "2016\n", "--format", "csv"])
        let crlf = try runTradescope(["series", "--hs", "2701", "--from", "2016\r\n", "--format", "csv"])
        #expect(lf.status == 0 && crlf.status == 0, "\(crlf.standardError)")
        #expect(lf.standardOutput == crlf.standardOutput)
    }

    /// Issue 23 item 19: `export` wrote a note "=HYPERLINK(...)" as a live formula.
    @Test("export guards CSV cells against formula injection by default; --no-csv-formula-guard writes them raw")
    func exportFormulaGuard() throws {
        let directory = try temporaryDirectory()
        let input = directory.appendingPathComponent("formula.csv")
        try Data(("period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
                  + "2013,CHN,PRK,import,2701,5,1,t,KITA_AJU_2014,\"=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\n"
                  + "2014,CHN,PRK,import,2701,6,1,t,KITA_AJU_2014,@SUM(A1)\n").utf8).write(to: input)
        let db = directory.appendingPathComponent("trade.sqlite").path
        #expect(try runTradescope(["ingest", input.path, "--db", db]).status == 0)
        let guarded = try runTradescope(["export", "--db", db])
        #expect(guarded.status == 0, "\(guarded.standardError)")
        let output = directory.appendingPathComponent("guarded.csv")
        try Data(guarded.standardOutput.utf8).write(to: output)
        let notes = try CSVReader(path: output.path).readAll().dropFirst().map { $0.fields[18] }
        #expect(Set(notes) == ["'=HYPERLINK(\"http://evil.example\",\"x\")", "'@SUM(A1)"], "\(notes)")
        let raw = try runTradescope(["export", "--db", db, "--no-csv-formula-guard"])
        #expect(raw.standardOutput.contains("\n2013") && raw.standardOutput.contains(",@SUM(A1),CHN,PRK\n"), "\(raw.standardOutput)")
        // Numbers stay numbers: no value cell is prefixed.
        #expect(!guarded.standardOutput.contains(",'5,") && guarded.standardOutput.contains(",5,"))
    }
}
