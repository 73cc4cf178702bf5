// The allocation linear program of docs/MODEL.md, in its symbols.
//
// On the active network of a scenario (arcs a, nodes n, commodities c), with demands k of commodity c_k
// and quantity d_k from o_k to t_k:
//
//   variables     x[k,a] ≥ 0            flow of demand k on arc a (only arcs that accept c_k)
//                 u[k] ∈ [0, d_k]       unserved quantity of demand k
//   costs         c_{a,c} = cost_{a,c} + valueOfTimePerHour_c · hours_{a,c}
//                 h_{n,c} = handlingCost_{n,c} + valueOfTimePerHour_c · dwellHours_{n,c}
//   throughput    T_{n,c} = Σ_{k: c_k = c} ( inflow_k(n) + [n = o_k]·(d_k − u_k) )
//   conservation  outflow_k(n) − inflow_k(n) = [n = o_k]·(d_k − u_k) − [n = t_k]·(d_k − u_k)   ∀ k, n
//   limits        Σ_k w(c_k, m)·x[k,a] ≤ V  for each limit (m, V) of arc a;
//                 Σ_c w(c, m)·T_{n,c} ≤ V   for each limit (m, V) of node n,
//                 with w(c, m) = 1 / (units of c per m): 1/perTrain, 1/perVehicle, 1 for c's own unit;
//                 a limit in another unit does not count c at all
//   minimise      Σ_a Σ_k c_{a,c_k}·x[k,a] + Σ_n Σ_c h_{n,c}·T_{n,c} + Σ_k penalty_k·u[k]
//
// How it is built (an equivalent, smaller program):
//
// - Demands with the same origin o and commodity c share one flow group g: flow variables x[g,a],
//   while each demand keeps its own u[k]. Its conservation rows read
//       outflow_g(n) − inflow_g(n) = [n = o]·Σ_{k∈g}(d_k − u_k) − Σ_{k∈g, t_k = n}(d_k − u_k).
//   This is exact: summing the per-demand flows of a solution gives a solution of the aggregate, and
//   a single-source flow decomposes into paths to its sinks (flow decomposition, Ahuja–Magnanti–Orlin,
//   *Network Flows*, 1993, §3.5), which hands every demand exactly d_k − u_k along paths; cycles left
//   over cost ≥ 0 and can be dropped. Costs and limits are sums over k with weights of c alone, so
//   both programs have the same optimum.
// - A group gets variables only on arcs that accept its commodity and lie on some path of such arcs
//   from its origin to one of its destinations (forward reachable from o, backward reachable from a
//   t_k); other arcs carry nothing of it in any solution. The pruning depends on topology alone, so later capacity or demand
//   changes (``AllocationSolver``) stay valid. A demand none of whose paths exists has u fixed at d.
// - Handling cost on T_{n,c} is moved onto the variables: every x[g,a] pays h_{head,c} at a's head, and
//   the origin term h_{o,c}·(d_k − u_k) becomes a coefficient −h_{o,c} on u[k] plus the constant
//   h_{o,c}·d_k. Constants sit on a column fixed at 1, so LP and MPS exports carry them.
// - The row of a node limit (m, V) at n reads Σ_{a into n} Σ_g w(c_g, m)·x[g,a] − Σ_{k: o_k = n} w(c_k, m)·u[k]
//   ≤ V − Σ_{k: o_k = n} w(c_k, m)·d_k.
// - A demand with an end that is off (``ActiveDemand/isServable`` false) has no variables: it is
//   wholly unserved and its penalty counts in the objective's constant.
// - A starting basis (``startingBasis``), after the textbook dual simplex start for multicommodity flows:
//   per commodity the shortest-path tree from its origin over its arcs (Dijkstra, costs = column
//   objectives ≥ 0) is basic, with the origin's conservation row and every capacity row. One tree arc
//   enters every node but the origin, so the basis matrix is triangular, hence nonsingular. Its duals are
//   minus the shortest-path distances dist(n), so every flow column prices out at c_a + dist(tail) −
//   dist(head) ≥ 0, and u[k] at penalty_k − h_o − dist(t_k): u[k] starts at 0 (everything shipped along
//   the tree) when that is ≥ 0 and at d_k otherwise. The basis is then dual feasible and only capacities
//   can be violated, which is where the dual simplex starts best — instead of the tens of thousands of
//   degenerate primal pivots an all-slack start spends building the trees.
//
// Size: Σ_g (kept arcs of g) + |demands| columns; Σ_g (kept nodes of g) + |limits of nodes and arcs|
// rows. Building is O(Σ_g (N + A)) with arrays only.

