import CorridorModel
import CorridorTestSupport
import Testing

@testable import CorridorRouting

@Test func dijkstraMatchesTheCLRSFigure() throws {
    let problem = try ShortestPathProblem(scanner: DIMACSScanner(text: DIMACSSamples.clrsFigure24_6(), source: "clrs.gr"))
    guard case .integer(let lengths) = problem.lengths else {
        Issue.record("integral lengths should stay integers")
        return
    }
    let tree = Dijkstra.run(in: problem.graph, slotWeights: lengths, from: 0)
    #expect(tree.distances == [0, 8, 9, 5, 7])
    #expect(problem.distanceSummary(from: 1) == DistanceSummary(reached: 5, distanceSum: .integer(29)))
    // From x (3) every node is reachable too: x→z 4, z→s 11, s→y 16, y→t 19.
    #expect(
        problem.distanceSummary(from: 3) == DistanceSummary(reached: 5, distanceSum: .integer(0 + 4 + 11 + 16 + 19)))
    #expect(problem.distanceSummary(from: 6) == nil)
}

@Test func decimalLengthsAreReadAsDoubles() throws {
    let text = "p sp 3 3\na 1 2 1\na 2 3 0.5\na 1 3 2e0\n"
    let problem = try ShortestPathProblem(scanner: DIMACSScanner(text: text, source: "d.gr"))
    #expect(problem.lengths == .decimal([1, 2, 0.5]))
    #expect(problem.distanceSummary(from: 1) == DistanceSummary(reached: 3, distanceSum: .decimal(0 + 1 + 1.5)))
}

@Test(arguments: [
    (
        "a 1 2 3\n",
        "bad.gr:1: expected the problem line \"p sp <nodes> <arcs>\" before anything else, found a line starting with \"a\""
    ),
    ("p max 2 1\n", "bad.gr:1: expected the problem type sp, found \"max\""),
    ("p sp 2 1\na 1 2 -4\n", "bad.gr:2: arc length -4 is negative; Dijkstra needs lengths ≥ 0"),
    ("p sp 2 1\na 1 3 4\n", "bad.gr:2: head node 3 is out of range 1…2"),
    ("p sp 2 1\na 0 2 4\n", "bad.gr:2: tail node 0 is out of range 1…2"),
    ("p sp 2 2\na 1 2 4\n\n\n\n\n\n\n\n", "bad.gr:9: the problem line announces 2 arcs but the file has 1"),
    ("p sp 2 2\na 1 2 4\n", "bad.gr:1: the problem line announces 2 arcs, but the 8 bytes after it hold at most 1 arc line(s) of 8 bytes or more"),
    ("p sp 2 1\na 1 2 4\na 2 1 4\n", "bad.gr:3: more arc lines than the 1 the problem line announces"),
    ("p sp 2 1\nc fine\na 1 2 x\n", "bad.gr:3: expected an arc's length, found \"x\""),
    (
        "p sp 2 1\nn 1 2 3\n",
        "bad.gr:2: expected an arc line \"a <tail> <head> <length>\", found a line starting with \"n\""
    ),
])
func malformedShortestPathFilesNameLineAndFault(text: String, message: String) {
    #expect(throws: (any Error).self) { try ShortestPathProblem(scanner: DIMACSScanner(text: text, source: "bad.gr")) }
    do {
        _ = try ShortestPathProblem(scanner: DIMACSScanner(text: text, source: "bad.gr"))
    } catch {
        #expect(error.description == message)
    }
}

// MARK: - The tiny network, by hand

