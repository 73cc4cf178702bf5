import CorridorTestSupport
import Foundation
import Testing

/// `init`, `import` and `export` end to end: a network built from CSV validates, allocates as the
/// network file it came from does, and exports back to the same files.
@Suite struct NetworkCSVCLITests {
    @Test func aNetworkFromCSVValidatesAllocatesAndExportsBackUnchanged() throws {
        let folder = try TemporaryFiles.folder("corridor-import")
        let template = folder.appendingPathComponent("template").path
        #expect(try CLIRunner.run(["init", template]).exitCode == 0)
        let names = try FileManager.default.contentsOfDirectory(atPath: template).sorted()
        #expect(
            names == [
                "commodities.csv", "commodity_terms.csv", "corridor-manifest.json", "demands.csv", "dictionary.csv",
                "links.csv", "network.csv", "nodes.csv", "scenario_changes.csv", "scenarios.csv", "uncertainty.csv",
            ])
        let network = folder.appendingPathComponent("network.json").path
        let imported = try CLIRunner.run(["import", template, "-o", network])
        #expect(imported.exitCode == 0 && imported.standardError.isEmpty, "\(imported.standardError)")
        let validated = try CLIRunner.run(["validate", network])
        #expect(validated.standardOutput.hasSuffix("ok — 8 nodes, 9 links, 2 demands, 5 scenarios\n"))
        for scenario in ["baseline", "third-crossing", "growth"] {
            let fromCSV = try CLIRunner.run(["allocate", network, "--scenario", scenario, "--format", "json"])
            let fromFile = try CLIRunner.run(["allocate", CLIRunner.path("networks/tiny.json"), "--scenario", scenario, "--format", "json"])
            #expect(fromCSV.exitCode == 0 && fromCSV.standardOutput == fromFile.standardOutput, "\(scenario)")
        }
        let exported = folder.appendingPathComponent("exported").path
        #expect(try CLIRunner.run(["export", network, "--format", "csv", "-o", exported]).exitCode == 0)
        for name in names where name != "corridor-manifest.json" {
            let first = try Data(contentsOf: URL(fileURLWithPath: "\(template)/\(name)"))
            let second = try Data(contentsOf: URL(fileURLWithPath: "\(exported)/\(name)"))
            #expect(first == second, "\(name)")
        }
    }

    @Test func importReportsEveryProblemWithItsCellAndWritesNothing() throws {
        let folder = try TemporaryFiles.folder("corridor-import")
        let source = folder.appendingPathComponent("sheets").path
        #expect(try CLIRunner.run(["init", source]).exitCode == 0)
        let links = "\(source)/links.csv"
        var text = try String(contentsOfFile: links, encoding: .utf8)
        text = text.replacingOccurrences(of: "dostyk-aktogay,,dostyk,aktogay,rail,304", with: "dostyk-aktogay,,dostik,aktogay,rail,3O4")
        try text.write(toFile: links, atomically: true, encoding: .utf8)
        try "id\n".write(toFile: "\(source)/node.csv", atomically: true, encoding: .utf8)
        let network = folder.appendingPathComponent("network.json").path
        let result = try CLIRunner.run(["import", source, "-o", network])
        #expect(result.exitCode == 2)
        #expect(
            result.standardError == """
                corridor: \(source): 1 problem
                  node.csv: not a file of the layout (network.csv, nodes.csv, links.csv, demands.csv, commodities.csv, \
                scenarios.csv, uncertainty.csv, scenario_changes.csv, commodity_terms.csv) (did you mean "nodes.csv"?)

                """, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: network))
        try FileManager.default.removeItem(atPath: "\(source)/node.csv")
        let second = try CLIRunner.run(["import", source, "-o", network])
        #expect(
            second.standardError == """
                corridor: \(source): 1 problem
                  links.csv:F7 (length_km): not a number: "3O4"

                """, "\(second.standardError)")
        text = text.replacingOccurrences(of: "3O4", with: "304")
        try text.write(toFile: links, atomically: true, encoding: .utf8)
        let third = try CLIRunner.run(["import", source, "-o", network])
        #expect(
            third.standardError == """
                corridor: \(source): 1 problem
                  links.csv:C7 (from): unknown node "dostik" (did you mean "dostyk"?)

                """, "\(third.standardError)")
    }

    @Test func importWarnsAboutADemandWithoutAPath() throws {
        let folder = try TemporaryFiles.folder("corridor-import")
        let source = folder.appendingPathComponent("sheets").path
        #expect(try CLIRunner.run(["init", source]).exitCode == 0)
        let demands = "\(source)/demands.csv"
        let text = try String(contentsOfFile: demands, encoding: .utf8) + "duisburg-xian,duisburg,xian,10,,,\r\n"
        try text.write(toFile: demands, atomically: true, encoding: .utf8)
        let result = try CLIRunner.run(["import", source, "-o", folder.appendingPathComponent("n.json").path])
        #expect(result.exitCode == 0)
        #expect(result.standardError.contains("warning: demand \"duisburg-xian\" (duisburg → xian) has no path in baseline"))
    }
}
