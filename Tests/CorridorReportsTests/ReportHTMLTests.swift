import CorridorModel
import CorridorTestSupport
import Foundation
import Testing

@testable import CorridorReports

@Suite struct ReportHTMLTests {
    private func sample() throws -> ReportDocument {
        SampleReport.document(try NetworkReader.read(path: TestNetworks.tiny))
    }

    /// No two series colours are near each other (RGB distance above 70 of 441; the old orange and mustard were 46 apart), and every line series
    /// but the first is dashed its own way, so equal values drawn over each other still show both.
    @Test func seriesHaveDistinctColoursAndDashes() throws {
        func rgb(_ hex: String) -> [Double] {
            let value = Int(hex.dropFirst(), radix: 16) ?? 0
            return [Double(value >> 16 & 255), Double(value >> 8 & 255), Double(value & 255)]
        }
        for (i, first) in Palette.categorical.enumerated() {
            for second in Palette.categorical[(i + 1)...] {
                let distance = zip(rgb(first), rgb(second)).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(distance > 70, "\(first) and \(second) are too alike")
            }
        }
        #expect(Set(Palette.dashes).count == Palette.dashes.count)
        let html = try sample().html()
        #expect(html.contains("stroke-dasharray=\"8 4\"/>"), "the second series is dashed")
    }

    @Test func wholePageIsWellFormedXML() throws {
        let html = try sample().html()
        let (check, error) = XMLCheck.parse(html)
        #expect(error == nil, "\(error ?? "")")
        #expect(check.elements.first?.name == "html")
        // 2 maps + insets, each with its land, legend, 2 share, 3 line
        #expect(check.elements.filter { $0.name == "svg" }.count == 14)
        #expect(check.elements.filter { $0.name == "table" }.count == 2)
    }

    @Test func everySVGFragmentParsesOnItsOwn() throws {
        let fragments = svgFragments(try sample().html())
        #expect(fragments.count == 8)
        for fragment in fragments {
            let (check, error) = XMLCheck.parse(fragment)
            #expect(error == nil, "\(error ?? "") in \(fragment.prefix(120))")
            #expect(check.elements.first?.attributes["xmlns"] == "http://www.w3.org/2000/svg")
        }
    }

    @Test func pageIsSelfContained() throws {
        let html = try sample().html()
        for forbidden in ["<script", "<link", "http://", "https://", "url(", "@import", "src="] {
            let hits = html.components(separatedBy: forbidden).count - 1
            let namespaces = forbidden == "http://" ? html.components(separatedBy: "http://www.w3.org/").count - 1 : 0
            #expect(hits == namespaces, "found \(forbidden)")
        }
    }

    @Test func textIsEscapedEverywhere() throws {
        let nasty = "<Dostyk & \"Co\">"
        let document = ReportDocument(
            title: nasty, subtitle: nasty, generatedNote: nasty,
            maps: [
                ReportMap(
                    title: nasty,
                    nodes: [
                        MapNode(id: "a", name: nasty, lat: 45, lon: 82, kind: .crossing, utilisation: 0.5, flow: 5),
                        MapNode(id: "b", name: "B", lat: 51, lon: 7, kind: .terminal),
                    ],
                    links: [MapLink(id: nasty, fromID: "a", toID: "b", flow: 5)], flowUnit: nasty)
            ],
            tables: [ReportTable(title: nasty, headers: [nasty], rows: [[.init(nasty)]], footnote: nasty)],
            shareCharts: [ShareChart(title: nasty, categories: [nasty], series: [.init(name: nasty, values: [1])])],
            lineCharts: [
                LineChart(
                    title: nasty, xTitle: nasty, yTitle: nasty, xValues: [1, 2],
                    series: [.init(name: nasty, values: [1, 2])], markers: [.init(x: 1, label: nasty)])
            ],
            notes: [nasty, "bell \u{7} and nul \u{0}"])
        let html = document.html()
        #expect(!html.contains(nasty))
        #expect(html.contains("&lt;Dostyk &amp; &quot;Co&quot;&gt;"))
        let (check, error) = XMLCheck.parse(html)
        #expect(error == nil, "\(error ?? "")")
        #expect(check.text.contains(nasty))
        #expect(check.text.contains("bell \u{FFFD} and nul \u{FFFD}"))
    }

    @Test func outputIsDeterministic() throws {
        let first = try sample().html()
        let second = try sample().html()
        #expect(first == second)
        // Building the same document in another order of dictionary traversal must not matter either.
        #expect(first.utf8.count > 20_000)
    }

