import Foundation

/// Writes rejected rows to a CSV file (`ingest --rejects FILE`): one row per
/// rejection with `file,line,field,reason`, RFC 4180 quoting.
public final class RejectsWriter {
    private let handle: FileHandle
    /// The file written.
    public let path: String

    /// Creates (or truncates) the file and writes the header.
    ///
    /// - Parameter path: The file to write.
    /// - Throws: `TradeIOError.cannotOpen` when it cannot be created.
    public init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw TradeIOError.cannotOpen(file: path, reason: "cannot create the rejects file")
        }
        self.handle = handle
        handle.write(Data("file,line,field,reason\n".utf8))
    }

    deinit { try? handle.close() }

    /// Appends one rejection.
    ///
    /// - Parameter error: The error that rejected the row.
    public func write(_ error: TradeIOError) {
        let location = error.location
        let fields = [location?.file ?? "", location.map { String($0.line) } ?? "", location?.field ?? "", error.description]
        handle.write(Data((fields.map(Self.quoted).joined(separator: ",") + "\n").utf8))
    }

    static func quoted(_ field: String) -> String {
        // By bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
