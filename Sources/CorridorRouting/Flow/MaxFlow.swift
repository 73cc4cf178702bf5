/// A maximum flow on a plain directed graph, with the minimum cut that proves it.
public struct MaxFlowSolution<Value: MaxFlowValue>: Sendable {
    /// The flow value: what leaves the source and reaches the sink.
    public let value: Value
    /// The flow on each input arc, in input order: within `0 ... capacity` and conserved at every node
    /// but the source and the sink.
    public let arcFlows: [Value]
    /// For each node, whether it is on the source side of the minimum cut: reachable from the source
    /// through arcs with residual capacity.
    public let sourceSide: [Bool]
    /// The input arcs from the source side to the sink side, in input order; their capacities add up to
    /// ``value``, and removing them disconnects the sink from the source.
    public let cutArcs: [Int]
}

/// A max-flow problem that cannot be solved as posed.
public struct MaxFlowInputError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// The maximum flow from `source` to `sink` (push-relabel; see `PreflowPush.swift`).
///
/// The arrays are consumed: pass them with `consume` to let their memory go once the residual graph is built.
///
/// Arc `i` runs from `tails[i]` to `heads[i]` (0-based node indices) with capacity `capacities[i]`.
/// - Throws: ``MaxFlowInputError`` when the arrays differ in length, an index is out of range, the source
///   is the sink, a capacity is negative, or (for `Int64`) the capacity out of the source overflows.
/// - Complexity: O(n² √m) time worst case, O(n + m) memory.
public func maximumFlow<Value: MaxFlowValue>(
    nodeCount: Int, source: Int, sink: Int, tails: consuming [Int32], heads: consuming [Int32],
    capacities: consuming [Value]
) throws(MaxFlowInputError) -> MaxFlowSolution<Value> {
    guard tails.count == heads.count, heads.count == capacities.count else {
        throw MaxFlowInputError("tails, heads and capacities differ in length")
    }
    guard nodeCount >= 2, nodeCount < Int(Int32.max) else {
        throw MaxFlowInputError("a max-flow problem needs between 2 and \(Int32.max - 1) nodes, not \(nodeCount)")
    }
    guard tails.count <= Int(Int32.max) / 2 else {
        throw MaxFlowInputError("too many arcs (\(tails.count)); at most \(Int32.max / 2)")
    }
    guard (0..<nodeCount).contains(source), (0..<nodeCount).contains(sink) else {
        throw MaxFlowInputError("the source or the sink is not a node")
    }
    guard source != sink else { throw MaxFlowInputError("the source and the sink are the same node") }
    var outOfSource = Value.zero
    for index in tails.indices {
        guard (0..<nodeCount).contains(Int(tails[index])), (0..<nodeCount).contains(Int(heads[index])) else {
            throw MaxFlowInputError("arc \(index + 1) has an end outside 1…\(nodeCount)")
        }
        guard capacities[index] >= .zero else {
            throw MaxFlowInputError("arc \(index + 1) has a negative capacity")
        }
        if Int(tails[index]) == source { outOfSource = try add(outOfSource, capacities[index]) }
    }
    let arcCount = tails.count
    let solver = PreflowPush(
        nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads, capacities: capacities)
    // The residual graph holds everything from here on; a caller that handed its arrays over (a file
    // just read) gets their memory back before the solve.
    tails = []
    heads = []
    capacities = []
    solver.run()
    let flows = (0..<arcCount).map(solver.flow(ofInput:))
    let sourceSide = solver.sourceSide()
    let cut = (0..<arcCount).filter { solver.crossesCut(input: $0, sourceSide: sourceSide) }
    return MaxFlowSolution(value: solver.flowValue, arcFlows: flows, sourceSide: sourceSide, cutArcs: cut)
}

/// Adds capacities, refusing a sum an `Int64` cannot hold or a `Double` sum that is no longer finite.
private func add<Value: MaxFlowValue>(_ a: Value, _ b: Value) throws(MaxFlowInputError) -> Value {
    if let a = a as? Int64, let b = b as? Int64, a.addingReportingOverflow(b).overflow {
        throw MaxFlowInputError("the capacities out of the source add up to more than \(Int64.max)")
    }
    let sum = a + b
    if let sum = sum as? Double, !sum.isFinite {
        throw MaxFlowInputError("the capacities out of the source add up to more than \(Double.greatestFiniteMagnitude)")
    }
    return sum
}
