/// A place in a scenario file: the file name, and the line and column (1-based).
public struct ScenarioLocation: Hashable, Codable, Sendable, CustomStringConvertible {
    /// The file as the user named it.
    public let file: String
    /// Line, from 1.
    public let line: Int
    /// Column, from 1.
    public let column: Int

    /// A location.
    ///
    /// - Parameters:
    ///   - file: File name.
    ///   - line: Line from 1.
    ///   - column: Column from 1.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `file:line:column`.
    public var description: String { "\(file):\(line):\(column)" }
}
