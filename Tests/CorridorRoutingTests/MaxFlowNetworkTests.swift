import CorridorModel
import CorridorRouting
import CorridorTestSupport
import Testing

private func tinyMaxFlow(scenario: String? = nil, from: [String]? = nil, to: [String]? = nil) throws -> MaxFlowResult {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: scenario)
    return try maximumFlow(in: network, from: from?.map { network.node($0) }, to: to?.map { network.node($0) })
}

private func cutSummary(_ result: MaxFlowResult) -> [String] {
    result.cut.map { "\($0.label) \($0.kind.rawValue) \(JSONValue.format($0.capacity))" }
}

// Worked by hand on networks/tiny.json: xian and chongqing reach urumqi without limit; from there only
// the crossings dostyk (100) and khorgos (60) lead on, to aktogay and over aktogay-duisburg (250).
@Test func tinyBaselineIsLimitedByTheTwoCrossings() throws {
    let result = try tinyMaxFlow()
    #expect(result.sources == ["xian", "chongqing"] && result.sinks == ["duisburg"])
    #expect(result.value == 160)
    #expect(cutSummary(result) == ["dostyk node 100", "khorgos node 60"])
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate()
    #expect(result.nodeFlows[network.nodeIndex(of: "dostyk") ?? -1] == 100)
    #expect(result.nodeFlows[network.nodeIndex(of: "khorgos") ?? -1] == 60)
    #expect(result.nodeFlows[network.nodeIndex(of: "duisburg") ?? -1] == 160)
}

// Bakhty adds 50: 100 + 60 + 50 = 210, still below aktogay-duisburg's 250.
@Test func tinyThirdCrossingAddsBakhtyToTheCut() throws {
    let result = try tinyMaxFlow(scenario: "third-crossing")
    #expect(result.value == 210)
    #expect(cutSummary(result) == ["dostyk node 100", "khorgos node 60", "bakhty node 50"])
}

// Khorgos unlimited: the crossings no longer bind, aktogay-duisburg (250) does.
@Test func tinyUnlimitedKhorgosMovesTheCutToTheLineIntoEurope() throws {
    let result = try tinyMaxFlow(scenario: "khorgos-unlimited")
    #expect(result.value == 250)
    #expect(cutSummary(result) == ["aktogay-duisburg link 250"])
}

@Test func tinyDostykOutageLeavesKhorgosAlone() throws {
    let result = try tinyMaxFlow(scenario: "dostyk-outage")
    #expect(result.value == 60)
    #expect(cutSummary(result) == ["khorgos node 60"])
}

@Test func aPathWithoutAnyCapacityIsUnboundedAndNamed() throws {
    let result = try tinyMaxFlow(scenario: "khorgos-unlimited", from: ["urumqi"], to: ["aktogay"])
    #expect(result.isUnbounded && result.value == nil && result.cut.isEmpty)
    #expect(result.unlimitedPath?.nodes == ["urumqi", "khorgos", "aktogay"])
    #expect(result.unlimitedPath?.links == ["urumqi-khorgos", "khorgos-aktogay"])
}

@Test func aSinkWithACapacityBoundsAnOtherwiseUnlimitedPath() throws {
    // The same path, but ending at khorgos whose own capacity (60) counts in the baseline.
    let result = try tinyMaxFlow(from: ["urumqi"], to: ["khorgos"])
    #expect(result.value == 60)
    #expect(cutSummary(result) == ["khorgos node 60"])
}

@Test func aBidirectionalLinksReverseDirectionIsNamedInTheCut() throws {
    let network = Network(
        name: "two-way",
        nodes: [Node(id: "a", kind: .terminal), Node(id: "b", kind: .terminal)],
        links: [Link(id: "a-b", from: "a", to: "b", capacity: 30, bidirectional: true)]
    ).activate(Scenario(id: Scenario.baselineID, name: "Base"))
    let result = try maximumFlow(in: network, from: [network.node("b")], to: [network.node("a")])
    #expect(result.value == 30)
    #expect(result.cut.map(\.label) == ["a-b (reverse)"])
    #expect(result.cut.first?.isReverse == true)
}

