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
    /// The network, its program's limit rows and their duals: what both formulations share.
    let network: ActiveNetwork
    let demandScale: Double
    let nodeLimitRows: [[AllocationModel.LimitRow]]
    let arcLimitRows: [[AllocationModel.LimitRow]]
    let rowDuals: [Double]
    let iterations: Int
    /// Each node's and arc's limits as the solver now holds them.
    let nodeLimits: [[CapacityLimit]]
    let arcLimits: [[CapacityLimit]]
    /// `c_{a,c}` and `h_{n,c}`, by commodity.
    let arcUnitCost: [[Double]]
    let nodeUnitCost: [[Double]]

    /// Reads the arc formulation's answer: served quantities, flows per commodity, and routes by decomposing
    /// each flow group's flow.
    init(model: AllocationModel, solution: LPSolution, demandScale: Double, nodeLimits: [[CapacityLimit]], arcLimits: [[CapacityLimit]]) {
        self.init(
            network: model.network, demandScale: demandScale, nodeLimitRows: model.nodeLimitRows,
            arcLimitRows: model.arcLimitRows, rowDuals: solution.rowDuals, iterations: solution.iterations,
            nodeLimits: nodeLimits, arcLimits: arcLimits, arcUnitCost: model.arcUnitCost, nodeUnitCost: model.nodeUnitCost)
        flows = Self.flows(of: model, values: solution.columnValues, demandScale: demandScale)
    }

    init(
        network: ActiveNetwork, demandScale: Double, nodeLimitRows: [[AllocationModel.LimitRow]],
        arcLimitRows: [[AllocationModel.LimitRow]], rowDuals: [Double], iterations: Int, nodeLimits: [[CapacityLimit]],
        arcLimits: [[CapacityLimit]], arcUnitCost: [[Double]], nodeUnitCost: [[Double]]
    ) {
        (self.network, self.demandScale, self.nodeLimitRows, self.arcLimitRows) = (network, demandScale, nodeLimitRows, arcLimitRows)
        (self.rowDuals, self.iterations, self.nodeLimits, self.arcLimits) = (rowDuals, iterations, nodeLimits, arcLimits)
        (self.arcUnitCost, self.nodeUnitCost) = (arcUnitCost, nodeUnitCost)
    }

    /// What the program's primal answer says: per demand the quantity served and the paths carrying it,
    /// and per commodity the flow on each arc.
    struct Flows {
        var served: [Double]
        var arcFlow: [[Double]]
        var routes: [[FlowPath]]
    }

    /// Set by the arc formulation's initialiser; the path formulation passes its own to ``allocation(_:)``.
    private(set) var flows: Flows?

    /// The zero threshold for a flow of demands totalling `quantity`: ``Allocation/tolerance`` times it, at
    /// least that times 1. Relative to the demands the flow belongs to, never to the whole file, so one
    /// huge demand cannot erase another's small flow.
    static func flowTolerance(of quantity: Double) -> Double { Allocation.tolerance * max(1, quantity) }

    private static func flows(of model: AllocationModel, values: [Double], demandScale: Double) -> Flows {
        let network = model.network
        let arcs = network.arcs
        let quantities = network.demands.map { $0.quantity * demandScale }
        var served = [Double](repeating: 0, count: quantities.count)
        for (k, column) in model.unservedColumn.enumerated() {
            guard let column else { continue }
            let value = min(quantities[k], max(0, quantities[k] - values[column]))
            served[k] = Self.tidy(value <= Self.flowTolerance(of: quantities[k]) ? 0 : value)
        }
        var arcFlow = [[Double]](repeating: [Double](repeating: 0, count: arcs.count), count: network.commodities.count)
        var routesOfDemand = [[FlowPath]](repeating: [], count: quantities.count)
        for group in model.groups {
            let flowTolerance = Self.flowTolerance(of: group.demands.reduce(0) { $0 + quantities[$1] })
            let groupFlows = group.arcs.indices.map { position in
                let value = max(0, values[group.firstColumn + position])
                return value <= flowTolerance ? 0 : value
            }
            for (position, a) in group.arcs.enumerated() { arcFlow[group.commodity][a] += groupFlows[position] }
            var need: [Int: Double] = [:]
            for k in group.demands {
                if let destination = network.demands[k].destination { need[destination, default: 0] += served[k] }
            }
            let paths = PathDecomposition.decompose(
                source: group.origin, arcs: group.arcs, tails: group.arcs.map { arcs[$0].from },
                heads: group.arcs.map { arcs[$0].to }, flows: groupFlows, need: need,
                nodeCount: network.nodes.count, tolerance: flowTolerance)
            assign(paths, to: group.demands, of: network, served: served, into: &routesOfDemand, tolerance: flowTolerance)
        }
        return Flows(served: served, arcFlow: arcFlow, routes: routesOfDemand)
    }

    /// The ``Allocation`` of the flows (the arc formulation's own when `given` is `nil`).
    func allocation(_ given: Flows? = nil) -> Allocation {
        guard let flows = given ?? flows else { preconditionFailure("no flows to decode") }
        let arcs = network.arcs
        let commodityCount = network.commodities.count
        let quantities = network.demands.map { $0.quantity * demandScale }
        let served = flows.served
        var arcFlow = flows.arcFlow
        let routesOfDemand = flows.routes

        var throughput = [[Double]](repeating: [Double](repeating: 0, count: network.nodes.count), count: commodityCount)
        for c in 0..<commodityCount {
            for (a, arc) in arcs.enumerated() { throughput[c][arc.to] += arcFlow[c][a] }
        }
        for (k, demand) in network.demands.enumerated() {
            if let origin = demand.origin { throughput[demand.commodity][origin] += served[k] }
        }
        arcFlow = arcFlow.map { $0.map(Self.tidy) }
        throughput = throughput.map { $0.map(Self.tidy) }
        // Totals in the network's unit: the commodities measured in it.
        let inNetworkUnit = network.commodities.map { $0.unit == network.network.unit }
        func total(_ perCommodity: [[Double]], _ index: Int) -> Double {
            Self.tidy((0..<commodityCount).reduce(0.0) { inNetworkUnit[$1] ? $0 + perCommodity[$1][index] : $0 })
        }

        let parts = objectiveParts(arcFlow: arcFlow, throughput: throughput, served: served, quantities: quantities)
        let demandResults = network.demands.indices.map { k in
            demandResult(k, quantity: quantities[k], served: served[k], paths: routesOfDemand[k])
        }
        let nodeResults = network.nodes.indices.map { n in
            let flows = (0..<commodityCount).map { throughput[$0][n] }
            let limits = limitResults(nodeLimitRows[n], current: nodeLimits[n], flows: flows)
            let flow = total(throughput, n)
            let capacity = nodeLimits[n].value(in: .networkUnit)
            return Allocation.NodeResult(
                id: network.nodes[n].id, flow: flow, capacity: capacity, utilisation: utilisation(flow, capacity),
                shadowPrice: limits.first { $0.measure == network.network.unit }?.shadowPrice ?? 0, flows: flows,
                limits: limits)
        }
        let arcResults = arcs.indices.map { a in
            let flows = (0..<commodityCount).map { arcFlow[$0][a] }
            let limits = limitResults(arcLimitRows[a], current: arcLimits[a], flows: flows)
            let flow = total(arcFlow, a)
            let capacity = arcLimits[a].value(in: .networkUnit)
            return Allocation.ArcResult(
                linkID: arcs[a].linkID, isReverse: arcs[a].isReverse, from: network.nodes[arcs[a].from].id,
                to: network.nodes[arcs[a].to].id, flow: flow, capacity: capacity,
                utilisation: utilisation(flow, capacity),
                shadowPrice: limits.first { $0.measure == network.network.unit }?.shadowPrice ?? 0, flows: flows,
                limits: limits)
        }
        let commodityResults = network.commodities.indices.map { c in
            let members = network.demands.indices.filter { network.demands[$0].commodity == c }
            let quantity = Self.tidy(members.reduce(0) { $0 + quantities[$1] })
            let servedTotal = Self.tidy(members.reduce(0) { $0 + served[$1] })
            let commodity = network.commodities[c]
            return Allocation.CommodityResult(
                id: commodity.id, name: commodity.name, unit: commodity.unit, quantity: quantity, served: servedTotal,
                unserved: Self.tidy(quantity - servedTotal), trains: commodity.commodity.perTrain.map { Self.tidy(servedTotal / $0) })
        }
        let inUnit = network.demands.indices.filter { inNetworkUnit[network.demands[$0].commodity] }
        let totalServed = inUnit.reduce(0) { $0 + served[$1] }
        let totalQuantity = inUnit.reduce(0) { $0 + quantities[$1] }
        return Allocation(
            networkName: network.network.name, scenarioID: network.scenarioID, status: .optimal,
            objective: Self.tidy(parts.total), objectiveParts: parts, served: Self.tidy(totalServed),
            unserved: Self.tidy(totalQuantity - totalServed), commodities: commodityResults, demands: demandResults,
            nodes: nodeResults, arcs: arcResults, crossings: crossings(nodeResults, demandResults, totalServed),
            iterations: iterations)
    }

    /// Each limit row's use (`Σ_c weight_c · flow_c`) and price.
    private func limitResults(_ rows: [AllocationModel.LimitRow], current: [CapacityLimit], flows: [Double]) -> [Allocation.LimitResult] {
        let unit = network.network.unit
        return rows.map { limit in
            let used = Self.tidy(zip(limit.weights, flows).reduce(0.0) { sum, pair in pair.0.map { sum + $0 * pair.1 } ?? sum })
            let capacity = current.value(in: limit.measure)
            return Allocation.LimitResult(
                measure: limit.measure.name(networkUnit: unit), capacity: capacity, used: used,
                utilisation: utilisation(used, capacity), shadowPrice: shadowPrice(limit.row))
        }
    }

    /// Hands each path's flow to the demands ending at its sink, in file order.
    private static func assign(
        _ paths: [FlowPath], to demands: [Int], of network: ActiveNetwork, served: [Double], into routes: inout [[FlowPath]],
        tolerance: Double
    ) {
        var left: [Int: Double] = [:]
        for k in demands { left[k] = served[k] }
        for path in paths {
            var flow = path.flow
            for k in demands where network.demands[k].destination == path.sink {
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
        let demand = network.demands[k]
        var flowOfArcs: [[Int]: Double] = [:]
        for path in paths { flowOfArcs[path.arcs, default: 0] += path.flow }
        let routes = flowOfArcs.map { arcList, flow in
            route(arcList, origin: demand.origin, commodity: demand.commodity, flow: flow, served: served)
        }
            .sorted { lhs, rhs in
                if lhs.flow != rhs.flow { return lhs.flow > rhs.flow }
                if lhs.links != rhs.links { return lhs.links.lexicographicallyPrecedes(rhs.links) }
                return lhs.nodes.lexicographicallyPrecedes(rhs.nodes)
            }
        return Allocation.DemandResult(
            id: demand.id, commodity: network.commodities[demand.commodity].id, origin: demand.demand.origin, destination: demand.demand.destination, quantity: quantity,
            served: served, unserved: quantity - served, isServable: demand.isServable, routes: routes)
    }

    private func route(_ arcList: [Int], origin: Int?, commodity c: Int, flow: Double, served: Double) -> Allocation.Route {
        var nodeIndices: [Int] = []
        if let first = arcList.first { nodeIndices.append(network.arcs[first].from) } else if let origin { nodeIndices.append(origin) }
        nodeIndices += arcList.map { network.arcs[$0].to }
        let arcHours = arcList.reduce(0.0) { $0 + network.terms(ofArc: $1, commodity: c).hours }
        let hours = arcHours + nodeIndices.reduce(0.0) { $0 + network.terms(ofNode: $1, commodity: c).hours }
        let arcCost = arcList.reduce(0.0) { $0 + arcUnitCost[c][$1] }
        let cost = arcCost + nodeIndices.reduce(0.0) { $0 + nodeUnitCost[c][$1] }
        return Allocation.Route(
            nodes: nodeIndices.map { network.nodes[$0].id }, links: arcList.map { network.arcs[$0].linkID },
            flow: Self.tidy(flow), share: served > 0 ? Self.tidy(flow / served) : 0, hours: Self.tidy(hours), cost: Self.tidy(cost),
            crossings: nodeIndices.filter { network.nodes[$0].kind == .crossing }.map { network.nodes[$0].id })
    }

    private func objectiveParts(
        arcFlow: [[Double]], throughput: [[Double]], served: [Double], quantities: [Double]
    ) -> Allocation.ObjectiveParts {
        var transport = 0.0
        var handling = 0.0
        var timeValue = 0.0
        for c in network.commodities.indices {
            var hours = 0.0
            for a in network.arcs.indices where arcFlow[c][a] != 0 {
                let terms = network.terms(ofArc: a, commodity: c)
                transport += terms.cost * arcFlow[c][a]
                hours += terms.hours * arcFlow[c][a]
            }
            for n in network.nodes.indices where throughput[c][n] != 0 {
                let terms = network.terms(ofNode: n, commodity: c)
                handling += terms.cost * throughput[c][n]
                hours += terms.hours * throughput[c][n]
            }
            timeValue += network.commodities[c].valueOfTimePerHour * hours
        }
        var penalty = 0.0
        for (k, demand) in network.demands.enumerated() {
            penalty += demand.unservedPenalty * (quantities[k] - served[k])
        }
        return Allocation.ObjectiveParts(
            transport: Self.tidy(transport), handling: Self.tidy(handling), timeValue: Self.tidy(timeValue),
            unservedPenalty: Self.tidy(penalty))
    }

    private func crossings(
        _ nodes: [Allocation.NodeResult], _ demands: [Allocation.DemandResult], _ served: Double
    ) -> [Allocation.CrossingResult] {
        let crossingNodes = network.nodes.indices.filter { network.nodes[$0].kind == .crossing }
        var flowByCrossing: [String: [String: Double]] = [:]
        for demand in demands {
            for route in demand.routes {
                for crossing in route.crossings { flowByCrossing[crossing, default: [:]][demand.id, default: 0] += route.flow }
            }
        }
        return crossingNodes.map { n in
            let node = nodes[n]
            let users = (flowByCrossing[node.id] ?? [:]).map { Allocation.DemandFlow(id: $0.key, flow: Self.tidy($0.value)) }
                .sorted { $0.flow != $1.flow ? $0.flow > $1.flow : $0.id < $1.id }
            return Allocation.CrossingResult(
                id: node.id, name: network.nodes[n].name, flow: node.flow, share: served > 0 ? Self.tidy(node.flow / served) : 0,
                capacity: node.capacity, utilisation: node.utilisation, shadowPrice: node.shadowPrice, demands: users,
                flows: node.flows, limits: node.limits)
        }
    }

    /// `value` rounded to 12 significant digits (``Swift/Double/rounded(significantDigits:)``).
    static func tidy(_ value: Double) -> Double { value.rounded(significantDigits: 12) }

    private func utilisation(_ flow: Double, _ capacity: Double?) -> Double? {
        guard let capacity, capacity > 0 else { return nil }
        return Self.tidy(flow / capacity)
    }

    /// `−dual` of a capacity row, with solver noise and negative zero turned into 0.
    private func shadowPrice(_ row: Int?) -> Double {
        guard let row else { return 0 }
        let price = -rowDuals[row]
        return abs(price) < 1e-7 ? 0 : Self.tidy(price)
    }
}
