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
// flows break it (its dual is 0 until then, which is what a slack row would have), and leaves again when
// it has stayed slack for a few rounds.
//
// The rounds are steered, never the optimum: a seed of congestion-priced paths, pricing under prices
// smoothed towards those with the best Lagrangian bound, only the best third of the improving paths per
// round, searches cut off past the demands' duals (docs/MODEL.md, "Column generation"). When no path prices
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
    /// What the last ``solve(timeLimit:)`` did: its rounds of pricing, the paths in the program at the end,
    /// the limit rows it dropped (``dropSlackRows(_:round:)``) and the best Lagrangian bound it saw, which
    /// at the optimum equals the objective (a certificate computed by the pricing searches alone).
    public private(set) var lastRun = (rounds: 0, paths: 0, rowsDropped: 0, bound: -Double.infinity)
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
        /// The limit's price at the center of the stabilised pricing.
        var centerPrice = 0.0
        /// The last round in which the limit's row was tight or had a price (or entered).
        var lastTight = Int.max
        /// How often the limit's row was dropped; one dropped twice is kept from then on.
        var timesDropped = 0
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
    /// The weight of the center in the smoothed prices of ``priceOut(_:)``.
    static let smoothing = 0.5
    /// The best Lagrangian bound so far: that of the prices at the center (each limit's `centerPrice`).
    private var centerBound = -Double.infinity
    /// Limit rows dropped so far by ``dropSlackRows(_:round:)``.
    private var rowsDropped = 0
    /// What the demands that cannot be served at all (an end off) cost: their penalties.
    private let unservableCost: Double
    /// Of the paths that price out in a round, the share that enters: one in this many (Benchmarks/README.md).
    static let enteringShare = 3
    /// Candidates few enough to enter all at once.
    static let fewCandidates = 30
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
        unservableCost = constant
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
            let columns = priceOut(solution)
            pricing += clock.now - solved
            rounds += 1
            do {
                try solver.addColumns(columns)
                // After the new columns, so that each new row holds every path through its element.
                let rows = brokenLimitRows(solution.columnValues)
                guard !columns.isEmpty || !rows.isEmpty else { break }
                try solver.addRows(rows)
                try dropIdlePaths(solution, round: rounds)
                try dropSlackRows(solution, round: rounds)
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
        lastRun = (rounds, paths.count, rowsDropped, centerBound)
        lastTimings = (simplex, pricing, clock.now - decodeStart)
        return allocation
    }

    /// One round of pricing: new columns among the demands' paths with a negative reduced cost under the
    /// program's duals that are not in the program yet.
    ///
    /// - **Smoothed search.** Paths are searched first under `α·center + (1 − α)·program` prices
    ///   (Wentges, 1997): the program's duals swing from round to round while the optimum's settle, and
    ///   paths priced half-way to the best prices seen so far (the center, those with the highest
    ///   Lagrangian bound) are better columns. A path found so counts only if it prices out under the
    ///   program's own duals; when none does, the round searches again under the program's duals.
    /// - **The best third.** Of the paths that price out, only the third that promise most (reduced cost
    ///   times demand) enter: fewer columns, fewer simplex iterations per round, and many of the rest stop
    ///   pricing out once the first have entered.
    /// - **Cut-off searches.** A path prices out only below its demand's dual `σ_k`, so a group's search
    ///   stops once the next node is farther than its demands' largest `σ_k`.
    ///
    /// A round that adds nothing has searched every demand under the program's own duals, so the last
    /// round proves optimality exactly as plain pricing does.
    private func priceOut(_ solution: LPSolution) -> [GLPKSolver.NewColumn] {
        let duals = solution.rowDuals
        let programPrice: (Limit) -> Double = { limit in limit.row.map { -min(0, duals[$0]) } ?? 0 }
        // σ_k, raised by the tolerance below so that the search settles every path that could pass it.
        let cutoff = demandRow.map { row in row.map { duals[$0] + 1e-9 * max(1, abs(duals[$0])) } ?? -.infinity }
        /// The paths that price out under the program's duals, with what each promises.
        func improving(_ found: some Sequence<PricedPath>, repriced: Bool) -> [(path: PricedPath, gain: Double)] {
            found.compactMap { path in
                guard let row = demandRow[path.demand] else { return nil }
                let cost = repriced ? pricedCost(of: path, price: programPrice) : path.cost
                let dual = duals[row]
                guard cost - dual < -1e-9 * max(1, abs(dual)) else { return nil }
                return (path, (dual - cost) * network.demands[path.demand].quantity)
            }
        }
        /// The best third enters (all of a few).
        func enter(_ candidates: [(path: PricedPath, gain: Double)]) -> [GLPKSolver.NewColumn] {
            let ranked = candidates.sorted { $0.gain > $1.gain }
            let count = ranked.count <= Self.fewCandidates ? ranked.count : ranked.count / Self.enteringShare
            return columns(for: ranked.prefix(count).map(\.path))
        }
        if centerBound > -.infinity {
            let alpha = Self.smoothing
            let smoothed: (Limit) -> Double = { alpha * $0.centerPrice + (1 - alpha) * programPrice($0) }
            let found = cheapestPaths(price: smoothed, cutoff: cutoff)
            moveCenter(found, price: smoothed)
            let columns = enter(improving(found.lazy.flatMap(\.paths), repriced: true))
            if !columns.isEmpty { return columns }
        }
        let found = cheapestPaths(price: programPrice, cutoff: cutoff)
        moveCenter(found, price: programPrice)
        return enter(improving(found.lazy.flatMap(\.paths), repriced: false))
    }

    /// The Lagrangian bound of prices `p ≥ 0` on the limits: every demand takes the cheaper of its cheapest
    /// path under the prices and going unserved, less what the prices charge for the limits' capacities,
    ///
    ///   L(p) = Σ_k d_k·min(penalty_k, cost_k(p)) − Σ_limits p·V  (+ the unservable demands' penalties),
    ///
    /// a lower bound on the optimum for any such prices; the prices become the center when their
    /// bound is the best so far.
    /// (A search cut off leaves some paths unknown; the floor under their cost stands in for them, which
    /// keeps the bound a bound.)
    private func moveCenter(_ found: [(paths: [PricedPath], floor: Double)], price: (Limit) -> Double) {
        var cheapest = network.demands.map(\.unservedPenalty)
        for (g, group) in found.enumerated() {
            for k in groups[g].demands { cheapest[k] = min(cheapest[k], group.floor) }
            for path in group.paths { cheapest[path.demand] = min(cheapest[path.demand], path.cost) }
        }
        var bound = unservableCost
        for k in network.demands.indices where demandRow[k] != nil { bound += network.demands[k].quantity * cheapest[k] }
        for limits in [nodeLimits, arcLimits] {
            for element in limits { for limit in element { bound -= price(limit) * limit.value } }
        }
        guard bound > centerBound else { return }
        centerBound = bound
        for n in nodeLimits.indices { for i in nodeLimits[n].indices { nodeLimits[n][i].centerPrice = price(nodeLimits[n][i]) } }
        for a in arcLimits.indices { for i in arcLimits[a].indices { arcLimits[a][i].centerPrice = price(arcLimits[a][i]) } }
    }

    /// A path's cost per unit under other prices than it was found with.
    private func pricedCost(of path: PricedPath, price: (Limit) -> Double) -> Double {
        let c = network.demands[path.demand].commodity
        guard let origin = network.demands[path.demand].origin else { return .infinity }
        func surcharge(_ limits: [Limit]) -> Double {
            limits.reduce(0.0) { sum, limit in limit.weights[c].map { sum + $0 * price(limit) } ?? sum }
        }
        var cost = nodeUnitCost[c][origin] + surcharge(nodeLimits[origin])
        for a in path.arcs {
            let to = network.arcs[a].to
            cost += arcUnitCost[c][a] + surcharge(arcLimits[a]) + nodeUnitCost[c][to] + surcharge(nodeLimits[to])
        }
        return cost
    }

    /// The cheapest path of every demand under costs plus `price(limit) × weight` for each limit passed
    /// (one search per origin and commodity, in parallel), per group, where it costs less than the demand's
    /// `cutoff`; with a floor under the cost of each group's other paths.
    private func cheapestPaths(price: (Limit) -> Double, cutoff: [Double]) -> [(paths: [PricedPath], floor: Double)] {
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
            network: network, graph: graph, groups: groups, slotWeights: slotWeights, nodeWeights: nodeWeights,
            blockedSlots: blockedSlots, cutoff: cutoff)
        return [(paths: [PricedPath], floor: Double)](unsafeUninitializedCapacity: groups.count) { buffer, count in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: groups.count) { g in
                (slots.baseAddress! + g).initialize(to: search.cheapestPaths(ofGroup: g))
            }
            count = groups.count
        }
    }

    /// Columns for the paths not yet in the program, recorded as the program's.
    private func columns(for found: some Sequence<PricedPath>) -> [GLPKSolver.NewColumn] {
        var columns: [GLPKSolver.NewColumn] = []
        for path in found {
            let (k, pathArcs) = (path.demand, path.arcs)
            guard let row = demandRow[k], let origin = network.demands[k].origin, pathSet.insert([k] + pathArcs).inserted
            else { continue }
            columns.append(column(for: k, commodity: network.demands[k].commodity, origin: origin, arcs: pathArcs, row: row))
            paths.append((k, pathArcs))
            lastUsed.append(Int.max)
            indexElements(ofPath: paths.count - 1)
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
        let penalties = network.demands.map(\.unservedPenalty)
        for _ in 0..<rounds {
            // A demand whose path costs more than going unserved loads nothing.
            let found = cheapestPaths(price: { $0.congestionPrice }, cutoff: penalties).map { group in
                group.paths.filter { $0.cost < network.demands[$0.demand].unservedPenalty }
            }
            columns += self.columns(for: found.joined())
            // What each limit carries if every demand takes its path, and what that freight pays per unit.
            var usage: [LimitID: (used: Double, cost: Double)] = [:]
            for (g, group) in groups.enumerated() {
                let c = group.commodity
                for path in found[g] {
                    let (k, pathArcs) = (path.demand, path.arcs)
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

    /// Limit rows slack and without a price for ``idleRoundsBeforeDrop`` rounds leave the program once a
    /// fifth of its limit rows are such. Congestion at a few elements can break thousands of limits on
    /// the way there (the seed's all-or-nothing loads, early restricted optima) that the optimum leaves
    /// slack, and every row is a row of each basis GLPK factorises. A dropped limit is checked every
    /// round like any limit without a row and gets a row again when the flows break it; one dropped twice
    /// stays. A row leaves only with its basic slack, so the held basis stays a basis and the primal
    /// solution stays feasible.
    private func dropSlackRows(_ solution: LPSolution, round: Int) throws {
        var idle: [Int] = []
        var limitRows = 0
        func mark(_ limit: inout Limit) {
            guard let row = limit.row else { return }
            limitRows += 1
            guard row < solution.rowDuals.count, limit.lastTight != Int.max else {
                limit.lastTight = round
                return
            }
            let slack = limit.value - solution.rowActivities[row]
            if abs(solution.rowDuals[row]) > 1e-9 || slack <= 1e-9 * max(1, limit.value) {
                limit.lastTight = round
            } else if round - limit.lastTight >= Self.idleRoundsBeforeDrop, limit.timesDropped < 2 {
                idle.append(row)
            }
        }
        for n in nodeLimits.indices { for i in nodeLimits[n].indices { mark(&nodeLimits[n][i]) } }
        for a in arcLimits.indices { for i in arcLimits[a].indices { mark(&arcLimits[a][i]) } }
        guard idle.count * 5 >= limitRows, !idle.isEmpty else { return }
        let deleted = try solver.deleteBasicRows(idle)
        let gone = Set(zip(idle, deleted).filter(\.1).map(\.0))
        // Each remaining row moves down by the number of deleted rows before it.
        var shift = [Int](repeating: 0, count: solution.rowDuals.count + 1)
        for row in 0..<solution.rowDuals.count { shift[row + 1] = shift[row] + (gone.contains(row) ? 1 : 0) }
        func renumber(_ limit: inout Limit) {
            guard let row = limit.row else { return }
            if gone.contains(row) {
                limit.row = nil
                limit.timesDropped += 1
                rowsDropped += 1
            } else {
                limit.row = row - shift[min(row, solution.rowDuals.count)]
            }
        }
        for n in nodeLimits.indices { for i in nodeLimits[n].indices { renumber(&nodeLimits[n][i]) } }
        for a in arcLimits.indices { for i in arcLimits[a].indices { renumber(&arcLimits[a][i]) } }
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
    let slotWeights: [[Double]]
    let nodeWeights: [[Double]]
    let blockedSlots: [[Bool]]
    /// Per demand, the cost from which its path is of no interest: a group's search stops past its
    /// demands' largest.
    let cutoff: [Double]

    /// The cheapest path of each demand of the group that costs less than its cutoff, with its cost under
    /// the weights (origin included), as arcs from the origin; and a floor under the cost of the group's
    /// other paths (`.infinity` when the search reached everything it could).
    func cheapestPaths(ofGroup g: Int) -> (paths: [PricedPath], floor: Double) {
        let group = groups[g]
        let c = group.commodity
        let originWeight = nodeWeights[c][group.origin]
        let stop = group.demands.map { cutoff[$0] }.max() ?? .infinity
        let tree = Dijkstra.run(
            in: graph, slotWeights: slotWeights[c], from: group.origin,
            targets: group.demands.compactMap { network.demands[$0].destination }, blockedSlots: blockedSlots[c],
            stopAbove: stop.isFinite ? stop - originWeight : nil)
        var found: [PricedPath] = []
        for k in group.demands {
            guard let destination = network.demands[k].destination, tree.isSettledBelowFrontier(destination) else { continue }
            var pathArcs: [Int] = []
            var node = destination
            while node != group.origin {
                let a = Int(graph.arcIDs[Int(tree.predecessorSlots[node])])
                pathArcs.append(a)
                node = network.arcs[a].from
            }
            found.append(PricedPath(demand: k, cost: tree.distances[destination] + originWeight, arcs: pathArcs.reversed()))
        }
        return (found, tree.frontier.map { $0 + originWeight } ?? .infinity)
    }
}

/// A demand's cheapest path under some prices: its cost per unit under them, and its arcs from the origin.
private struct PricedPath {
    let demand: Int
    let cost: Double
    let arcs: [Int]
}
