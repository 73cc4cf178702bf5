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
        RandomNetworks.corridor(seed: 77 + $0, nodeCount: 12, linkCount: 30, demandCount: 6)
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

/// Rows and columns are named after the network, within the formats' rules, whatever the ids hold.
@Test(arguments: [("--lp", "model.lp"), ("--freemps", "model.mps")])
func modelFilesNameRowsAndColumnsAfterTheNetwork(format: String, name: String) throws {
    let network = Network(
        name: "odd ids",
        nodes: [
            Node(id: "1st terminal", kind: .terminal), Node(id: "Bahnhof Köln", kind: .crossing, capacity: 5),
            Node(id: "a_b", kind: .junction), Node(id: "a-b", kind: .terminal),
        ],
        links: [
            Link(id: "1st terminal→Köln", from: "1st terminal", to: "Bahnhof Köln", cost: 2),
            Link(id: "köln-a_b", from: "Bahnhof Köln", to: "a_b", cost: 1, bidirectional: true),
            Link(id: "a_b-a-b", from: "a_b", to: "a-b", cost: 3),
        ],
        demands: [Demand(id: "d-1", origin: "1st terminal", destination: "a-b", quantity: 7, unservedPenalty: 100)]
    ).activate(Scenario(id: "baseline"))
    let solver = try AllocationSolver(model: AllocationModel(network: network))
    let program = solver.model.program
    let columns = (0..<program.columnCount).map(program.columnName)
    let rows = (0..<program.rowCount).map(program.rowName)
    #expect(columns.contains("x_1st~20~terminal_k~f6~ln.a_b_r"))  // the reverse direction of köln-a_b
    #expect(columns.contains("x_1st~20~terminal_1st~20~terminal~2192~K~f6~ln") && columns.contains("u_d.1"))
    #expect(rows.contains("cap_Bahnhof~20~K~f6~ln") && rows.contains("bal_1st~20~terminal_a.b") && columns.contains("constant"))
    for name in columns + rows {
        #expect(name.count <= 255 && !(name.first?.isNumber ?? true) && name.first != ".", "\(name)")
        #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_.~".contains($0)) }, "\(name)")
    }
    let folder = try TemporaryFiles.folder("names")
    let file = folder.appendingPathComponent(name).path
    try (format == "--lp" ? program.lpText() : program.mpsText()).write(toFile: file, atomically: false, encoding: .utf8)
    let ours = try solver.solve().objective
    let theirs = try #require(try glpsolObjective(file, format: format))
    #expect(abs(ours - theirs) <= 1e-8 * max(1, abs(ours)))
    #expect(ours == 5 * (2 + 1 + 3) + 2 * 100)
}
