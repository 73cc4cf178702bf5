// The allocation linear program of docs/MODEL.md, in its symbols.
//
// On the active network of a scenario (arcs a, nodes n), with demands k of quantity d_k from o_k to t_k:
//
//   variables     x[k,a] ≥ 0            flow of demand k on arc a
//                 u[k] ∈ [0, d_k]       unserved quantity of demand k
//   costs         c_a = cost_a + valueOfTimePerHour · hours_a
//                 h_n = handlingCost_n + valueOfTimePerHour · dwellHours_n
//   throughput    T_n = Σ_k ( inflow_k(n) + [n = o_k]·(d_k − u_k) )
//   conservation  outflow_k(n) − inflow_k(n) = [n = o_k]·(d_k − u_k) − [n = t_k]·(d_k − u_k)   ∀ k, n
//   capacities    Σ_k x[k,a] ≤ capacity_a  ∀ a;   T_n ≤ capacity_n  ∀ n
//   minimise      Σ_a c_a·Σ_k x[k,a] + Σ_n h_n·T_n + Σ_k penalty_k·u[k]
//
// How it is built (an equivalent, smaller program):
//
// - Demands with the same origin o share one commodity g: flow variables x[g,a], while each demand
//   keeps its own u[k]. Its conservation rows read
//       outflow_g(n) − inflow_g(n) = [n = o]·Σ_{k∈g}(d_k − u_k) − Σ_{k∈g, t_k = n}(d_k − u_k).
//   This is exact: summing the per-demand flows of a solution gives a solution of the aggregate, and
//   a single-source flow decomposes into paths to its sinks (flow decomposition, Ahuja–Magnanti–Orlin,
//   *Network Flows*, 1993, §3.5), which hands every demand exactly d_k − u_k along paths; cycles left
//   over cost ≥ 0 and can be dropped. Costs and throughputs are sums over k, so both programs have
//   the same optimum.
// - A commodity gets variables only on arcs that lie on some path from its origin to one of its
//   destinations (forward reachable from o, backward reachable from a t_k); other arcs carry nothing
//   of it in any solution. The pruning depends on topology alone, so later capacity or demand
//   changes (``AllocationSolver``) stay valid. A demand none of whose paths exists has u fixed at d.
// - Handling cost on T_n is moved onto the variables: every x[g,a] pays h at a's head, and the origin
//   term h_o·(d_k − u_k) becomes a coefficient −h_o on u[k] plus the constant h_o·d_k. Constants sit
//   on a column fixed at 1, so LP and MPS exports carry them.
// - The throughput row of a capacitated node n reads Σ_{a into n} Σ_g x[g,a] − Σ_{k: o_k = n} u[k]
//   ≤ capacity_n − Σ_{k: o_k = n} d_k.
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
// Size: Σ_g (kept arcs of g) + |demands| columns; Σ_g (kept nodes of g) + |capacitated nodes and arcs|
// rows. Building is O(Σ_g (N + A)) with arrays only.

import CorridorLP
import CorridorModel
import CorridorRouting

/// The allocation linear program of one scenario, with the bookkeeping to read GLPK's answer back.
///
/// The program (``program``) is the allocation LP of docs/MODEL.md with demands of one origin aggregated into one
/// commodity (see the top of `AllocationModel.swift` for the formulation and why this is exact).
public struct AllocationModel: Sendable {
    /// The demands of one origin, and the part of the network their flow can use.
    struct Commodity: Sendable {
        /// Index of the origin in ``ActiveNetwork/nodes``.
        let origin: Int
        /// Indices into ``ActiveNetwork/demands`` of the demands that can reach their destination.
        let demands: [Int]
        /// Arcs on some path from the origin to one of the destinations, ascending.
        let arcs: [Int]
        /// Column of `x[g, arcs[0]]`; `arcs[i]` has column `firstColumn + i`.
        let firstColumn: Int
    }

    /// A row whose right-hand side is a signed sum of demand quantities (plus a capacity for a
    /// throughput row), so that a change of demand scale knows what to recompute.
    struct QuantityRow: Sendable {
        let row: Int
        /// `(demand index, ±1)`.
        let terms: [(demand: Int, sign: Double)]
        /// For a throughput row, the node whose capacity is added; `nil` for a conservation row.
        let capacityOfNode: Int?
    }

