/// A DIMACS max-flow problem (`p max n m`, `n ID s|t`, `a U V CAP`), nodes 0-based.
public struct MaxFlowProblem: Sendable {
    /// Capacities as written: whole numbers are kept exact, a file with any decimal is read as decimal.
    public enum Capacities: Sendable {
        case whole([Int64])
        case decimal([Double])
    }

    public let nodeCount: Int
    public let source: Int
    public let sink: Int
    public let tails: [Int32]
    public let heads: [Int32]
    public let capacities: Capacities

    public var arcCount: Int { tails.count }

    /// Reads a DIMACS `.max` file.
    /// - Throws: ``DIMACSError`` naming the line and what was expected: a missing or second `p` line, a
    ///   problem type other than `max`, a node id out of range, a missing or repeated source or sink, a
    ///   source that is the sink, a negative capacity, more or fewer arcs than the `p` line announced.
    public static func read(path: String) throws(DIMACSError) -> MaxFlowProblem {
        try read(DIMACSScanner(path: path))
    }

    /// Reads DIMACS `.max` text held in memory.
    public static func read(text: String, source: String) throws(DIMACSError) -> MaxFlowProblem {
        try read(DIMACSScanner(text: text, source: source))
    }

    /// Reads a problem from a scanner.
    public static func read(_ scanner: DIMACSScanner) throws(DIMACSError) -> MaxFlowProblem {
        var nodeCount = -1
        var announcedArcs = 0
        var source: Int?
        var sink: Int?
        var tails: [Int32] = []
        var heads: [Int32] = []
        var whole: [Int64] = []
        var decimal: [Double]?
        while let designator = scanner.nextLine() {
            switch designator {
            case UInt8(ascii: "p"):
                guard nodeCount < 0 else { throw scanner.error("a second problem line; only one is allowed") }
                let kind = try scanner.word("the problem type")
                guard kind == "max" else {
                    throw scanner.error("expected the problem type \"max\", found \"\(kind)\"")
                }
                nodeCount = try scanner.integer("the node count")
                announcedArcs = try scanner.integer("the arc count")
                guard nodeCount >= 2, nodeCount < Int(Int32.max) else {
                    throw scanner.error("the node count must be between 2 and \(Int32.max - 1), not \(nodeCount)")
                }
                guard announcedArcs >= 0, announcedArcs <= Int(Int32.max) / 2 else {
                    throw scanner.error("the arc count must be between 0 and \(Int32.max / 2), not \(announcedArcs)")
                }
                try scanner.endLine()
                try scanner.checkAnnounced(nodes: nodeCount, arcs: announcedArcs, shortestArcLine: 8)
                tails.reserveCapacity(announcedArcs)
                heads.reserveCapacity(announcedArcs)
                whole.reserveCapacity(announcedArcs)
            case UInt8(ascii: "n"):
                guard nodeCount >= 0 else { throw scanner.error("a node line before the problem line") }
                let node = try readNode(scanner, nodeCount: nodeCount, what: "a node id")
                let role = try scanner.word("s or t")
                switch role {
                case "s":
                    guard source == nil else { throw scanner.error("a second source; only one is allowed") }
                    guard node != sink else {
                        throw scanner.error("the source is the sink (node \(node + 1)); they must differ")
                    }
                    source = node
                case "t":
                    guard sink == nil else { throw scanner.error("a second sink; only one is allowed") }
                    guard node != source else {
                        throw scanner.error("the sink is the source (node \(node + 1)); they must differ")
                    }
                    sink = node
                default: throw scanner.error("expected s or t, found \"\(role)\"")
                }
                try scanner.endLine()
            case UInt8(ascii: "a"):
                guard nodeCount >= 0 else { throw scanner.error("an arc line before the problem line") }
                guard tails.count < announcedArcs else {
                    throw scanner.error("more arcs than the \(announcedArcs) the problem line announced")
                }
                tails.append(Int32(try readNode(scanner, nodeCount: nodeCount, what: "an arc's tail node")))
                heads.append(Int32(try readNode(scanner, nodeCount: nodeCount, what: "an arc's head node")))
                if decimal == nil, let capacity = try? scanner.integer("a capacity") {
                    guard capacity >= 0 else { throw scanner.error("a negative capacity (\(capacity))") }
                    whole.append(Int64(capacity))
                } else {
                    let capacity = try scanner.number("a capacity")
                    guard capacity >= 0 else { throw scanner.error("a negative capacity (\(capacity))") }
                    if decimal == nil {
                        decimal = whole.map(Double.init)
                        whole = []
                    }
                    decimal?.append(capacity)
                }
                try scanner.endLine()
            default:
                throw scanner.error(
                    "expected a line starting with p, n, a or c, found \(DIMACSScanner.describe(designator: designator))")
            }
        }
        guard nodeCount >= 0 else {
            throw DIMACSError(source: scanner.source, line: 0, message: "no problem line (p max N M)")
        }
        guard tails.count == announcedArcs else {
            throw DIMACSError(
                source: scanner.source, line: scanner.lineNumber,
                message: "the problem line announced \(announcedArcs) arcs but the file has \(tails.count)")
        }
        guard let source else { throw DIMACSError(source: scanner.source, line: 0, message: "no source (n ID s)") }
        guard let sink else { throw DIMACSError(source: scanner.source, line: 0, message: "no sink (n ID t)") }
        guard source != sink else {
            throw DIMACSError(
                source: scanner.source, line: 0, message: "the source and the sink are the same node (\(source + 1))")
        }
        return MaxFlowProblem(
            nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads,
            capacities: decimal.map(Capacities.decimal) ?? .whole(whole))
    }

    private static func readNode(_ scanner: DIMACSScanner, nodeCount: Int, what: String) throws(DIMACSError) -> Int {
        let id = try scanner.integer(what)
        guard id >= 1, id <= nodeCount else { throw scanner.error("\(what) \(id) is outside 1…\(nodeCount)") }
        return id - 1
    }
}

/// The maximum flow of a DIMACS problem, in the problem's own number type.
public enum MaxFlowProblemSolution: Sendable {
    case whole(MaxFlowSolution<Int64>)
    case decimal(MaxFlowSolution<Double>)

    /// The flow value as a `Double` (exact for whole values below 2⁵³).
    public var value: Double {
        switch self {
        case .whole(let solution): Double(solution.value)
        case .decimal(let solution): solution.value
        }
    }
}

/// The maximum flow of a DIMACS max-flow problem.
///
/// The problem is consumed: pass it with `consume` to let its arrays go once the residual graph is built.
/// - Throws: ``MaxFlowInputError`` when whole capacities out of the source overflow `Int64`.
public func maximumFlow(on problem: consuming MaxFlowProblem) throws(MaxFlowInputError) -> MaxFlowProblemSolution {
    let (nodeCount, source, sink) = (problem.nodeCount, problem.source, problem.sink)
    let (tails, heads, capacities) = (problem.tails, problem.heads, problem.capacities)
    _ = consume problem
    switch consume capacities {
    case .whole(let whole):
        return .whole(
            try maximumFlow(
                nodeCount: nodeCount, source: source, sink: sink, tails: consume tails, heads: consume heads,
                capacities: consume whole))
    case .decimal(let decimal):
        let (solution, _) = try exactDecimalMaximumFlow(
            nodeCount: nodeCount, source: source, sink: sink, tails: tails, heads: heads, capacities: decimal)
        return .decimal(solution)
    }
}
