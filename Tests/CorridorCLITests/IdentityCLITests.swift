import CorridorTestSupport
import Foundation
import Testing

/// One resolution fault, one exit code and one sentence in every command that names the element.
@Suite struct IdentityCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func aNodeThatIsOffReadsTheSameEverywhere() throws {
        let problem = "bakhty: the node is off in scenario \"baseline\" (scenarios that turn it on: third-crossing, third-crossing-small)"
        let runs: [([String], String)] = [
            (["route", tiny, "--from", "xian", "--to", "bakhty"], "--to"),
            (["route", tiny, "--from", "bakhty", "--to", "duisburg"], "--from"),
            (["route", tiny, "--from", "xian", "--to", "duisburg", "--via", "bakhty"], "--via"),
            (["maxflow", tiny, "--to", "bakhty"], "--to"),
            (["maxflow", tiny, "--from", "bakhty"], "--from"),
            (["sweep", tiny, "--capacity", "bakhty", "--min", "0", "--max", "10", "--steps", "2"], "--capacity"),
            (["report", tiny, "--baseline", "third-crossing", "--scenario", "baseline", "--sweep", "bakhty", "-o", "r.html"], "--sweep"),
        ]
        for (arguments, flag) in runs {
            let result = try CLIRunner.run(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError == "corridor: \(flag) \(problem)\n", "\(arguments)")
        }
    }

    @Test func anUnknownIdReadsTheSameEverywhere() throws {
        let runs: [([String], String)] = [
            (["route", tiny, "--from", "xian", "--to", "dostik"], "--to dostik: no node has this id (did you mean \"dostyk\"?)"),
            (["maxflow", tiny, "--from", "dostik"], "--from dostik: no node has this id (did you mean \"dostyk\"?)"),
            (
                ["sweep", tiny, "--capacity", "dostik", "--min", "0", "--max", "10", "--steps", "2"],
                "--capacity dostik: no node or link has this id (did you mean \"dostyk\"?)"
            ),
            (
                ["sweep", tiny, "--cost", "dostyk", "--min", "0", "--max", "10", "--steps", "2"],
                "--cost dostyk: is a node, not a link"
            ),
            (
                ["sweep", tiny, "--cost", "xian-duisburg", "--min", "0", "--max", "10", "--steps", "2"],
                "--cost xian-duisburg: is a demand, not a link"
            ),
        ]
        for (arguments, message) in runs {
            let result = try CLIRunner.run(arguments)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError == "corridor: \(message)\n", "\(arguments)")
        }
    }

    /// The library modules word their errors in roles; options belong to the command line alone.
    @Test func noLibraryModuleNamesACommandLineFlag() throws {
        let sources = TestNetworks.repositoryRoot.appendingPathComponent("Sources")
        let libraries = ["CorridorModel", "CorridorRouting", "CorridorLP", "CorridorOptimization", "CorridorImpact", "CorridorOutput"]
        let flag = try Regex(#""[^"\n]*--[a-z][a-z-]*"#)
        for library in libraries {
            let folder = sources.appendingPathComponent(library)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") && line.contains(flag) {
                    Issue.record("\(library)/\(file):\(number + 1) names a flag: \(line)")
                }
            }
        }
    }
}

