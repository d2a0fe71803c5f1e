import CZlib
import Foundation
import Testing
import TradeDomain
@testable import TradeIO

/// gzip-compressed members of `bytes` (one member per part; several members one after another are one
/// gzip stream, as `cat a.gz b.gz` makes), written with zlib's deflate (an independent writer: the reader
/// only inflates).
func gzipMembers(_ parts: [[UInt8]]) -> [UInt8] {
    var result: [UInt8] = []
    for part in parts {
        var stream = z_stream()
        precondition(deflateInit2_(&stream, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                                   Int32(MemoryLayout<z_stream>.size)) == Z_OK)
        var input = part
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(part.count))) + 64)
        let produced = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        deflateEnd(&stream)
        result += output[0..<produced]
    }
    return result
}

/// Issue 18 item 3: gzip (by magic bytes) and Comtrade+ API JSON inputs give the records of the same rows
/// as CSV; other formats are refused naming what was found and what is accepted.
@Suite("Input formats: gzip, JSON, refusals")
struct InputFormatTests {
    func temporaryStore() throws -> TradeStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-formats-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    /// A row without its line (JSON lines differ from CSV lines), for comparing stores field by field.
    struct Fields: Hashable {
        let record: TradeRecord
        let reporterCode: Int?, partnerCode: Int?, legacyFlag: Int?
        init(_ row: TradeFileRow) {
            record = row.record
            reporterCode = row.reporterNumericCode
            partnerCode = row.partnerNumericCode
            legacyFlag = row.legacyEstimationFlag
        }
    }

    /// A rejection without its line: column, value and reason.
    static func rejection(_ error: TradeIOError) -> String {
        guard case let .invalidValue(location, value, reason) = error else { return "\(error)" }
        return "\(location.field ?? "-") '\(value)' \(reason)"
    }

