extension LineChart {
    static let chartWidth = 600.0
    static let chartHeight = 340.0

    /// The chart as an `<svg>` element: axes with round ticks and titles, one polyline with point markers
    /// per series (broken at missing values), labelled vertical markers and a key.
    func svg() -> String {
        let width = Self.chartWidth
        let points = series.map { line in
            xValues.indices.compactMap { index -> (x: Double, y: Double)? in
                guard index < line.values.count, let y = line.values[index], y.isFinite, xValues[index].isFinite
                else { return nil }
                return (xValues[index], y)
            }
        }
        let allX = xValues.filter(\.isFinite) + markers.map(\.x).filter(\.isFinite)
        var allY = points.flatMap { $0.map(\.y) }
        if yIncludesZero { allY.append(0) }
        let xTicks = AxisTicks(minimum: allX.min() ?? 0, maximum: allX.max() ?? 1, targetCount: 6)
        let yTicks = AxisTicks(minimum: allY.min() ?? 0, maximum: allY.max() ?? 1, targetCount: 5)
        let yLabelWidth = yTicks.values.map { Markup.estimatedWidth(yTicks.label($0), fontSize: 10.5) }.max() ?? 20
        let plotLeft = 34 + yLabelWidth
        let plotRight = width - 18
        let key = ChartKey.svg(names: series.map(\.name), line: true, x: plotLeft, y: 6, width: plotRight - plotLeft)
        let plotTop = 6 + key.height + (markers.isEmpty ? 14 : 24)
        let height = Self.chartHeight + key.height
        let plotBottom = height - 48
        func x(_ value: Double) -> Double {
            plotLeft + (value - xTicks.lower) / (xTicks.upper - xTicks.lower) * (plotRight - plotLeft)
        }
        func y(_ value: Double) -> Double {
            plotBottom - (value - yTicks.lower) / (yTicks.upper - yTicks.lower) * (plotBottom - plotTop)
        }

        var svg = Markup.svgStart(class: "chart line-chart", width: width, height: height, label: title)
        svg += key.svg
        svg += "<g class=\"grid\" stroke=\"#e3e7ed\" stroke-width=\"1\">"
        for tick in yTicks.values {
            let at = Markup.coordinate(y(tick))
            svg +=
                "<line x1=\"\(Markup.coordinate(plotLeft))\" y1=\"\(at)\" x2=\"\(Markup.coordinate(plotRight))\" y2=\"\(at)\"/>"
        }
        svg += "</g>\n<g class=\"ticks\" font-size=\"10.5\" fill=\"#52606d\">"
        for tick in yTicks.values {
            svg +=
                "<text x=\"\(Markup.coordinate(plotLeft - 6))\" y=\"\(Markup.coordinate(y(tick) + 3.5))\" "
                + "text-anchor=\"end\">\(Markup.escape(yTicks.label(tick)))</text>"
        }
        for tick in xTicks.values {
            let at = Markup.coordinate(x(tick))
            svg +=
                "<line x1=\"\(at)\" y1=\"\(Markup.coordinate(plotBottom))\" x2=\"\(at)\" "
                + "y2=\"\(Markup.coordinate(plotBottom + 5))\" stroke=\"#52606d\"/>"
                + "<text x=\"\(at)\" y=\"\(Markup.coordinate(plotBottom + 18))\" text-anchor=\"middle\">"
                + "\(Markup.escape(xTicks.label(tick)))</text>"
        }
        svg += "</g>\n"
        svg +=
            "<path class=\"axes\" d=\"M\(Markup.coordinate(plotLeft)) \(Markup.coordinate(plotTop))"
            + "V\(Markup.coordinate(plotBottom))H\(Markup.coordinate(plotRight))\" fill=\"none\" stroke=\"#52606d\"/>\n"
        svg +=
            "<text class=\"axis-title\" x=\"\(Markup.coordinate((plotLeft + plotRight) / 2))\" "
            + "y=\"\(Markup.coordinate(height - 10))\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1f2933\">"
            + "\(Markup.escape(xTitle))</text>\n"
        let middle = Markup.coordinate((plotTop + plotBottom) / 2)
        svg +=
            "<text class=\"axis-title\" x=\"14\" y=\"\(middle)\" transform=\"rotate(-90 14 \(middle))\" font-size=\"12\" "
            + "text-anchor=\"middle\" fill=\"#1f2933\">\(Markup.escape(yTitle))</text>\n"

        for marker in markers where marker.x.isFinite {
            let at = Markup.coordinate(x(marker.x))
            svg +=
                "<line class=\"marker\" x1=\"\(at)\" y1=\"\(Markup.coordinate(plotTop))\" x2=\"\(at)\" "
                + "y2=\"\(Markup.coordinate(plotBottom))\" stroke=\"#7b8794\" stroke-dasharray=\"4 3\"/>"
                + "<text x=\"\(Markup.coordinate(x(marker.x)))\" y=\"\(Markup.coordinate(plotTop - 4))\" text-anchor=\"middle\" "
                + "font-size=\"10.5\" fill=\"#52606d\">\(Markup.escape(marker.label))</text>\n"
        }

        for (index, line) in series.enumerated() {
            let colour = Palette.colour(index)
            svg +=
                "<g class=\"series\" stroke=\"\(colour)\" fill=\"\(colour)\"><title>\(Markup.escape(line.name))</title>"
            var run: [String] = []
            func flush() {
                if run.count > 1 {
                    svg +=
                        "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke-width=\"2.2\" "
                        + "stroke-linejoin=\"round\"\(Palette.dashAttribute(index))/>"
                }
                run = []
            }
            for position in xValues.indices {
                guard position < line.values.count, let value = line.values[position], value.isFinite,
                    xValues[position].isFinite
                else {
                    flush()
                    continue
                }
                run.append("\(Markup.coordinate(x(xValues[position]))),\(Markup.coordinate(y(value)))")
            }
            flush()
            for point in points[index] {
                let tooltip = "\(line.name): \(Markup.quantity(point.y)) at \(Markup.quantity(point.x))"
                svg +=
                    "<circle cx=\"\(Markup.coordinate(x(point.x)))\" cy=\"\(Markup.coordinate(y(point.y)))\" r=\"2.8\" "
                    + "stroke=\"#ffffff\" stroke-width=\"0.8\"><title>\(Markup.escape(tooltip))</title></circle>"
            }
            svg += "</g>\n"
        }
        return svg + "</svg>"
    }
}
