import Foundation
import Testing
import TradeDomain
@testable import TradeIO

@Suite("TidyReader")
struct TidyReaderTests {
    static let header = "period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id,note\n"

    @Test("reads rows exactly: missing stays missing, codes and units parsed")
    func readsRows() throws {
        // Two real rows of Data/dprk_china.csv (KITA_RFA_2015; GAC_BLOOMBERG_IAC_2016-04), notes shortened.
        let text = Self.header
            + "2014,CHN,PRK,import,2701,1132180000,15430000,t,KITA_RFA_2015,\"KITA; text '11억3천218만 달러'\"\n"
            + "2015,CHN,PRK,import,2701,,19600000,t,GAC_BLOOMBERG_IAC_2016-04,\n"
            + "2016-03,CHN,PRK,import,03,106000000,,,KITA_VOA_2016-04,\n"
        let records = try TidyReader(path: try temporaryFile(text)).readAll()
        #expect(records.count == 3)
        #expect(records[0].period == Period(year: 2014))
        #expect(records[0].value == MonetaryAmount(amount: 1_132_180_000, currency: .usd))
        #expect(records[0].quantity == Quantity(amount: 15_430_000, unit: .tonne))
        #expect(records[0].note == "KITA; text '11억3천218만 달러'")
        #expect(records[1].value == nil)
        #expect(records[2].period == (try Period(year: 2016, month: 3)))
        #expect(records[2].commodity == .hs(try HSCode("03")))
        #expect(records[2].quantity == nil)
    }

    @Test("a bad field names file, line and field", arguments: [
        ("2015,CHN,PRK,import,2701,-5,,,S,\n", "value_usd"),
        ("2015,CHN,PRK,import,2701,abc,,,S,\n", "value_usd"),
        ("2015,CHN,PRK,import,2701,1,2,parsecs,S,\n", "quantity_unit"),
        ("2015,CHN,PRK,import,27011,1,,,S,\n", "hs_code"),
        ("2015-13,CHN,PRK,import,2701,1,,,S,\n", "period"),
        ("2015,CHN,PRK,sideways,2701,1,,,S,\n", "flow"),
        ("2015,CHN,PRK,import,2701,1,,,,\n", "source_id"),
        ("2015,CHN,PRK,import,2701,,,,S,\n", "value_usd"),
        ("2015,CHN,PRK,import,2701,1,5,,S,\n", "quantity_unit"),
        ("2015,CHN,PRK,import,2701,nan,,,S,\n", "value_usd"),
    ])
    func badField(row: String, field: String) throws {
        let path = try temporaryFile(Self.header + "2014,CHN,PRK,import,2701,1,,,S,\n" + row)
        do {
            _ = try TidyReader(path: path, displayName: "data.csv").readAll()
            Issue.record("expected an error for \(row)")
        } catch {
            guard case let .invalidValue(location, _, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(location == SourceLocation(file: "data.csv", line: 3, field: field))
            #expect(error.description.hasPrefix("data.csv:3: field '\(field)'"))
        }
    }

    @Test("a row with too few fields is an error naming the line")
    func fieldCount() throws {
        let path = try temporaryFile(Self.header + "2015,CHN,PRK\n")
        #expect(throws: TradeIOError.fieldCount(SourceLocation(file: path, line: 2), expected: 10, found: 3)) {
            try TidyReader(path: path).readAll()
        }
    }

    @Test("a header without a required column is refused")
    func missingColumn() throws {
        let path = try temporaryFile("period,reporter_iso\n2015,CHN\n")
        #expect(throws: TradeIOError.missingColumn(file: path, column: "partner_iso")) {
            try TidyReader(path: path).readAll()
        }
    }

    @Test("an unknown source id is refused when the sources are known")
    func unknownSource() throws {
        let path = try temporaryFile(Self.header + "2015,CHN,PRK,import,2701,1,,,NOPE,\n")
        #expect(throws: TradeIOError.self) {
            try TidyReader(path: path, knownSources: ["S"]).readAll()
        }
    }
}