    @Test func proposedElementsCarryTheirMarkers() throws {
        let html = try sample().html()
        let (check, error) = XMLCheck.parse(html)
        #expect(error == nil)
        // The Kazakh crossings crowd together, so each map draws them twice: on the map and in its inset.
        #expect(check.elements("svg", withClass: "detail-inset").count == 2)
        // Two proposed links, twice on each of two maps, each with a casing under it.
        #expect(check.elements("line", withClass: "proposed").count == 8)
        #expect(check.elements("line", withClass: "proposed-casing").count == 8)
        // Bakhty is proposed on both maps: a group marked proposed with a dashed ring.
        #expect(check.elements("g", withClass: "proposed").count == 4)
        #expect(check.elements("circle", withClass: "proposed-ring").count == 4)
        // In the baseline Bakhty and its links are off.
        #expect(check.elements("g", withClass: "inactive").count == 2)
        #expect(check.elements("line", withClass: "inactive").count == 4)
        #expect(html.contains(">proposed</text>"))
    }

    @Test func bindingCrossingsAreMarked() throws {
        let (check, _) = XMLCheck.parse(try sample().html())
        // Baseline: Dostyk and Khorgos full; scenario: Dostyk and Bakhty full; each drawn twice (map, inset).
        #expect(check.elements("g", withClass: "binding").count == 8)
        #expect(check.elements("g", withClass: "crossing").count == 12)
    }

    @Test func crowdedCrossingsAreLabelledOnlyInTheInset() throws {
        let (check, _) = XMLCheck.parse(try sample().html())
        let labels = check.elements.filter { $0.name == "text" && $0.attributes["class"] == "label halo" }
        // Per map: Duisburg, Xi'an, Chongqing on the map; three crossings, Aktogay (and perhaps Urumqi) inset.
        #expect(labels.count >= 2 * 7 && labels.count <= 2 * 8)
    }

    @Test func tablesAlignNumbersRightAndMarkChanges() throws {
        let document = try sample()
        let table = document.tables[0]
        #expect(table.columns.map(\.alignment) == [.left, .right, .right, .right, .right, .right, .right])
        let (check, _) = XMLCheck.parse(document.html())
        #expect(check.elements("td", withClass: "changed").count == 2)
        #expect(check.elements("td", withClass: "better").count >= 3)
        #expect(check.elements("td", withClass: "worse").count >= 2)
        #expect(check.elements("th", withClass: "num").count == 6 + 3)
    }

    @Test(arguments: [
        ("1,234.5", true), ("−12", true), ("+40", true), ("82%", true), ("Δ 5", true), ("—", true),
        ("Dostyk", false), ("2024-01", false), ("", false), ("12 TEU", false),
    ])
    func numericCellsAreRecognised(text: String, numeric: Bool) {
        #expect(ReportTable.looksNumeric(text) == numeric)
    }

    @Test func emptyDocumentStillRenders() {
        let html = ReportDocument(title: "Nothing").html()
        let (check, error) = XMLCheck.parse(html)
        #expect(error == nil)
        #expect(check.elements.filter { $0.name == "section" }.isEmpty)
    }

    @Test func mapWithoutCoordinatesSaysSo() {
        let map = ReportMap(
            title: "Nowhere", nodes: [MapNode(id: "a", name: "A", lat: .nan, lon: 5, kind: .terminal)], links: [])
        let html = ReportDocument(title: "T", maps: [map]).html()
        #expect(html.contains("No node has coordinates"))
    }

    @Test func linksWithoutDrawableEndsAreCounted() {
        let map = ReportMap(
            title: "Partial",
            nodes: [
                MapNode(id: "a", name: "A", lat: 45, lon: 80, kind: .terminal),
                MapNode(id: "b", name: "B", lat: 50, lon: 10, kind: .terminal),
            ],
            links: [
                MapLink(id: "ab", fromID: "a", toID: "b", flow: 3),
                MapLink(id: "ax", fromID: "a", toID: "missing", flow: 3),
            ])
        let html = ReportDocument(title: "T", maps: [map]).html()
        #expect(html.contains("1 link is not drawn"))
    }
}

