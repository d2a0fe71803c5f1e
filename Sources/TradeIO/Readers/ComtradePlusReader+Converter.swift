import Foundation
import TradeDomain

extension ComtradePlusReader {
    /// Converts the data rows of one Comtrade+ file: the header's column positions, the
    /// caches of the file's reading and the source id, built once per file.
    ///
    /// Each row first takes a fast path over the raw bytes (``fastDeliver(_:to:)``): it handles the
    /// common row (every field in its plain form, every code already parsed on an earlier
    /// row) without a `FieldAccess`, a `String` per code or an error path, and gives up
    /// (`nil`) at the first field it is not sure of. The row is then converted by
    /// ``ComtradePlusReader/row(from:columns:sourceID:)``, which is the definition of the
    /// layout: it parses what the fast path left, fills the caches, and throws the located
    /// error. So a row's outcome never depends on which path took it; the fast path only
    /// accepts inputs on which it provably builds the same record.
    final class Converter {
        /// The columns, by name and position.
        let columns: Columns
        /// The caches shared with the slow path, which is the only one to fill them.
        let cache: FieldCache
        /// The source id of the records.
        let sourceID: String
        /// The first and last column of the fields that make up a ``SeriesPart``; `nil` when the
        /// header has none of them.
        private let seriesSpan: ClosedRange<Int>?
        /// The series part of the last row, overwritten in place by the next row when nothing else holds it.
        private var lastSeries: SeriesPart?

        /// - Parameters:
        ///   - columns: The columns resolved from the file's header.
        ///   - cache: The caches of the file's reading.
        ///   - sourceID: The source id given to the records.
        init(columns: Columns, cache: FieldCache, sourceID: String) {
            self.columns = columns
            self.cache = cache
            self.sourceID = sourceID
            let c = columns
            let indices = [c.classificationCode, c.partner2Code, c.customsCode, c.motCode, c.flowCode, c.reporterISO, c.reporterCode,
                           c.partnerISO, c.partnerCode, c.cmdCode, c.qtyUnitCode, c.cmdDesc].compactMap(\.index)
            if let first = indices.min(), let last = indices.max() { seriesSpan = first...last } else { seriesSpan = nil }
        }

        /// Converts one data row (with as many fields as the header) and hands its outcome to `body`,
        /// as ``TradeFileReader/forEachRow(observingBytes:_:)`` does: the row, or the `TradeIOError`
        /// that rejects it. An error thrown by `body` ends the read.
        ///
        /// - Parameters:
        ///   - record: The row's raw fields, UTF-8 checked.
        ///   - body: Receives the row or the located error that rejects it; returns `false` to stop.
        /// - Returns: What `body` returns.
        /// - Throws: What `body` throws.
        @inline(__always)
        func deliver(_ record: CSVRawRecord, to body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> Bool {
            if let more = try fastDeliver(record, to: body) { return more }
            let row = FieldAccess(record: record, cache: cache)
            return try body(Result { () throws(TradeIOError) in try ComtradePlusReader.row(from: row, columns: columns, sourceID: sourceID) })
        }

        /// The trimmed bytes of a column's field; empty when the header lacks the column (as ``FieldAccess/bytes(_:)``).
        @inline(__always)
        private func field(_ record: CSVRawRecord, _ column: Column) -> UnsafeBufferPointer<UInt8> {
            guard let index = column.index, index < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
            return FieldBytes.trimmed(record[index])
        }

        /// An integer field in its plain form (``FieldBytes/plainInteger(_:)``): `.some(nil)` when
        /// empty, `nil` when the field needs the slow path (as ``FieldAccess/optionalInteger(_:)``).
        @inline(__always)
        private func plainOptionalInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int?? {
            if bytes.isEmpty { return .some(nil) }
            guard let number = FieldBytes.plainInteger(bytes) else { return nil }
            return .some(number)
        }

        /// A non-negative amount in its plain form (``FieldBytes/plainDecimal(_:)``): `.some(nil)`
        /// when empty, `nil` when the field needs the slow path (as ``FieldAccess/optionalAmount(_:)``).
        @inline(__always)
        private func plainOptionalAmount(_ bytes: UnsafeBufferPointer<UInt8>) -> Double?? {
            if bytes.isEmpty { return .some(nil) }
            guard let number = FieldBytes.plainDecimal(bytes) else { return nil }
            return .some(number)
        }

        /// A flag in one of its common forms (empty, `0`/`1`, `true`/`false`/`t`/`f` in any ASCII
        /// case), as ``FieldAccess/flag(_:)`` reads it; `nil` for anything else.
        @inline(__always)
        private func plainFlag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
            if bytes.isEmpty { return false }
            if bytes.count == 1 {
                if bytes[0] == UInt8(ascii: "0") { return false }
                if bytes[0] == UInt8(ascii: "1") { return true }
            }
            if FieldBytes.equalsIgnoringASCIICase(bytes, "false") == true || FieldBytes.equalsIgnoringASCIICase(bytes, "f") == true { return false }
            if FieldBytes.equalsIgnoringASCIICase(bytes, "true") == true || FieldBytes.equalsIgnoringASCIICase(bytes, "t") == true { return true }
            return nil
        }

