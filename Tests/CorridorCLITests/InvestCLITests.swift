import CorridorTestSupport
import Foundation
import Testing

/// `corridor invest` on the tiny fixture with candidate projects: the plan as a table and as
/// `corridor-investment/1`, and a missing projects file named.
@Suite struct InvestCLITests {
    let network = CLIRunner.path("Tests/Fixtures/tiny-projects.json")

    @Test func tableNamesEveryDecision() throws {
        let result = try CLIRunner.run(["invest", network])
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("bakhty-small"))
        #expect(result.standardOutput.contains("the plan saves"))
    }

    @Test func jsonCarriesTheDocumentedKeys() throws {
        let result = try CLIRunner.run(["invest", network, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "corridor-investment/1")
        for key in ["network", "scenario", "discountRate", "budget", "endYear", "years", "objective", "baselineObjective", "netSaving", "capitalSpent", "projects"] {
            #expect(root[key] != nil, "\(key)")
        }
        let projects = try #require(root["projects"] as? [[String: Any]])
        #expect(projects.count == 5)
        for key in ["id", "name", "build", "opensIn", "capitalCost", "annualisedCost", "value"] {
            #expect(projects.allSatisfy { $0[key] != nil }, "\(key)")
        }
    }

    @Test func aNetworkWithoutProjectsSaysWhichFileIsMissing() throws {
        let result = try CLIRunner.run(["invest", CLIRunner.path("networks/tiny.json")])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("tiny.projects.json"), "\(result.standardError)")
    }

    /// GLPK's time limit inside the MIP ends `invest` and `report --invest` as the watch does: exit 1
    /// and the documented sentence, not an internal error.
    @Test(arguments: [
        ["invest", "Tests/Fixtures/tiny-projects.json"],
        ["report", "Tests/Fixtures/tiny-projects.json", "--scenario", "third-crossing", "--baseline", "baseline", "--invest", "-o", "plan.html"],
    ])
    func theTimeLimitIsNoAnswer(_ arguments: [String]) throws {
        let result = try CLIRunner.run([arguments[0], CLIRunner.path(arguments[1])] + arguments.dropFirst(2) + ["--time-limit", "0.001"])
        #expect(result.exitCode == 1, "\(result.standardError)")
        #expect(result.standardError == "corridor: \(arguments[0]) stopped at the time limit of 0.001 s (--time-limit)\n")
    }

    /// Capital costs from 1e-9 to 1e15 under a budget of 1e15: a plan (building nothing is always
    /// feasible), never "no solution" as bad input.
    @Test func capitalCostsFarApartHaveAPlan() throws {
        let source = try String(contentsOfFile: CLIRunner.path("Tests/Fixtures/tiny-projects.projects.json"), encoding: .utf8)
        let text = source.replacingOccurrences(of: #""budget": 40000000"#, with: #""budget": 1e15"#)
            .replacingOccurrences(of: #""capitalCost": 20000000"#, with: #""capitalCost": 1e15"#)
            .replacingOccurrences(of: #""capitalCost": 8000000"#, with: #""capitalCost": 1e-9"#)
        #expect(text.contains("1e-9") && text.contains(#""budget": 1e15"#))
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("projects-\(UUID()).json").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let result = try CLIRunner.run(["invest", network, "--projects", file, "--format", "json"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let root = try jsonObject(result.standardOutput)
        let objective = try #require(root["objective"] as? Double)
        #expect(abs(objective - 2_109_017_666.60) < 1)
    }
}
