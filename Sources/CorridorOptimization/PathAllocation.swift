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
// destination. A demand whose cheapest path has negative reduced cost gets it as a new column.
//
// Limit rows are generated too: most limits never bind, so a limit's row enters the program only once the
// flows break it (its dual is 0 until then, which is what a slack row would have). When no path prices
// out and no limit is broken, the restricted optimum is feasible for the full program and every column
// and row of it prices out, so it is the full optimum, with duals that are optimal for it too (Ahuja–Magnanti–Orlin, *Network Flows*, §17.4; Desaulniers, Desrosiers
// and Solomon, *Column Generation*, 2005, ch. 1).

import CorridorLP
import Foundation
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
    /// One limit of a node or an arc, and its row once it has one.
    private struct Limit {
        let measure: CapacityMeasure
        let value: Double
        /// Per commodity, `1 / load`; `nil` where the limit does not count the commodity.
        let weights: [Double?]
        var row: Int?
        /// The price the seed's congestion pricing has put on the limit (money per unit of the measure).
        var congestionPrice = 0.0
    }
    private var nodeLimits: [[Limit]]
    private var arcLimits: [[Limit]]
    /// The paths (positions in ``paths``) through each node and each arc.
    private var pathsThroughNode: [[Int]]
    private var pathsThroughArc: [[Int]]
    /// Servable demands grouped by origin and commodity, in order of each group's first demand.
    private let groups: [(origin: Int, commodity: Int, demands: [Int])]
    /// The paths in the program: demand and arcs, in column order after ``firstPathColumn``.
    private var paths: [(demand: Int, arcs: [Int])] = []
    /// Per path, the last round in which it carried flow (or entered).
    private var lastUsed: [Int] = []
    /// How often each path (demand and arcs) was dropped; one dropped twice is kept from then on.
    private var timesDropped: [[Int]: Int] = [:]
    private var pathSet: Set<[Int]> = []
    /// Per commodity, the graph's slots whose arc does not accept it.
    private let blockedSlots: [[Bool]]
    private let firstPathColumn: Int
    /// Rounds of congestion pricing that seed the program (``seed(rounds:)``); measured on the generated
    /// two-commodity corridors of Benchmarks/allocation (Benchmarks/README.md).
    static let seedRounds = 8
    /// Rounds a path may sit unused before ``dropIdlePaths(_:round:)`` may drop it.
    static let idleRoundsBeforeDrop = 3

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
        func limits(_ limits: [CapacityLimit]) -> [Limit] {
            limits.map { limit in
                Limit(
                    measure: limit.measure, value: limit.value,
                    weights: network.weights(in: limit.measure),
                    row: nil)
            }
        }
        nodeLimits = network.nodes.map { limits($0.limits) }
        arcLimits = network.arcs.map { limits($0.limits) }
        pathsThroughNode = Array(repeating: [], count: network.nodes.count)
        pathsThroughArc = Array(repeating: [], count: network.arcs.count)
        program.addColumn(name: "constant", lower: 1, upper: 1, objective: constant)
        firstPathColumn = program.columnCount
        do {
            solver = try GLPKSolver(program)
        } catch {
            throw .solver("loading the path program: \(error)")
        }
        self.demandRow = demandRow
        self.unservedColumn = unservedColumn
        self.groups = groups
        let graph = graph
        blockedSlots = (0..<commodityCount).map { c in graph.arcIDs.map { !network.terms(ofArc: Int($0), commodity: c).accepts } }
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
        let seedStart = clock.now
        let seeded = seed(rounds: Self.seedRounds)
        pricing += clock.now - seedStart
        do {
            try solver.addColumns(seeded.columns)
            try solver.addRows(seeded.rows)
        } catch {
            throw .solver("adding the first paths: \(error)")
        }
        repeat {
            let started = clock.now
            do {
                solution = try solver.solve(options)
                if solution.status != .optimal {
                    // Feasible and bounded by construction (the unserved columns): a numerical misjudgement,
                    // solved again from the all-slack basis.
                    var restart = options
                    restart.startingBasis = .standard
                    solution = try solver.solve(restart)
                }
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
            do {
                try solver.addColumns(columns)
                // After the new columns, so that each new row holds every path through its element.
                let rows = brokenLimitRows(solution.columnValues)
                guard !columns.isEmpty || !rows.isEmpty else { break }
                try solver.addRows(rows)
                try dropIdlePaths(solution, round: rounds)
            } catch {
                throw .solver("adding paths and limits: \(error)")
            }
        } while true

        let decodeStart = clock.now
        // A limit that never got a row was never broken: its dual is 0, read from one extra slot.
        let zeroDual = solution.rowDuals.count
        func rows(_ limits: [Limit]) -> [AllocationModel.LimitRow] {
            limits.map { .init(measure: $0.measure, row: $0.row ?? zeroDual, weights: $0.weights) }
        }
        let decoder = AllocationDecoder(
            network: network, demandScale: 1, nodeLimitRows: nodeLimits.map(rows), arcLimitRows: arcLimits.map(rows),
            rowDuals: solution.rowDuals + [0], iterations: iterations, nodeLimits: network.nodes.map(\.limits),
            arcLimits: network.arcs.map(\.limits), arcUnitCost: arcUnitCost, nodeUnitCost: nodeUnitCost)
        let allocation = decoder.allocation(flows(solution.columnValues))
        lastRounds = (rounds, paths.count)
        lastTimings = (simplex, pricing, clock.now - decodeStart)
        return allocation
    }

    /// One round of pricing under the program's duals: for every origin and commodity, the cheapest paths
    /// (the searches run in parallel); a new column for every demand whose path has negative reduced cost
    /// and is not already in the program.
    private func priceOut(_ duals: [Double]) -> [GLPKSolver.NewColumn] {
        columns(
            for: cheapestPaths(
                price: { limit in limit.row.map { -min(0, duals[$0]) } ?? 0 },
                threshold: demandRow.map { row in row.map { duals[$0] } ?? 0 }))
    }

    /// The cheapest path of every demand under costs plus `price(limit) × weight` for each limit passed,
    /// kept when its price is below the demand's `threshold` by more than 1e-9 relative.
    private func cheapestPaths(price: (Limit) -> Double, threshold: [Double]) -> [[(demand: Int, arcs: [Int])]] {
        let arcs = network.arcs
        let commodityCount = network.commodities.count
        /// `Σ price·w` over an element's limits that count commodity c: what the prices add per unit.
        func surcharge(_ limits: [Limit], _ c: Int) -> Double {
            limits.reduce(0.0) { sum, limit in limit.weights[c].map { sum + $0 * price(limit) } ?? sum }
        }
        var slotWeights = [[Double]](repeating: [], count: commodityCount)
        var nodeWeights = [[Double]](repeating: [], count: commodityCount)
        for c in Set(groups.map(\.commodity)) {
            let nodeWeight = network.nodes.indices.map { nodeUnitCost[c][$0] + surcharge(nodeLimits[$0], c) }
            nodeWeights[c] = nodeWeight
            slotWeights[c] = graph.arcIDs.map { id in
                let a = Int(id)
                return arcUnitCost[c][a] + surcharge(arcLimits[a], c) + nodeWeight[arcs[a].to]
            }
        }
        let search = PricingSearch(
            network: network, graph: graph, groups: groups, threshold: threshold, slotWeights: slotWeights,
            nodeWeights: nodeWeights, blockedSlots: blockedSlots)
        return [[(demand: Int, arcs: [Int])]](unsafeUninitializedCapacity: groups.count) { buffer, count in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: groups.count) { g in
                (slots.baseAddress! + g).initialize(to: search.improvingPaths(ofGroup: g))
            }
            count = groups.count
        }
    }

    /// Columns for the paths not yet in the program, recorded as the program's.
    private func columns(for found: [[(demand: Int, arcs: [Int])]]) -> [GLPKSolver.NewColumn] {
        var columns: [GLPKSolver.NewColumn] = []
        for (g, group) in groups.enumerated() {
            for (k, pathArcs) in found[g] {
                guard let row = demandRow[k], pathSet.insert([k] + pathArcs).inserted else { continue }
                columns.append(column(for: k, commodity: group.commodity, origin: group.origin, arcs: pathArcs, row: row))
                paths.append((k, pathArcs))
                lastUsed.append(Int.max)
                indexElements(ofPath: paths.count - 1)
            }
        }
        return columns
    }

    /// A first set of paths, and rows for the limits they overload, before the first solve: a few rounds
    /// of congestion pricing (a subgradient step on the limits' prices per round). Each demand sends its
    /// whole quantity along its cheapest path under the prices; an overloaded limit's price then rises by
    /// half the unit cost of what crosses it times its relative overload, an unused one's price halves.
    /// The paths are only candidates: the program picks among them and column generation goes on from
    /// there, so the seed changes the number of rounds, never the optimum.
    private func seed(rounds: Int) -> (columns: [GLPKSolver.NewColumn], rows: [GLPKSolver.NewRow]) {
        var columns: [GLPKSolver.NewColumn] = []
        var overloaded = Set<LimitID>()
        let open = [Double](repeating: .infinity, count: network.demands.count)
        for _ in 0..<rounds {
            let found = cheapestPaths(price: { $0.congestionPrice }, threshold: open)
            columns += self.columns(for: found)
            // What each limit carries if every demand takes its path, and what that freight pays per unit.
            var usage: [LimitID: (used: Double, cost: Double)] = [:]
            for (g, group) in groups.enumerated() {
                let c = group.commodity
                for (k, pathArcs) in found[g] {
                    let quantity = network.demands[k].quantity
                    let cost = pathCost(commodity: c, origin: group.origin, arcs: pathArcs) * quantity
                    func add(_ limits: [Limit], _ id: (Int, Int) -> LimitID, _ element: Int) {
                        for (index, limit) in limits.enumerated() {
                            guard let weight = limit.weights[c] else { continue }
                            usage[id(element, index), default: (0, 0)].used += weight * quantity
                            usage[id(element, index), default: (0, 0)].cost += cost
                        }
                    }
                    add(nodeLimits[group.origin], LimitID.node, group.origin)
                    for a in pathArcs {
                        add(arcLimits[a], LimitID.arc, a)
                        add(nodeLimits[network.arcs[a].to], LimitID.node, network.arcs[a].to)
                    }
                }
            }
            func update(_ limit: inout Limit, _ id: LimitID) {
                guard let (used, cost) = usage[id], used > 0 else {
                    limit.congestionPrice /= 2
                    return
                }
                let unitCost = cost / used
                let overload = used / max(limit.value, 1e-9) - 1
                if overload > 1e-9 { overloaded.insert(id) }
                limit.congestionPrice = max(0, limit.congestionPrice + 0.5 * unitCost * overload)
            }
            for n in nodeLimits.indices { for i in nodeLimits[n].indices { update(&nodeLimits[n][i], .node(n, i)) } }
            for a in arcLimits.indices { for i in arcLimits[a].indices { update(&arcLimits[a][i], .arc(a, i)) } }
        }
        var rows: [GLPKSolver.NewRow] = []
        for id in overloaded.sorted() {
            switch id {
            case .node(let n, let i): rows.append(addRow(for: &nodeLimits[n][i], through: pathsThroughNode[n], name: "capn_\(n)_\(i)", pending: rows.count))
            case .arc(let a, let i): rows.append(addRow(for: &arcLimits[a][i], through: pathsThroughArc[a], name: "capa_\(a)_\(i)", pending: rows.count))
            }
        }
        return (columns, rows)
    }

    /// A limit of a node or an arc: the element and the limit's position in its list.
    private enum LimitID: Hashable, Comparable {
        case node(Int, Int)
        case arc(Int, Int)
    }

    /// Cost per unit of a path of commodity `c`: its arcs and every node on it, ends included.
    private func pathCost(commodity c: Int, origin: Int, arcs pathArcs: [Int]) -> Double {
        pathArcs.reduce(nodeUnitCost[c][origin]) { $0 + arcUnitCost[c][$1] + nodeUnitCost[c][network.arcs[$1].to] }
    }

    /// A row for a limit over every path through its element, recorded as the limit's; `pending` rows
    /// are being added before it.
    private func addRow(for limit: inout Limit, through pathIndices: [Int], name: String, pending: Int) -> GLPKSolver.NewRow {
        var entries: [(column: Int, coefficient: Double)] = []
        for position in pathIndices {
            guard let weight = limit.weights[network.demands[paths[position].demand].commodity] else { continue }
            entries.append((firstPathColumn + position, weight))
        }
        limit.row = solver.rowCount + pending
        return .init(name: name, lower: nil, upper: limit.value, entries: entries)
    }

    /// A path's column: its cost, 1 in its demand's row, its weight in every limit it passes.
    private func column(for k: Int, commodity c: Int, origin: Int, arcs pathArcs: [Int], row: Int) -> GLPKSolver.NewColumn {
        let cost = pathCost(commodity: c, origin: origin, arcs: pathArcs)
        var entries: [(row: Int, coefficient: Double)] = [(row, 1)]
        func count(_ limits: [Limit]) {
            for limit in limits { if let row = limit.row, let weight = limit.weights[c] { entries.append((row, weight)) } }
        }
        count(nodeLimits[origin])
        for a in pathArcs {
            count(arcLimits[a])
            count(nodeLimits[network.arcs[a].to])
        }
        return GLPKSolver.NewColumn(name: "p_\(paths.count)", lower: 0, upper: nil, objective: cost, entries: entries)
    }

    /// Rows for the limits without one that the paths' flows break (beyond 1e-9 relative), each holding every
    /// path through its element; the limits are marked as having them.
    private func brokenLimitRows(_ values: [Double]) -> [GLPKSolver.NewRow] {
        var rows: [GLPKSolver.NewRow] = []
        func check(_ limits: inout [Limit], through pathIndices: [Int], name: String) {
            for index in limits.indices where limits[index].row == nil {
                var used = 0.0
                for position in pathIndices {
                    guard let weight = limits[index].weights[network.demands[paths[position].demand].commodity] else { continue }
                    let column = firstPathColumn + position
                    used += weight * (values.indices.contains(column) ? values[column] : 0)
                }
                guard used > limits[index].value * (1 + 1e-9) + 1e-9 else { continue }
                rows.append(addRow(for: &limits[index], through: pathIndices, name: "\(name)_\(index)", pending: rows.count))
            }
        }
        for n in nodeLimits.indices where !nodeLimits[n].isEmpty {
            check(&nodeLimits[n], through: pathsThroughNode[n], name: "capn_\(n)")
        }
        for a in arcLimits.indices where !arcLimits[a].isEmpty {
            check(&arcLimits[a], through: pathsThroughArc[a], name: "capa_\(a)")
        }
        return rows
    }

    /// Paths idle for ``idleRoundsBeforeDrop`` rounds with a positive reduced cost leave the program once a
    /// fifth of its paths are such (GLPK's simplex works on every column at each iteration, so a program
    /// crowded with paths the optimum no longer wants slows every later round). A dropped path that
    /// prices out again is simply generated again; one dropped twice stays, so the rounds cannot cycle.
    private func dropIdlePaths(_ solution: LPSolution, round: Int) throws {
        var idle: [Int] = []
        for position in paths.indices {
            let column = firstPathColumn + position
            guard solution.columnValues.indices.contains(column) else { break }
            let tolerance = AllocationDecoder.flowTolerance(of: network.demands[paths[position].demand].quantity)
            if lastUsed[position] == Int.max || solution.columnValues[column] > tolerance {
                lastUsed[position] = round
            } else if round - lastUsed[position] >= Self.idleRoundsBeforeDrop,
                solution.columnReducedCosts[column] > 1e-9, timesDropped[[paths[position].demand] + paths[position].arcs, default: 0] < 2
            {
                idle.append(position)
            }
        }
        guard idle.count * 5 >= paths.count, !idle.isEmpty else { return }
        let dropped = try solver.deleteNonbasicColumns(idle.map { firstPathColumn + $0 })
        var isDropped = [Bool](repeating: false, count: paths.count)
        for (position, gone) in zip(idle, dropped) where gone {
            isDropped[position] = true
            let key = [paths[position].demand] + paths[position].arcs
            pathSet.remove(key)
            timesDropped[key, default: 0] += 1
        }
        let kept = paths.indices.filter { !isDropped[$0] }
        paths = kept.map { paths[$0] }
        lastUsed = kept.map { lastUsed[$0] }
        pathsThroughNode = Array(repeating: [], count: network.nodes.count)
        pathsThroughArc = Array(repeating: [], count: network.arcs.count)
        for position in paths.indices { indexElements(ofPath: position) }
    }

    /// Lists the path at `position` under every node (its origin included) and arc it passes.
    private func indexElements(ofPath position: Int) {
        let path = paths[position]
        guard let origin = network.demands[path.demand].origin else { return }
        pathsThroughNode[origin].append(position)
        for a in path.arcs {
            pathsThroughArc[a].append(position)
            pathsThroughNode[network.arcs[a].to].append(position)
        }
    }

    /// Served quantities, flows and routes from the path columns' values.
    private func flows(_ values: [Double]) -> AllocationDecoder.Flows {
        var served = [Double](repeating: 0, count: network.demands.count)
        for (k, column) in unservedColumn.enumerated() {
            guard let column else { continue }
            let quantity = network.demands[k].quantity
            let value = min(quantity, max(0, quantity - values[column]))
            served[k] = AllocationDecoder.tidy(value <= AllocationDecoder.flowTolerance(of: quantity) ? 0 : value)
        }
        var arcFlow = [[Double]](repeating: [Double](repeating: 0, count: network.arcs.count), count: network.commodities.count)
        var routes = [[FlowPath]](repeating: [], count: network.demands.count)
        for (position, path) in paths.enumerated() {
            let flow = values[firstPathColumn + position]
            guard flow > AllocationDecoder.flowTolerance(of: network.demands[path.demand].quantity),
                let destination = network.demands[path.demand].destination
            else { continue }
            let c = network.demands[path.demand].commodity
            for a in path.arcs { arcFlow[c][a] += flow }
            routes[path.demand].append(FlowPath(arcs: path.arcs, sink: destination, flow: flow))
        }
        return .init(served: served, arcFlow: arcFlow, routes: routes)
    }
}

