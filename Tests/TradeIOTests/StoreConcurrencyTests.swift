import Foundation
import GRDB
import Testing
import TradeDomain
@testable import TradeIO

/// Issue 23 items 23 and 17: first ingests racing to create one store, and figures another tool stored as text.
@Suite("store creation and stored figures")
struct StoreConcurrencyTests {
    func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tradescope-race-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Two (here four) ingests creating the same new store failed with "table series already exists" in 2 of 6
    /// trials: the schema was created in a deferred transaction after a check made outside the write lock.
    @Test("concurrent first ingests of a new store take turns: every one succeeds, 25 trials")
    func concurrentCreation() throws {
        let files = ["comtrade_plus_synthetic.csv", "comtrade_legacy_head30.csv", "comtrade_legacy_selected.csv", "comtrade_plus_bulk_synthetic.csv"]
        for _ in 0..<25 {
            let path = try directory().appendingPathComponent("store.sqlite").path
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: files.count) { index in
                do {
                    let store = try TradeStore(path: path)
                    _ = try store.ingest(file: fixturePath(files[index]), displayName: files[index])
                } catch {
                    failures.add(String("\(error)".prefix(160)))
                }
            }
            #expect(failures.all.isEmpty, "\(failures.all)")
            let store = try TradeStore(path: path, access: .read)
            #expect(try store.provenance().count == files.count)
            #expect(try store.integrityCheck() == ["ok"])
        }
    }

    /// `value_usd` stored as text or a blob by another tool was read as 0.
    @Test("a figure stored as text or a blob is refused naming the record, in queries and in a full read", arguments: [
        ("value_usd", "'12x'", "the text '12x'"), ("value_usd", "x'00ff'", "a blob of 2 bytes"), ("quantity", "'lots'", "the text 'lots'"),
        ("net_weight_kg", "'heavy'", "the text 'heavy'"),
    ])
    func textFigure(column: String, literal: String, shown: String) throws {
        let path = try directory().appendingPathComponent("store.sqlite").path
        let name = "comtrade_plus_synthetic.csv"
        _ = try TradeStore(path: path).ingest(file: fixturePath(name), displayName: name)
        let queue = try DatabaseQueue(path: path)
        let (id, line) = try queue.write { db -> (Int64, Int64) in
            let row = try Row.fetchOne(db, sql: "SELECT rowid, line FROM records WHERE quantity IS NOT NULL ORDER BY rowid LIMIT 1")!
            try db.execute(sql: "UPDATE records SET \(column) = \(literal) WHERE rowid = ?", arguments: [row[0] as Int64])
            return (row[0], row[1])
        }
        _ = id
        try queue.close()
        let store = try TradeStore(path: path, access: .read)
        #expect {
            try store.forEachRecord(matching: RecordFilter()) { _ in }
        } throws: { error in
            let text = "\(error)"
            return text.contains("(line \(line)): column records.\(column) holds \(shown), which is not a finite number")
        }
        #expect {
            _ = try store.rows()
        } throws: { error in
            "\(error)".contains("(line \(line)): column \(column) holds") && "\(error)".contains("which is not a finite number")
        }
    }
}

/// Messages collected from several threads.
final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String] = []

    func add(_ message: String) {
        lock.lock()
        messages.append(message)
        lock.unlock()
    }

    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return messages
    }
}
