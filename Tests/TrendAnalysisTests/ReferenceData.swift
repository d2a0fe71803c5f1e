import Foundation
import _TestSupport

/// Loads `Reference/<name>.csv` from the test bundle.
func referenceFixture(_ name: String) throws -> Fixture {
    guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Reference") else {
        throw ReferenceMissing(name: name)
    }
    return try Fixture(url: url)
}

struct ReferenceMissing: Error, CustomStringConvertible {
    let name: String
    var description: String { "reference file Reference/\(name).csv is not in the test bundle" }
}