/// Findings of a hostile review, each a located exit-2 message now.
@Suite struct ReviewFindingsCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func aOneCharacterOutputNameIsWritten() throws {
        let folder = try TemporaryFiles.folder()
        for arguments in [["--format", "json", "--output", "t"], ["--format", "csv", "--output", "x"], ["--write-lp", "m"]] {
            let result = try CLIRunner.run(["allocate", tiny] + arguments, in: folder)
            #expect(result.exitCode == 0, "\(arguments): \(result.standardError)")
        }
    }

    @Test func everyTargetIsCheckedBeforeAnythingIsWritten() throws {
        let folder = try TemporaryFiles.folder()
        let cases: [([String], String)] = [
            (["--write-lp", "ok.lp", "--format", "json", "--output", "missing/x.json"], "corridor: missing/x.json: cannot write: no folder missing\n"),
            (["--write-lp", "same.txt", "--output", "same.txt"], "corridor: --output and --write-lp name the same file, \(folder.resolvingSymlinksInPath().path)/same.txt\n"),
            (["--write-lp", "-"], "corridor: --output and --write-lp would both go to standard output; name a file for one\n"),
        ]
        for (arguments, message) in cases {
            let result = try CLIRunner.run(["allocate", tiny] + arguments, in: folder)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError == message, "\(arguments)")
        }
        let network = folder.appendingPathComponent("net.json").path
        try FileManager.default.copyItem(atPath: tiny, toPath: network)
        let overInput = try CLIRunner.run(["allocate", "net.json", "--output", "net.json"], in: folder)
        #expect(overInput.standardError == "corridor: --output net.json: that is the input network; name another file\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["net.json"])
    }

    @Test func sweepShardsAndReportStepsAreCheckedWithTheirOptions() throws {
        let shards = try CLIRunner.run([
            "sweep", tiny, "--capacity", "dostyk", "--min", "0", "--max", "10", "--steps", "10", "--shard", "1/4",
        ])
        #expect(shards.exitCode == 2)
        #expect(shards.standardError.hasPrefix("corridor: --shard 1/4: the sweep's 10 points form 1 block of up to 10"))
        let steps = try CLIRunner.run([
            "report", tiny, "--baseline", "baseline", "--scenario", "baseline", "--sweep", "dostyk", "--steps", "100001",
            "-o", "r.html",
        ])
        #expect(steps.exitCode == 2)
        #expect(steps.standardError == "corridor: --steps 100001: at most 100000 points; sweep a narrower range in shards\n")
    }

    @Test func maxflowEndsAndWrongKindsAreNamed() throws {
        var text = try String(contentsOfFile: tiny, encoding: .utf8)
        text = text.replacingOccurrences(
            of: #"{ "id": "chongqing-duisburg", "origin": "chongqing", "destination": "duisburg", "quantity": 80 }"#,
            with: #"{ "id": "chongqing-duisburg", "origin": "chongqing", "destination": "duisburg", "quantity": 80 }, { "id": "back", "origin": "duisburg", "destination": "chongqing", "quantity": 5 }"#)
        let both = try TemporaryFiles.file(text, name: "both.json")
        let overlap = try CLIRunner.run(["maxflow", both])
        #expect(overlap.exitCode == 2)
        #expect(overlap.standardError.contains("is an origin of one demand and the destination of another"))
        let empty = try CLIRunner.run(["maxflow", tiny, "--from", ""])
        #expect(empty.standardError == "corridor: --from names no node; give ids separated by commas\n")
        let avoid = try CLIRunner.run(["route", tiny, "--from", "xian", "--to", "duisburg", "--avoid", "xian-duisburg"])
        #expect(avoid.standardError == "corridor: --avoid xian-duisburg: is a demand, not a node or country code\n")
        let scenario = try CLIRunner.run(["info", tiny, "--scenario", "bakhty"])
        #expect(scenario.standardError.hasPrefix("corridor: \"bakhty\" is a node, not a scenario"))
    }

    @Test func fileNamesWithEscapesAreShownEscaped() throws {
        let folder = try TemporaryFiles.folder()
        let name = "e\u{1B}[31mvil.gr"
        try "p sp 2 1\na 1 2 3\n".write(to: folder.appendingPathComponent(name), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["route", name, "--from", "1"], in: folder)
        #expect(result.exitCode == 0)
        #expect(!result.standardOutput.contains("\u{1B}") && result.standardOutput.contains(#"e\u{1B}[31mvil.gr"#))
        let missing = try CLIRunner.run(["validate", "a\nb.json"], in: folder)
        #expect(missing.standardError == "corridor: a\\nb.json: no such file\n")
    }
}

