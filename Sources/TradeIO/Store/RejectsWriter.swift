import Foundation

/// Writes rejected rows to a CSV file (`ingest --rejects FILE`): one row per
/// rejection with `file,line,field,reason`, RFC 4180 quoting.
///
/// Nothing is lost by naming the wrong file: the target is checked before anything is written, and
/// written by ``OutputFile``'s rules. An existing regular file is refused unless `force`; the store
/// and the input files are refused always (compared by device and inode, so another spelling of the
/// same path is caught). A regular file is written to a temporary file in the same directory and put
/// in place by ``finish()`` with the target's permissions (a hard-linked one is rewritten in place);
/// a FIFO, a device or standard output (`-`) is written directly.
public final class RejectsWriter {
    private let file: OutputFile
    /// The file written.
    public let path: String
    /// The first write error, reported by ``finish()`` (rows are written as they are rejected).
    private var writeError: TradeIOError?
    /// Applied to every field before quoting: how a terminal is kept from acting on control
    /// characters in the data when the rejects go to one (`--rejects -`); `nil` writes the data as it is.
    private let shown: (@Sendable (String) -> String)?

    /// Checks the target and opens the rejects file, writing its header.
    ///
    /// - Parameters:
    ///   - path: The file to write (`-` is standard output).
    ///   - force: Replace an existing regular file.
    ///   - protectedPaths: Files that must never be written (the store, the inputs).
    ///   - shown: Applied to every field before quoting (the CLI escapes control characters when the
    ///     rejects go to a terminal); `nil` keeps the data.
    /// - Throws: `TradeIOError.cannotOpen` naming the file and why it is refused or cannot be created.
    public init(path: String, force: Bool = false, protectedPaths: [String] = [],
                shown: (@Sendable (String) -> String)? = nil) throws(TradeIOError) {
        self.path = path
        self.shown = shown
        file = try OutputFile(path: path, force: force, protectedPaths: protectedPaths, role: "rejects file")
        try file.write("file,line,field,reason\n")
    }

    /// Appends one rejection.
    ///
    /// - Parameter error: The error that rejected the row.
    public func write(_ error: TradeIOError) {
        let location = error.location
        let fields = [location?.file ?? "", location.map { String($0.line) } ?? "", location?.field ?? "", error.description]
        guard writeError == nil else { return }
        do {
            try file.write(fields.map { Self.quoted(shown?($0) ?? $0) }.joined(separator: ",") + "\n")
        } catch {
            writeError = error
        }
    }

    /// Puts the rejects in place (``OutputFile/commit()``). Without this call (an ingest that failed) the target is untouched.
    ///
    /// - Throws: `TradeIOError.cannotOpen` when a row could not be written or the file cannot be put in place.
    public func finish() throws {
        if let writeError { throw writeError }
        try file.commit()
    }

    static func quoted(_ field: String) -> String {
        // By bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        // Quotes doubled by bytes too: a quote followed by a combining mark is one Character with it.
        var bytes: [UInt8] = [0x22]
        for byte in field.utf8 {
            if byte == 0x22 { bytes.append(0x22) }
            bytes.append(byte)
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
