// Dijkstra's algorithm (E. W. Dijkstra, "A note on two problems in connexion with graphs",
// Numerische Mathematik 1, 1959) on a CSR `Digraph` with non-negative slot weights, using an
// indexed 4-ary heap with decrease-key (D. B. Johnson, "Efficient algorithms for shortest paths in
// sparse networks", JACM 24(1), 1977).
// Complexity O(m log₄ n + 4 n log₄ n) = O((n + m) log n) time, O(n) extra memory.
//
// The 4-ary indexed heap was chosen by measurement (Benchmarks/README.md, "Shortest paths"): on a
// 350 000-node, 1.4 M-arc SPGRID-like grid it ran in about half the time of a lazy binary heap
// (duplicates instead of decrease-key): the shallower tree halves the sift-down depth and the
// position index keeps the heap at n entries.

/// A weight Dijkstra can add and compare: `Int64` for exact integer lengths, `Double` otherwise.
public typealias PathWeight = AdditiveArithmetic & Comparable & Sendable

/// Distances and predecessor slots from one source, as far as the search went.
public struct ShortestPathTree<Weight: PathWeight>: Sendable {
    public let source: Int
    /// `distances[v]` is meaningful only where ``isReached(_:)`` holds, and final only for settled
    /// nodes: every reached node after a full run, the target after a run that stopped there.
    public let distances: [Weight]
    /// The slot of the last arc on the best path to each node; `-1` for the source and unreached nodes.
    public let predecessorSlots: [Int32]
    /// The distance of the first node left unsettled by a search that stopped past `stopAbove`: every
    /// node closer is settled, and no node left unsettled is closer. `nil` when the search did not stop so.
    public let frontier: Weight?
    private let reached: [Bool]

    init(source: Int, distances: [Weight], predecessorSlots: [Int32], reached: [Bool], frontier: Weight?) {
        self.source = source
        self.distances = distances
        self.predecessorSlots = predecessorSlots
        self.reached = reached
        self.frontier = frontier
    }

    public func isReached(_ node: Int) -> Bool { reached[node] }

    /// Whether `node`'s distance and path are final under a search that stopped past `stopAbove` (every
    /// node closer than the frontier); after a search that did not stop so, ``isReached(_:)``.
    public func isSettledBelowFrontier(_ node: Int) -> Bool {
        reached[node] && frontier.map { distances[node] < $0 } ?? true
    }
}

