extension ShareChart {
    static let chartWidth = 600.0

    /// The chart as an `<svg>` element: horizontal bars, a value at the end of every bar (grouped) or
    /// inside every wide enough segment (stacked), an axis with round ticks and a key.
    func svg() -> String {
        let width = Self.chartWidth
        let rowNames = layout == .grouped ? categories : series.map(\.name)
        let keyNames = layout == .grouped ? series.map(\.name) : categories
        let labelWidth = min(max((rowNames.map { Markup.estimatedWidth($0, fontSize: 12) }.max() ?? 0) + 12, 60), 220)
        let plotLeft = labelWidth + 6
        let plotRight = width - (layout == .grouped ? 64 : 16)
        let key = ChartKey.svg(names: keyNames, line: false, x: plotLeft, y: 6, width: width - plotLeft - 8)
        let plotTop = 6 + key.height + 10

        let barHeight = layout == .grouped ? 15.0 : 26.0
        let rows: [(label: String, segments: [(value: Double, colour: Int)])]
        switch layout {
        case .grouped:
            rows = categories.indices.map { category in
                (categories[category], series.indices.map { (value(series: $0, category: category), $0) })
            }
        case .stacked:
            rows = series.indices.map { index in
                (series[index].name, categories.indices.map { (value(series: index, category: $0), $0) })
            }
        }
        let rowHeight = layout == .grouped ? Double(max(series.count, 1)) * (barHeight + 3) + 12 : barHeight + 16
        let plotBottom = plotTop + Double(rows.count) * rowHeight
        let height = plotBottom + 34
        let largest =
            rows.map { row in
                layout == .grouped ? row.segments.map(\.value).max() ?? 0 : row.segments.reduce(0) { $0 + $1.value }
            }.max() ?? 0
        let ticks = AxisTicks(minimum: 0, maximum: largest > 0 ? largest : 1)
        let xScale = (plotRight - plotLeft) / (ticks.upper - ticks.lower)
        func x(_ value: Double) -> Double { plotLeft + (value - ticks.lower) * xScale }

        var svg = Markup.svgStart(class: "chart share-chart", width: width, height: height, label: title)
        svg += key.svg
        svg += "<g class=\"grid\" stroke=\"#e3e7ed\" stroke-width=\"1\">"
        for tick in ticks.values {
            let at = Markup.coordinate(x(tick))
            svg +=
                "<line x1=\"\(at)\" y1=\"\(Markup.coordinate(plotTop - 4))\" x2=\"\(at)\" y2=\"\(Markup.coordinate(plotBottom))\"/>"
        }
        svg += "</g>\n<g class=\"ticks\" font-size=\"10.5\" fill=\"#52606d\" text-anchor=\"middle\">"
        for tick in ticks.values {
            svg +=
                "<text x=\"\(Markup.coordinate(x(tick)))\" y=\"\(Markup.coordinate(plotBottom + 15))\">"
                + "\(Markup.escape(Markup.withUnit(ticks.label(tick), unit == "%" ? "%" : "")))</text>"
        }
        svg += "</g>\n"
        if unit != "%" && !unit.isEmpty {
            svg +=
                "<text x=\"\(Markup.coordinate((plotLeft + plotRight) / 2))\" y=\"\(Markup.coordinate(plotBottom + 30))\" "
                + "font-size=\"11\" fill=\"#52606d\" text-anchor=\"middle\">\(Markup.escape(unit))</text>\n"
        }
        svg +=
            "<line x1=\"\(Markup.coordinate(plotLeft))\" y1=\"\(Markup.coordinate(plotTop - 4))\" "
            + "x2=\"\(Markup.coordinate(plotLeft))\" y2=\"\(Markup.coordinate(plotBottom))\" stroke=\"#52606d\"/>\n"

        for (rowIndex, row) in rows.enumerated() {
            let rowTop = plotTop + Double(rowIndex) * rowHeight + 6
            let labelY =
                layout == .grouped
                ? rowTop + (rowHeight - 12) / 2 + 4 : rowTop + barHeight / 2 + 4
            svg +=
                "<text x=\"\(Markup.coordinate(plotLeft - 8))\" y=\"\(Markup.coordinate(labelY))\" font-size=\"12\" "
                + "text-anchor=\"end\" fill=\"#1f2933\">\(Markup.escape(row.label))</text>\n"
            var stackStart = ticks.lower
            for (segmentIndex, segment) in row.segments.enumerated() {
                let top = layout == .grouped ? rowTop + Double(segmentIndex) * (barHeight + 3) : rowTop
                let start = layout == .grouped ? ticks.lower : stackStart
                let left = x(start)
                let right = x(start + segment.value)
                let text = Markup.withUnit(Markup.quantity(segment.value), unit)
                let name = layout == .grouped ? series[segment.colour].name : categories[segment.colour]
                svg +=
                    "<rect x=\"\(Markup.coordinate(left))\" y=\"\(Markup.coordinate(top))\" "
                    + "width=\"\(Markup.coordinate(max(right - left, 0)))\" height=\"\(Markup.coordinate(barHeight))\" "
                    + "fill=\"\(Palette.colour(segment.colour))\"\(layout == .stacked ? " stroke=\"#ffffff\" stroke-width=\"1\"" : "")>"
                    + "<title>\(Markup.escape("\(row.label) · \(name): \(text)"))</title></rect>\n"
                let textY = Markup.coordinate(top + barHeight / 2 + 4)
                if layout == .grouped {
                    svg +=
                        "<text x=\"\(Markup.coordinate(right + 4))\" y=\"\(textY)\" font-size=\"11\" fill=\"#1f2933\">"
                        + "\(Markup.escape(text))</text>\n"
                } else if right - left >= Markup.estimatedWidth(text, fontSize: 11) + 8 {
                    svg +=
                        "<text x=\"\(Markup.coordinate((left + right) / 2))\" y=\"\(textY)\" font-size=\"11\" "
                        + "fill=\"#ffffff\" text-anchor=\"middle\" font-weight=\"600\">\(Markup.escape(text))</text>\n"
                }
                stackStart += segment.value
            }
        }
        return svg + "</svg>"
    }

    /// A drawable value: missing, negative and non-finite values are zero.
    private func value(series index: Int, category: Int) -> Double {
        let values = series[index].values
        guard category < values.count, values[category].isFinite else { return 0 }
        return max(values[category], 0)
    }
}
