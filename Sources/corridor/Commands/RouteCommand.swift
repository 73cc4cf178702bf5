import ArgumentParser
import CorridorModel
import CorridorReports
import CorridorRouting
import CorridorService
import Foundation

/// `corridor route [NETWORK] --from A --to B …`: the best routes by cost, time or distance; or, on a
/// DIMACS `.gr` file, the distances from one node to all others.
struct RouteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "route",
        abstract: "Find the best routes from A to B (or, on a DIMACS .gr file, distances from a node).",
        discussion: """
            A route's cost counts every link and every node it passes, both ends included; --by time \
            counts hours and dwell hours the same way. --via lists nodes to pass in that order; --avoid \
            lists node ids or country codes (e.g. RU) to keep out. --k N gives the N best loop-free routes.
            On a DIMACS shortest-path file (p sp), --from is a node number and the answer is how many \
            nodes are reachable and the sum of their distances.
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @OptionGroup var commodityOption: CommodityOption

    @Option(help: "The origin node id (DIMACS: the source node number).", completion: Completions.nodes)
    var from: String

    @Option(help: "The destination node id.", completion: Completions.nodes)
    var to: String?

    @Option(help: "What to minimise: cost, time or distance.")
    var by: RouteMetric = .cost

    @Option(name: .customLong("k"), parsing: .unconditional, help: "How many loop-free routes to list, best first.")
    var count: Int = 1

    @Option(help: "Nodes to pass, in order, comma-separated.", completion: Completions.nodes)
    var via: String?

    @Option(help: "Node ids or country codes to avoid, comma-separated.", completion: Completions.nodes)
    var avoid: String?

    @Option(help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var resultOutput: ResultOutput

    func run() throws {
        try resultOutput.check(input: try networkOptions.resolvedPath())
        solveOptions.startWatch(for: "route")
        try format.require(oneOf: [.table, .json], for: "route")
        let clock = ContinuousClock()
        let readStart = clock.now
        let input = try networkOptions.readInput()
        if input.looksLikeJSON {
            try runNetwork(input)
        } else {
            try runDIMACS(consume input, path: try networkOptions.resolvedPath(), readStart: readStart)
        }
    }

    private func runNetwork(_ input: InputBytes) throws {
        guard let to else { throw BadInput("--to is required: corridor route [NETWORK] --from A --to B") }
        let query = RouteQuery(
            from: from, to: to, by: by, count: count, via: CommaList.items(via) ?? [], avoid: CommaList.items(avoid) ?? [],
            commodity: commodityOption.commodity)
        let report = try query.answer(
            on: try networkOptions.loadActiveNetwork(from: input), spelling: .commandLine(command: "route"))
        try resultOutput.deliver(format == .json ? report.json().serialized() : report.table())
    }

    /// The file's bytes are consumed: they are let go once the problem is read, before it is solved.
    private func runDIMACS(_ input: consuming InputBytes, path: String, readStart: ContinuousClock.Instant) throws {
        for (flag, given) in [
            ("--to", to != nil), ("--via", via != nil), ("--avoid", avoid != nil),
            ("--scenario", networkOptions.scenario != nil), ("--k", count != 1), ("--by", by != .cost),
            ("--commodity", commodityOption.commodity != nil),
        ] where given {
            throw BadInput(
                "\(flag) does not apply to a DIMACS file; "
                    + "corridor route FILE.gr --from S gives distances from S to every node"
            )
        }
        guard let source = Int(from) else {
            throw BadInput("--from must be a node number on a DIMACS file, not \"\(from)\"")
        }
        let clock = ContinuousClock()
        let problem: ShortestPathProblem
        do {
            problem = try ShortestPathProblem(scanner: DIMACSScanner(bytes: consume input, source: path))
        } catch {
            throw BadInput(error.description)
        }
        let readTime = clock.now - readStart
        let solveStart = clock.now
        guard let summary = problem.distanceSummary(from: source) else {
            throw BadInput("--from \(source) is out of range: \(path) has nodes 1…\(problem.graph.nodeCount)")
        }
        let solveTime = clock.now - solveStart
        let report = DistanceReport(
            file: path, nodes: problem.graph.nodeCount, arcs: problem.graph.arcCount, source: source,
            summary: summary, readSeconds: readTime.seconds, solveSeconds: solveTime.seconds)
        try resultOutput.deliver(format == .json ? report.json().serialized() : report.table())
    }
}

extension RouteMetric: ExpressibleByArgument {}