/// Hand computation on networks/tiny.json (valueOfTimePerHour 0.5), xian → duisburg:
/// via dostyk: xian-urumqi 300 + 25, urumqi-dostyk 100 + 6, node dostyk 60 + 10, dostyk-aktogay
/// 60 + 2.5, aktogay-duisburg 1500 + 100 = 2163.5; via khorgos: 325 + 85 + node 40 + 5 + 150 + 7
/// + 1600 = 2212; via bakhty (third-crossing only): 325 + 95 + node 50 + 10 + 70 + 3 + 1600 = 2153.
@Test func tinyNetworkBestRoutesByCostAreTheHandComputedOnes() throws {
    let network = try NetworkReader.read(path: TestNetworks.tiny)
    let baseline = try shortestPaths(in: network.activate(), from: "xian", to: "duisburg", limit: 5)
    #expect(baseline.map(\.cost) == [2163.5, 2212])
    #expect(baseline[0].nodeIDs == ["xian", "urumqi", "dostyk", "aktogay", "duisburg"])
    #expect(baseline[0].linkIDs == ["xian-urumqi", "urumqi-dostyk", "dostyk-aktogay", "aktogay-duisburg"])
    #expect(baseline[0].crossings == ["dostyk"])
    #expect(baseline[0].hours == 50 + 12 + 20 + 5 + 200)
    #expect(baseline[0].lengthKm == 2565 + 466 + 304 + 5900)

    let third = try shortestPaths(
        in: network.activate(scenario: "third-crossing"), from: "xian", to: "duisburg", limit: 3)
    #expect(third.map(\.cost) == [2153, 2163.5, 2212])
    #expect(third[0].crossings == ["bakhty"])
}

@Test func tinyNetworkByTimeAndDistance() throws {
    let active = try NetworkReader.read(path: TestNetworks.tiny).activate()
    // Hours: via khorgos 50 + 10 + 10 + 14 + 200 = 284 beats via dostyk 287.
    let fastest = try shortestPaths(in: active, from: "xian", to: "duisburg", by: .time)
    #expect(fastest.map(\.crossings) == [["khorgos"]])
    #expect(fastest[0].hours == 284)
    // Kilometres: via dostyk 9235 beats via khorgos 10009.
    let shortest = try shortestPaths(in: active, from: "xian", to: "duisburg", by: .distance)
    #expect(shortest[0].lengthKm == 9235)
}

@Test func tinyNetworkViaAndAvoid() throws {
    let active = try NetworkReader.read(path: TestNetworks.tiny).activate()
    let viaKhorgos = try shortestPaths(in: active, from: "xian", to: "duisburg", via: ["khorgos"], limit: 3)
    #expect(viaKhorgos.map(\.cost) == [2212])
    let avoidDostyk = try shortestPaths(in: active, from: "xian", to: "duisburg", avoid: ["dostyk"])
    #expect(avoidDostyk[0].crossings == ["khorgos"])
}

/// Every way a route request fails, as the library words it (roles, never a front end's options).
@Test(arguments: [
    (["from": "xian", "to": "duisbrg"], "destination \"duisbrg\": no node has this id (did you mean \"duisburg\"?)"),
    (
        ["from": "xian", "to": "bakhty"],
        "destination \"bakhty\": the node is off in scenario \"baseline\" (scenarios that turn it on: third-crossing, third-crossing-small)"
    ),
    (["from": "xian", "to": "dostyk-aktogay"], "destination \"dostyk-aktogay\": is a link, not a node"),
    (["from": "duisburg", "to": "xian"], "xian is not reachable from duisburg in scenario baseline: no chain of active links leads there"),
    (
        ["from": "xian", "to": "duisburg", "avoid": "KZ"],
        "no route from xian to duisburg avoiding KZ: every path passes an avoided node (the best route with nothing avoided passes dostyk, aktogay)"
    ),
    (["from": "xian", "to": "duisburg", "avoid": "cn"], "cannot avoid xian (it is in CN): it is the route's origin"),
    (["from": "xian", "to": "duisburg", "avoid": "XX"], "avoided element \"XX\": no node or country code has this id"),
    (["from": "xian", "to": "xian"], "the origin and the destination are both xian; a route needs two different nodes"),
    (["from": "xian", "to": "duisburg", "via": "urumqi,urumqi"], "via \"urumqi\": is named twice"),
    (
        ["from": "chongqing", "to": "duisburg", "via": "khorgos,urumqi"],
        "no route from chongqing to duisburg via khorgos, urumqi: every route through the via nodes in this order would pass some node twice"
    ),
    (
        ["from": "xian", "to": "duisburg", "via": "aktogay,urumqi"],
        "no route from xian to duisburg via aktogay, urumqi: urumqi is not reachable from aktogay"
    ),
])
func tinyNetworkFailuresSayWhy(request: [String: String], message: String) throws {
    let active = try NetworkReader.read(path: TestNetworks.tiny).activate()
    func list(_ key: String) -> [String] { request[key].map { $0.split(separator: ",").map(String.init) } ?? [] }
    do {
        let origin = try active.resolveNode(request["from"] ?? "", as: .origin)
        let destination = try active.resolveNode(request["to"] ?? "", as: .destination)
        let via = try active.resolveNodes(list("via"), as: .via)
        let avoid = try list("avoid").compactMap { word throws(ElementResolutionError) in try active.resolveAvoidance(word) }
        _ = try shortestPaths(in: active, from: origin, to: destination, via: via, avoid: avoid)
        Issue.record("expected a failure: \(message)")
    } catch {
        #expect("\(error)" == message)
    }
}

