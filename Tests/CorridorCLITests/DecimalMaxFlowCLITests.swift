import CorridorTestSupport
import Foundation
import Testing

/// Max-flow on capacities spread over 1e-6…1e9 is exact: it matches an independent Edmonds–Karp over
/// rationals (scripts/oracles/max-flow-fractions) to the last bit, where a tolerance relative to the
/// largest capacity used to drop the small arcs without a word.
@Suite struct DecimalMaxFlowCLITests {
    /// A DIMACS `p max` file: arcs (tail, head, capacity), nodes 1-based, source 1, sink `nodes`.
    static func dimacs(nodes: Int, arcs: [(Int, Int, Double)]) -> String {
        var lines = ["p max \(nodes) \(arcs.count)", "n 1 s", "n \(nodes) t"]
        lines += arcs.map { "a \($0.0) \($0.1) \($0.2)" }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Provable optima: an "unlimited" 1e9 arc feeding 10,000 arcs of 1e-4 (the flow is their exact sum,
    /// 1 to the nearest double); parallel two-arc paths whose bottlenecks spread over 1e-6…1e-3; and
    /// random graphs mixing capacities from 1e-6 to 1e9.
    static func instances() -> [String] {
        var files = [dimacs(nodes: 3, arcs: [(1, 2, 1e9)] + Array(repeating: (2, 3, 1e-4), count: 10_000))]
        var random = SeededGenerator(seed: 2026)
        let parallel = (0..<40).flatMap { i -> [(Int, Int, Double)] in
            let bottleneck = Double(Int.random(in: 1...999, using: &random)) * pow(10, Double(Int.random(in: -6 ... -3, using: &random)))
            return [(1, i + 2, 1e9), (i + 2, 42, bottleneck)]
        }
        files.append(dimacs(nodes: 42, arcs: parallel))
        for _ in 0..<20 {
            let nodes = Int.random(in: 4...12, using: &random)
            let arcs = (0..<Int.random(in: nodes...(4 * nodes), using: &random)).map { _ -> (Int, Int, Double) in
                let tail = Int.random(in: 1...nodes, using: &random)
                var head = Int.random(in: 1...(nodes - 1), using: &random)
                if head >= tail { head += 1 }
                let capacity = Double(Int.random(in: 1...9_999, using: &random)) * pow(10, Double(Int.random(in: -10...5, using: &random)))
                return (tail, head, capacity)
            }
            files.append(dimacs(nodes: nodes, arcs: arcs))
        }
        return files
    }

    @Test func spreadCapacitiesMatchAnExactRationalOracle() throws {
        let folder = try TemporaryFiles.folder("decimal-maxflow")
        var paths: [String] = []
        var ours: [Double] = []
        for (index, text) in Self.instances().enumerated() {
            let path = folder.appendingPathComponent("i\(index).max").path
            try text.write(toFile: path, atomically: false, encoding: .utf8)
            paths.append(path)
            let result = try CLIRunner.run(["maxflow", path, "--format", "json"])
            try #require(result.exitCode == 0, "\(result.standardError)")
            ours.append(try #require(Self.value(in: result.standardOutput)))
        }
        let (status, output) = try ExternalProgram.run(CLIRunner.path("scripts/oracles/max-flow-fractions"), paths)
        try #require(status == 0, "\(output)")
        let exact = output.split(separator: "\n").compactMap { Double($0) }
        try #require(exact.count == ours.count)
        #expect(exact[0] == 1)
        for (index, (value, reference)) in zip(ours, exact).enumerated() {
            #expect(value == reference, "instance \(index): \(value) vs exact \(reference)")
        }
    }

    /// The same on a network file: a 1e9 link beside a crossing of 1e-4 and one of 2.5e-7.
    @Test func aNetworkWithSpreadCapacitiesIsExact() throws {
        let network = #"""
            {"format": "corridor-network/1", "name": "spread", "unit": "t", "period": "day", "currency": "USD",
             "nodes": [{"id": "a", "kind": "terminal"}, {"id": "x", "kind": "crossing", "capacity": 0.0001},
                       {"id": "y", "kind": "crossing", "capacity": 2.5e-7}, {"id": "b", "kind": "terminal"}],
             "links": [{"id": "ax", "from": "a", "to": "x", "mode": "rail", "capacity": 1e9},
                       {"id": "ay", "from": "a", "to": "y", "mode": "rail", "capacity": 1e9},
                       {"id": "xb", "from": "x", "to": "b", "mode": "rail"}, {"id": "yb", "from": "y", "to": "b", "mode": "rail"}],
             "demands": [{"id": "d", "origin": "a", "destination": "b", "quantity": 1}]}
            """#
        let file = try TemporaryFiles.file(network, name: "spread.json")
        let result = try CLIRunner.run(["maxflow", file, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(Self.value(in: result.standardOutput) == 0.00010025)
    }

    /// The `"value"` of a JSON document, parsed by Swift's correctly rounded reader (Foundation's JSON
    /// reader on Linux can be off in the last bit).
    static func value(in json: String) -> Double? {
        guard let match = json.firstMatch(of: /"value": ([-0-9.eE+]+)/) else { return nil }
        return Double(String(match.1))
    }
}