import CorridorLP
import CorridorModel
import CorridorRouting

/// The allocation linear program of one scenario, with the bookkeeping to read GLPK's answer back.
///
/// The program (``program``) is the allocation LP of docs/MODEL.md with the demands of one origin and
/// commodity aggregated into one flow group (see the top of `AllocationModel.swift` for the formulation
/// and why this is exact).
public struct AllocationModel: Sendable {
    /// The demands of one origin and one commodity, and the part of the network their flow can use.
    struct FlowGroup: Sendable {
        /// Index of the origin in ``ActiveNetwork/nodes``.
        let origin: Int
        /// Index of the commodity in ``ActiveNetwork/commodities``.
        let commodity: Int
        /// Indices into ``ActiveNetwork/demands`` of the demands that can reach their destination.
        let demands: [Int]
        /// Arcs on some path from the origin to one of the destinations, ascending.
        let arcs: [Int]
        /// Column of `x[g, arcs[0]]`; `arcs[i]` has column `firstColumn + i`.
        let firstColumn: Int
    }

    /// A row whose right-hand side is a weighted sum of demand quantities (plus a limit's value for a
    /// node's limit row), so that a change of demand scale or capacity knows what to recompute.
    struct QuantityRow: Sendable {
        let row: Int
        /// `(demand index, weight)`: the right-hand side holds `Σ weight · d_k`.
        let terms: [(demand: Int, weight: Double)]
        /// For a node's limit row, the node and the measure whose value is added; `nil` for conservation.
        let limitOfNode: (node: Int, measure: CapacityMeasure)?
    }

    /// One limit's row: the element's limit in `measure`, and each commodity's weight in it
    /// (`1 / load`, `nil` where the limit does not count the commodity).
    struct LimitRow: Sendable {
        let measure: CapacityMeasure
        let row: Int
        let weights: [Double?]
    }

    /// The network the program was built from.
    public let network: ActiveNetwork
    /// The linear program as built: minimise, with the capacities and quantities of ``network``.
    public let program: LinearProgram

    let groups: [FlowGroup]
    /// Column of `u[k]` per demand of ``ActiveNetwork/demands``; `nil` when the demand is not servable.
    let unservedColumn: [Int?]
    /// True for a servable demand whose destination cannot be reached: its `u` is fixed at `d`.
    let isUnreachable: [Bool]
    /// A column fixed at 1 whose objective coefficient is the objective's constant part:
    /// `Σ_k h_{o_k,c_k}·d_k` over servable demands plus `Σ penalty_k·d_k` over demands with an end off.
    let constantColumn: Int
    /// Conservation rows at origins and destinations, and every node limit row.
    let quantityRows: [QuantityRow]
    /// The limit rows of each node and each arc, in the order of the element's limits; an element
    /// named adjustable without a limit in the network's unit has a free row for it.
    let nodeLimitRows: [[LimitRow]]
    let arcLimitRows: [[LimitRow]]
    /// Unit cost per commodity and arc, `c_{a,c}` (`arcUnitCost[c][a]`), and per commodity and node, `h_{n,c}`.
    let arcUnitCost: [[Double]]
    let nodeUnitCost: [[Double]]
    /// The shortest-path-tree basis described at the top of `AllocationModel.swift`: basic rows and
    /// columns, and the columns non-basic at their upper bound (the u[k]).
    let startingBasis: (rows: [Int], columns: [Int], atUpperBound: [Int])

