import Testing
@testable import TradeIO

@Suite("TradeFileLayout")
struct TradeFileLayoutTests {
    @Test("column counts are those of ECOSYSTEM.md §3")
    func counts() {
        #expect(TradeFileLayout.legacyAPIColumns.count == 22)
        #expect(TradeFileLayout.legacyBulkColumns.count == 35)
        #expect(TradeFileLayout.comtradePlusColumns.count == 47)
    }

    @Test("headers are told apart; the most specific layout wins")
    func detection() {
        #expect(TradeFileLayout.detect(header: TradeFileLayout.legacyAPIColumns) == .comtradeLegacyAPI)
        #expect(TradeFileLayout.detect(header: TradeFileLayout.legacyBulkColumns) == .comtradeLegacyBulk)
        #expect(TradeFileLayout.detect(header: TradeFileLayout.comtradePlusColumns) == .comtradePlus)
        #expect(TradeFileLayout.detect(header: TradeFileLayout.comtradePlusColumns + ["datasetCode"]) == .comtradePlusBulk)
        #expect(TradeFileLayout.detect(header: TidyReader.requiredColumns + ["note"]) == .tidy)
        #expect(TradeFileLayout.detect(header: Array(TradeFileLayout.comtradePlusColumns.dropLast())) == nil)
        #expect(TradeFileLayout.detect(header: ["a", "b"]) == nil)
    }

    @Test("an unknown header is an error naming the file")
    func unknown() throws {
        let path = try temporaryFile("x,y\n1,2\n", name: "odd.csv")
        #expect(throws: TradeIOError.unknownLayout(file: "odd.csv", header: ["x", "y"])) {
            try TradeFileReader(path: path, displayName: "odd.csv").readAll()
        }
    }
}
