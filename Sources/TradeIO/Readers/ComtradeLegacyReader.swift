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
/// - `Qty Unit Code` is a legacy code 1-13 (1 = no quantity); another code sets the quantity
///   aside (``QuantitySetAside``: row and value kept; an error under `--strict`); a quantity of 0
///   under "no quantity" is no quantity. A zero quantity with a positive value
///   is kept and is suspect (``TradeRecord/hasSuspectQuantity``).
/// - `Classification` (H0-H5) is kept per record; non-HS rows are rejected.
/// - `Flag` is carried raw in ``TradeFileRow/legacyEstimationFlag``; the
///   record's estimated-quantity booleans stay false, because the meaning of the
///   non-zero legacy codes is not documented reliably.
/// - Bulk rows that break a flow down by 2nd partner, customs procedure or
///   mode of transport are rejected with a reason (only totals are read).
public enum ComtradeLegacyReader {
    /// The positions of the columns this reader uses, resolved once per file from the header
    /// (a class, so that handing it to each row copies one reference, not every column name).
    final class Columns {
        let classification: Column
        let secondPartnerCode: Column
        let customsProcCode: Column
        let modeOfTransportCode: Column
        let period: Column
        let year: Column
        let tradeFlowCode: Column
        let reporterISO: Column
        let reporterCode: Column
        let partnerISO: Column
        let partnerCode: Column
        let commodityCode: Column
        let qtyUnitCode: Column
        let qty: Column
        let netWeightKg: Column
        let tradeValueUSD: Column
        let commodity: Column
        let flag: Column

        init(_ header: HeaderColumns) {
            classification = header.column("Classification")
            secondPartnerCode = header.column("2nd Partner Code")
            customsProcCode = header.column("Customs Proc. Code")
            modeOfTransportCode = header.column("Mode of Transport Code")
            period = header.column("Period")
            year = header.column("Year")
            tradeFlowCode = header.column("Trade Flow Code")
            reporterISO = header.column("Reporter ISO")
            reporterCode = header.column("Reporter Code")
            partnerISO = header.column("Partner ISO")
            partnerCode = header.column("Partner Code")
            commodityCode = header.column("Commodity Code")
            qtyUnitCode = header.column("Qty Unit Code")
            qty = header.column("Qty")
            netWeightKg = header.column("Netweight (kg)")
            tradeValueUSD = header.column("Trade Value (US$)")
            commodity = header.column("Commodity")
            flag = header.column("Flag")
        }
    }

    /// The values of the breakdown columns that mark a total row.
    static let zeroTotal = TotalCodes(["0"])
    static let customsTotals = TotalCodes(["0", "C00"])

    /// Converts one data row.
    ///
    /// - Parameters:
    ///   - row: The fields of the row with the header's column positions.
    ///   - sourceID: The source id given to the record.
    /// - Returns: The row.
    /// - Throws: `TradeIOError.invalidValue` naming file, line and column.
    static func row(from row: FieldAccess, columns c: Columns, sourceID: String) throws(TradeIOError) -> TradeFileRow {
        let classification = try row.requireHS(c.classification)
        try row.requireTotal(c.secondPartnerCode, totals: Self.zeroTotal)
        try row.requireTotal(c.customsProcCode, totals: Self.customsTotals)
        try row.requireTotal(c.modeOfTransportCode, totals: Self.zeroTotal)
        let period = try row.parseCached(c.period, row.cache.periods) { (text) throws(TradeDomainError) in try Period(parsing: text) }
        // Year and Period are cross-checked, as Comtrade+ rows check refYear against period.
        if let year = try row.optionalInteger(c.year), year != period.year {
            throw TradeIOError.invalidValue(row.location(c.year), value: row[c.year], reason: "does not match Period '\(row[c.period])'")
        }
        let flow = try row.parseCached(c.tradeFlowCode, row.cache.flows) { (text) throws(TradeDomainError) in try TradeFlow(parsing: text) }
        let reporter = try row.area(iso: c.reporterISO, numeric: c.reporterCode)
        let partner = try row.area(iso: c.partnerISO, numeric: c.partnerCode)
        let commodity = try row.commodity(c.commodityCode)
        var unit: QuantityUnit?
        var setAside: QuantitySetAside?
        if let code = try row.optionalInteger(c.qtyUnitCode) {
            if let known = try? QuantityUnit(legacyCode: code) {
                unit = known
            } else {
                // An integer code outside 1-13: the quantity cannot be read, the value is kept.
                setAside = QuantitySetAside(location: row.location(c.qtyUnitCode), unitCode: row[c.qtyUnitCode], amount: row[c.qty],
                                            reason: "is not a legacy quantity unit code (1-13)")
            }
        }
        let quantity = setAside == nil ? try row.quantity(amount: c.qty, unit: unit, unitColumn: c.qtyUnitCode) : nil
        let netWeight = try row.optionalAmount(c.netWeightKg)
        let value = try row.optionalAmount(c.tradeValueUSD)
        if let setAside, value == nil && netWeight == nil { throw setAside.strictError }
        guard value != nil || quantity != nil || netWeight != nil else {
            throw TradeIOError.invalidValue(row.location(c.tradeValueUSD), value: "", reason: "is empty and so are 'Qty' and 'Netweight (kg)': the row holds no figure")
        }
        let description = row.cachedText(c.commodity)
        let record = TradeRecord(
            period: period, reporter: reporter.code, partner: partner.code, flow: flow, commodity: commodity,
            commodityDescription: description.isEmpty ? nil : description, classification: classification,
            value: value.map { MonetaryAmount(amount: $0, currency: .usd) }, quantity: quantity,
            netWeightKilograms: netWeight, sourceID: sourceID, note: setAside?.note)
        return TradeFileRow(
            line: row.line, record: record, reporterNumericCode: reporter.numeric, partnerNumericCode: partner.numeric,
            legacyEstimationFlag: try row.optionalInteger(c.flag), quantitySetAside: setAside)
    }
}
