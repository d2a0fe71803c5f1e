import TradeIO

/// Reads every record with `CSVReader.forEachRawRecord` (fields as bytes, no
/// `String` per field) and counts records, fields and field bytes: the floor
/// under any reader built on `TradeIO.CSVReader`.
enum CSVReadRawTask {
    static func run(_ path: String) throws -> TaskOutcome {
        var records = 0
        var fields = 0
        try CSVReader(path: path).forEachRawRecord { record in
            records += 1
            fields += record.count
            return true
        }
        return TaskOutcome(bytes: fileSize(path), rows: records - 1,
                           checksum: ["rows": Double(records - 1), "fields": Double(fields)])
    }
}