// MARK: - Agreement with brute force on random networks

/// A random network of `nodeCount` nodes with random node terms, some bidirectional links and
/// parallel links, and countries A or B.
private func randomNetwork(nodeCount: Int, linkCount: Int, using generator: inout SeededGenerator) throws
    -> ActiveNetwork
{
    let nodes = (0..<nodeCount).map { index in
        Node(
            id: "n\(index)", kind: index % 3 == 0 ? .crossing : .junction,
            country: Bool.random(using: &generator) ? "AA" : "BB",
            handlingCost: Double(Int.random(in: 0...5, using: &generator)),
            dwellHours: Double(Int.random(in: 0...3, using: &generator)))
    }
    let links = (0..<linkCount).map { index in
        let from = Int.random(in: 0..<nodeCount, using: &generator)
        var to = Int.random(in: 0..<(nodeCount - 1), using: &generator)
        if to >= from { to += 1 }
        return Link(
            id: "l\(index)", from: "n\(from)", to: "n\(to)",
            lengthKm: Double(Int.random(in: 1...50, using: &generator)),
            hours: Double(Int.random(in: 0...9, using: &generator)),
            cost: Double(Int.random(in: 0...20, using: &generator)),
            bidirectional: Int.random(in: 0..<4, using: &generator) == 0)
    }
    return try Network(name: "random", valueOfTimePerHour: 0.5, nodes: nodes, links: links).activate()
}

/// Every loop-free path from `origin` to `destination` avoiding `avoided`, passing `via` in order,
/// with its value under `metric` computed directly from the network.
private func allSimplePaths(
    in network: ActiveNetwork, from origin: Int, to destination: Int, via: [Int], avoided: Set<Int>,
    by metric: RouteMetric
) -> [(arcs: [Int], value: Double)] {
    var results: [(arcs: [Int], value: Double)] = []
    var onPath = Set([origin])
    var arcs: [Int] = []
    func nodeTerm(_ node: Int) -> Double {
        switch metric {
        case .cost: network.generalisedCost(ofNode: node)
        case .time: network.nodes[node].dwellHours
        case .distance: 0
        }
    }
    func arcTerm(_ arc: Int) -> Double {
        switch metric {
        case .cost: network.generalisedCost(ofArc: arc)
        case .time: network.arcs[arc].hours
        case .distance: network.arcs[arc].lengthKm
        }
    }
    func visit(_ node: Int) {
        if node == destination {
            var order: [Int] = []
            var nodes = [origin]
            for arc in arcs { nodes.append(network.arcs[arc].to) }
            for n in nodes where via.contains(n) { order.append(n) }
            if order == via {
                results.append((arcs, nodes.reduce(0) { $0 + nodeTerm($1) } + arcs.reduce(0) { $0 + arcTerm($1) }))
            }
            return
        }
        for (arc, candidate) in network.arcs.enumerated() where candidate.from == node {
            let head = candidate.to
            guard !onPath.contains(head), !avoided.contains(head) else { continue }
            onPath.insert(head)
            arcs.append(arc)
            visit(head)
            arcs.removeLast()
            onPath.remove(head)
        }
    }
    visit(origin)
    return results.sorted { $0.value < $1.value }
}

private func isClose(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(a), abs(b)) }

