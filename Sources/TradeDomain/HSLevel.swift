/// The level of an HS code: chapter (2 digits), heading (4) or subheading (6).
///
/// The raw value is the number of digits. Levels are ordered from the coarsest
/// (chapter) to the finest (subheading). Sections (I-XXI) sit above chapters and
/// are ``HSSection`` values, not codes.
public enum HSLevel: Int, Codable, Sendable, CaseIterable, Comparable {
    /// Two digits, for example `27`.
    case chapter = 2
    /// Four digits, for example `2701`.
    case heading = 4
    /// Six digits, for example `270112`.
    case subheading = 6

    /// Orders by number of digits: chapter < heading < subheading.
    public static func < (lhs: HSLevel, rhs: HSLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
