import ArgumentParser
import CorridorModel
import CorridorReports
import CorridorRouting
import CorridorService
import Foundation

/// `corridor maxflow [NETWORK|FILE.max] [--from A,B] [--to C,D] [--scenario S] [--format table|json]`.
struct MaxFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maxflow",
        abstract: "Find the most the network can carry between node sets, and the bottleneck (minimum cut) that limits it.",
        discussion: """
            By default the flow runs from every origin of a servable demand to every demand destination of \
            the scenario. On a network with commodities the flow is of one commodity (--commodity): only \
            elements that accept it, each limit turned into that commodity's unit. Node capacities count, a source's and a sink's own included. A path on which \
            nothing has a capacity makes the flow unbounded, which is reported with that path.
            A DIMACS max-flow file (p max N M) is read instead when the file does not start with '{'.
            """)

    @OptionGroup var networkOptions: NetworkOptions

    @OptionGroup var solveOptions: SolveOptions

    @OptionGroup var commodityOption: CommodityOption

    @Option(name: .long, help: "Comma-separated source node ids (default: every demand origin).", completion: Completions.nodes)
    var from: String?

    @Option(name: .long, help: "Comma-separated sink node ids (default: every demand destination).", completion: Completions.nodes)
    var to: String?

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var resultOutput: ResultOutput

    func run() throws {
        try resultOutput.check(input: try networkOptions.resolvedPath())
        solveOptions.startWatch(for: "maxflow")
        try format.require(oneOf: [.table, .json], for: "maxflow")
        let path = try networkOptions.resolvedPath()
        let readStart = ContinuousClock().now
        let input = try networkOptions.readInput()
        if !input.looksLikeJSON {
            guard from == nil, to == nil, networkOptions.scenario == nil, commodityOption.commodity == nil else {
                throw BadInput(
                    "\(path): a DIMACS file names its own source and sink; --from, --to, --scenario and --commodity do not apply")
            }
            try runDIMACS(consume input, path: path, readStart: readStart)
        } else {
            let query = MaxFlowQuery(
                from: try CommaList.nonEmptyItems(from, option: "--from"), to: try CommaList.nonEmptyItems(to, option: "--to"),
                commodity: commodityOption.commodity)
            let (result, network) = try query.answer(
                on: try networkOptions.loadActiveNetwork(from: input), spelling: .commandLine(command: "maxflow"))
            try resultOutput.deliver(
                format == .json ? MaxFlowReport.json(result, on: network) : MaxFlowReport.table(result, on: network))
        }
    }

    /// The file's bytes are consumed: they are let go once the problem is read, before it is solved.
    private func runDIMACS(_ input: consuming InputBytes, path: String, readStart: ContinuousClock.Instant) throws {
        let clock = ContinuousClock()
        let problem: MaxFlowProblem
        problem = try MaxFlowProblem.read(DIMACSScanner(bytes: consume input, source: path))
        let size = (nodes: problem.nodeCount, arcs: problem.arcCount)
        let solveStart = clock.now
        let solution: MaxFlowProblemSolution
        do {
            solution = try maximumFlow(on: consume problem)
        } catch {
            throw BadInput("\(path): \(error.message)")
        }
        let end = clock.now
        try resultOutput.deliver(
            MaxFlowReport.dimacs(
                solution, nodeCount: size.nodes, arcCount: size.arcs, path: path, readSeconds: (solveStart - readStart).seconds,
                solveSeconds: (end - solveStart).seconds, asJSON: format == .json))
    }
}
