/// A series drawn as a line of block characters for a terminal: `▁▂▄█ ▆`.
///
/// The lowest value maps to `▁` and the highest to `█`, linearly; a missing
/// value is a space, so gaps stay visible.
public enum Sparkline {
    static let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline of some values.
    ///
    /// - Parameter values: The values in time order; `nil` = missing.
    /// - Returns: One character per value.
    public static func render(_ values: [Double?]) -> String {
        let present = values.compactMap { $0 }.filter(\.isFinite)
        guard let low = present.min(), let high = present.max() else { return String(repeating: " ", count: values.count) }
        return String(values.map { value -> Character in
            guard let value, value.isFinite else { return " " }
            if high == low { return blocks[3] }
            let index = Int(((value - low) / (high - low) * Double(blocks.count - 1)).rounded())
            return blocks[min(max(index, 0), blocks.count - 1)]
        })
    }
}
