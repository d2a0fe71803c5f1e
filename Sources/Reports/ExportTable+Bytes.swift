import TradeDomain

/// The long rows of ``ExportTable`` rendered straight into a UTF-8 byte buffer, for `tradescope export`
/// streaming millions of rows: the same bytes as ``ExportTable/csvLines(_:guardingFormulas:)``,
/// ``ExportTable/ndjsonLines(_:)`` and ``ExportTable/jsonRows(_:)`` (tested differentially against them),
/// without a `String` per field, an array of fields per row or a ``JSONValue`` per row.
///
/// The fields a record's rows share are rendered once per record, not once per row, and all but the period
/// (areas, code, source, names, description, note, keys) are kept while the next records repeat them, as
/// rows of one series do; the unit fields are rendered once per quantity unit. Text is copied as
/// bytes when it needs nothing (no quote, separator or line break for CSV; no character JSON escapes);
/// a CSV cell that the formula guard must change (one beginning with `=`, `+`, `-`, `@`, tab or CR, or
/// holding a control character) goes through ``CSVText/field(_:guardingFormulas:)`` itself, so the rare
/// cases keep the one definition. Numbers follow ``CSVText/number(_:)`` and ``JSONValue``: an integral
/// value below 10¹⁵ in magnitude as an integer, any other finite value as Swift's shortest round-trip
/// text (`Double.description`, written through `TextOutputStream` without a `String`), a non-finite value
/// as `NA` in CSV and as `null` followed by its `_na` reason in JSON.
public struct ExportRowRenderer: Sendable {
    /// Whether CSV text cells are guarded against formula injection (``CSVText/field(_:guardingFormulas:)``).
    public let guardingFormulas: Bool
    /// The shared fields of the current record, rendered: CSV `period,...,hs_level,` and `,source,...,partner_key`
    /// (JSON likewise); `seriesHead` is `head` without the period, kept with `tail` while ``rendered`` holds.
    private var head: [UInt8] = []
    private var seriesHead: [UInt8] = []
    private var tail: [UInt8] = []
    /// The fields `seriesHead` and `tail` were rendered from: rows come series by series, so a record mostly
    /// shares them with the one before, and they are compared (cheap for the same `String`) instead of rendered.
    private var rendered: SharedFields?
    /// Unit fields by quantity unit (quantity unit, unit price unit), rendered for CSV and for JSON.
    private var csvUnits: [QuantityUnit: (quantity: [UInt8], price: [UInt8])] = [:]
    private var jsonUnits: [QuantityUnit: (quantity: [UInt8], price: [UInt8])] = [:]

    /// - Parameter guardingFormulas: As for ``ExportTable/csvLines(_:guardingFormulas:)`` (default on).
    public init(guardingFormulas: Bool = true) {
        self.guardingFormulas = guardingFormulas
        head.reserveCapacity(256)
        tail.reserveCapacity(1024)
    }

    // MARK: CSV

    /// Appends the long CSV lines of one record (one per measure it has), the bytes of
    /// ``ExportTable/csvLines(_:guardingFormulas:)``.
    public mutating func appendCSVLines(_ entry: ExportTable.Entry, to output: inout [UInt8]) {
        let record = entry.record
        if !(rendered?.matches(entry, json: false) ?? false) {
            renderCSVShared(entry)
            rendered = SharedFields(entry, json: false)
        }
        head.removeAll(keepingCapacity: true)
        Self.appendPeriod(record.period, to: &head)
        head.append(Self.comma)
        head.append(contentsOf: seriesHead)

        if let value = record.value {
            csvRow(.valueUSD, value.amount, unit: Self.csvCurrency(value.currency), share: nil, to: &output)
        }
        if let quantity = record.quantity {
            csvRow(.quantity, quantity.amount, unit: csvUnits(quantity.unit).quantity, share: record.isQuantityEstimated, to: &output)
        }
        if let weight = record.netWeightKilograms {
            csvRow(.netWeightKilograms, weight, unit: Self.csvKilograms, share: record.isNetWeightEstimated, to: &output)
        }
        if let price = record.unitPrice {
            switch price.currency {
            case .usd: csvRow(.unitPrice, price.amount, unit: csvUnits(price.quantityUnit).price, share: record.isQuantityEstimated, to: &output)
            }
        }
    }

