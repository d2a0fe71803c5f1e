import Foundation
import TradeDomain

/// The bundled data set: North Korea's exports to China as Chinese customs
/// report them (China's imports from the DPRK), each figure with its source,
/// plus the DPRK sanctions calendar. It is the default input of every command
/// when no store is named.
///
/// The files live in the repository's `Data/` directory (see `Data/README.md`).
/// They are found, in order, in `$TRADESCOPE_DATA`, in a `Data/` directory above
/// the running executable (a build inside a clone), and in `./Data`.
public struct BundledData: Sendable {
    /// The trade figures file, relative to the data directory.
    public static let tradeFile = "dprk_china.csv"
    /// The source list, relative to the data directory.
    public static let sourcesFile = "sources.csv"
    /// The sanctions calendar, relative to the data directory.
    public static let sanctionsFile = "sanctions/sanctions_dprk.yaml"

    /// The directory holding the files.
    public let directory: URL
    public let records: [TradeRecord]
    public let sources: [DataSource]
    public let sanctions: [SanctionEvent]

    /// Loads the bundled files from `directory`, or from the first place found.
    ///
    /// - Throws: `TradeIOError.bundledDataNotFound`, or the error of the first
    ///   bad row or key (file, line, field).
    public init(directory: URL? = nil) throws {
        let directory = try directory ?? Self.locate()
        self.directory = directory
        func file(_ name: String) -> (path: String, display: String) {
            (directory.appendingPathComponent(name).path, "Data/" + name)
        }
        let sourceFile = file(Self.sourcesFile)
        sources = try DataSource.read(path: sourceFile.path, displayName: sourceFile.display)
        let trade = file(Self.tradeFile)
        records = try TidyReader(path: trade.path, displayName: trade.display, knownSources: Set(sources.map(\.id))).readAll()
        let calendar = file(Self.sanctionsFile)
        sanctions = try SanctionCalendarReader(path: calendar.path, displayName: calendar.display).read()
    }

    /// The data directory: `$TRADESCOPE_DATA`, else `Data/` above the executable, else `./Data`.
    ///
    /// - Throws: `TradeIOError.bundledDataNotFound` with the places searched.
    public static func locate() throws -> URL {
        var candidates: [URL] = []
        if let environment = ProcessInfo.processInfo.environment["TRADESCOPE_DATA"], !environment.isEmpty {
            candidates.append(URL(fileURLWithPath: environment))
        }
        var directory = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<8 {
            candidates.append(directory.appendingPathComponent("Data"))
            directory.deleteLastPathComponent()
        }
        candidates.append(URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Data"))
        for candidate in candidates
        where FileManager.default.fileExists(atPath: candidate.appendingPathComponent(tradeFile).path) {
            return candidate
        }
        throw TradeIOError.bundledDataNotFound(searched: candidates.map(\.path))
    }

    /// The preference (rank, then publication date) of each source id.
    public var sourcePreferences: [String: SourcePreference] {
        Dictionary(sources.map { ($0.id, SourcePreference(rank: $0.rank, date: $0.date)) }, uniquingKeysWith: { first, _ in first })
    }
}
