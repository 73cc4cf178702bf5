import CorridorModel
import CorridorRouting
import Foundation

/// The optimum of a DIMACS min-cost file, as a table or a `corridor-mincost/1` document.
public struct MinCostReport {
    let file: String
    let loaded: MinCostProblemFile
    let cost: Int64
    let readSeconds: Double
    let solveSeconds: Double

    public init(file: String, loaded: MinCostProblemFile, cost: Int64, readSeconds: Double, solveSeconds: Double) {
        (self.file, self.loaded, self.cost, self.readSeconds, self.solveSeconds) = (file, loaded, cost, readSeconds, solveSeconds)
    }

    public func json() -> JSONValue {
        .object([
            ("format", .string("corridor-mincost/1")),
            ("source", .string(file)),
            ("status", .string("optimal")),
            ("cost", .number(loaded.costValue(cost))),
            ("nodes", .number(Double(loaded.problem.nodeCount))),
            ("arcs", .number(Double(loaded.problem.arcCount))),
            ("readSeconds", .number(readSeconds)),
            ("solveSeconds", .number(solveSeconds)),
        ])
    }

    public func table() -> String {
        var table = TextTable([("quantity", .left), ("value", .right)])
        table.append(["minimum total cost", loaded.costText(cost)])
        table.append(["nodes", String(loaded.problem.nodeCount)])
        table.append(["arcs", String(loaded.problem.arcCount)])
        table.append(["read seconds", String(format: "%.3f", readSeconds)])
        table.append(["solve seconds", String(format: "%.3f", solveSeconds)])
        return "\(file.escapingControlCharacters): optimal\n" + table.rendered()
    }
}
