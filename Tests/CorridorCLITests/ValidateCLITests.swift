import Testing

@Test func validatePassesTheTinyNetwork() throws {
    let result = try CLIRunner.run(["validate", CLIRunner.path("networks/tiny.json")])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("8 nodes, 9 links, 2 demands, 5 scenarios"))
}

@Test func unknownOptionIsAUsageErrorWithExitCodeTwo() throws {
    let result = try CLIRunner.run(["validate", "--bogus"])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("Unknown option '--bogus'"))
}
