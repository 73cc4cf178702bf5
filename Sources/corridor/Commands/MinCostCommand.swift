import ArgumentParser
import CorridorModel
import CorridorReports
import CorridorRouting
import Foundation

/// `corridor mincost FILE.min`: solves a DIMACS minimum-cost flow problem and prints its total cost.
struct MinCostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mincost",
        abstract: "Solve a DIMACS minimum-cost flow problem (p min) and print the minimum total cost.",
        discussion: "Exit 1 when the supplies cannot be routed; exit 2 when the file is malformed.")

    @Argument(help: "The DIMACS file (p min NODES ARCS; n ID SUPPLY; a TAIL HEAD LOW CAP COST).")
    var file: String

    @OptionGroup var solveOptions: SolveOptions

    @Option(name: .long, help: "Output format: table or json.")
    var format: OutputFormat = .table

    @OptionGroup var resultOutput: ResultOutput

    @Option(name: .long, help: "How to solve: auto (by size), simplex (network simplex) or scaling (cost scaling).")
    var method: MinCostFlowMethod = .automatic

    func run() throws {
        try resultOutput.check(input: file)
        solveOptions.startWatch(for: "mincost")
        try format.require(oneOf: [.table, .json], for: "mincost")
        let clock = ContinuousClock()
        let readStart = clock.now
        let loaded: MinCostProblemFile
        do {
            loaded = try MinCostProblemReader.read(path: file)
        } catch {
            throw BadInput(error.description)
        }
        let solveStart = clock.now
        let result: MinCostFlowResult
        do {
            result = try minimumCostFlow(loaded.problem, method: method)
        } catch {
            throw BadInput("\(file): \(error.description)")
        }
        let solveEnd = clock.now
        let readSeconds = (solveStart - readStart).seconds
        let solveSeconds = (solveEnd - solveStart).seconds

        switch result {
        case .optimal(let solution):
            let report = MinCostReport(
                file: file, loaded: loaded, cost: solution.cost, readSeconds: readSeconds, solveSeconds: solveSeconds)
            try resultOutput.deliver(format == .json ? report.json().serialized() : report.table())
        case .infeasible(let shortfall):
            let amount = MinCostProblemFile.decimalText(shortfall.unroutedSupply, digits: loaded.flowDecimals)
            let nodes = shortfall.strandedSupplyNodes.prefix(5).map { String($0 + 1) }.joined(separator: ", ")
            let more = shortfall.strandedSupplyNodes.count > 5 ? ", …" : ""
            throw NoAnswer(
                "\(file): infeasible: \(amount) unit\(amount == "1" ? "" : "s") of supply cannot be routed within the arc capacities "
                    + "(stranded at node\(shortfall.strandedSupplyNodes.count == 1 ? "" : "s") \(nodes)\(more))")
        case .unbounded(let cycle):
            let arcs = cycle.prefix(5).map { String($0 + 1) }.joined(separator: ", ")
            throw NoAnswer("\(file): unbounded: arcs \(arcs) form a negative-cost cycle of unlimited capacity")
        }
    }

}

extension MinCostFlowMethod: ExpressibleByArgument {}
