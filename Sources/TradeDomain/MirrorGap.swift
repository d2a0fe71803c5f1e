/// One period where both sides report a flow: the reporter's own figure and the
/// mirror figure (the partner's, converted by the CIF/FOB convention).
///
/// The gap between the partner's figure as reported and the reporter's splits
/// into the part the CIF/FOB convention explains and the rest:
/// ```
/// unadjusted mirror − reported = (unadjusted mirror − mirror) + (mirror − reported)
///        total gap             =      valuation part          +     residual (= gap)
/// ```
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
    /// The partner's value as the partner reported it, before the CIF/FOB convention (USD).
    public let unadjustedMirrorValue: Double
    /// `unadjustedMirrorValue − reportedValue`: the gap before any CIF/FOB adjustment (USD).
    public let totalGap: Double
    /// `unadjustedMirrorValue − mirrorValue`: the part of the total gap the convention
    /// attributes to valuation (freight and insurance; 0 under `none`) (USD).
    public let valuationPart: Double
    /// `mirrorValue − reportedValue` (= ``gap``): what the convention leaves unexplained (USD).
    public var residual: Double { gap }

    /// - Parameters:
    ///   - period: The period.
    ///   - reportedValue: The reporter's own value.
    ///   - mirrorValue: The partner's value under the convention.
    ///   - unadjustedMirrorValue: The partner's value as reported; `nil` (default) when
    ///     no convention was applied (then equal to `mirrorValue`).
    public init(period: Period, reportedValue: Double, mirrorValue: Double, unadjustedMirrorValue: Double? = nil) {
        self.period = period
        self.reportedValue = reportedValue
        self.mirrorValue = mirrorValue
        self.gap = mirrorValue - reportedValue
        self.ratio = reportedValue == 0 ? nil : mirrorValue / reportedValue
        let unadjusted = unadjustedMirrorValue ?? mirrorValue
        self.unadjustedMirrorValue = unadjusted
        self.totalGap = unadjusted - reportedValue
        self.valuationPart = unadjusted - mirrorValue
    }
}

/// The mirror gap of a selection: for each period where both the reporter and the
/// partner report a value, the difference between the two views.
///
/// ```
/// gap(t) = mirror value(t) − reported value(t),   ratio(t) = mirror value(t) / reported value(t)
/// total gap(t) = partner's value as reported(t) − reported value(t) = valuation part(t) + gap(t)
/// ```
/// The valuation part is what the chosen CIF/FOB convention explains (the partner's
/// figure before minus after conversion); the residual (``MirrorGapPoint/gap``) is the rest:
/// timing, classification, misreporting, goods unrecorded on one side.
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
        // MirrorView divides a partner's CIF imports by the factor (selection flow export or
        // re-export) and multiplies a partner's FOB exports by it (import or re-import).
        let flow = mirror.selection.flow
        let dividedByFactor = flow == .export || flow == .reExport
        self.points = mirror.points.compactMap { point in
            guard let mirrorValue = point.value?.amount, let reportedValue = own[point.period] else { return nil }
            let unadjusted = dividedByFactor ? mirrorValue * convention.factor : mirrorValue / convention.factor
            return MirrorGapPoint(period: point.period, reportedValue: reportedValue, mirrorValue: mirrorValue,
                                  unadjustedMirrorValue: flow == nil ? mirrorValue : unadjusted)
        }
    }
}
