import CorridorTestSupport
import Foundation
import Testing

@Test func routePrintsATableOfTheBestRoutes() throws {
    let result = try CLIRunner.run([
        "route", CLIRunner.path("networks/tiny.json"), "--from", "xian", "--to", "duisburg", "--k", "3",
    ])
    #expect(result.exitCode == 0)
    let lines = result.standardOutput.split(separator: "\n").map(String.init)
    #expect(lines.first == "Routes xian → duisburg by cost — Tiny teaching corridor, scenario baseline")
    #expect(lines.contains("   1  2163.50  287.0  12.0   9235  dostyk     xian → urumqi → dostyk → aktogay → duisburg"))
    #expect(
        lines.contains("   2  2212.00  284.0  11.8  10009  khorgos    xian → urumqi → khorgos → aktogay → duisburg"))
    #expect(lines.last == "found only 2 loop-free routes for this request")
}

@Test func routePrintsJSONWithTheDocumentedKeys() throws {
    let result = try CLIRunner.run([
        "route", CLIRunner.path("networks/tiny.json"), "--from", "xian", "--to", "duisburg", "--scenario",
        "third-crossing",
        "--format", "json",
    ])
    #expect(result.exitCode == 0)
    let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(document["format"] as? String == "corridor-route/1")
    #expect(document["network"] as? String == "Tiny teaching corridor")
    #expect(document["scenario"] as? String == "third-crossing")
    #expect(document["by"] as? String == "cost")
    let paths = try #require(document["paths"] as? [[String: Any]])
    #expect(paths.count == 1)
    #expect(paths[0]["cost"] as? Double == 2153)
    #expect(paths[0]["hours"] as? Double == 286)
    #expect(paths[0]["crossings"] as? [String] == ["bakhty"])
    #expect(paths[0]["nodes"] as? [String] == ["xian", "urumqi", "bakhty", "aktogay", "duisburg"])
    #expect(paths[0]["links"] as? [String] == ["xian-urumqi", "urumqi-bakhty", "bakhty-aktogay", "aktogay-duisburg"])
    #expect(result.standardOutput.hasPrefix("{\n  \"format\": \"corridor-route/1\",\n  \"network\""))
}

@Test func noRouteExitsOneWithTheReason() throws {
    let result = try CLIRunner.run([
        "route", CLIRunner.path("networks/tiny.json"), "--from", "xian", "--to", "duisburg", "--avoid", "KZ",
    ])
    #expect(result.exitCode == 1)
    #expect(result.standardOutput.isEmpty)
    #expect(
        result.standardError.contains("no route from xian to duisburg avoiding KZ: every path passes an avoided node"))
}

@Test func unknownNodeExitsTwoWithASuggestion() throws {
    let result = try CLIRunner.run(["route", CLIRunner.path("networks/tiny.json"), "--from", "xian", "--to", "dostik"])
    #expect(result.exitCode == 2)
    #expect(result.standardError == "corridor: --to dostik: no node has this id (did you mean \"dostyk\"?)\n")
}

@Test func zeroRoutesIsRefusedNamingTheFlag() throws {
    let result = try CLIRunner.run(["route", CLIRunner.path("networks/tiny.json"), "--from", "xian", "--to", "duisburg", "--k", "0"])
    #expect(result.exitCode == 2)
    #expect(result.standardError == "corridor: --k must be from 1 to 1000, not 0\n")
}

@Test func dimacsShortestPathFileGivesReachedAndDistanceSum() throws {
    // CLRS 3rd ed., Figure 24.6 (s=1 t=2 x=3 y=4 z=5): distances from s are 0, 8, 9, 5, 7; node 6 is isolated.
    let file = try TemporaryFiles.file(DIMACSSamples.clrsFigure24_6(nodes: 6), name: "clrs.gr")
    let result = try CLIRunner.run(["route", file, "--from", "1", "--format", "json"])
    #expect(result.exitCode == 0)
    let document = try #require(
        try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    #expect(document["format"] as? String == "corridor-route/1")
    #expect(document["source"] as? Int == 1)
    #expect(document["reached"] as? Int == 5)
    #expect(document["distanceSum"] as? Int == 29)
    #expect(document["readSeconds"] is Double)
    #expect(document["solveSeconds"] is Double)

    let table = try CLIRunner.run(["route", file, "--from", "1"])
    #expect(table.exitCode == 0)
    #expect(table.standardOutput.contains("reached       5\n"))
    #expect(table.standardOutput.contains("distance sum  29\n"))
}

@Test func malformedDIMACSLineExitsTwoWithLineAndExpectation() throws {
    let file = try TemporaryFiles.file("p sp 3 2\na 1 2 4\na 2 three 1\n", name: "bad.gr")
    let result = try CLIRunner.run(["route", file, "--from", "1"])
    #expect(result.exitCode == 2)
    #expect(result.standardError == "corridor: \(file):3: expected an arc's head node, found \"three\"\n")
}

@Test func aDistanceSumPastDoublesRangeIsSaidInWords() throws {
    let file = try TemporaryFiles.file("p sp 3 2\na 1 2 1e308\na 2 3 1e308\n", name: "huge.gr")
    let result = try CLIRunner.run(["route", file, "--from", "1"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("distance sum  beyond the range of a Double\n"))
}

@Test func routeHelpExitsZero() throws {
    let result = try CLIRunner.run(["route", "--help"])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("USAGE: corridor route"))
}
