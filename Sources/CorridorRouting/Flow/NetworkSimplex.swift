// Primal network simplex for minimum-cost flow.
//
// The basis is a spanning tree over the nodes plus an artificial root joined to every node by an
// artificial arc; the starting tree is those arcs alone, and flow that crosses the root pays a
// prohibitive cost, so it remains only when the supplies cannot be routed. The tree is kept strongly
// feasible (Cunningham 1976): on a tie the leaving arc is the last blocking arc met when walking the
// pivot cycle from its apex, which rules out cycling without any perturbation. The entering arc is
// chosen by block search (Grigoriadis 1986; the rule Kelly & O'Neill 1991 and LEMON found fastest in
// practice): arcs are priced in blocks of about √m, and the most violating arc of the first block that
// holds any enters. Arcs are priced in a strided order and the cheapest arc into each demand node is
// pivoted in first, two start-up choices that cut the pivot count by about a fifth on NETGEN networks.
// The tree is stored as parent/predecessor arrays with a preorder thread, its reverse, subtree sizes
// and each subtree's last node, so a pivot costs O(cycle length + size of the moved subtree).
//
// Complexity: no polynomial bound on the number of pivots is known for block search; in practice it
// is modest (about 0.3 m on the NETGEN benchmark in Benchmarks/README.md). Memory: 33 bytes per arc
// plus about 100 per node.
//
// References: W. H. Cunningham, "A network simplex method", Math. Programming 11 (1976) 105–116;
// D. J. Kelly and G. M. O'Neill, "The minimum cost flow problem and the network simplex solution
// method", M.Sc. thesis, University College Dublin, 1991; P. Kovács, "Minimum-cost flow algorithms:
// an experimental evaluation", Optimization Methods and Software 30 (2015) 94–127.

/// The network simplex state for one problem; build it, then call ``solve()`` once.
final class NetworkSimplex {
    private static let atLower: Int8 = 1
    private static let atUpper: Int8 = -1
    private static let inTree: Int8 = 0
    private static let infinite = MinCostFlowProblem.unlimited

    private let problem: MinCostFlowProblem
    private let nodeCount: Int
    private let root: Int
    private let realArcCount: Int
    private let arcCount: Int
    /// True when supplies sum to zero, so artificial arcs need not be priced until the end.
    private let suppliesBalance: Bool

    // Per arc (real arcs first, then one artificial arc per node).
    private let source: UnsafeMutablePointer<Int32>
    private let target: UnsafeMutablePointer<Int32>
    private let capacity: UnsafeMutablePointer<Int64>
    private let cost: UnsafeMutablePointer<Int64>
    private let flow: UnsafeMutablePointer<Int64>
    /// +1 at its lower bound, −1 at its capacity, 0 in the tree: the sign that makes
    /// `state × reducedCost < 0` mean "improves the cost if it enters".
    private let state: UnsafeMutablePointer<Int8>

    // Per node, the root included.
    private let potential: UnsafeMutablePointer<Int64>
    private let parent: CompactIndices
    private let predecessorArc: CompactIndices
    /// True when the arc to the parent points up, from the node to its parent.
    private let pointsUp: UnsafeMutablePointer<Bool>
    private let thread: CompactIndices
    private let reverseThread: CompactIndices
    private let subtreeSize: CompactIndices
    private let lastInSubtree: CompactIndices

    // Scratch for re-rooting a moved subtree.
    private let stem: UnsafeMutablePointer<Int>
    private let stemNext: UnsafeMutablePointer<Int>
    private let stemLast: UnsafeMutablePointer<Int>
    private let stemBeforeChild: UnsafeMutablePointer<Int>
    private let stemAfterChild: UnsafeMutablePointer<Int>
    private let stemChildSize: UnsafeMutablePointer<Int>

