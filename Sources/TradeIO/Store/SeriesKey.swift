import TradeDomain

/// A record's key without its period: one row of the `series` table.
struct SeriesKey: Hashable {
    let reporter: CountryCode
    let partner: CountryCode
    let flow: TradeFlow
    /// The classification, empty when the record has none (as stored).
    let classification: String
    let commodity: CommodityCode
    let sourceID: String

    init(_ record: TradeRecord) {
        reporter = record.reporter
        partner = record.partner
        flow = record.flow
        classification = record.classification ?? ""
        commodity = record.commodity
        sourceID = record.sourceID
    }

    /// Whether a record has this key (without copying its fields into a new key, as `==` would need).
    @inline(__always)
    func matches(_ record: TradeRecord) -> Bool {
        record.reporter == reporter && record.partner == partner && record.flow == flow && record.commodity == commodity
            && (record.classification ?? "") == classification && record.sourceID == sourceID
    }

    /// A 64-bit hash of the key's fields, the same in every run (unlike Swift's per-process `Hasher`).
    ///
    /// Each field's UTF-8 bytes are gathered eight to a word, its last word carrying the field's length in
    /// the top byte (so that a byte moved from one field to the next changes the words); each word is mixed
    /// in by xor, a multiply by an odd constant and an xor-shift (each a bijection of the state).
    var stableHash: UInt64 {
        var state: UInt64 = 0x6A09_E667_F3BC_C908
        // Field by field, without an array of them (an allocation per call).
        Self.mix(reporter.iso3, into: &state)
        Self.mix(partner.iso3, into: &state)
        Self.mix(flow.rawValue, into: &state)
        Self.mix(commodity.description, into: &state)
        Self.mix(classification, into: &state)
        Self.mix(sourceID, into: &state)
        return state
    }

    /// Mixes a field's UTF-8 bytes, 8 at a time (the last word with the byte count in its top byte).
    @inline(__always)
    static func mix(_ field: String, into state: inout UInt64) {
        var word: UInt64 = 0, shift: UInt64 = 0, count: UInt64 = 0
        for byte in field.utf8 {
            word |= UInt64(byte) << shift
            shift += 8
            count += 1
            if shift == 64 {
                mix(word, into: &state)
                word = 0
                shift = 0
            }
        }
        mix(word ^ count << 56, into: &state)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(stableHash)
    }

    /// One step of ``stableHash``.
    @inline(__always)
    static func mix(_ word: UInt64, into state: inout UInt64) {
        state = (state ^ word) &* 0x9E37_79B9_7F4A_7C15
        state ^= state >> 29
    }
}

/// The dry run's 64-bit key hashes, the same in every run.
///
/// The key without its period is hashed for every row (``SeriesKey/stableHash``), whatever the order of the rows;
/// the period is one more word (year, frequency, month or quarter), and the SplitMix64 finaliser
/// (Steele, Lea and Flood 2014) spreads the result, so that keys differing in one byte differ in about
/// half the bits.
struct KeyHashes {

    /// The hash of a record's key.
    mutating func hash(_ record: TradeRecord) -> Int {
        // Computed for every row (no reuse of the previous row's): the cost does not depend on the order of the rows.
        var state = SeriesKey(record).stableHash
        let period = record.period
        let frequency: UInt64 = switch period.frequency {
        case .annual: 1
        case .quarterly: 2
        case .monthly: 3
        }
        SeriesKey.mix(UInt64(truncatingIfNeeded: period.year) | frequency << 32 | UInt64(truncatingIfNeeded: period.subperiod) << 40,
                      into: &state)
        state = (state ^ (state >> 30)) &* 0xBF58_476D_1CE4_E5B9
        state = (state ^ (state >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int(bitPattern: UInt(state ^ (state >> 31)))
    }
}
