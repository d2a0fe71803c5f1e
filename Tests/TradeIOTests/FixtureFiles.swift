import Foundation
import TradeIO

/// The path of a file in Tests/TradeIOTests/Fixtures.
func fixturePath(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures", withExtension: nil)!.appendingPathComponent(name).path
}

/// An expectation file (written by a script in Fixtures/generate) as rows keyed by column name.
func expectationRows(_ name: String) throws -> [[String: String]] {
    let records = try CSVReader(path: fixturePath(name)).readAll()
    guard let header = records.first?.fields else { return [] }
    return records.dropFirst().map { record in
        Dictionary(uniqueKeysWithValues: zip(header, record.fields))
    }
}
