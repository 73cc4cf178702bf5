/// A shortest-path instance in the 9th DIMACS Implementation Challenge format (`.gr`):
///
/// ```
/// c comment lines anywhere
/// p sp <nodes> <arcs>
/// a <tail> <head> <length>      (one line per arc; nodes are 1…nodes)
/// ```
///
/// Lengths must be non-negative. Whole-number lengths are kept as `Int64` and summed exactly;
/// if any length is written as a decimal (`2.5`, `1e3`) all are kept as `Double`.
public struct ShortestPathProblem: Sendable {
    /// The arc lengths, indexed by slot of ``graph``.
    public enum Lengths: Sendable, Equatable {
        case integer([Int64])
        case decimal([Double])
    }

    /// The file name used in messages.
    public let source: String
    /// The graph with DIMACS node `i` as node `i − 1` and the file's `j`-th arc as arc id `j − 1`.
    public let graph: Digraph
    public let lengths: Lengths

    /// Reads a `.gr` file.
    /// - Throws: ``DIMACSError`` naming the line and what was expected: a missing or wrong `p sp`
    ///   line, a node out of range, a negative length, more or fewer arcs than announced.
    public static func read(path: String) throws(DIMACSError) -> ShortestPathProblem {
        try ShortestPathProblem(scanner: DIMACSScanner(path: path))
    }

    /// Reads a `.gr` instance from a scanner (see ``read(path:)``).
    public init(scanner: DIMACSScanner) throws(DIMACSError) {
        source = scanner.source
        guard let first = scanner.nextLine() else {
            throw scanner.error("expected a problem line \"p sp <nodes> <arcs>\", found an empty file")
        }
        guard first == UInt8(ascii: "p") else {
            throw scanner.error(
                "expected the problem line \"p sp <nodes> <arcs>\" before anything else, "
                    + "found a line starting with \(DIMACSScanner.describe(designator: first))"
            )
        }
        let kind = try scanner.word("the problem type sp")
        guard kind == "sp" else { throw scanner.error("expected the problem type sp, found \"\(kind)\"") }
        let nodeCount = try scanner.integer("the node count")
        let arcCount = try scanner.integer("the arc count")
        guard nodeCount >= 1, nodeCount < Int(Int32.max) else {
            throw scanner.error("the node count must be between 1 and \(Int32.max - 1), not \(nodeCount)")
        }
        guard arcCount >= 0, arcCount < Int(Int32.max) else {
            throw scanner.error("the arc count must be between 0 and \(Int32.max - 1), not \(arcCount)")
        }
        try scanner.endLine()
        try scanner.checkAnnounced(nodes: nodeCount, arcs: arcCount, shortestArcLine: 8)

        var tails = [Int32](repeating: 0, count: arcCount)
        var heads = [Int32](repeating: 0, count: arcCount)
        var integerLengths = [Int64](repeating: 0, count: arcCount)
        var decimalLengths: [Double] = []
        var largestLength: Int64 = 0
        var arcsRead = 0
        while let designator = scanner.nextLine() {
            guard designator == UInt8(ascii: "a") else {
                let found =
                    designator == UInt8(ascii: "p")
                    ? "a second problem line" : "a line starting with \(DIMACSScanner.describe(designator: designator))"
                throw scanner.error("expected an arc line \"a <tail> <head> <length>\", found \(found)")
            }
            guard arcsRead < arcCount else {
                throw scanner.error("more arc lines than the \(arcCount) the problem line announces")
            }
            let tail = try scanner.integer("an arc's tail node")
            let head = try scanner.integer("an arc's head node")
            guard tail >= 1, tail <= nodeCount else {
                throw scanner.error("tail node \(tail) is out of range 1…\(nodeCount)")
            }
            guard head >= 1, head <= nodeCount else {
                throw scanner.error("head node \(head) is out of range 1…\(nodeCount)")
            }
            switch try scanner.integerOrDecimal("an arc's length") {
            case .integer(let length):
                guard length >= 0 else {
                    throw scanner.error("arc length \(length) is negative; Dijkstra needs lengths ≥ 0")
                }
                if decimalLengths.isEmpty {
                    integerLengths[arcsRead] = Int64(length)
                    largestLength = max(largestLength, Int64(length))
                } else {
                    decimalLengths[arcsRead] = Double(length)
                }
            case .decimal(let length):
                guard length >= 0 else {
                    throw scanner.error("arc length \(length) is negative; Dijkstra needs lengths ≥ 0")
                }
                if decimalLengths.isEmpty { decimalLengths = integerLengths.map { Double($0) } }
                decimalLengths[arcsRead] = length
            }
            try scanner.endLine()
            tails[arcsRead] = Int32(tail - 1)
            heads[arcsRead] = Int32(head - 1)
            arcsRead += 1
        }
        guard arcsRead == arcCount else {
            throw DIMACSError(
                source: source, line: scanner.lineNumber,
                message: "the problem line announces \(arcCount) arcs but the file has \(arcsRead)")
        }
        graph = Digraph(nodeCount: nodeCount, tails: tails, heads: heads)
        let slotArcs = graph.arcIDs
        // A path has at most nodeCount − 1 arcs; beyond this bound an Int64 sum could overflow, so such
        // lengths are kept as Double instead.
        let fitsInt64 = largestLength <= Int64.max / Int64(nodeCount)
        if decimalLengths.isEmpty && fitsInt64 {
            lengths = .integer(slotArcs.map { integerLengths[Int($0)] })
        } else {
            let asDouble = decimalLengths.isEmpty ? integerLengths.map { Double($0) } : decimalLengths
            lengths = .decimal(slotArcs.map { asDouble[Int($0)] })
        }
    }

    /// How many nodes are reachable from `source` and the sum of their shortest distances.
    ///
    /// - Parameter source: a DIMACS node number, `1…graph.nodeCount`.
    /// - Returns: `nil` when `source` is out of range.
    /// - Complexity: one Dijkstra run, O((n + m) log n).
    public func distanceSummary(from source: Int) -> DistanceSummary? {
        guard source >= 1, source <= graph.nodeCount else { return nil }
        switch lengths {
        case .integer(let weights):
            let tree = Dijkstra.run(in: graph, slotWeights: weights, from: source - 1)
            var reached = 0
            var sum: Int64 = 0
            var exact = true
            var approximate = 0.0
            for node in 0..<graph.nodeCount where tree.isReached(node) {
                reached += 1
                let (next, overflow) = sum.addingReportingOverflow(tree.distances[node])
                if overflow { exact = false }
                sum = next
                approximate += Double(tree.distances[node])
            }
            return DistanceSummary(reached: reached, distanceSum: exact ? .integer(sum) : .decimal(approximate))
        case .decimal(let weights):
            let tree = Dijkstra.run(in: graph, slotWeights: weights, from: source - 1)
            var reached = 0
            var sum = 0.0
            for node in 0..<graph.nodeCount where tree.isReached(node) {
                reached += 1
                sum += tree.distances[node]
            }
            return DistanceSummary(reached: reached, distanceSum: .decimal(sum))
        }
    }
}

/// The outcome of a single-source run on a DIMACS instance.
public struct DistanceSummary: Sendable, Equatable {
    /// Nodes reachable from the source, the source included.
    public let reached: Int
    /// The sum of their shortest distances: exact for integer lengths (unless it exceeds `Int64`).
    public let distanceSum: DistanceSum
}

/// A sum of distances, exact when the lengths were integers.
public enum DistanceSum: Sendable, Equatable {
    case integer(Int64)
    case decimal(Double)
}
