// libFuzzer entry: the scenario-file parser (YAML through Yams, with its size cap and
// node budget) on arbitrary text, checked against the fixture sanctions calendar.
import Foundation
import Scenarios
import TradeDomain
import TradeIO

private let context: ScenarioFile.Context = {
    let path = ProcessInfo.processInfo.environment["FUZZ_CALENDAR"] ?? ""
    let calendar = (try? SanctionCalendarReader(path: path).read()) ?? []
    return ScenarioFile.Context(calendar: calendar, dataRange: nil)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenarioFile(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    do {
        _ = try ScenarioFile.parse(yaml: text, file: "fuzz.yaml", context: context)
    } catch {
        precondition(!error.description.isEmpty, "an error without a message")
    }
    return 0
}
