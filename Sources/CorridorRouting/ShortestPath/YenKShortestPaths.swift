// Yen's k shortest loop-free paths (J. Y. Yen, "Finding the k shortest loopless paths in a
// network", Management Science 17(11), 1971). Each new path deviates from the last accepted one at
// a spur node: the root (the accepted path up to the spur) is kept, the root's other nodes are
// removed so the result stays loop-free, and the arcs by which earlier accepted paths with the same
// root leave the spur are removed so the result is new; a Dijkstra run from the spur completes the
// candidate. Complexity O(k · n · Dijkstra) = O(k n (n + m) log n).

/// A path found by a search: its slots in a `Digraph`, its nodes, and its weight.
struct WeightedPath: Sendable, Equatable {
    let nodes: [Int]
    let slots: [Int]
    /// The source's node term plus every slot weight.
    let weight: Double
}

/// The weights a route search runs on: a weight per slot (an arc's own term plus its head's node
/// term), and each node's term, which is added once for the origin.
struct RouteWeights: Sendable {
    let graph: Digraph
    let slotWeights: [Double]
    let nodeTerms: [Double]
    /// The tail node of each slot, kept because CSR stores tails only implicitly.
    let slotTails: [Int32]

    init(graph: Digraph, arcWeights: [Double], nodeTerms: [Double]) {
        self.graph = graph
        self.nodeTerms = nodeTerms
        slotWeights = (0..<graph.arcCount).map { slot in
            arcWeights[Int(graph.arcIDs[slot])] + nodeTerms[Int(graph.heads[slot])]
        }
        slotTails = graph.slotTails()
    }

    /// The best path by Dijkstra from `source` to `target`, starting at `initialWeight`.
    func shortestPath(
        from source: Int, to target: Int, initialWeight: Double, blockedNodes: [Bool], blockedSlots: [Bool] = []
    ) -> WeightedPath? {
        let tree = Dijkstra.run(
            in: graph, slotWeights: slotWeights, from: source, initialDistance: initialWeight, to: target,
            blockedNodes: blockedNodes, blockedSlots: blockedSlots)
        guard tree.isReached(target) else { return nil }
        var slots: [Int] = []
        var node = target
        while node != source {
            let slot = Int(tree.predecessorSlots[node])
            slots.append(slot)
            node = Int(slotTails[slot])
        }
        slots.reverse()
        return WeightedPath(
            nodes: [source] + slots.map { Int(graph.heads[$0]) }, slots: slots, weight: tree.distances[target])
    }
}

enum YenKShortestPaths {
    /// Up to `limit` loop-free paths from `source` to `target`, by non-decreasing weight, never
    /// entering a node of `blockedNodes`. Fewer are returned when fewer exist. Among paths of equal
    /// weight the order is deterministic but not otherwise specified.
    static func run(
        _ weights: RouteWeights, from source: Int, to target: Int, limit: Int, blockedNodes: [Bool]
    ) -> [WeightedPath] {
        guard limit > 0,
            let first = weights.shortestPath(
                from: source, to: target, initialWeight: weights.nodeTerms[source], blockedNodes: blockedNodes)
        else { return [] }
        var accepted = [first]
        var seen: Set<[Int]> = [first.slots]
        var candidates: [WeightedPath] = []
        while accepted.count < limit, let previous = accepted.last {
            var rootWeight = weights.nodeTerms[source]
            for spurPosition in 0..<previous.slots.count {
                let spur = previous.nodes[spurPosition]
                let rootSlots = previous.slots[0..<spurPosition]
                var blockedSlots = [Bool](repeating: false, count: weights.graph.arcCount)
                for path in accepted where path.slots.count > spurPosition && path.slots[0..<spurPosition] == rootSlots
                {
                    blockedSlots[path.slots[spurPosition]] = true
                }
                var blocked =
                    blockedNodes.isEmpty ? [Bool](repeating: false, count: weights.graph.nodeCount) : blockedNodes
                for node in previous.nodes[0..<spurPosition] { blocked[node] = true }
                if let spurPath = weights.shortestPath(
                    from: spur, to: target, initialWeight: rootWeight, blockedNodes: blocked, blockedSlots: blockedSlots
                ) {
                    let slots = Array(rootSlots) + spurPath.slots
                    if seen.insert(slots).inserted {
                        candidates.append(
                            WeightedPath(
                                nodes: Array(previous.nodes[0..<spurPosition]) + spurPath.nodes, slots: slots,
                                weight: spurPath.weight))
                    }
                }
                rootWeight += weights.slotWeights[previous.slots[spurPosition]]
            }
            guard let best = candidates.indices.min(by: { candidates[$0].weight < candidates[$1].weight }) else {
                break
            }
            accepted.append(candidates.remove(at: best))
        }
        return accepted
    }
}
