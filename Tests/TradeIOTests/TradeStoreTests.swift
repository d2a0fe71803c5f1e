import Foundation
import Testing
import TradeDomain
@testable import TradeIO

@Suite("TradeStore")
struct TradeStoreTests {
    func temporaryStore() throws -> TradeStore {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return try TradeStore(path: directory.appendingPathComponent("store.sqlite").path)
    }

    @Test("SHA-256 matches sha256sum and the FIPS 180-2 'abc' vector")
    func digest() throws {
        // `sha256sum comtrade_plus_synthetic.csv` (GNU coreutils 9.1).
        #expect(try SHA256.hexDigest(ofFile: fixturePath("comtrade_plus_synthetic.csv"), displayName: "x")
                == "d1f0e04e15772268a2dee42ad06625b0e119702075a2707a0db09e62e70846a0")
        #expect(try SHA256.hexDigest(ofFile: fixturePath("comtrade_legacy_head30.csv"), displayName: "x")
                == "e997315738a8804d78c61a7df16e042a55b48d30b91bdf2d5847769f07660e9f")
        // FIPS 180-2 appendix B.1 and the empty message; 56 bytes to cross a block boundary (appendix B.2).
        for (text, hex) in [
            ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ] {
            let path = try temporaryFile(text, name: "sha.txt")
            #expect(try SHA256.hexDigest(ofFile: path, displayName: "x") == hex, "\(text)")
        }
    }

    @Test("ingest then read back reproduces every kept field", arguments: [
        "comtrade_plus_synthetic.csv", "comtrade_plus_bulk_synthetic.csv", "comtrade_legacy_head30.csv", "comtrade_legacy_selected.csv",
    ])
    func roundTrip(name: String) throws {
        let store = try temporaryStore()
        let summary = try store.ingest(file: fixturePath(name), displayName: name)
        let read = try TradeFileReader(path: fixturePath(name), displayName: name).readAll()
        #expect(summary.rowsRead == read.rowsRead && summary.rowsKept == read.rows.count && summary.rowsRejected == read.rejected.count)
        #expect(summary.rowsReplaced == 0 && summary.suspectQuantityRows == read.suspectQuantityOrNetWeightRows)
        #expect(Set(try store.rows()) == Set(read.rows))
        #expect(try store.rows().count == read.rows.count)
    }

    @Test("a tidy file round-trips too; figures of several sources for one key live side by side")
    func tidyRoundTrip() throws {
        // Two real rows of Data/dprk_china.csv for the same key from two sources (2016 coal tonnage).
        let text = TidyReader.requiredColumns.joined(separator: ",") + ",note\n"
            + "2016,CHN,PRK,import,2701,,22490000,t,CEIC_NIKKEI_2017,\n"
            + "2016,CHN,PRK,import,2701,,22480000,t,REUTERS_2017-02,\"note, with comma\"\n"
        let path = try temporaryFile(text, name: "tidy.csv")
        let store = try temporaryStore()
        let summary = try store.ingest(file: path)
        #expect(summary.rowsKept == 2 && summary.rowsReplaced == 0 && summary.layout == .tidy)
        #expect(Set(try store.rows()) == Set(try TradeFileReader(path: path).readAll().rows))
    }

    @Test("re-ingesting the same bytes adds nothing")
    func reingest() throws {
        let store = try temporaryStore()
        _ = try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"))
        let before = try store.rows()
        let again = try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"))
        #expect(again.alreadyIngested && again.rowsKept == 0)
        #expect(try store.rows() == before)
        #expect(try store.provenance().count == 1)
    }

    @Test("an overlapping record replaces and is counted; under strict it fails and the store is unchanged")
    func overlap() throws {
        let store = try temporaryStore()
        _ = try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"))
        let before = try store.rows()
        // The bulk file holds the same 24 records (different bytes: datasetCode, LF).
        #expect(throws: TradeIOError.self) { try store.ingest(file: fixturePath("comtrade_plus_bulk_synthetic.csv"), strict: true) }
        #expect(try store.rows() == before)
        #expect(try store.provenance().count == 1)
        let replaced = try store.ingest(file: fixturePath("comtrade_plus_bulk_synthetic.csv"))
        #expect(replaced.rowsReplaced == 24 && replaced.rowsKept == 24)
        #expect(try store.rows().count == 24)
        #expect(try store.provenance().map(\.rowsReplaced) == [0, 24])
    }

    @Test("a strict ingest that fails at a late bad row stores nothing of the file")
    func failedIngestLeavesStoreUnchanged() throws {
        let store = try temporaryStore()
        _ = try store.ingest(file: fixturePath("comtrade_legacy_head30.csv"))
        let before = try store.rows()
        // The synthetic Comtrade+ file has good rows before its first bad one (line 3) and after it.
        var seen: [TradeIOError] = []
        #expect(throws: TradeIOError.self) {
            try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"), strict: true, reject: { seen.append($0) })
        }
        #expect(try store.rows() == before)
        #expect(try store.provenance().count == 1)
        #expect(seen.isEmpty)
    }

    @Test("rejected rows are reported to the caller with file, line and column, and counted")
    func rejections() throws {
        let store = try temporaryStore()
        var seen: [TradeIOError] = []
        let summary = try store.ingest(file: fixturePath("comtrade_plus_synthetic.csv"), displayName: "plus.csv", reject: { seen.append($0) })
        #expect(summary.rowsRejected == 6 && seen.count == 6)
        #expect(seen.allSatisfy { $0.location?.file == "plus.csv" && $0.location?.field != nil })
    }

    @Test("a dry run validates without a store")
    func dryRun() throws {
        let summary = try TradeStore.validate(file: fixturePath("comtrade_plus_synthetic.csv"))
        #expect(summary.dryRun && summary.rowsKept == 24 && summary.rowsRejected == 6)
    }
}
