import Foundation
import TradeDomain

/// Reads any trade CSV tradescope knows (tidy, legacy Comtrade, Comtrade+), plain or gzip-compressed,
/// and Comtrade+ API JSON responses, choosing the reader from the header row (the keys of the first
/// JSON record; ``TradeFileLayout/detect(header:)``). The format is told from the first bytes, not the
/// name (``InputSource``); anything else is refused naming what was found and what is accepted.
///
/// Streaming: one row at a time is handed to the caller, so memory does not grow
/// with the file. Each data row yields a ``TradeFileRow`` or the error that
/// rejects it, which names file, line and column; nothing is dropped silently.
public struct TradeFileReader: Sendable {
    /// The file to read.
    public let path: String
    /// How the file is named in messages.
    public let displayName: String
    /// The source id given to records of Comtrade files (tidy rows carry their own).
    public let sourceID: String
    /// Source ids a tidy row may name; `nil` accepts any.
    public let knownSources: Set<String>?

    /// The source id of Comtrade rows when none is given: `UN_COMTRADE`. One id for
    /// every Comtrade file, so that a revised download overlaps (and replaces) the earlier one in a store.
    public static let defaultComtradeSourceID = "UN_COMTRADE"

    /// - Parameters:
    ///   - path: The file to read.
    ///   - displayName: How the file is named in messages (defaults to `path`).
    ///   - sourceID: The source id of the records of a Comtrade file (default: ``defaultComtradeSourceID``).
    ///   - knownSources: For tidy files, the source ids a row may name (`nil` = any).
    public init(path: String, displayName: String? = nil, sourceID: String? = nil, knownSources: Set<String>? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        self.sourceID = sourceID ?? Self.defaultComtradeSourceID
        self.knownSources = knownSources
    }

    /// The layout of the file, from its header row.
    ///
    /// - Throws: `TradeIOError.cannotOpen`, `.unknownLayout`, or a CSV error of the header.
    public func layout() throws(TradeIOError) -> TradeFileLayout {
        try readRows { _ in false }
    }

    /// Calls `body` with the layout once, then with each data row's outcome. `body`
    /// returns `false` to stop early.
    ///
    /// - Parameters:
    ///   - observe: Called with each chunk of the file's bytes as read (see ``CSVReader/forEachRecord(observingBytes:_:)``).
    ///   - body: Receives a row or the located error that rejects it.
    /// - Returns: The layout of the file.
    /// - Throws: `TradeIOError` when the file cannot be read as CSV (unclosed
    ///   quote, invalid UTF-8, ...) or its header matches no layout; or what `body` throws, unchanged.
    @discardableResult
    public func forEachRow(observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                           _ body: (Result<TradeFileRow, TradeIOError>) throws -> Bool) throws -> TradeFileLayout {
        var caller = CallerFailure()
        let layout = try readRows(observingBytes: observe) { outcome in caller.stopOnError { try body(outcome) } }
        try caller.rethrow()
        return layout
    }

