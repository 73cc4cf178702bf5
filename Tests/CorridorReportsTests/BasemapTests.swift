import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@testable import CorridorReports

/// The Natural Earth land under the maps, checked against places whose side of the shore is known.
@Suite struct BasemapTests {
    /// Even–odd rule over every ring: true when the place is on land.
    private func isLand(lat: Double, lon: Double) -> Bool {
        var inside = false
        for ring in Basemap.rings {
            var previous = ring[ring.count - 1]
            for point in ring {
                if (point.lat > lat) != (previous.lat > lat),
                    lon < (previous.lon - point.lon) * (lat - point.lat) / (previous.lat - point.lat) + point.lon
                {
                    inside.toggle()
                }
                previous = point
            }
        }
        return inside
    }

    @Test func landAndWaterAreWhereTheyAre() {
        let land = [
            ("Aktogay", 46.95, 79.67), ("Dostyk", 45.25, 82.48), ("Xi'an", 34.41, 109.06), ("Duisburg", 51.4, 6.72),
            ("Moscow", 55.75, 37.62), ("Baku", 40.41, 49.87), ("Aktau", 43.65, 51.2),
        ]
        let water = [
            ("the middle of the Caspian Sea", 42.0, 50.5), ("the Black Sea", 43.0, 34.0), ("the Mediterranean", 35.0, 18.0),
            ("the Yellow Sea", 35.5, 123.5), ("the Baltic", 56.0, 19.0),
        ]
        for (name, lat, lon) in land { #expect(isLand(lat: lat, lon: lon), "\(name) is on land") }
        for (name, lat, lon) in water { #expect(!isLand(lat: lat, lon: lon), "\(name) is water") }
    }

    @Test func mapsDrawTheLandUnderTheNetwork() throws {
        let network = try NetworkReader.read(path: TestNetworks.chinaEurope)
        let html = SampleReport.document(network).html()
        let land = try #require(html.range(of: "<svg class=\"land\""))
        let firstLink = try #require(html.range(of: "class=\"link "))
        #expect(land.lowerBound < firstLink.lowerBound, "land is drawn first, under the links")
        #expect(html.contains("fill=\"#f6f4ee\""))
    }

    @Test func aPhoneGetsScrollableCardsWithLegibleMaps() throws {
        let network = try NetworkReader.read(path: TestNetworks.tiny)
        let html = SampleReport.document(network).html()
        #expect(html.contains("@media (max-width: 720px)"))
        #expect(html.contains("svg.map { min-width: 1000px; }"))
        #expect(html.contains(".map-card, .chart-card, .legend-card { overflow-x: auto; }"))
        #expect(html.contains("minmax(min(520px, 100%), 1fr)"))
    }
}
