import TradeIO

/// The chapter-by-month unit-price roll-up of a Comtrade+ file:
///
/// ```
/// for each (HS chapter = cmdCode[0..<2], period, qtyUnitCode):
///     unit price = Σ primaryValue / Σ qty   over rows with qty present and > 0
/// ```
///
/// Rows with a missing quantity (empty) or a zero quantity (suspect) are left
/// out of both sums and counted. Units are never mixed: the unit is part of the
/// key. Peers compute the same groups; `run.py` compares the checksums.
enum UnitPriceRollupTask {
    struct Group {
        var value = 0.0
        var quantity = 0.0
        var rows = 0

        /// One row's figures (one dictionary lookup per row through `subscript(_:default:)`).
        mutating func add(value: Double, quantity: Double) {
            self.value += value
            self.quantity += quantity
            rows += 1
        }
    }

    static func run(_ path: String) throws -> TaskOutcome {
        var column: [String: Int] = [:]
        var groups: [Int: Group] = [:]
        var rows = 0, missing = 0, zero = 0
        var period = 0, code = 0, unit = 0, quantity = 0, value = 0
        try CSVReader(path: path).forEachRecord { line, fields in
            if column.isEmpty {
                for (index, name) in fields.enumerated() { column[name] = index }
                for name in ["period", "cmdCode", "qtyUnitCode", "qty", "primaryValue"] where column[name] == nil {
                    throw BenchError.missingColumn(path, name)
                }
                period = column["period"]!; code = column["cmdCode"]!; unit = column["qtyUnitCode"]!
                quantity = column["qty"]!; value = column["primaryValue"]!
                return true
            }
            rows += 1
            let quantityText = fields[quantity]
            if quantityText.isEmpty { missing += 1; return true }
            guard let q = Double(quantityText) else { throw BenchError.badField(path, line, "qty", quantityText) }
            if q == 0 { zero += 1; return true }
            guard let v = Double(fields[value]) else { throw BenchError.badField(path, line, "primaryValue", fields[value]) }
            guard let p = Int(fields[period]) else { throw BenchError.badField(path, line, "period", fields[period]) }
            guard let c = Int(fields[code].prefix(2)) else { throw BenchError.badField(path, line, "cmdCode", fields[code]) }
            guard let u = Int(fields[unit]) else { throw BenchError.badField(path, line, "qtyUnitCode", fields[unit]) }
            let key = ((c * 1_000_000 + p) * 100) + u
            groups[key, default: Group()].add(value: v, quantity: q)
            return true
        }
        return outcome(path: path, rows: rows, missing: missing, zero: zero, groups: groups.values)
    }

    /// The checksum every peer reproduces: group count, rows used, rows left
    /// out, Σ value, Σ quantity and Σ of the group unit prices.
    static func outcome(path: String, rows: Int, missing: Int, zero: Int, groups: some Collection<Group>) -> TaskOutcome {
        var valueSum = 0.0, quantitySum = 0.0, priceSum = 0.0, used = 0
        for group in groups {
            valueSum += group.value
            quantitySum += group.quantity
            priceSum += group.value / group.quantity
            used += group.rows
        }
        return TaskOutcome(bytes: fileSize(path), rows: rows, checksum: [
            "groups": Double(groups.count), "rows_used": Double(used),
            "missing_qty": Double(missing), "zero_qty": Double(zero),
            "value_sum": valueSum, "qty_sum": quantitySum, "unit_price_sum": priceSum,
        ])
    }
}

/// Errors of the benchmark harness, each naming file, line and field.
enum BenchError: Error, CustomStringConvertible {
    case missingColumn(String, String)
    case badField(String, Int, String, String)

    var description: String {
        switch self {
        case let .missingColumn(file, name): return "\(file): header has no column '\(name)'"
        case let .badField(file, line, field, value): return "\(file):\(line): field '\(field)': cannot read '\(value)'"
        }
    }
}
