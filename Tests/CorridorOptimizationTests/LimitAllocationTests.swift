import CorridorLP
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

/// Allocations with every number as large as ``ModelLimits`` allows: GLPK must solve each one (valid
/// input never ends in a solver failure), the flows must pass their certificates, and the optimum must
/// agree with HiGHS, an independent solver, reading the same MPS file.
@Suite struct LimitAllocationTests {
    /// A random network whose quantities reach 1e9, unit costs 1e9, value of time × hours 1e9, and whose
    /// capacities mix small values, values near the quantities and 1e15 ("practically unlimited").
    static func extremeNetwork(seed: UInt64) -> Network {
        var random = SeededGenerator(seed: seed)
        func pick<T>(_ choices: [T]) -> T { choices[Int.random(in: 0..<choices.count, using: &random)] }
        let nodeCount = Int.random(in: 5...14, using: &random)
        func large(_ limit: Double) -> Double { Double(Int.random(in: 1...100, using: &random)) * limit / 100 }
        let nodes = (0..<nodeCount).map { n in
            Node(
                id: "n\(n)", kind: .junction,
                capacity: pick([nil, nil, large(ModelLimits.quantity), ModelLimits.capacity, Double(Int.random(in: 1...10, using: &random))]),
                handlingCost: pick([0, large(ModelLimits.unitCost), Double(Int.random(in: 0...5, using: &random))]),
                dwellHours: pick([0, 0, large(ModelLimits.hours)]))
        }
        let links = (0..<(3 * nodeCount)).map { l in
            let from = Int.random(in: 0..<nodeCount, using: &random)
            var to = Int.random(in: 0..<(nodeCount - 1), using: &random)
            if to >= from { to += 1 }
            return Link(
                id: "l\(l)", from: "n\(from)", to: "n\(to)", hours: pick([0, large(ModelLimits.hours)]),
                cost: pick([ModelLimits.unitCost, large(ModelLimits.unitCost), Double(Int.random(in: 0...9, using: &random))]),
                capacity: pick([nil, 0, large(ModelLimits.quantity), ModelLimits.capacity, Double(Int.random(in: 1...10, using: &random))]),
                bidirectional: Int.random(in: 0..<10, using: &random) < 3)
        }
        let demands = (0..<Int.random(in: 1...8, using: &random)).map { k in
            let origin = Int.random(in: 0..<nodeCount, using: &random)
            var destination = Int.random(in: 0..<(nodeCount - 1), using: &random)
            if destination >= origin { destination += 1 }
            return Demand(
                id: "d\(k)", origin: "n\(origin)", destination: "n\(destination)",
                quantity: pick([ModelLimits.quantity, large(ModelLimits.quantity), Double(Int.random(in: 1...9, using: &random)) + 0.25]),
                unservedPenalty: pick([ModelLimits.unitCost, large(ModelLimits.unitCost)]))
        }
        return Network(
            name: "extreme \(seed)", valueOfTimePerHour: pick([0, 0.5, ModelLimits.valueOfTimePerHour]),
            nodes: nodes, links: links, demands: demands)
    }

    @Test(arguments: 0..<24)
    func allocationsAtTheLimitsSolveAndPassTheirCertificates(seed: UInt64) throws {
        let network = Self.extremeNetwork(seed: seed).activate(Scenario(id: "baseline"))
        let allocation = try allocate(network)
        RandomCorridors.checkCertificates(allocation, network)
    }

    @Test func allocationsAtTheLimitsAgreeWithHiGHS() throws {
        let folder = try TemporaryFiles.folder("limits")
        var objectives: [Double] = []
        var files: [String] = []
        for seed in UInt64(0)..<12 {
            let network = Self.extremeNetwork(seed: seed).activate(Scenario(id: "baseline"))
            let solver = try AllocationSolver(model: AllocationModel(network: network))
            let file = folder.appendingPathComponent("m\(seed).mps").path
            try solver.model.program.mpsText().write(toFile: file, atomically: false, encoding: .utf8)
            objectives.append(try solver.solve().objective)
            files.append(file)
        }
        let script = """
            import highspy, sys
            for path in sys.argv[1:]:
                h = highspy.Highs(); h.setOptionValue("output_flag", False); h.readModel(path); h.run()
                print(h.modelStatusToString(h.getModelStatus()), repr(h.getInfo().objective_function_value))
            """
        let (status, output) = try ExternalProgram.run("/usr/bin/env", ["python3", "-c", script] + files)
        try #require(status == 0, "HiGHS (pip install highspy) is needed for this check: \(output)")
        let lines = output.split(separator: "\n").filter { $0.hasPrefix("Optimal ") }
        try #require(lines.count == objectives.count, "\(output)")
        for (line, ours) in zip(lines, objectives) {
            let theirs = try #require(Double(line.split(separator: " ")[1]))
            // Objectives reach 1e18 here: doubles carry 16 digits, and both solvers stop within their tolerances.
            #expect(abs(ours - theirs) <= 1e-8 * max(1, abs(theirs)), "\(ours) vs HiGHS \(theirs)")
        }
    }
}
