import Foundation
import TradeDomain
import TradeIO

/// What one run has read, passed down explicitly (no global): every file and store a command
/// opens is recorded here with its SHA-256 and size, so that the run manifest of a JSON, Markdown
/// or HTML output names exactly the inputs of that run.
///
/// A reference type because the readers of one run add to it as they go; it is safe to share
/// between threads (every access is under a lock).
public final class RunContext: @unchecked Sendable {
    /// One input of the run.
    public struct Input: Hashable, Sendable {
        /// The name shown ("Data/dprk_china.csv", "store:download.csv", a user's path).
        public let name: String
        /// The SHA-256 of its bytes, hex.
        public let sha256: String
        /// Its size in bytes.
        public let bytes: Int

        /// An input.
        public init(name: String, sha256: String, bytes: Int) {
            self.name = name
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    private let lock = NSLock()
    private var recorded: [Input] = []
    private var calendarInUse: SanctionCalendar?

    /// An empty context.
    public init() {}

    /// The inputs in the order they were first read.
    public var inputs: [Input] {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The sanctions calendar the run used, if any.
    public var calendar: SanctionCalendar? {
        lock.lock()
        defer { lock.unlock() }
        return calendarInUse
    }

    /// Records an input already hashed (a store's ingested file, from its provenance).
    ///
    /// - Parameter input: The input; a second input of the same name is ignored.
    public func record(_ input: Input) {
        lock.lock()
        defer { lock.unlock() }
        if !recorded.contains(where: { $0.name == input.name }) { recorded.append(input) }
    }

    /// Records a file the run reads, hashing it.
    ///
    /// - Parameters:
    ///   - path: The file's path; `-` (standard input) is recorded as "standard input" without a digest.
    ///   - name: The name to show; the path by default.
    /// - Throws: `TradeIOError.cannotOpen` when the file cannot be read.
    public func recordFile(_ path: String, name: String? = nil) throws {
        let shown = name ?? path
        if path == "-" {
            record(Input(name: "standard input", sha256: "", bytes: 0))
            return
        }
        if inputs.contains(where: { $0.name == shown }) { return }
        let bytes = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int) ?? 0
        record(Input(name: shown, sha256: try SHA256.hexDigest(ofFile: path, displayName: shown), bytes: bytes))
    }

    /// Records the sanctions calendar the run used.
    public func use(calendar: SanctionCalendar) {
        lock.lock()
        defer { lock.unlock() }
        calendarInUse = calendar
    }
}