/// Checks that a reported path is a real path of the network whose totals add up.
private func expectConsistent(_ path: RoutePath, in network: ActiveNetwork, from origin: Int, to destination: Int) {
    #expect(path.nodeIndices.first == origin && path.nodeIndices.last == destination)
    #expect(Set(path.nodeIndices).count == path.nodeIndices.count, "loop-free")
    #expect(path.arcIndices.count == path.nodeIndices.count - 1)
    for (position, arc) in path.arcIndices.enumerated() {
        #expect(
            network.arcs[arc].from == path.nodeIndices[position]
                && network.arcs[arc].to == path.nodeIndices[position + 1])
    }
    let cost =
        path.arcIndices.reduce(0) { $0 + network.arcs[$1].cost + 0.5 * network.arcs[$1].hours }
        + path.nodeIndices.reduce(0) { $0 + network.nodes[$1].handlingCost + 0.5 * network.nodes[$1].dwellHours }
    #expect(isClose(path.cost, cost))
    #expect(
        isClose(
            path.hours,
            path.arcIndices.reduce(0) { $0 + network.arcs[$1].hours }
                + path.nodeIndices.reduce(0) { $0 + network.nodes[$1].dwellHours }))
    #expect(isClose(path.lengthKm, path.arcIndices.reduce(0) { $0 + network.arcs[$1].lengthKm }))
    #expect(
        path.crossings == path.nodeIndices.filter { network.nodes[$0].kind == .crossing }.map { network.nodes[$0].id })
    #expect(path.linkIDs == path.arcIndices.map { network.arcs[$0].linkID })
}

