extension ReportDocument {
    /// The width of the page's content column, in CSS pixels; maps and the legend are drawn to it.
    static let contentWidth = 1240.0

    /// The report as one self-contained HTML page.
    ///
    /// Styles and drawings are inline (CSS and SVG), with no scripts, fonts or links to fetch, so the file
    /// opens offline and prints as it shows. All text is escaped. The page is also well-formed XML
    /// (void elements closed, only the five XML entities used), so XML tools can read it. The same document
    /// always gives the same bytes.
    public func html() -> String {
        var body = "<header>\n<h1>\(Markup.escape(title))</h1>\n"
        if !subtitle.isEmpty { body += "<p class=\"subtitle\">\(Markup.escape(subtitle))</p>\n" }
        if !generatedNote.isEmpty { body += "<p class=\"generated\">\(Markup.escape(generatedNote))</p>\n" }
        body += "</header>\n"
        body += sectionsHTML()
        return """
            <!DOCTYPE html>
            <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
            <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <title>\(Markup.escape(title))</title>
            <style>
            \(Self.styleSheet)
            </style>
            </head>
            <body>
            <main>
            \(body)</main>
            </body>
            </html>

            """
    }

    /// The report's sections without the page around them — maps, tables, charts and notes — for a page
    /// that shows them among its own content (the server's explorer); styled by ``styleSheet``.
    public func sectionsHTML() -> String {
        var body = mapsSection()
        if !tables.isEmpty {
            body += "<section class=\"tables\">\n<h2>Tables</h2>\n"
            body += tables.map(Self.tableHTML).joined()
            body += "</section>\n"
        }
        if !shareCharts.isEmpty {
            body += "<section>\n<h2>Shares</h2>\n<div class=\"charts\">\n"
            for chart in shareCharts {
                body +=
                    "<figure class=\"card chart-card\">\n<figcaption>\(Markup.escape(chart.title))</figcaption>\n\(chart.svg())\n</figure>\n"
            }
            body += "</div>\n</section>\n"
        }
        if !lineCharts.isEmpty {
            body += "<section>\n<h2>Charts</h2>\n<div class=\"charts\">\n"
            for chart in lineCharts {
                body +=
                    "<figure class=\"card chart-card\">\n<figcaption>\(Markup.escape(chart.title))</figcaption>\n\(chart.svg())\n</figure>\n"
            }
            body += "</div>\n</section>\n"
        }
        if !notes.isEmpty {
            body += "<section class=\"notes\">\n<h2>Notes</h2>\n<ul>\n"
            body += notes.map { "<li>\(Markup.escape($0))</li>\n" }.joined()
            body += "</ul>\n</section>\n"
        }
        return body
    }

    /// Maps side by side when they are about as tall as wide, stacked full width when the corridor is
    /// long and thin (Eurasia usually is), all with one projection and one flow scale, then one legend.
    private func mapsSection() -> String {
        guard !maps.isEmpty else { return "" }
        let coordinates = maps.flatMap { $0.nodes.map { (lat: $0.lat, lon: $0.lon) } }
        let natural = MapProjection(coordinates: coordinates, width: 1000, heights: 0...1e9, margin: 0)
        let sideBySide = maps.count >= 2 && (natural.map { $0.width / $0.height <= 1.7 } ?? false)
        let width = sideBySide ? (Self.contentWidth - 16) / 2 : Self.contentWidth
        let heights = sideBySide ? 380.0...640.0 : 360.0...720.0
        var text = "<section class=\"maps-section\">\n<h2>\(maps.count == 1 ? "Map" : "Maps")</h2>\n"
        guard let renderer = MapRenderer(maps: maps, width: width, heights: heights) else {
            return text + "<p class=\"empty\">No node has coordinates, so there is no map to draw.</p>\n</section>\n"
        }
        text += "<div class=\"maps\(sideBySide ? " side" : "")\">\n"
        for map in maps {
            let drawn = renderer.svg(map)
            text +=
                "<figure class=\"card map-card\">\n<figcaption>\(Markup.escape(map.title))</figcaption>\n\(drawn.svg)\n"
            if drawn.undrawnLinks > 0 {
                let noun = drawn.undrawnLinks == 1 ? "link is" : "links are"
                text +=
                    "<p class=\"footnote\">\(drawn.undrawnLinks) \(noun) not drawn: an end has no coordinates.</p>\n"
            }
            text += "</figure>\n"
        }
        text += "</div>\n<figure class=\"card legend-card\">\n"
        text += MapLegend(maps: maps, flowScale: renderer.flowScale).svg(width: Self.contentWidth - 30)
        return text + "\n</figure>\n</section>\n"
    }

