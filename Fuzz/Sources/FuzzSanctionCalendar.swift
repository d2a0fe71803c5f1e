// libFuzzer entry: the sanctions-calendar reader (YAML) on arbitrary text.
import Foundation
import TradeIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanctionCalendar(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try SanctionCalendarReader.parse(yaml: text, displayName: "fuzz.yaml")
    } catch {
        // `parse` throws only TradeIOError (typed throws), so a rejection is all that can happen.
        _ = error as TradeIOError
    }
    return 0
}
