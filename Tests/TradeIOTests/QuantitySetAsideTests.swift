import Foundation
import Testing
import TradeDomain
@testable import TradeIO

/// Issue 18 item 4: a row whose quantity unit code is not in the table keeps its row and value (the quantity
/// is set aside with a reason, counted, listed with the rejects, never priced; an error under `--strict`), and
/// a net weight of 0 against a positive value is a suspect quantity like a zero `qty`. The dry run and the
/// store must agree on every count.
@Suite("Quantity set aside, zero net weight")
struct QuantitySetAsideTests {
    /// A Comtrade+ row (the 47 fields; coal from China to the DPRK, annual 2013) with the unit code, quantity,
    /// net weight and value given. The figures are hand-written test input, not data.
    static func plusLine(unit: String, qty: String, netWeight: String, value: String, partner: (Int, String) = (408, "PRK")) -> String {
        "C,A,20130101,2013,52,2013,156,CHN,China,M,Import,\(partner.0),\(partner.1),Partner,0,W00,World,H4,HS,True,2701,"
            + "\"Coal; briquettes, ovoids\",4,False,C00,TOTAL CPC,0,0,TOTAL MOT,\(unit),kg,\(qty),False,-1,N/A,,False,"
            + "\(netWeight),False,,False,\(value),,\(value),0,True,False\n"
    }

    static let plusHeader = TradeFileLayout.comtradePlusColumns.joined(separator: ",") + "\n"

    /// Legacy API rows (22 columns) with the unit code, quantity, net weight and value given.
    static func legacyLine(unit: String, qty: String, netWeight: String, value: String, partner: (Int, String) = (408, "PRK")) -> String {
        "H4,2016,2016,2016,2,0,1,Import,156,China,CHN,\(partner.0),Partner,\(partner.1),2701,\"Fuels, etc\",\(unit),kg,\(qty),\(netWeight),\(value),0\n"
    }

    static let legacyHeader = TradeFileLayout.legacyAPIColumns.joined(separator: ",") + "\n"

    /// Line 2: unit 99 with a value (kept, quantity set aside); line 3: a known unit, zero net weight and a value
    /// (suspect); line 4: unit 99 with no value and no net weight (rejected: nothing would be kept); line 5: a
    /// plain row.
    static func plusFile() -> String {
        plusHeader
            + plusLine(unit: "99", qty: "5000", netWeight: "5000", value: "1200", partner: (408, "PRK"))
            + plusLine(unit: "8", qty: "7000", netWeight: "0", value: "900", partner: (410, "KOR"))
            + plusLine(unit: "99", qty: "5", netWeight: "", value: "", partner: (392, "JPN"))
            + plusLine(unit: "8", qty: "100", netWeight: "100", value: "50", partner: (643, "RUS"))
    }

    static func legacyFile() -> String {
        legacyHeader
            + legacyLine(unit: "99", qty: "5000", netWeight: "5000", value: "1200", partner: (408, "PRK"))
            + legacyLine(unit: "8", qty: "7000", netWeight: "0", value: "900", partner: (410, "KOR"))
            + legacyLine(unit: "99", qty: "5", netWeight: "", value: "", partner: (392, "JPN"))
            + legacyLine(unit: "8", qty: "100", netWeight: "100", value: "50", partner: (643, "RUS"))
    }