/// The searches of one pricing round, with everything they read, so that they can run on several threads.
private struct PricingSearch: Sendable {
    let network: ActiveNetwork
    let graph: Digraph
    let groups: [(origin: Int, commodity: Int, demands: [Int])]
    /// Per demand, what its cheapest path must cost less than (its dual `σ_k` when pricing).
    let threshold: [Double]
    let slotWeights: [[Double]]
    let nodeWeights: [[Double]]
    let blockedSlots: [[Bool]]

    /// The cheapest path of each demand of the group whose reduced cost is negative (below
    /// `−1e-9·max(1, |σ_k|)`), as arcs from the origin.
    func improvingPaths(ofGroup g: Int) -> [(demand: Int, arcs: [Int])] {
        let group = groups[g]
        let c = group.commodity
        let tree = Dijkstra.run(
            in: graph, slotWeights: slotWeights[c], from: group.origin,
            targets: group.demands.compactMap { network.demands[$0].destination }, blockedSlots: blockedSlots[c])
        let originWeight = nodeWeights[c][group.origin]
        var found: [(demand: Int, arcs: [Int])] = []
        for k in group.demands {
            guard let destination = network.demands[k].destination, tree.isReached(destination) else { continue }
            let sigma = threshold[k]
            guard sigma == .infinity || tree.distances[destination] + originWeight - sigma < -1e-9 * max(1, abs(sigma))
            else { continue }
            var pathArcs: [Int] = []
            var node = destination
            while node != group.origin {
                let a = Int(graph.arcIDs[Int(tree.predecessorSlots[node])])
                pathArcs.append(a)
                node = network.arcs[a].from
            }
            found.append((k, pathArcs.reversed()))
        }
        return found
    }
}
