import CorridorModel
import CorridorTestSupport
import Testing

// Known answers for networks/tiny.json, read off the file by hand: bakhty and its two links are
// proposed; urumqi-khorgos is the only bidirectional link; valueOfTimePerHour is 0.5.

private let baselineNodes = ["xian", "chongqing", "urumqi", "dostyk", "khorgos", "aktogay", "duisburg"]
private let baselineArcs = [
    "xian-urumqi", "chongqing-urumqi", "urumqi-dostyk", "urumqi-khorgos", "urumqi-khorgos (reverse)",
    "dostyk-aktogay", "khorgos-aktogay", "aktogay-duisburg",
]
private let thirdCrossingNodes = ["xian", "chongqing", "urumqi", "dostyk", "khorgos", "bakhty", "aktogay", "duisburg"]
private let thirdCrossingArcs = [
    "xian-urumqi", "chongqing-urumqi", "urumqi-dostyk", "urumqi-khorgos", "urumqi-khorgos (reverse)",
    "urumqi-bakhty", "dostyk-aktogay", "khorgos-aktogay", "bakhty-aktogay", "aktogay-duisburg",
]

private func tiny(_ scenario: String?) throws -> ActiveNetwork {
    try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: scenario)
}

private func capacity(of id: String, in active: ActiveNetwork) -> Double?? {
    active.nodes.first { $0.id == id }.map(\.capacity)
}

@Test func baselineLeavesProposedElementsOff() throws {
    for scenario in [nil, "baseline"] {
        let active = try tiny(scenario)
        #expect(active.scenarioID == "baseline")
        #expect(active.nodes.map(\.id) == baselineNodes)
        #expect(active.arcs.map(\.label) == baselineArcs)
        #expect(active.demands.map(\.quantity) == [120, 80])
        #expect(active.demands.map(\.unservedPenalty) == [5000, 5000])
        #expect(capacity(of: "dostyk", in: active) == .some(100))
        #expect(capacity(of: "khorgos", in: active) == .some(60))
    }
}

@Test func arcsPointAtDenseNodeIndicesAndCarryGeneralisedCosts() throws {
    let active = try tiny(nil)
    let reverse = try #require(active.arcs.firstIndex { $0.label == "urumqi-khorgos (reverse)" })
    #expect(active.arcs[reverse].from == active.nodeIndex(of: "khorgos"))
    #expect(active.arcs[reverse].to == active.nodeIndex(of: "urumqi"))
    #expect(active.arcs[reverse].cost == 80 && active.arcs[reverse].hours == 10)
    // c_a = cost + valueOfTimePerHour · hours = 300 + 0.5 · 50; h_n = 60 + 0.5 · 20.
    #expect(active.generalisedCost(ofArc: 0) == 325)
    #expect(try active.generalisedCost(ofNode: #require(active.nodeIndex(of: "dostyk"))) == 70)
    #expect(active.nodeIndex(of: "bakhty") == nil)
    #expect(active.demands.map(\.origin) == [0, 1])
    #expect(active.demands.map(\.destination) == [6, 6])
}

@Test func thirdCrossingSwitchesOnBakhtyAndItsLinks() throws {
    let active = try tiny("third-crossing")
    #expect(active.scenarioName == "Bakhty–Tacheng open")
    #expect(active.nodes.map(\.id) == thirdCrossingNodes)
    #expect(active.arcs.map(\.label) == thirdCrossingArcs)
    #expect(capacity(of: "bakhty", in: active) == .some(50))
    #expect(active.demands.map(\.quantity) == [120, 80])
}

@Test func thirdCrossingSmallCapsBakhtyAtTwenty() throws {
    let active = try tiny("third-crossing-small")
    #expect(active.nodes.map(\.id) == thirdCrossingNodes)
    #expect(active.arcs.map(\.label) == thirdCrossingArcs)
    #expect(capacity(of: "bakhty", in: active) == .some(20))
    #expect(capacity(of: "dostyk", in: active) == .some(100))
}

@Test func dostykOutageTakesDostykAndItsLinksOff() throws {
    let active = try tiny("dostyk-outage")
    #expect(active.nodes.map(\.id) == ["xian", "chongqing", "urumqi", "khorgos", "aktogay", "duisburg"])
    #expect(
        active.arcs.map(\.label) == [
            "xian-urumqi", "chongqing-urumqi", "urumqi-khorgos", "urumqi-khorgos (reverse)", "khorgos-aktogay",
            "aktogay-duisburg",
        ])
    #expect(active.demands.allSatisfy { $0.isServable })
}

@Test func growthReplacesThenScalesDemand() throws {
    let active = try tiny("growth")
    // chongqing-duisburg: 80 → 100, then × 1.5; xian-duisburg: 120 × 1.5.
    #expect(active.demands.map(\.id) == ["xian-duisburg", "chongqing-duisburg"])
    #expect(active.demands.map(\.quantity) == [180, 150])
    #expect(active.nodes.map(\.id) == baselineNodes)
    #expect(active.arcs.map(\.label) == baselineArcs)
}

@Test func khorgosUnlimitedLiftsTheCapAndCutsTheLineCost() throws {
    let active = try tiny("khorgos-unlimited")
    #expect(capacity(of: "khorgos", in: active) == .some(nil))
    #expect(capacity(of: "dostyk", in: active) == .some(100))
    #expect(active.arcs.first { $0.linkID == "khorgos-aktogay" }?.cost == 100)
    #expect(active.arcs.filter { $0.linkID == "urumqi-khorgos" }.map(\.cost) == [80, 80])
    #expect(active.arcs.first { $0.linkID == "aktogay-duisburg" }?.capacity == 250)
}

@Test func unknownScenarioIsRejectedWithASuggestion() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny)
    let known = "baseline, third-crossing, third-crossing-small, dostyk-outage, growth, khorgos-unlimited"
    #expect(throws: UnknownScenarioError.self) { try network.activate(scenario: "grwth") }
    do {
        _ = try network.activate(scenario: "grwth")
    } catch {
        #expect(error.description == "unknown scenario \"grwth\" (did you mean \"growth\"?); the network has: \(known)")
    }
    do {
        _ = try network.activate(scenario: "everything")
    } catch {
        #expect(error.description == "unknown scenario \"everything\"; the network has: \(known)")
    }
}

@Test func disableWinsOverEnableAndAnOffEndMakesADemandUnservable() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny)
    let active = network.activate(
        Scenario(id: "test", enable: ["bakhty", "urumqi-bakhty"], disable: ["bakhty", "xian"]))
    #expect(active.nodeIndex(of: "bakhty") == nil)
    #expect(!active.arcs.contains { $0.linkID == "urumqi-bakhty" || $0.linkID == "xian-urumqi" })
    #expect(active.demands.map(\.isServable) == [false, true])
    #expect(active.demands[0].origin == nil)
}
