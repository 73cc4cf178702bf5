import CorridorLP
import CorridorModel
import Foundation

/// Turns GLPK's primal and dual values into an ``Allocation``: flows per arc and node, served and
/// unserved quantities, routes by flow decomposition, shadow prices from row duals.
///
/// Sign convention: for a `≤` capacity row of a minimisation GLPK's dual is ≤ 0 — the objective's
/// change per unit of right-hand side — so the shadow price, the objective's *decrease* per extra unit
/// of capacity, is `−dual`.
struct AllocationDecoder {
    let model: AllocationModel
    let solution: LPSolution
    let demandScale: Double
    let nodeCapacity: [Double?]
    let arcCapacity: [Double?]

    func allocation() -> Allocation {
        let network = model.network
        let arcs = network.arcs
        let values = solution.columnValues
        let quantities = network.demands.map { $0.quantity * demandScale }
        let flowTolerance = Allocation.tolerance * max(1, quantities.reduce(0, +))
        func clean(_ value: Double) -> Double { abs(value) <= flowTolerance ? 0 : value }

        var served = [Double](repeating: 0, count: quantities.count)
        for (k, column) in model.unservedColumn.enumerated() {
            guard let column else { continue }
            served[k] = Self.tidy(clean(min(quantities[k], max(0, quantities[k] - values[column]))))
        }

        var arcFlow = [Double](repeating: 0, count: arcs.count)
        var routesOfDemand = [[FlowPath]](repeating: [], count: quantities.count)
        for commodity in model.commodities {
            let commodityFlows = commodity.arcs.indices.map { clean(max(0, values[commodity.firstColumn + $0])) }
            for (position, a) in commodity.arcs.enumerated() { arcFlow[a] += commodityFlows[position] }
            var need: [Int: Double] = [:]
            for k in commodity.demands {
                if let destination = network.demands[k].destination { need[destination, default: 0] += served[k] }
            }
            let paths = PathDecomposition.decompose(
                source: commodity.origin, arcs: commodity.arcs, tails: commodity.arcs.map { arcs[$0].from },
                heads: commodity.arcs.map { arcs[$0].to }, flows: commodityFlows, need: need,
                nodeCount: network.nodes.count, tolerance: flowTolerance)
            assign(paths, to: commodity.demands, served: served, into: &routesOfDemand, tolerance: flowTolerance)
        }

        var throughput = [Double](repeating: 0, count: network.nodes.count)
        for (a, arc) in arcs.enumerated() { throughput[arc.to] += arcFlow[a] }
        for (k, demand) in network.demands.enumerated() {
            if let origin = demand.origin { throughput[origin] += served[k] }
        }
        arcFlow = arcFlow.map(Self.tidy)
        throughput = throughput.map(Self.tidy)

        let parts = objectiveParts(arcFlow: arcFlow, throughput: throughput, served: served, quantities: quantities)
        let demandResults = network.demands.indices.map { k in
            demandResult(k, quantity: quantities[k], served: served[k], paths: routesOfDemand[k])
        }
        let nodeResults = network.nodes.indices.map { n in
            Allocation.NodeResult(
                id: network.nodes[n].id, flow: throughput[n], capacity: nodeCapacity[n],
                utilisation: utilisation(throughput[n], nodeCapacity[n]),
                shadowPrice: shadowPrice(model.nodeCapacityRow[n]))
        }
        let arcResults = arcs.indices.map { a in
            Allocation.ArcResult(
                linkID: arcs[a].linkID, isReverse: arcs[a].isReverse, from: network.nodes[arcs[a].from].id,
                to: network.nodes[arcs[a].to].id, flow: arcFlow[a], capacity: arcCapacity[a],
                utilisation: utilisation(arcFlow[a], arcCapacity[a]), shadowPrice: shadowPrice(model.arcCapacityRow[a]))
        }
        let totalServed = served.reduce(0, +)
        return Allocation(
            networkName: network.network.name, scenarioID: network.scenarioID, status: .optimal,
            objective: Self.tidy(parts.total), objectiveParts: parts, served: Self.tidy(totalServed),
            unserved: Self.tidy(quantities.reduce(0, +) - totalServed), demands: demandResults, nodes: nodeResults,
            arcs: arcResults, crossings: crossings(nodeResults, demandResults), iterations: solution.iterations)
    }

    /// Hands each path's flow to the demands ending at its sink, in file order.
    private func assign(
        _ paths: [FlowPath], to demands: [Int], served: [Double], into routes: inout [[FlowPath]],
        tolerance: Double
    ) {
        var left: [Int: Double] = [:]
        for k in demands { left[k] = served[k] }
        for path in paths {
            var flow = path.flow
            for k in demands where model.network.demands[k].destination == path.sink {
                guard flow > tolerance else { break }
                let share = min(flow, left[k] ?? 0)
                guard share > tolerance else { continue }
                routes[k].append(FlowPath(arcs: path.arcs, sink: path.sink, flow: share))
                left[k, default: 0] -= share
                flow -= share
            }
        }
    }

