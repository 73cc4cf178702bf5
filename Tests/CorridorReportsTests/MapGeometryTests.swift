import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@testable import CorridorReports

@Suite struct MapGeometryTests {
    /// Duisburg, Aktogay, Dostyk, Urumqi, Xi'an (from tiny.json) — listed west to east.
    private let places: [(lat: Double, lon: Double)] = [
        (51.4, 6.72), (46.95, 79.67), (45.25, 82.48), (43.83, 87.62), (34.41, 109.06),
    ]

    @Test func projectionKeepsEveryPlaceInsideTheBoxAndOrdersWestToEast() throws {
        let projection = try #require(
            MapProjection(coordinates: places, width: 1240, heights: 360...720, margin: 30))
        let points = places.map { projection.project(lat: $0.lat, lon: $0.lon) }
        for point in points {
            #expect(point.x >= 30 && point.x <= projection.width - 30)
            #expect(point.y >= 0 && point.y <= projection.height)
        }
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.x < $1.x })
        // North is up: Duisburg (51.4° N) above Xi'an (34.4° N).
        #expect(points[0].y < points[4].y)
        #expect(projection.height >= 360 && projection.height <= 720)
    }

    @Test func projectionScalesLongitudeByTheCosineOfTheMiddleLatitude() throws {
        let projection = try #require(
            MapProjection(coordinates: [(40, 60), (50, 80)], width: 1000, heights: 100...2000, margin: 20))
        let oneDegreeEast = projection.project(lat: 45, lon: 71).x - projection.project(lat: 45, lon: 70).x
        let oneDegreeNorth = projection.project(lat: 45, lon: 70).y - projection.project(lat: 46, lon: 70).y
        let middle = (40 - 1.5 + 50 + 1.5) / 2.0  // the padded latitude range's middle
        #expect(abs(oneDegreeEast / oneDegreeNorth - cos(middle * .pi / 180)) < 1e-9)
    }

    @Test func projectionOfASinglePointIsCentred() throws {
        let projection = try #require(
            MapProjection(coordinates: [(45, 82)], width: 600, heights: 300...600, margin: 30))
        let point = projection.project(lat: 45, lon: 82)
        #expect(abs(point.x - 300) < 1e-9)
        #expect(abs(point.y - projection.height / 2) < 1e-9)
        #expect(MapProjection(coordinates: [(.nan, 3)], width: 600, heights: 300...600, margin: 30) == nil)
    }

    @Test func strokeWidthsNeverShrinkAsFlowGrows() {
        let scale = FlowWidthScale(maximumFlow: 250)
        var generator = SeededGenerator(seed: 7)
        let flows = (0..<200).map { _ in Double.random(in: 0...300, using: &generator) }.sorted()
        let widths = flows.map(scale.width)
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 <= $1 })
        #expect(scale.width(0) == FlowWidthScale.unusedWidth)
        #expect(scale.width(0.001) > scale.width(0))
        #expect(scale.width(250) == FlowWidthScale.maximumWidth)
        #expect(scale.width(1000) == FlowWidthScale.maximumWidth)
        #expect(scale.width(.nan) == FlowWidthScale.unusedWidth)
        // Square-root scaling: a quarter of the flow gets half the extra width.
        let extra = FlowWidthScale.maximumWidth - FlowWidthScale.minimumWidth
        #expect(abs(scale.width(62.5) - (FlowWidthScale.minimumWidth + extra / 2)) < 1e-9)
        #expect(scale.legendFlows == [20, 100, 200])
    }

    @Test func utilisationColoursRunGreenAmberRedThenBinding() {
        #expect(UtilisationScale.colour(0) == "#1a9850")
        #expect(UtilisationScale.colour(0.5) == "#f0b224")
        // A third of the way from the 0.85 stop (232, 106, 36) to the 1.0 stop (214, 39, 40).
        #expect(UtilisationScale.colour(0.9) == "#e25425")
        #expect(UtilisationScale.colour(1.0) == UtilisationScale.bindingColour)
        #expect(UtilisationScale.colour(1.3) == UtilisationScale.bindingColour)
        #expect(UtilisationScale.colour(0.999) != UtilisationScale.bindingColour)
        #expect(UtilisationScale.colour(nil) == UtilisationScale.unlimitedColour)
        #expect(UtilisationScale.colour(-0.2) == UtilisationScale.colour(0))
        #expect(UtilisationScale.isBinding(1) && !UtilisationScale.isBinding(0.99) && !UtilisationScale.isBinding(nil))
    }

    @Test func labelsAvoidEachOtherAndStayInside() {
        let bounds = Rect(minX: 0, minY: 0, width: 400, height: 300)
        var placer = MapLabelPlacer(bounds: bounds, obstacles: [])
        var boxes: [Rect] = []
        // Five labels crowded around nearly the same point, as the Kazakh crossings are.
        for index in 0..<5 {
            let anchor = Point(x: 200 + Double(index) * 3, y: 150 + Double(index) * 2)
            boxes.append(placer.place(at: anchor, radius: 8, width: 90, height: 26).box)
        }
        for (index, box) in boxes.enumerated() {
            #expect(bounds.contains(box))
            for other in boxes[(index + 1)...] { #expect(!box.intersects(other)) }
        }
        // Near the right edge the label goes to the left instead of off the map.
        var edge = MapLabelPlacer(bounds: bounds, obstacles: [])
        let box = edge.place(at: Point(x: 395, y: 150), radius: 5, width: 80, height: 14).box
        #expect(box.maxX <= 395)
    }

    /// Labels a map can do without are placed clear of every marker and label or not at all: forty
    /// labels scattered over a small map never overlap, however many are left out.
    @Test func optionalLabelsNeverOverlap() {
        let bounds = Rect(minX: 0, minY: 0, width: 300, height: 200)
        var random = SeededGenerator(seed: 400)
        let anchors = (0..<40).map { _ in
            Point(x: Double(random.next() % 280) + 10, y: Double(random.next() % 180) + 10)
        }
        let markers = anchors.map { Rect(minX: $0.x - 4, minY: $0.y - 4, width: 8, height: 8) }
        var placer = MapLabelPlacer(bounds: bounds, obstacles: markers)
        var boxes: [Rect] = []
        for anchor in anchors {
            if let placement = placer.placeClear(at: anchor, radius: 4, width: 60, height: 14) { boxes.append(placement.box) }
        }
        #expect(boxes.count >= 10)
        for (index, box) in boxes.enumerated() {
            #expect(bounds.contains(box))
            #expect(!markers.contains { $0.intersects(box) })
            for other in boxes[(index + 1)...] { #expect(!box.intersects(other)) }
        }
    }

    @Test func parallelLinksAreSpreadApart() throws {
        let map = ReportMap(
            title: "Twins",
            nodes: [
                MapNode(id: "a", name: "A", lat: 45, lon: 80, kind: .terminal),
                MapNode(id: "b", name: "B", lat: 45, lon: 90, kind: .terminal),
            ],
            links: [
                MapLink(id: "ab", fromID: "a", toID: "b", flow: 5),
                MapLink(id: "ba", fromID: "b", toID: "a", flow: 5),
            ])
        let renderer = try #require(MapRenderer(maps: [map], width: 600, heights: 300...600))
        let (check, error) = XMLCheck.parse(renderer.svg(map).svg)
        #expect(error == nil)
        let ys = check.elements("line", withClass: "link").compactMap { $0["y1"] }
        #expect(ys.count == 2 && ys[0] != ys[1])
    }

    @Test func ferryAndRoadLinksAreDashedRailIsSolid() {
        #expect(MapRenderer.dashPattern(.rail, width: 4).isEmpty)
        #expect(!MapRenderer.dashPattern(.ferry, width: 4).isEmpty)
        #expect(MapRenderer.dashPattern(.road, width: 4).split(separator: " ").count == 4)
    }
}
