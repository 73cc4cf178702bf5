import CorridorModel

/// A static directed graph in compressed sparse row form: topology only.
///
/// The out-arcs of node `v` occupy the *slots* `outSlots(of: v)`; slot `s` leads to `heads[s]` and
/// stands for the caller's arc `arcIDs[s]` (an index into whatever arc list the graph was built
/// from). Weights, capacities and hours live in arrays the algorithms take beside the graph, indexed
/// by slot (for speed) or by arc id. Two `Int32`s per node boundary and two per arc, as in LEMON's
/// `StaticDigraph`; arcs leaving one node keep their input order, so results are deterministic.
///
/// - Complexity: building is O(nodes + arcs) (a counting sort on the tails).
public struct Digraph: Sendable, Equatable {
    /// The number of nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// `offsets[v]..<offsets[v + 1]` are the slots of `v`'s out-arcs; `nodeCount + 1` entries.
    public let offsets: [Int32]
    /// The head node of each slot.
    public let heads: [Int32]
    /// The caller's arc index of each slot.
    public let arcIDs: [Int32]

    /// The number of arcs.
    public var arcCount: Int { heads.count }

    /// Builds the graph of arcs `tails[i] → heads[i]`, arc `i` getting id `i`.
    ///
    /// The caller guarantees `tails.count == heads.count`, every node in `0..<nodeCount` and fewer
    /// than 2³¹ arcs; the readers that call this have checked their input.
    public init(nodeCount: Int, tails: [Int32], heads arcHeads: [Int32]) {
        self.nodeCount = nodeCount
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for tail in tails { offsets[Int(tail) + 1] &+= 1 }
        for node in 0..<nodeCount { offsets[node + 1] &+= offsets[node] }
        var next = offsets
        var heads = [Int32](repeating: 0, count: arcHeads.count)
        var arcIDs = [Int32](repeating: 0, count: arcHeads.count)
        heads.withUnsafeMutableBufferPointer { heads in
            arcIDs.withUnsafeMutableBufferPointer { arcIDs in
                next.withUnsafeMutableBufferPointer { next in
                    for arc in 0..<tails.count {
                        let tail = Int(tails[arc])
                        let slot = Int(next[tail])
                        next[tail] = Int32(slot + 1)
                        heads[slot] = arcHeads[arc]
                        arcIDs[slot] = Int32(arc)
                    }
                }
            }
        }
        self.offsets = offsets
        self.heads = heads
        self.arcIDs = arcIDs
    }

    /// The graph of an active network: node `v` is `network.nodes[v]`, arc id `a` is `network.arcs[a]`.
    public init(_ network: ActiveNetwork) {
        self.init(
            nodeCount: network.nodes.count, tails: network.arcs.map { Int32($0.from) },
            heads: network.arcs.map { Int32($0.to) })
    }

    /// The slots of the arcs leaving `node`.
    @inlinable
    public func outSlots(of node: Int) -> Range<Int> { Int(offsets[node])..<Int(offsets[node + 1]) }

    /// The same nodes with every arc turned round; arc ids are kept, so slot weights map through them.
    public func reversed() -> Digraph {
        var tails = [Int32](repeating: 0, count: arcCount)
        var reversedHeads = [Int32](repeating: 0, count: arcCount)
        for node in 0..<nodeCount {
            for slot in outSlots(of: node) {
                tails[Int(arcIDs[slot])] = heads[slot]
                reversedHeads[Int(arcIDs[slot])] = Int32(node)
            }
        }
        return Digraph(nodeCount: nodeCount, tails: tails, heads: reversedHeads)
    }

    /// Marks every node reachable from `sources` (breadth-first; `marked` is kept between calls, so a
    /// node already marked is not entered again), over the arcs whose id `isUsable` allows (all when `nil`).
    public func markReachable(
        from sources: [Int], into marked: inout [Bool], queue: inout [Int], isUsable: [Bool]? = nil
    ) {
        queue.removeAll(keepingCapacity: true)
        for source in sources where !marked[source] {
            marked[source] = true
            queue.append(source)
        }
        var front = 0
        while front < queue.count {
            let node = queue[front]
            front += 1
            for slot in outSlots(of: node) {
                if let isUsable, !isUsable[Int(arcIDs[slot])] { continue }
                let head = Int(heads[slot])
                if !marked[head] {
                    marked[head] = true
                    queue.append(head)
                }
            }
        }
    }

    /// The ids of the arcs leaving `node`, in input order.
    public func arcs(leaving node: Int) -> [Int] { outSlots(of: node).map { Int(arcIDs[$0]) } }

    /// The tail of every slot (the CSR form stores it implicitly).
    func slotTails() -> [Int32] {
        var tails = [Int32](repeating: 0, count: arcCount)
        for node in 0..<nodeCount {
            for slot in outSlots(of: node) { tails[slot] = Int32(node) }
        }
        return tails
    }
}
