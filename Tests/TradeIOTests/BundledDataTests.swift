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
