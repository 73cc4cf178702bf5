import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Testing

/// The certificates every allocation of a random corridor (``RandomNetworks``) must pass.
enum RandomCorridors {
    /// Checks what any optimal allocation satisfies, recomputing from the network: bounds,
    /// conservation, capacities, routes that are real paths carrying the served quantity, and the
    /// objective from the flows.
    static func checkCertificates(
        _ allocation: Allocation, _ network: ActiveNetwork, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let scale = max(1, network.demands.reduce(0) { $0 + $1.quantity })
        let tolerance = 1e-6 * scale
        var inflow = [Double](repeating: 0, count: network.nodes.count)
        var outflow = inflow
        var objective = 0.0
        for (a, arc) in network.arcs.enumerated() {
            let flow = allocation.arcs[a].flow
            #expect(flow >= -tolerance, sourceLocation: sourceLocation)
            if let capacity = arc.capacity { #expect(flow <= capacity + tolerance, sourceLocation: sourceLocation) }
            inflow[arc.to] += flow
            outflow[arc.from] += flow
            objective += network.generalisedCost(ofArc: a) * flow
        }
        var balance = [Double](repeating: 0, count: network.nodes.count)
        var throughput = inflow
        for (k, demand) in network.demands.enumerated() {
            let result = allocation.demands[k]
            #expect(abs(result.quantity - demand.quantity) <= tolerance, sourceLocation: sourceLocation)
            #expect(result.served >= -tolerance && result.served <= demand.quantity + tolerance, sourceLocation: sourceLocation)
            #expect(abs(result.served + result.unserved - demand.quantity) <= tolerance, sourceLocation: sourceLocation)
            objective += demand.unservedPenalty * result.unserved
            if let origin = demand.origin, let destination = demand.destination {
                balance[origin] -= result.served
                balance[destination] += result.served
                throughput[origin] += result.served
            } else {
                #expect(result.served == 0, sourceLocation: sourceLocation)
            }
            #expect(
                abs(result.routes.reduce(0) { $0 + $1.flow } - result.served) <= tolerance,
                "routes of \(result.id)", sourceLocation: sourceLocation)
            for route in result.routes {
                #expect(route.nodes.first == result.origin && route.nodes.last == result.destination, sourceLocation: sourceLocation)
                for (step, linkID) in route.links.enumerated() {
                    let connects = network.arcs.contains { arc in
                        arc.linkID == linkID && network.nodes[arc.from].id == route.nodes[step]
                            && network.nodes[arc.to].id == route.nodes[step + 1]
                    }
                    #expect(connects, "\(result.id) step \(step)", sourceLocation: sourceLocation)
                }
                #expect(Set(route.nodes).count == route.nodes.count, "routes are simple", sourceLocation: sourceLocation)
            }
        }
        for (n, node) in network.nodes.enumerated() {
            #expect(abs(inflow[n] - outflow[n] - balance[n]) <= tolerance, "conservation at \(node.id)", sourceLocation: sourceLocation)
            #expect(abs(allocation.nodes[n].flow - throughput[n]) <= tolerance, sourceLocation: sourceLocation)
            if let capacity = node.capacity {
                #expect(throughput[n] <= capacity + tolerance, "capacity of \(node.id)", sourceLocation: sourceLocation)
            }
            objective += network.generalisedCost(ofNode: n) * throughput[n]
        }
        let relative = 1e-7 * max(1, abs(objective))
        #expect(abs(objective - allocation.objective) <= relative, sourceLocation: sourceLocation)
        #expect(abs(allocation.objectiveParts.total - allocation.objective) <= relative, sourceLocation: sourceLocation)
    }
}

/// Edmonds–Karp max-flow (CLRS §26.2) on a small dense graph; an oracle independent of the LP.
struct EdmondsKarp {
    private var capacity: [[Double]]

    init(vertexCount: Int) {
        capacity = [[Double]](repeating: [Double](repeating: 0, count: vertexCount), count: vertexCount)
    }

    mutating func addEdge(_ from: Int, _ to: Int, _ amount: Double) { capacity[from][to] += amount }

    /// The maximum flow value from `source` to `sink`; O(V·E²), E ≤ V².
    mutating func maximumFlow(from source: Int, to sink: Int) -> Double {
        var total = 0.0
        let count = capacity.count
        while true {
            var parent = [Int](repeating: -1, count: count)
            parent[source] = source
            var queue = [source]
            var head = 0
            while head < queue.count, parent[sink] < 0 {
                let vertex = queue[head]
                head += 1
                for next in 0..<count where parent[next] < 0 && capacity[vertex][next] > 1e-12 {
                    parent[next] = vertex
                    queue.append(next)
                }
            }
            guard parent[sink] >= 0 else { return total }
            var bottleneck = Double.infinity
            var vertex = sink
            while vertex != source {
                bottleneck = min(bottleneck, capacity[parent[vertex]][vertex])
                vertex = parent[vertex]
            }
            vertex = sink
            while vertex != source {
                capacity[parent[vertex]][vertex] -= bottleneck
                capacity[vertex][parent[vertex]] += bottleneck
                vertex = parent[vertex]
            }
            total += bottleneck
        }
    }

    /// The most an allocation can serve when every demand leaves one origin: nodes split into
    /// in (2n) and out (2n+1) joined by the node's capacity; the origin is fed from a super source
    /// into its in-side (its throughput counts what starts there); each destination's out-side
    /// drains to a super sink with its demand.
    static func servableMaximum(_ network: ActiveNetwork, origin: Int) -> Double {
        let nodeCount = network.nodes.count
        let source = 2 * nodeCount
        let sink = source + 1
        var graph = EdmondsKarp(vertexCount: sink + 1)
        for (n, node) in network.nodes.enumerated() { graph.addEdge(2 * n, 2 * n + 1, node.capacity ?? .infinity) }
        for arc in network.arcs where arc.from != arc.to {
            graph.addEdge(2 * arc.from + 1, 2 * arc.to, arc.capacity ?? .infinity)
        }
        var supply = 0.0
        for demand in network.demands {
            guard demand.origin == origin, let destination = demand.destination else { continue }
            graph.addEdge(2 * destination + 1, sink, demand.quantity)
            supply += demand.quantity
        }
        graph.addEdge(source, 2 * origin, supply)
        return graph.maximumFlow(from: source, to: sink)
    }
}
