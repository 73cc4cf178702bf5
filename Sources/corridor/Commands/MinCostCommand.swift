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

    func run() throws {
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
            result = try minimumCostFlow(loaded.problem)
        } catch {
            throw BadInput("\(file): \(error.description)")
        }
        let solveEnd = clock.now
        let readSeconds = Self.seconds(solveStart - readStart)
        let solveSeconds = Self.seconds(solveEnd - solveStart)

        switch result {
        case .optimal(let solution):
            Terminal.emit(
                render(loaded: loaded, cost: solution.cost, readSeconds: readSeconds, solveSeconds: solveSeconds))
        case .infeasible(let shortfall):
            let amount = MinCostProblemFile.decimalText(shortfall.unroutedSupply, digits: loaded.flowDecimals)
            let nodes = shortfall.strandedSupplyNodes.prefix(5).map { String($0 + 1) }.joined(separator: ", ")
            let more = shortfall.strandedSupplyNodes.count > 5 ? ", …" : ""
            throw NoAnswer(
                "\(file): infeasible: \(amount) units of supply cannot be routed within the arc capacities "
                    + "(stranded at node\(shortfall.strandedSupplyNodes.count == 1 ? "" : "s") \(nodes)\(more))")
        case .unbounded(let cycle):
            let arcs = cycle.prefix(5).map { String($0 + 1) }.joined(separator: ", ")
            throw NoAnswer("\(file): unbounded: arcs \(arcs) form a negative-cost cycle of unlimited capacity")
        }
    }

    private func render(loaded: MinCostProblemFile, cost: Int64, readSeconds: Double, solveSeconds: Double) -> String {
        switch format {
        case .json:
            let document = JSONValue.object([
                ("format", .string("corridor-mincost/1")),
                ("source", .string(file)),
                ("status", .string("optimal")),
                ("cost", .number(loaded.costValue(cost))),
                ("nodes", .number(Double(loaded.problem.nodeCount))),
                ("arcs", .number(Double(loaded.problem.arcCount))),
                ("readSeconds", .number(readSeconds)),
                ("solveSeconds", .number(solveSeconds)),
            ])
            return document.serialized()
        default:
            var table = TextTable([("quantity", .left), ("value", .right)])
            table.append(["minimum total cost", loaded.costText(cost)])
            table.append(["nodes", String(loaded.problem.nodeCount)])
            table.append(["arcs", String(loaded.problem.arcCount)])
            table.append(["read seconds", String(format: "%.3f", readSeconds)])
            table.append(["solve seconds", String(format: "%.3f", solveSeconds)])
            return "\(file): optimal\n" + table.rendered()
        }
    }

    private static func seconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return ((Double(parts.seconds) + Double(parts.attoseconds) * 1e-18) * 1e6).rounded() / 1e6
    }
}
