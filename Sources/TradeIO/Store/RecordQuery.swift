import GRDB
import TradeDomain

/// A ``RecordFilter`` as SQL on a store: conditions on `series` (reporter, partner, flow, classification, source,
/// commodity), which
/// select a few rows of the small table through its indexes, and conditions on the period text of `records`,
/// which bound the range read through `records_key (series_id, period)` for each series selected.
///
/// Stored values (``StoreSchema``, `RecordWriter`): countries as ISO alpha-3 (or Comtrade area) text, flows as
/// ``TradeFlow/rawValue``, commodities as ``CommodityCode/description`` (`TOTAL`, 2/4/6 HS digits, `LL-HH`, a
/// section's Roman numeral), periods as ``Period/description`` (`2015`, `2015-Q1`, `2015-03`). SQLite compares
/// text with the `BINARY` collation (byte order), which is the order the ranges below are written for and the
/// order of the indexes (declared without a collation).
struct RecordQuery {
    /// `WHERE` conditions on `series` (alias `s`), joined by `AND`; empty: every series.
    let seriesConditions: [String]
    let seriesArguments: StatementArguments
    /// Conditions on `records` (alias `r`) for one series, besides `r.series_id = ?`; empty: every period.
    let periodConditions: [String]
    let periodArguments: StatementArguments
    /// `true` when the filter can match no record (an empty set of reporters, a period range no period of a
    /// wanted frequency fits in): no statement need be run.
    let matchesNothing: Bool

    init(_ filter: RecordFilter) {
        var conditions: [String] = []
        var arguments = StatementArguments()
        var nothing = false
        func inList(_ column: String, _ values: [String]) {
            if values.isEmpty {
                nothing = true
                return
            }
            conditions.append("s.\(column) IN (" + Array(repeating: "?", count: values.count).joined(separator: ", ") + ")")
            arguments += StatementArguments(values.sorted())
        }
        if let reporters = filter.reporters { inList("reporter", reporters.map(\.iso3)) }
        if let partners = filter.partners { inList("partner", partners.map(\.iso3)) }
        if let flows = filter.flows { inList("flow", flows.map(\.rawValue)) }
        if let classifications = filter.classifications { inList("classification", classifications.filter { !$0.isEmpty }.sorted()) }
        if let sources = filter.sources { inList("source_id", Array(sources)) }
        if let commodities = filter.commodities, !commodities.contains(.total) {
            if commodities.isEmpty {
                nothing = true
            } else {
                var terms: [String] = []
                for commodity in commodities {
                    let (term, values) = Self.commodityTerm(commodity)
                    terms.append(term)
                    arguments += StatementArguments(values)
                }
                conditions.append(terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")")
            }
        }
        let (periods, periodValues, noPeriod) = Self.periodConditions(filter)
        seriesConditions = conditions
        seriesArguments = arguments
        periodConditions = periods
        periodArguments = periodValues
        matchesNothing = nothing || noPeriod
    }

    /// The condition on `s.commodity` that takes in exactly the codes ``RecordFilter/commodity(_:takesIn:)``
    /// takes in for `commodity` (not ``CommodityCode/total``), with its arguments.
    ///
    /// - An HS code `C`: `C` itself, or a code of `C` followed by digits: the text range `[C0, C:)` (`:` is the
    ///   byte after `9`), which leaves out a chapter range such as `61-62` under chapter `61` (`-` sorts before
    ///   `0`). A six-digit code has no longer codes under it: equality alone.
    /// - A chapter range or section spanning chapters `L...H`: the HS codes of those chapters and the chapter
    ///   ranges within the span lie in the text range `[L, H:)`; a chapter range there is taken in only when it
    ///   ends at or before `H` (it starts at or after `L` by the range). Sections are Roman numerals, outside that
    ///   range: the sections whose chapters lie within the span are listed.
    static func commodityTerm(_ commodity: CommodityCode) -> (String, [String]) {
        switch commodity {
        case .total:
            return ("1", [])
        case let .hs(code):
            if code.level == .subheading { return ("s.commodity = ?", [code.digits]) }
            return ("(s.commodity = ? OR (s.commodity >= ? AND s.commodity < ?))", [code.digits, code.digits + "0", code.digits + ":"])
        case .chapterRange, .section:
            let span: ClosedRange<Int> = switch commodity {
            case let .chapterRange(range): range
            case let .section(section): section.chapters
            default: 0...0
            }
            func chapter(_ number: Int) -> String { number < 10 ? "0\(number)" : String(number) }
            let high = chapter(span.upperBound)
            let sections = HSNomenclature.sections.filter { span.contains($0.chapters.lowerBound) && span.contains($0.chapters.upperBound) }
            var term = "(s.commodity >= ? AND s.commodity < ? AND (instr(s.commodity, '-') = 0 OR substr(s.commodity, 4) <= ?))"
            var values = [chapter(span.lowerBound), high + ":", high]
            if !sections.isEmpty {
                term = "(" + term + " OR s.commodity IN (" + Array(repeating: "?", count: sections.count).joined(separator: ", ") + "))"
                values += sections.map(\.roman)
            }
            return (term, values)
        }
    }

