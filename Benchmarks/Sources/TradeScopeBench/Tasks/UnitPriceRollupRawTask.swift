import Foundation
import TradeIO

/// The same roll-up as `UnitPriceRollupTask`, read with
/// `CSVReader.forEachRawRecord`: codes and numbers are parsed straight from
/// the field bytes, with no `String` per field.
enum UnitPriceRollupRawTask {
    static func run(_ path: String) throws -> TaskOutcome {
        var columns: [String: Int] = [:]
        var groups: [Int: UnitPriceRollupTask.Group] = [:]
        var rows = 0, missing = 0, zero = 0
        var period = 0, code = 0, unit = 0, quantity = 0, value = 0
        try CSVReader(path: path).forEachRawRecord { record in
            if columns.isEmpty {
                for (index, name) in try record.strings().enumerated() { columns[name] = index }
                for name in ["period", "cmdCode", "qtyUnitCode", "qty", "primaryValue"] where columns[name] == nil {
                    throw BenchError.missingColumn(path, name)
                }
                period = columns["period"]!; code = columns["cmdCode"]!; unit = columns["qtyUnitCode"]!
                quantity = columns["qty"]!; value = columns["primaryValue"]!
                return true
            }
            rows += 1
            if record.withField(quantity, { $0.isEmpty }) { missing += 1; return true }
            guard let q = record.withField(quantity, parseDouble) else { throw badField(path, record, quantity, "qty") }
            if q == 0 { zero += 1; return true }
            guard let v = record.withField(value, parseDouble) else { throw badField(path, record, value, "primaryValue") }
            guard let p = record.withField(period, parseInteger) else { throw badField(path, record, period, "period") }
            let chapter = record.withField(code) { bytes in bytes.count >= 2 ? parseInteger(UnsafeBufferPointer(rebasing: bytes[0..<2])) : nil }
            guard let c = chapter else { throw badField(path, record, code, "cmdCode") }
            guard let u = record.withField(unit, parseInteger) else { throw badField(path, record, unit, "qtyUnitCode") }
            let key = ((c * 1_000_000 + p) * 100) + u
            groups[key, default: UnitPriceRollupTask.Group()].add(value: v, quantity: q)
            return true
        }
        return UnitPriceRollupTask.outcome(path: path, rows: rows, missing: missing, zero: zero, groups: groups.values)
    }

    static func badField(_ path: String, _ record: borrowing CSVRecordView, _ index: Int, _ name: String) -> BenchError {
        .badField(path, record.line, name, record.withField(index) { String(decoding: $0, as: UTF8.self) })
    }
}

/// A decimal integer with an optional minus sign; nil for anything else.
@inline(__always)
func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    var index = 0, negative = false, value = 0
    if bytes.first == UInt8(ascii: "-") { negative = true; index = 1 }
    guard index < bytes.count, bytes.count - index <= 18 else { return nil }
    while index < bytes.count {
        let digit = Int(bytes[index]) &- 48
        guard digit >= 0 && digit <= 9 else { return nil }
        value = value * 10 + digit
        index += 1
    }
    return negative ? -value : value
}

/// A decimal number read by C `strtod` (correctly rounded, as Swift's `Double(_:)`);
/// nil unless every byte is used.
@inline(__always)
func parseDouble(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
    guard !bytes.isEmpty, bytes.count < 64 else { return nil }
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 64) { buffer -> Double? in
        let base = buffer.baseAddress!
        UnsafeMutableRawPointer(base).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        base[bytes.count] = 0
        var end: UnsafeMutablePointer<CChar>? = nil
        let value = strtod(base, &end)
        return end == base + bytes.count ? value : nil
    }
}
