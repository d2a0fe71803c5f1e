import Foundation
import TradeDomain

/// Sanction-specific screens of a trade series against the calendar, unfitted.
///
/// For each event of a ``SanctionContext`` (covering the series' HS code and binding its reporter):
/// ```
/// flow after ban:   value > 0 or quantity > 0 in a period starting after max(effective, grace end),
///                   before the measure expires
/// pre-ban surge:    mean value of the w periods before the event's period
///                   > surgeRatio × mean value of the w periods before those
/// Bans and caps are screened only when every code of the series falls under the measure
/// (`SanctionMeasure.contains`), not when the series is broader (a chapter against a heading's cap).
///
/// cap utilisation:  per calendar year from the cap's effective year, cumulative value / value cap and
///                   cumulative quantity / quantity cap (both reported; the larger binds); the first
///                   year counts the periods ending on or after the effective date
/// ```
/// and for every period with positive value and quantity in it and the period before,
/// ```
/// divergence:       |Δ log unit price| = |Δ log value − Δ log quantity| > divergenceThreshold
/// ```
/// Reference: UNSCR 2321 (2016) para. 26(b) for the lesser-of coal cap; UNSCR 2371 (2017) for bans with
/// grace periods (the calendar's `grace_until`).
public struct SanctionScreen: Sendable, Equatable, Codable {
    /// w, the length in periods of the pre-ban window and of its baseline.
    public let surgeWindow: Int
    /// The ratio of window mean to baseline mean that counts as a surge.
    public let surgeRatio: Double
    /// The absolute log change in unit price that counts as a divergence (0.4 is about ±49%).
    public let divergenceThreshold: Double
    /// The cap share at which shipments stop (1 = at the cap).
    public let capStopShare: Double

    /// A screen.
    ///
    /// - Parameters:
    ///   - surgeWindow: Periods in the pre-ban window (default 6).
    ///   - surgeRatio: Window mean over baseline mean counting as a surge (default 1.5).
    ///   - divergenceThreshold: Absolute log unit-price change counting as divergence (default 0.4).
    ///   - capStopShare: The stop share of a cap (default 1).
    public init(surgeWindow: Int = 6, surgeRatio: Double = 1.5, divergenceThreshold: Double = 0.4, capStopShare: Double = 1) {
        self.surgeWindow = surgeWindow
        self.surgeRatio = surgeRatio
        self.divergenceThreshold = divergenceThreshold
        self.capStopShare = capStopShare
    }

    /// Screens a trade series.
    ///
    /// - Parameters:
    ///   - series: The series (value, quantity and unit price per period).
    ///   - context: The calendar as it applies to the series.
    /// - Returns: The flags, ordered by period then kind.
    /// - Throws: ``AnalysisError/invalidParameter(name:value:constraint:)`` for a window below 1, a
    ///   ratio or threshold that is not positive, or a stop share outside (0, 1];
    ///   ``AnalysisError/seriesFailed(step:_:)`` when a quantity cannot be converted to a cap's unit.
    public func screen(_ series: TradeSeries, context: SanctionContext) throws(AnalysisError) -> [SanctionFlag] {
        guard surgeWindow >= 1 else { throw .invalidParameter(name: "surge window", value: "\(surgeWindow)", constraint: "must be at least 1 period") }
        guard surgeRatio > 0 else { throw .invalidParameter(name: "surge ratio", value: "\(surgeRatio)", constraint: "must be positive") }
        guard divergenceThreshold > 0 else {
            throw .invalidParameter(name: "divergence threshold", value: "\(divergenceThreshold)", constraint: "must be positive")
        }
        guard capStopShare > 0, capStopShare <= 1 else {
            throw .invalidParameter(name: "cap stop share", value: "\(capStopShare)", constraint: "must lie in (0, 1]")
        }
        let points = series.points.sorted { $0.period < $1.period }
        guard let first = points.first else { return [] }
        let frequency = first.period.frequency
        var flags: [SanctionFlag] = []
        for event in context.events {
            for measure in context.coveringMeasures(event) {
                // Bans and caps are checked only against a series whose goods all fall under the
                // measure: chapter 27 holds more than the coal of a 2701 measure, so its flows after
                // the ban or against the cap say nothing about compliance.
                guard context.hsCodes.allSatisfy(measure.contains) else { continue }
                let effective = event.effectiveDate(of: measure)
                let eventPeriod = Period.containing(effective, frequency: frequency)
                let reference = SanctionReference(eventID: event.id, title: event.title, date: effective, period: eventPeriod)
                switch measure.action {
                case .ban:
                    flags += flowsAfterBan(points, measure: measure, event: event, reference: reference)
                    if let surge = preBanSurge(points, reference: reference) { flags.append(surge) }
                case .cap:
                    if let cap = measure.cap { flags += try capUse(points, cap: cap, reference: reference) }
                case .suspension:
                    continue
                }
            }
        }
        flags += divergences(points, context: context)
        let order = Dictionary(uniqueKeysWithValues: SanctionFlag.Kind.allCases.enumerated().map { ($1, $0) })
        return flags.sorted { ($0.period, order[$0.kind]!, $0.sanction?.eventID ?? "") < ($1.period, order[$1.kind]!, $1.sanction?.eventID ?? "") }
    }

