// The allocation by column generation over paths (docs/MODEL.md, "Column generation").
//
// The same linear program as AllocationModel.swift, written over paths instead of arcs: a path p of
// demand k (of commodity c) from o_k to t_k carries f_p ≥ 0, and
//
//   demand rows   Σ_{p of k} f_p + u_k = d_k                                  (dual σ_k)
//   limit rows    Σ_p w(c_p, m)·[p passes the element]·f_p ≤ V   per limit (m, V) of a node or an arc (dual π ≤ 0)
//   minimise      Σ_p cost_p·f_p + Σ_k penalty_k·u_k,  cost_p = Σ_{a∈p} c_{a,c} + Σ_{n∈p} h_{n,c}
//
// (a path passes each of its nodes once, ends included, so a node's limit counts what starts there and
// what enters, as T_{n,c} does). Every arc solution decomposes into paths and cycles of cost ≥ 0
// (flow decomposition), and every path solution sums to an arc solution, so both programs have the same
// optimum.
//
// Only a few paths are ever needed. The restricted master program holds the paths found so far; GLPK
// solves it (primal simplex, warm from the last basis, since new columns enter at 0), and its duals price
// every path not yet in it:
//
//   reduced cost of p = Σ_{a∈p} (c_{a,c} − Σ_{limits of a} w·π) + Σ_{n∈p} (h_{n,c} − Σ_{limits of n} w·π) − σ_k
//
// Every weight is ≥ 0 (π ≤ 0), so one Dijkstra per origin and commodity finds the cheapest path to every
// destination. A demand whose cheapest path has negative reduced cost gets it as a new column; when none
// has, every column of the full program prices out, and the restricted optimum is the full optimum, with
// duals that are optimal for it too (Ahuja–Magnanti–Orlin, *Network Flows*, §17.4; Desaulniers, Desrosiers
// and Solomon, *Column Generation*, 2005, ch. 1).

import CorridorLP
import CorridorModel
import CorridorRouting

/// Solves the allocation of one scenario by column generation over paths; for large networks, where the
/// arc formulation (``AllocationModel``) grows as origins × commodities × arcs.
///
/// The answer is the arc formulation's optimum; when several optima tie, the flows may differ from the
/// arc formulation's (docs/MODEL.md). Not `Sendable`, like ``AllocationSolver``: one thread.
public final class PathAllocationSolver {
    /// The network being allocated.
    public let network: ActiveNetwork
    /// How many rounds of pricing the last ``solve(timeLimit:)`` took, and how many paths it generated.
    public private(set) var lastRounds = (rounds: 0, paths: 0)
    /// Time in GLPK and in pricing (Dijkstra) during the last solve, and the time spent decoding.
    public private(set) var lastTimings = (simplex: Duration.zero, pricing: Duration.zero, decoding: Duration.zero)

    private let solver: GLPKSolver
    private let graph: Digraph
    private let arcUnitCost: [[Double]]
    private let nodeUnitCost: [[Double]]
    /// Demand row and `u` column per demand; `nil` for a demand with an end off.
    private let demandRow: [Int?]
    private let unservedColumn: [Int?]
    private let nodeLimitRows: [[AllocationModel.LimitRow]]
    private let arcLimitRows: [[AllocationModel.LimitRow]]
    /// Servable demands grouped by origin and commodity, in order of each group's first demand.
    private let groups: [(origin: Int, commodity: Int, demands: [Int])]
    /// The paths in the program: demand and arcs, in column order after ``firstPathColumn``.
    private var paths: [(demand: Int, arcs: [Int])] = []
    private var pathSet: Set<[Int]> = []
    private let firstPathColumn: Int

