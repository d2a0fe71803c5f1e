import Foundation
import TradeDomain

/// The change of a trade series from one period to the same period a year later: the
/// previous year for an annual series, the same month (quarter) of the previous year for a
/// monthly (quarterly) one, so that a seasonal series is never compared with its neighbour.
///
/// Every pair with a positive value at both ends is kept. When both periods also have a
/// usable quantity (as ``PriceVolumeChange/consecutive(_:)`` requires), ``priceVolume`` holds
/// the split of the value change into price and volume effects; otherwise only the value
/// change is known (a year reported without tonnage still shows how its value moved).
public struct YearOnYearChange: Hashable, Codable, Sendable {
    /// The earlier period.
    public let from: Period
    /// The later period, one year after ``from``.
    public let to: Period
    /// The value (USD) of the earlier period.
    public let valueFrom: Double
    /// The value (USD) of the later period.
    public let valueTo: Double
    /// `valueTo / valueFrom − 1`.
    public let valueChange: Double
    /// The price/volume split, when both periods have a usable quantity.
    public let priceVolume: PriceVolumeChange?

    /// A change between two periods with positive values.
    ///
    /// - Parameters:
    ///   - from: The earlier period and its value (USD).
    ///   - to: The later period and its value.
    ///   - priceVolume: The price/volume split of the same pair, when known.
    public init(from: Period, value valueFrom: Double, to: Period, value valueTo: Double, priceVolume: PriceVolumeChange?) {
        self.from = from
        self.to = to
        self.valueFrom = valueFrom
        self.valueTo = valueTo
        self.valueChange = valueTo / valueFrom - 1
        self.priceVolume = priceVolume
    }

    /// The lag, in periods of the series, between a period and the same period a year earlier.
    public static func lag(_ frequency: Frequency) -> Int { frequency.periodsPerYear }

    /// The year-on-year changes of a series, in order of the later period: each period with a
    /// positive value against the same period a year earlier, when that has a positive value too.
    /// Periods missing from the series form no pair (nothing is filled in).
    ///
    /// - Parameter series: The series (one frequency).
    /// - Returns: The changes; a pair has ``priceVolume`` when both ends have a positive quantity,
    ///   a unit price and no value lacking its quantity.
    public static func changes(_ series: TradeSeries) -> [YearOnYearChange] {
        let lag = lag(series.selection.frequency)
        var byPeriod: [Period: TradeSeriesPoint] = [:]
        for point in series.points { byPeriod[point.period] = point }
        func usableQuantity(_ point: TradeSeriesPoint) -> Double? {
            guard let quantity = point.quantity?.amount, quantity > 0, point.unitPrice != nil, point.missingQuantityShare == 0 else { return nil }
            return quantity
        }
        return series.points.compactMap { later in
            let earlierPeriod = later.period.advanced(by: -lag)
            guard let earlier = byPeriod[earlierPeriod], let valueFrom = earlier.value?.amount, let valueTo = later.value?.amount,
                  valueFrom > 0, valueTo > 0, valueFrom.isFinite, valueTo.isFinite else { return nil }
            var split: PriceVolumeChange?
            if let quantityFrom = usableQuantity(earlier), let quantityTo = usableQuantity(later) {
                split = try? PriceVolumeChange(from: earlierPeriod, value: valueFrom, quantity: quantityFrom, to: later.period, value: valueTo, quantity: quantityTo)
            }
            return YearOnYearChange(from: earlierPeriod, value: valueFrom, to: later.period, value: valueTo, priceVolume: split)
        }
    }
}