    /// The network the program was built from.
    public let network: ActiveNetwork
    /// The linear program as built: minimise, with the capacities and quantities of ``network``.
    public let program: LinearProgram

    let commodities: [Commodity]
    /// Column of `u[k]` per demand of ``ActiveNetwork/demands``; `nil` when the demand is not servable.
    let unservedColumn: [Int?]
    /// True for a servable demand whose destination cannot be reached: its `u` is fixed at `d`.
    let isUnreachable: [Bool]
    /// A column fixed at 1 whose objective coefficient is the objective's constant part:
    /// `Σ_k h_{o_k}·d_k` over servable demands plus `Σ penalty_k·d_k` over demands with an end off.
    let constantColumn: Int
    /// Conservation rows at origins and destinations, and every throughput row.
    let quantityRows: [QuantityRow]
    /// Throughput row per node; `nil` when the node is uncapacitated and not adjustable.
    let nodeCapacityRow: [Int?]
    /// Capacity row per arc; `nil` when the arc is uncapacitated and not adjustable.
    let arcCapacityRow: [Int?]
    /// Unit cost per arc, `c_a`, and per node, `h_n`.
    let arcUnitCost: [Double]
    let nodeUnitCost: [Double]
    /// The shortest-path-tree basis described at the top of `AllocationModel.swift`: basic rows and
    /// columns, and the columns non-basic at their upper bound (the u[k]).
    let startingBasis: (rows: [Int], columns: [Int], atUpperBound: [Int])

