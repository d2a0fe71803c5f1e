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
/// - `qtyUnitCode` through `QuantityUnit(comtradeCode:)`; −1 is no quantity.
/// - `primaryValue` is the value (CIF for imports, FOB for exports).
/// - `isQtyEstimated`, `isNetWgtEstimated` carried into the record.
/// - Only totals are read: rows with a second partner other than 0/W00, a
///   customs code other than C00, or a mode of transport other than 0 are rejected
///   with a reason.
public enum ComtradePlusReader {
    /// Converts one data row.
    ///
    /// - Parameters:
    ///   - row: The fields of the row with the header's column positions.
    ///   - sourceID: The source id given to the record.
    /// - Returns: The row.
    /// - Throws: `TradeIOError.invalidValue` naming file, line and column.
    static func row(from row: FieldAccess, sourceID: String) throws -> TradeFileRow {
        let classification = try row.requireHS("classificationCode")
        try row.requireTotal("partner2Code", totals: ["0"])
        try row.requireTotal("customsCode", totals: ["C00"])
        try row.requireTotal("motCode", totals: ["0"])
        let period = try row.parse("period") { try Period(parsing: $0) }
        try checkPeriod(period, row)
        let flow: TradeFlow
        switch row["flowCode"].uppercased() {
        case "M": flow = .import
        case "X": flow = .export
        case "RX": flow = .reExport
        case "RM": flow = .reImport
        default:
            throw TradeIOError.invalidValue(row.location("flowCode"), value: row["flowCode"],
                                            reason: "is not M, X, RX or RM (other flow codes are not read)")
        }
        let reporter = try row.area(iso: "reporterISO", numeric: "reporterCode")
        let partner = try row.area(iso: "partnerISO", numeric: "partnerCode")
        let commodity = try row.commodity("cmdCode")
        var unit: QuantityUnit?
        if let code = try row.optionalInteger("qtyUnitCode") {
            do {
                unit = try QuantityUnit(comtradeCode: code)
            } catch {
                throw TradeIOError.invalidValue(row.location("qtyUnitCode"), value: row["qtyUnitCode"], reason: "is not a Comtrade+ quantity unit code")
            }
        }
        let quantity = try row.quantity(amount: "qty", unit: unit, unitColumn: "qtyUnitCode")
        let netWeight = try row.optionalAmount("netWgt")
        let value = try row.optionalAmount("primaryValue")
        guard value != nil || quantity != nil || netWeight != nil else {
            throw TradeIOError.invalidValue(row.location("primaryValue"), value: "", reason: "is empty and so are 'qty' and 'netWgt': the row holds no figure")
        }
        let description = row["cmdDesc"]
        let record = TradeRecord(
            period: period, reporter: reporter.code, partner: partner.code, flow: flow, commodity: commodity,
            commodityDescription: description.isEmpty ? nil : description, classification: classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
            netWeightKilograms: netWeight,
            isQuantityEstimated: try row.flag("isQtyEstimated"), isNetWeightEstimated: try row.flag("isNetWgtEstimated"),
            sourceID: sourceID)
        return TradeFileRow(
            line: row.line, record: record, reporterNumericCode: reporter.numeric, partnerNumericCode: partner.numeric,
            legacyEstimationFlag: try row.optionalInteger("legacyEstimationFlag"))
    }

    /// `period` must agree with `freqCode`, `refYear` and `refMonth` (52 = annual).
    static func checkPeriod(_ period: Period, _ row: FieldAccess) throws {
        let frequency = row["freqCode"].uppercased()
        if frequency == "A" && period.frequency != .annual || frequency == "M" && period.frequency != .monthly {
            throw TradeIOError.invalidValue(row.location("period"), value: row["period"], reason: "does not match freqCode '\(row["freqCode"])'")
        }
        if let year = try row.optionalInteger("refYear"), year != period.year {
            throw TradeIOError.invalidValue(row.location("refYear"), value: row["refYear"], reason: "does not match period '\(row["period"])'")
        }
        if let month = try row.optionalInteger("refMonth") {
            let expected = period.month ?? 52
            if month != expected {
                throw TradeIOError.invalidValue(row.location("refMonth"), value: row["refMonth"],
                                                reason: "does not match period '\(row["period"])' (52 means annual)")
            }
        }
    }
}
