/// How a report cites a source id: publisher, title, date, address and a quote.
public struct SourceCitation: Hashable, Codable, Sendable {
    public let id: String
    public let publisher: String
    public let title: String
    public let date: String
    public let url: String
    public let excerpt: String

    public init(id: String, publisher: String, title: String, date: String, url: String, excerpt: String) {
        self.id = id
        self.publisher = publisher
        self.title = title
        self.date = date
        self.url = url
        self.excerpt = excerpt
    }

    /// The date as a report prints it: `undated` when the source gives none (an empty
    /// `date` in `Data/sources.csv`), rather than empty brackets.
    public var displayDate: String {
        date.isEmpty ? "undated" : date
    }
}
