import CorridorRouting
import CorridorTestSupport
import Foundation
import Testing

/// A random `p min` instance: a few sources and sinks with balanced supplies, random arcs with
/// occasional lower bounds and negative costs. Some are infeasible, which is part of the test.
private func randomInstance(seed: UInt64) -> String {
    var random = SeededGenerator(seed: seed)
    let nodes = Int.random(in: 3...30, using: &random)
    let arcs = Int.random(in: nodes...(4 * nodes), using: &random)
    var supplies = [Int](repeating: 0, count: nodes)
    for _ in 0..<Int.random(in: 1...3, using: &random) {
        let amount = Int.random(in: 1...40, using: &random)
        supplies[Int.random(in: 0..<nodes, using: &random)] += amount
        supplies[Int.random(in: 0..<nodes, using: &random)] -= amount
    }
    var lines = ["c random instance, seed \(seed)", "p min \(nodes) \(arcs)"]
    for (node, supply) in supplies.enumerated() where supply != 0 { lines.append("n \(node + 1) \(supply)") }
    for _ in 0..<arcs {
        let tail = Int.random(in: 1...nodes, using: &random)
        let head = Int.random(in: 1...nodes, using: &random)
        let low = Int.random(in: 0..<5, using: &random) == 0 ? Int.random(in: 0...3, using: &random) : 0
        let capacity = low + Int.random(in: 0...30, using: &random)
        let cost = Int.random(in: -5...20, using: &random)
        lines.append("a \(tail) \(head) \(low) \(capacity) \(cost)")
    }
    return lines.joined(separator: "\n") + "\n"
}

/// What `glpsol --mincost` says about a file: the optimal cost, or nil when it finds no feasible flow.
private func glpsolMinimumCost(of text: String) throws -> Int64? {
    let folder = try TemporaryFiles.folder("corridor-mincost")
    defer { try? FileManager.default.removeItem(at: folder) }
    let input = folder.appendingPathComponent("problem.min")
    let report = folder.appendingPathComponent("solution.txt")
    try text.write(to: input, atomically: true, encoding: .utf8)
    let log = try ExternalProgram.run(ExternalProgram.glpsol, ["--mincost", input.path, "-o", report.path]).output
    if log.contains("NO PRIMAL FEASIBLE SOLUTION") { return nil }
    let solution = try String(contentsOf: report, encoding: .utf8)
    guard solution.contains("Status:     OPTIMAL"),
        let line = solution.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
        let value = line.split(separator: " ").dropFirst().first.flatMap({ Int64($0) })
    else { throw GlpsolOutputUnreadable(log: log) }
    return value
}

private struct GlpsolOutputUnreadable: Error { let log: String }

@Test(arguments: [MinCostFlowMethod.networkSimplex, .costScaling], 1...40 as ClosedRange<UInt64>)
func randomInstancesMatchGlpsol(method: MinCostFlowMethod, seed: UInt64) throws {
    let text = randomInstance(seed: seed)
    let file = try MinCostProblemReader.read(DIMACSScanner(text: text, source: "seed-\(seed).min"))
    let expected = try glpsolMinimumCost(of: text)
    switch try minimumCostFlow(file.problem, method: method) {
    case .optimal(let solution):
        #expect(solution.cost == expected, "seed \(seed)")
        try expectValidOptimum(file.problem, solution)
    case .infeasible(let shortfall):
        #expect(expected == nil, "seed \(seed): glpsol found cost \(expected ?? 0)")
        #expect(shortfall.unroutedSupply > 0)
    case .unbounded:
        Issue.record("seed \(seed): finite capacities cannot be unbounded")
    }
}

@Test(arguments: [MinCostFlowMethod.networkSimplex, .costScaling])
func largerRandomInstanceIsOptimal(method: MinCostFlowMethod) throws {
    // A few thousand arcs exercise deep trees and long pivot cycles; optimality is certified by the
    // reduced costs, so no external solver is needed.
    var random = SeededGenerator(seed: 2026)
    let nodes = 400
    var supplies = [Int64](repeating: 0, count: nodes)
    for _ in 0..<40 {
        let amount = Int64.random(in: 1...50, using: &random)
        supplies[Int.random(in: 0..<nodes, using: &random)] += amount
        supplies[Int.random(in: 0..<nodes, using: &random)] -= amount
    }
    var problem = try MinCostFlowProblem(nodeCount: nodes, supplies: supplies)
    for node in 0..<nodes {
        // A ring of roomy arcs keeps the instance feasible.
        try problem.addArc(from: node, to: (node + 1) % nodes, capacity: 10_000, cost: 100)
    }
    for _ in 0..<4000 {
        try problem.addArc(
            from: Int.random(in: 0..<nodes, using: &random), to: Int.random(in: 0..<nodes, using: &random),
            lowerBound: 0, capacity: Int64.random(in: 1...60, using: &random),
            cost: Int64.random(in: -10...90, using: &random))
    }
    guard case .optimal(let solution) = try minimumCostFlow(problem, method: method) else {
        Issue.record("expected optimal")
        return
    }
    try expectValidOptimum(problem, solution)
}