/// Findings of a code review: every command checks its targets, and a closed or full standard output is
/// an error, not a crash.
@Suite struct ReviewTargetCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func noCommandWritesOverItsInputNetwork() throws {
        let folder = try TemporaryFiles.folder()
        try FileManager.default.copyItem(atPath: tiny, toPath: folder.appendingPathComponent("net.json").path)
        let runs: [[String]] = [
            ["compare", "net.json", "--baseline", "baseline", "--scenario", "dostyk-outage", "--output", "net.json"],
            ["report", "net.json", "--baseline", "baseline", "--scenario", "dostyk-outage", "-o", "net.json"],
        ]
        for arguments in runs {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError.hasSuffix("net.json: that is the input network; name another file\n"), "\(arguments)")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("net.json"), encoding: .utf8) == String(contentsOfFile: tiny, encoding: .utf8))
        let missing = try CLIRunner.run(
            ["report", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "-o", "no/such/r.html"], in: folder)
        #expect(missing.standardError == "corridor: no/such/r.html: cannot write: no folder no/such\n")
    }

    @Test func reportDoesNotWriteOverItsProjectsFile() throws {
        let folder = try TemporaryFiles.folder()
        try FileManager.default.copyItem(
            atPath: CLIRunner.path("Tests/Fixtures/tiny-projects.json"), toPath: folder.appendingPathComponent("net.json").path)
        let projects = folder.appendingPathComponent("net.projects.json")
        try FileManager.default.copyItem(atPath: CLIRunner.path("Tests/Fixtures/tiny-projects.projects.json"), toPath: projects.path)
        let before = try String(contentsOf: projects, encoding: .utf8)
        let common = ["report", "net.json", "--scenario", "third-crossing", "--baseline", "baseline", "--invest"]
        for arguments in [common + ["-o", "./net.projects.json"], common + ["--projects", "net.projects.json", "-o", "net.projects.json"]] {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.exitCode == 2, "\(arguments)")
            #expect(result.standardError.hasSuffix("net.projects.json: that is the projects file; name another file\n"), "\(result.standardError)")
        }
        #expect(try String(contentsOf: projects, encoding: .utf8) == before)
        // Without --invest the file is not read, so it is only a file to write (under the output policy).
        let written = try CLIRunner.run(common.dropLast() + ["-o", "plan.html"], in: folder)
        #expect(written.exitCode == 0, "\(written.standardError)")
    }

    @Test func aFullStandardOutputIsAnErrorNotACrash() throws {
        let (status, output) = try ExternalProgram.run(
            "/bin/sh", ["-c", "'\(CLIRunner.executable.path)' info '\(tiny)' > /dev/full"])
        #expect(status == 2)
        #expect(output == "corridor: standard output: cannot write: no space left on device\n")
    }

    @Test func aDemandScaleSweepIsCheckedBeforeSolving() throws {
        let result = try CLIRunner.run(["sweep", tiny, "--demand-scale", "--min", "0", "--max", "1e8", "--steps", "2000"])
        #expect(result.exitCode == 2)
        #expect(result.standardError.hasPrefix("corridor: quantity of demand \"xian-duisburg\" at demand scale 100000000"))
    }

    @Test func aNamedSourceThatIsADefaultSinkIsNamedSo() throws {
        let result = try CLIRunner.run(["maxflow", tiny, "--from", "duisburg"])
        #expect(result.standardError == "corridor: node \"duisburg\" is both a source and a sink; name disjoint sets with --from and --to\n")
    }
}

/// Findings of the second hostile pass.
@Suite struct SecondReviewCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    @Test func aModelFileInsideTheTablesFolderIsRefusedBeforeWriting() throws {
        let folder = try TemporaryFiles.folder()
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("d"), withIntermediateDirectories: false)
        for lp in ["d/summary.csv", "d"] {
            let result = try CLIRunner.run(["allocate", tiny, "--format", "csv", "--write-lp", lp, "--output", "d"], in: folder)
            #expect(result.exitCode == 2, "\(lp)")
            let expected = lp == "d" ? "d: cannot write: is a folder; name a file" : "that is in the --output folder of tables"
            #expect(result.standardError.contains(expected), "\(lp): \(result.standardError)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("d").path).isEmpty)
    }

    /// Flow going both ways on a two-way link is netted: no crossing carries more than the maximum flow.
    @Test func twoWayLinksCarryNoCirculation() throws {
        let network = #"""
            {"format": "corridor-network/1", "name": "loop", "unit": "TEU", "period": "day", "currency": "USD",
             "nodes": [{"id": "a", "kind": "terminal"}, {"id": "b", "kind": "crossing"}, {"id": "c", "kind": "terminal"}],
             "links": [{"id": "ab", "from": "a", "to": "b", "mode": "rail", "capacity": 3, "bidirectional": true},
                       {"id": "bc", "from": "b", "to": "c", "mode": "rail", "capacity": 100, "bidirectional": true}],
             "demands": [{"id": "d", "origin": "c", "destination": "a", "quantity": 10}]}
            """#
        let file = try TemporaryFiles.file(network, name: "loop.json")
        let result = try CLIRunner.run(["maxflow", file, "--format", "json"])
        let document = try jsonObject(result.standardOutput)
        #expect(document["value"] as? Double == 3)
        let crossings = try #require(document["crossings"] as? [[String: Any]])
        #expect(crossings.first?["flow"] as? Double == 3)
        let links = try #require(document["links"] as? [[String: Any]])
        #expect(links.compactMap { $0["flow"] as? Double }.sorted() == [0, 0, 3, 3])
    }
}
