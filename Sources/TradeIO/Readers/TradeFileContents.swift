import TradeDomain

/// A whole trade file read into memory: its layout, the rows kept and the
/// rejected rows with their reasons (file, line, column).
public struct TradeFileContents: Sendable, Equatable {
    /// The layout detected from the header.
    public let layout: TradeFileLayout
    /// The rows kept, in file order.
    public let rows: [TradeFileRow]
    /// The rejected rows' errors, in file order.
    public let rejected: [TradeIOError]

    /// - Parameters:
    ///   - layout: The layout detected from the header.
    ///   - rows: The rows kept.
    ///   - rejected: The errors of the rejected rows.
    public init(layout: TradeFileLayout, rows: [TradeFileRow], rejected: [TradeIOError]) {
        self.layout = layout
        self.rows = rows
        self.rejected = rejected
    }

    /// The records of the rows kept.
    public var records: [TradeRecord] { rows.map(\.record) }

    /// Data rows read (kept plus rejected).
    public var rowsRead: Int { rows.count + rejected.count }

    /// Rows kept whose quantity is zero against a positive value (suspect, never priced).
    public var suspectQuantityRows: Int { rows.filter(\.record.hasSuspectQuantity).count }

    /// Rows kept whose net weight is zero against a positive value.
    public var suspectNetWeightRows: Int { rows.filter(\.hasSuspectNetWeight).count }

    /// Rows kept whose quantity or net weight is zero against a positive value (what an ingest counts as suspect).
    public var suspectQuantityOrNetWeightRows: Int { rows.filter(\.hasSuspectQuantityOrNetWeight).count }

    /// Rows kept whose quantity was set aside (unknown unit code).
    public var quantitySetAsideRows: Int { rows.filter { $0.quantitySetAside != nil }.count }
}