    init(_ problem: MinCostFlowProblem) throws(MinCostFlowProblemError) {
        self.problem = problem
        nodeCount = problem.nodeCount
        root = nodeCount
        realArcCount = problem.arcCount
        arcCount = realArcCount + nodeCount

        let shifted = try ShiftedBounds(problem)
        let supplies = shifted.supplies
        let maxAbsoluteCost = shifted.maxAbsoluteCost
        // An artificial arc must cost more than any simple path, and potentials (at most two such
        // costs) must stay far from overflow.
        let (bound, overflow1) = maxAbsoluteCost.addingReportingOverflow(1)
        let (scaled, overflow2) = bound.multipliedReportingOverflow(by: Int64(nodeCount + 1))
        guard !overflow1, !overflow2, scaled < (1 << 60) else {
            throw .tooLarge("arc costs up to \(maxAbsoluteCost) on \(nodeCount) nodes exceed exact 64-bit range")
        }
        let artificialCost = scaled
        suppliesBalance = supplies.reduce(0, &+) == 0

        let nodeSlots = nodeCount + 1
        guard arcCount < Int(Int32.max) else {
            throw .tooLarge("\(realArcCount) arcs and \(nodeCount) nodes exceed the 2^31 arcs a tree index holds")
        }
        source = .allocate(capacity: arcCount)
        target = .allocate(capacity: arcCount)
        capacity = .allocate(capacity: arcCount)
        cost = .allocate(capacity: arcCount)
        flow = .allocate(capacity: arcCount)
        state = .allocate(capacity: arcCount)
        potential = .allocate(capacity: nodeSlots)
        parent = CompactIndices(capacity: nodeSlots)
        predecessorArc = CompactIndices(capacity: nodeSlots)
        pointsUp = .allocate(capacity: nodeSlots)
        thread = CompactIndices(capacity: nodeSlots)
        reverseThread = CompactIndices(capacity: nodeSlots)
        subtreeSize = CompactIndices(capacity: nodeSlots)
        lastInSubtree = CompactIndices(capacity: nodeSlots)
        stem = .allocate(capacity: nodeSlots)
        stemNext = .allocate(capacity: nodeSlots)
        stemLast = .allocate(capacity: nodeSlots)
        stemBeforeChild = .allocate(capacity: nodeSlots)
        stemAfterChild = .allocate(capacity: nodeSlots)
        stemChildSize = .allocate(capacity: nodeSlots)

        var slot = 0
        for arc in Self.mixedOrder(arcCount: realArcCount, nodeCount: nodeCount) {
            source[slot] = problem.tails[arc]
            target[slot] = problem.heads[arc]
            let cap = problem.capacities[arc]
            capacity[slot] = cap == Self.infinite ? cap : cap - problem.lowerBounds[arc]
            cost[slot] = problem.costs[arc]
            flow[slot] = 0
            state[slot] = Self.atLower
            slot += 1
        }
        // The starting tree: every node hangs from the root by its artificial arc, directed so that
        // it carries the node's supply, and directed up when the supply is zero (strong feasibility).
        // Only arcs down from the root cost: flow through the root pays the prohibitive cost once.
        let rootIndex = Int32(root)
        for node in 0..<nodeCount {
            let arc = realArcCount + node
            let supply = supplies[node]
            capacity[arc] = Self.infinite
            cost[arc] = supply >= 0 ? 0 : artificialCost
            state[arc] = Self.inTree
            if supply >= 0 {
                source[arc] = Int32(node)
                target[arc] = rootIndex
                flow[arc] = supply
                pointsUp[node] = true
                potential[node] = 0
            } else {
                source[arc] = rootIndex
                target[arc] = Int32(node)
                flow[arc] = -supply
                pointsUp[node] = false
                potential[node] = artificialCost
            }
            parent[node] = root
            predecessorArc[node] = arc
            thread[node] = node + 1
            reverseThread[node] = node == 0 ? root : node - 1
            subtreeSize[node] = 1
            lastInSubtree[node] = node
        }
        potential[root] = 0
        parent[root] = -1
        predecessorArc[root] = -1
        pointsUp[root] = false
        thread[root] = nodeCount == 0 ? root : 0
        reverseThread[root] = nodeCount == 0 ? root : nodeCount - 1
        if nodeCount > 0 { thread[nodeCount - 1] = root }
        subtreeSize[root] = nodeSlots
        lastInSubtree[root] = nodeCount == 0 ? root : nodeCount - 1
    }

    deinit {
        for pointer in [source, target] as [UnsafeMutablePointer<Int32>] { pointer.deallocate() }
        for pointer in [capacity, cost, flow, potential] { pointer.deallocate() }
        state.deallocate()
        pointsUp.deallocate()
        for indices in [parent, predecessorArc, thread, reverseThread, subtreeSize, lastInSubtree] {
            indices.deallocate()
        }
        for pointer in [stem, stemNext, stemLast, stemBeforeChild, stemAfterChild, stemChildSize] {
            pointer.deallocate()
        }
    }

