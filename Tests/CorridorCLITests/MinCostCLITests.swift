import Foundation
import Testing

/// Writes `text` to a fresh temporary file and returns its path.
private func temporaryFile(_ text: String, name: String) throws -> String {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("corridor-mincost-cli-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
}

/// GLPK 5.0's examples/sample.min: `glpsol --mincost` finds the minimum cost 213.
private let sampleMin = """
    p min 9 14
    n 1 20
    n 9 -20
    a 1 2 0 14 0
    a 1 4 0 23 0
    a 2 3 0 10 2
    a 2 4 0 9 3
    a 3 5 2 12 1
    a 3 8 0 18 0
    a 4 5 0 26 0
    a 5 2 0 11 1
    a 5 6 0 25 5
    a 5 7 0 4 7
    a 6 7 0 7 0
    a 6 8 4 8 0
    a 7 9 0 15 3
    a 8 9 0 20 9

    """

@Test func mincostJSONReportsTheKnownCost() throws {
    let path = try temporaryFile(sampleMin, name: "sample.min")
    let result = try CLIRunner.run(["mincost", path, "--format", "json"])
    #expect(result.exitCode == 0)
    let document = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    #expect(document?["format"] as? String == "corridor-mincost/1")
    #expect(document?["source"] as? String == path)
    #expect(document?["status"] as? String == "optimal")
    #expect(document?["cost"] as? Int == 213)
    #expect(document?["readSeconds"] is Double || document?["readSeconds"] is Int)
    #expect(document?["solveSeconds"] is Double || document?["solveSeconds"] is Int)
}

@Test func mincostTableShowsTheCost() throws {
    let path = try temporaryFile(sampleMin, name: "sample.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("minimum total cost    213"))
}

@Test func infeasibleMinCostExitsOneWithASentence() throws {
    let path = try temporaryFile("p min 3 2\nn 1 10\nn 3 -10\na 1 2 0 4 1\na 2 3 0 10 1\n", name: "tight.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(
        result.standardError.contains(
            "infeasible: 6 units of supply cannot be routed within the arc capacities (stranded at node 1)"))
}

@Test func malformedMinCostFileExitsTwoWithTheLine() throws {
    let path = try temporaryFile("p min 3 1\nn 1 1\nn 3 -1\na 1 4 0 4 1\n", name: "bad.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("bad.min:4: head node 4 is out of range 1...3"))
}

@Test func mincostRejectsFormatsItDoesNotOffer() throws {
    let path = try temporaryFile(sampleMin, name: "sample.min")
    let result = try CLIRunner.run(["mincost", path, "--format", "csv"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("--format csv is not available for 'mincost'"))
}

@Test func mincostPrintsDecimalCostsExactly() throws {
    // 1.5 units at 0.25 then 0.5 per unit: 1.125 exactly, solved in integers after scaling.
    let path = try temporaryFile("p min 3 2\nn 1 1.5\nn 3 -1.5\na 1 2 0 2 0.25\na 2 3 0 2.5 0.5\n", name: "decimal.min")
    let table = try CLIRunner.run(["mincost", path])
    #expect(table.exitCode == 0)
    #expect(table.standardOutput.contains("minimum total cost  1.125"))
    let json = try CLIRunner.run(["mincost", path, "--format", "json"])
    #expect(json.standardOutput.contains("\"cost\": 1.125"))
}