        /// The value of a short field from a cache the slow path filled; `nil` when the field is
        /// longer than a short key or was not seen (or did not parse) before.
        @inline(__always)
        private func cached<Value>(_ bytes: UnsafeBufferPointer<UInt8>, _ slot: ShortKeyCache<Value>) -> Value? {
            guard let key = ShortKeyCache<Value>.key(bytes) else { return nil }
            return slot.value(for: key)
        }

        /// The area of a row when its ISO code is filled and cached and its numeric code plain
        /// (as ``FieldAccess/area(iso:numeric:)``); `nil` otherwise.
        @inline(__always)
        private func plainArea(_ record: CSVRawRecord, iso: Column, numeric: Column) -> (code: CountryCode, numeric: Int?)? {
            guard let number = plainOptionalInteger(field(record, numeric)) else { return nil }
            let isoBytes = field(record, iso)
            guard !isoBytes.isEmpty, let code = cached(isoBytes, cache.countries) else { return nil }
            return (code, number)
        }

        /// Hands `body` the row when every field it reads is in a form whose outcome is known
        /// without the slow path: the row is accepted, and each value equals what
        /// ``ComtradePlusReader/row(from:columns:sourceID:)`` computes (the same byte readers,
        /// and cached values that it parsed from the same bytes). Returns `nil`, without calling
        /// `body`, for any other row, including every row that would be rejected.
        ///
        /// The row is handed to `body`, not returned, and built in place in its `Result`
        /// (``accepted(line:period:series:value:quantity:netWeight:isQuantityEstimated:isNetWeightEstimated:legacyEstimationFlag:sourceID:)``),
        /// so that its some 300 bytes are not copied on the way.
        ///
        /// - Returns: What `body` returns, or `nil` when the row needs the slow path.
        /// - Throws: Only what `body` throws.
        private func fastDeliver(_ record: CSVRawRecord, to body: (Result<TradeFileRow, TradeIOError>) throws(TradeIOError) -> Bool) throws(TradeIOError) -> Bool? {
            let c = columns
            // Unmanaged, read through `_withUnsafeGuaranteedRef`: no retain and release of the series part per
            // row. Lifetime: `lastSeries` holds it strongly until the next row's `seriesPart(_:)`, after this
            // row is handed on.
            guard let series = seriesPart(record) else { return nil }
            guard let period = cached(field(record, c.period), cache.periods) else { return nil }
            // checkPeriod: ASCII freqCode agreeing with the period, plain refYear and refMonth that agree.
            let frequencyBytes = field(record, c.freqCode)
            guard let isAnnual = FieldBytes.equalsIgnoringASCIICase(frequencyBytes, "A"),
                  let isMonthly = FieldBytes.equalsIgnoringASCIICase(frequencyBytes, "M"),
                  !(isAnnual && period.frequency != .annual || isMonthly && period.frequency != .monthly),
                  let year = plainOptionalInteger(field(record, c.refYear)), year == nil || year == period.year,
                  let month = plainOptionalInteger(field(record, c.refMonth)), month == nil || month == (period.month ?? 52)
            else { return nil }
            let unit = series._withUnsafeGuaranteedRef { $0.values.unit }
            guard let amount = plainOptionalAmount(field(record, c.qty)),
                  let netWeight = plainOptionalAmount(field(record, c.netWgt)),
                  let value = plainOptionalAmount(field(record, c.primaryValue)) else { return nil }
            // quantity(amount:unit:unitColumn:): no unit (or "no quantity") takes only an empty or zero amount.
            let quantity: Quantity?
            if let unit, unit != .noQuantity {
                quantity = amount.map { Quantity(amount: $0, unit: unit) }
            } else {
                if let amount, amount != 0 { return nil }
                quantity = nil
            }
            guard value != nil || quantity != nil || netWeight != nil else { return nil }
            guard let isQuantityEstimated = plainFlag(field(record, c.isQtyEstimated)),
                  let isNetWeightEstimated = plainFlag(field(record, c.isNetWgtEstimated)),
                  let legacyEstimationFlag = plainOptionalInteger(field(record, c.legacyEstimationFlag)) else { return nil }
            let outcome = series._withUnsafeGuaranteedRef { series in
                Self.accepted(
                    line: record.line, period: period, series: series, value: value, quantity: quantity, netWeight: netWeight,
                    isQuantityEstimated: isQuantityEstimated, isNetWeightEstimated: isNetWeightEstimated,
                    legacyEstimationFlag: legacyEstimationFlag, sourceID: sourceID)
            }
            return try body(outcome)
        }

