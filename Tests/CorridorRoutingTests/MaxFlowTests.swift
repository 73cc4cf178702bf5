import CorridorRouting
import CorridorTestSupport
import Testing

/// A directed graph with capacities, written out for tests.
struct FlowGraph<Value: MaxFlowValue> {
    var nodeCount: Int
    var source: Int
    var sink: Int
    var tails: [Int32] = []
    var heads: [Int32] = []
    var capacities: [Value] = []

    mutating func add(_ tail: Int, _ head: Int, _ capacity: Value) {
        tails.append(Int32(tail))
        heads.append(Int32(head))
        capacities.append(capacity)
    }

    func solve() throws -> MaxFlowSolution<Value> {
        try maximumFlow(
            nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads, capacities: capacities)
    }
}

/// Checks everything a max-flow answer must satisfy on its own: capacities respected, flow conserved,
/// the value leaving the source, the cut's capacity equal to the value, its arcs saturated, arcs back
/// across it empty, and its removal disconnecting the sink.
func expectCertificate<Value>(
    _ exactGraph: FlowGraph<Value>, _ exactSolution: MaxFlowSolution<Value>, tolerance: Double = 1e-7,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    let graph = FlowGraph<Double>(
        nodeCount: exactGraph.nodeCount, source: exactGraph.source, sink: exactGraph.sink, tails: exactGraph.tails,
        heads: exactGraph.heads, capacities: exactGraph.capacities.map(\.doubleValue))
    let solution = (
        value: exactSolution.value.doubleValue, arcFlows: exactSolution.arcFlows.map(\.doubleValue),
        sourceSide: exactSolution.sourceSide, cutArcs: exactSolution.cutArcs
    )
    var balance = [Double](repeating: 0, count: graph.nodeCount)
    for index in graph.tails.indices {
        let flow = solution.arcFlows[index]
        #expect(
            flow >= 0 && flow <= graph.capacities[index] + tolerance, "arc \(index)", sourceLocation: sourceLocation)
        balance[Int(graph.tails[index])] -= flow
        balance[Int(graph.heads[index])] += flow
    }
    for node in 0..<graph.nodeCount where node != graph.source && node != graph.sink {
        #expect(abs(balance[node]) <= tolerance, "node \(node) not conserved", sourceLocation: sourceLocation)
    }
    #expect(abs(balance[graph.sink] - solution.value) <= tolerance, sourceLocation: sourceLocation)
    #expect(abs(balance[graph.source] + solution.value) <= tolerance, sourceLocation: sourceLocation)
    let cutCapacity = solution.cutArcs.reduce(0) { $0 + graph.capacities[$1] }
    #expect(abs(cutCapacity - solution.value) <= tolerance, sourceLocation: sourceLocation)
    #expect(solution.sourceSide[graph.source] && !solution.sourceSide[graph.sink], sourceLocation: sourceLocation)
    for index in graph.tails.indices {
        let tailInside = solution.sourceSide[Int(graph.tails[index])]
        let headInside = solution.sourceSide[Int(graph.heads[index])]
        if tailInside && !headInside {
            #expect(
                abs(solution.arcFlows[index] - graph.capacities[index]) <= tolerance, sourceLocation: sourceLocation)
        }
        if !tailInside && headInside { #expect(solution.arcFlows[index] <= tolerance, sourceLocation: sourceLocation) }
    }
    let removed = Set(solution.cutArcs)
    var reached = [Bool](repeating: false, count: graph.nodeCount)
    reached[graph.source] = true
    var stack = [graph.source]
    while let node = stack.popLast() {
        for index in graph.tails.indices where Int(graph.tails[index]) == node && !removed.contains(index) {
            let head = Int(graph.heads[index])
            if !reached[head] {
                reached[head] = true
                stack.append(head)
            }
        }
    }
    #expect(!reached[graph.sink], "the sink is still reachable without the cut", sourceLocation: sourceLocation)
}

/// Edmonds–Karp (shortest augmenting paths on an adjacency matrix): slow, simple, independent.
func edmondsKarpValue(_ graph: FlowGraph<Int64>) -> Int64 {
    let n = graph.nodeCount
    var residual = [[Int64]](repeating: [Int64](repeating: 0, count: n), count: n)
    for index in graph.tails.indices {
        residual[Int(graph.tails[index])][Int(graph.heads[index])] += graph.capacities[index]
    }
    var total: Int64 = 0
    while true {
        var parent = [Int](repeating: -1, count: n)
        parent[graph.source] = graph.source
        var queue = [graph.source]
        var front = 0
        while front < queue.count && parent[graph.sink] < 0 {
            let node = queue[front]
            front += 1
            for next in 0..<n where parent[next] < 0 && residual[node][next] > 0 {
                parent[next] = node
                queue.append(next)
            }
        }
        if parent[graph.sink] < 0 { return total }
        var bottleneck = Int64.max
        var node = graph.sink
        while node != graph.source {
            bottleneck = min(bottleneck, residual[parent[node]][node])
            node = parent[node]
        }
        node = graph.sink
        while node != graph.source {
            residual[parent[node]][node] -= bottleneck
            residual[node][parent[node]] += bottleneck
            node = parent[node]
        }
        total += bottleneck
    }
}

