// Push-relabel maximum flow, highest-label selection, with global relabelling and the gap heuristic.
//
// A. V. Goldberg and R. E. Tarjan, "A new approach to the maximum-flow problem", J. ACM 35(4), 1988;
// B. V. Cherkassky and A. V. Goldberg, "On implementing the push-relabel method for the maximum flow
// problem", Algorithmica 19, 1997 (highest-label order, global relabelling every O(n + m) work, gaps).
// Highest-label order beat FIFO order by 3–20× on Benchmarks/max-flow's instances, and one array of
// 16-byte arcs beat parallel arrays of heads, twins and residuals by up to 25% (Benchmarks/README.md).
//
// Two phases: the first computes a maximum preflow (its value is the maximum flow value, and the nodes
// that cannot reach the sink form a minimum cut); the second returns the excess stranded on the source
// side to the source by the same push-relabel discharge aimed at the source, leaving a valid flow.
// Complexity: O(n² √m) time with highest-label selection, O(n + m) memory.

/// One direction of a residual arc: 16 bytes for either value type. An array of these (rather than
/// parallel arrays) puts the head and the residual capacity a scan reads together in one cache line.
struct ResidualArc<Value: MaxFlowValue> {
    var head: Int32
    /// Index of the paired arc in the opposite direction.
    var reverse: Int32
    var residual: Value
}

/// The residual graph in forward-star form plus the push-relabel state; solves once.
final class PreflowPush<Value: MaxFlowValue> {
    private let nodeCount: Int
    private let source: Int
    private let sink: Int
    private let epsilon: Value
    /// `firstArc[v] ..< firstArc[v + 1]` are the residual arcs leaving `v`.
    private let firstArc: UnsafeMutableBufferPointer<Int32>
    private let arcs: UnsafeMutableBufferPointer<ResidualArc<Value>>
    /// Position in ``arcs`` of each input arc's forward direction.
    let inputPosition: UnsafeMutableBufferPointer<Int32>

    private let label: UnsafeMutableBufferPointer<Int32>
    private let excess: UnsafeMutableBufferPointer<Value>
    private let currentArc: UnsafeMutableBufferPointer<Int32>
    /// Active nodes by label: singly linked stacks.
    private let activeHead: UnsafeMutableBufferPointer<Int32>
    private let nextActive: UnsafeMutableBufferPointer<Int32>
    /// Every labelled node by label, doubly linked, so a gap can lift the nodes above it at once.
    private let labelHead: UnsafeMutableBufferPointer<Int32>
    private let nextInLabel: UnsafeMutableBufferPointer<Int32>
    private let previousInLabel: UnsafeMutableBufferPointer<Int32>
    private let queue: UnsafeMutableBufferPointer<Int32>
    private var highestActive = -1
    private var highestLabel = -1
    private var workSinceGlobalRelabel = 0
    private let globalRelabelWork: Int

    /// Builds the residual graph; the caller has checked that indices are in range and capacities are
    /// not negative.
    init(nodeCount: Int, source: Int, sink: Int, tails: [Int32], heads: [Int32], capacities: [Value]) {
        self.nodeCount = nodeCount
        self.source = source
        self.sink = sink
        let arcCount = tails.count
        epsilon = Value.negligible(amongCapacitiesUpTo: capacities.max() ?? .zero)
        firstArc = .allocate(capacity: nodeCount + 1)
        firstArc.initialize(repeating: 0)
        for index in 0..<arcCount {
            firstArc[Int(tails[index]) + 1] += 1
            firstArc[Int(heads[index]) + 1] += 1
        }
        for node in 0..<nodeCount { firstArc[node + 1] += firstArc[node] }
        let fill = UnsafeMutableBufferPointer<Int32>.allocate(capacity: nodeCount)
        defer { fill.deallocate() }
        _ = fill.initialize(from: firstArc[0..<nodeCount])
        arcs = .allocate(capacity: 2 * arcCount)
        inputPosition = .allocate(capacity: arcCount)
        for index in 0..<arcCount {
            let tail = Int(tails[index])
            let head = Int(heads[index])
            let forward = fill[tail]
            fill[tail] += 1
            let backward = fill[head]
            fill[head] += 1
            arcs[Int(forward)] = ResidualArc(head: Int32(head), reverse: backward, residual: capacities[index])
            arcs[Int(backward)] = ResidualArc(head: Int32(tail), reverse: forward, residual: .zero)
            inputPosition[index] = forward
        }
        label = .allocate(capacity: nodeCount)
        label.initialize(repeating: 0)
        excess = .allocate(capacity: nodeCount)
        excess.initialize(repeating: .zero)
        currentArc = .allocate(capacity: nodeCount)
        _ = currentArc.initialize(from: firstArc[0..<nodeCount])
        activeHead = .allocate(capacity: nodeCount + 1)
        activeHead.initialize(repeating: -1)
        nextActive = .allocate(capacity: nodeCount)
        nextActive.initialize(repeating: -1)
        labelHead = .allocate(capacity: nodeCount + 1)
        labelHead.initialize(repeating: -1)
        nextInLabel = .allocate(capacity: nodeCount)
        nextInLabel.initialize(repeating: -1)
        previousInLabel = .allocate(capacity: nodeCount)
        previousInLabel.initialize(repeating: -1)
        queue = .allocate(capacity: nodeCount)
        queue.initialize(repeating: 0)
        // Relabel globally after 12n + m units of relabelling work (Cherkassky–Goldberg's hi_pr waits for
        // 12n + 2m): measured best over the GENRMF and Washington RLG instances of Benchmarks/max-flow.
        globalRelabelWork = 12 * nodeCount + arcCount
    }

