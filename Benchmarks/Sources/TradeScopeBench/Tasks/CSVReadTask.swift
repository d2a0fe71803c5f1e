import TradeIO

/// Reads every record of the CSV with `TradeIO.CSVReader` (fields as `String`s)
/// and counts records and fields. Peers: pandas `read_csv`, polars `read_csv`,
/// DuckDB `read_csv` into an in-memory table, all columns.
enum CSVReadTask {
    static func run(_ path: String) throws -> TaskOutcome {
        var records = 0
        var fields = 0
        try CSVReader(path: path).forEachRecord { _, row in
            records += 1
            fields += row.count
            return true
        }
        // The header is a record of the file, not a row of data.
        return TaskOutcome(bytes: fileSize(path), rows: records - 1,
                           checksum: ["rows": Double(records - 1), "fields": Double(fields)])
    }
}
