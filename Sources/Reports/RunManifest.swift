/// What a run was: tool version, command line, the SHA-256 of each input file,
/// the sanctions calendar's version and the parameters, so that a result can be
/// reproduced and checked. It holds no time stamp: the same command on the same
/// inputs gives byte-identical output.
public struct RunManifest: Sendable, Equatable {
    /// One input file and its fingerprint.
    public struct InputFile: Sendable, Equatable {
        /// The file's name relative to its data directory (`dprk_china.csv`), not an absolute path.
        public let name: String
        /// Its SHA-256 in hex.
        public let sha256: String
        /// Its size in bytes.
        public let bytes: Int

        /// - Parameters:
        ///   - name: The file name relative to the data directory.
        ///   - sha256: The hex SHA-256 of its bytes.
        ///   - bytes: Its size.
        public init(name: String, sha256: String, bytes: Int) {
            self.name = name
            self.sha256 = sha256
            self.bytes = bytes
        }
    }

    /// A named parameter as the user gave or the program resolved it.
    public struct Parameter: Sendable, Equatable {
        public let name: String
        public let value: String

        /// - Parameters:
        ///   - name: The parameter name (`hs`, `composition_year`).
        ///   - value: Its value as text.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public let tool: String
    public let version: String
    /// The command line, program name first (`tradescope report --format html ...`).
    public let commandLine: [String]
    public let inputs: [InputFile]
    /// The sanctions calendar version: its file fingerprint, event count and latest event.
    public let sanctionsCalendar: String
    public let parameters: [Parameter]
    /// Seeds of random number generators used; empty when the run draws no random numbers.
    public let seeds: [Parameter]

    /// - Parameters:
    ///   - tool: The program name.
    ///   - version: Its version.
    ///   - commandLine: The arguments, program name first.
    ///   - inputs: The input files with fingerprints.
    ///   - sanctionsCalendar: The calendar's version text.
    ///   - parameters: Resolved parameters.
    ///   - seeds: Random seeds; empty by default.
    public init(
        tool: String, version: String, commandLine: [String], inputs: [InputFile], sanctionsCalendar: String,
        parameters: [Parameter], seeds: [Parameter] = []
    ) {
        self.tool = tool
        self.version = version
        self.commandLine = commandLine
        self.inputs = inputs
        self.sanctionsCalendar = sanctionsCalendar
        self.parameters = parameters
        self.seeds = seeds
    }

    /// The command line as one shell-quoted string.
    public var commandText: String {
        commandLine.map { argument in
            let safe = !argument.isEmpty && argument.allSatisfy { $0.isLetter || $0.isNumber || "-_=./,:+@".contains($0) }
            return safe ? argument : "'" + argument.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }

    /// The manifest as JSON.
    public func json() -> JSONValue {
        .object([
            ("tool", .string(tool)), ("version", .string(version)),
            ("command_line", .array(commandLine.map { .string($0) })),
            ("inputs", .array(inputs.map { .object([("name", .string($0.name)), ("sha256", .string($0.sha256)), ("bytes", .integer($0.bytes))]) })),
            ("sanctions_calendar", .string(sanctionsCalendar)),
            ("parameters", .object(parameters.map { ($0.name, .string($0.value)) })),
            ("seeds", .object(seeds.map { ($0.name, .string($0.value)) })),
        ])
    }

    /// The manifest as a Markdown section.
    public func markdown() -> String {
        var out = "## Run manifest\n\n- Tool: \(Markdown.escape(tool)) \(Markdown.escape(version))\n- Command: \(Markdown.codeSpan(commandText))\n"
        out += "- Sanctions calendar: \(Markdown.escape(sanctionsCalendar))\n"
        for input in inputs { out += "- Input \(Markdown.codeSpan(input.name)): \(input.bytes) bytes, SHA-256 \(Markdown.codeSpan(input.sha256))\n" }
        for parameter in parameters { out += "- Parameter \(Markdown.escape(parameter.name)): \(Markdown.escape(parameter.value))\n" }
        out += seeds.isEmpty ? "- Random seeds: none (no random numbers drawn)\n" : seeds.map { "- Seed \(Markdown.escape($0.name)): \(Markdown.escape($0.value))\n" }.joined()
        return out
    }

    /// The manifest as an HTML definition list (escaped).
    public func html() -> String {
        let e = SVGText.escape
        var out = "<dl class=\"manifest\">\n<dt>Tool</dt><dd>\(e(tool)) \(e(version))</dd>\n<dt>Command</dt><dd><code>\(e(commandText))</code></dd>\n"
        out += "<dt>Sanctions calendar</dt><dd>\(e(sanctionsCalendar))</dd>\n"
        for input in inputs { out += "<dt>Input <code>\(e(input.name))</code></dt><dd>\(input.bytes) bytes, SHA-256 <code>\(e(input.sha256))</code></dd>\n" }
        for parameter in parameters { out += "<dt>\(e(parameter.name))</dt><dd>\(e(parameter.value))</dd>\n" }
        out += "<dt>Random seeds</dt><dd>\(seeds.isEmpty ? "none (no random numbers drawn)" : e(seeds.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")))</dd>\n</dl>\n"
        return out
    }
}