@Suite struct ReportRobustnessTests {
    @Test func nonFiniteAndExtremeNumbersNeverBreakThePage() {
        let values: [Double] = [.nan, .infinity, -.infinity, 1e300, -1e300, 0]
        let map = ReportMap(
            title: "Odd",
            nodes: values.enumerated().map { index, value in
                MapNode(
                    id: "n\(index)", name: "N\(index)", lat: 40 + Double(index), lon: 60 + Double(index) * 5,
                    kind: index.isMultiple(of: 2) ? .crossing : .terminal, utilisation: value, flow: value)
            } + [MapNode(id: "lost", name: "Lost", lat: .nan, lon: .infinity, kind: .terminal)],
            links: values.indices.dropFirst().map { index in
                MapLink(
                    id: "l\(index)", fromID: "n\(index - 1)", toID: "n\(index)", flow: values[index],
                    capacity: values[index], utilisation: values[index])
            })
        let document = ReportDocument(
            title: "Odd numbers", maps: [map],
            shareCharts: [
                ShareChart(title: "Odd", categories: ["a", "b", "c"], series: [.init(name: "s", values: values)])
            ],
            lineCharts: [
                LineChart(
                    title: "Odd", xTitle: "x", yTitle: "y", xValues: values, series: [.init(name: "s", values: values)]),
                LineChart(title: "Empty", xTitle: "x", yTitle: "y", xValues: [], series: []),
                LineChart(
                    title: "Wide", xTitle: "x", yTitle: "y", xValues: [-1e308, 1e308],
                    series: [.init(name: "s", values: [1, 2])]),
            ])
        let html = document.html()
        let (_, error) = XMLCheck.parse(html)
        #expect(error == nil, "\(error ?? "")")
        for bad in ["nan", "inf\"", "=\"inf", "NaN"] { #expect(!html.contains(bad), "found \(bad)") }
    }

    @Test func compactNetworksSitSideBySideLongOnesStack() {
        func map(_ coordinates: [(Double, Double)]) -> ReportMap {
            ReportMap(
                title: "M",
                nodes: coordinates.enumerated().map { index, point in
                    MapNode(id: "n\(index)", name: "N\(index)", lat: point.0, lon: point.1, kind: .terminal)
                }, links: [])
        }
        let compact = map([(40, 20), (50, 30)])
        let long = map([(40, 0), (50, 120)])
        #expect(ReportDocument(title: "T", maps: [compact, compact]).html().contains("class=\"maps side\""))
        #expect(!ReportDocument(title: "T", maps: [long, long]).html().contains("class=\"maps side\""))
        #expect(!ReportDocument(title: "T", maps: [compact]).html().contains("class=\"maps side\""))
    }

    @Test func insetGoesUnderTheMapWhenEveryCornerHoldsANode() throws {
        // Three crossings within a fraction of a degree, and a terminal in each corner of the map.
        let crossings = [(45.0, 80.0), (45.3, 80.4), (44.8, 80.6)].enumerated().map { index, point in
            MapNode(id: "c\(index)", name: "Crossing \(index)", lat: point.0, lon: point.1, kind: .crossing)
        }
        let corners = [(30.0, 0.0), (60.0, 0.0), (30.0, 120.0), (60.0, 120.0)].enumerated().map { index, point in
            MapNode(id: "t\(index)", name: "T\(index)", lat: point.0, lon: point.1, kind: .terminal)
        }
        let map = ReportMap(title: "Crowded", nodes: crossings + corners, links: [])
        let renderer = try #require(MapRenderer(maps: [map], width: 1240, heights: 360...720))
        let (check, error) = XMLCheck.parse(renderer.svg(map).svg)
        #expect(error == nil)
        let inset = try #require(check.elements("svg", withClass: "detail-inset").first)
        let top = try #require(inset["y"].flatMap(Double.init))
        #expect(top >= renderer.projection.height)
        let outer = try #require(check.elements.first?.attributes["height"].flatMap(Double.init))
        #expect(outer > renderer.projection.height + 300)
    }

    @Test func insetTakesAnEmptyCornerWhenThereIsOne() throws {
        let network = try NetworkReader.read(path: TestNetworks.tiny)
        let map = SampleReport.map(network, title: "Baseline", flows: SampleReport.baseline)
        let renderer = try #require(MapRenderer(maps: [map], width: 1240, heights: 360...720))
        let (check, _) = XMLCheck.parse(renderer.svg(map).svg)
        let inset = try #require(check.elements("svg", withClass: "detail-inset").first)
        let bottom = try #require(inset["y"].flatMap(Double.init)).advanced(
            by: try #require(inset["height"].flatMap(Double.init)))
        #expect(bottom <= renderer.projection.height)
    }
}
