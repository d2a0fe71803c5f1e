import TradeDomain

extension BasketObservation {
    /// The basket observations of a trade series: one per period with a value,
    /// labelled with the series' commodity code.
    ///
    /// The quantity is kept only when every part of the value carries one
    /// (`missingQuantityShare == 0`) and no quantity is suspect; otherwise it is
    /// `nil`, so that the period is reported as "no quantity" rather than priced
    /// from part of its value.
    ///
    /// - Parameter series: A trade series of one commodity.
    /// - Returns: Its observations in period order.
    public static func observations(from series: TradeSeries) -> [BasketObservation] {
        let code = series.selection.commodity.description
        return series.points.compactMap { point in
            guard let value = point.value?.amount else { return nil }
            let complete = (point.missingQuantityShare ?? 0) == 0 && (point.suspectQuantityShare ?? 0) == 0
            let quantity = complete ? point.quantity : nil
            return BasketObservation(period: point.period, code: code, value: value, quantity: quantity?.amount,
                                     unit: quantity?.unit ?? series.quantityUnit)
        }
    }
}
