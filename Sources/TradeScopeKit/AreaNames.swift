import Foundation
import TradeDomain
import TradeIO

/// Names of reporter and partner areas for prose and tables, from one table: UN Comtrade's area
/// list (`Data/areas.csv`, ``AreaTable``). A code is looked up as an ISO 3166 alpha-3 code, a
/// Comtrade alpha code (W00, S19) or a numeric Comtrade code (490); an area the table lacks is
/// shown by its code.
public struct AreaNames: Sendable {
    private let table: AreaTable?

    /// The names of an area table (`nil`: every area shown by its code).
    public init(table: AreaTable?) {
        self.table = table
    }

    /// The name of an area, or its code when the table has none.
    public func name(_ code: CountryCode) -> String {
        guard let table else { return code.iso3 }
        let text = code.iso3
        if let number = Int(text), let name = table.name(code: number) { return name }
        if let name = table.name(iso3: text) { return name }
        if let number = table.code(comtradeAlpha: text), let name = table.name(code: number) { return name }
        return text
    }
}

extension AreaNames {
    /// The columns an export writes for one side of a record: the ISO 3166 alpha-3 code (`nil` for an
    /// area without one, such as 490 "Other Asia, nes" or 0 World), the numeric area code and Comtrade's
    /// name.
    ///
    /// The numeric code is the record's own when the source gave one; otherwise it is looked up from
    /// the stored code, read as a numeric code, an ISO code (by ``AreaTable/code(iso3:year:)``) or a
    /// Comtrade alpha code (W00, S19), as the store's `trade_records` view does. ISO3 and name are those of that numeric code's area; without
    /// an area table, a stored three-letter code is taken as ISO3 and no name is given.
    ///
    /// - Parameters:
    ///   - code: The stored area code.
    ///   - numeric: The record's numeric area code, when known.
    ///   - year: The record's year (unused by the lookup, which is the view's; kept for callers that cache by it).
    public func exportColumns(_ code: CountryCode, numeric: Int?, year: Int) -> (iso3: String?, code: Int?, name: String?) {
        let text = code.iso3
        guard let table else {
            let letters = text.count == 3 && text.allSatisfy { $0.isASCII && $0.isUppercase }
            return (letters ? text : nil, numeric ?? Int(text), nil)
        }
        // The same keys as the store's `area_keys` (TradeStore.replaceAreas), so export and view agree.
        let number = numeric ?? Int(text) ?? table.code(iso3: text) ?? table.code(comtradeAlpha: text)
        guard let number, let area = table.area(code: number) else {
            // Not in the list: an ISO-looking code is kept (the table lacks it, it is not invented), no name.
            let isISO = !table.codes(iso3: text).isEmpty
            return (isISO ? text : nil, number, nil)
        }
        return (area.iso3, number, area.name)
    }
}
