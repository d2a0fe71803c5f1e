import Foundation

/// Reads a file's rows on a thread of its own while the caller stores them (``TradeStore/ingest``), so that
/// parsing and SQLite's work overlap on two cores.
///
/// Rows travel in batches of ``batchSize`` through a queue of at most ``capacity`` batches, so memory stays
/// bounded whatever the file's size. The caller sees exactly what a plain `TradeFileReader.forEachRow`
/// loop would show, in the same order: every row outcome, then the reader's result (layout and, for a
/// stream, its SHA-256) or the error that stopped it. ``cancel()`` stops the reader and waits for its
/// thread to end; call it (in a `defer`) on every path out, so that no thread outlives the ingest.
final class RowPipeline: @unchecked Sendable {
    /// A run of row outcomes, in file order.
    typealias Batch = [Result<TradeFileRow, TradeIOError>]
    /// What the reader ends with: the layout and the stream's SHA-256 (when it hashed), or its error.
    typealias Ending = Result<(layout: TradeFileLayout, digest: String?, bytes: Int64), TradeIOError>

    /// Rows per batch.
    static let batchSize = 1_024
    /// Batches waiting at most; the reader waits when the queue is full.
    static let capacity = 4

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var queue: [Batch] = []
    private var ending: Ending?
    private var cancelled = false

    private init() {}

    /// Starts reading `reader`'s file on a new thread.
    ///
    /// - Parameters:
    ///   - reader: The file to read.
    ///   - hashing: Compute the SHA-256 of the bytes as they are read.
    /// - Returns: The running pipeline.
    static func start(_ reader: TradeFileReader, hashing: Bool) -> RowPipeline {
        let pipeline = RowPipeline()
        let thread = Thread {
            var hasher = SHA256.Hasher()
            var bytes: Int64 = 0
            var batch: Batch = []
            batch.reserveCapacity(batchSize)
            let ending: Ending
            do throws(TradeIOError) {
                let layout = try reader.readRows(observingBytes: { chunk in
                    bytes += Int64(chunk.count)
                    if hashing { hasher.update(chunk) }
                }) { outcome in
                    batch.append(outcome)
                    guard batch.count == batchSize else { return true }
                    defer { batch = []; batch.reserveCapacity(batchSize) }
                    return pipeline.send(batch)
                }
                if !batch.isEmpty { _ = pipeline.send(batch) }
                ending = .success((layout, hashing ? hasher.finalizeHex() : nil, bytes))
            } catch {
                ending = .failure(error)
            }
            pipeline.finish(ending)
        }
        thread.stackSize = 8 << 20
        thread.start()
        return pipeline
    }

    /// Queues a batch (reader side); waits while the queue is full. Returns false when cancelled.
    private func send(_ batch: Batch) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        queue.append(batch)
        condition.broadcast()
        return true
    }

    /// Records the reader's ending (reader side).
    private func finish(_ ending: Ending) {
        condition.lock()
        self.ending = ending
        condition.broadcast()
        condition.unlock()
    }

    /// The next batch, waiting for the reader; nil when the reader has ended and every batch was taken.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while queue.isEmpty && ending == nil { condition.wait() }
        guard !queue.isEmpty else { return nil }
        let batch = queue.removeFirst()
        condition.broadcast()
        return batch
    }

    /// The reader's result, after ``next()`` returned nil.
    ///
    /// - Returns: The file's layout, the SHA-256 of its bytes when hashing, and the number of bytes read.
    /// - Throws: What stopped the reader (an unreadable file, a broken CSV structure, an unknown layout).
    func result() throws(TradeIOError) -> (layout: TradeFileLayout, digest: String?, bytes: Int64) {
        condition.lock()
        while ending == nil { condition.wait() }
        let ending = self.ending
        condition.unlock()
        switch ending {
        case let .success(value)?: return value
        case let .failure(error)?: throw error
        case nil: preconditionFailure("waited for the ending")
        }
    }

    /// Stops the reader (it ends at its next batch) and waits until its thread is done.
    func cancel() {
        condition.lock()
        cancelled = true
        queue.removeAll()
        condition.broadcast()
        while ending == nil { condition.wait() }
        condition.unlock()
    }
}