    /// Pivots until no arc prices out, then reads the answer.
    ///
    /// With balanced supplies the artificial arcs are left out of pricing: once one leaves the tree
    /// it is not needed again unless the problem is infeasible, and then a second round prices them
    /// too so that the reported shortfall is the least possible.
    func solve() throws(MinCostFlowProblemError) -> MinCostFlowResult {
        if let cycle = pivotCheapestArcsIntoDemands() { return .unbounded(cycle: cycle) }
        var nextArc = 0
        var searched = suppliesBalance ? realArcCount : arcCount
        while true {
            let blockSize = max(10, Int(Double(searched).squareRoot()))
            while let entering = findEnteringArc(blockSize: blockSize, searched: searched, from: &nextArc) {
                if let cycle = pivot(entering: entering) { return .unbounded(cycle: cycle) }
            }
            guard searched < arcCount, artificialFlowRemains() else { break }
            searched = arcCount
        }
        return try answer()
    }

    /// A start heuristic (as in LEMON): bring the cheapest arc into each demand node into the tree,
    /// which replaces most expensive artificial paths in a few pivots.
    private func pivotCheapestArcsIntoDemands() -> [Int]? {
        var cheapestInto = [Int](repeating: -1, count: nodeCount)
        for arc in 0..<realArcCount {
            let head = Int(target[arc])
            guard !pointsUp[head] else { continue }
            if cheapestInto[head] < 0 || cost[arc] < cost[cheapestInto[head]] { cheapestInto[head] = arc }
        }
        for arc in cheapestInto where arc >= 0 {
            let reduced = cost[arc] &+ potential[Int(source[arc])] &- potential[Int(target[arc])]
            guard Int64(state[arc]) &* reduced < 0 else { continue }
            if let cycle = pivot(entering: arc) { return cycle }
        }
        return nil
    }

    private func artificialFlowRemains() -> Bool {
        (realArcCount..<arcCount).contains { flow[$0] != 0 }
    }

    /// Block search: scans arcs cyclically from `nextArc` and returns the most violating arc of the
    /// first block holding one, or nil when none violates (optimal).
    private func findEnteringArc(blockSize: Int, searched: Int, from nextArc: inout Int) -> Int? {
        guard searched > 0 else { return nil }
        if nextArc >= searched { nextArc = 0 }
        var best: Int64 = 0
        var bestArc = -1
        var inBlock = 0
        var arc = nextArc
        for _ in 0..<searched {
            let reduced = cost[arc] &+ potential[Int(source[arc])] &- potential[Int(target[arc])]
            let violation = Int64(state[arc]) &* reduced
            if violation < best {
                best = violation
                bestArc = arc
            }
            arc += 1
            if arc == searched { arc = 0 }
            inBlock += 1
            if inBlock == blockSize {
                if bestArc >= 0 { break }
                inBlock = 0
            }
        }
        nextArc = arc
        return bestArc >= 0 ? bestArc : nil
    }

    /// Residual capacity of the arc joining `node` to its parent, in the direction node → parent.
    @inline(__always) private func residualUp(_ node: Int) -> Int64 {
        let arc = predecessorArc[node]
        if pointsUp[node] {
            return capacity[arc] == Self.infinite ? Self.infinite : capacity[arc] - flow[arc]
        }
        return flow[arc]
    }

    /// Residual capacity of the arc joining `node` to its parent, in the direction parent → node.
    @inline(__always) private func residualDown(_ node: Int) -> Int64 {
        let arc = predecessorArc[node]
        if pointsUp[node] { return flow[arc] }
        return capacity[arc] == Self.infinite ? Self.infinite : capacity[arc] - flow[arc]
    }

