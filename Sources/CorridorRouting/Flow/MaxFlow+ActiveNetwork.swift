import CorridorModel

// Corridor max-flow by reduction to a single-source, single-sink problem:
// - a node with a capacity becomes `in → out` with an arc of that capacity (so a source's or a sink's own
//   capacity counts too, as the allocation's throughput does);
// - each active arc runs from its tail's `out` to its head's `in` with its capacity per direction;
// - a super source feeds every source's `in`, and every sink's `out` drains into a super sink.
// Unlimited capacities stay `nil` in the model. If a path with no capacity anywhere joins a source to a
// sink, the flow is unbounded and that path is the answer. Otherwise every cut made of capacitated
// elements is finite, so an unlimited arc is given the sum of all finite capacities plus one: no minimum
// cut can then contain it, and the cut found names only real capacities.

/// The maximum flow from a set of nodes to another through an active network, node capacities honoured.
///
/// - Parameters:
///   - sources: the nodes the flow starts from; `nil` is every origin of a servable demand.
///   - sinks: the nodes the flow ends at; `nil` is every destination of a servable demand.
/// - Throws: ``MaxFlowNetworkError`` for a node in both sets, or no sources or no sinks.
/// - Complexity: that of push-relabel on a graph of at most 2n + 2 nodes and m + 2n arcs.
public func maximumFlow(
    in network: ActiveNetwork, from sources: [NodeReference]? = nil, to sinks: [NodeReference]? = nil
) throws(MaxFlowNetworkError) -> MaxFlowResult {
    let servable = network.demands.filter(\.isServable)
    let sourceIndices = uniqueIndices(sources?.map(\.index) ?? servable.compactMap(\.origin))
    let sinkIndices = uniqueIndices(sinks?.map(\.index) ?? servable.compactMap(\.destination))
    guard !sourceIndices.isEmpty else { throw .noEnds(.source, scenario: network.scenarioID) }
    guard !sinkIndices.isEmpty else { throw .noEnds(.sink, scenario: network.scenarioID) }
    let sinkSet = Set(sinkIndices)
    if let both = sourceIndices.first(where: sinkSet.contains) {
        throw .sourceIsSink(id: network.nodes[both].id, fromDemands: sources == nil && sinks == nil)
    }
    let sourceIDs = sourceIndices.map { network.nodes[$0].id }
    let sinkIDs = sinkIndices.map { network.nodes[$0].id }
    if let path = unlimitedPath(in: network, from: sourceIndices, to: sinkSet) {
        return MaxFlowResult(
            sources: sourceIDs, sinks: sinkIDs, value: nil, unlimitedPath: path, cut: [], arcFlows: [], nodeFlows: [])
    }
    let reduction = SplitNodeReduction(network, sources: sourceIndices, sinks: sinkIndices)
    let solved: (value: Double, flows: [Double], capacities: [Double], cutArcs: [Int])
    do {
        solved = try reduction.solve()
    } catch {
        throw .unsolvable(error.message)
    }
    var cut: [MaxFlowResult.CutElement] = []
    for index in solved.cutArcs {
        switch reduction.roles[index] {
        case .node(let node):
            cut.append(
                .init(id: network.nodes[node].id, kind: .node, isReverse: false, capacity: solved.capacities[index]))
        case .arc(let arc):
            let arc = network.arcs[arc]
            cut.append(.init(id: arc.linkID, kind: .link, isReverse: arc.isReverse, capacity: solved.capacities[index]))
        case .supply, .drain:
            continue
        }
    }
    var arcFlows = [Double](repeating: 0, count: network.arcs.count)
    var supplied = [Double](repeating: 0, count: network.nodes.count)
    for (index, role) in reduction.roles.enumerated() {
        switch role {
        case .arc(let arc): arcFlows[arc] = solved.flows[index]
        case .supply(let node): supplied[node] = solved.flows[index]
        case .node, .drain: continue
        }
    }
    // Push-relabel may leave flow going both ways on a two-way link; netting it out leaves a maximum
    // flow of the same value, and throughputs that count each unit once.
    for arc in network.arcs.indices where network.arcs[arc].isReverse {
        let forward = arc - 1
        let both = min(arcFlows[forward], arcFlows[arc])
        arcFlows[forward] -= both
        arcFlows[arc] -= both
    }
    // A node's throughput: what enters it by arc plus what starts there.
    var nodeFlows = supplied
    for (arc, flow) in arcFlows.enumerated() { nodeFlows[network.arcs[arc].to] += flow }
    return MaxFlowResult(
        sources: sourceIDs, sinks: sinkIDs, value: solved.value, unlimitedPath: nil, cut: cut, arcFlows: arcFlows,
        nodeFlows: nodeFlows)
}

