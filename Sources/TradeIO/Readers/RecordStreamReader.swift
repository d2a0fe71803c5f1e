import Foundation
import TradeDomain

/// The text formats a record stream comes in (`--input-format`).
public enum RecordStreamFormat: String, Sendable, CaseIterable {
    /// CSV with a header row: the long columns of `tradescope export`, or any layout of
    /// ``TradeFileLayout`` (tidy wide, legacy Comtrade, Comtrade+).
    case csv
    /// Newline-delimited JSON: one object per line with the long columns of `tradescope export --format ndjson`.
    case ndjson
}

/// Reads trade records from a stream (standard input, a pipe or a file) one at a time, in the
/// order they arrive: the input of the streaming analyses (`--input -`).
///
/// The long layout of `tradescope export` has one row per record and measure (`value_usd`,
/// `quantity`, `net_weight_kg`, `unit_price`); the rows of one record follow each other, as
/// `export` writes them, and are put back together into one record: consecutive rows with the
/// same period, reporter, partner, flow, code, classification and source are one record. A
/// `unit_price` row is derived (value ÷ quantity) and is not read back. A measure that repeats
/// within such a run starts a new record (two records with one key, possible outside a store).
///
/// CSV in another layout (the wide tidy layout of `Data/`, legacy Comtrade, Comtrade+) is read
/// row by row by the reader `ingest` uses (``TradeFileReader``), so the records are the ones a
/// store ingested from the same rows holds.
///
/// Memory: one record (and one CSV chunk) at a time; nothing grows with the stream.
public struct RecordStreamReader: Sendable {
    /// The file to read (`/dev/stdin` for standard input).
    public let path: String
    /// How the stream is named in messages (`stdin`).
    public let displayName: String
    /// The format.
    public let format: RecordStreamFormat
    /// The source id of Comtrade rows (see ``TradeFileReader/sourceID``).
    public let sourceID: String

    /// The long columns a record stream needs (the other `export` columns are optional).
    public static let longColumns = ["period", "reporter_iso", "partner_iso", "flow", "hs_code", "measure", "value", "unit", "source"]

    /// - Parameters:
    ///   - path: The file to read; `/dev/stdin` for standard input.
    ///   - displayName: How the stream is named in messages (defaults to `path`).
    ///   - format: CSV or NDJSON.
    ///   - sourceID: The source id of Comtrade rows (default ``TradeFileReader/defaultComtradeSourceID``).
    public init(path: String, displayName: String? = nil, format: RecordStreamFormat, sourceID: String? = nil) {
        self.path = path
        self.displayName = displayName ?? path
        self.format = format
        self.sourceID = sourceID ?? TradeFileReader.defaultComtradeSourceID
    }

    /// Calls `body` with each record, or with the error that rejects a row (naming stream, line and
    /// field), in stream order. `body` returns `false` to stop.
    ///
    /// - Throws: `TradeIOError` when the stream cannot be read, a CSV header matches no layout, an
    ///   NDJSON line is not a JSON object; or what `body` throws, unchanged.
    public func forEachRecord(_ body: (Result<TradeFileRow, TradeIOError>) throws -> Bool) throws {
        var caller = CallerFailure()
        try readRecords { outcome in caller.stopOnError { try body(outcome) } }
        try caller.rethrow()
    }

    /// As ``forEachRecord(_:)``, for a `body` that throws only `TradeIOError`.
    func readRecords(_ body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        var assembler = LongRecordAssembler(displayName: displayName)
        var stopped = false
        func deliver(_ outcome: Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool {
            if !(try body(outcome)) { stopped = true }
            return !stopped
        }
        switch format {
        case .ndjson:
            try forEachLine { (line, text) throws(TradeIOError) -> Bool in
                guard !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) else { return true }
                let row: LongRow
                do throws(TradeIOError) {
                    row = try LongRow(json: text, location: SourceLocation(file: displayName, line: line))
                } catch {
                    return try deliver(.failure(error))
                }
                for outcome in assembler.add(row) where !(try deliver(outcome)) { return false }
                return true
            }
        case .csv:
            var header: [String: Int]?
            var dispatch: RowDispatch?
            var headerCount = 0
            try CSVReader(path: path, displayName: displayName).forEachRawRecord(checkingUTF8: true) { (record) throws(TradeIOError) -> Bool in
                if let dispatch { return try dispatch.convert(record, deliver) }
                guard let columns = header else {
                    let names = try record.strings().map { $0.trimmingCharacters(in: .whitespaces) }
                    if Self.longColumns.allSatisfy(names.contains) {
                        header = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
                        headerCount = names.count
                        return true
                    }
                    let rows = RowDispatch(displayName: displayName, sourceID: sourceID, knownSources: nil)
                    dispatch = rows
                    return try rows.convert(record, deliver)
                }
                guard record.count == headerCount else {
                    return try deliver(.failure(.fieldCount(SourceLocation(file: displayName, line: record.line), expected: headerCount, found: record.count)))
                }
                let fields = try record.strings()
                for outcome in assembler.add(LongRow(line: record.line, file: displayName) { name in columns[name].map { fields[$0] } ?? "" })
                where !(try deliver(outcome)) { return false }
                return true
            }
        }
        if !stopped, let last = assembler.finish() { _ = try deliver(.success(last)) }
    }