    /// The stored text of a frequency's periods: annual `YYYY`, quarterly `YYYY-Qn`, monthly `YYYY-MM`.
    static func frequencyCondition(_ frequency: Frequency) -> String {
        switch frequency {
        case .annual: "length(r.period) = 4"
        case .quarterly: "substr(r.period, 6, 1) = 'Q'"
        case .monthly: "(length(r.period) = 7 AND substr(r.period, 6, 1) <> 'Q')"
        }
    }

    /// The conditions on `r.period` for the filter's frequencies and calendar range, their arguments, and whether
    /// no period can match.
    ///
    /// For each frequency wanted, the periods taken in (starting on or after `from`'s first day, ending on or
    /// before `through`'s last day) are a run of consecutive periods, whose texts sort in that order: one text
    /// range per frequency, with the frequency's own spelling checked (the texts of other frequencies interleave
    /// with it: `2015-12` < `2015-Q1` < `2016`). The lowest and highest bounds are also given on their own, so
    /// that SQLite reads one range of `records_key` for the series.
    static func periodConditions(_ filter: RecordFilter) -> ([String], StatementArguments, Bool) {
        let frequencies = Frequency.allCases.filter { filter.frequencies?.contains($0) ?? true }
        if frequencies.isEmpty { return ([], [], true) }
        if filter.from == nil, filter.through == nil {
            if frequencies.count == Frequency.allCases.count { return ([], [], false) }
            return (["(" + frequencies.map(frequencyCondition).joined(separator: " OR ") + ")"], [], false)
        }
        var terms: [String] = [], values: [String] = []
        var lowest: String?, highest: String?
        for frequency in frequencies {
            var term = [frequencyCondition(frequency)]
            var first: Period?, last: Period?
            if let from = filter.from {
                guard let period = firstPeriod(frequency, startingOnOrAfter: from) else { continue }
                first = period
            }
            if let through = filter.through {
                guard let period = lastPeriod(frequency, endingOnOrBefore: through) else { continue }
                last = period
            }
            if let first, let last, last < first { continue }
            if let first {
                term.append("r.period >= ?")
                values.append(first.description)
                lowest = min(lowest ?? first.description, first.description)
            }
            if let last {
                term.append("r.period <= ?")
                values.append(last.description)
                highest = max(highest ?? last.description, last.description)
            }
            terms.append("(" + term.joined(separator: " AND ") + ")")
        }
        if terms.isEmpty { return ([], [], true) }
        var conditions: [String] = [], arguments: [String] = []
        if let lowest {
            conditions.append("r.period >= ?")
            arguments.append(lowest)
        }
        if let highest {
            conditions.append("r.period <= ?")
            arguments.append(highest)
        }
        conditions.append(terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " OR ") + ")")
        return (conditions, StatementArguments(arguments + values), false)
    }

    /// The first period of a frequency that starts on or after the first day of `period`; `nil` past year 9999.
    static func firstPeriod(_ frequency: Frequency, startingOnOrAfter period: Period) -> Period? {
        let month = period.months.lowerBound  // the period starts on the first day of this month
        let perYear = frequency.periodsPerYear, length = frequency.monthsPerPeriod
        return self.period(frequency, ordinal: period.year * perYear + (month - 1 + length - 1) / length)
    }

    /// The last period of a frequency that ends on or before the last day of `period`; `nil` before year 1000.
    static func lastPeriod(_ frequency: Frequency, endingOnOrBefore period: Period) -> Period? {
        let month = period.months.upperBound  // the period ends on the last day of this month
        let perYear = frequency.periodsPerYear
        return self.period(frequency, ordinal: period.year * perYear + month / frequency.monthsPerPeriod - 1)
    }

    /// The period of a frequency numbered `ordinal` (periods since year 0); `nil` outside years 1000-9999.
    static func period(_ frequency: Frequency, ordinal: Int) -> Period? {
        let perYear = frequency.periodsPerYear
        let year = ordinal / perYear, subperiod = ordinal % perYear + 1
        guard Period.validYears.contains(year) else { return nil }
        switch frequency {
        case .annual: return Period(year: year)
        case .quarterly: return try? Period(year: year, quarter: subperiod)
        case .monthly: return try? Period(year: year, month: subperiod)
        }
    }

    /// `SELECT` of the selected series, ordered for `order`.
    func seriesSQL(order: RecordOrder) -> String {
        var sql = "SELECT s.id, s.reporter, s.partner, s.flow, s.classification, s.commodity, s.source_id FROM series s"
        if !seriesConditions.isEmpty { sql += " WHERE " + seriesConditions.joined(separator: " AND ") }
        return sql + " ORDER BY " + order.seriesOrderSQL
    }

    /// `SELECT` of one series' records in the period range, by period (arguments: the series id, then
    /// ``periodArguments``).
    ///
    /// Columns: period, reporter_code, partner_code, description_id, value_usd, quantity, quantity_unit,
    /// net_weight_kg, quantity_estimated, net_weight_estimated, legacy_flag, note, line. (Descriptions are looked
    /// up by id once per query, not joined to every record.)
    var recordsSQL: String {
        var sql = """
            SELECT r.period, r.reporter_code, r.partner_code, r.description_id, r.value_usd, r.quantity, r.quantity_unit, r.net_weight_kg,
                   r.quantity_estimated, r.net_weight_estimated, r.legacy_flag, r.note, r.line
            FROM records r
            WHERE r.series_id = ?
            """
        for condition in periodConditions { sql += " AND " + condition }
        return sql + " ORDER BY r.period"
    }
}
