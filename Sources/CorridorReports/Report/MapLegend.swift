import CorridorModel

/// The key shared by every map of a report: flow widths, utilisation colours, and only the symbols and
/// line styles the maps actually use.
struct MapLegend {
    /// One legend entry: its width and SVG drawn from the origin, at most ``rowHeight`` tall.
    private struct Item {
        var width: Double
        var svg: String
    }

    static let rowHeight = 34.0

    let maps: [ReportMap]
    let flowScale: FlowWidthScale

    /// The legend as an `<svg>` element `width` user units wide, wrapping groups onto new rows.
    func svg(width: Double) -> String {
        var rows: [[[Item]]] = [[]]
        var rowWidth = 0.0
        for group in groups() {
            let groupWidth = group.reduce(0) { $0 + $1.width }
            if rowWidth > 0 && rowWidth + groupWidth > width - 16 {
                rows.append([])
                rowWidth = 0
            }
            rows[rows.count - 1].append(group)
            rowWidth += groupWidth + 36
        }
        let height = Double(rows.count) * Self.rowHeight + 10
        var svg = Markup.svgStart(
            class: "map-legend", width: width, height: height, label: "Map legend",
            attributes: " font-size=\"11.5\" fill=\"#1f2933\"")
        for (rowIndex, row) in rows.enumerated() {
            var x = 8.0
            let y = 8 + Double(rowIndex) * Self.rowHeight
            for group in row {
                for item in group {
                    svg +=
                        "<g transform=\"translate(\(Markup.coordinate(x)),\(Markup.coordinate(y)))\">\(item.svg)</g>\n"
                    x += item.width
                }
                x += 36
            }
        }
        return svg + "</svg>"
    }

