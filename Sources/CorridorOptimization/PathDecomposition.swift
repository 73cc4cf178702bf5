// Flow decomposition of a single-source, multi-sink flow into paths (Ahuja, Magnanti & Orlin,
// *Network Flows*, 1993, §3.5): walk from the source along arcs with flow left until a sink that
// still needs flow; send the bottleneck; cancel any cycle met on the way. Each walk zeroes an arc
// or satisfies a sink, so there are at most A + S walks of O(N·Δ) each (Δ: largest out-degree).
//
// Determinism: the walk takes the arc with the most flow left (ties: the lowest arc index), so the
// same flows always give the same paths. Residues below the tolerance — solver noise — are dropped.

/// One path of a decomposed flow.
struct FlowPath: Sendable {
    /// Arc indices (into ``CorridorModel/ActiveNetwork/arcs``) from the source to ``sink``.
    let arcs: [Int]
    let sink: Int
    let flow: Double
}

enum PathDecomposition {
    /// Decomposes the flow of one commodity.
    ///
    /// - Parameters:
    ///   - source: the commodity's origin.
    ///   - arcs: the arcs the commodity may use, with `tails`/`heads` their ends and `flows` their flow.
    ///   - need: per node, the flow the node absorbs (its demands' served quantities); only sinks are > 0.
    ///   - tolerance: amounts at most this are zero.
    /// - Returns: paths whose flows, added per sink, give `need` (up to the tolerance).
    static func decompose(
        source: Int, arcs: [Int], tails: [Int], heads: [Int], flows: [Double], need: [Int: Double],
        nodeCount: Int, tolerance: Double
    ) -> [FlowPath] {
        var remaining = flows
        var needLeft = [Double](repeating: 0, count: nodeCount)
        for (node, amount) in need { needLeft[node] = amount }
        var totalNeed = need.values.reduce(0, +)

        // Outgoing local arcs per node, ascending arc index so ties resolve the same way every time.
        var outgoing = [[Int]](repeating: [], count: nodeCount)
        for local in arcs.indices { outgoing[tails[local]].append(local) }

        var positionOnPath = [Int](repeating: -1, count: nodeCount)
        var paths: [FlowPath] = []
        var walksLeft = arcs.count + need.count + 1
        var path: [Int] = []
        var pathNodes: [Int] = []

        while totalNeed > tolerance, walksLeft > 0 {
            walksLeft -= 1
            path.removeAll(keepingCapacity: true)
            pathNodes = [source]
            positionOnPath[source] = 0
            var node = source
            defer { for visited in pathNodes { positionOnPath[visited] = -1 } }
            walk: while true {
                if node != source, needLeft[node] > tolerance {
                    var bottleneck = needLeft[node]
                    var limitingArc = -1
                    for local in path where remaining[local] < bottleneck {
                        bottleneck = remaining[local]
                        limitingArc = local
                    }
                    for local in path { remaining[local] -= bottleneck }
                    if limitingArc >= 0 { remaining[limitingArc] = 0 }
                    needLeft[node] = limitingArc >= 0 ? needLeft[node] - bottleneck : 0
                    totalNeed -= bottleneck
                    paths.append(FlowPath(arcs: path.map { arcs[$0] }, sink: node, flow: bottleneck))
                    break walk
                }
                var best = -1
                for local in outgoing[node] where remaining[local] > tolerance {
                    if best < 0 || remaining[local] > remaining[best] { best = local }
                }
                guard best >= 0 else {
                    // Flow enters but does not leave (solver noise): drop the arc that led here.
                    guard let last = path.last else { return paths }
                    remaining[last] = 0
                    break walk
                }
                let next = heads[best]
                if positionOnPath[next] >= 0 {
                    let cycle = path[positionOnPath[next]...] + [best]
                    var smallest = remaining[best]
                    var limitingArc = best
                    for local in cycle where remaining[local] < smallest {
                        smallest = remaining[local]
                        limitingArc = local
                    }
                    for local in cycle { remaining[local] -= smallest }
                    remaining[limitingArc] = 0
                    break walk
                }
                path.append(best)
                positionOnPath[next] = pathNodes.count
                pathNodes.append(next)
                node = next
            }
        }
        return paths
    }
}
