/// Colours of the charts: the Okabe–Ito palette, distinguishable with the
/// common colour-vision deficiencies, on a white background.
public enum ChartPalette {
    /// Series and slice colours in order of use (Okabe & Ito 2008), darkest first.
    public static let colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#332288"]
    /// The colour of residual groups ("other", "unspecified").
    public static let residual = "#BBBBBB"
    /// Axis, text and event-marker colour.
    public static let ink = "#222222"
    /// Grid lines.
    public static let grid = "#DDDDDD"
    /// Event markers (vertical lines).
    public static let event = "#B2182B"

    /// The colour at a position, cycling through ``colours``.
    ///
    /// - Parameter index: A zero-based position.
    /// - Returns: A hex colour.
    public static func colour(_ index: Int) -> String {
        colours[((index % colours.count) + colours.count) % colours.count]
    }
}