    private func groups() -> [[Item]] {
        let unit = maps.first { !$0.flowUnit.isEmpty }?.flowUnit ?? ""
        let basis = maps.first { !$0.flowBasis.isEmpty }?.flowBasis ?? ""
        let described = [unit, basis].filter { !$0.isEmpty }.joined(separator: "; ")
        var flow = [heading(described.isEmpty ? "Flow" : "Flow (\(described))")]
        for value in flowScale.legendFlows {
            let stroke = Markup.coordinate(flowScale.width(value))
            let label = Markup.escape(Markup.quantity(value))
            flow.append(
                Item(
                    width: 50 + Markup.estimatedWidth(Markup.quantity(value), fontSize: 11.5) + 14,
                    svg: "<line x1=\"0\" y1=\"10\" x2=\"44\" y2=\"10\" stroke=\"\(MapRenderer.carriedColour)\" "
                        + "stroke-width=\"\(stroke)\" stroke-linecap=\"butt\"/><text x=\"50\" y=\"14\">\(label)</text>")
            )
        }
        flow.append(lineSample("no flow", colour: MapRenderer.unusedColour, width: FlowWidthScale.unusedWidth))

        var ramp = ""
        let steps = 24
        for step in 0..<steps {
            let value = Double(step) / Double(steps)
            ramp +=
                "<rect x=\"\(Markup.coordinate(Double(step) * 6))\" y=\"2\" width=\"6.5\" height=\"10\" "
                + "fill=\"\(UtilisationScale.colour(value))\"/>"
        }
        ramp +=
            "<text x=\"0\" y=\"25\" font-size=\"10\">0%</text>"
            + "<text x=\"72\" y=\"25\" font-size=\"10\" text-anchor=\"middle\">50%</text>"
            + "<text x=\"144\" y=\"25\" font-size=\"10\" text-anchor=\"end\">99%</text>"
        var utilisation = [heading("Utilisation"), Item(width: 160, svg: ramp)]
        utilisation.append(
            Item(
                width: 24 + Markup.estimatedWidth("binding (full)", fontSize: 11.5) + 18,
                svg: diamond(at: Point(x: 9, y: 8), radius: 8.5, fill: UtilisationScale.bindingColour, binding: true)
                    + "<text x=\"24\" y=\"12\">binding (full)</text>"))
        utilisation.append(
            Item(
                width: 64 + Markup.estimatedWidth("no capacity limit", fontSize: 11.5) + 18,
                svg: diamond(at: Point(x: 9, y: 8), radius: 7.5, fill: UtilisationScale.unlimitedColour, binding: false)
                    + "<line x1=\"24\" y1=\"8\" x2=\"56\" y2=\"8\" stroke=\"\(MapRenderer.carriedColour)\" stroke-width=\"4\"/>"
                    + "<text x=\"62\" y=\"12\">no capacity limit</text>"))

        var symbols = [heading("Symbols")]
        let kinds = Set(maps.flatMap { $0.nodes.map(\.kind) })
        if kinds.contains(.crossing) {
            symbols.append(
                Item(
                    width: 22 + Markup.estimatedWidth("crossing", fontSize: 11.5) + 18,
                    svg: diamond(at: Point(x: 9, y: 8), radius: 7.5, fill: UtilisationScale.colour(0.5), binding: false)
                        + "<text x=\"22\" y=\"12\">crossing</text>"))
        }
        for (kind, label, fill) in [
            (NodeKind.terminal, "terminal", "#1f2933"), (.port, "port", "#1d4e89"), (.dryPort, "dry port", "#5b4636"),
        ] where kinds.contains(kind) {
            symbols.append(
                Item(
                    width: 22 + Markup.estimatedWidth(label, fontSize: 11.5) + 16,
                    svg: "<circle cx=\"8\" cy=\"8\" r=\"5.5\" fill=\"\(fill)\"/><text x=\"20\" y=\"12\">\(label)</text>"
                ))
        }
        if kinds.contains(.junction) || kinds.contains(.city) {
            symbols.append(
                Item(
                    width: 20 + Markup.estimatedWidth("junction", fontSize: 11.5) + 18,
                    svg:
                        "<circle cx=\"8\" cy=\"8\" r=\"3.5\" fill=\"#ffffff\" stroke=\"#52606d\" stroke-width=\"1.4\"/>"
                        + "<text x=\"20\" y=\"12\">junction</text>"))
        }
        let links = maps.flatMap(\.links)
        let modes = Set(links.map(\.mode))
        for mode in LinkMode.allCases where modes.contains(mode) {
            let dash = MapRenderer.dashPattern(mode, width: 3)
            symbols.append(lineSample(mode.rawValue, colour: MapRenderer.carriedColour, width: 3, dash: dash))
        }
        if maps.contains(where: { $0.links.contains(where: \.isProposed) || $0.nodes.contains(where: \.isProposed) }) {
            symbols.append(
                Item(
                    width: 62 + Markup.estimatedWidth("proposed", fontSize: 11.5) + 18,
                    svg:
                        "<line x1=\"2\" y1=\"8\" x2=\"34\" y2=\"8\" stroke=\"\(MapRenderer.proposedColour)\" stroke-width=\"7\" "
                        + "stroke-opacity=\"0.85\"/><line x1=\"2\" y1=\"8\" x2=\"34\" y2=\"8\" "
                        + "stroke=\"\(MapRenderer.carriedColour)\" stroke-width=\"3\"/>"
                        + "<circle cx=\"50\" cy=\"8\" r=\"7\" fill=\"none\" stroke=\"\(MapRenderer.proposedColour)\" "
                        + "stroke-width=\"1.8\" stroke-dasharray=\"3 2\"/><text x=\"62\" y=\"12\">proposed</text>"))
        }
        if maps.contains(where: { $0.links.contains { !$0.isActive } || $0.nodes.contains { !$0.isActive } }) {
            symbols.append(lineSample("inactive", colour: MapRenderer.inactiveColour, width: 1, dash: "3 3"))
        }
        return [flow, utilisation, symbols]
    }

    private func heading(_ text: String) -> Item {
        Item(
            width: Markup.estimatedWidth(text, fontSize: 11.5) * 1.1 + 12,
            svg: "<text x=\"0\" y=\"12\" font-weight=\"700\">\(Markup.escape(text))</text>")
    }

    private func lineSample(_ label: String, colour: String, width: Double, dash: String = "") -> Item {
        Item(
            width: 46 + Markup.estimatedWidth(label, fontSize: 11.5) + 16,
            svg:
                "<line x1=\"0\" y1=\"8\" x2=\"38\" y2=\"8\" stroke=\"\(colour)\" stroke-width=\"\(Markup.coordinate(width))\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
                + "<text x=\"44\" y=\"12\">\(Markup.escape(label))</text>")
    }

    private func diamond(at centre: Point, radius: Double, fill: String, binding: Bool) -> String {
        let points = [(0.0, -radius), (radius, 0.0), (0.0, radius), (-radius, 0.0)]
            .map { "\(Markup.coordinate(centre.x + $0.0)),\(Markup.coordinate(centre.y + $0.1))" }
            .joined(separator: " ")
        return "<polygon points=\"\(points)\" fill=\"\(fill)\" stroke=\"\(binding ? "#000000" : "#1f2933")\" "
            + "stroke-width=\"\(binding ? "2.4" : "1.2")\"/>"
    }
}
