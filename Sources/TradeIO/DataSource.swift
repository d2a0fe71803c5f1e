import Foundation

/// Where a figure comes from: one row of `Data/sources.csv`.
public struct DataSource: Hashable, Codable, Sendable, Identifiable {
    /// The identifier used in the `source_id` column of trade data.
    public let id: String
    /// The preference rank when sources disagree on a figure: lower is preferred
    /// (1 Chinese customs, 2 UN Comtrade, 3 UN 1718 Committee, 4 KITA, 5 KOTRA, 6 other).
    public let rank: Int
    /// `customs`, `comtrade`, `un1718`, `kita`, `kotra` or `other`.
    public let kind: String
    public let publisher: String
    public let title: String
    /// Publication date as the source gives it (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    public let date: String
    public let url: String
    /// A short quotation containing the figure.
    public let excerpt: String

    public init(id: String, rank: Int, kind: String, publisher: String, title: String, date: String, url: String, excerpt: String) {
        self.id = id
        self.rank = rank
        self.kind = kind
        self.publisher = publisher
        self.title = title
        self.date = date
        self.url = url
        self.excerpt = excerpt
    }

    /// Reads a sources file (`source_id,rank,kind,publisher,title,date,url,excerpt`).
    ///
    /// - Throws: `TradeIOError` naming the file, line and field of a bad row.
    public static func read(path: String, displayName: String? = nil) throws(TradeIOError) -> [DataSource] {
        let name = displayName ?? path
        var sources: [DataSource] = []
        var columns: [String: Int] = [:]
        var columnNames: [String] = []
        let cache = FieldCache()
        try CSVReader(path: path, displayName: name).forEachRawRecord(checkingUTF8: true) { (record) throws(TradeIOError) -> Bool in
            let line = record.line
            if columns.isEmpty {
                let fields = try record.strings()
                for (index, column) in fields.enumerated() { columns[column] = index }
                columnNames = fields
                for required in ["source_id", "rank", "kind", "publisher", "title", "date", "url", "excerpt"] where columns[required] == nil {
                    throw TradeIOError.missingColumn(file: name, column: required)
                }
                return true
            }
            guard record.count == columns.count else {
                throw TradeIOError.fieldCount(SourceLocation(file: name, line: line), expected: columns.count, found: record.count)
            }
            let row = FieldAccess(record: record, cache: cache)
            let header = HeaderColumns(columnNames)
            let field: (String) -> String = { row[header.column($0)] }
            guard let rank = Int(field("rank")), rank >= 1 else {
                throw TradeIOError.invalidValue(row.location(header.column("rank")), value: field("rank"), reason: "is not a positive integer")
            }
            sources.append(DataSource(
                id: field("source_id"), rank: rank, kind: field("kind"), publisher: field("publisher"), title: field("title"),
                date: field("date"), url: field("url"), excerpt: field("excerpt")))
            return true
        }
        return sources
    }
}