    /// As ``forEachRow(observingBytes:_:)``, for a `body` that throws only `TradeIOError`.
    @discardableResult
    func readRows(observingBytes observe: ((UnsafeBufferPointer<UInt8>) -> Void)? = nil,
                  _ body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> TradeFileLayout {
        let rows = RowDispatch(displayName: displayName, sourceID: sourceID, knownSources: knownSources)
        // Raw records with UTF-8 checked per field: the records, lines and errors of
        // `forEachRecord`, without a `String` for every field (FieldAccess).
        //
        // The closure reaches the dispatch through `Unmanaged`, so that no retain and release surround each
        // record (measured: Benchmarks/README.md, "TradeIO: typed errors..."). Lifetime: `rows` is kept
        // alive by `withExtendedLifetime` until the read has returned, and the closure does not escape it.
        let dispatch = Unmanaged.passUnretained(rows)
        let csv = CSVReader(path: path, displayName: displayName)
        // The format is told from the first bytes (gzip is read through zlib): CSV, or a Comtrade+ API JSON response.
        let source = try InputSource(path: path, displayName: displayName, observe: observe)
        try withExtendedLifetime(rows) { () throws(TradeIOError) in
            switch source.content {
            case .csv:
                var parser = CSVParserState(displayName: displayName, maximumRecordBytes: csv.maximumRecordBytes,
                                            maximumFieldCount: csv.maximumFieldCount, checksUTF8: true)
                // A row with invalid UTF-8 or a stray quote is rejected with its reason, and the rows after it read.
                parser.recoversRecordErrors = true
                rows.recordErrors = parser.storage
                let name = CSVFileName(displayName)
                try withExtendedLifetime(name) { () throws(TradeIOError) in
                    try csv.run(&parser, source: source) { (line, bytes, ends) throws(TradeIOError) -> Bool in
                        try dispatch.withGuaranteedInstance { (rows) throws(TradeIOError) in
                            try rows.convert(CSVRawRecord(line: line, file: name, bytes: bytes, ends: ends), body)
                        }
                    }
                }
            case .json:
                try JSONRecordReader(displayName: displayName, maximumRecordBytes: csv.maximumRecordBytes).forEachRecord(source) { (outcome) throws(TradeIOError) -> Bool in
                    switch outcome {
                    case let .success(record): return try dispatch.withGuaranteedInstance { (rows) throws(TradeIOError) in try rows.convert(record, body) }
                    case let .failure(error): return try body(.failure(error))
                    }
                }
            }
        }
        guard let layout = rows.layout else { throw TradeIOError.unknownLayout(file: displayName, header: []) }
        return layout
    }

    /// The number of physical lines of a file (line feeds, plus one for a last line
    /// without one), for a progress estimate; a quoted field spanning lines makes
    /// it larger than the number of records.
    ///
    /// - Parameter path: The file.
    /// - Returns: The line count, or `nil` when the file cannot be read.
    /// - Complexity: One pass over the file in 1 MiB chunks; constant memory.
    public static func physicalLineCount(path: String) -> Int? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var count = 0
        var last: UInt8 = 0x0A
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { bytes in
                for byte in bytes where byte == 0x0A { count += 1 }
            }
            last = chunk.last ?? last
        }
        return count + (last == 0x0A ? 0 : 1)
    }

    /// Reads the whole file, keeping good rows and collecting rejected ones.
    ///
    /// - Returns: The layout, the rows kept and the rejections, in file order.
    /// - Throws: `TradeIOError` for a file that cannot be read as CSV or has an unknown header.
    public func readAll() throws(TradeIOError) -> TradeFileContents {
        var rows: [TradeFileRow] = []
        var rejected: [TradeIOError] = []
        let layout = try readRows { outcome in
            switch outcome {
            case let .success(row): rows.append(row)
            case let .failure(error): rejected.append(error)
            }
            return true
        }
        return TradeFileContents(layout: layout, rows: rows, rejected: rejected)
    }
}

/// A reader with its columns resolved from a file's header.
enum ResolvedReader {
    case tidy(TidyReader.Columns)
    case legacy(ComtradeLegacyReader.Columns)
    case plus(ComtradePlusReader.Converter)
}

/// The state of one ``TradeFileReader/forEachRow(observingBytes:_:)``: the layout and reader
/// chosen from the header, then each record's conversion.
///
/// A class, so that the closure handed to the CSV reader captures one reference rather than each
/// string and cache (each of which would be retained and released per record).
final class RowDispatch {
    let displayName: String
    let sourceID: String
    let knownSources: Set<String>?
    let cache = FieldCache()
    /// The layout, once the header is read.
    private(set) var layout: TradeFileLayout?
    private var reader: ResolvedReader?
    /// The converter of a Comtrade+ file, once the header is read. `Unmanaged`, and used through
    /// `_withUnsafeGuaranteedRef`, so that taking it for each row does not retain and release it.
    /// Lifetime: `reader` (`.plus`) holds the same converter strongly, is set with it, and is never
    /// reset while this dispatch lives.
    private var plus: Unmanaged<ComtradePlusReader.Converter>?
    private var headerCount = 0
    /// The parser's record storage, whose `recordError` names what rejects the record handed out (CSV only).
    var recordErrors: CSVRecordStorage?

    init(displayName: String, sourceID: String, knownSources: Set<String>?) {
        self.displayName = displayName
        self.sourceID = sourceID
        self.knownSources = knownSources
    }

