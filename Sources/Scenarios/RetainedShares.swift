import TradeDomain

/// The share of baseline flows that measures retain in each projected period (see ``ScenarioEngine``).
struct RetainedShares {
    let periods: [Period]
    let baselineValue: [Double]?
    let baselineQuantity: [Double]?
    let quantityUnit: QuantityUnit?

    /// One month of one period.
    private struct Month {
        let period: Int
        let year: Int
        let month: Int
        let firstDay: CalendarDate
        let days: Int
        var share: Double = 1
    }

    func compute(_ measures: [ScenarioMeasure], notes: inout [String]) -> [Double] {
        var months: [Month] = []
        for (index, period) in periods.enumerated() {
            for month in period.months {
                let first = (try? CalendarDate(year: period.year, month: month, day: 1)) ?? period.firstDay
                months.append(Month(period: index, year: period.year, month: month, firstDay: first,
                                    days: CalendarDate.daysIn(year: period.year, month: month)))
            }
        }
        // Bans and suspensions: the most restrictive binds in each month.
        for i in months.indices {
            var share = 1.0
            for measure in measures where measure.action != .cap {
                let inForce = Self.fractionInForce(measure, months[i].firstDay, days: months[i].days)
                guard inForce > 0 else { continue }
                let k = (months[i].year - measure.effective.year) * 12 + months[i].month - measure.effective.month
                let ramp = measure.phaseInMonths == 0 ? 1 : min(1, Double(k + 1) / Double(measure.phaseInMonths))
                share = min(share, 1 - inForce * measure.compliance * (1 - measure.exemptionShare) * ramp)
            }
            months[i].share = share
        }
        // Caps, per calendar year, on what the bans leave.
        for measure in measures where measure.action == .cap {
            guard let cap = measure.cap else { continue }
            let valueCap = baselineValue == nil ? nil : cap.valueCap
            var quantityCap: Double?
            if let limit = cap.quantityCap, baselineQuantity != nil, let unit = quantityUnit {
                quantityCap = (try? limit.converted(to: unit).amount)
                if quantityCap == nil { notes.append("cap \(measure.id) is in \(limit.unit.abbreviation), not convertible to \(unit.abbreviation); its quantity limit is not applied") }
            }
            if valueCap == nil && quantityCap == nil {
                notes.append("cap \(measure.id) not applied: no baseline for the measure it limits")
                continue
            }
            var year = Int.min
            var usedValue = 0.0, usedQuantity = 0.0
            for i in months.indices {
                let inForce = Self.fractionInForce(measure, months[i].firstDay, days: months[i].days)
                guard inForce > 0 else { continue }
                if months[i].year != year { year = months[i].year; usedValue = 0; usedQuantity = 0 }
                let perMonth = Double(periods[months[i].period].months.count)
                let v = (baselineValue?[months[i].period] ?? 0) / perMonth * months[i].share * inForce
                let q = (baselineQuantity?[months[i].period] ?? 0) / perMonth * months[i].share * inForce
                var allowed = 1.0
                if let valueCap, v > 0 { allowed = min(allowed, max(0, (cap.stopShare * valueCap - usedValue) / v)) }
                if let quantityCap, q > 0 { allowed = min(allowed, max(0, (cap.stopShare * quantityCap - usedQuantity) / q)) }
                usedValue += v * allowed
                usedQuantity += q * allowed
                let passing = allowed + (1 - allowed) * (1 - measure.compliance)
                months[i].share *= (1 - inForce) + inForce * passing
            }
        }
        return periods.indices.map { index in
            let own = months.filter { $0.period == index }
            return own.reduce(0) { $0 + $1.share } / Double(own.count)
        }
    }

    /// The share of a month's days on which a measure is in force.
    static func fractionInForce(_ measure: ScenarioMeasure, _ firstDay: CalendarDate, days: Int) -> Double {
        let start = firstDay.daysSinceEpoch, end = start + days
        let from = max(start, measure.effective.daysSinceEpoch)
        let until = min(end, measure.end?.daysSinceEpoch ?? Int.max)
        return until > from ? Double(until - from) / Double(days) : 0
    }
}