    private func demandResult(_ k: Int, quantity: Double, served: Double, paths: [FlowPath]) -> Allocation.DemandResult {
        let network = model.network
        let demand = network.demands[k]
        var flowOfArcs: [[Int]: Double] = [:]
        for path in paths { flowOfArcs[path.arcs, default: 0] += path.flow }
        let routes = flowOfArcs.map { arcList, flow in route(arcList, origin: demand.origin, flow: flow, served: served) }
            .sorted { lhs, rhs in
                if lhs.flow != rhs.flow { return lhs.flow > rhs.flow }
                if lhs.links != rhs.links { return lhs.links.lexicographicallyPrecedes(rhs.links) }
                return lhs.nodes.lexicographicallyPrecedes(rhs.nodes)
            }
        return Allocation.DemandResult(
            id: demand.id, origin: demand.demand.origin, destination: demand.demand.destination, quantity: quantity,
            served: served, unserved: quantity - served, isServable: demand.isServable, routes: routes)
    }

    private func route(_ arcList: [Int], origin: Int?, flow: Double, served: Double) -> Allocation.Route {
        let network = model.network
        var nodeIndices: [Int] = []
        if let first = arcList.first { nodeIndices.append(network.arcs[first].from) } else if let origin { nodeIndices.append(origin) }
        nodeIndices += arcList.map { network.arcs[$0].to }
        let hours = arcList.reduce(0.0) { $0 + network.arcs[$1].hours }
            + nodeIndices.reduce(0.0) { $0 + network.nodes[$1].dwellHours }
        let cost = arcList.reduce(0.0) { $0 + model.arcUnitCost[$1] }
            + nodeIndices.reduce(0.0) { $0 + model.nodeUnitCost[$1] }
        return Allocation.Route(
            nodes: nodeIndices.map { network.nodes[$0].id }, links: arcList.map { network.arcs[$0].linkID },
            flow: Self.tidy(flow), share: served > 0 ? Self.tidy(flow / served) : 0, hours: hours, cost: cost,
            crossings: nodeIndices.filter { network.nodes[$0].kind == .crossing }.map { network.nodes[$0].id })
    }

    private func objectiveParts(
        arcFlow: [Double], throughput: [Double], served: [Double], quantities: [Double]
    ) -> Allocation.ObjectiveParts {
        let network = model.network
        var transport = 0.0
        var hours = 0.0
        for (a, arc) in network.arcs.enumerated() {
            transport += arc.cost * arcFlow[a]
            hours += arc.hours * arcFlow[a]
        }
        var handling = 0.0
        for (n, node) in network.nodes.enumerated() {
            handling += node.handlingCost * throughput[n]
            hours += node.dwellHours * throughput[n]
        }
        var penalty = 0.0
        for (k, demand) in network.demands.enumerated() {
            penalty += demand.unservedPenalty * (quantities[k] - served[k])
        }
        return Allocation.ObjectiveParts(
            transport: Self.tidy(transport), handling: Self.tidy(handling),
            timeValue: Self.tidy(network.network.valueOfTimePerHour * hours), unservedPenalty: Self.tidy(penalty))
    }

    private func crossings(
        _ nodes: [Allocation.NodeResult], _ demands: [Allocation.DemandResult]
    ) -> [Allocation.CrossingResult] {
        let network = model.network
        let crossingNodes = network.nodes.indices.filter { network.nodes[$0].kind == .crossing }
        let served = demands.reduce(0.0) { $0 + $1.served }
        var flowByCrossing: [String: [String: Double]] = [:]
        for demand in demands {
            for route in demand.routes {
                for crossing in route.crossings { flowByCrossing[crossing, default: [:]][demand.id, default: 0] += route.flow }
            }
        }
        return crossingNodes.map { n in
            let node = nodes[n]
            let users = (flowByCrossing[node.id] ?? [:]).map { Allocation.DemandFlow(id: $0.key, flow: $0.value) }
                .sorted { $0.flow != $1.flow ? $0.flow > $1.flow : $0.id < $1.id }
            return Allocation.CrossingResult(
                id: node.id, name: network.nodes[n].name, flow: node.flow, share: served > 0 ? Self.tidy(node.flow / served) : 0,
                capacity: node.capacity, utilisation: node.utilisation, shadowPrice: node.shadowPrice, demands: users)
        }
    }

    /// `value` rounded to 12 significant digits, so that 48.49999999999994 from the simplex reads as
    /// 48.5; far below GLPK's own tolerances (1e-7 relative), far above a `Double`'s noise.
    static func tidy(_ value: Double) -> Double {
        guard value != 0, value.isFinite else { return value }
        let scale = pow(10, Double(12 - Int(log10(abs(value)).rounded(.up))))
        let rounded = (value * scale).rounded() / scale
        return rounded.isFinite && scale.isFinite && scale > 0 ? rounded : value
    }

    private func utilisation(_ flow: Double, _ capacity: Double?) -> Double? {
        guard let capacity, capacity > 0 else { return nil }
        return flow / capacity
    }

    /// `−dual` of a capacity row, with solver noise and negative zero turned into 0.
    private func shadowPrice(_ row: Int?) -> Double {
        guard let row else { return 0 }
        let price = -solution.rowDuals[row]
        return abs(price) < 1e-7 ? 0 : Self.tidy(price)
    }
}