    /// The row of a node's limit in `measure`, when it has one.
    public func limitRow(ofNode node: Int, measure: CapacityMeasure) -> Int? {
        nodeLimitRows[node].first { $0.measure == measure }?.row
    }

    /// The row of an arc's limit in `measure`, when it has one.
    public func limitRow(ofArc arc: Int, measure: CapacityMeasure) -> Int? {
        arcLimitRows[arc].first { $0.measure == measure }?.row
    }

    /// Builds the program.
    ///
    /// - Parameters:
    ///   - network: the active network of a scenario.
    ///   - adjustableCapacities: nodes or links whose capacity in the network's unit may later change
    ///     through ``AllocationSolver/updateCapacity(of:to:)`` although unlimited now; they get a free
    ///     row. Every limit always has one.
    /// - Throws: ``AllocationError/outOfRange(_:value:limit:)`` for a number outside ``ModelLimits``
    ///   (possible in a network built in code, or after a scenario's scaling).
    /// - Complexity: O(G·(N + A)) for G flow groups, N nodes and A arcs.
    public init(network: ActiveNetwork, adjustableCapacities: [ElementReference] = []) throws(AllocationError) {
        try Self.check(network)
        let nodeCount = network.nodes.count
        let arcCount = network.arcs.count
        let commodityCount = network.commodities.count
        let arcs = network.arcs
        var adjustableNodes = Set<Int>()
        var adjustableArcs = Set<Int>()
        for element in adjustableCapacities {
            switch element {
            case .node(let node): adjustableNodes.insert(node.index)
            case .link(let link): adjustableArcs.formUnion(link.arcs)
            }
        }

        let arcUnitCost = (0..<commodityCount).map { c in (0..<arcCount).map { network.generalisedCost(ofArc: $0, commodity: c) } }
        let nodeUnitCost = (0..<commodityCount).map { c in (0..<nodeCount).map { network.generalisedCost(ofNode: $0, commodity: c) } }
        let graph = Digraph(network)
        let reverse = graph.reversed()
        // Per commodity: which arcs accept it (nil when all do), and each slot's weight in the starting
        // basis's trees, the arc's cost plus its head's handling.
        let usableArcs: [[Bool]?] = (0..<commodityCount).map { c in
            let usable = (0..<arcCount).map { network.terms(ofArc: $0, commodity: c).accepts }
            return usable.allSatisfy { $0 } ? nil : usable
        }
        var slotWeights: [[Double]?] = Array(repeating: nil, count: commodityCount)

        // Flow groups in order of each (origin, commodity)'s first demand, so the build is deterministic.
        var groupOfKey: [Int: Int] = [:]
        var demandsByGroup: [[Int]] = []
        var keyOfGroup: [(origin: Int, commodity: Int)] = []
        for (k, demand) in network.demands.enumerated() {
            guard let origin = demand.origin, demand.destination != nil else { continue }
            let key = origin * commodityCount + demand.commodity
            if groupOfKey[key] == nil {
                groupOfKey[key] = demandsByGroup.count
                demandsByGroup.append([])
                keyOfGroup.append((origin, demand.commodity))
            }
            demandsByGroup[groupOfKey[key]!].append(k)
        }

        var program = LinearProgram(sense: .minimize)
        var names = ModelNames(network)
        var unservedColumn = [Int?](repeating: nil, count: network.demands.count)
        var isUnreachable = [Bool](repeating: false, count: network.demands.count)
        var objectiveConstant = 0.0
        for demand in network.demands where !demand.isServable {
            objectiveConstant += demand.unservedPenalty * demand.quantity
        }

        var groups: [FlowGroup] = []
        var quantityRows: [QuantityRow] = []
        var columnsOfArc = [[(column: Int, commodity: Int)]](repeating: [], count: arcCount)
        var forward = [Bool](repeating: false, count: nodeCount)
        var backward = [Bool](repeating: false, count: nodeCount)
        var columnOfArc = [Int](repeating: -1, count: arcCount)
        var queue: [Int] = []
        var isSink = [Bool](repeating: false, count: nodeCount)
        var basicRows: [Int] = []
        var basicColumns: [Int] = []
        var columnsAtUpperBound: [Int] = []

        for (g, (origin, c)) in keyOfGroup.enumerated() {
            let members = demandsByGroup[g]
            let usable = usableArcs[c]
            forward.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
            backward.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
            graph.markReachable(from: [origin], into: &forward, queue: &queue, isUsable: usable)
            let destinations = members.compactMap { network.demands[$0].destination }
            reverse.markReachable(from: destinations, into: &backward, queue: &queue, isUsable: usable)

            var keptArcs: [Int] = []
            for a in 0..<arcCount where forward[arcs[a].from] && backward[arcs[a].to] && usable?[a] ?? true {
                keptArcs.append(a)
            }
            let firstColumn = program.columnCount
            // Consecutive columns, so that arc i of the group is column firstColumn + i.
            for a in keptArcs {
                let column = program.addColumn(
                    name: names.flow(origin: origin, commodity: c, arc: a),
                    objective: arcUnitCost[c][a] + nodeUnitCost[c][arcs[a].to])
                columnOfArc[a] = column
                columnsOfArc[a].append((column, c))
            }

            var reachable: [(demand: Int, column: Int)] = []
            for k in members {
                let demand = network.demands[k]
                guard let destination = demand.destination else { continue }
                let column = program.addColumn(
                    name: names.unserved(demand: k), lower: 0, upper: demand.quantity,
                    objective: demand.unservedPenalty - nodeUnitCost[c][origin])
                unservedColumn[k] = column
                objectiveConstant += nodeUnitCost[c][origin] * demand.quantity
                if forward[destination] {
                    reachable.append((k, column))
                    isSink[destination] = true
                } else {
                    isUnreachable[k] = true
                    program.setColumnBounds(column, lower: demand.quantity, upper: demand.quantity)
                }
            }

            if !reachable.isEmpty {
                for n in 0..<nodeCount where forward[n] && backward[n] {
                    var terms: [(column: Int, coefficient: Double)] = []
                    for a in graph.arcs(leaving: n) where columnOfArc[a] >= 0 { terms.append((columnOfArc[a], 1)) }
                    for a in reverse.arcs(leaving: n) where columnOfArc[a] >= 0 { terms.append((columnOfArc[a], -1)) }
                    var quantityTerms: [(demand: Int, weight: Double)] = []
                    if n == origin {
                        for (k, column) in reachable {
                            terms.append((column, 1))
                            quantityTerms.append((k, 1))
                        }
                    }
                    if isSink[n] {
                        for (k, column) in reachable where network.demands[k].destination == n {
                            terms.append((column, -1))
                            quantityTerms.append((k, -1))
                        }
                    }
                    let rightHandSide = Self.weightedSum(quantityTerms, network.demands)
                    let row = program.addRow(
                        name: names.balance(origin: origin, commodity: c, node: n), lower: rightHandSide,
                        upper: rightHandSide, terms: terms)
                    if n == origin { basicRows.append(row) }
                    if !quantityTerms.isEmpty {
                        quantityRows.append(QuantityRow(row: row, terms: quantityTerms, limitOfNode: nil))
                    }
                }
                if slotWeights[c] == nil {
                    slotWeights[c] = graph.arcIDs.map { arcUnitCost[c][Int($0)] + nodeUnitCost[c][arcs[Int($0)].to] }
                }
                let tree = Dijkstra.run(
                    in: graph, slotWeights: slotWeights[c] ?? [], from: origin,
                    blockedSlots: graph.arcIDs.map { columnOfArc[Int($0)] < 0 })
                for n in 0..<nodeCount where n != origin && tree.isReached(n) {
                    basicColumns.append(columnOfArc[Int(graph.arcIDs[Int(tree.predecessorSlots[n])])])
                }
                for (k, column) in reachable {
                    guard let destination = network.demands[k].destination else { continue }
                    let reducedCost =
                        network.demands[k].unservedPenalty - nodeUnitCost[c][origin] - tree.distances[destination]
                    if reducedCost < 0 { columnsAtUpperBound.append(column) }
                }
            }
            for a in keptArcs { columnOfArc[a] = -1 }
            for (k, _) in reachable {
                if let destination = network.demands[k].destination { isSink[destination] = false }
            }
            groups.append(
                FlowGroup(
                    origin: origin, commodity: c, demands: reachable.map(\.demand), arcs: keptArcs,
                    firstColumn: firstColumn))
        }

        /// The limits that get rows: the element's, and a free one in the network's unit when adjustable.
        func rowLimits(_ limits: [CapacityLimit], adjustable: Bool) -> [(measure: CapacityMeasure, value: Double?)] {
            var result = limits.map { (measure: $0.measure, value: Optional($0.value)) }
            if adjustable, !limits.contains(where: { $0.measure == .networkUnit }) { result.insert((.networkUnit, nil), at: 0) }
            return result
        }

        // Node limit rows: Σ_c w(c, m)·T_{n,c} ≤ V, what starts at n moved to the right-hand side.
        var demandsByOrigin = [[Int]](repeating: [], count: nodeCount)
        for (k, demand) in network.demands.enumerated() {
            if let origin = demand.origin { demandsByOrigin[origin].append(k) }
        }
        var nodeLimitRows = [[LimitRow]](repeating: [], count: nodeCount)
        for (n, node) in network.nodes.enumerated() {
            for (measure, value) in rowLimits(node.limits, adjustable: adjustableNodes.contains(n)) {
                let weight = network.weights(in: measure)
                var terms: [(column: Int, coefficient: Double)] = []
                for a in reverse.arcs(leaving: n) {
                    for (column, c) in columnsOfArc[a] { if let w = weight[c] { terms.append((column, w)) } }
                }
                var quantityTerms: [(demand: Int, weight: Double)] = []
                for k in demandsByOrigin[n] {
                    guard let column = unservedColumn[k], let w = weight[network.demands[k].commodity] else { continue }
                    terms.append((column, -w))
                    quantityTerms.append((k, -w))
                }
                let supply = Self.weightedSum(quantityTerms, network.demands)
                let row = program.addRow(
                    name: names.capacity(node: n, measure: measure), lower: nil, upper: value.map { $0 + supply },
                    terms: terms)
                nodeLimitRows[n].append(LimitRow(measure: measure, row: row, weights: weight))
                basicRows.append(row)
                quantityRows.append(QuantityRow(row: row, terms: quantityTerms, limitOfNode: (n, measure)))
            }
        }
        var arcLimitRows = [[LimitRow]](repeating: [], count: arcCount)
        for (a, arc) in arcs.enumerated() {
            for (measure, value) in rowLimits(arc.limits, adjustable: adjustableArcs.contains(a)) {
                let weight = network.weights(in: measure)
                let row = program.addRow(
                    name: names.capacity(arc: a, measure: measure), lower: nil, upper: value,
                    terms: columnsOfArc[a].compactMap { entry in weight[entry.commodity].map { (entry.column, $0) } })
                arcLimitRows[a].append(LimitRow(measure: measure, row: row, weights: weight))
                basicRows.append(row)
            }
        }
        // CPLEX LP files cannot hold an objective constant (GLPK writes it as a comment), so it rides
        // on a column fixed at 1: every solver reading our LP or MPS file then reports our objective.
        let constantColumn = program.addColumn(name: names.constant(), lower: 1, upper: 1, objective: objectiveConstant)

        self.network = network
        self.program = program
        self.groups = groups
        self.unservedColumn = unservedColumn
        self.isUnreachable = isUnreachable
        self.constantColumn = constantColumn
        self.quantityRows = quantityRows
        self.nodeLimitRows = nodeLimitRows
        self.arcLimitRows = arcLimitRows
        self.arcUnitCost = arcUnitCost
        self.nodeUnitCost = nodeUnitCost
        self.startingBasis = (basicRows, basicColumns, columnsAtUpperBound)
    }