    private static func tableHTML(_ table: ReportTable) -> String {
        func classAttribute(_ alignment: ReportTable.Alignment, _ emphasis: ReportTable.Emphasis) -> String {
            var classes: [String] = alignment == .right ? ["num"] : []
            switch emphasis {
            case .none: break
            case .changed: classes.append("changed")
            case .better: classes.append("better")
            case .worse: classes.append("worse")
            case .strong: classes.append("strong")
            }
            return classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
        }
        var text = "<figure class=\"card table-card\">\n<figcaption>\(Markup.escape(table.title))</figcaption>\n"
        text += "<table>\n<thead>\n<tr>"
        for column in table.columns {
            text += "<th\(classAttribute(column.alignment, .none)) scope=\"col\">\(Markup.escape(column.header))</th>"
        }
        text += "</tr>\n</thead>\n<tbody>\n"
        for row in table.rows {
            text += "<tr>"
            for (index, column) in table.columns.enumerated() {
                let cell = index < row.count ? row[index] : ReportTable.Cell("")
                text += "<td\(classAttribute(column.alignment, cell.emphasis))>\(Markup.escape(cell.text))</td>"
            }
            text += "</tr>\n"
        }
        text += "</tbody>\n</table>\n"
        if !table.footnote.isEmpty { text += "<p class=\"footnote\">\(Markup.escape(table.footnote))</p>\n" }
        return text + "</figure>\n"
    }

    /// The report's CSS. Kept free of `<`, `>` and `&` so the page stays well-formed XML.
    public static let styleSheet = """
        :root { --ink: #1f2933; --muted: #52606d; --rule: #d5dbe3; --card: #ffffff; --page: #eef1f5; }
        * { box-sizing: border-box; }
        html { background: var(--page); }
        body { margin: 0; color: var(--ink);
          font: 14px/1.45 "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", system-ui, sans-serif; }
        main { max-width: 1288px; margin: 0 auto; padding: 28px 24px 40px; }
        header h1 { font-size: 26px; line-height: 1.2; margin: 0 0 6px; }
        .subtitle { font-size: 16px; color: var(--muted); margin: 0 0 4px; }
        .generated { font-size: 12px; color: var(--muted); margin: 0; }
        section { margin-top: 26px; }
        h2 { font-size: 17px; margin: 0 0 12px; padding-bottom: 5px; border-bottom: 1px solid var(--rule); }
        figure { margin: 0; }
        figcaption { font-weight: 600; font-size: 14.5px; margin: 0 0 8px; }
        .card { background: var(--card); border: 1px solid var(--rule); border-radius: 6px; padding: 12px 14px;
          box-shadow: 0 1px 2px rgba(31, 41, 51, 0.05); }
        .maps { display: grid; grid-template-columns: minmax(0, 1fr); gap: 16px; }
        .maps.side { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
        .legend-card { margin-top: 12px; padding: 6px 8px; }
        svg { display: block; width: 100%; height: auto; font-family: inherit; }
        svg text { font-family: inherit; }
        .halo { paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
        .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(520px, 100%), 1fr)); gap: 16px; }
        .map-card, .chart-card, .legend-card { overflow-x: auto; }
        .table-card { margin-bottom: 16px; overflow-x: auto; }
        table { border-collapse: collapse; width: 100%; font-size: 13.5px; font-variant-numeric: tabular-nums; }
        th, td { padding: 6px 10px; border-bottom: 1px solid #e6e9ee; text-align: left; vertical-align: top; }
        th { background: #f5f7fa; border-bottom: 2px solid var(--rule); font-weight: 600; white-space: nowrap; }
        th.num, td.num { text-align: right; white-space: nowrap; }
        tbody tr:nth-child(even) td { background: #fafbfc; }
        td.changed, tbody tr:nth-child(even) td.changed { background: #fff3c4; }
        td.better, tbody tr:nth-child(even) td.better { background: #dff3e4; color: #14532d; }
        td.worse, tbody tr:nth-child(even) td.worse { background: #fde2e2; color: #7f1d1d; }
        td.strong { font-weight: 700; }
        .footnote { font-size: 12px; color: var(--muted); margin: 8px 0 0; }
        .notes ul { margin: 0; padding-left: 20px; }
        .notes li { margin-bottom: 4px; }
        @media (max-width: 720px) {
          main { padding: 16px 10px 28px; }
          header h1 { font-size: 21px; }
          .card { padding: 10px; }
          .maps.side { grid-template-columns: minmax(0, 1fr); }
          svg.map { min-width: 1000px; }
          .chart-card svg { min-width: 480px; }
          .legend-card svg { min-width: 900px; }
        }
        @media print {
          html { background: #ffffff; }
          .card { box-shadow: none; break-inside: avoid; }
        }
        """
}