    /// Builds the program.
    ///
    /// - Parameters:
    ///   - network: the active network of a scenario.
    ///   - adjustableCapacities: nodes or links whose capacity may later change through
    ///     ``AllocationSolver/updateCapacity(of:to:)`` although unlimited now; they get a free
    ///     capacity row. Capacitated elements always have one.
    /// - Throws: ``AllocationError/outOfRange(_:value:limit:)`` for a number outside ``ModelLimits``
    ///   (possible in a network built in code, or after a scenario's scaling).
    /// - Complexity: O(G·(N + A)) for G distinct origins, N nodes and A arcs.
    public init(network: ActiveNetwork, adjustableCapacities: [ElementReference] = []) throws(AllocationError) {
        try Self.check(network)
        let nodeCount = network.nodes.count
        let arcCount = network.arcs.count
        let arcs = network.arcs
        var adjustableNodes = Set<Int>()
        var adjustableArcs = Set<Int>()
        for element in adjustableCapacities {
            switch element {
            case .node(let node): adjustableNodes.insert(node.index)
            case .link(let link): adjustableArcs.formUnion(link.arcs)
            }
        }

        let arcUnitCost = (0..<arcCount).map { network.generalisedCost(ofArc: $0) }
        let nodeUnitCost = (0..<nodeCount).map { network.generalisedCost(ofNode: $0) }
        let graph = Digraph(network)
        let reverse = graph.reversed()
        // A slot's weight in the starting basis's trees: the arc's cost plus its head's handling.
        let slotWeights = graph.arcIDs.map { arcUnitCost[Int($0)] + nodeUnitCost[arcs[Int($0)].to] }

        // Commodities in order of each origin's first demand, so the build is deterministic.
        var commodityOfOrigin = [Int](repeating: -1, count: nodeCount)
        var demandsByCommodity: [[Int]] = []
        var originOfCommodity: [Int] = []
        for (k, demand) in network.demands.enumerated() {
            guard let origin = demand.origin, demand.destination != nil else { continue }
            if commodityOfOrigin[origin] < 0 {
                commodityOfOrigin[origin] = demandsByCommodity.count
                demandsByCommodity.append([])
                originOfCommodity.append(origin)
            }
            demandsByCommodity[commodityOfOrigin[origin]].append(k)
        }

        var program = LinearProgram(sense: .minimize)
        var names = ModelNames(network)
        var unservedColumn = [Int?](repeating: nil, count: network.demands.count)
        var isUnreachable = [Bool](repeating: false, count: network.demands.count)
        var objectiveConstant = 0.0
        for demand in network.demands where !demand.isServable {
            objectiveConstant += demand.unservedPenalty * demand.quantity
        }

        var commodities: [Commodity] = []
        var quantityRows: [QuantityRow] = []
        var columnsOfArc = [[Int]](repeating: [], count: arcCount)
        var forward = [Bool](repeating: false, count: nodeCount)
        var backward = [Bool](repeating: false, count: nodeCount)
        var columnOfArc = [Int](repeating: -1, count: arcCount)
        var queue: [Int] = []
        var isSink = [Bool](repeating: false, count: nodeCount)
        var basicRows: [Int] = []
        var basicColumns: [Int] = []
        var columnsAtUpperBound: [Int] = []

        for (g, origin) in originOfCommodity.enumerated() {
            let members = demandsByCommodity[g]
            forward.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
            backward.withUnsafeMutableBufferPointer { $0.update(repeating: false) }
            graph.markReachable(from: [origin], into: &forward, queue: &queue)
            let destinations = members.compactMap { network.demands[$0].destination }
            reverse.markReachable(from: destinations, into: &backward, queue: &queue)

            var keptArcs: [Int] = []
            for a in 0..<arcCount where forward[arcs[a].from] && backward[arcs[a].to] {
                keptArcs.append(a)
            }
            let firstColumn = program.columnCount
            // Consecutive columns, so that arc i of the commodity is column firstColumn + i.
            for a in keptArcs {
                let column = program.addColumn(
                    name: names.flow(origin: origin, arc: a), objective: arcUnitCost[a] + nodeUnitCost[arcs[a].to])
                columnOfArc[a] = column
                columnsOfArc[a].append(column)
            }

            var reachable: [(demand: Int, column: Int)] = []
            for k in members {
                let demand = network.demands[k]
                guard let destination = demand.destination else { continue }
                let column = program.addColumn(
                    name: names.unserved(demand: k), lower: 0, upper: demand.quantity,
                    objective: demand.unservedPenalty - nodeUnitCost[origin])
                unservedColumn[k] = column
                objectiveConstant += nodeUnitCost[origin] * demand.quantity
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
                    var quantityTerms: [(demand: Int, sign: Double)] = []
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
                    let rightHandSide = Self.signedSum(quantityTerms, network.demands)
                    let row = program.addRow(
                        name: names.balance(origin: origin, node: n), lower: rightHandSide, upper: rightHandSide, terms: terms)
                    if n == origin { basicRows.append(row) }
                    if !quantityTerms.isEmpty {
                        quantityRows.append(QuantityRow(row: row, terms: quantityTerms, capacityOfNode: nil))
                    }
                }
            }
            if !reachable.isEmpty {
                let tree = Dijkstra.run(
                    in: graph, slotWeights: slotWeights, from: origin,
                    blockedSlots: graph.arcIDs.map { columnOfArc[Int($0)] < 0 })
                for n in 0..<nodeCount where n != origin && tree.isReached(n) {
                    basicColumns.append(columnOfArc[Int(graph.arcIDs[Int(tree.predecessorSlots[n])])])
                }
                for (k, column) in reachable {
                    guard let destination = network.demands[k].destination else { continue }
                    let reducedCost =
                        network.demands[k].unservedPenalty - nodeUnitCost[origin] - tree.distances[destination]
                    if reducedCost < 0 { columnsAtUpperBound.append(column) }
                }
            }
            for a in keptArcs { columnOfArc[a] = -1 }
            for (k, _) in reachable {
                if let destination = network.demands[k].destination { isSink[destination] = false }
            }
            commodities.append(
                Commodity(origin: origin, demands: reachable.map(\.demand), arcs: keptArcs, firstColumn: firstColumn))
        }