    /// The objective's constant part with every quantity multiplied by `scale`.
    func objectiveConstant(scale: Double) -> Double {
        var constant = 0.0
        for (k, demand) in network.demands.enumerated() {
            if let origin = demand.origin, unservedColumn[k] != nil {
                constant += nodeUnitCost[demand.commodity][origin] * demand.quantity * scale
            } else if !demand.isServable {
                constant += demand.unservedPenalty * demand.quantity * scale
            }
        }
        return constant
    }

    /// `Σ weight · d_k` over the terms.
    static func weightedSum(_ terms: [(demand: Int, weight: Double)], _ demands: [ActiveDemand]) -> Double {
        terms.reduce(0) { $0 + $1.weight * demands[$1.demand].quantity }
    }

    /// Rejects the numbers GLPK must never see (``ModelLimits``); the network validator checks the file,
    /// but a network built in code, or a scenario's `demandScale`, can still go past them.
    static func check(_ network: ActiveNetwork) throws(AllocationError) {
        let require = AllocationError.require
        let base = network.network
        try require(base.valueOfTimePerHour, ModelLimits.valueOfTimePerHour, "valueOfTimePerHour")
        for node in network.nodes {
            for limit in node.limits { try require(limit.value, ModelLimits.capacity, "node \"\(node.id)\" capacity") }
            try require(node.handlingCost, ModelLimits.unitCost, "node \"\(node.id)\" handlingCost")
            try require(node.dwellHours, ModelLimits.hours, "node \"\(node.id)\" dwellHours")
        }
        for arc in network.arcs {
            for limit in arc.limits { try require(limit.value, ModelLimits.capacity, "link \"\(arc.linkID)\" capacity") }
            try require(arc.cost, ModelLimits.unitCost, "link \"\(arc.linkID)\" cost")
            try require(arc.hours, ModelLimits.hours, "link \"\(arc.linkID)\" hours")
        }
        for commodity in network.commodities {
            try require(commodity.valueOfTimePerHour, ModelLimits.valueOfTimePerHour, "commodity \"\(commodity.id)\" valueOfTimePerHour")
            for load in [commodity.commodity.perTrain, commodity.commodity.perVehicle].compactMap({ $0 }) where load < ModelLimits.smallestLoad {
                throw .outOfRange("commodity \"\(commodity.id)\" load", value: load, limit: ModelLimits.load)
            }
            try require(commodity.commodity.perTrain ?? 1, ModelLimits.load, "commodity \"\(commodity.id)\" perTrain")
            try require(commodity.commodity.perVehicle ?? 1, ModelLimits.load, "commodity \"\(commodity.id)\" perVehicle")
        }
        for c in network.commodities.indices {
            for n in network.nodes.indices {
                let terms = network.terms(ofNode: n, commodity: c)
                try require(terms.cost, ModelLimits.unitCost, "node \"\(network.nodes[n].id)\" handlingCost")
                try require(terms.hours, ModelLimits.hours, "node \"\(network.nodes[n].id)\" dwellHours")
            }
            for a in network.arcs.indices {
                let terms = network.terms(ofArc: a, commodity: c)
                try require(terms.cost, ModelLimits.unitCost, "link \"\(network.arcs[a].linkID)\" cost")
                try require(terms.hours, ModelLimits.hours, "link \"\(network.arcs[a].linkID)\" hours")
            }
        }
        for demand in network.demands {
            try require(demand.quantity, ModelLimits.quantity, "demand \"\(demand.id)\" quantity")
            try require(demand.unservedPenalty, ModelLimits.unitCost, "demand \"\(demand.id)\" unservedPenalty")
        }
    }
}
