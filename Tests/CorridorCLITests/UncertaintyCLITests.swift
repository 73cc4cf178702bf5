import CorridorTestSupport
import Foundation
import Testing

@Suite struct UncertaintyCLITests {
    /// tiny.json as format /2 with an uncertainty block: bakhty's capacity and the demand scale.
    static func network() throws -> String {
        var text = try String(contentsOfFile: CLIRunner.path("networks/tiny.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: "\"corridor-network/1\"", with: "\"corridor-network/2\"")
        let end = try #require(text.range(of: "}", options: .backwards))
        text.replaceSubrange(
            end,
            with: """
                ,
                  "uncertainty": [
                    {"id": "bakhty-capacity", "capacity": "bakhty", "triangular": [20, 50, 60], "meta": {"method": "test"}},
                    {"id": "demand", "demandScale": true, "uniform": [0.9, 1.1]}
                  ]
                }
                """)
        return try TemporaryFiles.file(text, name: "tiny-uncertain.json")
    }

    @Test func sameSeedSameBytesAndShardsMergeToThem() throws {
        let tiny = try Self.network()
        let common = ["uncertainty", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--draws", "250", "--format", "json"]
        let whole = try CLIRunner.run(common + ["--seed", "3"])
        #expect(whole.exitCode == 0)
        #expect(whole.standardError.isEmpty)
        #expect(try CLIRunner.run(common + ["--seed", "3"]).standardOutput == whole.standardOutput)
        #expect(try CLIRunner.run(common + ["--seed", "4"]).standardOutput != whole.standardOutput)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(whole.standardOutput.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "corridor-uncertainty/1")
        #expect((root["results"] as? [Any])?.count == 250)
        #expect((root["tornado"] as? [[String: Any]])?.first?["input"] as? String == "demand")

        let folder = try TemporaryFiles.folder("uncertainty")
        var files: [String] = []
        for index in 1...3 {
            let path = folder.appendingPathComponent("s\(index).json").path
            let shard = try CLIRunner.run(common + ["--seed", "3", "--shard", "\(index)/3", "-o", path])
            #expect(shard.exitCode == 0)
            files.append(path)
        }
        let merged = try CLIRunner.run(["uncertainty", "--format", "json", "--merge"] + files)
        #expect(merged.exitCode == 0)
        #expect(merged.standardOutput == whole.standardOutput)

        let missing = try CLIRunner.run(["uncertainty", "--merge", files[0], files[2]])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError == "corridor: 100 draw(s) missing: 100–199; merge every shard 1/n…n/n of the run\n")
        let overlap = try CLIRunner.run(["uncertainty", "--merge"] + files + [files[1]])
        #expect(overlap.exitCode == 2)
        #expect(overlap.standardError.contains("draw 100 appears in both"))
        let other = folder.appendingPathComponent("other.json").path
        _ = try CLIRunner.run(common + ["--seed", "8", "--shard", "2/3", "-o", other])
        let seeds = try CLIRunner.run(["uncertainty", "--merge", files[0], other, files[2]])
        #expect(seeds.exitCode == 2)
        #expect(seeds.standardError == "corridor: \(other): its seed differs from \(files[0])'s; shards of one run share them\n")
    }

    @Test func tableAndCSV() throws {
        let tiny = try Self.network()
        let table = try CLIRunner.run(["uncertainty", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--draws", "20"])
        #expect(table.exitCode == 0)
        #expect(table.standardOutput.contains("P(difference > 0) = 100.0 %"))
        let csv = try CLIRunner.run(
            ["uncertainty", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "--draws", "3", "--format", "csv", "--inputs", "demand"])
        #expect(csv.exitCode == 0)
        #expect(csv.standardOutput.hasPrefix("draw,demand,baseline,scenario,difference\n0,"))
        #expect(csv.standardOutput.split(separator: "\n").count == 4)
    }

    @Test func badInputExits2WithItsOption() throws {
        let tiny = try Self.network()
        let common = ["uncertainty", tiny, "--baseline", "baseline", "--scenario", "third-crossing"]
        let cases: [([String], String)] = [
            (["--draws", "0"], "corridor: --draws 0: needs at least 1 draw\n"),
            (["--draws", "250", "--shard", "5/4"], "corridor: --shard 5/4: needs 1 ≤ i ≤ n, e.g. 1/4\n"),
            (
                ["--draws", "250", "--shard", "1/4"],
                "corridor: --shard 1/4: the run's 250 draws form 3 blocks of up to 100 (shards take whole blocks, so that "
                    + "joined they equal one run); use at most 3 shards, not 4\n"
            ),
            (
                ["--inputs", "bakty-capacity"],
                "corridor: --inputs: no uncertain input \"bakty-capacity\" (did you mean \"bakhty-capacity\"?); the network's: "
                    + "bakhty-capacity, demand\n"
            ),
            (["--seed", "-3"], "corridor: --seed -3: expected a whole number from 0 to 2^53 − 1\n"),
            (["--scenario", "third-crosing"], ""),
        ]
        for (arguments, message) in cases {
            let result = try CLIRunner.run(common + arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            if message.isEmpty {
                #expect(!result.standardError.isEmpty)
            } else {
                #expect(result.standardError == message, "\(arguments)")
            }
        }
        let noBlock = try CLIRunner.run(["uncertainty", CLIRunner.path("networks/tiny.json"), "--baseline", "baseline", "--scenario", "growth"])
        #expect(noBlock.exitCode == 2)
        #expect(noBlock.standardError.contains("gives no uncertain inputs"))
        let mixed = try CLIRunner.run(["uncertainty", "--merge", "a.json", "--seed", "2"])
        #expect(mixed.exitCode == 2)
        #expect(mixed.standardError.hasPrefix("corridor: --merge takes the shards' documents alone; drop --seed\n"))
    }
}