/// Each index once, in first-seen order.
private func uniqueIndices(_ indices: [Int]) -> [Int] {
    var seen = Set<Int>()
    return indices.filter { seen.insert($0).inserted }
}

/// Breadth-first search from the sources through nodes and arcs that have no capacity.
private func unlimitedPath(in network: ActiveNetwork, from sources: [Int], to sinks: Set<Int>) -> MaxFlowResult
    .UnlimitedPath?
{
    var outgoing = [[Int]](repeating: [], count: network.nodes.count)
    for (index, arc) in network.arcs.enumerated() where arc.capacity == nil { outgoing[arc.from].append(index) }
    var parentArc = [Int?](repeating: nil, count: network.nodes.count)
    var reached = [Bool](repeating: false, count: network.nodes.count)
    var queue = sources.filter { network.nodes[$0].capacity == nil }
    for node in queue { reached[node] = true }
    var front = 0
    while front < queue.count {
        let node = queue[front]
        front += 1
        if sinks.contains(node) {
            var nodes = [network.nodes[node].id]
            var links: [String] = []
            var at = node
            while let arc = parentArc[at] {
                links.append(network.arcs[arc].label)
                at = network.arcs[arc].from
                nodes.append(network.nodes[at].id)
            }
            return .init(nodes: nodes.reversed(), links: links.reversed())
        }
        for arc in outgoing[node] {
            let head = network.arcs[arc].to
            if !reached[head] && network.nodes[head].capacity == nil {
                reached[head] = true
                parentArc[head] = arc
                queue.append(head)
            }
        }
    }
    return nil
}

/// The single-source, single-sink graph a corridor max-flow is solved on.
private struct SplitNodeReduction {
    enum Role {
        /// The `in → out` arc of a capacitated node.
        case node(Int)
        /// An arc of the active network.
        case arc(Int)
        /// Super source → a source node.
        case supply(Int)
        /// A sink node → super sink.
        case drain(Int)
    }

    var nodeCount = 0
    var tails: [Int32] = []
    var heads: [Int32] = []
    var capacities: [Double?] = []
    var roles: [Role] = []
    let superSource: Int
    let superSink: Int

    init(_ network: ActiveNetwork, sources: [Int], sinks: [Int]) {
        var entry = [Int](repeating: 0, count: network.nodes.count)
        var exit = [Int](repeating: 0, count: network.nodes.count)
        var count = 0
        for (index, node) in network.nodes.enumerated() {
            entry[index] = count
            exit[index] = node.capacity == nil ? count : count + 1
            count = exit[index] + 1
        }
        superSource = count
        superSink = count + 1
        nodeCount = count + 2
        for (index, node) in network.nodes.enumerated() where node.capacity != nil {
            append(from: entry[index], to: exit[index], capacity: node.capacity, role: .node(index))
        }
        for (index, arc) in network.arcs.enumerated() {
            append(from: exit[arc.from], to: entry[arc.to], capacity: arc.capacity, role: .arc(index))
        }
        for node in sources { append(from: superSource, to: entry[node], capacity: nil, role: .supply(node)) }
        for node in sinks { append(from: exit[node], to: superSink, capacity: nil, role: .drain(node)) }
    }

    private mutating func append(from tail: Int, to head: Int, capacity: Double?, role: Role) {
        tails.append(Int32(tail))
        heads.append(Int32(head))
        capacities.append(capacity)
        roles.append(role)
    }

    /// Solves exactly in integers (see `ExactDecimalMaxFlow.swift`); an unlimited capacity becomes the
    /// power of two above the sum of the finite ones, which no minimum cut can contain and which keeps
    /// the scaling exact.
    func solve() throws(MaxFlowInputError) -> (value: Double, flows: [Double], capacities: [Double], cutArcs: [Int]) {
        let total = capacities.reduce(0) { $0 + ($1 ?? 0) }
        let unlimited = Double(sign: .plus, exponent: (total + 1).exponent + 1, significand: 1)
        let resolved = capacities.map { $0 ?? unlimited }
        let (solution, _) = try exactDecimalMaximumFlow(
            nodeCount: nodeCount, source: superSource, sink: superSink, tails: tails, heads: heads,
            capacities: resolved)
        return (solution.value, solution.arcFlows, resolved, solution.cutArcs)
    }
}
