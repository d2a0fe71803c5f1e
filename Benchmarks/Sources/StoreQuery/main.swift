import Foundation
import TradeDomain
import TradeIO

// store-query: the tiny release driver of the store-query benchmark (`Benchmarks/store_query.py`).
//
//   store-query ingest FILE STORE                 build a store (prints rows kept and seconds)
//   store-query rows STORE [selection]            stream the selected rows through TradeStore.forEachRow
//   store-query csv STORE [selection]             the same, writing each row as a CSV line to stdout
//   store-query start                             nothing (the process's start and exit, for comparison)
//
// selection: --reporter ISO --partner ISO --flow FLOW --hs CODE --freq FREQUENCY --from PERIOD --through PERIOD
// (each at most once). The store is opened for reading (TradeStore(path:access: .read)). `rows` prints one
// line: rows, Σ value, series read, records read, the seconds to open the store and those of open and query, measured in
// process; the process's wall time and peak memory are measured outside (/usr/bin/time).

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("store-query: \(message)\n".utf8))
    exit(2)
}

func seconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
}

func filter(_ words: ArraySlice<String>) throws -> RecordFilter {
    var options: [String: String] = [:]
    var iterator = words.makeIterator()
    while let word = iterator.next() {
        guard word.hasPrefix("--"), let value = iterator.next() else { fail("bad selection at \(word)") }
        options[String(word.dropFirst(2))] = value
    }
    return RecordFilter(
        reporters: try options["reporter"].map { [try CountryCode($0)] }, partners: try options["partner"].map { [try CountryCode($0)] },
        flows: try options["flow"].map { [try TradeFlow(parsing: $0)] }, commodities: try options["hs"].map { [try CommodityCode(parsing: $0)] },
        frequencies: options["freq"].map { text in
            guard let frequency = Frequency(rawValue: text) else { fail("bad frequency \(text)") }
            return [frequency]
        },
        from: try options["from"].map { try Period(parsing: $0) }, through: try options["through"].map { try Period(parsing: $0) })
}

/// Standard output in 64 KiB blocks, written field by field (no `String` built per line).
final class Output {
    var buffer: [UInt8] = []
    init() { buffer.reserveCapacity(1 << 17) }
    func write(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
        if buffer.count >= 1 << 16 { flush() }
    }
    func byte(_ value: UInt8) { buffer.append(value) }
    /// A text field, quoted (RFC 4180, quotes doubled) when it holds a comma or a quote.
    func field(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(UInt8(ascii: ",")) || bytes.contains(UInt8(ascii: "\"")) else {
                buffer.append(contentsOf: bytes)
                return
            }
            buffer.append(UInt8(ascii: "\""))
            for byte in bytes {
                if byte == UInt8(ascii: "\"") { buffer.append(byte) }
                buffer.append(byte)
            }
            buffer.append(UInt8(ascii: "\""))
        }
    }
    func integer(_ value: Int) {
        if value < 0 {
            buffer.append(UInt8(ascii: "-"))
            integer(-value)
            return
        }
        if value >= 10 { integer(value / 10) }
        buffer.append(UInt8(48 + value % 10))
    }
    /// A number as the store's CSV writers print it: an integral value without a fraction, else Swift's shortest form.
    func number(_ value: Double?) {
        guard let value else { return }
        if value == value.rounded(), abs(value) < 1e15 { integer(Int(value)) } else { write(String(value)) }
    }
    func flush() {
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(1, bytes.baseAddress! + offset, bytes.count - offset)
                if written <= 0 { fail("cannot write stdout") }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

let arguments = CommandLine.arguments
if arguments.count == 2, arguments[1] == "start" { exit(0) }
guard arguments.count >= 3 else { fail("usage: store-query ingest FILE STORE | rows STORE [selection] | csv STORE [selection]") }
do {
    switch arguments[1] {
    case "ingest":
        guard arguments.count == 4 else { fail("usage: store-query ingest FILE STORE") }
        let start = DispatchTime.now()
        let summary = try TradeStore(path: arguments[3]).ingest(file: arguments[2])
        print("kept \(summary.rowsKept) replaced \(summary.rowsReplaced) rejected \(summary.rowsRejected) seconds \(seconds(since: start))")
    case "rows":
        let start = DispatchTime.now()
        let store = try TradeStore(path: arguments[2], access: .read)
        let opened = seconds(since: start)
        var count = 0, total = 0.0
        let statistics = try store.forEachRow(matching: try filter(arguments.dropFirst(3))) { row in
            count += 1
            total += row.record.value?.amount ?? 0
        }
        print("rows \(count) value \(total) series \(statistics.seriesRead) records \(statistics.recordsRead) open \(opened) seconds \(seconds(since: start))")
    case "csv":
        let store = try TradeStore(path: arguments[2], access: .read)
        let output = Output()
        output.write("reporter,partner,flow,period,commodity,classification,reporter_code,partner_code,description,value_usd,quantity,quantity_unit,net_weight_kg,quantity_estimated,net_weight_estimated,legacy_flag,source_id,line\n")
        let comma = UInt8(ascii: ",")
        try store.forEachRow(matching: try filter(arguments.dropFirst(3))) { row in
            let r = row.record
            for text in [r.reporter.iso3, r.partner.iso3, r.flow.rawValue, r.period.description, r.commodity.description, r.classification ?? ""] {
                output.write(text)
                output.byte(comma)
            }
            if let code = row.reporterNumericCode { output.integer(code) }
            output.byte(comma)
            if let code = row.partnerNumericCode { output.integer(code) }
            output.byte(comma)
            if let description = r.commodityDescription { output.field(description) }
            output.byte(comma)
            output.number(r.value?.amount)
            output.byte(comma)
            output.number(r.quantity?.amount)
            output.byte(comma)
            if let unit = r.quantity?.unit { output.integer(unit.code) }
            output.byte(comma)
            output.number(r.netWeightKilograms)
            output.byte(comma)
            output.integer(r.isQuantityEstimated ? 1 : 0)
            output.byte(comma)
            output.integer(r.isNetWeightEstimated ? 1 : 0)
            output.byte(comma)
            if let flag = row.legacyEstimationFlag { output.integer(flag) }
            output.byte(comma)
            output.write(r.sourceID)
            output.byte(comma)
            output.integer(row.line)
            output.byte(UInt8(ascii: "\n"))
            if output.buffer.count >= 1 << 16 { output.flush() }
        }
        output.flush()
    default:
        fail("unknown command \(arguments[1])")
    }
} catch {
    fail("\(error)")
}