@Test func dijkstraAgreesWithBellmanFordOnRandomGraphs() {
    var generator = SeededGenerator(seed: 20_261_123)
    for _ in 0..<40 {
        let nodeCount = Int.random(in: 2...60, using: &generator)
        let arcCount = Int.random(in: 0...(nodeCount * 4), using: &generator)
        let tails = (0..<arcCount).map { _ in Int32.random(in: 0..<Int32(nodeCount), using: &generator) }
        let heads = (0..<arcCount).map { _ in Int32.random(in: 0..<Int32(nodeCount), using: &generator) }
        let lengths = (0..<arcCount).map { _ in Int64.random(in: 0...100, using: &generator) }
        let graph = Digraph(nodeCount: nodeCount, tails: tails, heads: heads)
        let source = Int.random(in: 0..<nodeCount, using: &generator)
        let tree = Dijkstra.run(in: graph, slotWeights: graph.arcIDs.map { lengths[Int($0)] }, from: source)
        // Bellman–Ford: n − 1 rounds of relaxing every arc.
        var distance = [Int64?](repeating: nil, count: nodeCount)
        distance[source] = 0
        for _ in 0..<nodeCount {
            for arc in 0..<arcCount {
                guard let tailDistance = distance[Int(tails[arc])] else { continue }
                let candidate = tailDistance + lengths[arc]
                if distance[Int(heads[arc])].map({ candidate < $0 }) ?? true { distance[Int(heads[arc])] = candidate }
            }
        }
        for node in 0..<nodeCount {
            #expect(tree.isReached(node) == (distance[node] != nil))
            if tree.isReached(node) { #expect(tree.distances[node] == distance[node]) }
        }
    }
}

/// A search stopped past a distance settles exactly the nodes closer than its frontier, with the full
/// search's distances, and leaves no node closer than the frontier unsettled.
@Test func aSearchCutOffSettlesEverythingCloserThanItsFrontier() {
    var generator = SeededGenerator(seed: 20_261_130)
    var stopped = 0
    for _ in 0..<60 {
        let nodeCount = Int.random(in: 2...60, using: &generator)
        let arcCount = Int.random(in: 0...(nodeCount * 4), using: &generator)
        let tails = (0..<arcCount).map { _ in Int32.random(in: 0..<Int32(nodeCount), using: &generator) }
        let heads = (0..<arcCount).map { _ in Int32.random(in: 0..<Int32(nodeCount), using: &generator) }
        let lengths = (0..<arcCount).map { _ in Double(Int.random(in: 0...100, using: &generator)) / 4 }
        let graph = Digraph(nodeCount: nodeCount, tails: tails, heads: heads)
        let weights = graph.arcIDs.map { lengths[Int($0)] }
        let source = Int.random(in: 0..<nodeCount, using: &generator)
        let full = Dijkstra.run(in: graph, slotWeights: weights, from: source)
        let limit = Double(Int.random(in: 0...150, using: &generator))
        let cut = Dijkstra.run(in: graph, slotWeights: weights, from: source, stopAbove: limit)
        #expect(full.frontier == nil)
        let beyond = (0..<nodeCount).filter { full.isReached($0) && full.distances[$0] > limit }
        // The frontier is the nearest distance past the limit, or none when nothing lies past it.
        #expect(cut.frontier == beyond.map { full.distances[$0] }.min())
        if cut.frontier != nil { stopped += 1 }
        for node in 0..<nodeCount {
            let settled = full.isReached(node) && cut.frontier.map { full.distances[node] < $0 } ?? true
            #expect(cut.isSettledBelowFrontier(node) == settled, "node \(node)")
            if settled { #expect(cut.distances[node] == full.distances[node]) }
        }
    }
    #expect(stopped > 10)
}

@Test func kShortestPathsAgreeWithBruteForceOnSmallRandomNetworks() throws {
    var generator = SeededGenerator(seed: 7)
    var compared = 0
    for _ in 0..<60 {
        let nodeCount = Int.random(in: 3...8, using: &generator)
        let network = try randomNetwork(
            nodeCount: nodeCount, linkCount: Int.random(in: 3...16, using: &generator), using: &generator)
        let metric = RouteMetric.allCases.randomElement(using: &generator) ?? .cost
        let origin = Int.random(in: 0..<nodeCount, using: &generator)
        var destination = Int.random(in: 0..<(nodeCount - 1), using: &generator)
        if destination >= origin { destination += 1 }
        let expected = allSimplePaths(in: network, from: origin, to: destination, via: [], avoided: [], by: metric)
        let limit = Int.random(in: 1...12, using: &generator)
        let from = network.nodes[origin].id
        let to = network.nodes[destination].id
        guard !expected.isEmpty else {
            #expect(throws: RouteError.self) {
                try shortestPaths(in: network, from: from, to: to, by: metric, limit: limit)
            }
            continue
        }
        let paths = try shortestPaths(in: network, from: from, to: to, by: metric, limit: limit)
        compared += 1
        #expect(paths.count == min(limit, expected.count))
        for (path, reference) in zip(paths, expected) {
            #expect(isClose(path.value(by: metric), reference.value), "\(from)→\(to) by \(metric)")
            expectConsistent(path, in: network, from: origin, to: destination)
        }
        #expect(Set(paths.map(\.arcIndices)).count == paths.count, "distinct paths")
        // The first is Dijkstra's: nothing is cheaper.
        #expect(isClose(paths[0].value(by: metric), expected[0].value))
        // Yen and the best-first enumeration are two algorithms for the same list.
        let weights = RouteWeights(network, by: metric)
        let enumerated = OrderedViaSearch.run(
            weights, from: origin, to: destination, via: [], limit: limit, blockedNodes: [])
        #expect(zip(enumerated.paths, paths).allSatisfy { isClose($0.weight, $1.value(by: metric)) })
    }
    #expect(compared > 20)
}

@Test func viaAndAvoidAgreeWithBruteForceOnSmallRandomNetworks() throws {
    var generator = SeededGenerator(seed: 99)
    var compared = 0
    for _ in 0..<80 {
        let nodeCount = Int.random(in: 4...8, using: &generator)
        let network = try randomNetwork(
            nodeCount: nodeCount, linkCount: Int.random(in: 6...20, using: &generator), using: &generator)
        var order = Array(0..<nodeCount).shuffled(using: &generator)
        let origin = order.removeFirst()
        let destination = order.removeFirst()
        let via = Array(order.prefix(Int.random(in: 0...2, using: &generator)))
        let avoidedNode = order.dropFirst(via.count).first.flatMap { Bool.random(using: &generator) ? $0 : nil }
        let avoidCountry = Bool.random(using: &generator) && network.nodes.contains { $0.country == "AA" } ? "AA" : nil
        var avoided = Set(avoidedNode.map { [$0] } ?? [])
        if let avoidCountry {
            avoided.formUnion(network.nodes.indices.filter { network.nodes[$0].country == avoidCountry })
        }
        let avoidWords = (avoidedNode.map { [network.nodes[$0].id] } ?? []) + (avoidCountry.map { [$0] } ?? [])
        let ids = { (nodes: [Int]) in nodes.map { network.nodes[$0].id } }
        let endsAvoided = !avoided.isDisjoint(with: [origin, destination] + via)
        let limit = Int.random(in: 1...6, using: &generator)
        let call = {
            try shortestPaths(
                in: network, from: network.nodes[origin].id, to: network.nodes[destination].id, via: ids(via),
                avoid: avoidWords, limit: limit)
        }
        if endsAvoided {
            #expect(throws: RouteError.self) { try call() }
            continue
        }
        let expected = allSimplePaths(in: network, from: origin, to: destination, via: via, avoided: avoided, by: .cost)
        guard !expected.isEmpty else {
            #expect(throws: RouteError.self) { try call() }
            continue
        }
        let paths = try call()
        compared += 1
        #expect(paths.count == min(limit, expected.count))
        for (path, reference) in zip(paths, expected) {
            #expect(isClose(path.cost, reference.value))
            expectConsistent(path, in: network, from: origin, to: destination)
            #expect(avoided.isDisjoint(with: path.nodeIndices))
            #expect(path.nodeIndices.filter { via.contains($0) } == via)
        }
    }
    #expect(compared > 20)
}

@Test func scannerReadsIntegersAndDecimalsInOnePass() throws {
    let scanner = DIMACSScanner(text: "a 12 -7 2.5 1e2 x 99999999999999999999 123456789012345678\n", source: "n.gr")
    #expect(scanner.nextLine() == UInt8(ascii: "a"))
    #expect(try scanner.integerOrDecimal("a") == .integer(12))
    #expect(try scanner.integerOrDecimal("b") == .integer(-7))
    #expect(try scanner.integerOrDecimal("c") == .decimal(2.5))
    #expect(try scanner.integerOrDecimal("d") == .decimal(100))
    #expect(throws: DIMACSError(source: "n.gr", line: 1, message: "expected e, found \"x\"")) {
        try scanner.integerOrDecimal("e")
    }
    _ = try scanner.word("the bad token")
    #expect(throws: DIMACSError(source: "n.gr", line: 1, message: "f is too large")) {
        try scanner.integerOrDecimal("f")
    }
    _ = try scanner.word("the long token")
    #expect(try scanner.integer("g") == 123_456_789_012_345_678)
}