func randomGraph(nodes: Int, arcs: Int, maximumCapacity: Int64, using generator: inout SeededGenerator) -> FlowGraph<
    Int64
> {
    var graph = FlowGraph<Int64>(nodeCount: nodes, source: 0, sink: nodes - 1)
    for _ in 0..<arcs {
        graph.add(
            Int.random(in: 0..<nodes, using: &generator), Int.random(in: 0..<nodes, using: &generator),
            Int64.random(in: 0...maximumCapacity, using: &generator))
    }
    return graph
}

extension FlowGraph where Value == Int64 {
    var asDouble: FlowGraph<Double> {
        FlowGraph<Double>(
            nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads,
            capacities: capacities.map(Double.init))
    }
}

// CLRS, Introduction to Algorithms (3rd ed.), Figure 26.1: value 23; the cut is
// ({s, v1, v2, v4}, {v3, t}) with arcs v1→v3 (12), v4→v3 (7), v4→t (4).
@Test func clrsFigure26_1HasValue23() throws {
    let (s, v1, v2, v3, v4, t) = (0, 1, 2, 3, 4, 5)
    var graph = FlowGraph<Int64>(nodeCount: 6, source: s, sink: t)
    graph.add(s, v1, 16)
    graph.add(s, v2, 13)
    graph.add(v2, v1, 4)
    graph.add(v1, v3, 12)
    graph.add(v3, v2, 9)
    graph.add(v2, v4, 14)
    graph.add(v4, v3, 7)
    graph.add(v3, t, 20)
    graph.add(v4, t, 4)
    let solution = try graph.solve()
    #expect(solution.value == 23)
    #expect(solution.cutArcs == [3, 6, 8])
    #expect(solution.sourceSide == [true, true, true, false, true, false])
    expectCertificate(graph, solution)
}

// GLPK's examples/sample.max (glpk-utils 5.0, /usr/share/doc/glpk-utils/examples/sample.max), solved by
// `glpsol --maxflow`: value 29, and the arcs at their upper bound with a nonzero marginal — (2,3), (5,7),
// (6,7), (6,8) — form the cut.
@Test func glpkSampleHasValue29() throws {
    let text = """
        c sample.max
        p max 9 14
        n 1 s
        n 9 t
        a 1 2 14
        a 1 4 23
        a 2 3 10
        a 2 4  9
        a 3 5 12
        a 3 8 18
        a 4 5 26
        a 5 2 11
        a 5 6 25
        a 5 7  4
        a 6 7  7
        a 6 8  8
        a 7 9 15
        a 8 9 20
        """
    let problem = try MaxFlowProblem.read(text: text, source: "sample.max")
    guard case .whole(let solution) = try maximumFlow(on: problem) else {
        Issue.record("whole capacities should be solved exactly")
        return
    }
    #expect(solution.value == 29)
    let cut = solution.cutArcs.map { (problem.tails[$0] + 1, problem.heads[$0] + 1) }
    #expect(cut.map(\.0) == [2, 5, 6, 6] && cut.map(\.1) == [3, 7, 7, 8])
}

@Test func sinkOutOfReachGivesZeroAndTheSourceAloneAsSourceSide() throws {
    var graph = FlowGraph<Int64>(nodeCount: 4, source: 0, sink: 3)
    graph.add(0, 1, 5)
    graph.add(2, 3, 5)
    let solution = try graph.solve()
    #expect(solution.value == 0)
    #expect(solution.cutArcs.isEmpty)
    #expect(solution.sourceSide == [true, true, false, false])
}

