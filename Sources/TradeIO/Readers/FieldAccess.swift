import Foundation
import TradeDomain

/// A column a reader uses: its name (for messages) and its position in the
/// file's header, resolved once per file; `nil` when the header lacks it.
struct Column: Sendable {
    let name: String
    let index: Int?
}

/// The header of a file: each name's first position, looked up once per column
/// when a reader resolves its ``Column``s, never per row.
struct HeaderColumns: Sendable {
    let positions: [String: Int]
    let count: Int

    /// - Parameter header: The header fields, already trimmed.
    init(_ header: [String]) {
        var positions: [String: Int] = [:]
        for (index, name) in header.enumerated() where positions[name] == nil { positions[name] = index }
        self.positions = positions
        self.count = header.count
    }

    func column(_ name: String) -> Column { Column(name: name, index: positions[name]) }
}

/// Access to the fields of one CSV row by resolved column, producing located errors.
///
/// The row is a `CSVRawRecord` read with UTF-8 checking on (so every field is
/// valid UTF-8 and errors come as from `CSVReader.forEachRecord`). Only the
/// fields a reader asks for are decoded; numbers, flags and short codes are
/// read from the bytes (``FieldBytes``), and a `String` is made for a value
/// only when it is kept or named in an error. Every result equals what parsing
/// the field's `String` gives, so messages and behaviour are unchanged.
struct FieldAccess {
    let record: CSVRawRecord
    /// Parsed codes, countries and periods of earlier rows of the same file.
    let cache: FieldCache

    init(record: CSVRawRecord, cache: FieldCache) {
        self.record = record
        self.cache = cache
    }

    /// The file as named in messages.
    var file: String { record.displayName }
    /// The 1-based line on which the row starts.
    var line: Int { record.line }

    /// The bytes of a column's field with surrounding spaces and tabs removed; empty when the header lacks the column.
    @inline(__always)
    func bytes(_ column: Column) -> UnsafeBufferPointer<UInt8> {
        guard let index = column.index, index < record.count else { return UnsafeBufferPointer(start: nil, count: 0) }
        return FieldBytes.trimmed(record[index])
    }

    /// The field of a column with surrounding spaces and tabs removed; empty when the header lacks the column.
    subscript(column: Column) -> String {
        String(decoding: bytes(column), as: UTF8.self)
    }

    /// As the subscript, through the text cache (for long fields that repeat, such as descriptions).
    func cachedText(_ column: Column) -> String {
        let field = bytes(column)
        return field.count < 16 ? String(decoding: field, as: UTF8.self) : cache.descriptions.text(field)
    }

    func location(_ column: Column) -> SourceLocation {
        SourceLocation(file: file, line: line, field: column.name)
    }

    /// Parses a required field, wrapping the domain error with the location.
    func parse<T>(_ column: Column, _ transform: (String) throws -> T) throws -> T {
        let text = self[column]
        guard !text.isEmpty else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is empty but required")
        }
        do {
            return try transform(text)
        } catch let error as TradeDomainError {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is invalid: \(error)")
        }
    }

    /// As ``parse(_:_:)``, remembering the results of short fields (up to 7 bytes: codes,
    /// periods) in `slot`, so that a value seen before is not parsed again.
    @inline(__always)
    func parseCached<T>(_ column: Column, _ slot: ShortKeyCache<T>, _ transform: (String) throws -> T) throws -> T {
        let field = bytes(column)
        guard let key = ShortKeyCache<T>.key(field) else { return try parse(column, transform) }
        if let value = slot.value(for: key) { return value }
        let value = try parse(column, transform)
        slot.store(value, for: key)
        return value
    }

    /// A non-negative finite number, or nil for an empty field.
    func optionalAmount(_ column: Column) throws -> Double? {
        let field = bytes(column)
        if field.isEmpty { return nil }
        if let number = FieldBytes.plainDecimal(field) { return number }
        let text = self[column]
        guard let number = Double(text) else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is not a number")
        }
        guard number.isFinite else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is not a finite number")
        }
        guard number >= 0 else {
            throw TradeIOError.invalidValue(location(column), value: text, reason: "is negative; trade values and quantities are non-negative")
        }
        return number
    }
}

/// Byte-level readers of trimmed fields, each equal to the `String`-based
/// parse it stands in for on the inputs it accepts (others return nil and
/// take the `String` path).
enum FieldBytes {
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// The bytes without leading and trailing spaces and tabs.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = bytes.count
        while start < end && isBlank(bytes[start]) { start += 1 }
        while end > start && isBlank(bytes[end - 1]) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Powers of ten exactly representable as `Double` (10^0 ... 10^22).
    static let exactPowersOfTen: [Double] = (0...22).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// `digits` or `digits.digits` (no sign, no exponent) with at most 15 significant
    /// digits in all and at most 22 after the point: the value is mantissa / 10^k, both exact
    /// doubles, so one IEEE division gives the correctly rounded result, which is what
    /// `Double(String)` returns (Clinger's fast path). Anything else is nil.
    @inline(__always)
    static func plainDecimal(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        let count = bytes.count
        guard count > 0, count <= 16 else { return nil }
        var mantissa: UInt64 = 0
        var index = 0
        var integerDigits = 0
        while index < count {
            let digit = bytes[index] &- 48
            if digit > 9 { break }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
            integerDigits += 1
        }
        if index == count { return integerDigits <= 15 ? Double(mantissa) : nil }
        guard integerDigits > 0, bytes[index] == UInt8(ascii: ".") else { return nil }
        index += 1
        let fractionStart = index
        while index < count {
            let digit = bytes[index] &- 48
            if digit > 9 { return nil }
            mantissa = mantissa &* 10 &+ UInt64(digit)
            index += 1
        }
        let fractionDigits = count - fractionStart
        guard fractionDigits > 0, integerDigits + fractionDigits <= 15 else { return nil }
        return Double(mantissa) / exactPowersOfTen[fractionDigits]
    }

