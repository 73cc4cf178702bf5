/// A row-wrapping key of coloured swatches for charts.
enum ChartKey {
    static let fontSize = 11.5
    static let rowHeight = 18.0

    /// The key for `names` (coloured by ``Palette``) as SVG starting at (`x`, `y`), wrapped to `width`,
    /// and the height it takes.
    static func svg(names: [String], line: Bool, x: Double, y: Double, width: Double) -> (svg: String, height: Double) {
        guard !names.isEmpty else { return ("", 0) }
        var text = "<g class=\"chart-key\" font-size=\"\(Markup.coordinate(fontSize))\" fill=\"#1f2933\">"
        var cursorX = x
        var cursorY = y
        for (index, name) in names.enumerated() {
            let itemWidth = 20 + Markup.estimatedWidth(name, fontSize: fontSize) + 18
            if cursorX > x && cursorX + itemWidth > x + width {
                cursorX = x
                cursorY += rowHeight
            }
            let colour = Palette.colour(index)
            if line {
                text +=
                    "<line x1=\"\(Markup.coordinate(cursorX))\" y1=\"\(Markup.coordinate(cursorY + 6))\" "
                    + "x2=\"\(Markup.coordinate(cursorX + 14))\" y2=\"\(Markup.coordinate(cursorY + 6))\" "
                    + "stroke=\"\(colour)\" stroke-width=\"2.5\"\(Palette.dashAttribute(index))/>"
            } else {
                text +=
                    "<rect x=\"\(Markup.coordinate(cursorX))\" y=\"\(Markup.coordinate(cursorY))\" width=\"12\" "
                    + "height=\"12\" rx=\"2\" fill=\"\(colour)\"/>"
            }
            text +=
                "<text x=\"\(Markup.coordinate(cursorX + 19))\" y=\"\(Markup.coordinate(cursorY + 10.5))\">"
                + "\(Markup.escape(name))</text>"
            cursorX += itemWidth
        }
        return (text + "</g>\n", cursorY - y + rowHeight)
    }
}
