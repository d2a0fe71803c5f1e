// libFuzzer entry: the period, HS-code, commodity-code and HS-section parsers on
// arbitrary text. A parsed value must print to a form that parses back to itself.
import TradeDomain

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCodes(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if let period = try? Period(parsing: text) {
        precondition((try? Period(parsing: period.description)) == period, "period \(period) does not round-trip")
        precondition(period.months.lowerBound >= 1 && period.months.upperBound <= 12, "period months out of range")
        _ = period.lastDay
    }
    if let code = try? HSCode(text) {
        precondition((try? HSCode(code.description)) == code, "HS code \(code) does not round-trip")
    }
    if let commodity = try? CommodityCode(parsing: text) {
        precondition((try? CommodityCode(parsing: commodity.description)) == commodity, "commodity \(commodity) does not round-trip")
    }
    if let section = try? HSSection(roman: text) {
        precondition((try? HSSection(number: section.number)) == section, "section \(section) does not round-trip")
    }
    return 0
}
