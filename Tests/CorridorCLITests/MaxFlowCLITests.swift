import CorridorTestSupport
import Foundation
import Testing

@Test func maxflowTableNamesTheValueAndTheBottleneck() throws {
    let result = try CLIRunner.run(["maxflow", CLIRunner.path("networks/tiny.json")])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.contains("Maximum flow: 160 TEU/day"))
    #expect(result.standardOutput.contains("Bottleneck (minimum cut): 2 capacities adding up to 160 TEU/day"))
    #expect(result.standardOutput.range(of: #"dostyk\s+node\s+100"#, options: .regularExpression) != nil)
    #expect(
        result.standardOutput.range(of: #"khorgos\s+Altynkol–Khorgos\s+60\s+60\s+yes"#, options: .regularExpression)
            != nil)
}

@Test func maxflowJSONCarriesTheDocumentedKeys() throws {
    let result = try CLIRunner.run([
        "maxflow", CLIRunner.path("networks/tiny.json"), "--scenario", "khorgos-unlimited", "--format", "json",
    ])
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.hasPrefix("{\n  \"format\": \"corridor-maxflow/1\",\n  \"network\": "))
    let document = try jsonObject(result.standardOutput)
    #expect(document["scenario"] as? String == "khorgos-unlimited")
    #expect(document["sources"] as? [String] == ["xian", "chongqing"])
    #expect(document["value"] as? Double == 250)
    #expect(document["unbounded"] as? Bool == false)
    let cut = try #require(document["cut"] as? [[String: Any]])
    #expect(cut.count == 1)
    #expect(cut.first?["id"] as? String == "aktogay-duisburg" && cut.first?["kind"] as? String == "link")
    #expect(cut.first?["capacity"] as? Double == 250)
    let crossings = try #require(document["crossings"] as? [[String: Any]])
    let khorgos = try #require(crossings.first { $0["id"] as? String == "khorgos" })
    #expect(khorgos["capacity"] is NSNull)
    let dostyk = try #require(crossings.first { $0["id"] as? String == "dostyk" })
    // Any split of the 250 between the two crossings is a maximum flow; dostyk can take at most 100.
    let dostykFlow = try #require(dostyk["flow"] as? Double)
    #expect(dostykFlow <= 100 && (khorgos["flow"] as? Double ?? 0) + dostykFlow == 250)
}

@Test func maxflowSaysUnboundedPlainly() throws {
    let table = try CLIRunner.run([
        "maxflow", CLIRunner.path("networks/tiny.json"), "--scenario", "khorgos-unlimited", "--from", "urumqi",
        "--to", "aktogay",
    ])
    #expect(table.exitCode == 0)
    #expect(table.standardOutput.contains("Maximum flow: unbounded"))
    #expect(table.standardOutput.contains("urumqi → khorgos → aktogay"))
    let json = try CLIRunner.run([
        "maxflow", CLIRunner.path("networks/tiny.json"), "--scenario", "khorgos-unlimited", "--from", "urumqi",
        "--to", "aktogay", "--format", "json",
    ])
    let document = try jsonObject(json.standardOutput)
    #expect(document["value"] is NSNull)
    #expect(document["unbounded"] as? Bool == true)
    #expect((document["unlimitedPath"] as? [String: Any])?["nodes"] as? [String] == ["urumqi", "khorgos", "aktogay"])
}

@Test func maxflowUnknownIdExitsTwoWithASuggestion() throws {
    let result = try CLIRunner.run(["maxflow", CLIRunner.path("networks/tiny.json"), "--to", "duisbrg"])
    #expect(result.exitCode == 2)
    #expect(result.standardError == "corridor: --to duisbrg: no node has this id (did you mean \"duisburg\"?)\n")
}

@Test func maxflowReadsADIMACSFileByContent() throws {
    // CLRS Figure 26.1 (s = 1, v1…v4 = 2…5, t = 6): value 23.
    let path = try TemporaryFiles.file(
        """
        c CLRS 3rd ed. Figure 26.1
        p max 6 9
        n 1 s
        n 6 t
        a 1 2 16
        a 1 3 13
        a 3 2 4
        a 2 4 12
        a 4 3 9
        a 3 5 14
        a 5 4 7
        a 4 6 20
        a 5 6 4
        """, name: "clrs.txt")
    let table = try CLIRunner.run(["maxflow", path])
    #expect(table.exitCode == 0)
    #expect(table.standardOutput.contains("maximum flow: 23"))
    let json = try CLIRunner.run(["maxflow", path, "--format", "json"])
    let document = try jsonObject(json.standardOutput)
    #expect(document["format"] as? String == "corridor-maxflow/1")
    #expect(document["value"] as? Double == 23)
    #expect(document["readSeconds"] is Double && document["solveSeconds"] is Double)
}

@Test func maxflowMalformedDIMACSExitsTwoNamingTheLine() throws {
    let path = try TemporaryFiles.file("p max 3 1\nn 1 s\nn 3 t\na 1 3 -4\n", name: "bad.max")
    let result = try CLIRunner.run(["maxflow", path])
    #expect(result.exitCode == 2)
    #expect(result.standardError.contains("bad.max:4: a negative capacity (-4)"))
}