    /// An optional minus sign and 1 to 18 decimal digits, as `Int(String)` reads them; else nil.
    @inline(__always)
    static func plainInteger(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index = 1 }
        guard index < bytes.count, bytes.count - index <= 18 else { return nil }
        var value = 0
        while index < bytes.count {
            let digit = bytes[index] &- 48
            if digit > 9 { return nil }
            value = value &* 10 &+ Int(digit)
            index += 1
        }
        return negative ? -value : value
    }

    /// Whether the bytes are `text` with ASCII letters in either case; nil when the bytes are not
    /// all ASCII (the caller then compares `String`s, as Unicode case mapping may differ).
    @inline(__always)
    static func equalsIgnoringASCIICase(_ bytes: UnsafeBufferPointer<UInt8>, _ text: StaticString) -> Bool? {
        var ascii = true
        for byte in bytes where byte >= 0x80 { ascii = false }
        guard ascii else { return nil }
        guard bytes.count == text.utf8CodeUnitCount else { return false }
        let other = text.utf8Start
        for index in 0..<bytes.count {
            var a = bytes[index], b = other[index]
            if a >= 65 && a <= 90 { a += 32 }
            if b >= 65 && b <= 90 { b += 32 }
            if a != b { return false }
        }
        return true
    }

    /// Whether the bytes equal `text` exactly.
    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { $0.elementsEqual(bytes) }
    }
}

/// A direct-mapped cache from a short field (up to 7 bytes, packed with its
/// length into 64 bits) to its parsed value; a slot holds the last value that
/// mapped to it. Fixed size (4,096 slots), so memory does not grow with the file.
/// A class over manually managed memory: no copy-on-write or exclusivity checks per row.
final class ShortKeyCache<Value> {
    private static var slotCount: Int { 4096 }
    private let keys: UnsafeMutablePointer<UInt64>
    private let values: UnsafeMutablePointer<Value?>

    init() {
        keys = .allocate(capacity: Self.slotCount)
        keys.initialize(repeating: 0, count: Self.slotCount)
        values = .allocate(capacity: Self.slotCount)
        values.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        keys.deallocate()
        values.deinitialize(count: Self.slotCount)
        values.deallocate()
    }

    /// The packed key of up to 7 bytes (never 0), or nil for a longer field.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64? {
        guard bytes.count <= 7 else { return nil }
        var key = UInt64(bytes.count + 1) << 56
        for index in 0..<bytes.count { key |= UInt64(bytes[index]) << (8 * UInt64(index)) }
        return key
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    @inline(__always)
    func value(for key: UInt64) -> Value? {
        let slot = Self.slot(key)
        return keys[slot] == key ? values[slot] : nil
    }

    @inline(__always)
    func store(_ value: Value, for key: UInt64) {
        let slot = Self.slot(key)
        keys[slot] = key
        values[slot] = value
    }
}

/// A direct-mapped cache of longer texts (commodity descriptions repeat on every
/// row of a code): a field whose bytes equal a cached `String`'s gets that string,
/// without a new allocation. 1,024 slots, so memory does not grow with the file.
final class TextCache {
    private static var slotCount: Int { 1024 }
    private let hashes: UnsafeMutablePointer<UInt64>
    private let texts: UnsafeMutablePointer<String?>

    init() {
        hashes = .allocate(capacity: Self.slotCount)
        hashes.initialize(repeating: 0, count: Self.slotCount)
        texts = .allocate(capacity: Self.slotCount)
        texts.initialize(repeating: nil, count: Self.slotCount)
    }

    deinit {
        hashes.deallocate()
        texts.deinitialize(count: Self.slotCount)
        texts.deallocate()
    }

    /// A fast 64-bit hash of the bytes (multiply-xorshift over 8-byte words; not for adversaries:
    /// a collision only costs a comparison).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 1 }
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        while index + 8 <= bytes.count {
            h = (h ^ UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
            tail |= UInt64(base[index]) << shift
            shift += 8
            index += 1
        }
        h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        return h ^ (h >> 29) | 1
    }

    /// The text of the bytes (already checked as UTF-8), from the cache when the same bytes were seen.
    @inline(__always)
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = Self.hash(bytes)
        let slot = Int(truncatingIfNeeded: hash >> 54)
        if hashes[slot] == hash, var cached = texts[slot] {
            let same = cached.withUTF8 { $0.count == bytes.count && (bytes.isEmpty || memcmp($0.baseAddress!, bytes.baseAddress!, bytes.count) == 0) }
            if same { return cached }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        texts[slot] = text
        return text
    }
}

/// The caches of one file's reading (one per `forEachRow` call).
final class FieldCache {
    let countries = ShortKeyCache<CountryCode>()
    let commodities = ShortKeyCache<CommodityCode>()
    let periods = ShortKeyCache<Period>()
    let texts = ShortKeyCache<String>()
    let comtradeUnits = ShortKeyCache<QuantityUnit>()
    let flows = ShortKeyCache<TradeFlow>()
    let descriptions = TextCache()
}
