import Foundation
import Testing
import TradeDomain
import _TestSupport
@testable import TradeIO

/// The Comtrade+ converter's fast path (bytes, caches, the last row's series part) against the
/// reader's definition, `ComtradePlusReader.row(from:columns:sourceID:)` with fresh caches for
/// every row: the same rows and the same errors, in the same order.
@Suite("ComtradePlusReader.Converter: same outcome as the field-by-field reader")
struct ComtradePlusConverterTests {
    /// Values tried in each column: plain forms (the fast path), and forms only the slow path
    /// reads or rejects (case, spaces, `8.0`, exponents, unknown codes, non-ASCII).
    static let variants: [String: [String]] = [
        "freqCode": ["A", "M", "a", "m", "Q", "", "Ä"],
        "refYear": ["2013", "2015", "2015.0", "", "x"],
        "refMonth": ["52", "1", "3", "13", "", "3.0"],
        "period": ["2013", "2015", "201503", "2015-03", " 2015 ", "201513", "", "20x5"],
        "reporterCode": ["408", "156", "", "156.0", "abc", "-1"],
        "reporterISO": ["PRK", "CHN", "chn", "", "W00", "CHNA", "Ç"],
        "partnerCode": ["0", "76", "", "490"],
        "partnerISO": ["W00", "BRA", "", "S19", "b"],
        "flowCode": ["M", "X", "RX", "RM", "m", "rx", "DX", "", " X ", "É"],
        "partner2Code": ["0", "", "1", "00"],
        "classificationCode": ["H4", "H6", "HS", "S4", "", "h4", "HÉ"],
        "cmdCode": ["TOTAL", "27", "2701", "270112", "9999", "", "total", "27.01"],
        "cmdDesc": ["", "Coal", "Crustaceans; frozen, shrimps and prawns", "Crustaceans; frozen, shrimps and prawnz", "Café, \"torréfié\""],
        "customsCode": ["C00", "", "C01", "c00"],
        "motCode": ["0", "", "1000"],
        "qtyUnitCode": ["8", "-1", "5", "", "8.0", "99", "x"],
        "qty": ["585", "0", "", "1.5", "1e3", "-1", "12345678901234567", "nan", " 7 "],
        "netWgt": ["585", "0", "", "0.25", "inf"],
        "primaryValue": ["6881", "0", "", "6881.5", "-2", "1E2"],
        "isQtyEstimated": ["False", "True", "0", "1", "", "t", "F", "yes"],
        "isNetWgtEstimated": ["False", "TRUE", "", "no"],
        "legacyEstimationFlag": ["0", "", "4", "4.0", "x"],
    ]

    @Test("fixture rows, runs of one series, and seeded mutations of one field or of the split between two")
    func sameOutcomes() throws {
        var header: [String] = []
        var rows: [[String]] = []
        try CSVReader(path: fixturePath("comtrade_plus_synthetic.csv")).forEachRecord { _, fields in
            if header.isEmpty { header = fields } else { rows.append(fields) }
            return true
        }
        let position = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var random = PropertyRandom(seed: 20_261_129)
        var lines: [[String]] = []
        for _ in 0..<300 {
            let row = rows[random.integer(0...(rows.count - 1))]
            // A run of the same series (the converter reuses its series part), then variations.
            var run = Array(repeating: row, count: random.integer(1...4))
            for index in run.indices where random.integer(0...2) == 0 {
                let column = Self.variants.keys.sorted()[random.integer(0...(Self.variants.count - 1))]
                guard let at = position[column], let values = Self.variants[column] else { continue }
                run[index][at] = values[random.integer(0...(values.count - 1))]
            }
            if random.integer(0...5) == 0, let iso = position["reporterISO"], let name = position["reporterDesc"] {
                // The same bytes split differently between two fields: "CH" + "NChina" after "CHN" + "China".
                var shifted = run[run.count - 1]
                if let last = shifted[iso].last {
                    shifted[iso].removeLast()
                    shifted[name] = String(last) + shifted[name]
                    run.append(shifted)
                }
            }
            lines.append(contentsOf: run)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("converter-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = ([header] + lines).map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: url)

        var fast: [Result<TradeFileRow, TradeIOError>] = []
        try TradeFileReader(path: url.path, displayName: "mutated.csv", sourceID: "S").forEachRow { outcome in
            fast.append(outcome)
            return true
        }
        var reference: [Result<TradeFileRow, TradeIOError>] = []
        var columns: ComtradePlusReader.Columns?
        try CSVReader(path: url.path, displayName: "mutated.csv").forEachRawRecord(checkingUTF8: true) { (record) throws(TradeIOError) -> Bool in
            guard let columns else {
                columns = ComtradePlusReader.Columns(HeaderColumns(try record.strings()))
                return true
            }
            reference.append(Result { () throws(TradeIOError) in
                try ComtradePlusReader.row(from: FieldAccess(record: record, cache: FieldCache()), columns: columns, sourceID: "S")
            })
            return true
        }
        #expect(fast.count == lines.count)
        #expect(fast.count == reference.count)
        for (index, (got, expected)) in zip(fast, reference).enumerated() {
            #expect(got == expected, "row \(index + 2)")
        }
        // The mutations reach both paths: some rows are kept, some rejected.
        #expect(fast.contains { if case .success = $0 { true } else { false } })
        #expect(fast.contains { if case .failure = $0 { true } else { false } })
    }

    /// A field as CSV: quoted when it holds a comma, a quote or a line break.
    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
