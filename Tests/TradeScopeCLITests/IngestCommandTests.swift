import Foundation
import Testing
import _TestSupport

/// `tradescope ingest` and `--db` through the built executable.
@Suite("tradescope ingest")
struct IngestCommandTests {
    static let plusHeader = """
        typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,\
        partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,\
        isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,\
        qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,\
        isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate
        """

    /// A Comtrade+ row of China's coal imports from the DPRK (quantity in kg, unit code 8).
    static func plusRow(year: Int, valueUSD: String, kilograms: String, flowCode: String = "M") -> String {
        "C,A,\(year)0101,\(year),52,\(year),156,CHN,China,\(flowCode),Import,408,PRK,\"Dem. People's Rep. of Korea\",0,W00,World,H4,HS,"
            + "True,2701,\"Coal; briquettes, ovoids\",4,False,C00,TOTAL CPC,0,0,TOTAL MOT,8,kg,\(kilograms),False,-1,N/A,,False,"
            + "\(kilograms),False,,False,\(valueUSD),,\(valueUSD),0,True,False"
    }

    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    struct Row: Decodable { let period: String; let value_usd: Double?; let quantity: Double?; let unit_price: Double? }
    struct Output: Decodable { let rows: [Row] }

    func series(_ arguments: [String]) throws -> [Row] {
        let result = try runTradescope(["series", "--format", "json"] + arguments)
        #expect(result.status == 0, "\(result.standardError)")
        return try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8)).rows
    }

    @Test("the coal unit price of the bundled data and of an ingested Comtrade+ file agree when they hold the same figures")
    func coalUnitPriceAgrees() throws {
        let directory = try temporaryDirectory()
        // The fixture's chosen 2013 and 2014 figures (SeriesCommandTests): 1,373,710,000 USD for 16,494,000 t and
        // 1,132,180,000 USD for 15,430,000 t, written as Comtrade+ rows in kg.
        let file = try write(Self.plusHeader + "\r\n" + Self.plusRow(year: 2013, valueUSD: "1373710000", kilograms: "16494000000") + "\r\n"
                             + Self.plusRow(year: 2014, valueUSD: "1132180000", kilograms: "15430000000") + "\r\n", "plus.csv", in: directory)
        let db = directory.appendingPathComponent("trade.sqlite").path
        let ingest = try runTradescope(["ingest", file, "--db", db])
        #expect(ingest.status == 0, "\(ingest.standardError)")
        #expect(ingest.standardOutput.contains("2 rows read, 2 kept, 0 rejected, 0 replaced"))
        let stored = try series(["--db", db, "--hs", "2701"])
        let bundled = try series(["--hs", "2701", "--to", "2014"])
        #expect(stored.map(\.period) == ["2013", "2014"] && bundled.map(\.period) == ["2013", "2014"])
        // Hand calculation: 1,373,710,000 / 16,494,000 = 83.2854371286528... USD/t.
        expectClose(try #require(stored[0].unit_price), 1_373_710_000.0 / 16_494_000, rtol: 1e-14, atol: 0)
        for (a, b) in zip(stored, bundled) {
            expectClose(try #require(a.unit_price), try #require(b.unit_price), rtol: 1e-14, atol: 0, a.period)
            #expect(a.quantity == b.quantity && a.value_usd == b.value_usd)
        }
    }

    @Test("--dry-run writes nothing; --strict exits 2 naming file, line and column; --rejects lists bad rows")
    func flags() throws {
        let directory = try temporaryDirectory()
        let file = try write(Self.plusHeader + "\n" + Self.plusRow(year: 2013, valueUSD: "10", kilograms: "1000") + "\n"
                             + Self.plusRow(year: 2014, valueUSD: "10", kilograms: "1000", flowCode: "DX") + "\n", "bad.csv", in: directory)
        let db = directory.appendingPathComponent("trade.sqlite").path
        let dry = try runTradescope(["ingest", file, "--dry-run"])
        #expect(dry.status == 0 && dry.standardOutput.contains("2 rows read, 1 kept, 1 rejected") && dry.standardOutput.contains("dry run"))
        #expect(!FileManager.default.fileExists(atPath: db))
        let strict = try runTradescope(["ingest", file, "--db", db, "--strict"])
        #expect(strict.status == 2)
        #expect(strict.standardError.contains("bad.csv:3: field 'flowCode': 'DX'"))
        let rejects = directory.appendingPathComponent("rejects.csv").path
        let lenient = try runTradescope(["ingest", file, "--db", db, "--rejects", rejects])
        #expect(lenient.status == 0 && lenient.standardError.contains("1 rows rejected"))
        let listed = try String(contentsOfFile: rejects, encoding: .utf8).split(separator: "\n")
        #expect(listed.count == 2 && listed[0] == "file,line,field,reason" && listed[1].contains(",3,flowCode,"))
        let again = try runTradescope(["ingest", file, "--db", db])
        #expect(again.status == 0 && again.standardOutput.contains("already ingested"))
    }

    @Test("an ingest killed mid-transaction leaves the store as it was")
    func killedIngest() throws {
        let directory = try temporaryDirectory()
        let db = directory.appendingPathComponent("trade.sqlite").path
        let small = try write(Self.plusHeader + "\n" + Self.plusRow(year: 2013, valueUSD: "1373710000", kilograms: "16494000000") + "\n",
                              "small.csv", in: directory)
        #expect(try runTradescope(["ingest", small, "--db", db]).status == 0)
        // A large synthetic file (not real data): 150,000 rows of one made-up series, 2015 onwards.
        var text = Self.plusHeader + "\n"
        for index in 0..<150_000 {
            text += Self.plusRow(year: 2015 + index % 5, valueUSD: String(index + 1), kilograms: "1000") .replacingOccurrences(of: ",2701,", with: ",\(270100 + index % 90 + 10),") + "\n"
        }
        let large = try write(text, "large.csv", in: directory)
        let process = Process()
        process.executableURL = tradescopeExecutable()
        process.arguments = ["ingest", large, "--db", db]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait for the write transaction to spill pages into the write-ahead log (the store is in WAL mode), then kill.
        let wal = db + "-wal"
        func walBytes() -> Int { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? 0 }
        var waited = 0.0
        while walBytes() == 0 && waited < 60 && process.isRunning {
            Thread.sleep(forTimeInterval: 0.01)
            waited += 0.01
        }
        let killedMidway = process.isRunning && walBytes() > 0
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(killedMidway, "the ingest finished before it could be killed; the test proves nothing")
        let rows = try series(["--db", db, "--hs", "27"])
        #expect(rows.map(\.period) == ["2013"])
        #expect(rows.first?.value_usd == 1_373_710_000)
    }
}