    deinit {
        for buffer in [
            firstArc, inputPosition, label, currentArc, activeHead, nextActive, labelHead, nextInLabel,
            previousInLabel, queue,
        ] { buffer.deallocate() }
        arcs.deallocate()
        excess.deallocate()
    }

    /// Runs both phases; afterwards ``flowValue``, ``flow(ofInput:capacity:)`` and ``sourceSide()`` hold.
    func run() {
        label[source] = Int32(nodeCount)
        for position in Int(firstArc[source])..<Int(firstArc[source + 1]) {
            let amount = arcs[position].residual
            if amount > epsilon { push(amount, along: position, from: source) }
        }
        discharge(towards: sink, avoiding: source)
        discharge(towards: source, avoiding: sink)
    }

    /// The value of the flow: what reached the sink.
    var flowValue: Value { excess[sink] }

    /// The flow on an input arc: the residual capacity of its reverse twin, which starts at zero and gains
    /// exactly what the arc carries (kept within the capacity against decimal rounding).
    func flow(ofInput index: Int) -> Value {
        let forward = arcs[Int(inputPosition[index])]
        let flow = arcs[Int(forward.reverse)].residual
        let capacity = flow + forward.residual
        return flow < .zero ? .zero : (flow > capacity ? capacity : flow)
    }

    /// Whether an input arc runs from the source side to the sink side of a cut.
    func crossesCut(input index: Int, sourceSide: [Bool]) -> Bool {
        let forward = arcs[Int(inputPosition[index])]
        return sourceSide[Int(arcs[Int(forward.reverse)].head)] && !sourceSide[Int(forward.head)]
    }

    /// The nodes reachable from the source through arcs with residual capacity: a minimum cut's source side.
    func sourceSide() -> [Bool] {
        var reached = [Bool](repeating: false, count: nodeCount)
        reached[source] = true
        queue[0] = Int32(source)
        var front = 0
        var back = 1
        while front < back {
            let node = Int(queue[front])
            front += 1
            for position in Int(firstArc[node])..<Int(firstArc[node + 1]) {
                let arc = arcs[position]
                let head = Int(arc.head)
                if !reached[head] && arc.residual > epsilon {
                    reached[head] = true
                    queue[back] = arc.head
                    back += 1
                }
            }
        }
        return reached
    }

    private func push(_ amount: Value, along position: Int, from node: Int) {
        let arc = arcs[position]
        arcs[position].residual -= amount
        arcs[Int(arc.reverse)].residual += amount
        excess[node] -= amount
        excess[Int(arc.head)] += amount
    }

    /// Moves every excess of a node other than `target` and `avoided` into `target`, or leaves it on
    /// nodes that cannot reach `target` (phase one strands it there; phase two never has any such).
    private func discharge(towards target: Int, avoiding avoided: Int) {
        globalRelabel(towards: target, avoiding: avoided)
        while true {
            while highestActive >= 0 && activeHead[highestActive] < 0 { highestActive -= 1 }
            if highestActive < 0 { return }
            let node = Int(activeHead[highestActive])
            activeHead[highestActive] = nextActive[node]
            dischargeNode(node, target: target)
            if workSinceGlobalRelabel > globalRelabelWork { globalRelabel(towards: target, avoiding: avoided) }
        }
    }

