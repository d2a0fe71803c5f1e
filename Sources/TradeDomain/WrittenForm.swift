/// A value that is written as text (in files, JSON and messages) and read
/// back from it: `Period` as `2015-03`, `HSCode` as `2701`, `CountryCode` as `CHN`.
///
/// Conforming types get `Codable` as a single string: encoding writes
/// `description`; decoding parses with `init(writtenForm:)` and turns a parse
/// error into `DecodingError.dataCorrupted` carrying the error's sentence.
public protocol WrittenForm: Codable, CustomStringConvertible {
    /// Parses the written form.
    ///
    /// - Throws: `TradeDomainError` when the text is not a valid value.
    init(writtenForm text: String) throws(TradeDomainError)
}

extension WrittenForm {
    /// Decodes from the written form.
    ///
    /// - Throws: `DecodingError.dataCorrupted` when the string is not a valid value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            try self.init(writtenForm: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the written form (`description`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