    func flowsAfterBan(_ points: [TradeSeriesPoint], measure: SanctionMeasure, event: SanctionEvent, reference: SanctionReference) -> [SanctionFlag] {
        let start = max(reference.date, measure.graceUntil ?? reference.date)
        let expiry = measure.expires ?? event.expires
        return points.compactMap { point -> SanctionFlag? in
            guard point.period.firstDay > start else { return nil }
            if let expiry, point.period.firstDay >= expiry { return nil }
            let value = point.value?.amount ?? 0, quantity = point.quantity?.amount ?? 0
            guard value > 0 || quantity > 0 else { return nil }
            let grace = measure.graceUntil.map { " and grace until \($0)" } ?? ""
            var figures: [String] = []
            if value > 0 { figures.append(String(format: "%.0f USD", value)) }
            if quantity > 0, let unit = point.quantity?.unit { figures.append(String(format: "%.0f ", quantity) + unit.abbreviation) }
            let exemptions = measure.exemptions == nil ? "" : "; the measure has exemptions, so the flow may be lawful"
            return SanctionFlag(kind: .flowAfterBan, period: point.period, sanction: reference,
                                offsetFromSanction: reference.period.distance(to: point.period), observed: value, reference: 0,
                                capUtilisation: nil,
                                note: "non-zero flow (\(figures.joined(separator: ", "))) after the \(event.id) ban effective \(reference.date)\(grace)\(exemptions)")
        }
    }

    func preBanSurge(_ points: [TradeSeriesPoint], reference: SanctionReference) -> SanctionFlag? {
        let byPeriod = Dictionary(points.map { ($0.period, $0.value?.amount) }, uniquingKeysWith: { a, _ in a })
        func mean(_ offsets: ClosedRange<Int>) -> Double? {
            var sum = 0.0
            for offset in offsets {
                guard let value = byPeriod[reference.period.advanced(by: -offset)] ?? nil else { return nil }
                sum += value
            }
            return sum / Double(offsets.count)
        }
        guard let window = mean(1...surgeWindow), let baseline = mean((surgeWindow + 1)...(2 * surgeWindow)),
              window > surgeRatio * baseline, window > 0 else { return nil }
        let last = reference.period.advanced(by: -1)
        return SanctionFlag(kind: .preBanSurge, period: last, sanction: reference, offsetFromSanction: -1,
                            observed: window, reference: baseline, capUtilisation: nil,
                            note: "mean value of the \(surgeWindow) periods before \(reference.eventID) is \(String(format: "%.0f", window)) USD, above \(surgeRatio) × the \(String(format: "%.0f", baseline)) USD of the \(surgeWindow) before")
    }

    func capUse(_ points: [TradeSeriesPoint], cap: SanctionCap, reference: SanctionReference) throws(AnalysisError) -> [SanctionFlag] {
        var flags: [SanctionFlag] = []
        let years = Set(points.map(\.period.year)).filter { $0 >= reference.date.year }.sorted()
        for year in years {
            // Calendar cap years; the first counts the periods that end on or after the effective date.
            let inYear = points.filter { $0.period.year == year && $0.period.lastDay >= reference.date }
            guard let last = inYear.last else { continue }
            let values = inYear.compactMap { $0.value?.amount }
            let quantities = inYear.compactMap(\.quantity)
            let value = values.isEmpty ? nil : values.reduce(0, +)
            var quantity: Quantity?
            if let unit = quantities.first?.unit {
                var total = 0.0
                for item in quantities {
                    do { total += try item.converted(to: unit).amount } catch {
                        throw .seriesFailed(step: "adding quantities for the cap of \(reference.eventID) in \(year)", error)
                    }
                }
                quantity = Quantity(amount: total, unit: unit)
            }
            let utilisation: CapUtilisation?
            do {
                utilisation = try cap.utilisation(value: value, quantity: quantity, stopShare: capStopShare)
            } catch {
                throw .seriesFailed(step: "cap utilisation of \(reference.eventID) in \(year)", error)
            }
            guard let utilisation else { continue }
            let shares = [utilisation.valueShare.map { "value \(Self.share($0)) of the cap" }, utilisation.quantityShare.map { "quantity \(Self.share($0))" }]
                .compactMap { $0 }.joined(separator: ", ")
            flags.append(SanctionFlag(kind: .capUtilisation, period: last.period, sanction: reference,
                                      offsetFromSanction: reference.period.distance(to: last.period), observed: utilisation.share,
                                      reference: capStopShare, capUtilisation: utilisation,
                                      note: "\(year) use of the \(reference.eventID) cap: \(shares); \(utilisation.bindingLimit.rawValue) binds\(utilisation.stopped ? ", stop share reached" : "")"))
        }
        return flags
    }

    func divergences(_ points: [TradeSeriesPoint], context: SanctionContext) -> [SanctionFlag] {
        var flags: [SanctionFlag] = []
        for (previous, current) in zip(points, points.dropFirst()) where previous.period.distance(to: current.period) == 1 {
            guard let v0 = previous.value?.amount, let v1 = current.value?.amount,
                  let q0 = previous.quantity, let q1 = current.quantity, q0.unit == q1.unit,
                  v0 > 0, v1 > 0, q0.amount > 0, q1.amount > 0 else { continue }
            let dv = log(v1 / v0), dq = log(q1.amount / q0.amount), dp = dv - dq
            guard abs(dp) > divergenceThreshold else { continue }
            let near = context.nearest(to: current.period)
            flags.append(SanctionFlag(kind: .unitPriceDivergence, period: current.period, sanction: near?.sanction, offsetFromSanction: near?.offset,
                                      observed: dp, reference: divergenceThreshold, capUtilisation: nil,
                                      note: "unit price moved \(Self.percent(exp(dp) - 1)) while value moved \(Self.percent(exp(dv) - 1)) and quantity \(Self.percent(exp(dq) - 1))"))
        }
        return flags
    }

    static func share(_ share: Double) -> String {
        String(format: "%.1f%%", share * 100)
    }

    static func percent(_ share: Double) -> String {
        String(format: "%+.1f%%", share * 100).replacingOccurrences(of: "+", with: share >= 0 ? "+" : "")
    }
}