    private func dischargeNode(_ node: Int, target: Int) {
        let limit = Int32(nodeCount)
        let end = Int(firstArc[node + 1])
        var height = label[node]
        let start = Int(firstArc[node])
        var position = Int(currentArc[node])
        while true {
            // The scan also notes the lowest neighbour behind an arc that stays residual, so that a
            // relabel only reads the arcs before where the scan began.
            let scanStart = position
            var lowest = limit
            var lowestArc = start
            while position < end {
                let arc = arcs[position]
                if arc.residual > epsilon {
                    let head = Int(arc.head)
                    let headLabel = label[head]
                    if headLabel == height - 1 {
                        let available = excess[node]
                        let amount = available < arc.residual ? available : arc.residual
                        if head != target && excess[head] <= epsilon { activate(head) }
                        push(amount, along: position, from: node)
                        if excess[node] <= epsilon {
                            currentArc[node] = Int32(position)
                            return
                        }
                    } else if headLabel < lowest {
                        lowest = headLabel
                        lowestArc = position
                    }
                }
                position += 1
            }
            // Relabel: one above the lowest neighbour still reachable through a residual arc. The new
            // current arc is the first arc to such a neighbour, so no admissible arc lies before it.
            var earlierLowest = limit
            var earlierArc = start
            for candidate in start..<scanStart {
                let arc = arcs[candidate]
                if arc.residual > epsilon, label[Int(arc.head)] < earlierLowest {
                    earlierLowest = label[Int(arc.head)]
                    earlierArc = candidate
                }
            }
            if earlierLowest <= lowest {
                lowest = earlierLowest
                lowestArc = earlierArc
            }
            workSinceGlobalRelabel += 12 + end - start
            let newHeight = lowest + 1
            if labelHead[Int(height)] == Int32(node) && nextInLabel[node] < 0 {
                liftAbove(gapAt: Int(height))
                return
            }
            unlink(node)
            if newHeight >= limit {
                label[node] = limit
                return
            }
            height = newHeight
            label[node] = height
            link(node)
            position = lowestArc
            currentArc[node] = Int32(position)
        }
    }

    /// No node is left at label `gap`: nodes at or above it cannot reach the target any more.
    private func liftAbove(gapAt gap: Int) {
        let limit = Int32(nodeCount)
        if highestLabel >= gap {
            for height in gap...highestLabel {
                var member = labelHead[height]
                while member >= 0 {
                    label[Int(member)] = limit
                    member = nextInLabel[Int(member)]
                }
                labelHead[height] = -1
                activeHead[height] = -1
            }
        }
        highestLabel = gap - 1
    }

    private func activate(_ node: Int) {
        let height = Int(label[node])
        nextActive[node] = activeHead[height]
        activeHead[height] = Int32(node)
        if height > highestActive { highestActive = height }
    }

    private func link(_ node: Int) {
        let height = Int(label[node])
        let first = labelHead[height]
        nextInLabel[node] = first
        previousInLabel[node] = -1
        if first >= 0 { previousInLabel[Int(first)] = Int32(node) }
        labelHead[height] = Int32(node)
        if height > highestLabel { highestLabel = height }
    }

    private func unlink(_ node: Int) {
        let next = nextInLabel[node]
        let previous = previousInLabel[node]
        if previous >= 0 { nextInLabel[Int(previous)] = next } else { labelHead[Int(label[node])] = next }
        if next >= 0 { previousInLabel[Int(next)] = previous }
    }

    /// Sets every label to the exact residual distance to `target` (breadth-first over reversed residual
    /// arcs) and rebuilds the buckets; nodes that cannot reach it get label n and leave the game.
    private func globalRelabel(towards target: Int, avoiding avoided: Int) {
        let limit = Int32(nodeCount)
        label.update(repeating: limit)
        activeHead.update(repeating: -1)
        labelHead.update(repeating: -1)
        highestActive = -1
        highestLabel = -1
        workSinceGlobalRelabel = 0
        label[target] = 0
        queue[0] = Int32(target)
        var front = 0
        var back = 1
        while front < back {
            let node = Int(queue[front])
            front += 1
            let next = label[node] + 1
            for position in Int(firstArc[node])..<Int(firstArc[node + 1]) {
                let arc = arcs[position]
                let tail = Int(arc.head)
                if label[tail] == limit && tail != avoided && arcs[Int(arc.reverse)].residual > epsilon {
                    label[tail] = next
                    currentArc[tail] = firstArc[tail]
                    link(tail)
                    if excess[tail] > epsilon { activate(tail) }
                    queue[back] = Int32(tail)
                    back += 1
                }
            }
        }
    }
}
