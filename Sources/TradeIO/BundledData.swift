import Foundation
import TradeDomain

/// The bundled data set: North Korea's exports to China as Chinese customs
/// report them (China's imports from the DPRK), each figure with its source.
/// It is the default input of every command when no store is named. The DPRK
/// sanctions calendar beside them is named by the data set's profile and read by
/// the workspace when a command uses it (``SanctionCalendarReader``).
///
/// The UN Comtrade rows of `comtrade/comtrade_legacy_prk_hs27_hs44.csv` (HS 27 and
/// 44, 1988-2017, every reporter trading with the DPRK) are read with the legacy
/// Comtrade reader under the source id `UNCT_PMACG` and added to the records,
/// except rows whose figures the tidy file already holds from the same source
/// (counted in ``duplicateComtradeRows``, never listed twice).
///
/// UN Comtrade's area list, `areas.csv`, gives the name and codes of any reporter
/// or partner (``areas``).
///
/// The files live in the repository's `Data/` directory (see `Data/README.md`).
/// They are found, in order, in `$TRADESCOPE_DATA`, in a `Data/` directory above
/// the running executable (a build inside a clone), and in `./Data`.
public struct BundledData: Sendable {
    /// The trade figures file, relative to the data directory.
    public static let tradeFile = "dprk_china.csv"
    /// The source list, relative to the data directory.
    public static let sourcesFile = "sources.csv"
    /// The legacy UN Comtrade rows, relative to the data directory (read when present).
    public static let comtradeFile = "comtrade/comtrade_legacy_prk_hs27_hs44.csv"
    /// The source id of the Comtrade rows (a row of `sources.csv`).
    public static let comtradeSourceID = "UNCT_PMACG"
    /// UN Comtrade's area list, relative to the data directory (read when present).
    public static let areasFile = "areas.csv"

    /// The directory holding the files.
    public let directory: URL
    public let records: [TradeRecord]
    public let sources: [DataSource]
    /// The rows of the Comtrade file, with their numeric area codes (empty when the file is absent).
    public let comtradeRows: [TradeFileRow]
    /// Comtrade rows not added because the tidy file holds the same figures from the same source.
    public let duplicateComtradeRows: Int
    /// UN Comtrade's area list (names and codes of every reporter and partner), or nil
    /// when the data directory has no `areas.csv`.
    public let areas: AreaTable?

    /// Loads the bundled files from `directory`, or from the first place found.
    ///
    /// - Throws: `TradeIOError.bundledDataNotFound`, or the error of the first
    ///   bad row or key (file, line, field).
    public init(directory given: URL? = nil) throws(TradeIOError) {
        let directory: URL
        if let given { directory = given } else { directory = try Self.locate() }
        self.directory = directory
        func file(_ name: String) -> (path: String, display: String) {
            (directory.appendingPathComponent(name).path, "Data/" + name)
        }
        let sourceFile = file(Self.sourcesFile)
        sources = try DataSource.read(path: sourceFile.path, displayName: sourceFile.display)
        let trade = file(Self.tradeFile)
        let tidy = try TidyReader(path: trade.path, displayName: trade.display, knownSources: Set(sources.map(\.id))).readAll()
        let comtrade = file(Self.comtradeFile)
        if FileManager.default.fileExists(atPath: comtrade.path) {
            guard sources.contains(where: { $0.id == Self.comtradeSourceID }) else {
                throw TradeIOError.invalidValue(SourceLocation(file: sourceFile.display, line: 1, field: "source_id"),
                                                value: Self.comtradeSourceID, reason: "is not listed, but \(comtrade.display) needs it")
            }
            let contents = try TradeFileReader(path: comtrade.path, displayName: comtrade.display, sourceID: Self.comtradeSourceID).readAll()
            if let first = contents.rejected.first { throw first }
            comtradeRows = contents.rows
            (records, duplicateComtradeRows) = Self.merge(tidy, contents.records)
        } else {
            comtradeRows = []
            (records, duplicateComtradeRows) = (tidy, 0)
        }
        let areaFile = file(Self.areasFile)
        areas = FileManager.default.fileExists(atPath: areaFile.path)
            ? try AreaTable.read(path: areaFile.path, displayName: areaFile.display) : nil
    }

    /// The tidy records followed by the Comtrade records whose figures (period,
    /// reporter, partner, flow, code, source, value and quantity) the tidy file lacks.
    static func merge(_ tidy: [TradeRecord], _ comtrade: [TradeRecord]) -> (records: [TradeRecord], duplicates: Int) {
        struct Key: Hashable {
            let period: Period, reporter: CountryCode, partner: CountryCode, flow: TradeFlow, commodity: CommodityCode
            let source: String, value: Double?, quantity: Quantity?
            init(_ r: TradeRecord) {
                (period, reporter, partner, flow, commodity) = (r.period, r.reporter, r.partner, r.flow, r.commodity)
                (source, value, quantity) = (r.sourceID, r.value?.amount, r.quantity)
            }
        }
        let present = Set(tidy.map(Key.init))
        let added = comtrade.filter { !present.contains(Key($0)) }
        return (tidy + added, comtrade.count - added.count)
    }

    /// The data directory: `$TRADESCOPE_DATA`, else `Data/` above the executable, else `./Data`.
    ///
    /// - Throws: `TradeIOError.bundledDataNotFound` with the places searched.
    public static func locate() throws(TradeIOError) -> URL {
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
