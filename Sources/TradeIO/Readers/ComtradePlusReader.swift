import Foundation
import TradeDomain

/// Reads UN Comtrade+ CSV: the 47 fields of final data, and bulk files with
/// `datasetCode` (ECOSYSTEM.md §3).
///
/// Normalisation:
/// - `flowCode` M, X, RX, RM; other flow codes (DX, FM, processing) are rejected
///   with a reason, never mapped silently.
/// - `period` `YYYY` or `YYYYMM`; it must agree with `freqCode` (A, M) and with
///   `refYear`/`refMonth`, where `refMonth` 52 means annual.
/// - `reporterISO`/`partnerISO` kept as given (`W00`, `S19`), numeric codes beside.
/// - `qtyUnitCode` through `QuantityUnit(comtradeCode:)`; −1 is no quantity. A code outside the
///   table sets the quantity aside (``QuantitySetAside``): the row and its value are kept, the
///   record has no quantity and a note; under `--strict` it is an error.
/// - `primaryValue` is the value (CIF for imports, FOB for exports).
/// - `isQtyEstimated`, `isNetWgtEstimated` carried into the record.
/// - Only totals are read: rows with a second partner other than 0/W00, a
///   customs code other than C00, or a mode of transport other than 0 are rejected
///   with a reason.
public enum ComtradePlusReader {
    /// The positions of the columns this reader uses, resolved once per file from the header
    /// (a class, so that handing it to each row copies one reference, not every column name).
    final class Columns {
        let classificationCode: Column
        let partner2Code: Column
        let customsCode: Column
        let motCode: Column
        let period: Column
        let flowCode: Column
        let reporterISO: Column
        let reporterCode: Column
        let partnerISO: Column
        let partnerCode: Column
        let cmdCode: Column
        let qtyUnitCode: Column
        let qty: Column
        let netWgt: Column
        let primaryValue: Column
        let cmdDesc: Column
        let isQtyEstimated: Column
        let isNetWgtEstimated: Column
        let legacyEstimationFlag: Column
        let freqCode: Column
        let refYear: Column
        let refMonth: Column

        init(_ header: HeaderColumns) {
            classificationCode = header.column("classificationCode")
            partner2Code = header.column("partner2Code")
            customsCode = header.column("customsCode")
            motCode = header.column("motCode")
            period = header.column("period")
            flowCode = header.column("flowCode")
            reporterISO = header.column("reporterISO")
            reporterCode = header.column("reporterCode")
            partnerISO = header.column("partnerISO")
            partnerCode = header.column("partnerCode")
            cmdCode = header.column("cmdCode")
            qtyUnitCode = header.column("qtyUnitCode")
            qty = header.column("qty")
            netWgt = header.column("netWgt")
            primaryValue = header.column("primaryValue")
            cmdDesc = header.column("cmdDesc")
            isQtyEstimated = header.column("isQtyEstimated")
            isNetWgtEstimated = header.column("isNetWgtEstimated")
            legacyEstimationFlag = header.column("legacyEstimationFlag")
            freqCode = header.column("freqCode")
            refYear = header.column("refYear")
            refMonth = header.column("refMonth")
        }
    }

    /// The values of the breakdown columns that mark a total row.
    static let zeroTotal = TotalCodes(["0"])
    static let customsTotal = TotalCodes(["C00"])