@Test func digraphKeepsInputOrderPerNodeAndReversesWithArcIDs() {
    // Arcs: 0: 2→0, 1: 0→1, 2: 0→2, 3: 2→1.
    let graph = Digraph(nodeCount: 3, tails: [2, 0, 0, 2], heads: [0, 1, 2, 1])
    #expect(graph.offsets == [0, 2, 2, 4])
    #expect(graph.heads == [1, 2, 0, 1])
    #expect(graph.arcIDs == [1, 2, 0, 3])
    #expect(graph.outSlots(of: 1).isEmpty)
    let reverse = graph.reversed()
    // Reversed arcs by id: 0: 0→2, 1: 1→0, 2: 2→0, 3: 1→2.
    #expect(reverse.offsets == [0, 1, 3, 4])
    #expect(reverse.heads == [2, 0, 2, 0])
    #expect(reverse.arcIDs == [0, 1, 3, 2])
}

/// The routes between nodes named by id, resolved as a front end resolves them.
private func shortestPaths(
    in network: ActiveNetwork, from origin: String, to destination: String, by metric: RouteMetric = .cost,
    via: [String] = [], avoid: [String] = [], limit: Int = 1
) throws -> [RoutePath] {
    try shortestPaths(
        in: network, from: network.resolveNode(origin, as: .origin), to: network.resolveNode(destination, as: .destination),
        by: metric, via: network.resolveNodes(via, as: .via),
        avoid: avoid.compactMap { word throws(ElementResolutionError) in try network.resolveAvoidance(word) }, limit: limit)
}
