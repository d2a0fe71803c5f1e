import Testing
import TradeDomain
import _TestSupport
@testable import Reports

/// Differential: ``ExportRowRenderer`` (bytes) against the `String` rendering of ``ExportTable``
/// (`csvLines`, `ndjsonLines`, `jsonRows`, the reference kept for this), byte for byte, on hostile text and
/// extreme numbers, with and without the CSV formula guard.
@Suite("ExportRowRenderer: the String rendering's bytes")
struct ExportRowRendererTests {
    /// Text a field may hold: quotes, separators, line ends (LF, CR, CRLF), formula starts, controls (NUL,
    /// ESC, DEL, C1 U+0085, U+009F), a non-control U+00A0-U+00BF character (its UTF-8 begins with 0xC2 as a
    /// C1 control's does), non-ASCII, a combining mark after a quote, JSON escapes (`\`, `<`), numbers as text.
    static let texts: [String?] = [
        nil, "", "plain", "Coal; bituminous", "a,b", "say \"hi\"", "\"", ",", "line\nbreak", "cr\rhere", "crlf\r\nend", "\r\n",
        "=SUM(A1:A2)", "+1", "-12.5", "-1e5", "-x", "@cmd", "\tindent", "\rstart", "=", "-", "1e308", "NaN",
        "nul\u{0}in", "\u{0}", "esc\u{1B}[31m", "del\u{7F}", "c1\u{85}next", "\u{9F}", "degree 25\u{B0}C", "\u{A0}nbsp", "£5",
        "Côte d'Ivoire", "中国", "emoji 🚢", "e\u{301}", "\"\u{301}", "back\\slash", "<script>", "tab\there", "vt\u{0B}ff\u{0C}",
        "Dem. People's Rep. of Korea", "China, Hong Kong SAR", "'quoted", " lead space", "\u{600}\"prepended", "joined\"\u{200D}x",
    ]

    /// Figures: integers at and beyond 2^53 and 10^15, the smallest subnormal, -0.0, fractions, huge and non-finite.
    static let numbers: [Double] = [
        0, -0.0, 1, -1, 0.1, 1.5, 75, 123456789.123456789, 999_999_999_999_999, 1e15, -1e15, 1e15 + 1, 9_007_199_254_740_994,
        18_446_744_073_709_551_616, 1e300, -1e300, .leastNonzeroMagnitude, 2.2250738585072014e-308, .greatestFiniteMagnitude, 1e-7, 123.456e-10,
        .nan, .infinity, -.infinity,
    ]

    static let units: [QuantityUnit] = [.kilogram, .items, .litre, .cubicMetre, .thousandItems, .pairs, .barrel, .carat]

    static let codes = ["2701", "270112", "27", "XV", "61-62", "TOTAL"]
    static let periods = ["2015", "2015-03", "2015-12", "2016-Q2", "1999", "2024-01"]

    static func entry(_ random: inout PropertyRandom) throws -> ExportTable.Entry {
        func pick<T>(_ items: [T]) -> T { items[random.integer(0...(items.count - 1))] }
        func maybe(_ probability: Double) -> Bool { random.unit() < probability }
        func figure() -> Double { maybe(0.5) ? pick(numbers) : (maybe(0.5) ? Double(random.integer(0...5_000_000)) : random.magnitude(from: 1e-3, decades: 12)) }
        let value = maybe(0.85) ? MonetaryAmount(amount: figure(), currency: .usd) : nil
        let quantity = maybe(0.8) ? Quantity(amount: maybe(0.1) ? 0 : figure(), unit: pick(units)) : nil
        let record = TradeRecord(
            period: try Period(parsing: pick(periods)), reporter: try CountryCode(pick(["CHN", "PRK", "S19", "490", "W00"])),
            partner: try CountryCode(pick(["PRK", "CHN", "W00", "XX"])), flow: pick(TradeFlow.allCases),
            commodity: try CommodityCode(parsing: pick(codes)), commodityDescription: pick(texts), classification: pick(["H4", "H5", nil, "", "=H6"]),
            value: value, quantity: quantity, netWeightKilograms: maybe(0.7) ? figure() : nil,
            isQuantityEstimated: maybe(0.3), isNetWeightEstimated: maybe(0.3), sourceID: pick(["UN_COMTRADE", "", "-src", "a,b"]), note: pick(texts))
        let reporterArea = maybe(0.2) ? nil : ExportTable.AreaColumns(iso3: pick(texts), code: maybe(0.8) ? pick([156, 490, 0, -1, Int(Int32.max)]) : nil,
                                                                      name: pick(texts))
        let partnerArea = maybe(0.2) ? nil : ExportTable.AreaColumns(iso3: pick(["PRK", nil, "=X"]), code: maybe(0.8) ? random.integer(-5...999) : nil,
                                                                     name: pick(texts))
        return ExportTable.Entry(record: record, reporterNumericCode: maybe(0.7) ? random.integer(0...999) : nil,
                                 partnerNumericCode: maybe(0.7) ? random.integer(0...999) : nil,
                                 legacyEstimationFlag: maybe(0.5) ? pick([0, 2, 4, -3, Int.max, Int.min + 1]) : nil,
                                 reporterArea: reporterArea, partnerArea: partnerArea)
    }

