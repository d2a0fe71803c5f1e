import TradeDomain

/// One data row of a trade file as read: the normalised record plus what the
/// record type does not hold (the line, the numeric area codes, the raw
/// estimation flag).
///
/// Area codes are kept as given: the ISO alpha-3 (or Comtrade area code such as
/// `W00`) in the record, the numeric M49/Comtrade code here. Where a legacy
/// file gives no ISO code (490 "Other Asia, nes" has none), the record's code is
/// the numeric code written as text (`490`), never a code of our choosing.
public struct TradeFileRow: Hashable, Codable, Sendable {
    /// The 1-based line on which the row starts.
    public let line: Int
    /// The normalised record.
    public let record: TradeRecord
    /// The reporter's numeric code (`Reporter Code`, `reporterCode`); `nil` in tidy files.
    public let reporterNumericCode: Int?
    /// The partner's numeric code (`Partner Code`, `partnerCode`); `nil` in tidy files.
    public let partnerNumericCode: Int?
    /// The legacy estimation flag as given (legacy `Flag`, Comtrade+
    /// `legacyEstimationFlag`); `nil` when absent. 0 means not estimated; the
    /// meaning of other values is not documented reliably, so it is carried, not interpreted.
    public let legacyEstimationFlag: Int?
    /// The quantity the reader set aside (a unit code it does not know), with where and why; `nil` for
    /// every other row. The record then has no quantity, keeps its value and net weight, and says so in its note.
    public let quantitySetAside: QuantitySetAside?

    /// - Parameters:
    ///   - line: The 1-based line of the row.
    ///   - record: The normalised record.
    ///   - reporterNumericCode: The reporter's numeric code, if the file has one.
    ///   - partnerNumericCode: The partner's numeric code, if the file has one.
    ///   - legacyEstimationFlag: The raw estimation flag, if the file has one.
    ///   - quantitySetAside: The quantity set aside by the reader, if any.
    public init(line: Int, record: TradeRecord, reporterNumericCode: Int? = nil, partnerNumericCode: Int? = nil, legacyEstimationFlag: Int? = nil,
                quantitySetAside: QuantitySetAside? = nil) {
        self.line = line
        self.record = record
        self.reporterNumericCode = reporterNumericCode
        self.partnerNumericCode = partnerNumericCode
        self.legacyEstimationFlag = legacyEstimationFlag
        self.quantitySetAside = quantitySetAside
    }

    /// Whether the net weight is reported as zero while the value is positive
    /// (suspect, as for ``TradeRecord/hasSuspectQuantity``).
    public var hasSuspectNetWeight: Bool {
        guard let weight = record.netWeightKilograms, let value = record.value else { return false }
        return weight == 0 && value.amount > 0
    }

    /// Whether the quantity or the net weight is zero against a positive value: what an ingest
    /// counts as a suspect quantity (neither zero is ever used in a unit price).
    public var hasSuspectQuantityOrNetWeight: Bool {
        record.hasSuspectQuantity || hasSuspectNetWeight
    }
}

/// A quantity a reader did not keep because its unit code is not one it knows, while the row (its
/// value, net weight and key) is kept: the quantity cannot be read without its unit, and the value
/// should not be lost with it. Under `--strict` it is an error (``strictError``); otherwise it is
/// counted (``IngestSummary/quantitySetAside``) and listed with the rejects (``notice``).
public struct QuantitySetAside: Hashable, Codable, Sendable {
    /// The unit-code field: file, line, column.
    public let location: SourceLocation
    /// The unit code as given.
    public let unitCode: String
    /// The quantity as given (empty when the row had none).
    public let amount: String
    /// Why the unit code is not read, as the strict error says it (`is not a Comtrade+ quantity unit code`).
    public let reason: String

    /// - Parameters: The properties of the same names.
    public init(location: SourceLocation, unitCode: String, amount: String, reason: String) {
        self.location = location
        self.unitCode = unitCode
        self.amount = amount
        self.reason = reason
    }

    /// The error under `--strict`: the unit code, rejected as before quantities were set aside.
    public var strictError: TradeIOError {
        .invalidValue(location, value: unitCode, reason: reason)
    }

    /// The entry of the rejects list: the same field, saying that only the quantity was set aside.
    public var notice: TradeIOError {
        .invalidValue(location, value: unitCode, reason: reason + Self.suffix(amount))
    }

    /// The record's note: what was set aside and why.
    public var note: String {
        let field = location.field ?? "unit code"
        return "quantity set aside: \(field) '\(unitCode)' \(reason)" + (amount.isEmpty ? "" : " (quantity '\(amount)')")
    }

    private static func suffix(_ amount: String) -> String {
        (amount.isEmpty ? "" : ": quantity '\(amount)' set aside") + (amount.isEmpty ? ": " : ", ") + "the row and its value are kept"
    }
}
