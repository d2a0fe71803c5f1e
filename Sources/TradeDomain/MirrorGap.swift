/// One period where both sides report a flow: the reporter's own figure and the
/// mirror figure (the partner's, converted by the CIF/FOB convention).
public struct MirrorGapPoint: Hashable, Codable, Sendable {
    /// The period.
    public let period: Period
    /// The value as the reporter reports it (USD).
    public let reportedValue: Double
    /// The value as the partner reports it, after the CIF/FOB convention (USD).
    public let mirrorValue: Double
    /// `mirrorValue − reportedValue` (USD).
    public let gap: Double
    /// `mirrorValue / reportedValue`; `nil` when the reported value is 0.
    public let ratio: Double?

    /// - Parameters:
    ///   - period: The period.
    ///   - reportedValue: The reporter's own value.
    ///   - mirrorValue: The partner's value under the convention.
    public init(period: Period, reportedValue: Double, mirrorValue: Double) {
        self.period = period
        self.reportedValue = reportedValue
        self.mirrorValue = mirrorValue
        self.gap = mirrorValue - reportedValue
        self.ratio = reportedValue == 0 ? nil : mirrorValue / reportedValue
    }
}

/// The mirror gap of a selection: for each period where both the reporter and the
/// partner report a value, the difference between the two views.
///
/// ```
/// gap(t) = mirror value(t) − reported value(t),   ratio(t) = mirror value(t) / reported value(t)
/// ```
public struct MirrorGap: Hashable, Codable, Sendable {
    /// The CIF/FOB convention of the mirror values.
    public let convention: CIFFOBConvention
    /// The periods where both sides report, in order.
    public let points: [MirrorGapPoint]

    /// Pairs the periods of two series of the same selection.
    ///
    /// - Parameters:
    ///   - reported: The series built from the reporter's own records.
    ///   - mirror: The series built from the mirrored partner records.
    ///   - convention: The convention used for `mirror`.
    public init(reported: TradeSeries, mirror: TradeSeries, convention: CIFFOBConvention) {
        var own: [Period: Double] = [:]
        for point in reported.points { if let value = point.value?.amount { own[point.period] = value } }
        self.convention = convention
        self.points = mirror.points.compactMap { point in
            guard let mirrorValue = point.value?.amount, let reportedValue = own[point.period] else { return nil }
            return MirrorGapPoint(period: point.period, reportedValue: reportedValue, mirrorValue: mirrorValue)
        }
    }
}
