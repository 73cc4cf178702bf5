import CorridorTestSupport
import Foundation
import Testing

private let tiny = CLIRunner.path("networks/tiny.json")

/// Shell completion of files and ids, `--quiet`, no escape codes for dumb terminals or `NO_COLOR`, and
/// `-o/--output` on every command that writes a result.
@Suite struct ShellHabitsCLITests {
    @Test func completionOffersTheNetworksScenarioAndNodeIDs() throws {
        let scenarios = try CLIRunner.run(["---completion", "compare", "--", "--scenario", "4", "0", "corridor", "compare", tiny, "--scenario", ""])
        #expect(
            scenarios.standardOutput.split(separator: "\n")
                == ["baseline", "third-crossing", "third-crossing-small", "dostyk-outage", "growth", "khorgos-unlimited"],
            "\(scenarios.standardOutput)\(scenarios.standardError)")
        // After a comma, the next id of a list, keeping what precedes it.
        let via = try CLIRunner.run([
            "---completion", "route", "--", "--via", "6", "8", "corridor", "route", tiny, "--from", "xian", "--via", "dostyk,a",
        ])
        #expect(via.standardOutput == "dostyk,aktogay\n", "\(via.standardOutput)")
        let script = try CLIRunner.run(["--generate-completion-script", "bash"])
        #expect(script.standardOutput.contains("-fX '!*.@(json)'"), "network files are completed")
    }

    @Test func quietLeavesResultsAndErrorsOnly() throws {
        let example = CLIRunner.path("docs/examples/one-way.json")
        let loud = try CLIRunner.run(["validate", example])
        #expect(loud.standardError.contains("warning:"))
        for arguments in [["validate", example, "--quiet"], ["-q", "validate", example]] {
            let quiet = try CLIRunner.run(arguments)
            #expect(quiet.exitCode == 0 && quiet.standardError.isEmpty, "\(quiet.standardError)")
            #expect(quiet.standardOutput == loud.standardOutput)
        }
        let error = try CLIRunner.run(["validate", "nowhere.json", "--quiet"])
        #expect(error.exitCode == 2 && error.standardError == "corridor: nowhere.json: no such file\n")
    }

    /// The sweep's progress bar with standard error on a pseudo-terminal (Python's `os.openpty`): drawn
    /// for an ordinary terminal, and without a single escape code for `TERM=dumb`, `NO_COLOR` or `--quiet`.
    @Test func progressNeedsATerminalThatWantsIt() throws {
        let script = """
            import os, subprocess, sys
            settings = dict(item.split("=", 1) for item in sys.argv[1].split())
            master, slave = os.openpty()
            process = subprocess.Popen(sys.argv[2:], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=slave,
                                       env={**os.environ, **settings})
            os.close(slave)
            seen = b""
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                seen += chunk
            process.wait()
            sys.stdout.write(seen.decode("utf-8", "replace"))
            """
        func terminal(_ environment: String, _ extra: [String] = []) throws -> String {
            let command = [
                CLIRunner.executable.path, "sweep", tiny, "--capacity", "dostyk", "--min", "0", "--max", "100", "--steps", "40",
                "--format", "csv",
            ] + extra
            return try ExternalProgram.run("/usr/bin/env", ["python3", "-c", script, environment] + command).output
        }
        let drawn = try terminal("TERM=xterm NO_COLOR=")
        #expect(drawn.contains("40/40 points") && drawn.contains("\u{1B}["), "\(drawn.debugDescription)")
        for (environment, extra) in [("TERM=dumb NO_COLOR=", []), ("TERM=xterm NO_COLOR=1", []), ("TERM=xterm NO_COLOR=", ["--quiet"])] {
            let plain = try terminal(environment, extra)
            #expect(!plain.contains("\u{1B}") && !plain.contains("points"), "\(environment) \(extra): \(plain.debugDescription)")
        }
    }

    @Test(arguments: [
        ["info", tiny], ["route", tiny, "--from", "xian", "--to", "duisburg"], ["maxflow", tiny],
        ["criticality", tiny], ["sweep", tiny, "--capacity", "dostyk", "--min", "0", "--max", "10", "--steps", "2"],
        ["allocate", tiny], ["compare", tiny, "--baseline", "baseline", "--scenario", "growth"],
    ])
    func shortOutputWritesTheResultToAFile(arguments: [String]) throws {
        let file = try TemporaryFiles.folder("corridor-output").appendingPathComponent("result.txt").path
        let printed = try CLIRunner.run(arguments)
        let written = try CLIRunner.run(arguments + ["-o", file])
        #expect(written.exitCode == 0 && written.standardOutput.isEmpty, "\(written.standardError)")
        #expect(try String(contentsOfFile: file, encoding: .utf8) == printed.standardOutput)
        let overInput = try CLIRunner.run(arguments + ["-o", tiny])
        #expect(overInput.exitCode == 2 && overInput.standardError.contains("that is the input network"), "\(overInput.standardError)")
    }
}
