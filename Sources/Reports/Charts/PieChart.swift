import Foundation

/// A pie chart with drill-down data as deterministic SVG.
///
/// Each slice has an id, a label, a value and optional child slices (a
/// section's chapters). ``svg(id:)`` draws the top level with a legend;
/// ``drillDownSVG(for:id:)`` draws one slice's children. In the HTML report a
/// click on a slice (or the URL hash `#drill=<slice id>`) shows its children.
/// Shares are the caller's figures divided by the sum of the slices drawn.
public struct PieChart: Sendable, Equatable {
    /// One slice.
    public struct Slice: Sendable, Equatable {
        /// A stable identifier ("XV", "27", "other"), used in element ids and URL hashes.
        public let id: String
        /// The legend text.
        public let label: String
        /// The slice's value (non-negative).
        public let value: Double
        /// Whether this is a residual group ("other", "unspecified"), drawn in grey.
        public let isResidual: Bool
        /// The slices it breaks down into; empty when it has none.
        public let children: [Slice]

        /// - Parameters:
        ///   - id: A stable identifier.
        ///   - label: The legend text.
        ///   - value: The value, at least 0.
        ///   - isResidual: Whether it is a residual group; `false` by default.
        ///   - children: Child slices; empty by default.
        public init(id: String, label: String, value: Double, isResidual: Bool = false, children: [Slice] = []) {
            self.id = id
            self.label = label
            self.value = value
            self.isResidual = isResidual
            self.children = children
        }
    }

    /// The title, also the SVG `<title>`.
    public let title: String
    /// A sentence for screen readers (SVG `<desc>`).
    public let summary: String
    /// The unit of the values ("USD").
    public let valueUnit: String
    public let slices: [Slice]

    public static let width = 760.0
    public static let height = 380.0

    /// - Parameters:
    ///   - title: The title.
    ///   - summary: A sentence for screen readers.
    ///   - valueUnit: The unit of the values.
    ///   - slices: The top-level slices in drawing order (clockwise from 12 o'clock).
    public init(title: String, summary: String, valueUnit: String, slices: [Slice]) {
        self.title = title
        self.summary = summary
        self.valueUnit = valueUnit
        self.slices = slices
    }

    /// The top-level pie with a legend; slices with children carry `data-drill`.
    ///
    /// - Parameter id: A prefix for element ids, unique within a page.
    /// - Returns: `<svg ...>...</svg>` text.
    public func svg(id: String = "pie") -> String {
        Self.render(title: title, summary: summary, valueUnit: valueUnit, slices: slices, id: id, drillable: true)
    }

    /// The children of one slice as their own pie.
    ///
    /// - Parameters:
    ///   - sliceID: The id of a top-level slice.
    ///   - id: A prefix for element ids, unique within a page.
    /// - Returns: The SVG, or `nil` when no slice has that id or it has no children.
    public func drillDownSVG(for sliceID: String, id: String) -> String? {
        guard let slice = slices.first(where: { $0.id == sliceID }), !slice.children.isEmpty else { return nil }
        return Self.render(
            title: "\(slice.label): breakdown", summary: "Breakdown of \(slice.label) into \(slice.children.count) parts, by \(valueUnit) value.",
            valueUnit: valueUnit, slices: slice.children, id: id, drillable: false)
    }

    /// Text cut to `limit` characters with an ellipsis (the full text stays in `<title>` and hover).
    static func truncated(_ text: String, _ limit: Int) -> String {
        text.count > limit ? String(text.prefix(limit - 1)) + "…" : text
    }

    static func render(title: String, summary: String, valueUnit: String, slices: [Slice], id: String, drillable: Bool) -> String {
        let c = SVGText.coordinate
        let e = SVGText.escape
        let safeID = e(id)
        let total = slices.reduce(0) { $0 + max($1.value, 0) }
        let (centreX, centreY, radius) = (190.0, 200.0, 150.0)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(safeID)-title \(safeID)-desc\" class=\"chart pie-chart\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(safeID)-title\">\(e(title))</title>\n"
        out += "<desc id=\"\(safeID)-desc\">\(e(summary))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#FFFFFF\"/>\n"
        out += "<text x=\"24.00\" y=\"26.00\" font-size=\"15\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\">\(e(truncated(title, 80)))</text>\n"
        var angle = 0.0
        var colourIndex = 0
        var colours: [String] = []
        for slice in slices {
            if slice.isResidual { colours.append(ChartPalette.residual) } else { colours.append(ChartPalette.colour(colourIndex)); colourIndex += 1 }
        }
        out += "<g class=\"slices\" stroke=\"#FFFFFF\" stroke-width=\"1.5\">\n"
        for (index, slice) in slices.enumerated() where slice.value > 0 && total > 0 {
            let share = slice.value / total
            let hover = "\(slice.label): \(valueUnit) \(NumberStyle.millions(slice.value)) (\(NumberStyle.share(share)))"
            let drill = drillable && !slice.children.isEmpty
            var attributes = "class=\"slice\" id=\"\(safeID)-slice-\(e(slice.id))\" data-id=\"\(e(slice.id))\" data-label=\"\(e(hover))\" fill=\"\(colours[index])\""
            if drill { attributes += " data-drill=\"\(e(slice.id))\" tabindex=\"0\" role=\"button\" aria-label=\"\(e(hover)); show its breakdown\"" }
            if share >= 1 - 1e-12 {
                out += "<circle \(attributes) cx=\"\(c(centreX))\" cy=\"\(c(centreY))\" r=\"\(c(radius))\"><title>\(e(hover))</title></circle>\n"
            } else {
                let start = angle, end = angle + share * 2 * Double.pi
                let (x0, y0) = (centreX + radius * sin(start), centreY - radius * cos(start))
                let (x1, y1) = (centreX + radius * sin(end), centreY - radius * cos(end))
                let large = share > 0.5 ? 1 : 0
                out += "<path \(attributes) d=\"M\(c(centreX)) \(c(centreY)) L\(c(x0)) \(c(y0)) A\(c(radius)) \(c(radius)) 0 \(large) 1 \(c(x1)) \(c(y1)) Z\"><title>\(e(hover))</title></path>\n"
            }
            angle += share * 2 * Double.pi
        }
        out += "</g>\n"
        // Legend: swatch, label, value and share, one line per slice (at most 16 lines, then a note).
        out += "<g class=\"legend\" fill=\"\(ChartPalette.ink)\">\n"
        let shown = slices.prefix(16)
        let lineHeight = min(22.0, 300.0 / Double(max(shown.count, 1)))
        for (index, slice) in shown.enumerated() {
            let y = 60.0 + Double(index) * lineHeight
            let share = total > 0 ? slice.value / total : 0
            out += "<rect x=\"370.00\" y=\"\(c(y - 10))\" width=\"12.00\" height=\"12.00\" fill=\"\(colours[index])\"/>"
            let label = Self.truncated(slice.label, 46)
            out += "<text x=\"388.00\" y=\"\(c(y))\">\(e(label))</text>"
            out += "<text x=\"\(c(width - 12))\" y=\"\(c(y))\" text-anchor=\"end\">\(e(NumberStyle.share(share)))</text>\n"
        }
        if slices.count > shown.count {
            out += "<text x=\"388.00\" y=\"\(c(60 + Double(shown.count) * lineHeight))\">and \(slices.count - shown.count) more</text>\n"
        }
        if drillable && slices.contains(where: { !$0.children.isEmpty }) {
            out += "<text x=\"24.00\" y=\"\(c(height - 8))\" font-size=\"11\">Click a slice for its breakdown.</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }
}
