import CorridorImpact
import CorridorModel
import CorridorReports
import CorridorTestSupport
import Testing

/// The report of tiny.json's baseline against `third-crossing` draws the allocation's own flows:
/// Dostyk 100 and Khorgos 60 in the baseline (both full), Bakhty 50, Dostyk 100, Khorgos 50 with it.
@Test func comparisonReportMapsCarryTheAllocatedFlows() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny)
    let comparison = try compare(
        baseline: try network.activate(scenario: "baseline"), scenario: try network.activate(scenario: "third-crossing"))
    let document = ComparisonReportDocument.make(comparison, source: "tiny.json")
    #expect(document.maps.count == 2)
    func node(_ map: ReportMap, _ id: String) -> MapNode? { map.nodes.first { $0.id == id } }
    func link(_ map: ReportMap, _ id: String) -> MapLink? { map.links.first { $0.id == id } }
    let before = document.maps[0]
    let after = document.maps[1]
    #expect(node(before, "dostyk")?.flow == 100 && node(before, "dostyk")?.utilisation == 1)
    #expect(node(before, "khorgos")?.flow == 60)
    #expect(node(before, "bakhty")?.isActive == false && node(before, "bakhty")?.isProposed == true)
    #expect(link(before, "urumqi-bakhty")?.isActive == false)
    #expect(node(after, "bakhty")?.flow == 50 && node(after, "bakhty")?.isActive == true)
    #expect(link(after, "aktogay-duisburg")?.flow == 200 && link(after, "aktogay-duisburg")?.utilisation == 0.8)
    // A bidirectional link's map flow adds both directions; urumqi-khorgos carries 50 one way only.
    #expect(link(after, "urumqi-khorgos")?.flow == 50)
    #expect(document.shareCharts.first?.categories == ["Dostyk–Alashankou", "Altynkol–Khorgos", "Bakhty–Tacheng"])
    #expect(document.lineCharts.isEmpty)
}

@Test func chartLabelsDropParenthesisedDetail() {
    #expect(ComparisonReportDocument.shortName("Altynkol–Khorgos (incl. Khorgos Gateway dry port)") == "Altynkol–Khorgos")
    #expect(ComparisonReportDocument.shortName("Dostyk–Alashankou") == "Dostyk–Alashankou")
    #expect(ComparisonReportDocument.shortName("(odd) name") == "(odd) name")
}