    /// Calls `body` with each line (1-based number, text without its line end), reading with
    /// `read(2)` so that a line is handed on as soon as it has arrived through a pipe.
    private func forEachLine(_ body: (Int, String) throws(TradeIOError) -> Bool) throws(TradeIOError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw TradeIOError.cannotOpen(file: displayName, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var pending: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var line = 0
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw TradeIOError.cannotOpen(file: displayName, reason: "read error: " + String(cString: strerror(errno)))
            }
            if count == 0 { break }
            var start = 0
            for index in 0..<count where chunk[index] == 0x0A {
                pending.append(contentsOf: chunk[start..<index])
                start = index + 1
                line += 1
                guard let text = String(validating: pending, as: UTF8.self) else { throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: line)) }
                pending.removeAll(keepingCapacity: true)
                if !(try body(line, text)) { return }
            }
            pending.append(contentsOf: chunk[start..<count])
            if pending.count > CSVReader.defaultMaximumRecordBytes { throw TradeIOError.lineTooLong(SourceLocation(file: displayName, line: line + 1), limit: CSVReader.defaultMaximumRecordBytes) }
        }
        if !pending.isEmpty {
            guard let text = String(validating: pending, as: UTF8.self) else { throw TradeIOError.invalidUTF8(SourceLocation(file: displayName, line: line + 1)) }
            _ = try body(line + 1, text)
        }
    }
}

/// One row of the long layout, from a CSV record or an NDJSON object: each column as text
/// (empty = missing).
struct LongRow {
    let line: Int
    let file: String
    let text: (String) -> String

    init(line: Int, file: String, text: @escaping (String) -> String) {
        self.line = line
        self.file = file
        self.text = text
    }

    /// An NDJSON line: a JSON object whose values are strings, numbers or null.
    init(json: String, location: SourceLocation) throws(TradeIOError) {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(json.utf8), options: [])
        } catch {
            throw TradeIOError.invalidValue(location, value: String(json.prefix(80)), reason: "is not a JSON object")
        }
        guard let members = object as? [String: Any] else {
            throw TradeIOError.invalidValue(location, value: String(json.prefix(80)), reason: "is not a JSON object")
        }
        for column in RecordStreamReader.longColumns where members[column] == nil {
            throw TradeIOError.invalidValue(SourceLocation(file: location.file, line: location.line, field: column), value: "", reason: "is missing from the object")
        }
        self.init(line: location.line, file: location.file) { name in
            switch members[name] {
            case let string as String: return string
            case let number as NSNumber:
                // Integers as integers; other numbers at full precision (Swift's shortest round-trip form).
                let double = number.doubleValue
                if double == double.rounded(), abs(double) < 1e15 { return String(Int64(double)) }
                return "\(double)"
            default: return ""
            }
        }
    }

    func location(_ field: String) -> SourceLocation { SourceLocation(file: file, line: line, field: field) }

    func parse<T>(_ field: String, _ transform: (String) throws(TradeDomainError) -> T) throws(TradeIOError) -> T {
        let value = text(field)
        do throws(TradeDomainError) {
            return try transform(value)
        } catch {
            throw TradeIOError.invalidValue(location(field), value: value, reason: "\(error)")
        }
    }

    func number(_ field: String) throws(TradeIOError) -> Double? {
        let value = text(field)
        if value.isEmpty { return nil }
        guard let number = Double(value), number.isFinite else {
            throw TradeIOError.invalidValue(location(field), value: value, reason: "is not a number")
        }
        return number
    }

    func integer(_ field: String) throws(TradeIOError) -> Int? {
        let value = text(field)
        if value.isEmpty { return nil }
        guard let number = Int(value) else { throw TradeIOError.invalidValue(location(field), value: value, reason: "is not an integer") }
        return number
    }
}

/// Puts the consecutive long rows of one record back together.
struct LongRecordAssembler {
    let displayName: String
    private var key: [String]?
    private var line = 0
    private var period: Period?
    private var reporter: CountryCode?
    private var partner: CountryCode?
    private var flow: TradeFlow?
    private var commodity: CommodityCode?
    private var classification: String?
    private var source = ""
    private var description: String?
    private var note: String?
    private var value: Double?
    private var quantity: Quantity?
    private var quantityEstimated = false
    private var netWeight: Double?
    private var netWeightEstimated = false
    private var reporterCode: Int?
    private var partnerCode: Int?
    private var legacyFlag: Int?
    private var seen: Set<String> = []