/// The one shortest-path routine of corridor: routes, k-shortest paths, DIMACS files and the
/// allocation's starting basis all grow their trees here.
public enum Dijkstra {
    /// Grows a shortest-path tree from `source`.
    ///
    /// - Parameters:
    ///   - slotWeights: the non-negative weight of each slot of `graph`.
    ///   - initialDistance: the source's distance (a node term of the source, for instance).
    ///   - target: stop as soon as this node is settled; `nil` settles every reachable node.
    ///   - targets: stop as soon as all of these are settled (or unreachable). After an early stop only
    ///     the settled nodes' distances and paths are final.
    ///   - blockedNodes: nodes the search may not enter (empty = none); the source is never blocked.
    ///   - blockedSlots: slots the search may not use (empty = none).
    ///   - stopAbove: stop when the next node to settle is farther than this (its distance is then the
    ///     tree's ``ShortestPathTree/frontier``).
    // Exported specialisations: callers in other modules (the allocation's pricing, its starting basis)
    // would otherwise run the generic body, every comparison and copy through witness tables (measured:
    // more than half of the pricing time at 20,000 nodes).
    @_specialize(exported: true, where Weight == Double)
    public static func run<Weight: PathWeight>(
        in graph: Digraph, slotWeights: [Weight], from source: Int, initialDistance: Weight = .zero,
        to target: Int? = nil, targets: [Int] = [], blockedNodes: [Bool] = [], blockedSlots: [Bool] = [],
        stopAbove: Weight? = nil
    ) -> ShortestPathTree<Weight> {
        let nodeCount = graph.nodeCount
        let unseen: Int32 = -1
        let settled: Int32 = -2
        // state[v]: unseen, settled (or blocked), or v's position in the heap.
        var state = [Int32](repeating: unseen, count: nodeCount)
        for (node, blocked) in blockedNodes.enumerated() where blocked && node != source { state[node] = settled }
        var distances = [Weight](repeating: .zero, count: nodeCount)
        var predecessors = [Int32](repeating: -1, count: nodeCount)
        var reached = [Bool](repeating: false, count: nodeCount)
        let stopAt = target ?? -1
        let checkSlots = !blockedSlots.isEmpty
        var isTarget = [Bool](repeating: false, count: targets.isEmpty ? 0 : nodeCount)
        var targetsLeft = 0
        var frontier: Weight?
        for node in targets where !isTarget[node] {
            isTarget[node] = true
            targetsLeft += 1
        }

        graph.offsets.withUnsafeBufferPointer { offsets in
            graph.heads.withUnsafeBufferPointer { heads in
                slotWeights.withUnsafeBufferPointer { weights in
                    blockedSlots.withUnsafeBufferPointer { blockedSlot in
                        state.withUnsafeMutableBufferPointer { state in
                            distances.withUnsafeMutableBufferPointer { distance in
                                predecessors.withUnsafeMutableBufferPointer { predecessor in
                                    var heap = IndexedQuaternaryHeap<Weight>(capacity: nodeCount)
                                    defer { heap.deallocate() }
                                    distance[source] = initialDistance
                                    reached[source] = true
                                    heap.push(node: Int32(source), key: initialDistance, state: state)
                                    while heap.count > 0 {
                                        let (node, nodeDistance) = heap.popMinimum(state: state)
                                        if let stopAbove, nodeDistance > stopAbove {
                                            frontier = nodeDistance
                                            break
                                        }
                                        state[Int(node)] = settled
                                        if Int(node) == stopAt { break }
                                        if targetsLeft > 0, isTarget[Int(node)] {
                                            targetsLeft -= 1
                                            if targetsLeft == 0 { break }
                                        }
                                        for slot in Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1]) {
                                            let head = Int(heads[slot])
                                            let headState = state[head]
                                            if headState == settled { continue }
                                            if checkSlots && blockedSlot[slot] { continue }
                                            let candidate = nodeDistance + weights[slot]
                                            if headState == unseen {
                                                distance[head] = candidate
                                                predecessor[head] = Int32(slot)
                                                heap.push(node: Int32(head), key: candidate, state: state)
                                            } else if candidate < distance[head] {
                                                distance[head] = candidate
                                                predecessor[head] = Int32(slot)
                                                heap.decrease(at: Int(headState), to: candidate, state: state)
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for node in 0..<nodeCount where predecessors[node] >= 0 { reached[node] = true }
        return ShortestPathTree(
            source: source, distances: distances, predecessorSlots: predecessors, reached: reached, frontier: frontier)
    }
}

/// A min-heap of nodes keyed by distance, four children per entry, with each node's position kept in
/// the caller's `state` array so a key can be decreased in place.
struct IndexedQuaternaryHeap<Weight: PathWeight> {
    private let keys: UnsafeMutablePointer<Weight>
    private let nodes: UnsafeMutablePointer<Int32>
    private(set) var count = 0

    init(capacity: Int) {
        keys = .allocate(capacity: max(capacity, 1))
        nodes = .allocate(capacity: max(capacity, 1))
    }

    func deallocate() {
        keys.deallocate()
        nodes.deallocate()
    }

    mutating func push(node: Int32, key: Weight, state: UnsafeMutableBufferPointer<Int32>) {
        count += 1
        siftUp(from: count - 1, node: node, key: key, state: state)
    }

    func decrease(at position: Int, to key: Weight, state: UnsafeMutableBufferPointer<Int32>) {
        siftUp(from: position, node: nodes[position], key: key, state: state)
    }

    mutating func popMinimum(state: UnsafeMutableBufferPointer<Int32>) -> (Int32, Weight) {
        let minimum = (nodes[0], keys[0])
        count -= 1
        if count > 0 { siftDown(node: nodes[count], key: keys[count], state: state) }
        return minimum
    }

    private func siftUp(from start: Int, node: Int32, key: Weight, state: UnsafeMutableBufferPointer<Int32>) {
        var position = start
        while position > 0 {
            let parent = (position - 1) >> 2
            guard key < keys[parent] else { break }
            keys[position] = keys[parent]
            nodes[position] = nodes[parent]
            state[Int(nodes[position])] = Int32(position)
            position = parent
        }
        keys[position] = key
        nodes[position] = node
        state[Int(node)] = Int32(position)
    }

    /// Places `node` with `key`, taken from the last position, starting at the root.
    private func siftDown(node: Int32, key: Weight, state: UnsafeMutableBufferPointer<Int32>) {
        var position = 0
        while true {
            let first = 4 * position + 1
            if first >= count { break }
            var best = first
            var bestKey = keys[first]
            let last = min(first + 4, count)
            var child = first + 1
            while child < last {
                if keys[child] < bestKey {
                    best = child
                    bestKey = keys[child]
                }
                child += 1
            }
            guard bestKey < key else { break }
            keys[position] = bestKey
            nodes[position] = nodes[best]
            state[Int(nodes[position])] = Int32(position)
            position = best
        }
        keys[position] = key
        nodes[position] = node
        state[Int(node)] = Int32(position)
    }
}
