import CorridorLP
import CorridorModel
import CorridorOptimization
import CorridorTestSupport
import Foundation
import Testing

/// Solves an LP file with `glpsol --lp` and returns the optimum it reports.
private func glpsolObjective(_ file: String, format: String) throws -> Double? {
    let glpsol = "/usr/bin/glpsol"
    guard FileManager.default.isExecutableFile(atPath: glpsol) else { return nil }
    let report = file + ".out"
    let process = Process()
    process.executableURL = URL(fileURLWithPath: glpsol)
    process.arguments = [format, file, "-o", report]
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let text = try String(contentsOfFile: report, encoding: .utf8)
    // "Objective:  obj = 551270 (MINimum)"
    guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("Objective:") }),
        let equals = line.firstIndex(of: "=")
    else { return nil }
    return Double(line[line.index(after: equals)...].split(separator: " ").first ?? "")
}

@Test(arguments: [("--lp", "model.lp"), ("--freemps", "model.mps")])
func writtenModelsReachTheSameOptimumInGlpsol(format: String, name: String) throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-lp-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var networks = [try NetworkReader.read(path: TestNetworks.tiny).activate(scenario: "third-crossing")]
    networks += (0..<3).map {
        RandomCorridors.network(seed: 77 + $0, nodeCount: 12, linkCount: 30, demandCount: 6)
            .activate(Scenario(id: "baseline"))
    }
    for network in networks {
        let solver = try AllocationSolver(model: AllocationModel(network: network))
        let file = folder.appendingPathComponent(name).path
        let text = format == "--lp" ? solver.model.program.lpText() : solver.model.program.mpsText()
        try text.write(toFile: file, atomically: false, encoding: .utf8)
        let ours = try solver.solve().objective
        guard let theirs = try glpsolObjective(file, format: format) else {
            Issue.record("glpsol missing or its report unreadable; install glpk-utils")
            return
        }
        // glpsol prints the objective to 10 significant digits.
        #expect(abs(ours - theirs) <= 1e-8 * max(1, abs(ours)), "\(network.network.name): \(ours) vs \(theirs)")
    }
}
