import TradeDomain

/// What the application layer refuses: a store that does not exist, a selection that matches
/// nothing, a calendar or profile that cannot be used. Every description says what was asked
/// and what is there instead (exit code 2 in the CLI).
public enum TradeScopeKitError: Error, Equatable, CustomStringConvertible {
    /// `--db` names no file.
    case storeNotFound(path: String)
    /// A selection matched no record; `present` says what the data do hold near it.
    case noRecords(selection: String, present: String)
    /// A data-set profile that cannot be read.
    case invalidProfile(file: String, reason: String)
    /// A record stream read as grouped (`--input -`) came back to a group already analysed.
    case streamNotGrouped(file: String, line: Int, key: String, grouping: String)

    public var description: String {
        switch self {
        case let .storeNotFound(path):
            return "--db: \(path) does not exist; create it with 'tradescope ingest FILE --db \(path)'"
        case let .noRecords(selection, present):
            return "no records for \(selection); \(present)"
        case let .invalidProfile(file, reason):
            return "\(file): \(reason)"
        case let .streamNotGrouped(file, line, key, grouping):
            return "\(file), line \(line): group \(key) appears again after other groups; the stream is not grouped by \(grouping). "
                + "Sort it by the group key, or pass --input-unsorted to hold every record until the end (memory grows with the stream)"
        }
    }
}
