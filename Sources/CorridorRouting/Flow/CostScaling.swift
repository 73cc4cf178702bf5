// Cost-scaling push-relabel for minimum-cost flow (Goldberg 1997).
//
// Costs are multiplied by K = N + 1 (N nodes, the root included) so that a flow that is 1-optimal
// for the scaled costs is optimal for the real ones. Starting from ε = K·max|cost|, each phase divides
// ε by α = 8 and refines the previous flow into an ε-optimal one: it saturates every residual arc of
// negative reduced cost, then moves the excesses along admissible arcs (reduced cost < 0) until none
// is left. Excess moves by partial augment–relabel: from an active node a path of admissible arcs is
// grown up to four arcs (relabelling a tip without admissible arcs and stepping back) and the excess
// is pushed along it at once. A global price update — a bucket-based Dijkstra from the deficit
// nodes over the residual graph, lengths counted in units of ε — runs after every N relabels (counted
// across phases), so that prices point every excess at its nearest deficit.
//
// Feasibility is not assumed: every supply node has an arc to an artificial root and the root one to
// every demand node, each as wide as the supply and costing more than any simple path, so a phase
// always ends and the optimum uses them only when the supplies cannot be routed. The final prices are
// within one unit of optimal potentials for the real costs; a label-correcting pass over the residual
// graph makes them exact, and that pass certifies optimality: if it finds a negative cycle the answer
// is withheld rather than reported.
//
// Complexity: O(n²m log(nC)) in the worst case; in practice close to linear per phase. Memory: 68
// bytes per arc plus about 90 per node.
//
// References: A. V. Goldberg, "An efficient implementation of a scaling minimum-cost flow algorithm",
// J. Algorithms 22 (1997) 1–29; A. V. Goldberg and R. E. Tarjan, "Finding minimum-cost circulations
// by successive approximation", Math. Oper. Res. 15 (1990) 430–466.

/// The cost-scaling solver; see ``solve(_:)``.
final class CostScaling {
    private struct Arc {
        var head: Int32
        var twin: Int32
        var residual: Int64
        /// The scaled cost (the twin's is its negation).
        var cost: Int64
        /// The residual capacities of the arc and its twin add up to this, so a search along reverse
        /// arcs never reads the twin.
        var width: Int64
    }

    /// ε shrinks by this factor per phase: 8 read 15–20% fewer arcs than LEMON's 16 on NETGEN at 1–2M arcs.
    private static let alpha: Int64 = 8
    private static let pathLength = 4

    /// Solves `problem` when it is balanced, feasible, bounded and small enough for exact scaled
    /// arithmetic; returns nil otherwise (so that the network simplex reports what is wrong).
    /// - Throws: ``MinCostFlowProblemError/tooLarge(_:)`` for the same magnitudes the network simplex
    ///   refuses.
    static func solve(_ problem: MinCostFlowProblem) throws(MinCostFlowProblemError) -> MinCostFlowSolution? {
        let shifted = try ShiftedBounds(problem)
        guard shifted.supplies.reduce(0, +) == 0 else { return nil }
        var unlimitedCount: Int64 = 0
        for arc in 0..<problem.arcCount where problem.capacities[arc] == MinCostFlowProblem.unlimited {
            // A negative unlimited arc may close an unbounded cycle: the network simplex finds it.
            guard problem.costs[arc] >= 0 else { return nil }
            unlimitedCount += 1
        }
        // Unlimited arcs are capped at the flow bound. An excess is at most the supplies plus every
        // width, the root arcs' included: below (unlimited arcs + 3) × the flow bound, kept exact.
        let (capacitySum, overflow1) = (unlimitedCount + 3).multipliedReportingOverflow(by: shifted.flowBound)
        // Scaled real and artificial costs stay below (C+1)·(N+1)² < 2⁵⁸ and prices within a few times
        // that (each phase moves a price by O(N·ε)), so sums of two never overflow.
        let slots = Int64(problem.nodeCount + 2)
        let (square, overflow2) = slots.multipliedReportingOverflow(by: slots)
        let (range, overflow3) = square.multipliedReportingOverflow(by: min(shifted.maxAbsoluteCost, 1 << 58) + 1)
        guard !overflow1, !overflow2, !overflow3, capacitySum < 1 << 62, range < 1 << 58 else { return nil }
        let solver = CostScaling(problem, shifted)
        defer { solver.deallocate() }
        return try solver.run()
    }

