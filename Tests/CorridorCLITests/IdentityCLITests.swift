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
