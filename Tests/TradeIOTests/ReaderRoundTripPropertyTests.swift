import Foundation
import Testing
import TradeDomain
@testable import TradeIO
import _TestSupport

/// Property tests (issue 11): records written as a tidy CSV or as Comtrade+ rows and read
/// back give the same records, for seeded random records (SplitMix64). Numbers are written
/// with Swift's shortest round-trip form, so equality is exact (a double read back from
/// its shortest decimal form is the same double: IEEE 754-2008 §5.12.2).
@Suite("reader round trip: write then read gives the same records")
struct ReaderRoundTripPropertyTests {
    static let countries = ["CHN", "PRK", "USA", "KOR", "JPN", "RUS", "HKG", "W00"]
    static let chapters = [1, 2, 3, 25, 26, 27, 28, 44, 61, 62, 72, 84, 85, 97]
    static let units: [QuantityUnit] = [.kilogram, .tonne, .items, .litre, .cubicMetre, .pairs, .dozens, .metre]

    static func quoted(_ field: String) -> String {
        // By bytes: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// A note with the characters that need quoting, and some that are not ASCII.
    static func note(_ random: inout PropertyRandom) -> String? {
        let pieces = ["coal", ", ", "\"quoted\"", "\n", "13억7371만 달러", "t", " ", "é", "—", "a\r\nb"]
        let count = random.integer(0...5)
        guard count > 0 else { return nil }
        let text = (0..<count).map { _ in pieces[random.integer(0...(pieces.count - 1))] }.joined()
        // Surrounding white space and a lone empty note are not distinguishable after reading: keep them out.
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    static func code(_ random: inout PropertyRandom) -> String {
        let chapter = String(format: "%02d", chapters[random.integer(0...(chapters.count - 1))])
        switch random.integer(0...2) {
        case 0: return chapter
        case 1: return chapter + String(format: "%02d", random.integer(1...99))
        default: return chapter + String(format: "%02d%02d", random.integer(1...99), random.integer(10...99))
        }
    }

    static func period(_ random: inout PropertyRandom) throws -> Period {
        let year = random.integer(1988...2030)
        return random.integer(0...1) == 0 ? Period(year: year) : try Period(year: year, month: random.integer(1...12))
    }

    static func amount(_ random: inout PropertyRandom) -> Double {
        switch random.integer(0...3) {
        case 0: return Double(random.integer(0...2_000_000_000))
        case 1: return 0
        default: return random.magnitude(from: 1e-3, decades: 15)
        }
    }

    func temporaryFile(_ text: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("roundtrip-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url.path
    }

    @Test("tidy CSV: 40 files of up to 60 random records each")
    func tidy() throws {
        var random = PropertyRandom(seed: 11_2026)
        for trial in 0..<40 {
            var records: [TradeRecord] = []
            for _ in 0..<random.integer(1...60) {
                let hasValue = random.integer(0...4) > 0
                let hasQuantity = !hasValue || random.integer(0...3) > 0
                let unit = Self.units[random.integer(0...(Self.units.count - 1))]
                records.append(TradeRecord(
                    period: try Self.period(&random),
                    reporter: try CountryCode(Self.countries[random.integer(0...(Self.countries.count - 1))]),
                    partner: try CountryCode(Self.countries[random.integer(0...(Self.countries.count - 1))]),
                    flow: [TradeFlow.import, .export, .reExport, .reImport][random.integer(0...3)],
                    commodity: try CommodityCode(parsing: Self.code(&random)),
                    value: hasValue ? MonetaryAmount(amount: Self.amount(&random), currency: .usd) : nil,
                    quantity: hasQuantity ? Quantity(amount: Self.amount(&random), unit: unit) : nil,
                    sourceID: ["KITA_AJU_2014", "SRC_\(random.integer(1...9))"][random.integer(0...1)],
                    note: Self.note(&random)))
            }
            var text = random.integer(0...1) == 0 ? "" : "\u{FEFF}"
            let lineEnd = random.integer(0...1) == 0 ? "\n" : "\r\n"
            text += "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note" + lineEnd
            for r in records {
                let fields = [
                    r.period.description, r.reporter.iso3, r.partner.iso3, r.flow.rawValue, r.commodity.description,
                    r.value.map { "\($0.amount)" } ?? "", r.quantity.map { "\($0.amount)" } ?? "",
                    r.quantity?.unit.abbreviation ?? "", r.sourceID, r.note ?? "",
                ]
                text += fields.map(Self.quoted).joined(separator: ",") + lineEnd
            }
            let read = try TradeFileReader(path: try temporaryFile(text)).readAll()
            #expect(read.layout == .tidy)
            #expect(read.rejected.isEmpty, "trial \(trial): \(read.rejected.first.map { "\($0)" } ?? "")")
            #expect(read.records == records, "trial \(trial)")
        }
    }

    @Test("Comtrade+: 40 files of up to 60 random rows each, in the 47- and 48-field layouts")
    func comtradePlus() throws {
        var random = PropertyRandom(seed: 47_48)
        let numeric = ["CHN": 156, "PRK": 408, "USA": 842, "KOR": 410, "JPN": 392, "RUS": 643, "HKG": 344, "W00": 0]
        for trial in 0..<40 {
            let bulk = random.integer(0...1) == 1
            var expected: [TradeFileRow] = []
            var text = TradeFileLayout.comtradePlusColumns.joined(separator: ",") + (bulk ? ",datasetCode" : "") + "\n"
            for index in 0..<random.integer(1...60) {
                let period = try Self.period(&random)
                let reporter = Self.countries[random.integer(0...6)], partner = Self.countries[random.integer(0...(Self.countries.count - 1))]
                let flow = [("M", TradeFlow.import), ("X", .export), ("RX", .reExport), ("RM", .reImport)][random.integer(0...3)]
                let code = Self.code(&random)
                let classification = ["H0", "H3", "H4", "H5", "H6"][random.integer(0...4)]
                // Comtrade+ codes only (the tonne, code 1001, is tradescope's own unit for tidy files).
                let comtradeUnits = Self.units.filter { $0.code < 1000 }
                let unit = comtradeUnits[random.integer(0...(comtradeUnits.count - 1))]
                let quantity: Double? = random.integer(0...3) > 0 ? Self.amount(&random) : nil
                let netWeight: Double? = random.integer(0...3) > 0 ? Self.amount(&random) : nil
                let value = Self.amount(&random)
                let quantityEstimated = random.integer(0...1) == 1, netWeightEstimated = random.integer(0...1) == 1
                let legacyFlag = random.integer(0...6)
                let description = Self.note(&random)
                let monthly = period.frequency == .monthly
                var fields = [String](repeating: "", count: TradeFileLayout.comtradePlusColumns.count)
                func set(_ name: String, _ value: String) { fields[TradeFileLayout.comtradePlusColumns.firstIndex(of: name)!] = value }
                set("typeCode", "C"); set("freqCode", monthly ? "M" : "A")
                set("refPeriodId", String(format: "%04d%02d01", period.year, period.month ?? 1))
                set("refYear", String(period.year)); set("refMonth", String(period.month ?? 52))
                set("period", monthly ? String(format: "%04d%02d", period.year, period.month!) : String(period.year))
                set("reporterCode", String(numeric[reporter]!)); set("reporterISO", reporter)
                set("flowCode", flow.0); set("partnerCode", String(numeric[partner]!)); set("partnerISO", partner)
                set("partner2Code", "0"); set("partner2ISO", "W00"); set("classificationCode", classification)
                set("classificationSearchCode", "HS"); set("isOriginalClassification", "True"); set("cmdCode", code)
                set("cmdDesc", description ?? ""); set("aggrLevel", String(code.count)); set("isLeaf", "False")
                set("customsCode", "C00"); set("mosCode", "0"); set("motCode", "0")
                set("qtyUnitCode", quantity == nil ? "-1" : String(unit.code)); set("qtyUnitAbbr", quantity == nil ? "N/A" : unit.abbreviation)
                set("qty", quantity.map { "\($0)" } ?? ""); set("isQtyEstimated", quantityEstimated ? "True" : "False")
                set("altQtyUnitCode", "-1"); set("netWgt", netWeight.map { "\($0)" } ?? "")
                set("isNetWgtEstimated", netWeightEstimated ? "True" : "False"); set("primaryValue", "\(value)")
                set("cifvalue", random.integer(0...1) == 0 ? "\(value)" : ""); set("legacyEstimationFlag", String(legacyFlag))
                set("isReported", "True"); set("isAggregate", "False")
                text += fields.map(Self.quoted).joined(separator: ",") + (bulk ? ",FINAL" : "") + "\n"
                let record = TradeRecord(
                    period: period, reporter: try CountryCode(reporter), partner: try CountryCode(partner), flow: flow.1,
                    commodity: try CommodityCode(parsing: code), commodityDescription: description, classification: classification,
                    value: MonetaryAmount(amount: value, currency: .usd), quantity: quantity.map { Quantity(amount: $0, unit: unit) },
                    netWeightKilograms: netWeight, isQuantityEstimated: quantityEstimated, isNetWeightEstimated: netWeightEstimated,
                    sourceID: TradeFileReader.defaultComtradeSourceID)
                expected.append(TradeFileRow(line: index + 2, record: record, reporterNumericCode: numeric[reporter]!,
                                             partnerNumericCode: numeric[partner]!, legacyEstimationFlag: legacyFlag))
            }
            let read = try TradeFileReader(path: try temporaryFile(text)).readAll()
            #expect(read.layout == (bulk ? .comtradePlusBulk : .comtradePlus))
            #expect(read.rejected.isEmpty, "trial \(trial): \(read.rejected.first.map { "\($0)" } ?? "")")
            // Lines: a description with a line break makes a row span two lines, so compare records and codes, then lines.
            #expect(read.rows.map(\.record) == expected.map(\.record), "trial \(trial)")
            #expect(read.rows.map(\.reporterNumericCode) == expected.map(\.reporterNumericCode))
            #expect(read.rows.map(\.legacyEstimationFlag) == expected.map(\.legacyEstimationFlag))
            #expect(zip(read.rows, read.rows.dropFirst()).allSatisfy { $0.line < $1.line })
        }
    }
}