    /// Sends flow around the cycle the entering arc closes and updates the tree. Returns the cycle's
    /// arcs when it has unlimited capacity (the problem is unbounded), otherwise nil.
    private func pivot(entering: Int) -> [Int]? {
        let increases = state[entering] == Self.atLower
        // Flow crosses the entering arc from `first` to `second`, climbs from `second` to the apex and
        // descends from the apex back to `first`.
        let first = Int(increases ? source[entering] : target[entering])
        let second = Int(increases ? target[entering] : source[entering])
        var up = first
        var down = second
        while up != down {
            if subtreeSize[up] < subtreeSize[down] { up = parent[up] } else { down = parent[down] }
        }
        let apex = up

        // The leaving arc is the last blocking arc in cycle order from the apex: apex → first, the
        // entering arc, second → apex. Hence `<` on the first side and `<=` on the second.
        var delta = capacity[entering]
        var leavingNode = -1
        var leavingOnFirstSide = false
        var node = first
        while node != apex {
            let residual = residualDown(node)
            if residual < delta {
                delta = residual
                leavingNode = node
                leavingOnFirstSide = true
            }
            node = parent[node]
        }
        node = second
        while node != apex {
            let residual = residualUp(node)
            if residual <= delta {
                delta = residual
                leavingNode = node
                leavingOnFirstSide = false
            }
            node = parent[node]
        }
        if delta == Self.infinite { return cycleArcs(entering: entering, first: first, second: second, apex: apex) }

        if delta > 0 {
            flow[entering] += increases ? delta : -delta
            node = first
            while node != apex {
                flow[predecessorArc[node]] += pointsUp[node] ? -delta : delta
                node = parent[node]
            }
            node = second
            while node != apex {
                flow[predecessorArc[node]] += pointsUp[node] ? delta : -delta
                node = parent[node]
            }
        }
        if leavingNode < 0 {
            state[entering] = increases ? Self.atUpper : Self.atLower
            return nil
        }
        let leavingArc = predecessorArc[leavingNode]
        state[leavingArc] = flow[leavingArc] == 0 ? Self.atLower : Self.atUpper
        state[entering] = Self.inTree
        let newRoot = leavingOnFirstSide ? first : second
        let newParent = leavingOnFirstSide ? second : first
        replaceSubtree(leavingNode: leavingNode, newRoot: newRoot, newParent: newParent, entering: entering, apex: apex)
        return nil
    }

    /// Cuts the subtree under `leavingNode`, re-roots it at `newRoot` (which it contains), hangs it
    /// from `newParent` by the entering arc, and shifts its potentials so the entering arc prices at 0.
    private func replaceSubtree(leavingNode: Int, newRoot: Int, newParent: Int, entering: Int, apex: Int) {
        let reduced =
            cost[entering] + potential[Int(source[entering])] - potential[Int(target[entering])]
        let shift = Int(source[entering]) == newRoot ? -reduced : reduced

        // The stem: newRoot, its parent, …, leavingNode. Record its old thread positions first.
        var stemCount = 0
        var node = newRoot
        while true {
            stem[stemCount] = node
            stemNext[stemCount] = thread[node]
            stemLast[stemCount] = lastInSubtree[node]
            if stemCount > 0 {
                let child = stem[stemCount - 1]
                stemBeforeChild[stemCount] = reverseThread[child]
                stemAfterChild[stemCount] = thread[lastInSubtree[child]]
                stemChildSize[stemCount] = subtreeSize[child]
            }
            stemCount += 1
            if node == leavingNode { break }
            node = parent[node]
        }
        let movedSize = subtreeSize[leavingNode]
        let oldLast = lastInSubtree[leavingNode]
        let oldParent = parent[leavingNode]

        // Cut the moved subtree out of the thread.
        let before = reverseThread[leavingNode]
        link(before, thread[oldLast])
        node = oldParent
        while node >= 0 && lastInSubtree[node] == oldLast {
            lastInSubtree[node] = before
            node = parent[node]
        }
        node = oldParent
        while node != apex {
            subtreeSize[node] -= movedSize
            node = parent[node]
        }

        // Re-thread it in its new preorder: each stem node, then what it kept of its old subtree
        // (the parts before and after its old child on the stem), then the next stem node.
        var tail = stem[0]
        if stemLast[0] != stem[0] {
            link(tail, stemNext[0])
            tail = stemLast[0]
        }
        for index in 1..<stemCount {
            let current = stem[index]
            let child = stem[index - 1]
            link(tail, current)
            tail = current
            if stemNext[index] != child {
                link(tail, stemNext[index])
                tail = stemBeforeChild[index]
            }
            if stemLast[index - 1] != stemLast[index] {
                link(tail, stemAfterChild[index])
                tail = stemLast[index]
            }
        }
        let newLast = tail
        subtreeSize[stem[0]] = movedSize
        lastInSubtree[stem[0]] = newLast
        for index in 1..<stemCount {
            subtreeSize[stem[index]] = movedSize - stemChildSize[index]
            lastInSubtree[stem[index]] = newLast
        }

        // Reverse the parent links along the stem, top down so each old predecessor is read first.
        var index = stemCount - 1
        while index > 0 {
            let current = stem[index]
            let child = stem[index - 1]
            parent[current] = child
            predecessorArc[current] = predecessorArc[child]
            pointsUp[current] = !pointsUp[child]
            index -= 1
        }
        parent[newRoot] = newParent
        predecessorArc[newRoot] = entering
        pointsUp[newRoot] = Int(source[entering]) == newRoot

        // Hang it right after its new parent in the thread.
        let after = thread[newParent]
        link(newParent, newRoot)
        link(newLast, after)
        node = newParent
        while node >= 0 && lastInSubtree[node] == newParent {
            lastInSubtree[node] = newLast
            node = parent[node]
        }
        node = newParent
        while node != apex {
            subtreeSize[node] += movedSize
            node = parent[node]
        }

        if shift != 0 {
            node = newRoot
            for _ in 0..<movedSize {
                potential[node] += shift
                node = thread[node]
            }
        }
    }

