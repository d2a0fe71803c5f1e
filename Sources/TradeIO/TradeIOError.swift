import TradeDomain

/// Where in an input file something was found: file, 1-based line, and the field.
public struct SourceLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// The 1-based physical line on which the record starts.
    public let line: Int
    /// The column name from the header, when known.
    public let field: String?

    public init(file: String, line: Int, field: String? = nil) {
        self.file = file
        self.line = line
        self.field = field
    }

    public var description: String {
        if let field { return "\(file):\(line): field '\(field)'" }
        return "\(file):\(line)"
    }
}

/// Errors of reading and writing trade data. Every data error names the file,
/// the line and, where it applies, the field.
public enum TradeIOError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The file does not exist or cannot be opened.
    case cannotOpen(file: String, reason: String)
    /// A quoted field is not closed before the end of the file.
    case unterminatedQuote(SourceLocation)
    /// A character follows a closing quote inside a field (`"ab"c`).
    case textAfterClosingQuote(SourceLocation)
    /// The bytes of a record are not valid UTF-8.
    case invalidUTF8(SourceLocation)
    /// A record has more or fewer fields than the header.
    case fieldCount(SourceLocation, expected: Int, found: Int)
    /// A line is longer than the reader accepts.
    case lineTooLong(SourceLocation, limit: Int)
    /// A record has more fields than the reader accepts.
    case tooManyFields(SourceLocation, limit: Int)
    /// The header matches none of the known layouts.
    case unknownLayout(file: String, header: [String])
    /// The header lacks a required column.
    case missingColumn(file: String, column: String)
    /// The header names a column twice (which one a reader used would be a guess).
    case duplicateColumn(file: String, column: String)
    /// A field holds a value that cannot be used.
    case invalidValue(SourceLocation, value: String, reason: String)
    /// A YAML document cannot be parsed or does not have the expected shape.
    case invalidYAML(SourceLocation, reason: String)
    /// The bundled data directory cannot be found.
    case bundledDataNotFound(searched: [String])
    /// A record has the key (reporter, partner, flow, period, code, classification)
    /// of a record already in the store (or earlier in the same file), under `--strict`.
    case overlappingRecord(SourceLocation, key: String, previousFile: String)
    /// The SQLite store cannot be opened, read or written.
    case store(path: String, reason: String)
    /// The input is not in a format the reader takes (detected from its first bytes, not its name).
    case unsupportedFormat(file: String, detected: String, accepted: String)

    /// Where the error was found, when it is about a place in a file.
    public var location: SourceLocation? {
        switch self {
        case let .unterminatedQuote(location), let .textAfterClosingQuote(location), let .invalidUTF8(location),
             let .fieldCount(location, _, _), let .lineTooLong(location, _), let .tooManyFields(location, _), let .invalidValue(location, _, _),
             let .invalidYAML(location, _), let .overlappingRecord(location, _, _):
            return location
        case .cannotOpen, .unknownLayout, .missingColumn, .duplicateColumn, .bundledDataNotFound, .store, .unsupportedFormat:
            return nil
        }
    }

    /// A value as shown in a message: at most 120 characters, so that a huge field
    /// does not make a huge message.
    static func shown(_ value: String) -> String {
        guard value.utf8.count > 120 else { return value }
        return String(value.prefix(100)) + "... (\(value.utf8.count) bytes)"
    }

    public var description: String {
        switch self {
        case let .cannotOpen(file, reason):
            return "\(file): cannot open: \(reason)"
        case let .unterminatedQuote(location):
            return "\(location): quoted field is not closed before the end of the file"
        case let .textAfterClosingQuote(location):
            return "\(location): text follows a closing quote (a quote inside a quoted field must be doubled)"
        case let .invalidUTF8(location):
            return "\(location): record is not valid UTF-8"
        case let .fieldCount(location, expected, found):
            return "\(location): \(found) fields, the header has \(expected)"
        case let .lineTooLong(location, limit):
            return "\(location): record longer than \(limit) bytes (a quote left open, or not a CSV file?); refused rather than read into memory"
        case let .tooManyFields(location, limit):
            return "\(location): record has more than \(limit) fields; refused"
        case let .unknownLayout(file, header):
            let shown = header.prefix(6).joined(separator: ",")
            return "\(file):1: header '\(shown)\(header.count > 6 ? ",..." : "")' matches no known layout (tidy CSV, legacy Comtrade, Comtrade+)"
        case let .missingColumn(file, column):
            return "\(file):1: header lacks the required column '\(column)'"
        case let .duplicateColumn(file, column):
            return "\(file):1: header names the column '\(column)' twice; refused (which one is meant is unknown)"
        case let .invalidValue(location, value, reason):
            return "\(location): '\(Self.shown(value))' \(reason)"
        case let .invalidYAML(location, reason):
            return "\(location): \(reason)"
        case let .overlappingRecord(location, key, previousFile):
            return "\(location): record \(key) is already in the store from \(previousFile); --strict refuses to replace it"
        case let .store(path, reason):
            return "store \(path): \(reason)"
        case let .unsupportedFormat(file, detected, accepted):
            return "\(file): is \(detected); tradescope reads \(accepted)"
        case let .bundledDataNotFound(searched):
            return "bundled data not found (looked in \(searched.joined(separator: ", "))); set TRADESCOPE_DATA to the Data directory"
        }
    }
}