@Test func invalidProblemsAreRefused() {
    #expect(throws: MaxFlowInputError.self) {
        try maximumFlow(nodeCount: 2, source: 0, sink: 0, tails: [0], heads: [1], capacities: [Int64(1)])
    }
    #expect(throws: MaxFlowInputError.self) {
        try maximumFlow(nodeCount: 2, source: 0, sink: 1, tails: [0], heads: [2], capacities: [Int64(1)])
    }
    #expect(throws: MaxFlowInputError.self) {
        try maximumFlow(nodeCount: 2, source: 0, sink: 1, tails: [0], heads: [1], capacities: [-1.0])
    }
    #expect(throws: MaxFlowInputError.self) {
        try maximumFlow(
            nodeCount: 2, source: 0, sink: 1, tails: [0, 0], heads: [1, 1], capacities: [Int64.max, 1])
    }
    #expect(throws: MaxFlowInputError.self) {
        try maximumFlow(nodeCount: 2, source: 0, sink: 1, tails: [0, 0], heads: [1, 1], capacities: [1.7e308, 1.7e308])
    }
}

@Test(arguments: 0..<40)
func randomGraphsMatchEdmondsKarpAndCarryACertificate(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(seed))
    let nodes = Int.random(in: 2...30, using: &generator)
    let graph = randomGraph(
        nodes: nodes, arcs: Int.random(in: 0...(nodes * 5), using: &generator), maximumCapacity: 20,
        using: &generator)
    let solution = try graph.solve()
    #expect(solution.value == edmondsKarpValue(graph), "seed \(seed)")
    expectCertificate(graph, solution)

    var doubled = graph
    doubled.capacities = graph.capacities.map { $0 * 2 }
    #expect(try doubled.solve().value == 2 * solution.value, "seed \(seed)")

    let decimal = try graph.asDouble.solve()
    #expect(abs(decimal.value - Double(solution.value)) <= 1e-9, "seed \(seed)")
    expectCertificate(graph.asDouble, decimal)
}

@Test(arguments: 0..<20)
func decimalCapacitiesCarryACertificate(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(1000 + seed))
    let nodes = Int.random(in: 2...40, using: &generator)
    var graph = FlowGraph<Double>(nodeCount: nodes, source: 0, sink: nodes - 1)
    for _ in 0..<(nodes * 4) {
        graph.add(
            Int.random(in: 0..<nodes, using: &generator), Int.random(in: 0..<nodes, using: &generator),
            Double.random(in: 0...10, using: &generator))
    }
    let solution = try graph.solve()
    expectCertificate(graph, solution)
    var scaled = graph
    scaled.capacities = graph.capacities.map { $0 * 2 }
    #expect(abs(try scaled.solve().value - 2 * solution.value) <= 1e-7, "seed \(seed)")
}

/// Layered graphs with many equal labels exercise the gap heuristic and repeated global relabelling.
@Test(arguments: 0..<5)
func largerLayeredGraphsMatchEdmondsKarp(seed: Int) throws {
    var generator = SeededGenerator(seed: UInt64(7000 + seed))
    let width = 12
    let layers = 10
    var graph = FlowGraph<Int64>(nodeCount: width * layers + 2, source: width * layers, sink: width * layers + 1)
    for node in 0..<width { graph.add(graph.source, node, Int64.random(in: 1...100, using: &generator)) }
    for layer in 0..<(layers - 1) {
        for node in 0..<width {
            for _ in 0..<3 {
                graph.add(
                    layer * width + node, (layer + 1) * width + Int.random(in: 0..<width, using: &generator),
                    Int64.random(in: 0...60, using: &generator))
            }
            graph.add((layer + 1) * width + node, layer * width + Int.random(in: 0..<width, using: &generator), 7)
        }
    }
    for node in 0..<width {
        graph.add((layers - 1) * width + node, graph.sink, Int64.random(in: 1...100, using: &generator))
    }
    let solution = try graph.solve()
    #expect(solution.value == edmondsKarpValue(graph), "seed \(seed)")
    expectCertificate(graph, solution)
}

/// Which exact arithmetic a decimal max-flow picks, and that it gives the written decimal answer.
@Test func decimalMaxFlowPicksExactArithmetic() throws {
    func solve(_ capacities: [Double]) throws -> (Double, DecimalMaxFlowArithmetic) {
        // Parallel arcs from node 0 to node 1.
        let result = try exactDecimalMaximumFlow(
            nodeCount: 2, source: 0, sink: 1, tails: capacities.map { _ in 0 }, heads: capacities.map { _ in 1 },
            capacities: capacities)
        return (result.solution.value, result.arithmetic)
    }
    #expect(try solve([0.1, 0.2]) == (0.3, .decimal(places: 1, wide: false)))
    #expect(try solve([1e9, 1e-6, 2.5e-7]) == (1000000000.00000125, .decimal(places: 8, wide: false)))
    // 17 significant digits across ten orders of magnitude: 128-bit integers.
    #expect(try solve([1.2345678901234567e5, 1.2345678901234567e-5]) == (123456.78902469135, .decimal(places: 21, wide: true)))
    #expect(try solve([1e300, 1e-300]).1 == .double)
}
