import CorridorModel
import Foundation
import Testing

@Test func infoSummarisesTheTinyNetwork() throws {
    let result = try CLIRunner.run(["info", CLIRunner.path("networks/tiny.json")])
    #expect(result.exitCode == 0)
    #expect(result.standardError.isEmpty)
    let lines = result.standardOutput.components(separatedBy: "\n")
    #expect(lines.first == "Tiny teaching corridor")
    #expect(lines.contains("scenario: baseline (Base network)"))
    #expect(lines.contains("nodes: 8 (7 on)"))
    #expect(lines.contains("  crossing      3   2"))
    #expect(
        lines.contains("  dostyk   Dostyk–Alashankou  KZ       existing  yes               100            60       20"))
    #expect(
        lines.contains("  bakhty   Bakhty–Tacheng     KZ       proposed  no                 50            50       20"))
    #expect(lines.contains("links: 9 (7 on)"))
    #expect(lines.contains("  rail      9   7  14477"))
    #expect(lines.contains("demands: 2 (2 servable), total 200 TEU/day"))
    #expect(lines.contains { $0.hasPrefix("  growth ") && $0.hasSuffix("demand chongqing-duisburg 100; demand × 1.5") })
}

@Test func infoUnderAScenarioShowsEffectiveCapacitiesAndWhatIsOn() throws {
    let result = try CLIRunner.run(["info", CLIRunner.path("networks/tiny.json"), "--scenario", "khorgos-unlimited"])
    #expect(result.exitCode == 0)
    #expect(
        result.standardOutput.contains(
            "  khorgos  Altynkol–Khorgos   KZ       existing  yes         unlimited            40       10\n"))
    let outage = try CLIRunner.run(["info", CLIRunner.path("networks/tiny.json"), "--scenario", "dostyk-outage"])
    #expect(
        outage.standardOutput.contains(
            "  dostyk   Dostyk–Alashankou  KZ       existing  no                100            60       20\n"))
    #expect(outage.standardOutput.contains("links: 9 (5 on)\n"))
}

@Test func infoJSONCarriesTheDocumentedKeys() throws {
    let result = try CLIRunner.run(
        ["info", CLIRunner.path("networks/tiny.json"), "--scenario", "growth", "--format", "json"])
    #expect(result.exitCode == 0)
    let document = try JSONParser.parse(Array(result.standardOutput.utf8)).plainValue
    #expect(document["format"] == .string("corridor-info/1"))
    #expect(document["network"] == .string("Tiny teaching corridor"))
    #expect(document["scenario"] == .string("growth"))
    #expect(document["demands"]?["quantity"] == .number(330))
    #expect(document["demands"]?["baseQuantity"] == .number(200))
    #expect(document["links"]?["arcs"] == .number(8))
    guard case .array(let crossings) = document["crossings"], case .array(let scenarios) = document["scenarios"] else {
        Issue.record("crossings or scenarios missing")
        return
    }
    #expect(crossings.map { $0["id"] } == [.string("dostyk"), .string("khorgos"), .string("bakhty")])
    #expect(crossings[2]["on"] == .bool(false))
    #expect(
        scenarios[4]
            == .object([
                ("id", .string("khorgos-unlimited")), ("name", .string("Khorgos without limit, cheaper line")),
                ("enable", .array([])), ("disable", .array([])),
                ("capacity", .array([.object([("id", .string("khorgos")), ("capacity", .null)])])),
                ("cost", .array([.object([("id", .string("khorgos-aktogay")), ("cost", .number(100))])])),
                ("demand", .array([])), ("demandScale", .number(1)),
                ("reverseCapacity", .array([])), ("hours", .array([])), ("dwellHours", .array([])),
            ]))
}

@Test func infoRejectsAnUnknownScenarioAndAnUnofferedFormat() throws {
    let scenario = try CLIRunner.run(["info", CLIRunner.path("networks/tiny.json"), "--scenario", "grwth"])
    #expect(scenario.exitCode == 2)
    #expect(scenario.standardError.hasPrefix("corridor: unknown scenario \"grwth\" (did you mean \"growth\"?)"))
    let format = try CLIRunner.run(["info", CLIRunner.path("networks/tiny.json"), "--format", "csv"])
    #expect(format.exitCode == 2)
    #expect(format.standardError == "corridor: --format csv is not available for 'info'; choose table, json\n")
}