    /// Reads the header (the first record), then hands each data record's outcome to `body`.
    ///
    /// - Returns: What `body` returns (`true` for the header).
    /// - Throws: `TradeIOError.unknownLayout` or `.invalidUTF8` for the header; what `body` throws.
    @inline(__always)
    func convert(_ record: CSVRawRecord, _ body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> Bool {
        if let recordErrors, recordErrors.recordError != nil || (record.bytes.baseAddress.map { memchr($0, 0, record.bytes.count) != nil } ?? false) {
            return try convertFaulty(record, error: recordErrors.recordError, body)
        }
        // Comtrade+ rows go straight to their converter; the header and the other layouts take the
        // general path, kept apart so that its copies of the record and the enum do not burden this one.
        if let plus, record.count == headerCount {
            return try plus.withGuaranteedInstance { (converter) throws(TradeIOError) in try converter.deliver(record, to: body) }
        }
        return try convertGeneral(record, body)
    }

    /// A record the parser found an error in (`error`), or one holding a NUL byte: rejected with its reason,
    /// never stored cut at the NUL (C strings and some exports would end the field there). In the header, an error.
    @inline(never)
    private func convertFaulty(_ record: CSVRawRecord, error: TradeIOError?,
                               _ body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> Bool {
        var problem = error
        if problem == nil, let index = (0..<record.count).first(where: { record[$0].contains(0) }) {
            let shown = String(decoding: record[index], as: UTF8.self).replacingOccurrences(of: "\u{0}", with: "\\0")
            problem = .invalidValue(SourceLocation(file: displayName, line: record.line, field: "column \(index + 1)"),
                                    value: TradeIOError.shown(shown), reason: "holds a NUL byte (\\0); refused rather than cut at it")
        }
        guard let problem else { return try convertGeneral(record, body) }
        if reader == nil { throw problem }
        return try body(.failure(problem))
    }

    /// As ``convert(_:_:)``, for the header, any row of a tidy or legacy file, and rows with the wrong field count.
    @inline(never)
    private func convertGeneral(_ record: CSVRawRecord, _ body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> Bool {
        let line = record.line
        guard let current = reader else {
            let header = try record.strings().map { $0.trimmingCharacters(in: .whitespaces) }
            guard let detected = TradeFileLayout.detect(header: header) else {
                throw TradeIOError.unknownLayout(file: displayName, header: header)
            }
            layout = detected
            // Column positions are resolved here, once per file, not looked up by name per row.
            let columns = try HeaderColumns.checked(header, file: displayName)
            switch detected {
            case .tidy: reader = .tidy(TidyReader.Columns(columns))
            case .comtradeLegacyAPI, .comtradeLegacyBulk: reader = .legacy(ComtradeLegacyReader.Columns(columns))
            case .comtradePlus, .comtradePlusBulk:
                let converter = ComtradePlusReader.Converter(columns: ComtradePlusReader.Columns(columns), cache: cache, sourceID: sourceID)
                reader = .plus(converter)
                plus = Unmanaged.passUnretained(converter)
            }
            headerCount = header.count
            return true
        }
        guard record.count == headerCount else {
            return try body(.failure(.fieldCount(SourceLocation(file: displayName, line: line), expected: headerCount, found: record.count)))
        }
        switch current {
        case let .tidy(columns):
            let row = FieldAccess(record: record, cache: cache)
            return try body(Result { () throws(TradeIOError) in
                TradeFileRow(line: line, record: try TidyReader.record(from: row, columns: columns, knownSources: knownSources))
            })
        case let .legacy(columns):
            let row = FieldAccess(record: record, cache: cache)
            return try body(Result { () throws(TradeIOError) in try ComtradeLegacyReader.row(from: row, columns: columns, sourceID: sourceID) })
        case let .plus(converter):
            return try converter.deliver(record, to: body)
        }
    }
}

extension Unmanaged {
    /// Calls `body` with the instance, which the caller guarantees alive for the call, without a
    /// retain and release around it (`_withUnsafeGuaranteedRef`, whose `rethrows` loses the error's type).
    @inline(__always)
    func withGuaranteedInstance<Value>(_ body: (Instance) throws(TradeIOError) -> Value) throws(TradeIOError) -> Value {
        try _withUnsafeGuaranteedRef { instance in Result { () throws(TradeIOError) in try body(instance) } }.get()
    }
}