        /// The outcome of an accepted row, built where it is returned to. `@inline(never)` keeps the row
        /// from being built first and then copied into its `Result`.
        @inline(never)
        private static func accepted(line: Int, period: Period, series: SeriesPart, value: Double?, quantity: Quantity?, netWeight: Double?,
                                     isQuantityEstimated: Bool, isNetWeightEstimated: Bool, legacyEstimationFlag: Int?,
                                     sourceID: String) -> Result<TradeFileRow, TradeIOError> {
            .success(TradeFileRow(
                line: line,
                record: TradeRecord(
                    period: period, reporter: series.values.reporter, partner: series.values.partner, flow: series.values.flow,
                    commodity: series.values.commodity, commodityDescription: series.values.description,
                    classification: series.values.classification,
                    value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
                    netWeightKilograms: netWeight,
                    isQuantityEstimated: isQuantityEstimated, isNetWeightEstimated: isNetWeightEstimated,
                    sourceID: sourceID),
                reporterNumericCode: series.values.reporterNumeric, partnerNumericCode: series.values.partnerNumeric,
                legacyEstimationFlag: legacyEstimationFlag))
        }

        /// The values of a row's fields that stay the same along a series of rows (one reporter,
        /// partner, flow and commodity over periods): everything but the period and the figures.
        private struct SeriesValues {
            let classification: String
            let flow: TradeFlow
            let reporter: CountryCode
            let reporterNumeric: Int?
            let partner: CountryCode
            let partnerNumeric: Int?
            let commodity: CommodityCode
            let unit: QuantityUnit?
            let description: String?
        }

        /// A row's ``SeriesValues``, in a class, so that handing them to the row copies one reference rather
        /// than a struct of some 190 bytes. Overwritten in place when no row holds it any more, so that
        /// reading a row does not allocate one.
        private final class SeriesPart {
            var values: SeriesValues

            init(_ values: SeriesValues) {
                self.values = values
            }
        }