    private let problem: MinCostFlowProblem
    private let nodeCount: Int
    private let root: Int
    private let scale: Int64
    private let arcTotal: Int
    private let arcs: UnsafeMutablePointer<Arc>
    /// Node v's arcs are `first[v]..<first[v + 1]`.
    private let first: UnsafeMutablePointer<Int>
    /// Arcs before it are not admissible.
    private let current: UnsafeMutablePointer<Int>
    private let price: UnsafeMutablePointer<Int64>
    private let excess: UnsafeMutablePointer<Int64>
    /// The slot of each problem arc's forward residual arc (its twin holds the flow), −1 for a self-loop.
    private let forwardSlot: UnsafeMutablePointer<Int32>
    /// The shifted flow of each self-loop (they never enter the residual graph).
    private var loopFlows: [Int: Int64] = [:]
    /// The forward slots of the arcs to and from the root.
    private var artificialSlots: [Int] = []
    private let maxAbsoluteCost: Int64

    // The FIFO of active nodes (positive excess), each at most once.
    private let queue: UnsafeMutablePointer<Int32>
    private let queued: UnsafeMutablePointer<Bool>
    private var queueHead = 0
    private var queueCount = 0
    /// Relabels since the last global price update, counted across phases.
    private var relabelsSinceUpdate = 0

    // Scratch for the global update.
    private let rank: UnsafeMutablePointer<Int>
    private let bucketNext: UnsafeMutablePointer<Int32>
    private let bucketPrevious: UnsafeMutablePointer<Int32>
    private let bucketFirst: UnsafeMutablePointer<Int32>
    private let maxRank: Int
    private let settled: UnsafeMutablePointer<Bool>

    private init(_ problem: MinCostFlowProblem, _ shifted: ShiftedBounds) {
        self.problem = problem
        let n = problem.nodeCount
        nodeCount = n + 1
        root = n
        scale = Int64(nodeCount + 1)
        let supplies = shifted.supplies

        var degree = [Int](repeating: 0, count: nodeCount + 1)
        var realSlots = 0
        for arc in 0..<problem.arcCount where problem.tails[arc] != problem.heads[arc] {
            degree[Int(problem.tails[arc])] += 1
            degree[Int(problem.heads[arc])] += 1
            realSlots += 2
        }
        var artificialCount = 0
        for node in 0..<n where supplies[node] != 0 {
            degree[node] += 1
            degree[root] += 1
            artificialCount += 1
        }
        arcTotal = realSlots + 2 * artificialCount
        arcs = .allocate(capacity: max(1, arcTotal))
        first = .allocate(capacity: nodeCount + 1)
        var position = [Int](repeating: 0, count: nodeCount)
        var sum = 0
        for node in 0..<nodeCount {
            first[node] = sum
            position[node] = sum
            sum += degree[node]
        }
        first[nodeCount] = sum

        forwardSlot = .allocate(capacity: max(1, problem.arcCount))
        for arc in 0..<problem.arcCount {
            let tail = Int(problem.tails[arc])
            let head = Int(problem.heads[arc])
            let capacity = problem.capacities[arc]
            let width = capacity == MinCostFlowProblem.unlimited ? shifted.flowBound : capacity - problem.lowerBounds[arc]
            if tail == head {
                forwardSlot[arc] = -1
                if problem.costs[arc] < 0 { loopFlows[arc] = width }
                continue
            }
            let forward = position[tail]
            let backward = position[head]
            position[tail] += 1
            position[head] += 1
            let cost = problem.costs[arc] * scale
            arcs[forward] = Arc(head: Int32(head), twin: Int32(backward), residual: width, cost: cost, width: width)
            arcs[backward] = Arc(head: Int32(tail), twin: Int32(forward), residual: 0, cost: -cost, width: width)
            forwardSlot[arc] = Int32(forward)
        }
        // Through the root a unit costs twice more than any simple path of real arcs.
        let artificialCost = (shifted.maxAbsoluteCost + 1) * Int64(nodeCount) * scale
        maxAbsoluteCost = shifted.maxAbsoluteCost
        for node in 0..<n where supplies[node] != 0 {
            let (from, to) = supplies[node] > 0 ? (node, root) : (root, node)
            let forward = position[from]
            let backward = position[to]
            position[from] += 1
            position[to] += 1
            let width = abs(supplies[node])
            arcs[forward] = Arc(head: Int32(to), twin: Int32(backward), residual: width, cost: artificialCost, width: width)
            arcs[backward] = Arc(head: Int32(from), twin: Int32(forward), residual: 0, cost: -artificialCost, width: width)
            artificialSlots.append(forward)
        }

        current = .allocate(capacity: nodeCount)
        price = .allocate(capacity: nodeCount)
        price.initialize(repeating: 0, count: nodeCount)
        excess = .allocate(capacity: nodeCount)
        for node in 0..<n { excess[node] = supplies[node] }
        excess[root] = 0
        queue = .allocate(capacity: nodeCount)
        queued = .allocate(capacity: nodeCount)
        queued.initialize(repeating: false, count: nodeCount)
        rank = .allocate(capacity: nodeCount)
        bucketNext = .allocate(capacity: nodeCount)
        bucketPrevious = .allocate(capacity: nodeCount)
        maxRank = Int(Self.alpha) * nodeCount
        bucketFirst = .allocate(capacity: maxRank + 1)
        bucketFirst.initialize(repeating: -1, count: maxRank + 1)
        settled = .allocate(capacity: nodeCount)
    }

