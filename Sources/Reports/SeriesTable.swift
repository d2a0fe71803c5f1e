import Foundation
import TradeDomain

/// The quantity, value and unit-price series of a selection as a table, in
/// text, CSV or JSON (the `series` command's output). Renders only; computes nothing.
public struct SeriesTable: Sendable {
    public let series: TradeSeries
    /// How the selection is described to a reader ("DPRK exports to China (China's imports from PRK)").
    public let selectionLabel: String
    /// The valuation convention stated in every output ("CIF, as reported by the importer").
    public let valuation: String

    public init(series: TradeSeries, selectionLabel: String, valuation: String) {
        self.series = series
        self.selectionLabel = selectionLabel
        self.valuation = valuation
    }

    var unitLabel: String { series.quantityUnit?.abbreviation ?? "-" }
    var priceUnitLabel: String { series.quantityUnit.map { "USD/\($0.abbreviation)" } ?? "-" }

    /// A fixed-width table; missing figures are shown as `-`.
    public func text() -> String {
        let periodWidth = max(6, series.allPoints.map { $0.period.description.count }.max() ?? 6)
        var lines: [String] = []
        let partial = series.partialPoints
        let whole = partial.isEmpty ? "" : " (not the whole of HS \(series.selection.commodity) in \(partial.count) period\(partial.count == 1 ? "" : "s"): see Coverage below)"
        lines.append("\(selectionLabel), HS \(series.selection.commodity)\(whole), \(series.selection.frequency.rawValue)")
        lines.append("Values in USD (\(valuation)); quantities in \(unitLabel); unit price in \(priceUnitLabel). '-' = not reported.")
        lines.append("")
        let header = NumberStyle.left("Period", periodWidth) + "  " + NumberStyle.right("Quantity (\(unitLabel))", 16) + "  "
            + NumberStyle.right("Value (USD)", 15) + "  " + NumberStyle.right("Unit price", 10) + "  Sources"
        lines.append(header)
        lines.append(String(repeating: "-", count: header.count + 20))
        for point in series.allPoints {
            let quantity = point.quantity.map { NumberStyle.grouped($0.amount) } ?? "-"
            let value = point.value.map { NumberStyle.grouped($0.amount) } ?? "-"
            let price = point.unitPrice.map { NumberStyle.fixed($0.amount, decimals: 2) } ?? "-"
            var sources = point.sourceIDs.joined(separator: ", ")
            if point.mixesSources {
                sources = "value: " + point.valueSources.joined(separator: ", ") + "; quantity: " + point.quantitySources.joined(separator: ", ")
            }
            lines.append(NumberStyle.left(point.period.description, periodWidth) + "  " + NumberStyle.right(quantity, 16) + "  "
                + NumberStyle.right(value, 15) + "  " + NumberStyle.right(price, 10) + "  " + sources)
            for alternative in point.alternatives {
                let figure = alternative.measure == .value
                    ? "value " + NumberStyle.grouped(alternative.amount) + " USD"
                    : "quantity " + NumberStyle.grouped(alternative.amount) + " " + (alternative.unit?.abbreviation ?? "")
                lines.append(String(repeating: " ", count: periodWidth + 2) + "  other figure: \(figure) (\(alternative.sourceID))")
            }
        }
        let summed = series.allPoints.compactMap { point in point.subperiods.map { (point.period, $0) } }
        if !summed.isEmpty {
            lines.append("")
            lines.append("Summed from shorter periods (no source reports these \(series.selection.frequency.rawValue) figures; a partial sum is left out of analyses unless --allow-partial):")
            for (period, subperiods) in summed { lines.append("  \(period): \(subperiods.summary)") }
        }
        if !partial.isEmpty {
            lines.append("")
            lines.append("Coverage (no source reports HS \(series.selection.commodity) itself in these periods; the figures are sums of the codes present):")
            for (period, coverage) in partial { lines.append("  \(period): \(coverage.summary)") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The CSV header of `csv(withCode:)`.
    public static func csvHeader(withCode: Bool) -> String {
        (withCode ? "hs_code," : "")
            + "period,value_usd,quantity,quantity_unit,unit_price,unit_price_unit,missing_quantity_share,estimated_quantity_share,source_ids,coverage"
    }

    /// Tidy CSV: one row per period, empty fields for missing figures.
    ///
    /// - Parameters:
    ///   - withCode: Start each row with the selection's code (for several codes in one file).
    ///   - header: Write the header row first.
    public func csv(withCode: Bool = false, header: Bool = true) -> String {
        var lines = header ? [Self.csvHeader(withCode: withCode)] : []
        for point in series.allPoints {
            var fields: [String] = withCode ? [series.selection.commodity.description] : []
            fields += [
                point.period.description,
                point.value.map { CSVText.number($0.amount) } ?? "",
                point.quantity.map { CSVText.number($0.amount) } ?? "",
                point.quantity.map { $0.unit.abbreviation } ?? "",
                point.unitPrice.map { CSVText.number($0.amount) } ?? "",
                point.unitPrice.map { $0.unitLabel } ?? "",
                point.missingQuantityShare.map(CSVText.number) ?? "",
                point.estimatedQuantityShare.map(CSVText.number) ?? "",
                point.sourceIDs.joined(separator: ";"),
                point.value == nil && point.quantity == nil ? "" : ([point.coverage(of: series.selection.commodity).summary] + (point.subperiods.map { [$0.summary] } ?? [])).joined(separator: "; "),
            ]
            lines.append(fields.map(CSVText.field).joined(separator: ","))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The JSON object of CLI.md's `series` contract.
    public func json(selection: JSONValue) -> JSONValue {
        .object([
            ("selection", selection),
            ("valuation", .string(valuation)),
            ("quantity_unit", .string(series.quantityUnit?.abbreviation)),
            ("coverage_complete", .bool(series.partialPoints.isEmpty)),
            ("rows", .array(series.allPoints.map { Self.row($0, commodity: series.selection.commodity) })),
        ])
    }

    /// The JSON of a coverage: `{reported, complete, codes_present, codes_missing, summary}`.
    static func json(_ coverage: Coverage) -> JSONValue {
        .object([
            ("reported", .bool(coverage.isReported)),
            ("complete", .bool(coverage.isComplete)),
            ("codes_present", .array(coverage.codesPresent.map { .string($0.description) })),
            ("codes_missing", coverage.codesMissing.map { .array($0.map { .string($0.description) }) } ?? .null),
            ("summary", .string(coverage.summary)),
        ])
    }

    static func row(_ point: TradeSeriesPoint, commodity: CommodityCode) -> JSONValue {
        .object([
            ("period", .string(point.period.description)),
            ("value_usd", .number(point.value?.amount)),
            ("quantity", .number(point.quantity?.amount)),
            ("quantity_unit", .string(point.quantity?.unit.abbreviation)),
            ("unit_price", .number(point.unitPrice?.amount)),
            ("unit_price_unit", .string(point.unitPrice?.unitLabel)),
            ("missing_quantity_share", .number(point.missingQuantityShare)),
            ("suspect_quantity_share", .number(point.suspectQuantityShare)),
            ("estimated_quantity_share", .number(point.estimatedQuantityShare)),
            ("source_ids", .array(point.sourceIDs.map { .string($0) })),
            ("value_source_ids", .array(point.valueSources.map { .string($0) })),
            ("quantity_source_ids", .array(point.quantitySources.map { .string($0) })),
            ("codes", .array(point.codes.map { .string($0.description) })),
            ("coverage", point.value == nil && point.quantity == nil ? .null : Self.json(point.coverage(of: commodity))),
            ("subperiods", point.subperiods.map { sub in
                .object([("frequency", .string(sub.frequency.rawValue)), ("present", .array(sub.present.map { .string($0.description) })),
                         ("expected", .integer(sub.expected)), ("complete", .bool(sub.isComplete)), ("summary", .string(sub.summary))])
            } ?? .null),
            ("alternatives", .array(point.alternatives.map { alternative in
                .object([
                    ("measure", .string(alternative.measure.rawValue)),
                    ("code", .string(alternative.commodity.description)),
                    ("amount", .number(alternative.amount)),
                    ("unit", .string(alternative.unit?.abbreviation ?? "USD")),
                    ("source_id", .string(alternative.sourceID)),
                ])
            })),
        ])
    }
}

/// RFC 4180 field quoting and full-precision numbers for CSV output.
public enum CSVText {
    /// A field, quoted when it holds a comma, quote or line break.
    public static func field(_ text: String) -> String {
        // By bytes, not Characters: "\r\n" is one Character, equal to neither "\r" nor "\n".
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return quotedByBytes(text)
    }

    /// `text` between quotes with every `"` doubled, by UTF-8 bytes: a quote followed by a combining mark
    /// is one `Character` with it, which a replacement by Characters passes over (invalid CSV).
    static func quotedByBytes(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        appendQuoted(text.utf8, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `bytes` between quotes with every `"` (0x22) doubled (see ``quotedByBytes(_:)``).
    static func appendQuoted(_ bytes: some Sequence<UInt8>, to output: inout [UInt8]) {
        output.append(0x22)
        for byte in bytes {
            if byte == 0x22 { output.append(0x22) }
            output.append(byte)
        }
        output.append(0x22)
    }

    /// A text field guarded against CSV formula injection (OWASP "CSV Injection"): text beginning
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with a single quote, so a
    /// spreadsheet shows it as text instead of evaluating it; a number (`-12.5`) stays a number.
    /// The guard also writes every control character but tab, line feed and carriage return as `\xNN`
    /// (``TerminalText``), so a terminal escape in a note cannot act on a terminal that shows the file.
    /// Then quoted as ``field(_:)``.
    ///
    /// - Parameters:
    ///   - text: The cell.
    ///   - guardingFormulas: Whether to prefix (the CLI's default; `--no-csv-formula-guard` turns it off).
    /// - Returns: The CSV field.
    public static func field(_ text: String, guardingFormulas: Bool) -> String {
        guard guardingFormulas else { return field(text) }
        var shown = text
        if text.unicodeScalars.contains(where: { TerminalText.isControl($0) && $0 != "\r" }) {
            shown = ""
            for scalar in text.unicodeScalars {
                if scalar == "\r" { shown.unicodeScalars.append(scalar) } else { shown += TerminalText.escape(String(scalar)) }
            }
        }
        return field(startsFormula(shown) ? "'" + shown : shown)
    }

    /// Whether a spreadsheet would read the cell as a formula: it begins with `=`, `+`, `-`, `@`,
    /// a tab or a carriage return and is not a plain decimal number.
    public static func startsFormula(_ text: String) -> Bool {
        guard let first = text.utf8.first, [0x3D, 0x2B, 0x2D, 0x40, 0x09, 0x0D].contains(first) else { return false }
        let isNumber = text.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B || $0 == 0x65 || $0 == 0x45 }
            && Double(text) != nil
        return !isNumber
    }

    /// A number at full double precision; integers without a decimal point.
    public static func number(_ value: Double) -> String {
        guard value.isFinite else { return "NA" }   // undefined (as JSON's null with its reason), never "nan"/"inf"
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return value.description
    }
}