    /// The CSV fields after the period up to the measure (`reporter_iso,...,hs_level,`) and after the estimated
    /// share (`,source,...,partner_key` and the line end).
    private mutating func renderCSVShared(_ entry: ExportTable.Entry) {
        let record = entry.record
        seriesHead.removeAll(keepingCapacity: true)
        Self.csvField(entry.reporterArea.iso3, guardingFormulas: guardingFormulas, to: &seriesHead)
        seriesHead.append(Self.comma)
        Self.csvField(entry.partnerArea.iso3, guardingFormulas: guardingFormulas, to: &seriesHead)
        seriesHead.append(Self.comma)
        Self.csvField(record.flow.rawValue, guardingFormulas: guardingFormulas, to: &seriesHead)
        seriesHead.append(Self.comma)
        Self.csvField(record.commodity.description, guardingFormulas: guardingFormulas, to: &seriesHead)
        seriesHead.append(Self.comma)
        Self.csvField(ExportTable.level(record.commodity), guardingFormulas: guardingFormulas, to: &seriesHead)
        seriesHead.append(Self.comma)

        tail.removeAll(keepingCapacity: true)
        tail.append(Self.comma)
        Self.csvField(record.sourceID, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        Self.csvField(record.classification, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        if let code = entry.reporterArea.code { Self.appendInteger(Int64(code), to: &tail) }
        tail.append(Self.comma)
        if let code = entry.partnerArea.code { Self.appendInteger(Int64(code), to: &tail) }
        tail.append(Self.comma)
        Self.csvField(entry.reporterArea.name, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        Self.csvField(entry.partnerArea.name, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        if let flag = entry.legacyEstimationFlag { Self.appendInteger(Int64(flag), to: &tail) }
        tail.append(Self.comma)
        Self.csvField(record.commodityDescription, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        Self.csvField(record.note, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        Self.csvField(record.reporter.iso3, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.comma)
        Self.csvField(record.partner.iso3, guardingFormulas: guardingFormulas, to: &tail)
        tail.append(Self.newline)

    }

    private static let csvKilograms = Array("kg".utf8)
    private static let csvUSD = Array(Currency.usd.rawValue.utf8)

    private static func csvCurrency(_ currency: Currency) -> [UInt8] {
        switch currency {
        case .usd: return csvUSD
        }
    }

    private func csvRow(_ measure: ExportTable.Measure, _ value: Double, unit: [UInt8], share: Bool?, to output: inout [UInt8]) {
        output.append(contentsOf: head)
        output.append(contentsOf: measure.rawValue.utf8)   // the measure names need no quoting
        output.append(Self.comma)
        Self.appendCSVNumber(value, to: &output)
        output.append(Self.comma)
        output.append(contentsOf: unit)
        output.append(Self.comma)
        if let share { output.append(share ? UInt8(ascii: "1") : UInt8(ascii: "0")) }
        output.append(contentsOf: tail)
    }

    private mutating func csvUnits(_ unit: QuantityUnit) -> (quantity: [UInt8], price: [UInt8]) {
        if let known = csvUnits[unit] { return known }
        var quantity: [UInt8] = [], price: [UInt8] = []
        Self.csvField(unit.abbreviation, guardingFormulas: guardingFormulas, to: &quantity)
        Self.csvField(Currency.usd.rawValue + "/" + unit.abbreviation, guardingFormulas: guardingFormulas, to: &price)
        csvUnits[unit] = (quantity, price)
        return (quantity, price)
    }

    /// A CSV cell as ``CSVText/field(_:guardingFormulas:)`` writes it; nothing for `nil` (missing).
    private static func csvField(_ text: String?, guardingFormulas: Bool, to output: inout [UInt8]) {
        guard var text else { return }
        let written = text.withUTF8 { bytes -> Bool in
            guard let first = bytes.first else { return true }
            var quote = false
            for byte in bytes {
                if byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                    quote = true
                } else if guardingFormulas && ((byte < 0x20 && byte != 0x09) || byte == 0x7F || byte == 0xC2) {
                    return false   // a control character (0xC2 may begin a C1 one), which the guard writes as \xNN
                }
            }
            if guardingFormulas, first == 0x3D || first == 0x2B || first == 0x2D || first == 0x40 || first == 0x09 || first == 0x0D { return false }
            if quote { CSVText.appendQuoted(bytes, to: &output) } else { output.append(contentsOf: bytes) }
            return true
        }
        if !written {
            // The guard changes the cell (a leading formula character, a control character; 0xC2 may begin a C1
            // control): the String rendering decides, so the rare cells keep its one definition.
            output.append(contentsOf: CSVText.field(text, guardingFormulas: guardingFormulas).utf8)
        }
    }

    // MARK: JSON

    /// Appends the NDJSON lines of one record (one object per measure it has), the bytes of ``ExportTable/ndjsonLines(_:)``.
    public mutating func appendNDJSONLines(_ entry: ExportTable.Entry, to output: inout [UInt8]) {
        renderJSONShared(entry)
        forEachJSONRow(entry) { renderer, row in
            renderer.appendJSONRow(row, to: &output)
            output.append(Self.newline)
        }
    }

    /// Appends the rows of one record as JSON objects on one line each, the rows of ``ExportTable/jsonRows(_:)``,
    /// each preceded by `"\n    "` when `first` (then set to `false`) and by `",\n    "` after it: the elements of
    /// the export command's `rows` array.
    public mutating func appendJSONRows(_ entry: ExportTable.Entry, first: inout Bool, to output: inout [UInt8]) {
        renderJSONShared(entry)
        forEachJSONRow(entry) { renderer, row in
            if !first { output.append(Self.comma) }
            output.append(contentsOf: Self.jsonRowIndent)
            first = false
            renderer.appendJSONRow(row, to: &output)
        }
    }

    private typealias JSONRow = (measure: ExportTable.Measure, value: Double, unit: JSONUnit, share: Bool?)
    private enum JSONUnit { case usd, kilograms, quantity(QuantityUnit), price(QuantityUnit) }

    private mutating func forEachJSONRow(_ entry: ExportTable.Entry, _ body: (inout Self, JSONRow) -> Void) {
        let record = entry.record
        if let value = record.value {
            switch value.currency {
            case .usd: body(&self, (.valueUSD, value.amount, .usd, nil))
            }
        }
        if let quantity = record.quantity { body(&self, (.quantity, quantity.amount, .quantity(quantity.unit), record.isQuantityEstimated)) }
        if let weight = record.netWeightKilograms { body(&self, (.netWeightKilograms, weight, .kilograms, record.isNetWeightEstimated)) }
        if let price = record.unitPrice {
            switch price.currency {
            case .usd: body(&self, (.unitPrice, price.amount, .price(price.quantityUnit), record.isQuantityEstimated))
            }
        }
    }

    /// `{"period":...,"hs_level":...,"measure":"` and `,"source":...}` of the current record (the part after the
    /// period rendered again only when the shared fields change).
    private mutating func renderJSONShared(_ entry: ExportTable.Entry) {
        let record = entry.record
        head.removeAll(keepingCapacity: true)
        head.append(contentsOf: Self.jsonPeriodKey)
        Self.appendPeriod(record.period, to: &head)
        head.append(Self.quote)
        if !(rendered?.matches(entry, json: true) ?? false) {
            renderJSONSeries(entry)
            rendered = SharedFields(entry, json: true)
        }
        head.append(contentsOf: seriesHead)
    }

    private mutating func renderJSONSeries(_ entry: ExportTable.Entry) {
        let record = entry.record
        seriesHead.removeAll(keepingCapacity: true)
        Self.jsonMember(",\"reporter_iso\":", entry.reporterArea.iso3, to: &seriesHead)
        Self.jsonMember(",\"partner_iso\":", entry.partnerArea.iso3, to: &seriesHead)
        Self.jsonMember(",\"flow\":", record.flow.rawValue, to: &seriesHead)
        Self.jsonMember(",\"hs_code\":", record.commodity.description, to: &seriesHead)
        Self.jsonMember(",\"hs_level\":", ExportTable.level(record.commodity), to: &seriesHead)
        seriesHead.append(contentsOf: Self.jsonMeasureKey)

        tail.removeAll(keepingCapacity: true)
        Self.jsonMember(",\"source\":", record.sourceID, to: &tail)
        Self.jsonMember(",\"classification\":", record.classification, to: &tail)
        Self.jsonInteger(",\"reporter_code\":", entry.reporterArea.code, to: &tail)
        Self.jsonInteger(",\"partner_code\":", entry.partnerArea.code, to: &tail)
        Self.jsonMember(",\"reporter_name\":", entry.reporterArea.name, to: &tail)
        Self.jsonMember(",\"partner_name\":", entry.partnerArea.name, to: &tail)
        Self.jsonInteger(",\"legacy_flag\":", entry.legacyEstimationFlag, to: &tail)
        Self.jsonMember(",\"description\":", record.commodityDescription, to: &tail)
        Self.jsonMember(",\"note\":", record.note, to: &tail)
        Self.jsonMember(",\"reporter_key\":", record.reporter.iso3, to: &tail)
        Self.jsonMember(",\"partner_key\":", record.partner.iso3, to: &tail)
        tail.append(UInt8(ascii: "}"))
    }

    private mutating func appendJSONRow(_ row: JSONRow, to output: inout [UInt8]) {
        output.append(contentsOf: head)
        output.append(contentsOf: row.measure.rawValue.utf8)   // the measure names need no escaping
        output.append(contentsOf: Self.jsonValueKey)
        if row.value.isFinite {
            Self.appendFiniteNumber(row.value, to: &output)
        } else {
            // As JSONValue: null, then the reason in "<key>_na".
            output.append(contentsOf: "null".utf8)
            Self.jsonMember(",\"value_na\":", JSONValue.number(row.value).nonFiniteReason, to: &output)
        }
        output.append(contentsOf: Self.jsonUnitKey)
        switch row.unit {
        case .usd: output.append(contentsOf: Self.jsonUSD)
        case .kilograms: output.append(contentsOf: Self.jsonKilograms)
        case let .quantity(unit): output.append(contentsOf: jsonUnits(unit).quantity)
        case let .price(unit): output.append(contentsOf: jsonUnits(unit).price)
        }
        output.append(contentsOf: Self.jsonShareKey)
        if let share = row.share { output.append(share ? UInt8(ascii: "1") : UInt8(ascii: "0")) } else { output.append(contentsOf: "null".utf8) }
        output.append(contentsOf: tail)
    }

    private mutating func jsonUnits(_ unit: QuantityUnit) -> (quantity: [UInt8], price: [UInt8]) {
        if let known = jsonUnits[unit] { return known }
        var quantity: [UInt8] = [], price: [UInt8] = []
        Self.jsonString(unit.abbreviation, to: &quantity)
        Self.jsonString(Currency.usd.rawValue + "/" + unit.abbreviation, to: &price)
        jsonUnits[unit] = (quantity, price)
        return (quantity, price)
    }

    /// Every field of a row but the period and the measure's own (figure, unit, estimated share).
    private struct SharedFields {
        let json: Bool
        let reporterISO: String?, partnerISO: String?
        let flow: TradeFlow
        let commodity: CommodityCode
        let source: String, classification: String?
        let reporterCode: Int?, partnerCode: Int?
        let reporterName: String?, partnerName: String?
        let legacyFlag: Int?
        let description: String?, note: String?
        let reporterKey: String, partnerKey: String

        init(_ entry: ExportTable.Entry, json: Bool) {
            let record = entry.record
            self.json = json
            reporterISO = entry.reporterArea.iso3
            partnerISO = entry.partnerArea.iso3
            flow = record.flow
            commodity = record.commodity
            source = record.sourceID
            classification = record.classification
            reporterCode = entry.reporterArea.code
            partnerCode = entry.partnerArea.code
            reporterName = entry.reporterArea.name
            partnerName = entry.partnerArea.name
            legacyFlag = entry.legacyEstimationFlag
            description = record.commodityDescription
            note = record.note
            reporterKey = record.reporter.iso3
            partnerKey = record.partner.iso3
        }

        /// Whether `entry` has these fields (compared in place: no copy of its strings is made).
        func matches(_ entry: ExportTable.Entry, json: Bool) -> Bool {
            let record = entry.record
            return self.json == json && reporterISO == entry.reporterArea.iso3 && partnerISO == entry.partnerArea.iso3 && flow == record.flow
                && commodity == record.commodity && source == record.sourceID && classification == record.classification
                && reporterCode == entry.reporterArea.code && partnerCode == entry.partnerArea.code && reporterName == entry.reporterArea.name
                && partnerName == entry.partnerArea.name && legacyFlag == entry.legacyEstimationFlag && description == record.commodityDescription
                && note == record.note && reporterKey == record.reporter.iso3 && partnerKey == record.partner.iso3
        }
    }

    private static let jsonRowIndent = Array("\n    ".utf8)
    private static let jsonPeriodKey = Array("{\"period\":\"".utf8)
    private static let jsonMeasureKey = Array(",\"measure\":\"".utf8)
    private static let jsonValueKey = Array("\",\"value\":".utf8)
    private static let jsonUnitKey = Array(",\"unit\":".utf8)
    private static let jsonShareKey = Array(",\"estimated_share\":".utf8)
    private static let jsonUSD = Array("\"USD\"".utf8)
    private static let jsonKilograms = Array("\"kg\"".utf8)

    /// `key` (`,"name":`, given literally) and the string or `null`.
    private static func jsonMember(_ key: StaticString, _ text: String?, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        if let text { jsonString(text, to: &output) } else { output.append(contentsOf: "null".utf8) }
    }

    private static func jsonInteger(_ key: StaticString, _ value: Int?, to output: inout [UInt8]) {
        output.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        if let value { appendInteger(Int64(value), to: &output) } else { output.append(contentsOf: "null".utf8) }
    }

    /// A JSON string as ``JSONValue`` quotes it: `"` `\` LF CR tab escaped, `<` as `\u003c`, other controls
    /// below U+0020 as `\u00XX`, everything else (U+007F, non-ASCII) as it is.
    static func jsonString(_ text: String, to output: inout [UInt8]) {
        var text = text
        output.append(quote)
        text.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                switch byte {
                case 0x22: output.append(contentsOf: #"\""#.utf8)
                case 0x5C: output.append(contentsOf: #"\\"#.utf8)
                case 0x0A: output.append(contentsOf: #"\n"#.utf8)
                case 0x0D: output.append(contentsOf: #"\r"#.utf8)
                case 0x09: output.append(contentsOf: #"\t"#.utf8)
                case 0x3C: output.append(contentsOf: #"\u003c"#.utf8)
                default:
                    output.append(contentsOf: #"\u00"#.utf8)
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        output.append(quote)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    // MARK: Numbers and periods

    private static let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")

    /// ``CSVText/number(_:)`` as bytes.
    static func appendCSVNumber(_ value: Double, to output: inout [UInt8]) {
        if value.isFinite { appendFiniteNumber(value, to: &output) } else { output.append(contentsOf: "NA".utf8) }
    }

    /// A finite number as ``CSVText/number(_:)`` and ``JSONValue`` write it: an integer below 10¹⁵ without a
    /// decimal point (`-0.0` is `0`), else `Double.description`.
    static func appendFiniteNumber(_ value: Double, to output: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 1e15 {
            appendInteger(Int64(value), to: &output)
        } else {
            var sink = ByteSink(output: output)
            output = []
            value.write(to: &sink)
            output = sink.output
        }
    }

    /// Decimal digits of an integer, with `-` when negative (`String(value)`).
    static func appendInteger(_ value: Int64, to output: inout [UInt8]) {
        if value < 0 { output.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        if magnitude < 10 {
            output.append(UInt8(ascii: "0") + UInt8(magnitude))
            return
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var count = 0
            while magnitude > 0 {
                digits[19 - count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: digits[(20 - count)...]))
        }
    }

    /// ``Period/description`` as bytes: `2015`, `2015-Q1`, `2015-03`.
    static func appendPeriod(_ period: Period, to output: inout [UInt8]) {
        appendInteger(Int64(period.year), to: &output)
        switch period.frequency {
        case .annual: return
        case .quarterly:
            output.append(contentsOf: "-Q".utf8)
            appendInteger(Int64(period.quarter ?? 0), to: &output)
        case .monthly:
            let month = period.month ?? 0
            output.append(UInt8(ascii: "-"))
            if month < 10 { output.append(UInt8(ascii: "0")) }
            appendInteger(Int64(month), to: &output)
        }
    }
}

/// Collects `Double.write(to:)`'s text as bytes: the standard library hands a float's digits to
/// `_writeASCII` of the stream, so no `String` is made for them.
private struct ByteSink: TextOutputStream {
    var output: [UInt8]

    mutating func write(_ string: String) {
        output.append(contentsOf: string.utf8)
    }

    mutating func _writeASCII(_ buffer: UnsafeBufferPointer<UInt8>) {
        output.append(contentsOf: buffer)
    }
}