    init(displayName: String) {
        self.displayName = displayName
    }

    /// Adds one row; returns the previous record when this row starts another, and the error of a bad row.
    mutating func add(_ row: LongRow) -> [Result<TradeFileRow, TradeIOError>] {
        var finished: TradeFileRow?
        do throws(TradeIOError) {
            let rowKey = ["period", "reporter_iso", "reporter_code", "partner_iso", "partner_code", "flow", "hs_code", "classification", "source"]
                .map(row.text)
            let measure = row.text("measure")
            guard ["value_usd", "quantity", "net_weight_kg", "unit_price"].contains(measure) else {
                throw TradeIOError.invalidValue(row.location("measure"), value: measure, reason: "is not value_usd, quantity, net_weight_kg or unit_price")
            }
            guard let figure = try row.number("value") else {
                throw TradeIOError.invalidValue(row.location("value"), value: "", reason: "is empty: a long row holds one figure")
            }
            if rowKey != key || seen.contains(measure) {
                finished = finish()
                try start(row, key: rowKey)
            }
            seen.insert(measure)
            let estimated = try row.number("estimated_share").map { $0 != 0 } ?? false
            switch measure {
            case "value_usd": value = figure
            case "quantity":
                quantity = Quantity(amount: figure, unit: try row.parse("unit") { (text) throws(TradeDomainError) in try QuantityUnit(parsing: text) })
                quantityEstimated = estimated
            case "net_weight_kg":
                netWeight = figure
                netWeightEstimated = estimated
            default: break
            }
            return finished.map { [.success($0)] } ?? []
        } catch {
            return (finished.map { [.success($0)] } ?? []) + [.failure(error)]
        }
    }

    /// The column that keys one side of a record: `reporter_key`/`partner_key` when the row has it (the
    /// store's series key as an export writes it, so that reading an export back gives the store's series:
    /// 711 keyed `ZAF` as the legacy file has it, 490 keyed `S19` as Comtrade+ has it); else the ISO3
    /// column; else, for an area without an ISO3 code (490 "Other Asia, nes", World), the numeric code,
    /// as the legacy readers key it.
    static func areaField(_ side: String, of row: LongRow) -> String {
        if !row.text(side + "_key").isEmpty { return side + "_key" }
        return row.text(side + "_iso").isEmpty && !row.text(side + "_code").isEmpty ? side + "_code" : side + "_iso"
    }

    private mutating func start(_ row: LongRow, key rowKey: [String]) throws(TradeIOError) {
        key = nil
        line = row.line
        period = try row.parse("period") { (text) throws(TradeDomainError) in try Period(parsing: text) }
        reporter = try row.parse(Self.areaField("reporter", of: row)) { (text) throws(TradeDomainError) in try CountryCode(text) }
        partner = try row.parse(Self.areaField("partner", of: row)) { (text) throws(TradeDomainError) in try CountryCode(text) }
        flow = try row.parse("flow") { (text) throws(TradeDomainError) in try TradeFlow(parsing: text) }
        commodity = try row.parse("hs_code") { (text) throws(TradeDomainError) in try CommodityCode(parsing: text) }
        let classificationText = row.text("classification")
        classification = classificationText.isEmpty ? nil : classificationText
        source = row.text("source")
        guard !source.isEmpty else { throw TradeIOError.invalidValue(row.location("source"), value: "", reason: "is empty: every figure needs its source") }
        let descriptionText = row.text("description"), noteText = row.text("note")
        description = descriptionText.isEmpty ? nil : descriptionText
        note = noteText.isEmpty ? nil : noteText
        reporterCode = try row.integer("reporter_code")
        partnerCode = try row.integer("partner_code")
        legacyFlag = try row.integer("legacy_flag")
        value = nil
        quantity = nil
        netWeight = nil
        quantityEstimated = false
        netWeightEstimated = false
        seen = []
        key = rowKey
    }

    /// The record being assembled, if any; the assembler is then empty.
    mutating func finish() -> TradeFileRow? {
        guard key != nil, let period, let reporter, let partner, let flow, let commodity else { return nil }
        key = nil
        let record = TradeRecord(
            period: period, reporter: reporter, partner: partner, flow: flow, commodity: commodity,
            commodityDescription: description, classification: classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity, netWeightKilograms: netWeight,
            isQuantityEstimated: quantityEstimated, isNetWeightEstimated: netWeightEstimated, sourceID: source, note: note)
        return TradeFileRow(line: line, record: record, reporterNumericCode: reporterCode, partnerNumericCode: partnerCode, legacyEstimationFlag: legacyFlag)
    }
}
