import CorridorTestSupport
import Foundation
import Testing

@Test func validatePassesTheTinyNetwork() throws {
    let result = try CLIRunner.run(["validate", CLIRunner.path("networks/tiny.json")])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("8 nodes, 9 links, 2 demands, 5 scenarios"))
}

@Test func unknownOptionIsAUsageErrorWithExitCodeTwo() throws {
    let result = try CLIRunner.run(["validate", "--bogus"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.hasPrefix("corridor: Unknown option '--bogus'"))
}

@Test(arguments: [("info", "table or json."), ("compare", "table, json, csv, geojson or gpkg."), ("allocate", "table, json, csv, geojson or gpkg.")])
func formatHelpNamesOnlyTheAcceptedFormats(command: String, formats: String) throws {
    let result = try CLIRunner.run([command, "--help"])
    let words = result.standardOutput.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(words.contains("--format <format> Output format: \(formats) (default: table)"), "\(words)")
}

@Test func validateReportsEveryProblemOnStandardErrorWithExitCodeTwo() throws {
    let fixtures = URL(fileURLWithPath: CLIRunner.path("Tests/CorridorModelTests/Fixtures/invalid"))
    let result = try CLIRunner.run(["validate", "many-faults.json"], in: fixtures)
    let expected = try String(contentsOf: fixtures.appendingPathComponent("many-faults.expected"), encoding: .utf8)
    #expect(result.exitCode == 2)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError == "corridor: " + expected)
}

@Test func validateNamesAMissingFile() throws {
    let result = try CLIRunner.run(["validate", "networks/nowhere.json"])
    #expect(result.exitCode == 2)
    #expect(result.standardError == "corridor: networks/nowhere.json: no such file\n")
}

@Test func validateGivesLineAndColumnOfASyntaxError() throws {
    let folder = try TemporaryFiles.folder("corridor-validate")
    try Data("{\n  \"format\": \"corridor-network/1\",\n  \"name\": \"x\" \"unit\": \"TEU\"\n}\n".utf8)
        .write(to: folder.appendingPathComponent("broken.json"))
    let result = try CLIRunner.run(["validate", "broken.json"], in: folder)
    #expect(result.exitCode == 2)
    #expect(result.standardError == "corridor: broken.json:3:15: unexpected '\"'; expected ',' or '}'\n")
}

@Test func validateWarnsAboutPathlessDemandsUnusedElementsAndOppositeOneWayLinks() throws {
    let network = """
        {"format": "corridor-network/1", "name": "warnings", "unit": "TEU", "period": "day", "currency": "USD",
         "nodes": [{"id": "a", "kind": "terminal"}, {"id": "b", "kind": "crossing"}, {"id": "c", "kind": "terminal"},
                   {"id": "spur", "kind": "city"}, {"id": "new", "kind": "crossing", "status": "proposed"}],
         "links": [{"id": "a-b", "from": "a", "to": "b", "mode": "rail"}, {"id": "b-a", "from": "b", "to": "a", "mode": "rail"},
                   {"id": "b-c", "from": "b", "to": "c", "mode": "rail"}, {"id": "c-spur", "from": "c", "to": "spur", "mode": "rail"},
                   {"id": "c-new", "from": "c", "to": "new", "mode": "rail", "status": "proposed"},
                   {"id": "new-a", "from": "new", "to": "a", "mode": "rail", "status": "proposed"}],
         "demands": [{"id": "east", "origin": "a", "destination": "c", "quantity": 1},
                     {"id": "west", "origin": "c", "destination": "a", "quantity": 1}],
         "scenarios": [{"id": "open", "name": "Open the new crossing", "enable": ["new", "c-new", "new-a"]}]}
        """
    let path = try TemporaryFiles.file(network, name: "warnings.json")
    let result = try CLIRunner.run(["validate", path])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput == "\(path): ok — 5 nodes, 6 links, 2 demands, 1 scenarios\n")
    #expect(
        result.standardError.split(separator: "\n").map { String($0.dropFirst(path.count + ": warning: ".count)) } == [
            "demand \"west\" (c → a) has no path in baseline and stays unserved there (links are one-way unless \"bidirectional\": true)",
            "node \"spur\" is on no path of any demand in any scenario",
            "link \"b-a\" (b → a) is on no path of any demand in any scenario",
            "link \"c-spur\" (c → spur) is on no path of any demand in any scenario",
            "links \"a-b\" (a → b) and \"b-a\" (b → a) are one-way in opposite directions; one link with \"bidirectional\": true says the same if their terms agree",
        ])
}