    /// Builds the restricted master program: a demand row and `u` column per servable demand, a row per
    /// limit, no path yet.
    /// - Throws: ``AllocationError`` as ``AllocationModel/init(network:adjustableCapacities:)``.
    public init(network: ActiveNetwork) throws(AllocationError) {
        try AllocationModel.check(network)
        self.network = network
        let commodityCount = network.commodities.count
        arcUnitCost = (0..<commodityCount).map { c in network.arcs.indices.map { network.generalisedCost(ofArc: $0, commodity: c) } }
        nodeUnitCost = (0..<commodityCount).map { c in network.nodes.indices.map { network.generalisedCost(ofNode: $0, commodity: c) } }
        graph = Digraph(network)

        var program = LinearProgram(sense: .minimize)
        var demandRow = [Int?](repeating: nil, count: network.demands.count)
        var unservedColumn = [Int?](repeating: nil, count: network.demands.count)
        var constant = 0.0
        var groupOfKey: [Int: Int] = [:]
        var groups: [(origin: Int, commodity: Int, demands: [Int])] = []
        for (k, demand) in network.demands.enumerated() {
            guard let origin = demand.origin, demand.destination != nil else {
                constant += demand.unservedPenalty * demand.quantity
                continue
            }
            let column = program.addColumn(
                name: "u_\(k)", lower: 0, upper: demand.quantity, objective: demand.unservedPenalty)
            unservedColumn[k] = column
            demandRow[k] = program.addRow(
                name: "dem_\(k)", lower: demand.quantity, upper: demand.quantity, terms: [(column, 1)])
            let key = origin * commodityCount + demand.commodity
            if let g = groupOfKey[key] {
                groups[g].demands.append(k)
            } else {
                groupOfKey[key] = groups.count
                groups.append((origin, demand.commodity, [k]))
            }
        }
        func weights(_ measure: CapacityMeasure) -> [Double?] {
            network.commodities.map { $0.load(per: measure, networkUnit: network.network.unit).map { 1 / $0 } }
        }
        var nodeLimitRows = [[AllocationModel.LimitRow]](repeating: [], count: network.nodes.count)
        for (n, node) in network.nodes.enumerated() {
            for limit in node.limits {
                let row = program.addRow(name: "capn_\(n)_\(nodeLimitRows[n].count)", lower: nil, upper: limit.value, terms: [])
                nodeLimitRows[n].append(.init(measure: limit.measure, row: row, weights: weights(limit.measure)))
            }
        }
        var arcLimitRows = [[AllocationModel.LimitRow]](repeating: [], count: network.arcs.count)
        for (a, arc) in network.arcs.enumerated() {
            for limit in arc.limits {
                let row = program.addRow(name: "capa_\(a)_\(arcLimitRows[a].count)", lower: nil, upper: limit.value, terms: [])
                arcLimitRows[a].append(.init(measure: limit.measure, row: row, weights: weights(limit.measure)))
            }
        }
        program.addColumn(name: "constant", lower: 1, upper: 1, objective: constant)
        firstPathColumn = program.columnCount
        do {
            solver = try GLPKSolver(program)
        } catch {
            throw .solver("loading the path program: \(error)")
        }
        self.demandRow = demandRow
        self.unservedColumn = unservedColumn
        self.nodeLimitRows = nodeLimitRows
        self.arcLimitRows = arcLimitRows
        self.groups = groups
    }

    /// Generates paths until none has a negative reduced cost, then decodes the optimum.
    ///
    /// - Parameter timeLimit: seconds GLPK may spend in each solve of the restricted program.
    /// - Throws: ``AllocationError/solver(_:)`` when GLPK fails.
    public func solve(timeLimit: Double? = nil) throws(AllocationError) -> Allocation {
        let clock = ContinuousClock()
        var simplex = Duration.zero
        var pricing = Duration.zero
        var rounds = 0
        var iterations = 0
        var solution: LPSolution
        var options = SolverOptions(timeLimit: timeLimit)
        options.method = .primal
        repeat {
            let started = clock.now
            do {
                solution = try solver.solve(options)
            } catch {
                throw .solver("solving the path program: \(error)")
            }
            guard solution.status == .optimal else {
                throw .solver("the path program is \(solution.status), which its unserved variables rule out")
            }
            iterations += solution.iterations
            let solved = clock.now
            simplex += solved - started
            let columns = priceOut(solution.rowDuals)
            pricing += clock.now - solved
            rounds += 1
            guard !columns.isEmpty else { break }
            do {
                try solver.addColumns(columns)
            } catch {
                throw .solver("adding paths: \(error)")
            }
        } while true

        let decodeStart = clock.now
        let decoder = AllocationDecoder(
            network: network, demandScale: 1, nodeLimitRows: nodeLimitRows, arcLimitRows: arcLimitRows,
            rowDuals: solution.rowDuals, iterations: iterations, nodeLimits: network.nodes.map(\.limits),
            arcLimits: network.arcs.map(\.limits), arcUnitCost: arcUnitCost, nodeUnitCost: nodeUnitCost)
        let allocation = decoder.allocation(flows(solution.columnValues))
        lastRounds = (rounds, paths.count)
        lastTimings = (simplex, pricing, clock.now - decodeStart)
        return allocation
    }

