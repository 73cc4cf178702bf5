// The k best loop-free paths that pass given nodes in a given order, by best-first enumeration of
// partial paths (A* on the tree of loop-free paths: P. E. Hart, N. J. Nilsson, B. Raphael, IEEE
// Trans. SSC 4(2), 1968). A partial path ending at node v with the first i via nodes behind it is
// ranked by its weight plus h_i(v), the cheapest *walk* from v through via[i], …, via[m-1] to the
// target, computed exactly by one reverse Dijkstra per waypoint. h is a lower bound on every
// loop-free completion and is consistent, so complete paths leave the queue in non-decreasing
// weight: the first k to leave are the k best. When walks and loop-free paths agree (the usual
// case) the search only extends partial paths lying on optimal routes; in the worst case the number
// of partial paths is exponential, hence the label limit.

enum OrderedViaSearch {
    /// What the search found, and whether it stopped early at the label limit.
    struct Outcome {
        let paths: [WeightedPath]
        let hitLabelLimit: Bool
    }

    /// Up to `limit` loop-free paths from `source` to `target` that visit `via` in order, by
    /// non-decreasing weight, never entering a node of `blockedNodes`.
    ///
    /// The caller guarantees that `via` holds distinct nodes, none of them `source` or `target`.
    static func run(
        _ weights: RouteWeights, from source: Int, to target: Int, via: [Int], limit: Int, blockedNodes: [Bool],
        labelLimit: Int = 1_000_000
    ) -> Outcome {
        let graph = weights.graph
        let nodeCount = graph.nodeCount
        let bounds = remainingWeightBounds(weights, to: target, via: via, blockedNodes: blockedNodes)
        var viaPosition = [Int](repeating: -1, count: nodeCount)
        for (position, node) in via.enumerated() { viaPosition[node] = position }

        // Labels: one per partial path, linked to the partial path it extends.
        var labelNode: [Int32] = []
        var labelParent: [Int32] = []
        var labelSlot: [Int32] = []
        var labelLayer: [Int32] = []
        var labelWeight: [Double] = []
        var queue = LabelQueue()
        func addLabel(node: Int, parent: Int, slot: Int, layer: Int, weight: Double) {
            let bound = bounds[layer][node]
            guard bound.isFinite else { return }
            queue.push(key: weight + bound, label: labelNode.count)
            labelNode.append(Int32(node))
            labelParent.append(Int32(parent))
            labelSlot.append(Int32(slot))
            labelLayer.append(Int32(layer))
            labelWeight.append(weight)
        }
        func isOnPath(_ node: Int, endingAt label: Int) -> Bool {
            var current = label
            while current >= 0 {
                if Int(labelNode[current]) == node { return true }
                current = Int(labelParent[current])
            }
            return false
        }

        if blockedNodes.isEmpty || !blockedNodes[source] {
            addLabel(node: source, parent: -1, slot: -1, layer: 0, weight: weights.nodeTerms[source])
        }
        var found: [WeightedPath] = []
        var popped = 0
        while found.count < limit, let label = queue.pop() {
            popped += 1
            if popped > labelLimit { return Outcome(paths: found, hitLabelLimit: true) }
            let node = Int(labelNode[label])
            let layer = Int(labelLayer[label])
            if node == target {
                var slots: [Int] = []
                var nodes: [Int] = []
                var current = label
                while current >= 0 {
                    nodes.append(Int(labelNode[current]))
                    if labelSlot[current] >= 0 { slots.append(Int(labelSlot[current])) }
                    current = Int(labelParent[current])
                }
                found.append(WeightedPath(nodes: nodes.reversed(), slots: slots.reversed(), weight: labelWeight[label]))
                continue
            }
            for slot in graph.outSlots(of: node) {
                let head = Int(graph.heads[slot])
                if !blockedNodes.isEmpty && blockedNodes[head] { continue }
                let nextLayer = layer < via.count && head == via[layer] ? layer + 1 : layer
                // A loop-free path cannot pass a later via node early (or the target before the
                // last via node) and come back to it in order.
                if viaPosition[head] >= nextLayer || (head == target && nextLayer < via.count) { continue }
                if isOnPath(head, endingAt: label) { continue }
                addLabel(
                    node: head, parent: label, slot: slot, layer: nextLayer,
                    weight: labelWeight[label] + weights.slotWeights[slot])
            }
        }
        return Outcome(paths: found, hitLabelLimit: false)
    }

    /// `bounds[i][v]`: the least weight of a walk from v (its own term excluded) through via[i],
    /// …, via[m-1] to the target; `+∞` where there is none.
    private static func remainingWeightBounds(
        _ weights: RouteWeights, to target: Int, via: [Int], blockedNodes: [Bool]
    ) -> [[Double]] {
        let reverse = weights.graph.reversed()
        // Slot s of the reverse graph is arc reverse.arcIDs[s]; find its forward slot's weight.
        var weightByArc = [Double](repeating: 0, count: weights.graph.arcCount)
        for slot in 0..<weights.graph.arcCount {
            weightByArc[Int(weights.graph.arcIDs[slot])] = weights.slotWeights[slot]
        }
        let reverseWeights = reverse.arcIDs.map { weightByArc[Int($0)] }
        let waypoints = via + [target]
        var bounds = [[Double]](repeating: [], count: waypoints.count)
        var tail = 0.0
        for layer in stride(from: waypoints.count - 1, through: 0, by: -1) {
            let tree = Dijkstra.run(
                in: reverse, slotWeights: reverseWeights, from: waypoints[layer], initialDistance: tail,
                blockedNodes: blockedNodes)
            bounds[layer] = (0..<weights.graph.nodeCount).map { tree.isReached($0) ? tree.distances[$0] : .infinity }
            if layer > 0 { tail = bounds[layer][waypoints[layer - 1]] }
            if !tail.isFinite { break }
        }
        for layer in bounds.indices where bounds[layer].isEmpty {
            bounds[layer] = [Double](repeating: .infinity, count: weights.graph.nodeCount)
        }
        return bounds
    }
}

/// A binary min-heap of labels by key; equal keys leave in the order they came, so results are deterministic.
private struct LabelQueue {
    private var entries: [(key: Double, label: Int)] = []

    private func isBefore(_ a: Int, _ b: Int) -> Bool {
        entries[a].key < entries[b].key || (entries[a].key == entries[b].key && entries[a].label < entries[b].label)
    }

    mutating func push(key: Double, label: Int) {
        entries.append((key, label))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard isBefore(child, parent) else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Int? {
        guard let first = entries.first else { return nil }
        entries.swapAt(0, entries.count - 1)
        entries.removeLast()
        var parent = 0
        while true {
            var smallest = parent
            for child in [2 * parent + 1, 2 * parent + 2] where child < entries.count && isBefore(child, smallest) {
                smallest = child
            }
            if smallest == parent { break }
            entries.swapAt(parent, smallest)
            parent = smallest
        }
        return first.label
    }
}