    /// Every text and every number at least once in each position, then seeded random records.
    static func entries() throws -> [ExportTable.Entry] {
        var entries: [ExportTable.Entry] = []
        for (index, text) in texts.enumerated() {
            let number = numbers[index % numbers.count]
            let record = TradeRecord(
                period: try Period(parsing: periods[index % periods.count]), reporter: try CountryCode("CHN"), partner: try CountryCode("PRK"),
                flow: .import, commodity: try CommodityCode(parsing: codes[index % codes.count]), commodityDescription: text, classification: text,
                value: MonetaryAmount(amount: number, currency: .usd), quantity: Quantity(amount: numbers[(index + 3) % numbers.count], unit: units[index % units.count]),
                netWeightKilograms: numbers[(index + 7) % numbers.count], isQuantityEstimated: index % 2 == 0, isNetWeightEstimated: index % 3 == 0,
                sourceID: text ?? "", note: text)
            entries.append(ExportTable.Entry(record: record, reporterNumericCode: 156, partnerNumericCode: 408, legacyEstimationFlag: index,
                                             reporterArea: ExportTable.AreaColumns(iso3: text, code: index, name: text),
                                             partnerArea: ExportTable.AreaColumns(iso3: nil, code: nil, name: texts[(index + 1) % texts.count])))
        }
        for number in numbers {
            for unit in units.prefix(2) {
                let record = TradeRecord(
                    period: try Period(parsing: "2016"), reporter: try CountryCode("CHN"), partner: try CountryCode("PRK"), flow: .export,
                    commodity: try CommodityCode(parsing: "2701"), value: MonetaryAmount(amount: 1e6, currency: .usd),
                    quantity: Quantity(amount: number, unit: unit), netWeightKilograms: number)
                entries.append(ExportTable.Entry(record: record))
                let valueOnly = TradeRecord(
                    period: try Period(parsing: "2016-07"), reporter: try CountryCode("S19"), partner: try CountryCode("W00"), flow: .reExport,
                    commodity: try CommodityCode(parsing: "XV"), value: MonetaryAmount(amount: number, currency: .usd),
                    quantity: Quantity(amount: 3, unit: unit))
                entries.append(ExportTable.Entry(record: valueOnly, legacyEstimationFlag: 0))
            }
        }
        var random = PropertyRandom(seed: 20261205)
        for _ in 0..<3_000 {
            let entry = try entry(&random)
            entries.append(entry)
            // The next record of the same series (other period and figures): the renderer reuses the shared fields.
            let record = entry.record
            let next = TradeRecord(
                period: record.period.advanced(by: 1), reporter: record.reporter, partner: record.partner, flow: record.flow,
                commodity: record.commodity, commodityDescription: record.commodityDescription, classification: record.classification,
                value: MonetaryAmount(amount: random.magnitude(from: 1, decades: 9), currency: .usd), quantity: record.quantity,
                netWeightKilograms: random.unit() < 0.5 ? nil : random.uniform(0...1e6), isQuantityEstimated: !record.isQuantityEstimated,
                sourceID: record.sourceID, note: record.note)
            entries.append(ExportTable.Entry(record: next, reporterNumericCode: entry.reporterNumericCode, partnerNumericCode: entry.partnerNumericCode,
                                             legacyEstimationFlag: entry.legacyEstimationFlag, reporterArea: entry.reporterArea, partnerArea: entry.partnerArea))
        }
        return entries
    }

    @Test("CSV lines equal csvLines byte for byte, with and without the formula guard", arguments: [true, false])
    func csv(guardingFormulas: Bool) throws {
        var renderer = ExportRowRenderer(guardingFormulas: guardingFormulas)
        for (index, entry) in try Self.entries().enumerated() {
            var bytes: [UInt8] = []
            renderer.appendCSVLines(entry, to: &bytes)
            let expected = Array(ExportTable.csvLines(entry, guardingFormulas: guardingFormulas).utf8)
            #expect(bytes == expected, "entry \(index): \(String(decoding: bytes, as: UTF8.self)) against \(String(decoding: expected, as: UTF8.self))")
        }
    }

    @Test("NDJSON lines and JSON rows equal ndjsonLines and jsonRows byte for byte")
    func json() throws {
        var renderer = ExportRowRenderer()
        var rows: [UInt8] = [], expectedRows = ""
        var first = true, expectedFirst = true
        for (index, entry) in try Self.entries().enumerated() {
            var bytes: [UInt8] = []
            renderer.appendNDJSONLines(entry, to: &bytes)
            let expected = Array(ExportTable.ndjsonLines(entry).utf8)
            #expect(bytes == expected, "entry \(index): \(String(decoding: bytes, as: UTF8.self)) against \(String(decoding: expected, as: UTF8.self))")
            renderer.appendJSONRows(entry, first: &first, to: &rows)
            for row in ExportTable.jsonRows(entry) {
                expectedRows += (expectedFirst ? "\n    " : ",\n    ") + row
                expectedFirst = false
            }
        }
        #expect(rows == Array(expectedRows.utf8))
    }

    @Test("numbers: the text of CSVText.number for every figure, non-finite as NA")
    func numbers() {
        for number in Self.numbers + [0x1p53, -0x1p63, 0x1p63, 1e16, 12.0, -7.25] {
            var bytes: [UInt8] = []
            ExportRowRenderer.appendCSVNumber(number, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == CSVText.number(number))
        }
    }
}
