import Testing
import TradeDomain
import Yams
import _TestSupport

/// The nesting bound of `YAMLNesting` never underestimates the depth Yams composes: random
/// documents of mixed block and flow collections, quoted and block scalars, emitted by Yams,
/// composed back, and their depth compared with the bound (issue 23 item 5).
@Suite("YAML nesting bound against Yams")
struct YAMLNestingPropertyTests {
    /// A random node at most `depth` levels deep.
    static func node(_ random: inout PropertyRandom, depth: Int) -> Node {
        let scalars = ["x", "[a", "- b", "a: b", "#c", "'q'", "line\nbreak", "{", "|", ">", "*al", "&an"]
        if depth == 0 || random.integer(0...3) == 0 {
            let text = scalars[random.integer(0...(scalars.count - 1))]
            let styles: [Node.Scalar.Style] = [.any, .plain, .singleQuoted, .doubleQuoted, .literal, .folded]
            return Node(text, .implicit, styles[random.integer(0...(styles.count - 1))])
        }
        let count = random.integer(1...3)
        let style = random.integer(0...1)
        if random.integer(0...1) == 0 {
            let items = (0..<count).map { _ in node(&random, depth: depth - 1) }
            return Node(items, .implicit, style == 0 ? .block : .flow)
        }
        let pairs = (0..<count).map { index in (Node("k\(index)"), node(&random, depth: depth - 1)) }
        return Node(pairs, .implicit, style == 0 ? .block : .flow)
    }

    static func depth(_ node: Node) -> Int {
        switch node {
        case .scalar: return 0
        case let .sequence(items): return 1 + (items.map(depth).max() ?? 0)
        case let .mapping(pairs): return 1 + (pairs.map { max(depth($0.key), depth($0.value)) }.max() ?? 0)
        }
    }

    @Test("bound >= composed depth on 2,000 random documents")
    func boundIsUpper() throws {
        var random = PropertyRandom(seed: 23_05)
        for trial in 0..<2_000 {
            let generated = Self.node(&random, depth: random.integer(1...12))
            let text = try Yams.serialize(node: generated)
            let composed = try #require(try Yams.compose(yaml: text))
            let depth = Self.depth(composed)
            // The bound exceeds depth - 1 (it is at least the depth).
            #expect(YAMLNesting.firstLine(exceeding: depth - 1, in: text) != nil, "trial \(trial):\n\(text)")
            // And it is not wildly loose: well-formed documents of depth d pass a limit of 3d + 2.
            #expect(YAMLNesting.firstLine(exceeding: 3 * depth + 2, in: text) == nil, "trial \(trial) depth \(depth):\n\(text)")
        }
    }
}