    private func deallocate() {
        arcs.deallocate()
        first.deallocate()
        forwardSlot.deallocate()
        for pointer in [price, excess] { pointer.deallocate() }
        current.deallocate()
        queue.deallocate()
        queued.deallocate()
        rank.deallocate()
        bucketNext.deallocate()
        bucketPrevious.deallocate()
        bucketFirst.deallocate()
        settled.deallocate()
    }

    private func run() throws(MinCostFlowProblemError) -> MinCostFlowSolution? {
        var epsilon = max(1, maxAbsoluteCost * scale)
        repeat {
            epsilon = max(1, epsilon / Self.alpha)
            guard refine(epsilon) else { return nil }
        } while epsilon > 1
        // Flow through the root means the supplies cannot all be routed.
        guard artificialSlots.allSatisfy({ arcs[Int(arcs[$0].twin)].residual == 0 }),
            let potentials = exactPotentials()
        else { return nil }
        var flows = [Int64](repeating: 0, count: problem.arcCount)
        for arc in 0..<problem.arcCount {
            let slot = Int(forwardSlot[arc])
            flows[arc] = slot < 0 ? loopFlows[arc, default: 0] : arcs[Int(arcs[slot].twin)].residual
        }
        return try MinCostFlowSolution(problem, shiftedFlows: flows, potentials: potentials)
    }

    // MARK: Refine

