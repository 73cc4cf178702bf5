import Foundation
import Testing

@Suite struct CompareCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func jsonDocument() throws {
        let result = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--format", "json"])
        #expect(result.exitCode == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "corridor-comparison/1")
        #expect(root["scenario"] as? String == "third-crossing")
        let totals = try #require(root["totals"] as? [String: Any])
        let change = try #require(totals["change"] as? [String: Any])
        #expect((change["objective"] as? NSNumber)?.doubleValue == -112_270)
    }

    @Test func csvFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("compare-\(UUID())").path
        let result = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--format", "csv", "--output", folder])
        #expect(result.exitCode == 0)
        for name in ["crossings.csv", "totals.csv", "changes.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder + "/" + name))
        }
        let stdout = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--format", "csv"])
        #expect(stdout.standardOutput.hasPrefix("id,name,flow_before"))
    }

    @Test func usageErrorsExit2() throws {
        #expect(try CLIRunner.run(["compare", tiny, "--scenario", "third-crossing"]).exitCode == 2)
        #expect(try CLIRunner.run(["compare", tiny, "--baseline", "baseline"]).exitCode == 2)
        let typo = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crosing"])
        #expect(typo.exitCode == 2)
        #expect(typo.standardError.contains("third-crossing"))
        #expect(try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "growth", "--format", "geojson"]).exitCode == 2)  // needs --output DIR
    }
}

@Test func compareTableListsAsManyMovedDemandsAsAsked() throws {
    let tiny = CLIRunner.path("networks/tiny.json")
    let all = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "dostyk-outage"])
    let one = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "dostyk-outage", "--changes", "1"])
    #expect(all.exitCode == 0 && one.exitCode == 0)
    #expect(all.standardOutput.contains("chongqing-duisburg (chongqing → duisburg)"))
    #expect(all.standardOutput.contains("xian-duisburg (xian → duisburg)"))
    #expect(one.standardOutput.contains("… and 1 more (all of them with --format json or csv)"))
    #expect(try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "growth", "--changes", "-1"]).exitCode == 2)
}
