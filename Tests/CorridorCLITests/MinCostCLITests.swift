import CorridorTestSupport
import Foundation
import Testing

@Test func mincostJSONReportsTheKnownCost() throws {
    let path = try TemporaryFiles.file(DIMACSSamples.glpkSampleMin, name: "sample.min")
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
    let path = try TemporaryFiles.file(DIMACSSamples.glpkSampleMin, name: "sample.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("minimum total cost    213"))
}

@Test func infeasibleMinCostExitsOneWithASentence() throws {
    let path = try TemporaryFiles.file("p min 3 2\nn 1 10\nn 3 -10\na 1 2 0 4 1\na 2 3 0 10 1\n", name: "tight.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(
        result.standardError.contains(
            "infeasible: 6 units of supply cannot be routed within the arc capacities (stranded at node 1)"))
}

@Test func malformedMinCostFileExitsTwoWithTheLine() throws {
    let path = try TemporaryFiles.file("p min 3 1\nn 1 1\nn 3 -1\na 1 4 0 4 1\n", name: "bad.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("bad.min:4: head node 4 is out of range 1...3"))
}

@Test func theLargestCostIsRefusedNotACrash() throws {
    let path = try TemporaryFiles.file("p min 2 1\nn 1 5\nn 2 -5\na 1 2 0 10 9223372036854775807\n", name: "big.min")
    let result = try CLIRunner.run(["mincost", path])
    #expect(result.exitCode == 2)
    #expect(result.standardError.hasSuffix("big.min: arc costs up to 9223372036854775807 on 2 nodes exceed exact 64-bit range\n"))
}

@Test func mincostRejectsFormatsItDoesNotOffer() throws {
    let path = try TemporaryFiles.file(DIMACSSamples.glpkSampleMin, name: "sample.min")
    let result = try CLIRunner.run(["mincost", path, "--format", "csv"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("--format csv is not available for 'mincost'"))
}

@Test func mincostPrintsDecimalCostsExactly() throws {
    // 1.5 units at 0.25 then 0.5 per unit: 1.125 exactly, solved in integers after scaling.
    let path = try TemporaryFiles.file("p min 3 2\nn 1 1.5\nn 3 -1.5\na 1 2 0 2 0.25\na 2 3 0 2.5 0.5\n", name: "decimal.min")
    let table = try CLIRunner.run(["mincost", path])
    #expect(table.exitCode == 0)
    #expect(table.standardOutput.contains("minimum total cost  1.125"))
    let json = try CLIRunner.run(["mincost", path, "--format", "json"])
    #expect(json.standardOutput.contains("\"cost\": 1.125"))
}
