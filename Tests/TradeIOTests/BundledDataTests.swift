import Foundation
import Testing
import TradeDomain
@testable import TradeIO

@Suite("BundledData")
struct BundledDataTests {
    static func record(_ year: Int, _ value: Double, source: String = "UNCT_PMACG", classification: String? = nil) -> TradeRecord {
        TradeRecord(period: Period(year: year), reporter: .china, partner: .northKorea, flow: .import, commodity: .hs(try! HSCode("27")),
                    classification: classification, value: .usd(value), sourceID: source)
    }

    @Test("Comtrade rows that repeat a tidy figure of the same source are not added twice; others are")
    func merge() {
        // The tidy file's 2000 figure (3,416,444) and the legacy file's 1999 and 2000 rows (real values).
        let tidy = [Self.record(2000, 3_416_444)]
        let comtrade = [Self.record(1999, 2_339_079, classification: "H0"), Self.record(2000, 3_416_444, classification: "H1")]
        let merged = BundledData.merge(tidy, comtrade)
        #expect(merged.duplicates == 1)
        #expect(merged.records.map(\.period) == [Period(year: 2000), Period(year: 1999)])
        // A different figure, or the same figure from another source, is kept (as an alternative).
        #expect(BundledData.merge(tidy, [Self.record(2000, 3_416_445)]).duplicates == 0)
        #expect(BundledData.merge(tidy, [Self.record(2000, 3_416_444, source: "OTHER")]).duplicates == 0)
    }
}

/// Checks of the shipped `Data/dprk_china.csv` and `Data/sources.csv` themselves, read with the
/// reference CSV parser of this target (not the library's readers), so that a figure without a
/// source, a source without an excerpt or a figure entered twice fails here whatever the
/// readers do.
@Suite("BundledData files")
struct BundledDataFilesTests {
    /// The repository's `Data/` directory (this file is Tests/TradeIOTests/BundledDataTests.swift).
    static let dataDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Data")

    /// A parsed CSV file: its header and its rows as dictionaries, with their line numbers.
    struct Table {
        let name: String
        let header: [String]
        let rows: [(line: Int, fields: [String: String])]
    }

    static func table(_ text: String, name: String) throws -> Table {
        let records = try referenceRecords(Array(text.utf8), displayName: name, maximumRecordBytes: 1 << 20).get()
        let header = try #require(records.first).fields
        let rows = try records.dropFirst().map { record in
            try #require(record.fields.count == header.count, "\(name):\(record.line): \(record.fields.count) fields")
            return (record.line, Dictionary(uniqueKeysWithValues: zip(header, record.fields)))
        }
        return Table(name: name, header: header, rows: rows)
    }

    static func file(_ name: String) throws -> Table {
        try table(String(contentsOf: dataDirectory.appendingPathComponent(name), encoding: .utf8), name: "Data/" + name)
    }

    /// Every trade row whose `source_id` is missing from the sources, or whose source has an empty excerpt.
    static func unsourcedFigures(trade: Table, sources: Table) -> [String] {
        var excerpts: [String: String] = [:]
        for row in sources.rows { excerpts[row.fields["source_id"] ?? ""] = row.fields["excerpt"] ?? "" }
        return trade.rows.compactMap { row in
            let id = row.fields["source_id"] ?? ""
            guard let excerpt = excerpts[id] else { return "\(trade.name):\(row.line): source \(id) not in \(sources.name)" }
            return excerpt.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                ? "\(trade.name):\(row.line): source \(id) has an empty excerpt" : nil
        }
    }

    /// Every measure (value or quantity) that one source gives twice for one period, reporter, partner, flow and code.
    static func duplicatedFigures(trade: Table) -> [String] {
        var seen: [String: Int] = [:]
        var problems: [String] = []
        for row in trade.rows {
            for measure in ["value_usd", "quantity"] where !(row.fields[measure] ?? "").isEmpty {
                let key = ["period", "reporter_iso", "partner_iso", "flow", "hs_code", "source_id"]
                    .map { row.fields[$0] ?? "" }.joined(separator: "/") + " " + measure
                if let first = seen[key] {
                    problems.append("\(trade.name):\(row.line): \(key) already on line \(first)")
                } else {
                    seen[key] = row.line
                }
            }
        }
        return problems
    }

    @Test("every figure of Data/dprk_china.csv has a source in Data/sources.csv with a non-empty excerpt")
    func everyFigureSourced() throws {
        let trade = try Self.file("dprk_china.csv"), sources = try Self.file("sources.csv")
        #expect(trade.header.contains("source_id") && sources.header.contains("excerpt"))
        #expect(trade.rows.count >= 289, "the file holds at least the rows of the December 2026 merge")
        #expect(Self.unsourcedFigures(trade: trade, sources: sources) == [])
        // Every source row is used and listed once.
        let ids = sources.rows.map { $0.fields["source_id"] ?? "" }
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(trade.rows.map { $0.fields["source_id"] ?? "" }))
    }

    @Test("no figure of Data/dprk_china.csv is given twice by one source for one key")
    func noDuplicateFigures() throws {
        #expect(Self.duplicatedFigures(trade: try Self.file("dprk_china.csv")) == [])
    }

    @Test("the checks catch a figure without a source, an empty excerpt and a figure entered twice")
    func checksCatchBadRows() throws {
        let header = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"
        let trade = try Self.table(header + """
            2016,CHN,PRK,import,2701,1180000000,,,A,
            2016,CHN,PRK,import,2701,1190000000,,,A,
            2016,CHN,PRK,import,2701,,22490000,t,A,
            2017,CHN,PRK,import,2701,403000000,,,B,
            2017,CHN,PRK,import,2701,400000000,,,C,

            """, name: "trade.csv")
        let sources = try Self.table(#"""
            source_id,rank,kind,publisher,title,date,url,excerpt
            A,1,customs,P,T,2017,http://a,"""quoted"""
            B,1,customs,P,T,2017,http://b," "

            """#, name: "sources.csv")
        #expect(Self.unsourcedFigures(trade: trade, sources: sources) == [
            "trade.csv:5: source B has an empty excerpt", "trade.csv:6: source C not in sources.csv",
        ])
        #expect(Self.duplicatedFigures(trade: trade) == ["trade.csv:3: 2016/CHN/PRK/import/2701/A value_usd already on line 2"])
    }

    @Test("the bundled data load with the library's readers, every record's source listed")
    func loads() throws {
        let data = try BundledData(directory: Self.dataDirectory)
        let ids = Set(data.sources.map(\.id))
        #expect(data.records.count >= 289)
        #expect(data.records.allSatisfy { ids.contains($0.sourceID) })
    }
}
