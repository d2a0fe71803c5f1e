import Testing
@testable import TradeDomain

@Suite("TradeFlow")
struct TradeFlowTests {
    @Test("Spellings of Comtrade legacy, Comtrade+ and tidy files", arguments: [
        ("import", TradeFlow.import), ("Import", .import), ("M", .import), ("m", .import), ("1", .import), ("Imports", .import),
        ("export", .export), ("Export", .export), ("X", .export), ("2", .export),
        ("re-export", .reExport), ("Re-export", .reExport), ("RX", .reExport), ("3", .reExport), ("reexport", .reExport),
        ("re-import", .reImport), ("Re-import", .reImport), ("RM", .reImport), ("4", .reImport), (" rm ", .reImport),
    ])
    func parses(text: String, flow: TradeFlow) throws {
        #expect(try TradeFlow(parsing: text) == flow)
    }

    @Test(arguments: ["", "5", "0", "DX", "imp", "re-", "MX"])
    func rejects(text: String) {
        #expect(throws: TradeDomainError.invalidFlow(text)) { try TradeFlow(parsing: text) }
    }

    @Test func codes() {
        #expect(TradeFlow.allCases.map(\.comtradeCode) == ["M", "X", "RX", "RM"])
        #expect(TradeFlow.allCases.map(\.legacyCode) == [1, 2, 3, 4])
        #expect(TradeFlow.allCases.map(\.rawValue) == ["import", "export", "re-export", "re-import"])
        #expect(TradeFlow.import.mirrored == .export && TradeFlow.reExport.mirrored == .reImport)
    }
}