    /// One round of pricing: for every origin and commodity, the cheapest paths under the duals' weights;
    /// a new column for every demand whose path has negative reduced cost and is not already in the program.
    private func priceOut(_ duals: [Double]) -> [GLPKSolver.NewColumn] {
        let arcs = network.arcs
        let commodityCount = network.commodities.count
        /// `−Σ w·π` over an element's limit rows that count commodity c: what the prices add per unit.
        func surcharge(_ rows: [AllocationModel.LimitRow], _ c: Int) -> Double {
            rows.reduce(0.0) { sum, limit in limit.weights[c].map { sum - $0 * min(0, duals[limit.row]) } ?? sum }
        }
        var columns: [GLPKSolver.NewColumn] = []
        var slotWeights: [[Double]?] = Array(repeating: nil, count: commodityCount)
        var nodeWeights: [[Double]?] = Array(repeating: nil, count: commodityCount)
        var blocked: [[Bool]?] = Array(repeating: nil, count: commodityCount)
        for group in groups {
            let c = group.commodity
            if slotWeights[c] == nil {
                let nodeWeight = network.nodes.indices.map { nodeUnitCost[c][$0] + surcharge(nodeLimitRows[$0], c) }
                nodeWeights[c] = nodeWeight
                slotWeights[c] = graph.arcIDs.map { id in
                    let a = Int(id)
                    return arcUnitCost[c][a] + surcharge(arcLimitRows[a], c) + nodeWeight[arcs[a].to]
                }
                blocked[c] = graph.arcIDs.map { !network.terms(ofArc: Int($0), commodity: c).accepts }
            }
            let tree = Dijkstra.run(
                in: graph, slotWeights: slotWeights[c] ?? [], from: group.origin, blockedSlots: blocked[c] ?? [])
            let originWeight = nodeWeights[c]?[group.origin] ?? 0
            for k in group.demands {
                guard let destination = network.demands[k].destination, tree.isReached(destination),
                    let row = demandRow[k]
                else { continue }
                let sigma = duals[row]
                let reducedCost = tree.distances[destination] + originWeight - sigma
                guard reducedCost < -1e-9 * max(1, abs(sigma)) else { continue }
                var pathArcs: [Int] = []
                var node = destination
                while node != group.origin {
                    let a = Int(graph.arcIDs[Int(tree.predecessorSlots[node])])
                    pathArcs.append(a)
                    node = arcs[a].from
                }
                pathArcs.reverse()
                guard pathSet.insert([k] + pathArcs).inserted else { continue }
                paths.append((k, pathArcs))
                columns.append(column(for: k, commodity: c, origin: group.origin, arcs: pathArcs, row: row))
            }
        }
        return columns
    }

    /// A path's column: its cost, 1 in its demand's row, its weight in every limit it passes.
    private func column(for k: Int, commodity c: Int, origin: Int, arcs pathArcs: [Int], row: Int) -> GLPKSolver.NewColumn {
        var cost = nodeUnitCost[c][origin]
        var entries: [(row: Int, coefficient: Double)] = [(row, 1)]
        func count(_ rows: [AllocationModel.LimitRow]) {
            for limit in rows { if let weight = limit.weights[c] { entries.append((limit.row, weight)) } }
        }
        count(nodeLimitRows[origin])
        for a in pathArcs {
            let head = network.arcs[a].to
            cost += arcUnitCost[c][a] + nodeUnitCost[c][head]
            count(arcLimitRows[a])
            count(nodeLimitRows[head])
        }
        return GLPKSolver.NewColumn(name: "p_\(paths.count)", lower: 0, upper: nil, objective: cost, entries: entries)
    }

    /// Served quantities, flows and routes from the path columns' values.
    private func flows(_ values: [Double]) -> AllocationDecoder.Flows {
        let tolerance = AllocationDecoder.flowTolerance(network, demandScale: 1)
        var served = [Double](repeating: 0, count: network.demands.count)
        for (k, column) in unservedColumn.enumerated() {
            guard let column else { continue }
            let quantity = network.demands[k].quantity
            let value = min(quantity, max(0, quantity - values[column]))
            served[k] = AllocationDecoder.tidy(abs(value) <= tolerance ? 0 : value)
        }
        var arcFlow = [[Double]](repeating: [Double](repeating: 0, count: network.arcs.count), count: network.commodities.count)
        var routes = [[FlowPath]](repeating: [], count: network.demands.count)
        for (position, path) in paths.enumerated() {
            let flow = values[firstPathColumn + position]
            guard flow > tolerance, let destination = network.demands[path.demand].destination else { continue }
            let c = network.demands[path.demand].commodity
            for a in path.arcs { arcFlow[c][a] += flow }
            routes[path.demand].append(FlowPath(arcs: path.arcs, sink: destination, flow: flow))
        }
        return .init(served: served, arcFlow: arcFlow, routes: routes)
    }
}
