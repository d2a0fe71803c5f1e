// libFuzzer entry: the trade CSV path (CSVReader, layout detection, and the tidy,
// legacy Comtrade and Comtrade+ readers) on arbitrary bytes. Built by `make fuzz-build`
// with `swiftc -sanitize=fuzzer,address`; not part of the SwiftPM package.
import Foundation
import TradeIO

private let scratch: String = {
    let directory = ProcessInfo.processInfo.environment["FUZZ_SCRATCH"] ?? NSTemporaryDirectory()
    return (directory as NSString).appendingPathComponent("fuzz-trade-csv-\(getpid()).csv")
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTradeCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard FileManager.default.createFile(atPath: scratch, contents: bytes) else { return 0 }
    // The raw CSV layer, with a small record limit so the limit path is reached too.
    do {
        let records = try CSVReader(path: scratch, displayName: "fuzz.csv", maximumRecordBytes: 4096).readAll()
        for record in records { precondition(record.line >= 1, "a record starts before line 1") }
    } catch {
        // `readAll` throws only TradeIOError (typed throws): nothing else to check here.
        _ = error as TradeIOError
    }
    // Layout detection and the three readers; every rejection must be located in the file.
    do {
        let contents = try TradeFileReader(path: scratch, displayName: "fuzz.csv").readAll()
        for error in contents.rejected {
            precondition(error.location?.file == "fuzz.csv", "a rejected row without a location: \(error)")
        }
        _ = contents.suspectQuantityRows
    } catch {
        _ = error as TradeIOError
    }
    return 0
}