    /// Turns the current flow into an ε-optimal one meeting every supply; false if a node with
    /// excess has no residual arc (which a balanced problem with its root arcs rules out).
    private func refine(_ epsilon: Int64) -> Bool {
        for node in 0..<nodeCount {
            current[node] = first[node]
            let nodePrice = price[node]
            for slot in first[node]..<first[node + 1] {
                let residual = arcs[slot].residual
                guard residual > 0 else { continue }
                let head = Int(arcs[slot].head)
                if arcs[slot].cost &+ nodePrice &- price[head] < 0 {
                    arcs[slot].residual = 0
                    arcs[Int(arcs[slot].twin)].residual += residual
                    excess[node] -= residual
                    excess[head] += residual
                }
            }
        }
        queueHead = 0
        queueCount = 0
        for node in 0..<nodeCount where excess[node] > 0 { enqueue(node) }
        var pathNodes = [Int](repeating: 0, count: Self.pathLength + 1)
        var pathArcs = [Int](repeating: 0, count: Self.pathLength)
        while queueCount > 0 {
            let start = Int(queue[queueHead])
            if excess[start] <= 0 {
                queued[start] = false
                queueHead = queueHead + 1 == nodeCount ? 0 : queueHead + 1
                queueCount -= 1
                continue
            }
            // Grow a path of admissible arcs from `start` until it is full or reaches a deficit; a tip
            // without one is relabelled and the path steps back.
            pathNodes[0] = start
            var length = 0
            while length < Self.pathLength {
                let tip = pathNodes[length]
                if length > 0 && excess[tip] < 0 { break }
                if let slot = admissibleArc(from: tip) {
                    pathArcs[length] = slot
                    length += 1
                    pathNodes[length] = Int(arcs[slot].head)
                    continue
                }
                // Past the start, the arc back along the path counts: it is residual once the path is pushed.
                let back = length > 0 ? Int(arcs[pathArcs[length - 1]].twin) : -1
                guard relabel(tip, epsilon, back: back) else { return false }
                relabelsSinceUpdate += 1
                if length > 0 { length -= 1 }
            }
            // Push the excess along it.
            for step in 0..<length {
                let node = pathNodes[step]
                let slot = pathArcs[step]
                let amount = min(excess[node], arcs[slot].residual)
                guard amount > 0 else { break }
                let head = Int(arcs[slot].head)
                arcs[slot].residual -= amount
                arcs[Int(arcs[slot].twin)].residual += amount
                excess[node] -= amount
                excess[head] += amount
                if excess[head] > 0 && !queued[head] { enqueue(head) }
            }
            if relabelsSinceUpdate >= nodeCount {
                globalUpdate(epsilon)
                relabelsSinceUpdate = 0
            }
        }
        return true
    }

    @inline(__always) private func enqueue(_ node: Int) {
        var tail = queueHead + queueCount
        if tail >= nodeCount { tail -= nodeCount }
        queue[tail] = Int32(truncatingIfNeeded: node)
        queued[node] = true
        queueCount += 1
    }

    /// The first admissible arc out of `node` from its current arc on, which becomes current.
    @inline(__always) private func admissibleArc(from node: Int) -> Int? {
        let nodePrice = price[node]
        var slot = current[node]
        let end = first[node + 1]
        while slot < end {
            if arcs[slot].residual > 0 && arcs[slot].cost &+ nodePrice &- price[Int(arcs[slot].head)] < 0 {
                current[node] = slot
                return slot
            }
            slot += 1
        }
        current[node] = end
        return nil
    }

    /// Lowers `node`'s price as far as ε-optimality allows, so its cheapest residual arc (or `back`, if
    /// not −1) prices at −ε. False when it has none.
    private func relabel(_ node: Int, _ epsilon: Int64, back: Int) -> Bool {
        let nodePrice = price[node]
        var cheapest =
            back >= 0 ? arcs[back].cost &+ nodePrice &- price[Int(arcs[back].head)] : Int64.max
        for slot in first[node]..<first[node + 1] where arcs[slot].residual > 0 {
            cheapest = min(cheapest, arcs[slot].cost &+ nodePrice &- price[Int(arcs[slot].head)])
        }
        guard cheapest != Int64.max else { return false }
        price[node] = nodePrice &- (cheapest &+ epsilon)
        current[node] = first[node]
        return true
    }

    // MARK: Global price update