        // Throughput rows: T_n ≤ capacity_n, origin supply moved to the right-hand side.
        var demandsByOrigin = [[Int]](repeating: [], count: nodeCount)
        for (k, demand) in network.demands.enumerated() {
            if let origin = demand.origin { demandsByOrigin[origin].append(k) }
        }
        var nodeCapacityRow = [Int?](repeating: nil, count: nodeCount)
        for (n, node) in network.nodes.enumerated()
        where node.capacity != nil || adjustableNodes.contains(n) {
            var terms: [(column: Int, coefficient: Double)] = []
            for a in reverse.arcs(leaving: n) { for column in columnsOfArc[a] { terms.append((column, 1)) } }
            var quantityTerms: [(demand: Int, sign: Double)] = []
            for k in demandsByOrigin[n] {
                guard let column = unservedColumn[k] else { continue }
                terms.append((column, -1))
                quantityTerms.append((k, -1))
            }
            let supply = Self.signedSum(quantityTerms, network.demands)
            let row = program.addRow(
                name: names.capacity(node: n), lower: nil, upper: node.capacity.map { $0 + supply }, terms: terms)
            nodeCapacityRow[n] = row
            basicRows.append(row)
            quantityRows.append(QuantityRow(row: row, terms: quantityTerms, capacityOfNode: n))
        }
        var arcCapacityRow = [Int?](repeating: nil, count: arcCount)
        for (a, arc) in arcs.enumerated() where arc.capacity != nil || adjustableArcs.contains(a) {
            let row = program.addRow(
                name: names.capacity(arc: a), lower: nil, upper: arc.capacity,
                terms: columnsOfArc[a].map { (column: $0, coefficient: 1.0) })
            arcCapacityRow[a] = row
            basicRows.append(row)
        }
        // CPLEX LP files cannot hold an objective constant (GLPK writes it as a comment), so it rides
        // on a column fixed at 1: every solver reading our LP or MPS file then reports our objective.
        let constantColumn = program.addColumn(name: names.constant(), lower: 1, upper: 1, objective: objectiveConstant)

        self.network = network
        self.program = program
        self.commodities = commodities
        self.unservedColumn = unservedColumn
        self.isUnreachable = isUnreachable
        self.constantColumn = constantColumn
        self.quantityRows = quantityRows
        self.nodeCapacityRow = nodeCapacityRow
        self.arcCapacityRow = arcCapacityRow
        self.arcUnitCost = arcUnitCost
        self.nodeUnitCost = nodeUnitCost
        self.startingBasis = (basicRows, basicColumns, columnsAtUpperBound)
    }

    /// The objective's constant part with every quantity multiplied by `scale`.
    func objectiveConstant(scale: Double) -> Double {
        var constant = 0.0
        for (k, demand) in network.demands.enumerated() {
            if let origin = demand.origin, unservedColumn[k] != nil {
                constant += nodeUnitCost[origin] * demand.quantity * scale
            } else if !demand.isServable {
                constant += demand.unservedPenalty * demand.quantity * scale
            }
        }
        return constant
    }

    /// `Σ sign · d_k` over the terms.
    static func signedSum(_ terms: [(demand: Int, sign: Double)], _ demands: [ActiveDemand]) -> Double {
        terms.reduce(0) { $0 + $1.sign * demands[$1.demand].quantity }
    }

    /// Rejects the numbers GLPK must never see (``ModelLimits``); the network validator checks the file,
    /// but a network built in code, or a scenario's `demandScale`, can still go past them.
    private static func check(_ network: ActiveNetwork) throws(AllocationError) {
        let require = AllocationError.require
        let base = network.network
        try require(base.valueOfTimePerHour, ModelLimits.valueOfTimePerHour, "valueOfTimePerHour")
        for node in network.nodes {
            if let capacity = node.capacity { try require(capacity, ModelLimits.capacity, "node \"\(node.id)\" capacity") }
            try require(node.handlingCost, ModelLimits.unitCost, "node \"\(node.id)\" handlingCost")
            try require(node.dwellHours, ModelLimits.hours, "node \"\(node.id)\" dwellHours")
        }
        for arc in network.arcs {
            if let capacity = arc.capacity { try require(capacity, ModelLimits.capacity, "link \"\(arc.linkID)\" capacity") }
            try require(arc.cost, ModelLimits.unitCost, "link \"\(arc.linkID)\" cost")
            try require(arc.hours, ModelLimits.hours, "link \"\(arc.linkID)\" hours")
        }
        for demand in network.demands {
            try require(demand.quantity, ModelLimits.quantity, "demand \"\(demand.id)\" quantity")
            try require(demand.unservedPenalty, ModelLimits.unitCost, "demand \"\(demand.id)\" unservedPenalty")
        }
    }
}