        /// The series part of a row when the fast path can read it (as ``fastDeliver(_:to:)``), else `nil`.
        /// It is the one in `lastSeries`, which keeps it alive until the next call; it is handed out
        /// unretained, so that the caller does not retain and release it per row.
        ///
        /// Every row's series fields are read (each from a cache of values parsed before): no row reuses the
        /// previous row's, so the cost is the same whatever the order of the rows.
        @inline(__always)
        private func seriesPart(_ record: CSVRawRecord) -> Unmanaged<SeriesPart>? {
            guard let values = readSeriesPart(record) else { return nil }
            if isKnownUniquelyReferenced(&lastSeries), let last = lastSeries {
                last.values = values
                return Unmanaged.passUnretained(last)
            }
            let part = SeriesPart(values)
            lastSeries = part
            return Unmanaged.passUnretained(part)
        }

        /// Reads the series part from the fields, as ``ComtradePlusReader/row(from:columns:sourceID:)``
        /// does when it accepts them; `nil` when a field needs the slow path.
        private func readSeriesPart(_ record: CSVRawRecord) -> SeriesValues? {
            let c = columns
            // requireHS: an ASCII classification starting with "H", cached as text.
            let classificationBytes = field(record, c.classificationCode)
            guard classificationBytes.first == UInt8(ascii: "H"), isASCII(classificationBytes),
                  let classification = cached(classificationBytes, cache.texts) else { return nil }
            // requireTotal: empty or a total code.
            guard isTotal(field(record, c.partner2Code), ComtradePlusReader.zeroTotal),
                  isTotal(field(record, c.customsCode), ComtradePlusReader.customsTotal),
                  isTotal(field(record, c.motCode), ComtradePlusReader.zeroTotal) else { return nil }
            guard let flow = Self.flow(field(record, c.flowCode)),
                  let reporter = plainArea(record, iso: c.reporterISO, numeric: c.reporterCode),
                  let partner = plainArea(record, iso: c.partnerISO, numeric: c.partnerCode),
                  let commodity = cached(field(record, c.cmdCode), cache.commodities) else { return nil }
            // The unit: empty is none; a code is read from the cache of units met before.
            let unitBytes = field(record, c.qtyUnitCode)
            var unit: QuantityUnit?
            if !unitBytes.isEmpty {
                guard let cachedUnit = cached(unitBytes, cache.comtradeUnits) else { return nil }
                unit = cachedUnit
            }
            // cachedText(_:), as the slow path.
            let descriptionBytes = field(record, c.cmdDesc)
            let description: String? = descriptionBytes.isEmpty ? nil
                : descriptionBytes.count < 16 ? String(decoding: descriptionBytes, as: UTF8.self) : cache.descriptions.text(descriptionBytes)
            return SeriesValues(
                classification: classification, flow: flow, reporter: reporter.code, reporterNumeric: reporter.numeric,
                partner: partner.code, partnerNumeric: partner.numeric, commodity: commodity, unit: unit, description: description)
        }

        /// Whether a breakdown field is empty or a total code, as ``FieldAccess/requireTotal(_:totals:)``
        /// accepts without its `String` comparison.
        @inline(__always)
        private func isTotal(_ bytes: UnsafeBufferPointer<UInt8>, _ totals: TotalCodes) -> Bool {
            if bytes.isEmpty { return true }
            guard let key = ShortKeyCache<Int>.key(bytes) else { return false }
            return totals.keys.contains(key)
        }

        /// The flow of an ASCII `M`, `X`, `RX` or `RM` in any case; `nil` otherwise.
        @inline(__always)
        private static func flow(_ bytes: UnsafeBufferPointer<UInt8>) -> TradeFlow? {
            if FieldBytes.equalsIgnoringASCIICase(bytes, "M") == true { return .import }
            if FieldBytes.equalsIgnoringASCIICase(bytes, "X") == true { return .export }
            if FieldBytes.equalsIgnoringASCIICase(bytes, "RX") == true { return .reExport }
            if FieldBytes.equalsIgnoringASCIICase(bytes, "RM") == true { return .reImport }
            return nil
        }
    }
}
