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
