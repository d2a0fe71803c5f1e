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

    /// - Parameters:
    ///   - line: The 1-based line of the row.
    ///   - record: The normalised record.
    ///   - reporterNumericCode: The reporter's numeric code, if the file has one.
    ///   - partnerNumericCode: The partner's numeric code, if the file has one.
    ///   - legacyEstimationFlag: The raw estimation flag, if the file has one.
    public init(line: Int, record: TradeRecord, reporterNumericCode: Int? = nil, partnerNumericCode: Int? = nil, legacyEstimationFlag: Int? = nil) {
        self.line = line
        self.record = record
        self.reporterNumericCode = reporterNumericCode
        self.partnerNumericCode = partnerNumericCode
        self.legacyEstimationFlag = legacyEstimationFlag
    }

    /// Whether the net weight is reported as zero while the value is positive
    /// (suspect, as for ``TradeRecord/hasSuspectQuantity``).
    public var hasSuspectNetWeight: Bool {
        guard let weight = record.netWeightKilograms, let value = record.value else { return false }
        return weight == 0 && value.amount > 0
    }
}
