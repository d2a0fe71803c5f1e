import Foundation
import TradeDomain

/// Reads legacy UN Comtrade CSV: the 22-column layout of the legacy API and the
/// 35-column layout of legacy bulk files (ECOSYSTEM.md §3).
///
/// Normalisation:
/// - `Trade Flow Code` 1 import, 2 export, 3 re-export, 4 re-import.
/// - `Period` `YYYY` (annual) or `YYYYMM` (monthly).
/// - `Reporter ISO`/`Partner ISO` kept as given beside the numeric codes; an
///   empty ISO (490 "Other Asia, nes") leaves the numeric code as the area code.
/// - `Qty Unit Code` is a legacy code 1-13 (1 = no quantity); a quantity of 0
///   under "no quantity" is no quantity. A zero quantity with a positive value
///   is kept and is suspect (``TradeRecord/hasSuspectQuantity``).
/// - `Classification` (H0-H5) is kept per record; non-HS rows are rejected.
/// - `Flag` is carried raw in ``TradeFileRow/legacyEstimationFlag``; the
///   record's estimated-quantity booleans stay false, because the meaning of the
///   non-zero legacy codes is not documented reliably.
/// - Bulk rows that break a flow down by 2nd partner, customs procedure or
///   mode of transport are rejected with a reason (only totals are read).
public enum ComtradeLegacyReader {
    /// Converts one data row.
    ///
    /// - Parameters:
    ///   - row: The fields of the row with the header's column positions.
    ///   - sourceID: The source id given to the record.
    /// - Returns: The row.
    /// - Throws: `TradeIOError.invalidValue` naming file, line and column.
    static func row(from row: FieldAccess, sourceID: String) throws -> TradeFileRow {
        let classification = try row.requireHS("Classification")
        try row.requireTotal("2nd Partner Code", totals: ["0"])
        try row.requireTotal("Customs Proc. Code", totals: ["0", "C00"])
        try row.requireTotal("Mode of Transport Code", totals: ["0"])
        let period = try row.parse("Period") { try Period(parsing: $0) }
        let flow = try row.parse("Trade Flow Code") { try TradeFlow(parsing: $0) }
        let reporter = try row.area(iso: "Reporter ISO", numeric: "Reporter Code")
        let partner = try row.area(iso: "Partner ISO", numeric: "Partner Code")
        let commodity = try row.commodity("Commodity Code")
        var unit: QuantityUnit?
        if let code = try row.optionalInteger("Qty Unit Code") {
            do {
                unit = try QuantityUnit(legacyCode: code)
            } catch {
                throw TradeIOError.invalidValue(row.location("Qty Unit Code"), value: row["Qty Unit Code"], reason: "is not a legacy quantity unit code (1-13)")
            }
        }
        let quantity = try row.quantity(amount: "Qty", unit: unit, unitColumn: "Qty Unit Code")
        let netWeight = try row.optionalAmount("Netweight (kg)")
        let value = try row.optionalAmount("Trade Value (US$)")
        guard value != nil || quantity != nil || netWeight != nil else {
            throw TradeIOError.invalidValue(row.location("Trade Value (US$)"), value: "", reason: "is empty and so are 'Qty' and 'Netweight (kg)': the row holds no figure")
        }
        let description = row["Commodity"]
        let record = TradeRecord(
            period: period, reporter: reporter.code, partner: partner.code, flow: flow, commodity: commodity,
            commodityDescription: description.isEmpty ? nil : description, classification: classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
            netWeightKilograms: netWeight, sourceID: sourceID)
        return TradeFileRow(
            line: row.line, record: record, reporterNumericCode: reporter.numeric, partnerNumericCode: partner.numeric,
            legacyEstimationFlag: try row.optionalInteger("Flag"))
    }
}
