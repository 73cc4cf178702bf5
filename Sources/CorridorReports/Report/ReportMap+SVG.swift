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

    private init(projection: MapProjection, flowScale: FlowWidthScale) {
        self.projection = projection
        self.flowScale = flowScale
    }

    /// A renderer fitted to every node of `maps`; nil when no node has finite coordinates.
    init?(maps: [ReportMap], width: Double, heights: ClosedRange<Double>) {
        let coordinates = maps.flatMap { $0.nodes.map { (lat: $0.lat, lon: $0.lon) } }
        guard
            let projection = MapProjection(
                coordinates: coordinates, width: width, heights: heights, margin: Self.margin)
        else { return nil }
        self.projection = projection
        let flows = maps.flatMap { $0.links.map(\.flow) }.filter(\.isFinite)
        self.flowScale = FlowWidthScale(maximumFlow: flows.max() ?? 0)
    }

    /// The map as an `<svg>` element, and how many links could not be drawn for want of an end.
    ///
    /// When crossings crowd together (as on the Kazakh–Chinese border), an inset — in an empty corner, or
    /// in a strip under the map — shows them enlarged with their labels, and the map outlines the area.
    func svg(_ map: ReportMap) -> (svg: String, undrawnLinks: Int) {
        let positions = Self.positions(map, projection)
        let details = details(map, positions: positions)
        let height = max(projection.height, (details.map(\.box.maxY).max() ?? 0) + 10)
        var svg = Markup.svgStart(class: "map", width: projection.width, height: height, label: map.title)
        svg += """
            <rect class="map-frame" x="0.5" y="0.5" width="\(Markup.coordinate(projection.width - 1))" \
            height="\(Markup.coordinate(projection.height - 1))" rx="4" fill="\(Self.seaColour)" stroke="#d5dbe3"/>

            """
        svg += land(in: Rect(minX: 1, minY: 1, width: projection.width - 2, height: projection.height - 2), projection: projection)
        svg += graticule()
        let frame = Rect(minX: 2, minY: 2, width: projection.width - 4, height: projection.height - 4)
        let main = network(
            map, positions: positions, frame: frame,
            avoiding: details.flatMap { [$0.box, $0.region] },
            labels: { node in Self.isLabelled(node) && !details.contains { $0.members.contains(node.id) } })
        svg += main.links + main.nodes + main.labels
        for detail in details { svg += inset(map, detail) }
        svg += "</svg>"
        return (svg, main.undrawn)
    }

    private static func positions(_ map: ReportMap, _ projection: MapProjection) -> [String: Point] {
        var positions: [String: Point] = [:]
        for node in map.nodes where node.lat.isFinite && node.lon.isFinite && positions[node.id] == nil {
            positions[node.id] = projection.project(lat: node.lat, lon: node.lon)
        }
        return positions
    }

    /// The drawn parts of a map: links, nodes and labels, in painting order.
    private struct Layers {
        var links: String
        var nodes: String
        var labels: String
        var undrawn: Int
    }

    private func network(
        _ map: ReportMap, positions: [String: Point], frame: Rect, avoiding: [Rect], labels: (MapNode) -> Bool
    ) -> Layers {
        let (links, segments, undrawn) = linkElements(map, positions: positions)
        let nodes = nodeElements(map, positions: positions)
        let text = labelElements(
            map, positions: positions, frame: frame, avoiding: avoiding, segments: segments, labelled: labels)
        return Layers(links: links, nodes: nodes, labels: text, undrawn: undrawn)
    }

    // MARK: Detail inset

    /// An enlarged view of crowded crossings: the area it enlarges, where it sits, how it projects.
    private struct Detail {
        var region: Rect
        var box: Rect
        var projection: MapProjection
        var members: Set<String>
    }

    /// Crossings closer than this on the main map get an inset.
    static let crowdedDistance = 46.0
    /// At most this many insets per map, for the largest crowds.
    static let maximumInsets = 2

    /// Insets for the largest groups of crowded crossings: one in an empty corner of the map when a
    /// single group needs one and a corner is free, otherwise side by side in a strip under the map.
    private func details(_ map: ReportMap, positions: [String: Point]) -> [Detail] {
        let regions = crowdedGroups(map, positions: positions).prefix(Self.maximumInsets).map { group in
            let points = group.compactMap { positions[$0] }
            let pad = 16.0
            let minX = (points.map(\.x).min() ?? 0) - pad
            let maxX = (points.map(\.x).max() ?? 0) + pad
            let minY = (points.map(\.y).min() ?? 0) - pad
            let maxY = (points.map(\.y).max() ?? 0) + pad
            return Rect(minX: minX, minY: minY, width: maxX - minX, height: maxY - minY)
        }
        guard !regions.isEmpty else { return [] }
        var boxes: [Rect]
        if regions.count == 1,
            let corner = emptyCorner(
                width: min(420, projection.width * 0.36), height: min(270, projection.height * 0.62),
                region: regions[0], map: map, positions: positions)
        {
            boxes = [corner]
        } else {
            let gap = 10.0
            let count = Double(regions.count)
            let width = min(
                (projection.width - gap * (count + 1)) / count,
                projection.width >= 900 ? projection.width * 0.5 : .infinity)
            // Strip order follows the regions' west-to-east order so connectors do not cross.
            let order = regions.indices.sorted { regions[$0].minX < regions[$1].minX }
            boxes = Array(repeating: Rect(minX: 0, minY: 0, width: 0, height: 0), count: regions.count)
            var left = gap
            for index in order {
                let centred = regions[index].minX + regions[index].width / 2 - width / 2
                let right =
                    projection.width - gap - Double(order.count - 1 - (order.firstIndex(of: index) ?? 0))
                    * (width + gap)
                let x = min(max(centred, left), right - width)
                boxes[index] = Rect(minX: x, minY: projection.height + gap, width: width, height: 320)
                left = x + width + gap
            }
        }
        return regions.indices.compactMap { index in
            let region = regions[index]
            let box = boxes[index]
            let inside = map.nodes.filter { node in
                guard let point = positions[node.id] else { return false }
                return point.x >= region.minX && point.x <= region.maxX && point.y >= region.minY
                    && point.y <= region.maxY
            }
            guard
                let zoomed = MapProjection(
                    coordinates: inside.map { (lat: $0.lat, lon: $0.lon) }, width: box.width,
                    heights: box.height...box.height, margin: 44, minimumPad: 0.2),
                zoomed.scale >= projection.scale * 1.6
            else { return nil }
            return Detail(region: region, box: box, projection: zoomed, members: Set(inside.map(\.id)))
        }
    }

    /// Groups of crossings linked by hops shorter than ``crowdedDistance``, largest first (ties in file order).
    private func crowdedGroups(_ map: ReportMap, positions: [String: Point]) -> [[String]] {
        let crossings = map.nodes.compactMap { node in
            node.kind == .crossing ? positions[node.id].map { (id: node.id, point: $0) } : nil
        }
        var groups: [[String]] = []
        var seen = Set<Int>()
        for start in crossings.indices where !seen.contains(start) {
            var component = [start]
            seen.insert(start)
            var next = 0
            while next < component.count {
                let here = crossings[component[next]].point
                for other in crossings.indices where !seen.contains(other) {
                    let there = crossings[other].point
                    if hypot(here.x - there.x, here.y - there.y) < Self.crowdedDistance {
                        seen.insert(other)
                        component.append(other)
                    }
                }
                next += 1
            }
            if component.count >= 2 { groups.append(component.map { crossings[$0].id }) }
        }
        return groups.enumerated().sorted { left, right in
            left.element.count != right.element.count
                ? left.element.count > right.element.count : left.offset < right.offset
        }.map(\.element)
    }

    /// A corner of the map covering no node and the least link length, or nil when every corner covers
    /// a node or the enlarged area itself.
    private func emptyCorner(
        width: Double, height: Double, region: Rect, map: ReportMap, positions: [String: Point]
    ) -> Rect? {
        let gap = 10.0
        let corners = [
            Rect(minX: gap, minY: projection.height - height - gap, width: width, height: height),
            Rect(minX: gap, minY: gap, width: width, height: height),
            Rect(
                minX: projection.width - width - gap, minY: projection.height - height - gap, width: width,
                height: height),
            Rect(minX: projection.width - width - gap, minY: gap, width: width, height: height),
        ]
        func covers(_ box: Rect, _ point: Point) -> Bool {
            point.x >= box.minX - 8 && point.x <= box.maxX + 8 && point.y >= box.minY - 8 && point.y <= box.maxY + 8
        }
        var best: (box: Rect, cost: Int)?
        for box in corners where !box.intersects(region) && !positions.values.contains(where: { covers(box, $0) }) {
            var cost = 0
            for link in map.links {
                guard let from = positions[link.fromID], let to = positions[link.toID] else { continue }
                for step in 0...20 {
                    let t = Double(step) / 20
                    if covers(box, Point(x: from.x + (to.x - from.x) * t, y: from.y + (to.y - from.y) * t)) {
                        cost += 1
                    }
                }
            }
            if best == nil || cost < (best?.cost ?? 0) { best = (box, cost) }
        }
        return best?.box
    }

    private func inset(_ map: ReportMap, _ detail: Detail) -> String {
        let region = detail.region
        let box = detail.box
        let zoomed = MapRenderer(projection: detail.projection, flowScale: flowScale)
        let positions = Self.positions(map, detail.projection)
        let frame = Rect(minX: 2, minY: 20, width: box.width - 4, height: box.height - 22)
        let layers = zoomed.network(map, positions: positions, frame: frame, avoiding: []) { node in
            positions[node.id].map { frame.contains(Rect(minX: $0.x, minY: $0.y, width: 0, height: 0)) } ?? false
        }
        // Joins the outlined area to the inset from the nearest corners of each.
        let regionCorner = region.nearestPoint(to: Point(x: box.minX + box.width / 2, y: box.minY + box.height / 2))
        let boxCorner = box.nearestPoint(to: regionCorner)
        var text = "<g class=\"detail\">\n"
        text +=
            "<rect class=\"detail-area\" x=\"\(Markup.coordinate(region.minX))\" y=\"\(Markup.coordinate(region.minY))\" "
            + "width=\"\(Markup.coordinate(region.width))\" height=\"\(Markup.coordinate(region.height))\" rx=\"3\" "
            + "fill=\"none\" stroke=\"#52606d\" stroke-width=\"1\" stroke-dasharray=\"4 3\"/>\n"
        text +=
            "<line class=\"detail-connector\" x1=\"\(Markup.coordinate(regionCorner.x))\" y1=\"\(Markup.coordinate(regionCorner.y))\" "
            + "x2=\"\(Markup.coordinate(boxCorner.x))\" y2=\"\(Markup.coordinate(boxCorner.y))\" stroke=\"#7b8794\" "
            + "stroke-width=\"0.8\" stroke-dasharray=\"4 3\"/>\n"
        text +=
            "<svg x=\"\(Markup.coordinate(box.minX))\" y=\"\(Markup.coordinate(box.minY))\" "
            + "width=\"\(Markup.coordinate(box.width))\" height=\"\(Markup.coordinate(box.height))\" "
            + "viewBox=\"0 0 \(Markup.coordinate(box.width)) \(Markup.coordinate(box.height))\" class=\"detail-inset\">\n"
        text +=
            "<rect x=\"0.5\" y=\"0.5\" width=\"\(Markup.coordinate(box.width - 1))\" height=\"\(Markup.coordinate(box.height - 1))\" "
            + "rx=\"3\" fill=\"\(Self.seaColour)\" stroke=\"#52606d\" stroke-width=\"1\"/>\n"
        text += land(in: Rect(minX: 1, minY: 1, width: box.width - 2, height: box.height - 2), projection: detail.projection)
        text += layers.links + layers.nodes + layers.labels
        let zoom = Markup.number(detail.projection.scale / projection.scale, decimals: 0)
        text +=
            "<text x=\"8\" y=\"14\" font-size=\"10.5\" font-weight=\"600\" fill=\"#52606d\">Detail ×\(zoom)</text>\n"
        return text + "</svg>\n</g>\n"
    }

    // MARK: Land

    static let seaColour = "#e9f1f7"

    /// Natural Earth's countries (``Basemap``) in `box`: land filled, coastlines and borders stroked thin,
    /// clipped by a nested viewport so nothing spills past the frame.
    private func land(in box: Rect, projection: MapProjection) -> String {
        let data = Basemap.pathData(projection)
        guard !data.isEmpty else { return "" }
        let (x, y, width, height) = (
            Markup.coordinate(box.minX), Markup.coordinate(box.minY), Markup.coordinate(box.width), Markup.coordinate(box.height)
        )
        return """
            <svg class="land" x="\(x)" y="\(y)" width="\(width)" height="\(height)" viewBox="\(x) \(y) \(width) \(height)" \
            aria-hidden="true"><path d="\(data)" fill="#f6f4ee" stroke="#bdb6a5" stroke-width="0.6" \
            stroke-linejoin="round"/></svg>

            """
    }

    // MARK: Graticule

    private func graticule() -> String {
        let step = projection.graticuleStep
        let lons = projection.lonRange
        let lats = projection.latRange
        var lines = "<g class=\"graticule\" stroke=\"#dde3ea\" stroke-width=\"0.8\">\n"
        var labels = "<g class=\"graticule-labels\" fill=\"#8794a3\" font-size=\"10\">\n"
        var lon = (lons.lowerBound / step).rounded(.up) * step
        while lon <= lons.upperBound {
            let x = projection.project(lat: projection.centreLat, lon: lon).x
            if x > 4 && x < projection.width - 4 {
                let at = Markup.coordinate(x)
                lines +=
                    "<line x1=\"\(at)\" y1=\"1\" x2=\"\(at)\" y2=\"\(Markup.coordinate(projection.height - 1))\"/>\n"
                labels +=
                    "<text x=\"\(Markup.coordinate(x + 3))\" y=\"\(Markup.coordinate(projection.height - 6))\">"
                    + "\(Self.degrees(lon, positive: "E", negative: "W"))</text>\n"
            }
            lon += step
        }
        var lat = (lats.lowerBound / step).rounded(.up) * step
        while lat <= lats.upperBound {
            let y = projection.project(lat: lat, lon: projection.centreLon).y
            if y > 4 && y < projection.height - 4 {
                let at = Markup.coordinate(y)
                lines +=
                    "<line x1=\"1\" y1=\"\(at)\" x2=\"\(Markup.coordinate(projection.width - 1))\" y2=\"\(at)\"/>\n"
                labels +=
                    "<text x=\"5\" y=\"\(Markup.coordinate(y - 3))\">"
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

    private func linkElements(
        _ map: ReportMap, positions: [String: Point]
    ) -> (String, [MapLabelPlacer.Segment], Int) {
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
            let a = drawable[left].link
            let b = drawable[right].link
            let layerA = drawLayer(a)
            let layerB = drawLayer(b)
            if layerA != layerB { return layerA < layerB }
            if a.flow != b.flow { return a.flow > b.flow }
            return left < right
        }
        var text = "<g class=\"links\" fill=\"none\" stroke-linecap=\"round\">\n"
        var segments: [MapLabelPlacer.Segment] = []
        for index in order {
            let (link, from, to) = drawable[index]
            // Offsets are measured from one fixed direction per node pair, so a link and its reverse part.
            let forward = link.fromID < link.toID
            let (start, end) =
                forward
                ? Self.offset(from, to, by: offsets[index]) : Self.offset(to, from, by: offsets[index])
            let ends = forward ? (start, end) : (end, start)
            text += linkElement(link, from: ends.0, to: ends.1, unit: map.flowUnit)
            segments.append(.init(from: ends.0, to: ends.1, halfWidth: flowScale.width(link.flow) / 2 + 1))
        }
        return (text + "</g>\n", segments, undrawn)
    }

    private func drawLayer(_ link: MapLink) -> Int {
        !link.isActive ? 0 : flowScale.isUnused(link.flow) ? 1 : 2
    }

    private static func pairKey(_ link: MapLink) -> String {
        link.fromID < link.toID ? link.fromID + "\u{1F}" + link.toID : link.toID + "\u{1F}" + link.fromID
    }

    private static func offset(_ from: Point, _ to: Point, by distance: Double) -> (Point, Point) {
        guard distance != 0 else { return (from, to) }
        let dx = to.x - from.x
        let dy = to.y - from.y
        let length = max((dx * dx + dy * dy).squareRoot(), 1e-9)
        let nx = -dy / length * distance
        let ny = dx / length * distance
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
        let ends =
            "x1=\"\(Markup.coordinate(from.x))\" y1=\"\(Markup.coordinate(from.y))\" "
            + "x2=\"\(Markup.coordinate(to.x))\" y2=\"\(Markup.coordinate(to.y))\""
        var text = ""
        if link.isProposed {
            text +=
                "<line class=\"proposed-casing\" \(ends) stroke=\"\(Self.proposedColour)\" "
                + "stroke-width=\"\(Markup.coordinate(width + 4))\" stroke-opacity=\"\(link.isActive ? "0.85" : "0.45")\"/>\n"
        }
        var dash = Self.dashPattern(link.mode, width: width)
        if !link.isActive && dash.isEmpty { dash = "3 3" }
        text +=
            "<line class=\"\(classes.joined(separator: " "))\" \(ends) stroke=\"\(colour)\" "
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
            return
                "\(Markup.coordinate(2 * width + 6)) \(Markup.coordinate(width + 3)) 1 \(Markup.coordinate(width + 3))"
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
            let a = map.nodes[left]
            let b = map.nodes[right]
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
        let x = Markup.coordinate(point.x)
        let y = Markup.coordinate(point.y)
        var classes = ["node", node.kind.rawValue]
        if node.isProposed { classes.append("proposed") }
        if !node.isActive { classes.append("inactive") }
        let binding = node.kind == .crossing && UtilisationScale.isBinding(node.utilisation)
        if binding { classes.append("binding") }
        var text = "<g class=\"\(classes.joined(separator: " "))\"\(node.isActive ? "" : " opacity=\"0.45\"")>"
        text += "<title>\(Markup.escape(nodeTooltip(node, unit: unit)))</title>"
        if node.isProposed {
            text +=
                "<circle class=\"proposed-ring\" cx=\"\(x)\" cy=\"\(y)\" r=\"\(Markup.coordinate(radius + 4.5))\" "
                + "fill=\"none\" stroke=\"\(Self.proposedColour)\" stroke-width=\"1.8\" stroke-dasharray=\"3 2\"/>"
        }
        switch node.kind {
        case .crossing:
            let fill = node.isActive ? UtilisationScale.colour(node.utilisation) : "#ffffff"
            let r = radius
            let points = [(0.0, -r), (r, 0.0), (0.0, r), (-r, 0.0)]
                .map { "\(Markup.coordinate(point.x + $0.0)),\(Markup.coordinate(point.y + $0.1))" }
                .joined(separator: " ")
            text +=
                "<polygon points=\"\(points)\" fill=\"\(fill)\" stroke=\"\(binding ? "#000000" : "#1f2933")\" "
                + "stroke-width=\"\(binding ? "2.4" : "1.2")\" stroke-linejoin=\"round\"/>"
        case .terminal, .port, .dryPort:
            let fill = node.kind == .port ? "#1d4e89" : node.kind == .dryPort ? "#5b4636" : "#1f2933"
            text +=
                "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(Markup.coordinate(radius))\" fill=\"\(fill)\" "
                + "stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
        case .junction, .city:
            text +=
                "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(Markup.coordinate(radius))\" fill=\"#ffffff\" "
                + "stroke=\"#52606d\" stroke-width=\"1.4\"/>"
        }
        return text + "</g>\n"
    }

    private func nodeTooltip(_ node: MapNode, unit: String) -> String {
        var parts = [
            "\(node.name) (\(node.kind.rawValue))", "flow " + Markup.withUnit(Markup.quantity(node.flow), unit),
        ]
        if let utilisation = node.utilisation {
            parts.append(
                "utilisation " + Markup.percent(utilisation)
                    + (UtilisationScale.isBinding(utilisation) ? ", binding" : ""))
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

    private func labelElements(
        _ map: ReportMap, positions: [String: Point], frame: Rect, avoiding: [Rect],
        segments: [MapLabelPlacer.Segment], labelled: (MapNode) -> Bool
    ) -> String {
        let markers = map.nodes.compactMap { node -> Rect? in
            guard let point = positions[node.id] else { return nil }
            let r = Self.markerRadius(node) + (node.isProposed ? 5 : 1)
            return Rect(minX: point.x - r, minY: point.y - r, width: 2 * r, height: 2 * r)
        }
        var placer = MapLabelPlacer(bounds: frame, obstacles: markers + avoiding, segments: segments)
        // Crossings first, then terminals and ports, then the rest; busiest first within each.
        func priority(_ node: MapNode) -> Int {
            node.kind == .crossing ? 0 : Self.isLabelled(node) ? 1 : 2
        }
        let order = map.nodes.indices.filter { positions[map.nodes[$0].id] != nil && labelled(map.nodes[$0]) }
            .sorted { left, right in
                let a = map.nodes[left]
                let b = map.nodes[right]
                if priority(a) != priority(b) { return priority(a) < priority(b) }
                if a.flow != b.flow { return a.flow > b.flow }
                return left < right
            }
        var text = "<g class=\"labels\" fill=\"#1f2933\">\n"
        for index in order {
            let node = map.nodes[index]
            guard let point = positions[node.id] else { continue }
            let minor = priority(node) == 2
            let nameSize = minor ? Self.detailFontSize : Self.nameFontSize
            let detail = node.kind == .crossing ? crossingDetail(node, unit: map.flowUnit) : nil
            let nameWidth = Markup.estimatedWidth(node.name, fontSize: nameSize) * (node.kind == .crossing ? 1.08 : 1)
            let detailWidth = detail.map { Markup.estimatedWidth($0, fontSize: Self.detailFontSize) } ?? 0
            let height = nameSize * 1.2 + (detail == nil ? 0 : Self.detailFontSize * 1.25)
            let size = (width: max(nameWidth, detailWidth) + 4, height: height)
            let radius = Self.markerRadius(node)
            guard
                let placement = minor
                    ? placer.placeIfClear(at: point, radius: radius, width: size.width, height: size.height)
                    : node.kind == .crossing
                        ? placer.place(at: point, radius: radius, width: size.width, height: size.height)
                        : placer.placeClear(at: point, radius: radius, width: size.width, height: size.height)
            else { continue }
            let box = placement.box
            if placement.needsLeader {
                let target = box.nearestPoint(to: point)
                text +=
                    "<line class=\"leader\" x1=\"\(Markup.coordinate(point.x))\" y1=\"\(Markup.coordinate(point.y))\" "
                    + "x2=\"\(Markup.coordinate(target.x))\" y2=\"\(Markup.coordinate(target.y))\" "
                    + "stroke=\"#7b8794\" stroke-width=\"0.8\"/>\n"
            }
            let x = Markup.coordinate(box.minX + 2)
            let style =
                node.kind == .crossing ? " font-weight=\"600\"" : minor ? " fill=\"#52606d\" font-style=\"italic\"" : ""
            text +=
                "<text class=\"label halo\" x=\"\(x)\" y=\"\(Markup.coordinate(box.minY + nameSize))\" "
                + "font-size=\"\(Markup.coordinate(nameSize))\"\(style)>\(Markup.escape(node.name))</text>\n"
            if let detail {
                let baseline = box.minY + nameSize * 1.2 + Self.detailFontSize
                text +=
                    "<text class=\"label-detail halo\" x=\"\(x)\" y=\"\(Markup.coordinate(baseline))\" "
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
