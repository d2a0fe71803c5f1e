/// An upper bound on how deeply a YAML text nests its collections, found in one pass over the
/// bytes before any parser sees them.
///
/// Yams composes a document recursively, one call frame chain per level, so a small file nested
/// thousands of levels deep (`[[[[…`, or `- - - - …`) overflows the stack long before any size
/// or node limit applies. The readers of YAML files (scenario files, the sanctions calendar)
/// call ``firstLine(exceeding:in:)`` first and refuse a file that may nest deeper than their limit.
///
/// The bound counts, on each line: two levels for every open block indentation (a mapping and a
/// sequence may share a column), one for every compact indicator (`- `, `? `, and `: ` outside brackets) and every
/// open flow bracket (`[`, `{`), ignoring quoted scalars, comments and the bodies of block
/// scalars (`|`, `>`). It never underestimates the nesting that Yams composes; it may count a
/// few levels too many, so limits are set far above what real files use.
///
/// This lives in `TradeDomain` because it is the one module both YAML readers (`TradeIO`'s
/// calendar reader and `Scenarios`' scenario file) depend on; it knows nothing of YAML's meaning.
public enum YAMLNesting {
    /// The first line (1-based) on which the nesting bound exceeds `limit`, or `nil` if it never does.
    ///
    /// - Parameters:
    ///   - limit: The deepest nesting allowed.
    ///   - text: The YAML text.
    /// - Returns: The line number, or `nil`.
    /// - Complexity: O(n) in the length of `text`, with memory bounded by `limit`.
    public static func firstLine(exceeding limit: Int, in text: String) -> Int? {
        var scanner = Scanner(limit: limit)
        var lineNumber = 0
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if !scanner.scan(Array(line)) { return lineNumber }
        }
        return nil
    }

    /// The scanning state carried from line to line.
    private struct Scanner {
        let limit: Int
        /// Indentation columns of the open block collections.
        var indents: [Int] = []
        var flowDepth = 0
        var inSingleQuote = false
        var inDoubleQuote = false
        /// While the body of a block scalar (`|`, `>`) is skipped: the column its body must exceed,
        /// and the body's indentation once its first line is seen.
        var blockScalar: (threshold: Int, bodyIndent: Int?)?

        init(limit: Int) { self.limit = limit }

        /// Scans one line; `false` when the bound exceeds the limit.
        mutating func scan(_ line: [UInt8]) -> Bool {
            let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")
            let indent = line.prefix { $0 == space }.count
            let isBlank = line[indent...].allSatisfy { $0 == space || $0 == tab || $0 == cr }
            if let (threshold, bodyIndent) = blockScalar {
                if isBlank { return true }
                if let bodyIndent, indent >= bodyIndent { return true }
                if bodyIndent == nil && indent > threshold { blockScalar = (threshold, indent); return true }
                blockScalar = nil
            }
            var index = 0
            var inline = 0
            if !inSingleQuote && !inDoubleQuote && flowDepth == 0 {
                if isBlank || line[indent] == UInt8(ascii: "#") { return true }
                if indent == 0 && (line.starts(with: Array("---".utf8)) || line.starts(with: Array("...".utf8))) {
                    indents.removeAll()
                    index = 3
                } else {
                    while let last = indents.last, last > indent { indents.removeLast() }
                    if indents.last != indent { indents.append(indent) }
                    index = indent
                }
            }
            var atNodeStart = true
            // The largest column at which a block node of this line starts: a block scalar's
            // body must be indented further than the collection holding it, which starts at or before it.
            var nodeColumn = indent
            while index < line.count {
                let byte = line[index]
                if inDoubleQuote {
                    if byte == UInt8(ascii: "\\") { index += 2; continue }
                    if byte == UInt8(ascii: "\"") { inDoubleQuote = false; atNodeStart = false }
                    index += 1
                    continue
                }
                if inSingleQuote {
                    if byte == UInt8(ascii: "'") {
                        if index + 1 < line.count && line[index + 1] == UInt8(ascii: "'") { index += 2; continue }
                        inSingleQuote = false
                        atNodeStart = false
                    }
                    index += 1
                    continue
                }
                let next = index + 1 < line.count ? line[index + 1] : space
                let nextEnds = next == space || next == cr || next == tab
                switch byte {
                case space, tab, cr:
                    break
                case UInt8(ascii: "#") where index == 0 || line[index - 1] == space || line[index - 1] == tab:
                    index = line.count
                    continue
                case UInt8(ascii: "\"") where atNodeStart:
                    inDoubleQuote = true
                case UInt8(ascii: "'") where atNodeStart:
                    inSingleQuote = true
                case UInt8(ascii: "[") where atNodeStart || flowDepth > 0, UInt8(ascii: "{") where atNodeStart || flowDepth > 0:
                    flowDepth += 1
                    atNodeStart = true
                case UInt8(ascii: "]") where flowDepth > 0, UInt8(ascii: "}") where flowDepth > 0:
                    flowDepth -= 1
                    atNodeStart = false
                case UInt8(ascii: ",") where flowDepth > 0:
                    atNodeStart = true
                case UInt8(ascii: "-") where atNodeStart && nextEnds, UInt8(ascii: "?") where atNodeStart && nextEnds:
                    inline += 1
                    if flowDepth == 0 { nodeColumn = index }
                    atNodeStart = true
                case UInt8(ascii: ":") where nextEnds || (flowDepth > 0 && [UInt8(ascii: ","), UInt8(ascii: "]"), UInt8(ascii: "}")].contains(next)):
                    // In block context a value after `: ` may open a compact level; in flow context
                    // the enclosing bracket already counted the mapping.
                    if flowDepth == 0 { inline += 1 }
                    atNodeStart = true
                case UInt8(ascii: "&") where atNodeStart, UInt8(ascii: "!") where atNodeStart, UInt8(ascii: "*") where atNodeStart:
                    // An anchor, tag or alias: its name runs to the next blank; the node starts after it.
                    while index + 1 < line.count && line[index + 1] != space && line[index + 1] != tab { index += 1 }
                case UInt8(ascii: "|") where atNodeStart && flowDepth == 0, UInt8(ascii: ">") where atNodeStart && flowDepth == 0:
                    if Self.isBlockScalarHeader(line[(index + 1)...]) {
                        blockScalar = (nodeColumn, nil)
                        return 2 * indents.count + inline <= limit
                    }
                    atNodeStart = false
                default:
                    if atNodeStart && flowDepth == 0 { nodeColumn = max(nodeColumn, index) }
                    atNodeStart = false
                }
                if 2 * indents.count + inline + flowDepth > limit { return false }
                index += 1
            }
            return 2 * indents.count + inline + flowDepth <= limit
        }

        /// Whether what follows `|` or `>` is a block scalar header's rest: indicators (`-`, `+`,
        /// a digit), then blanks and an optional comment.
        static func isBlockScalarHeader(_ rest: ArraySlice<UInt8>) -> Bool {
            var index = rest.startIndex
            while index < rest.endIndex, [UInt8(ascii: "-"), UInt8(ascii: "+")].contains(rest[index])
                    || (UInt8(ascii: "1")...UInt8(ascii: "9")).contains(rest[index]) {
                index += 1
            }
            while index < rest.endIndex, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(rest[index]) { index += 1 }
            return index == rest.endIndex
                || (rest[index] == UInt8(ascii: "#") && index > rest.startIndex && [UInt8(ascii: " "), UInt8(ascii: "\t")].contains(rest[index - 1]))
        }
    }
}
