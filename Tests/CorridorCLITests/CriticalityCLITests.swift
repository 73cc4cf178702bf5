import Foundation
import Testing

@Suite struct CriticalityCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func jsonRanking() throws {
        let result = try CLIRunner.run(["criticality", tiny, "--links", "--format", "json"])
        #expect(result.exitCode == 0)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "corridor-criticality/1")
        let ranking = try #require(root["ranking"] as? [[String: Any]])
        #expect(ranking.first?["id"] as? String == "aktogay-duisburg")
        #expect(ranking.count == 9)
    }

    @Test func usageErrorsExit2() throws {
        #expect(try CLIRunner.run(["criticality", tiny, "--format", "csv"]).exitCode == 2)
        #expect(try CLIRunner.run(["criticality", tiny, "--scenario", "nope"]).exitCode == 2)
    }
}
