import Foundation
import TradeDomain

/// Field parsers shared by the Comtrade readers; each error names file, line and column.
extension FieldAccess {
    /// An integer, or nil for an empty field.
    func optionalInteger(_ column: Column) throws(TradeIOError) -> Int? {
        let field = bytes(column)
        if field.isEmpty { return nil }
        if let number = FieldBytes.plainInteger(field) { return number }
        let text = self[column]
        if let number = Int(text) { return number }
        // Some exports write integer codes as "8.0".
        if let number = FieldBytes.decimal(text), number.rounded() == number, abs(number) < 1e15 { return Int(number) }
        throw TradeIOError.invalidValue(location(column), value: text, reason: "is not an integer")
    }

    /// A Comtrade boolean (`true`/`false`, `True`/`False`, `1`/`0`); empty is false.
    func flag(_ column: Column) throws(TradeIOError) -> Bool {
        let field = bytes(column)
        if field.isEmpty { return false }
        if field.count == 1 {
            if field[0] == UInt8(ascii: "0") { return false }
            if field[0] == UInt8(ascii: "1") { return true }
        }
        if FieldBytes.equalsIgnoringASCIICase(field, "false") == true || FieldBytes.equalsIgnoringASCIICase(field, "f") == true { return false }
        if FieldBytes.equalsIgnoringASCIICase(field, "true") == true || FieldBytes.equalsIgnoringASCIICase(field, "t") == true { return true }
        switch self[column].lowercased() {
        case "", "false", "0", "f": return false
        case "true", "1", "t": return true
        default: throw TradeIOError.invalidValue(location(column), value: self[column], reason: "is not a boolean (true/false, 1/0)")
        }
    }

    /// The area code of a row: the ISO column when filled, else the numeric code as text.
    func area(iso isoColumn: Column, numeric numericColumn: Column) throws(TradeIOError) -> (code: CountryCode, numeric: Int?) {
        let numeric = try optionalInteger(numericColumn)
        if !bytes(isoColumn).isEmpty {
            return (try parseCached(isoColumn, cache.countries) { (text) throws(TradeDomainError) in try CountryCode(text) }, numeric)
        }
        let iso = self[isoColumn]
        guard let numeric else {
            throw TradeIOError.invalidValue(location(isoColumn), value: iso, reason: "is empty and so is '\(numericColumn.name)': the row names no area")
        }
        let text = self[numericColumn]
        do {
            return (try CountryCode(String(numeric)), numeric)
        } catch {
            throw TradeIOError.invalidValue(location(numericColumn), value: text, reason: "cannot stand as an area code (the ISO column is empty)")
        }
    }

    /// The quantity of a row: nil when the unit is "no quantity" and the amount is
    /// empty or zero; an error when an amount has no unit.
    func quantity(amount amountColumn: Column, unit: QuantityUnit?, unitColumn: Column) throws(TradeIOError) -> Quantity? {
        let amount = try optionalAmount(amountColumn)
        guard let unit, unit != .noQuantity else {
            if let amount, amount != 0 {
                throw TradeIOError.invalidValue(location(amountColumn), value: self[amountColumn], reason: "is a quantity but '\(unitColumn.name)' says no quantity")
            }
            return nil
        }
        return amount.map { Quantity(amount: $0, unit: unit) }
    }

    /// The commodity code of an HS row (`TOTAL` or 2, 4, 6 digits).
    func commodity(_ column: Column) throws(TradeIOError) -> CommodityCode {
        try parseCached(column, cache.commodities) { (text) throws(TradeDomainError) in try CommodityCode(parsing: text) }
    }

    /// Rejects rows classified in anything but HS (SITC, BEC codes are not HS codes).
    func requireHS(_ classificationColumn: Column) throws(TradeIOError) -> String {
        let field = bytes(classificationColumn)
        if field.first == UInt8(ascii: "H"), isASCII(field) {
            // For ASCII text, hasPrefix("H") is a test of the first byte.
            guard let key = ShortKeyCache<String>.key(field) else { return self[classificationColumn] }
            if let text = cache.texts.value(for: key) { return text }
            let text = self[classificationColumn]
            cache.texts.store(text, for: key)
            return text
        }
        let classification = self[classificationColumn]
        guard classification.hasPrefix("H") else {
            throw TradeIOError.invalidValue(location(classificationColumn), value: classification,
                                            reason: "is not an HS classification (H0-H6, HS); SITC and BEC rows are not read")
        }
        return classification
    }

    /// Rejects a breakdown row (by second partner, customs procedure or mode of
    /// transport): only totals are records, or breakdowns would be summed twice.
    func requireTotal(_ column: Column, totals: TotalCodes) throws(TradeIOError) {
        let field = bytes(column)
        if field.isEmpty { return }
        if let key = ShortKeyCache<Int>.key(field), totals.keys.contains(key) { return }
        let text = self[column]
        guard totals.texts.contains(text) else {
            throw TradeIOError.invalidValue(location(column), value: text,
                                            reason: "is a breakdown, not the total (\(totals.texts.sorted().joined(separator: " or "))); only total rows are read")
        }
    }
}
