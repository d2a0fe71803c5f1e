import Foundation

/// A stacked bar chart as deterministic SVG: one bar per category (a period),
/// split into layers (for example the value of sanctioned and of other goods).
/// Missing layer values are drawn as nothing and said so in the hover text.
public struct StackedBarChart: Sendable, Equatable {
    /// One layer of every bar.
    public struct Layer: Sendable, Equatable {
        /// The legend name.
        public let name: String
        /// One value per category; `nil` when missing.
        public let values: [Double?]
        /// Whether it is a residual layer, drawn in grey.
        public let isResidual: Bool

        /// - Parameters:
        ///   - name: The legend name.
        ///   - values: One value per category, `nil` when missing.
        ///   - isResidual: Whether to draw it in grey; `false` by default.
        public init(name: String, values: [Double?], isResidual: Bool = false) {
            self.name = name
            self.values = values
            self.isResidual = isResidual
        }
    }

    public let title: String
    /// A sentence for screen readers (SVG `<desc>`).
    public let summary: String
    /// The vertical axis label with its unit.
    public let yLabel: String
    /// The unit written after values in hover text.
    public let valueUnit: String
    /// The bar labels, left to right ("2016", "2017").
    public let categories: [String]
    /// The layers, bottom to top; each has one value per category.
    public let layers: [Layer]

    public static let width = 760.0
    public static let height = 340.0

    /// - Parameters:
    ///   - title: The title.
    ///   - summary: A sentence for screen readers.
    ///   - yLabel: The vertical axis label, with its unit.
    ///   - valueUnit: The unit in hover text.
    ///   - categories: The bar labels.
    ///   - layers: The layers, bottom first; each must have `categories.count` values (a precondition).
    public init(title: String, summary: String, yLabel: String, valueUnit: String, categories: [String], layers: [Layer]) {
        precondition(layers.allSatisfy { $0.values.count == categories.count }, "each layer needs one value per category")
        self.title = title
        self.summary = summary
        self.yLabel = yLabel
        self.valueUnit = valueUnit
        self.categories = categories
        self.layers = layers
    }

    /// The chart as SVG.
    ///
    /// - Parameter id: A prefix for element ids, unique within a page.
    /// - Returns: `<svg ...>...</svg>` text.
    public func svg(id: String = "bars") -> String {
        let c = SVGText.coordinate
        let e = SVGText.escape
        let safeID = e(id)
        let (width, height) = (Self.width, Self.height)
        let plotLeft = 78.0, plotRight = width - 24, plotTop = 44.0, plotBottom = height - 62
        let totals = categories.indices.map { index in layers.reduce(0) { $0 + max($1.values[index] ?? 0, 0) } }
        let scale = AxisScale(minimum: 0, maximum: totals.max() ?? 1)
        func py(_ y: Double) -> Double { scale.position(y, from: plotBottom, to: plotTop) }
        let slot = (plotRight - plotLeft) / Double(max(categories.count, 1))
        let barWidth = slot * 0.62
        // Label every k-th bar so that labels (about 7 px a character at 12 px, plus a gap) never overlap; hover names every bar.
        let labelWidth = Double(categories.map(\.count).max() ?? 0) * 7 + 8
        let labelStep = max(1, Int((labelWidth / slot).rounded(.up)))
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(c(width)) \(c(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-labelledby=\"\(safeID)-title \(safeID)-desc\" class=\"chart bar-chart\" font-family=\"sans-serif\" font-size=\"12\">\n"
        out += "<title id=\"\(safeID)-title\">\(e(title))</title>\n<desc id=\"\(safeID)-desc\">\(e(summary))</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(c(width))\" height=\"\(c(height))\" fill=\"#FFFFFF\"/>\n"
        out += "<text x=\"\(c(plotLeft))\" y=\"22.00\" font-size=\"15\" font-weight=\"bold\" fill=\"\(ChartPalette.ink)\">\(e(title))</text>\n"
        out += "<g class=\"y-axis\" fill=\"\(ChartPalette.ink)\">\n"
        for tick in scale.ticks {
            out += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(py(tick)))\" x2=\"\(c(plotRight))\" y2=\"\(c(py(tick)))\" stroke=\"\(ChartPalette.grid)\" stroke-width=\"1\"/>"
            out += "<text x=\"\(c(plotLeft - 6))\" y=\"\(c(py(tick) + 4))\" text-anchor=\"end\">\(e(SVGText.compact(tick)))</text>\n"
        }
        out += "<text transform=\"translate(16.00 \(c((plotTop + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\">\(e(yLabel))</text>\n</g>\n"
        var colourIndex = 0
        let colours: [String] = layers.map { layer in
            if layer.isResidual { return ChartPalette.residual }
            defer { colourIndex += 1 }
            return ChartPalette.colour(colourIndex)
        }
        out += "<g class=\"bars\">\n"
        for (index, category) in categories.enumerated() {
            let x = plotLeft + slot * Double(index) + (slot - barWidth) / 2
            var base = 0.0
            for (layerIndex, layer) in layers.enumerated() {
                let hover: String
                if let value = layer.values[index] {
                    hover = "\(category), \(layer.name): \(NumberStyle.hoverValue(value)) \(valueUnit)"
                    if value > 0 {
                        let top = py(base + value), bottom = py(base)
                        out += "<rect class=\"bar\" x=\"\(c(x))\" y=\"\(c(top))\" width=\"\(c(barWidth))\" height=\"\(c(bottom - top))\" fill=\"\(colours[layerIndex])\" data-label=\"\(e(hover))\"><title>\(e(hover))</title></rect>\n"
                        base += value
                    }
                } else {
                    hover = "\(category), \(layer.name): not reported"
                    out += "<!-- \(e(hover).replacingOccurrences(of: "--", with: "- -")) -->\n"
                }
            }
            if index % labelStep == 0 {
                out += "<text x=\"\(c(x + barWidth / 2))\" y=\"\(c(plotBottom + 18))\" text-anchor=\"middle\" fill=\"\(ChartPalette.ink)\">\(e(category))</text>\n"
            }
        }
        out += "<line x1=\"\(c(plotLeft))\" y1=\"\(c(plotBottom))\" x2=\"\(c(plotRight))\" y2=\"\(c(plotBottom))\" stroke=\"\(ChartPalette.ink)\" stroke-width=\"1\"/>\n</g>\n"
        out += "<g class=\"legend\" fill=\"\(ChartPalette.ink)\">\n"
        var legendX = plotLeft
        for (index, layer) in layers.enumerated() {
            out += "<rect x=\"\(c(legendX))\" y=\"\(c(height - 20))\" width=\"12.00\" height=\"12.00\" fill=\"\(colours[index])\"/>"
            out += "<text x=\"\(c(legendX + 16))\" y=\"\(c(height - 10))\">\(e(layer.name))</text>\n"
            legendX += 30 + Double(layer.name.count) * 6.5
        }
        out += "</g>\n</svg>\n"
        return out
    }
}
