import Foundation
import TradeDomain

/// Names of reporter and partner areas for prose and tables, from one table (UN Comtrade's area
/// list); an area the table lacks is shown by its code.
public struct AreaNames: Sendable {
    private let names: [String: String]

    /// The names of the bundled area list.
    public init(names: [String: String] = [:]) {
        self.names = names
    }

    /// The name of an area, or its code when the table has none.
    public func name(_ code: CountryCode) -> String {
        names[code.iso3] ?? code.iso3
    }
}