    func temporaryStore() throws -> TradeStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-aside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    @Test("an unknown unit code keeps the row and its value, sets the quantity aside with a reason", arguments: [
        ("plus.csv", "qtyUnitCode", "is not a Comtrade+ quantity unit code"),
        ("legacy.csv", "Qty Unit Code", "is not a legacy quantity unit code (1-13)"),
    ])
    func unknownUnit(name: String, column: String, reason: String) throws {
        let path = try temporaryFile(name == "plus.csv" ? Self.plusFile() : Self.legacyFile(), name: name)
        let contents = try TradeFileReader(path: path, displayName: name).readAll()
        #expect(contents.rows.map(\.line) == [2, 3, 5])
        let aside = try #require(contents.rows.first)
        #expect(aside.record.value?.amount == 1200 && aside.record.netWeightKilograms == 5000)
        #expect(aside.record.quantity == nil && aside.record.unitPrice == nil)
        #expect(aside.quantitySetAside == QuantitySetAside(location: SourceLocation(file: name, line: 2, field: column), unitCode: "99",
                                                           amount: "5000", reason: reason))
        #expect(aside.record.note == "quantity set aside: \(column) '99' \(reason) (quantity '5000')")
        // Nothing kept of line 4 would hold a figure: rejected with the unit's reason.
        #expect(contents.rejected == [.invalidValue(SourceLocation(file: name, line: 4, field: column), value: "99", reason: reason)])
        #expect(contents.quantitySetAsideRows == 1)
        #expect(contents.rows.dropFirst().allSatisfy { $0.quantitySetAside == nil && $0.record.note == nil })
    }

    @Test("dry run and store agree: set aside counted and listed, zero net weight suspect", arguments: ["plus.csv", "legacy.csv"])
    func summaries(name: String) throws {
        let path = try temporaryFile(name == "plus.csv" ? Self.plusFile() : Self.legacyFile(), name: name)
        var dryRejects: [String] = []
        let dry = try TradeStore.validate(file: path, displayName: name, reject: { dryRejects.append($0.description) })
        let store = try temporaryStore()
        var storeRejects: [String] = []
        let stored = try store.ingest(file: path, displayName: name, reject: { storeRejects.append($0.description) })
        for summary in [dry, stored] {
            #expect(summary.rowsRead == 4 && summary.rowsKept == 3 && summary.rowsRejected == 1)
            // Line 3: quantity 7000 kg but net weight 0 against 900 USD.
            #expect(summary.suspectQuantityRows == 1)
            #expect(summary.quantitySetAside == 1)
            #expect(summary.description.hasSuffix("1 with suspect zero quantity or net weight, 1 quantity set aside (unknown unit code)")
                    || summary.description.contains("1 quantity set aside (unknown unit code) (dry run"))
        }
        #expect(dryRejects == storeRejects)
        let column = name == "plus.csv" ? "qtyUnitCode" : "Qty Unit Code"
        #expect(dryRejects.count == 2)
        #expect(dryRejects.first?.hasPrefix("\(name):2: field '\(column)': '99' ") == true)
        #expect(dryRejects.first?.hasSuffix(": quantity '5000' set aside, the row and its value are kept") == true)
        #expect(dryRejects.last?.hasPrefix("\(name):4: field '\(column)': '99' ") == true)
        // The store holds the row with its value and net weight and no quantity; the note says why.
        let rows = try store.rows()
        let read = try TradeFileReader(path: path, displayName: name).readAll()
        #expect(Set(rows.map(\.record)) == Set(read.rows.map(\.record)))
        let kept = try #require(rows.first { $0.line == 2 })
        #expect(kept.record.quantity == nil && kept.record.value?.amount == 1200 && kept.record.note?.hasPrefix("quantity set aside") == true)
    }

    @Test("under --strict an unknown unit code is still an error, in the dry run and the ingest", arguments: ["plus.csv", "legacy.csv"])
    func strict(name: String) throws {
        let path = try temporaryFile(name == "plus.csv" ? Self.plusFile() : Self.legacyFile(), name: name)
        let column = name == "plus.csv" ? "qtyUnitCode" : "Qty Unit Code"
        let reason = name == "plus.csv" ? "is not a Comtrade+ quantity unit code" : "is not a legacy quantity unit code (1-13)"
        let expected = TradeIOError.invalidValue(SourceLocation(file: name, line: 2, field: column), value: "99", reason: reason)
        #expect(throws: expected) { try TradeStore.validate(file: path, displayName: name, strict: true) }
        let store = try temporaryStore()
        #expect(throws: expected) { try store.ingest(file: path, displayName: name, strict: true) }
        #expect(try store.recordCount() == 0)
    }
}
