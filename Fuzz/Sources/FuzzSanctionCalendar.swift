// libFuzzer entry: the sanctions-calendar reader (YAML) on arbitrary text.
import Foundation
import TradeIO

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanctionCalendar(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try SanctionCalendarReader.parse(yaml: text, displayName: "fuzz.yaml")
    } catch is TradeIOError {
    } catch {
        preconditionFailure("the calendar reader threw a non-TradeIOError: \(error)")
    }
    return 0
}