    /// The real arcs in the order they are priced: the file's arcs dealt round-robin into `stride`
    /// runs, so consecutive slots hold arcs from all over the file and one pricing block samples the
    /// whole network instead of one node's run of arcs (the "arc mixing" of LEMON).
    private static func mixedOrder(arcCount: Int, nodeCount: Int) -> some Sequence<Int> {
        let stride = max(3, arcCount / max(1, nodeCount))
        // Arcs stride·t + j land in run j at position t; run j starts where runs 0..<j end.
        var runStart = [Int](repeating: 0, count: stride + 1)
        for run in 0..<stride { runStart[run + 1] = runStart[run] + max(0, (arcCount - run + stride - 1) / stride) }
        return (0..<arcCount).lazy.map { slot in runStart[slot % stride] + slot / stride }
    }

    @inline(__always) private func link(_ from: Int, _ to: Int) {
        thread[from] = to
        reverseThread[to] = from
    }

    /// The problem's indices of the arcs on the cycle the entering arc closes.
    private func cycleArcs(entering: Int, first: Int, second: Int, apex: Int) -> [Int] {
        var slots = [entering]
        for start in [first, second] {
            var node = start
            while node != apex {
                slots.append(predecessorArc[node])
                node = parent[node]
            }
        }
        let original = Array(Self.mixedOrder(arcCount: realArcCount, nodeCount: nodeCount))
        return slots.filter { $0 < realArcCount }.map { original[$0] }
    }

    /// The optimal flow, or the shortfall when artificial arcs still carry flow.
    private func answer() throws(MinCostFlowProblemError) -> MinCostFlowResult {
        var unroutedSupply: Int64 = 0
        var unmetDemand: Int64 = 0
        var stranded: [Int] = []
        var short: [Int] = []
        for node in 0..<nodeCount {
            let arc = realArcCount + node
            guard flow[arc] > 0 else { continue }
            if Int(source[arc]) == node {
                unroutedSupply += flow[arc]
                stranded.append(node)
            } else {
                unmetDemand += flow[arc]
                short.append(node)
            }
        }
        if unroutedSupply > 0 || unmetDemand > 0 {
            return .infeasible(
                MinCostFlowShortfall(
                    unroutedSupply: unroutedSupply, unmetDemand: unmetDemand, strandedSupplyNodes: stranded,
                    shortDemandNodes: short))
        }
        var flows = [Int64](repeating: 0, count: realArcCount)
        var slot = 0
        for arc in Self.mixedOrder(arcCount: realArcCount, nodeCount: nodeCount) {
            flows[arc] = flow[slot]
            slot += 1
        }
        let potentials = (0..<nodeCount).map { potential[$0] }
        return .optimal(try MinCostFlowSolution(problem, shiftedFlows: flows, potentials: potentials))
    }
}

/// Node and arc indices stored in 32 bits, read and written as `Int`: the tree arrays are walked
/// node by node, so halving them keeps more of the tree in cache. Every value is below 2³¹ (checked
/// when the solver is built) or −1.
private struct CompactIndices {
    private let base: UnsafeMutablePointer<Int32>

    init(capacity: Int) { base = .allocate(capacity: capacity) }

    @inline(__always) subscript(index: Int) -> Int {
        get { Int(base[index]) }
        nonmutating set { base[index] = Int32(truncatingIfNeeded: newValue) }
    }

    func deallocate() { base.deallocate() }
}