    /// Sets every price from the residual distance, in units of ε, to the nearest deficit: an arc of
    /// reduced cost c counts ⌊c/ε⌋ + 1 (≥ 0 under ε-optimality), so lowering each node's price by
    /// ε × its distance keeps ε-optimality and leaves an admissible path from every reached excess.
    /// The search stops once every excess is reached; the nodes left beyond drop as far as the last
    /// reached one.
    private func globalUpdate(_ epsilon: Int64) {
        var activeLeft = 0
        for node in 0..<nodeCount {
            settled[node] = false
            rank[node] = Int.max
            if excess[node] > 0 { activeLeft += 1 }
            if excess[node] < 0 { insert(node, rank: 0) }
        }
        var level = 0
        var lastLevel = 0
        search: while level <= maxRank {
            while bucketFirst[level] >= 0 {
                let node = Int(bucketFirst[level])
                remove(node, rank: level)
                settled[node] = true
                lastLevel = level
                if excess[node] > 0 {
                    activeLeft -= 1
                    if activeLeft == 0 { break search }
                }
                let nodePrice = price[node]
                for slot in first[node]..<first[node + 1] {
                    let other = Int(arcs[slot].head)
                    guard !settled[other] else { continue }
                    // The reverse arc other → node.
                    guard arcs[slot].residual < arcs[slot].width else { continue }
                    let reduced = price[other] &- nodePrice &- arcs[slot].cost
                    let steps = reduced >= 0 ? reduced / epsilon + 1 : -((-reduced - 1) / epsilon)
                    guard steps <= Int64(maxRank - level) else { continue }
                    let newRank = level + Int(steps)
                    if newRank < rank[other] {
                        if rank[other] != Int.max { remove(other, rank: rank[other]) }
                        insert(other, rank: newRank)
                    }
                }
            }
            level += 1
        }
        // Empty the buckets left behind and apply the distances.
        for node in 0..<nodeCount {
            if !settled[node], rank[node] != Int.max { remove(node, rank: rank[node]) }
            let distance = settled[node] ? rank[node] : lastLevel
            if distance != 0 { price[node] &-= Int64(distance) &* epsilon }
            current[node] = first[node]
        }
    }

    @inline(__always) private func insert(_ node: Int, rank newRank: Int) {
        rank[node] = newRank
        let head = bucketFirst[newRank]
        bucketNext[node] = head
        bucketPrevious[node] = -1
        if head >= 0 { bucketPrevious[Int(head)] = Int32(truncatingIfNeeded: node) }
        bucketFirst[newRank] = Int32(truncatingIfNeeded: node)
    }

    @inline(__always) private func remove(_ node: Int, rank oldRank: Int) {
        let next = bucketNext[node]
        let previous = bucketPrevious[node]
        if previous >= 0 { bucketNext[Int(previous)] = next } else { bucketFirst[oldRank] = next }
        if next >= 0 { bucketPrevious[Int(next)] = previous }
    }

    // MARK: Exact potentials

    /// Potentials for the real costs under which every residual arc of the problem (an unlimited
    /// arc always has one forward) prices at ≥ 0: the final prices divided by K, corrected by a FIFO
    /// label-correcting pass. Nil if that pass meets a negative cycle, i.e. the flow is not optimal.
    private func exactPotentials() -> [Int64]? {
        let n = problem.nodeCount
        var unlimitedSlot = [Bool](repeating: false, count: arcTotal)
        for arc in 0..<problem.arcCount where forwardSlot[arc] >= 0 && problem.capacities[arc] == MinCostFlowProblem.unlimited {
            unlimitedSlot[Int(forwardSlot[arc])] = true
        }
        var potential = (0..<n).map { node -> Int64 in
            let value = price[node]
            return value >= 0 ? value / scale : -((-value + scale - 1) / scale)
        }
        var inQueue = [Bool](repeating: true, count: n)
        var passes = [Int](repeating: 0, count: n)
        var fifo = Array(0..<n)
        var head = 0
        while head < fifo.count {
            let node = fifo[head]
            head += 1
            if head > n {
                fifo.removeFirst(head)
                head = 0
            }
            inQueue[node] = false
            passes[node] += 1
            guard passes[node] <= n + 1 else { return nil }
            for slot in first[node]..<first[node + 1] {
                let other = Int(arcs[slot].head)
                guard other != root, arcs[slot].residual > 0 || unlimitedSlot[slot] else { continue }
                // Reduced cost with the real cost: cost/K + π(node) − π(other) must be ≥ 0.
                let (bound, overflow) = potential[node].addingReportingOverflow(arcs[slot].cost / scale)
                guard !overflow else { return nil }
                if bound < potential[other] {
                    potential[other] = bound
                    if !inQueue[other] {
                        inQueue[other] = true
                        fifo.append(other)
                    }
                }
            }
        }
        return potential
    }
}
