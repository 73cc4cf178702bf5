import CorridorModel
import Foundation

/// Draws ``ReportMap``s as SVG with one projection and one flow scale shared by every map of a report.
struct MapRenderer {
    static let margin = 30.0
    static let proposedColour = "#7b3294"
    static let carriedColour = "#35618f"
    static let unusedColour = "#a7b1bc"
    static let inactiveColour = "#c3cad3"

    let projection: MapProjection
    let flowScale: FlowWidthScale

    /// A renderer fitted to every node of `maps`; nil when no node has finite coordinates.
    init?(maps: [ReportMap], width: Double, heights: ClosedRange<Double>) {
        let coordinates = maps.flatMap { $0.nodes.map { (lat: $0.lat, lon: $0.lon) } }
        guard let projection = MapProjection(
            coordinates: coordinates, width: width, heights: heights, margin: Self.margin)
        else { return nil }
        self.projection = projection
        let flows = maps.flatMap { $0.links.map(\.flow) }.filter(\.isFinite)
        self.flowScale = FlowWidthScale(maximumFlow: flows.max() ?? 0)
    }

    /// The map as an `<svg>` element, and how many links could not be drawn for want of an end.
    func svg(_ map: ReportMap) -> (svg: String, undrawnLinks: Int) {
        var positions: [String: Point] = [:]
        for node in map.nodes where node.lat.isFinite && node.lon.isFinite && positions[node.id] == nil {
            positions[node.id] = projection.project(lat: node.lat, lon: node.lon)
        }
        let width = Markup.coordinate(projection.width)
        let height = Markup.coordinate(projection.height)
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 \(width) \(height)" \
            width="\(width)" height="\(height)" role="img" aria-label="\(Markup.escape(map.title))">
            <rect class="map-frame" x="0.5" y="0.5" width="\(Markup.coordinate(projection.width - 1))" \
            height="\(Markup.coordinate(projection.height - 1))" rx="4" fill="#f7f9fb" stroke="#d5dbe3"/>

            """
        svg += graticule()
        let (links, undrawn) = linkElements(map, positions: positions)
        svg += links
        svg += nodeElements(map, positions: positions)
        svg += labelElements(map, positions: positions)
        svg += "</svg>"
        return (svg, undrawn)
    }

    // MARK: Graticule

    private func graticule() -> String {
        let step = projection.graticuleStep
        let lons = projection.lonRange, lats = projection.latRange
        var lines = "<g class=\"graticule\" stroke=\"#dde3ea\" stroke-width=\"0.8\">\n"
        var labels = "<g class=\"graticule-labels\" fill=\"#8794a3\" font-size=\"10\">\n"
        var lon = (lons.lowerBound / step).rounded(.up) * step
        while lon <= lons.upperBound {
            let x = projection.project(lat: projection.centreLat, lon: lon).x
            if x > 4 && x < projection.width - 4 {
                let at = Markup.coordinate(x)
                lines += "<line x1=\"\(at)\" y1=\"1\" x2=\"\(at)\" y2=\"\(Markup.coordinate(projection.height - 1))\"/>\n"
                labels += "<text x=\"\(Markup.coordinate(x + 3))\" y=\"\(Markup.coordinate(projection.height - 6))\">"
                    + "\(Self.degrees(lon, positive: "E", negative: "W"))</text>\n"
            }
            lon += step
        }
        var lat = (lats.lowerBound / step).rounded(.up) * step
        while lat <= lats.upperBound {
            let y = projection.project(lat: lat, lon: projection.centreLon).y
            if y > 4 && y < projection.height - 4 {
                let at = Markup.coordinate(y)
                lines += "<line x1=\"1\" y1=\"\(at)\" x2=\"\(Markup.coordinate(projection.width - 1))\" y2=\"\(at)\"/>\n"
                labels += "<text x=\"5\" y=\"\(Markup.coordinate(y - 3))\">"
                    + "\(Self.degrees(lat, positive: "N", negative: "S"))</text>\n"
            }
            lat += step
        }
        return lines + "</g>\n" + labels + "</g>\n"
    }

    private static func degrees(_ value: Double, positive: String, negative: String) -> String {
        let rounded = value.rounded()
        if rounded == 0 || abs(rounded) == 180 { return Markup.number(abs(rounded), decimals: 0) + "°" }
        return Markup.number(abs(rounded), decimals: 0) + "°" + (rounded > 0 ? positive : negative)
    }

    // MARK: Links

    private func linkElements(_ map: ReportMap, positions: [String: Point]) -> (String, Int) {
        var drawable: [(link: MapLink, from: Point, to: Point)] = []
        var undrawn = 0
        for link in map.links {
            guard let from = positions[link.fromID], let to = positions[link.toID], from != to else {
                undrawn += 1
                continue
            }
            drawable.append((link, from, to))
        }
        // Links joining the same two nodes are spread apart so none hides another.
        var siblings: [String: [Int]] = [:]
        for (index, entry) in drawable.enumerated() {
            siblings[Self.pairKey(entry.link), default: []].append(index)
        }
        var offsets = [Double](repeating: 0, count: drawable.count)
        for group in siblings.values where group.count > 1 {
            let spacing = (group.map { flowScale.width(drawable[$0].link.flow) }.max() ?? 1) + 3
            for (rank, index) in group.enumerated() {
                offsets[index] = (Double(rank) - Double(group.count - 1) / 2) * spacing
            }
        }
        // Faded and empty links first, then carried links from thick to thin so thin ones stay on top.
        let order = drawable.indices.sorted { left, right in
            let a = drawable[left].link, b = drawable[right].link
            let layerA = drawLayer(a), layerB = drawLayer(b)
            if layerA != layerB { return layerA < layerB }
            if a.flow != b.flow { return a.flow > b.flow }
            return left < right
        }
        var text = "<g class=\"links\" fill=\"none\" stroke-linecap=\"round\">\n"
        for index in order {
            let (link, from, to) = drawable[index]
            // Offsets are measured from one fixed direction per node pair, so a link and its reverse part.
            let forward = link.fromID < link.toID
            let (start, end) = forward
                ? Self.offset(from, to, by: offsets[index]) : Self.offset(to, from, by: offsets[index])
            let ends = forward ? (start, end) : (end, start)
            text += linkElement(link, from: ends.0, to: ends.1, unit: map.flowUnit)
        }
        return (text + "</g>\n", undrawn)
    }

    private func drawLayer(_ link: MapLink) -> Int {
        !link.isActive ? 0 : flowScale.isUnused(link.flow) ? 1 : 2
    }

    private static func pairKey(_ link: MapLink) -> String {
        link.fromID < link.toID ? link.fromID + "\u{1F}" + link.toID : link.toID + "\u{1F}" + link.fromID
    }

    private static func offset(_ from: Point, _ to: Point, by distance: Double) -> (Point, Point) {
        guard distance != 0 else { return (from, to) }
        let dx = to.x - from.x, dy = to.y - from.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let nx = -dy / length * distance, ny = dx / length * distance
        return (Point(x: from.x + nx, y: from.y + ny), Point(x: to.x + nx, y: to.y + ny))
    }

    private func linkElement(_ link: MapLink, from: Point, to: Point, unit: String) -> String {
        let unused = flowScale.isUnused(link.flow)
        let width = flowScale.width(link.flow)
        var classes = ["link", link.mode.rawValue]
        var colour = Self.carriedColour
        if !link.isActive {
            classes.append("inactive")
            colour = Self.inactiveColour
        } else if unused {
            classes.append("unused")
            colour = Self.unusedColour
        } else if let utilisation = link.utilisation {
            colour = UtilisationScale.colour(utilisation)
            if UtilisationScale.isBinding(utilisation) { classes.append("binding") }
        }
        if link.isProposed { classes.append("proposed") }
        let ends = "x1=\"\(Markup.coordinate(from.x))\" y1=\"\(Markup.coordinate(from.y))\" "
            + "x2=\"\(Markup.coordinate(to.x))\" y2=\"\(Markup.coordinate(to.y))\""
        var text = ""
        if link.isProposed {
            text += "<line class=\"proposed-casing\" \(ends) stroke=\"\(Self.proposedColour)\" "
                + "stroke-width=\"\(Markup.coordinate(width + 4))\" stroke-opacity=\"\(link.isActive ? "0.85" : "0.45")\"/>\n"
        }
        var dash = Self.dashPattern(link.mode, width: width)
        if !link.isActive && dash.isEmpty { dash = "3 3" }
        text += "<line class=\"\(classes.joined(separator: " "))\" \(ends) stroke=\"\(colour)\" "
            + "stroke-width=\"\(Markup.coordinate(width))\""
            + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\" stroke-linecap=\"butt\"")
            + (link.isProposed ? " data-proposed=\"true\"" : "")
            + "><title>\(Markup.escape(linkTooltip(link, unit: unit)))</title></line>\n"
        return text
    }

    /// Ferry dashed, road dash-dotted, rail solid; dashes lengthen with the width so thick lines stay legible.
    static func dashPattern(_ mode: LinkMode, width: Double) -> String {
        switch mode {
        case .rail: return ""
        case .ferry: return "\(Markup.coordinate(2 * width + 6)) \(Markup.coordinate(width + 4))"
        case .road:
            return "\(Markup.coordinate(2 * width + 6)) \(Markup.coordinate(width + 3)) 1 \(Markup.coordinate(width + 3))"
        }
    }

    private func linkTooltip(_ link: MapLink, unit: String) -> String {
        var parts = ["\(link.id) (\(link.mode.rawValue))", "flow " + Markup.withUnit(Markup.quantity(link.flow), unit)]
        if let capacity = link.capacity { parts.append("capacity " + Markup.quantity(capacity)) }
        if let utilisation = link.utilisation { parts.append("utilisation " + Markup.percent(utilisation)) }
        if link.isProposed { parts.append("proposed") }
        if !link.isActive { parts.append("inactive") }
        return parts.joined(separator: " · ")
    }

    // MARK: Nodes

    /// Half the size of a node's marker, for spacing labels and leader lines.
    static func markerRadius(_ node: MapNode) -> Double {
        switch node.kind {
        case .crossing: return UtilisationScale.isBinding(node.utilisation) ? 9.5 : 8.5
        case .terminal, .port: return 5.5
        case .dryPort: return 4.5
        case .junction, .city: return 3.5
        }
    }

    private func nodeElements(_ map: ReportMap, positions: [String: Point]) -> String {
        let order = map.nodes.indices.filter { positions[map.nodes[$0].id] != nil }.sorted { left, right in
            let a = map.nodes[left], b = map.nodes[right]
            let rankA = (a.isActive ? 2 : 0) + (a.kind == .crossing ? 1 : 0)
            let rankB = (b.isActive ? 2 : 0) + (b.kind == .crossing ? 1 : 0)
            return rankA != rankB ? rankA < rankB : left < right
        }
        var text = "<g class=\"nodes\">\n"
        for index in order {
            let node = map.nodes[index]
            guard let point = positions[node.id] else { continue }
            text += nodeElement(node, at: point, unit: map.flowUnit)
        }
        return text + "</g>\n"
    }

    private func nodeElement(_ node: MapNode, at point: Point, unit: String) -> String {
        let radius = Self.markerRadius(node)
        let x = Markup.coordinate(point.x), y = Markup.coordinate(point.y)
        var classes = ["node", node.kind.rawValue]
        if node.isProposed { classes.append("proposed") }
        if !node.isActive { classes.append("inactive") }
        let binding = node.kind == .crossing && UtilisationScale.isBinding(node.utilisation)
        if binding { classes.append("binding") }
        var text = "<g class=\"\(classes.joined(separator: " "))\"\(node.isActive ? "" : " opacity=\"0.45\"")>"
        text += "<title>\(Markup.escape(nodeTooltip(node, unit: unit)))</title>"
        if node.isProposed {
            text += "<circle class=\"proposed-ring\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(Markup.coordinate(radius + 4.5))\" "
                + "fill=\"none\" stroke=\"\(Self.proposedColour)\" stroke-width=\"1.8\" stroke-dasharray=\"3 2\"/>"
        }
        switch node.kind {
        case .crossing:
            let fill = node.isActive ? UtilisationScale.colour(node.utilisation) : "#ffffff"
            let r = radius
            let points = [(0.0, -r), (r, 0.0), (0.0, r), (-r, 0.0)]
                .map { "\(Markup.coordinate(point.x + $0.0)),\(Markup.coordinate(point.y + $0.1))" }
                .joined(separator: " ")
            text += "<polygon points=\"\(points)\" fill=\"\(fill)\" stroke=\"\(binding ? "#000000" : "#1f2933")\" "
                + "stroke-width=\"\(binding ? "2.4" : "1.2")\" stroke-linejoin=\"round\"/>"
        case .terminal, .port, .dryPort:
            let fill = node.kind == .port ? "#1d4e89" : node.kind == .dryPort ? "#5b4636" : "#1f2933"
            text += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(Markup.coordinate(radius))\" fill=\"\(fill)\" "
                + "stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
        case .junction, .city:
            text += "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(Markup.coordinate(radius))\" fill=\"#ffffff\" "
                + "stroke=\"#52606d\" stroke-width=\"1.4\"/>"
        }
        return text + "</g>\n"
    }

    private func nodeTooltip(_ node: MapNode, unit: String) -> String {
        var parts = ["\(node.name) (\(node.kind.rawValue))", "flow " + Markup.withUnit(Markup.quantity(node.flow), unit)]
        if let utilisation = node.utilisation {
            parts.append("utilisation " + Markup.percent(utilisation) + (UtilisationScale.isBinding(utilisation) ? ", binding" : ""))
        }
        if node.isProposed { parts.append("proposed") }
        if !node.isActive { parts.append("inactive") }
        return parts.joined(separator: " · ")
    }

    // MARK: Labels

    static let nameFontSize = 12.0
    static let detailFontSize = 10.5

    private static func isLabelled(_ node: MapNode) -> Bool {
        switch node.kind {
        case .crossing, .terminal, .port, .dryPort: return true
        case .junction, .city: return false
        }
    }

    private func labelElements(_ map: ReportMap, positions: [String: Point]) -> String {
        let frame = Rect(minX: 2, minY: 2, width: projection.width - 4, height: projection.height - 4)
        let obstacles = map.nodes.compactMap { node -> Rect? in
            guard let point = positions[node.id] else { return nil }
            let r = Self.markerRadius(node) + (node.isProposed ? 5 : 1)
            return Rect(minX: point.x - r, minY: point.y - r, width: 2 * r, height: 2 * r)
        }
        var placer = MapLabelPlacer(bounds: frame, obstacles: obstacles)
        let labelled = map.nodes.indices.filter { Self.isLabelled(map.nodes[$0]) && positions[map.nodes[$0].id] != nil }
            .sorted { left, right in
                let a = map.nodes[left], b = map.nodes[right]
                if (a.kind == .crossing) != (b.kind == .crossing) { return a.kind == .crossing }
                if a.flow != b.flow { return a.flow > b.flow }
                return left < right
            }
        var text = "<g class=\"labels\" fill=\"#1f2933\">\n"
        for index in labelled {
            let node = map.nodes[index]
            guard let point = positions[node.id] else { continue }
            let detail = node.kind == .crossing ? crossingDetail(node, unit: map.flowUnit) : nil
            let nameWidth = Markup.estimatedWidth(node.name, fontSize: Self.nameFontSize) * 1.08
            let detailWidth = detail.map { Markup.estimatedWidth($0, fontSize: Self.detailFontSize) } ?? 0
            let height = Self.nameFontSize * 1.2 + (detail == nil ? 0 : Self.detailFontSize * 1.25)
            let placement = placer.place(
                at: point, radius: Self.markerRadius(node), width: max(nameWidth, detailWidth) + 4, height: height)
            let box = placement.box
            if placement.needsLeader {
                let target = box.nearestPoint(to: point)
                text += "<line class=\"leader\" x1=\"\(Markup.coordinate(point.x))\" y1=\"\(Markup.coordinate(point.y))\" "
                    + "x2=\"\(Markup.coordinate(target.x))\" y2=\"\(Markup.coordinate(target.y))\" "
                    + "stroke=\"#7b8794\" stroke-width=\"0.8\"/>\n"
            }
            let x = Markup.coordinate(box.minX + 2)
            let weight = node.kind == .crossing ? " font-weight=\"600\"" : ""
            text += "<text class=\"label halo\" x=\"\(x)\" y=\"\(Markup.coordinate(box.minY + Self.nameFontSize))\" "
                + "font-size=\"\(Markup.coordinate(Self.nameFontSize))\"\(weight)>\(Markup.escape(node.name))</text>\n"
            if let detail {
                let baseline = box.minY + Self.nameFontSize * 1.2 + Self.detailFontSize
                text += "<text class=\"label-detail halo\" x=\"\(x)\" y=\"\(Markup.coordinate(baseline))\" "
                    + "font-size=\"\(Markup.coordinate(Self.detailFontSize))\" fill=\"#52606d\">"
                    + "\(Markup.escape(detail))</text>\n"
            }
        }
        return text + "</g>\n"
    }

    private func crossingDetail(_ node: MapNode, unit: String) -> String {
        if !node.isActive { return node.isProposed ? "proposed · not open" : "closed" }
        var detail = Markup.withUnit(Markup.quantity(node.flow), unit)
        if let utilisation = node.utilisation { detail += " · " + Markup.percent(utilisation) }
        return detail
    }
}
