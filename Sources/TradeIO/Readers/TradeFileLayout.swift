import Foundation

/// The layouts of trade CSV files tradescope reads, told apart by their header row.
///
/// | layout | header |
/// | --- | --- |
/// | ``tidy`` | tradescope's own `period,reporter_iso,partner_iso,flow,hs_code,value_usd,quantity,quantity_unit,source_id[,note]` |
/// | ``comtradeLegacyAPI`` | the 22 columns of the legacy UN Comtrade API (`Classification,Year,Period,...,Netweight (kg),Trade Value (US$),Flag`) |
/// | ``comtradeLegacyBulk`` | the 35 columns of legacy UN Comtrade bulk files (adds 2nd partner, customs, mode of transport, alternative quantity, gross weight, CIF and FOB values) |
/// | ``comtradePlus`` | the 47 fields of UN Comtrade+ final data (`typeCode,freqCode,refPeriodId,...,isAggregate`) |
/// | ``comtradePlusBulk`` | Comtrade+ bulk files: the 47 fields plus `datasetCode` |
///
/// Column order does not matter and extra columns are ignored; a layout matches
/// when all of its columns are present (ECOSYSTEM.md §3).
public enum TradeFileLayout: String, Codable, Sendable, CaseIterable, CustomStringConvertible {
    case tidy
    case comtradeLegacyAPI = "comtrade-legacy-api"
    case comtradeLegacyBulk = "comtrade-legacy-bulk"
    case comtradePlus = "comtrade-plus"
    case comtradePlusBulk = "comtrade-plus-bulk"

    /// The 22 columns of the legacy Comtrade API CSV, in file order.
    public static let legacyAPIColumns = [
        "Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code", "Trade Flow Code",
        "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code", "Partner", "Partner ISO",
        "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Netweight (kg)", "Trade Value (US$)", "Flag",
    ]

    /// The 35 columns of the legacy Comtrade bulk CSV, in file order.
    public static let legacyBulkColumns = [
        "Classification", "Year", "Period", "Period Desc.", "Aggregate Level", "Is Leaf Code", "Trade Flow Code",
        "Trade Flow", "Reporter Code", "Reporter", "Reporter ISO", "Partner Code", "Partner", "Partner ISO",
        "2nd Partner Code", "2nd Partner", "2nd Partner ISO", "Customs Proc. Code", "Customs", "Mode of Transport Code",
        "Mode of Transport", "Commodity Code", "Commodity", "Qty Unit Code", "Qty Unit", "Qty", "Alt Qty Unit Code",
        "Alt Qty Unit", "Alt Qty", "Netweight (kg)", "Gross weight (kg)", "Trade Value (US$)", "CIF Trade Value (US$)",
        "FOB Trade Value (US$)", "Flag",
    ]

    /// The 47 fields of Comtrade+ final data, in API order.
    public static let comtradePlusColumns = [
        "typeCode", "freqCode", "refPeriodId", "refYear", "refMonth", "period", "reporterCode", "reporterISO",
        "reporterDesc", "flowCode", "flowDesc", "partnerCode", "partnerISO", "partnerDesc", "partner2Code",
        "partner2ISO", "partner2Desc", "classificationCode", "classificationSearchCode", "isOriginalClassification",
        "cmdCode", "cmdDesc", "aggrLevel", "isLeaf", "customsCode", "customsDesc", "mosCode", "motCode", "motDesc",
        "qtyUnitCode", "qtyUnitAbbr", "qty", "isQtyEstimated", "altQtyUnitCode", "altQtyUnitAbbr", "altQty",
        "isAltQtyEstimated", "netWgt", "isNetWgtEstimated", "grossWgt", "isGrossWgtEstimated", "cifvalue", "fobvalue",
        "primaryValue", "legacyEstimationFlag", "isReported", "isAggregate",
    ]

    /// The layout of a header row, or `nil` when it matches none.
    ///
    /// The most specific layout wins: Comtrade+ bulk over Comtrade+, legacy bulk
    /// over the legacy API layout. Surrounding white space in names is ignored.
    ///
    /// - Parameter header: The fields of the first record.
    /// - Returns: The layout, or `nil`.
    public static func detect(header: [String]) -> TradeFileLayout? {
        let names = Set(header.map { $0.trimmingCharacters(in: .whitespaces) })
        let has: ([String]) -> Bool = { $0.allSatisfy(names.contains) }
        if has(comtradePlusColumns) { return names.contains("datasetCode") ? .comtradePlusBulk : .comtradePlus }
        if has(legacyBulkColumns) { return .comtradeLegacyBulk }
        if has(legacyAPIColumns) { return .comtradeLegacyAPI }
        if has(TidyReader.requiredColumns) { return .tidy }
        return nil
    }

    /// The name used in summaries and in the store's provenance table.
    public var description: String { rawValue }
}