@Test func badEndsAreNamed() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny).activate()
    #expect(
        throws: ElementResolutionError(
            id: "dostik", role: .source, expected: .node, scenario: "baseline", fault: .unknown(suggestion: "dostyk"))
    ) { try network.resolveNodes(["dostik"], as: .source) }
    #expect(
        throws: ElementResolutionError(
            id: "bakhty", role: .sink, expected: .node, scenario: "baseline",
            fault: .off(kind: "node", enabledBy: ["third-crossing", "third-crossing-small"]))
    ) { try network.resolveNodes(["bakhty"], as: .sink) }
    #expect(throws: MaxFlowNetworkError.sourceIsSink(id: "urumqi", fromDemands: false)) {
        try maximumFlow(in: network, from: [network.node("xian"), network.node("urumqi")], to: [network.node("urumqi")])
    }
}

/// An independent reduction: node splitting written again, unlimited = a large finite number, solved
/// by Edmonds–Karp. A value at or above that number means unbounded.
private func oracleValue(_ network: ActiveNetwork, sources: [Int], sinks: [Int], unlimited: Int64) -> Int64 {
    let count = network.nodes.count
    var graph = FlowGraph<Int64>(nodeCount: 2 * count + 2, source: 2 * count, sink: 2 * count + 1)
    for (index, node) in network.nodes.enumerated() {
        graph.add(2 * index, 2 * index + 1, node.capacity.map { Int64($0) } ?? unlimited)
    }
    for arc in network.arcs { graph.add(2 * arc.from + 1, 2 * arc.to, arc.capacity.map { Int64($0) } ?? unlimited) }
    for node in sources { graph.add(graph.source, 2 * node, unlimited) }
    for node in sinks { graph.add(2 * node + 1, graph.sink, unlimited) }
    return edmondsKarpValue(graph)
}

@Test(arguments: 0..<60)
func randomCorridorsMatchAnIndependentReduction(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(500 + seed))
    let nodeCount = Int.random(in: 3...12, using: &generator)
    // Odd seeds leave most capacities out, so that unbounded answers are common too.
    let unlimitedShare = seed.isMultiple(of: 2) ? 0.3 : 0.6
    func capacity() -> Double? {
        Double.random(in: 0..<1, using: &generator) < unlimitedShare
            ? nil : Double(Int.random(in: 0...40, using: &generator))
    }
    let nodes = (0..<nodeCount).map { Node(id: "n\($0)", kind: .junction, capacity: capacity()) }
    var links: [Link] = []
    for index in 0..<Int.random(in: 0...(nodeCount * 3), using: &generator) {
        let from = Int.random(in: 0..<nodeCount, using: &generator)
        var to = Int.random(in: 0..<nodeCount, using: &generator)
        if to == from { to = (to + 1) % nodeCount }
        links.append(
            Link(
                id: "l\(index)", from: "n\(from)", to: "n\(to)", capacity: capacity(),
                bidirectional: Bool.random(using: &generator)))
    }
    let network = Network(name: "random", nodes: nodes, links: links)
        .activate(Scenario(id: Scenario.baselineID, name: "Base"))
    let shuffled = (0..<nodeCount).shuffled(using: &generator)
    let split = Int.random(in: 1..<nodeCount, using: &generator)
    let sources = Array(shuffled[..<Int.random(in: 1...split, using: &generator)])
    let sinks = Array(shuffled[split...].prefix(Int.random(in: 1...(nodeCount - split), using: &generator)))
    let result = try maximumFlow(
        in: network, from: sources.map { network.node("n\($0)") }, to: sinks.map { network.node("n\($0)") })

    let unlimited: Int64 = 1_000_000
    let expected = oracleValue(network, sources: sources, sinks: sinks, unlimited: unlimited)
    if expected >= unlimited {
        #expect(result.isUnbounded, "seed \(seed)")
        return
    }
    #expect(result.value == Double(expected), "seed \(seed)")
    #expect(result.cut.reduce(0) { $0 + $1.capacity } == result.value, "seed \(seed)")
    var balance = [Double](repeating: 0, count: nodeCount)
    for (index, arc) in network.arcs.enumerated() {
        let flow = result.arcFlows[index]
        #expect(flow >= 0 && flow <= (arc.capacity ?? .infinity), "seed \(seed)")
        balance[arc.from] -= flow
        balance[arc.to] += flow
    }
    for (index, node) in network.nodes.enumerated() {
        #expect(result.nodeFlows[index] <= (node.capacity ?? .infinity), "seed \(seed)")
        if !sources.contains(index) && !sinks.contains(index) {
            #expect(balance[index] == 0, "seed \(seed): node n\(index) not conserved")
        }
    }
}
