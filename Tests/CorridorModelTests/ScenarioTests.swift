import CorridorModel
import CorridorTestSupport
import Testing

@Test func baselineLeavesProposedElementsOff() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny)
    let active = try network.activate(scenario: nil)
    #expect(active.nodes.map(\.id) == ["xian", "chongqing", "urumqi", "dostyk", "khorgos", "aktogay", "duisburg"])
    #expect(active.nodes.map(\.id) == ["xian", "chongqing", "urumqi", "dostyk", "khorgos", "aktogay", "duisburg"])
    #expect(
        active.arcs.map(\.label) == [
            "xian-urumqi", "chongqing-urumqi", "urumqi-dostyk", "urumqi-khorgos", "urumqi-khorgos (reverse)",
            "dostyk-aktogay", "khorgos-aktogay", "aktogay-duisburg",
        ])
}
