import CorridorTestSupport
import Foundation
import Testing

@Suite struct SweepCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func tableSummaryAndJSON() throws {
        let table = try CLIRunner.run(["sweep", tiny, "--scenario", "third-crossing", "--capacity", "bakhty", "--min", "195", "--max", "235", "--steps", "5"])
        #expect(table.exitCode == 0)
        // The grid's first zero is at 205; the exact breakpoint, between grid points, is 200.
        #expect(table.standardOutput.contains("marginal value is 0 from 200 on"))
        #expect(table.standardError.isEmpty)
        let json = try CLIRunner.run(["sweep", tiny, "--scenario", "third-crossing", "--capacity", "bakhty", "--min", "0", "--max", "50", "--steps", "6", "--format", "json"])
        let root = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(root["format"] as? String == "corridor-sweep/1")
        #expect((root["points"] as? [Any])?.count == 6)
    }

    @Test func shardsMergeByteIdentical() throws {
        let folder = try TemporaryFiles.folder("sweep")
        let common = ["sweep", tiny, "--scenario", "third-crossing", "--capacity", "bakhty", "--min", "0", "--max", "230", "--steps", "25", "--format", "json"]
        let whole = try CLIRunner.run(common)
        var files: [String] = []
        for index in 1...2 {
            let shard = try CLIRunner.run(common + ["--shard", "\(index)/2"])
            #expect(shard.exitCode == 0)
            let path = folder.appendingPathComponent("s\(index).json").path
            try shard.standardOutput.write(toFile: path, atomically: true, encoding: .utf8)
            files.append(path)
        }
        let merged = try CLIRunner.run(["sweep", "--format", "json", "--merge"] + files)
        #expect(merged.exitCode == 0)
        #expect(merged.standardOutput == whole.standardOutput)
        let missing = try CLIRunner.run(["sweep", "--format", "json", "--merge", files[0]])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("missing"))
        let duplicate = try CLIRunner.run(["sweep", "--format", "json", "--merge", files[0], files[0], files[1]])
        #expect(duplicate.exitCode == 2)
        // A shard is an input: never the output of the merge.
        let before = try String(contentsOfFile: files[0], encoding: .utf8)
        let overShard = try CLIRunner.run(["sweep", "--merge"] + files + ["--format", "json", "-o", files[0]])
        #expect(overShard.exitCode == 2)
        #expect(overShard.standardError == "corridor: --output \(files[0]): that is a shard to merge; name another file\n")
        #expect(try String(contentsOfFile: files[0], encoding: .utf8) == before)
        let absent = try CLIRunner.run(["sweep", "--merge", "no-such-shard.json"])
        #expect(absent.exitCode == 2)
        #expect(absent.standardError == "corridor: no-such-shard.json: no such file\n")
    }

    @Test func usageErrorsExit2() throws {
        let cases: [[String]] = [
            ["--capacity", "bakhty", "--min", "0", "--max", "1", "--steps", "2"],  // off in baseline
            ["--capacity", "dostik", "--min", "0", "--max", "1", "--steps", "2"],
            ["--capacity", "dostyk", "--min", "5", "--max", "1", "--steps", "2"],
            ["--capacity", "dostyk", "--min", "0", "--max", "1", "--steps", "0"],
            ["--capacity", "dostyk", "--min", "-1", "--max", "1", "--steps", "2"],
            ["--capacity", "dostyk", "--cost", "xian-urumqi", "--min", "0", "--max", "1", "--steps", "2"],
            ["--cost", "dostyk", "--min", "0", "--max", "1", "--steps", "2"],
            ["--demand-scale", "--min", "0", "--max", "1", "--steps", "2", "--shard", "3/2"],
            ["--demand-scale", "--min", "0", "--max", "1"],
        ]
        for arguments in cases {
            let result = try CLIRunner.run(["sweep", tiny] + arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(!result.standardError.isEmpty)
        }
    }
}

/// On a terminal the sweep draws a progress bar on standard error, redrawn in place and cleared at
/// the end; through a pipe it prints nothing but the result. `script` (util-linux) gives the
/// process a pseudo-terminal.
@Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
func sweepDrawsProgressOnlyOnATerminal() throws {
    let arguments = [
        "sweep", CLIRunner.path("networks/tiny.json"), "--scenario", "third-crossing", "--capacity", "bakhty",
        "--min", "0", "--max", "50", "--steps", "6", "--format", "json",
    ]
    let command = ([CLIRunner.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
    // NO_COLOR (which `swift test` may set) would turn the bar off.
    let onTerminal = try ExternalProgram.run("/usr/bin/env", ["NO_COLOR=", "/usr/bin/script", "-qfec", command, "/dev/null"])
    #expect(onTerminal.status == 0)
    for done in 1...6 { #expect(onTerminal.output.contains("] \(done)/6 points\r")) }
    #expect(onTerminal.output.contains("\r\u{1B}[K{"))  // the bar is erased before the result
    let piped = try CLIRunner.run(arguments)
    #expect(piped.exitCode == 0)
    #expect(piped.standardError.isEmpty)
    #expect(piped.standardOutput.hasPrefix("{\n  \"format\": \"corridor-sweep/1\""))
}

@Suite struct SweepBreakpointCLITests {
    /// `breakpoints[0].value` is `--min` as given (docs/OUTPUT.md: "the first entry is min itself").
    @Test func theFirstBreakpointIsMinAsGiven() throws {
        let result = try CLIRunner.run([
            "sweep", CLIRunner.path("networks/tiny.json"), "--scenario", "third-crossing", "--capacity", "bakhty",
            "--min", "12.3456789", "--max", "235", "--steps", "5", "--format", "json",
        ])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let root = try jsonObject(result.standardOutput)
        let breakpoints = try #require(root["breakpoints"] as? [[String: Any]])
        #expect(breakpoints.first?["value"] as? Double == 12.3456789)
    }
}
