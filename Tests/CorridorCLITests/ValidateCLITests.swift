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

@Test(arguments: [("info", "table or json."), ("compare", "table, json or csv."), ("allocate", "table, json, csv or geojson.")])
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