    /// Converts one data row.
    ///
    /// - Parameters:
    ///   - row: The fields of the row with the header's column positions.
    ///   - sourceID: The source id given to the record.
    /// - Returns: The row.
    /// - Throws: `TradeIOError.invalidValue` naming file, line and column.
    static func row(from row: FieldAccess, columns c: Columns, sourceID: String) throws(TradeIOError) -> TradeFileRow {
        let classification = try row.requireHS(c.classificationCode)
        try row.requireTotal(c.partner2Code, totals: Self.zeroTotal)
        try row.requireTotal(c.customsCode, totals: Self.customsTotal)
        try row.requireTotal(c.motCode, totals: Self.zeroTotal)
        let period = try row.parseCached(c.period, row.cache.periods) { (text) throws(TradeDomainError) in try Period(parsing: text) }
        try checkPeriod(period, row, c)
        let flow: TradeFlow
        let flowBytes = row.bytes(c.flowCode)
        if FieldBytes.equalsIgnoringASCIICase(flowBytes, "M") == true {
            flow = .import
        } else if FieldBytes.equalsIgnoringASCIICase(flowBytes, "X") == true {
            flow = .export
        } else if FieldBytes.equalsIgnoringASCIICase(flowBytes, "RX") == true {
            flow = .reExport
        } else if FieldBytes.equalsIgnoringASCIICase(flowBytes, "RM") == true {
            flow = .reImport
        } else {
        switch row[c.flowCode].uppercased() {
        case "M": flow = .import
        case "X": flow = .export
        case "RX": flow = .reExport
        case "RM": flow = .reImport
        default:
            throw TradeIOError.invalidValue(row.location(c.flowCode), value: row[c.flowCode],
                                            reason: "is not M, X, RX or RM (other flow codes are not read)")
        }
        }
        let reporter = try row.area(iso: c.reporterISO, numeric: c.reporterCode)
        let partner = try row.area(iso: c.partnerISO, numeric: c.partnerCode)
        let commodity = try row.commodity(c.cmdCode)
        var unit: QuantityUnit?
        var setAside: QuantitySetAside?
        let unitKey = ShortKeyCache<QuantityUnit>.key(row.bytes(c.qtyUnitCode))
        if let unitKey, let cached = row.cache.comtradeUnits.value(for: unitKey) {
            unit = cached
        } else if let code = try row.optionalInteger(c.qtyUnitCode) {
            if let known = try? QuantityUnit(comtradeCode: code) {
                unit = known
                if let unitKey { row.cache.comtradeUnits.store(known, for: unitKey) }
            } else {
                // An integer code outside the table: the quantity cannot be read, the value is kept.
                setAside = QuantitySetAside(location: row.location(c.qtyUnitCode), unitCode: row[c.qtyUnitCode], amount: row[c.qty],
                                            reason: "is not a Comtrade+ quantity unit code")
            }
        }
        let quantity = setAside == nil ? try row.quantity(amount: c.qty, unit: unit, unitColumn: c.qtyUnitCode) : nil
        let netWeight = try row.optionalAmount(c.netWgt)
        let value = try row.optionalAmount(c.primaryValue)
        if let setAside, value == nil && netWeight == nil { throw setAside.strictError }
        guard value != nil || quantity != nil || netWeight != nil else {
            throw TradeIOError.invalidValue(row.location(c.primaryValue), value: "", reason: "is empty and so are 'qty' and 'netWgt': the row holds no figure")
        }
        let description = row.cachedText(c.cmdDesc)
        let record = TradeRecord(
            period: period, reporter: reporter.code, partner: partner.code, flow: flow, commodity: commodity,
            commodityDescription: description.isEmpty ? nil : description, classification: classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
            netWeightKilograms: netWeight,
            isQuantityEstimated: try row.flag(c.isQtyEstimated), isNetWeightEstimated: try row.flag(c.isNetWgtEstimated),
            sourceID: sourceID, note: setAside?.note)
        return TradeFileRow(
            line: row.line, record: record, reporterNumericCode: reporter.numeric, partnerNumericCode: partner.numeric,
            legacyEstimationFlag: try row.optionalInteger(c.legacyEstimationFlag), quantitySetAside: setAside)
    }

    /// `period` must agree with `freqCode`, `refYear` and `refMonth` (52 = annual).
    static func checkPeriod(_ period: Period, _ row: FieldAccess, _ c: Columns) throws(TradeIOError) {
        let frequencyBytes = row.bytes(c.freqCode)
        let isAnnual = FieldBytes.equalsIgnoringASCIICase(frequencyBytes, "A") ?? (row[c.freqCode].uppercased() == "A")
        let isMonthly = FieldBytes.equalsIgnoringASCIICase(frequencyBytes, "M") ?? (row[c.freqCode].uppercased() == "M")
        if isAnnual && period.frequency != .annual || isMonthly && period.frequency != .monthly {
            throw TradeIOError.invalidValue(row.location(c.period), value: row[c.period], reason: "does not match freqCode '\(row[c.freqCode])'")
        }
        if let year = try row.optionalInteger(c.refYear), year != period.year {
            throw TradeIOError.invalidValue(row.location(c.refYear), value: row[c.refYear], reason: "does not match period '\(row[c.period])'")
        }
        if let month = try row.optionalInteger(c.refMonth) {
            let expected = period.month ?? 52
            if month != expected {
                throw TradeIOError.invalidValue(row.location(c.refMonth), value: row[c.refMonth],
                                                reason: "does not match period '\(row[c.period])' (52 means annual)")
            }
        }
    }
}