    @Test("the same rows as CSV, CSV.gz (two gzip members, named .csv) and JSON ingest to the same store content")
    func roundTrip() throws {
        let csvPath = fixturePath("comtrade_plus_synthetic.csv")
        let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: csvPath)))
        let half = csv.count / 2
        // Named .csv on purpose: the format is told by the magic bytes, not the name.
        let gzPath = try temporaryFile(gzipMembers([Array(csv[..<half]), Array(csv[half...])]), name: "download.csv")
        let jsonPath = fixturePath("comtrade_plus_synthetic.json")
        var outcomes: [[String]] = []
        var contents: [[Fields]] = []
        var summaries: [IngestSummary] = []
        for path in [csvPath, gzPath, jsonPath] {
            var rejected: [String] = []
            let store = try temporaryStore()
            let summary = try store.ingest(file: path, displayName: "input", reject: { rejected.append(Self.rejection($0)) })
            let dry = try TradeStore.validate(file: path, displayName: "input")
            #expect(dry.rowsKept == summary.rowsKept && dry.rowsRejected == summary.rowsRejected
                    && dry.suspectQuantityRows == summary.suspectQuantityRows && dry.sha256 == summary.sha256)
            outcomes.append(rejected)
            contents.append(try store.rows().map(Fields.init))
            summaries.append(summary)
            #expect(try store.integrityCheck() == ["ok"])
        }
        #expect(summaries.map(\.layout) == [.comtradePlus, .comtradePlus, .comtradePlus])
        #expect(summaries.map(\.rowsKept) == [24, 24, 24] && summaries.map(\.rowsRejected) == [6, 6, 6])
        #expect(Set(contents[0]) == Set(contents[1]) && contents[0].count == contents[1].count)
        #expect(Set(contents[0]) == Set(contents[2]) && contents[0].count == contents[2].count)
        #expect(outcomes[0] == outcomes[1] && outcomes[0] == outcomes[2])
        // The gzip store keeps the lines of the CSV (the same text); the digest is of the bytes as stored.
        let gzRows = try TradeFileReader(path: gzPath).readAll().rows
        let csvRows = try TradeFileReader(path: csvPath).readAll().rows
        #expect(gzRows == csvRows)
        #expect(summaries[1].sha256 == (try SHA256.hexDigest(ofFile: gzPath, displayName: "x")))
    }

    @Test("JSON values: escapes, exponents, true/false, null; a nested value or an unknown key rejects only its row")
    func jsonValues() throws {
        let keys = TradeFileLayout.comtradePlusColumns
        func object(_ overrides: [String: String]) -> String {
            // Hand-written values of one annual coal row (test input, not data).
            let base: [String: String] = [
                "typeCode": "\"C\"", "freqCode": "\"A\"", "refYear": "2013", "refMonth": "52", "period": "\"2013\"",
                "reporterCode": "156", "reporterISO": "\"CHN\"", "flowCode": "\"M\"", "partnerCode": "408", "partnerISO": "\"PRK\"",
                "partner2Code": "0", "classificationCode": "\"H4\"", "cmdCode": "\"2701\"", "cmdDesc": "\"Coal; briquettes\"",
                "customsCode": "\"C00\"", "motCode": "0", "qtyUnitCode": "8", "qty": "1.6494E7", "isQtyEstimated": "false",
                "netWgt": "16494000", "isNetWgtEstimated": "true", "primaryValue": "1373710000", "legacyEstimationFlag": "null",
            ]
            let merged = base.merging(overrides) { $1 }
            return "{" + keys.map { "\"\($0)\": \(merged[$0] ?? "null")" }.joined(separator: ", ") + "}"
        }
        let text = "{\"count\": 4, \"data\": [" + object(["cmdDesc": "\"Coal \\u00e9\\ud83d\\ude00 \\\"q\\\"\""]) + ",\n"
            + object(["partnerISO": "\"KOR\"", "partnerCode": "410", "qty": "{\"x\": 1}"]) + ",\n"
            + object(["partnerISO": "\"JPN\"", "partnerCode": "392"]).dropLast() + ", \"extra\": 1}" + ",\n"
            + object(["partnerISO": "\"RUS\"", "partnerCode": "643", "qtyUnitCode": "99"]) + "], \"error\": \"\"}"
        let path = try temporaryFile(text, name: "response.json")
        let contents = try TradeFileReader(path: path, displayName: "r.json").readAll()
        #expect(contents.layout == .comtradePlus)
        #expect(contents.rows.map(\.line) == [1, 4])
        let first = try #require(contents.rows.first).record
        #expect(first.commodityDescription == "Coal \u{e9}\u{1F600} \"q\"")
        #expect(first.quantity?.amount == 16_494_000 && first.isNetWeightEstimated && !first.isQuantityEstimated)
        #expect(contents.rows.last?.quantitySetAside?.unitCode == "99")
        #expect(contents.rejected.map { $0.location?.line } == [2, 3])
        #expect(contents.rejected.map { $0.location?.field } == ["qty", "extra"])
    }

    @Test("unknown formats are refused naming what was found and what is accepted", arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "a ZIP archive"),
        ([0x42, 0x5A, 0x68, 0x39, 0x31], "bzip2-compressed data"),
        ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00, 0x00], "xz-compressed data"),
        ([0x28, 0xB5, 0x2F, 0xFD, 0x00], "Zstandard-compressed data"),
        ([0x50, 0x41, 0x52, 0x31, 0x00], "a Parquet file"),
        ([0x61, 0x2C, 0x00, 0x62, 0x0A], "binary data"),
    ] as [([UInt8], String)])
    func refusals(bytes: [UInt8], detected: String) throws {
        let path = try temporaryFile(bytes, name: "data.csv")
        do {
            _ = try TradeFileReader(path: path, displayName: "data.csv").readAll()
            Issue.record("no error")
        } catch {
            guard case let .unsupportedFormat(file, found, accepted) = error else { Issue.record("\(error)"); return }
            #expect(file == "data.csv" && found.hasPrefix(detected) && accepted == InputSource.accepted)
            #expect(error.description.hasPrefix("data.csv: is \(detected)"))
            #expect(error.description.contains("tradescope reads CSV (plain or gzip-compressed) or a Comtrade+ API JSON response"))
        }
    }

    @Test("JSON given to a plain CSV reader, JSON without data, corrupt and truncated gzip: clear errors")
    func otherErrors() throws {
        let json = try temporaryFile("{\"count\": 0, \"error\": \"rate limited\"}", name: "r.json")
        #expect(throws: TradeIOError.unsupportedFormat(file: "r.json", detected: "a JSON document", accepted: "CSV (plain or gzip-compressed) here")) {
            _ = try CSVReader(path: json, displayName: "r.json").readAll()
        }
        #expect(throws: TradeIOError.unsupportedFormat(file: "r.json", detected: "a JSON object without a \"data\" array (keys: count, error)",
                                                       accepted: InputSource.accepted)) {
            _ = try TradeFileReader(path: json, displayName: "r.json").readAll()
        }
        let csv = Array((TidyReader.requiredColumns.joined(separator: ",") + "\n2016,CHN,PRK,import,2701,,22490000,t,X\n").utf8)
        let gz = gzipMembers([csv])
        let truncated = try temporaryFile(Array(gz.prefix(gz.count - 12)), name: "t.csv.gz")
        #expect(throws: TradeIOError.cannotOpen(file: "t.csv.gz", reason: "the gzip data ends early (a truncated file?)")) {
            _ = try TradeFileReader(path: truncated, displayName: "t.csv.gz").readAll()
        }
        var broken = gz
        for index in 20..<min(40, broken.count) { broken[index] ^= 0x5A }
        let corrupt = try temporaryFile(broken, name: "c.csv.gz")
        do {
            _ = try TradeFileReader(path: corrupt, displayName: "c.csv.gz").readAll()
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("c.csv.gz: cannot open: "), "\(error)")
        }
        // A plain CSV reader reads gzip too.
        let plain = try temporaryFile(gz, name: "p.gz")
        #expect(try CSVReader(path: plain).readAll().map(\.fields) == [TidyReader.requiredColumns, ["2016", "CHN", "PRK", "import", "2701", "", "22490000", "t", "X"]])
    }
}
