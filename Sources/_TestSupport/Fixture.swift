// Reference-file loading shared by the test targets. Not API.
import Foundation

/// A CSV reference file with a header row, read into columns of strings.
///
/// Reference files are small (kilobytes), written by the generator scripts
/// kept beside them; they use plain comma separation without quoting.
public struct Fixture: Sendable {
    public let header: [String]
    public let rows: [[String]]

    public init(url: URL) throws {
        let text = try String(contentsOf: url, encoding: .utf8)
        var lines = text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).map(String.init)
        lines.removeAll { $0.hasPrefix("#") || $0.trimmingCharacters(in: .whitespaces).isEmpty }
        guard let first = lines.first else { header = []; rows = []; return }
        header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// The values of a named column as doubles (`NA` or empty become NaN).
    public func doubles(_ column: String) -> [Double] {
        guard let index = header.firstIndex(of: column) else { return [] }
        return rows.map { Double($0[index]) ?? .nan }
    }

    /// The values of a named column as strings.
    public func strings(_ column: String) -> [String] {
        guard let index = header.firstIndex(of: column) else { return [] }
        return rows.map { $0[index] }
    }

    /// The rows whose `column` equals `value`.
    public func filter(_ column: String, equals value: String) -> Fixture {
        guard let index = header.firstIndex(of: column) else { return self }
        return Fixture(header: header, rows: rows.filter { $0[index] == value })
    }

    public init(header: [String], rows: [[String]]) {
        self.header = header
        self.rows = rows
    }
}
