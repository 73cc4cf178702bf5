import CorridorTestSupport
import Foundation
import Testing

/// The destructive paths a user can name for output: nothing of theirs is lost, and each refusal says why.
@Suite struct OutputPolicyCLITests {
    let tiny = CLIRunner.path("networks/tiny.json")

    /// A project folder with a source file and a `.git` folder in it, and a subfolder to run from.
    private func project() throws -> URL {
        let root = try TemporaryFiles.folder("project")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(".git/objects"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try "let x = 1\n".write(to: root.appendingPathComponent("main.swift"), atomically: false, encoding: .utf8)
        try "ref\n".write(to: root.appendingPathComponent(".git/HEAD"), atomically: false, encoding: .utf8)
        return root
    }

    private func tree(_ root: URL) -> [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).sorted()
    }

    @Test func theWorkingFolderAndItsParentsAreNeverReplaced() throws {
        let root = try project()
        let before = tree(root)
        for (output, folder) in [(".", root), ("..", root.appendingPathComponent("sub")), ("/", root)] {
            let result = try CLIRunner.run(["allocate", tiny, "--format", "csv", "--output", output], in: folder)
            #expect(result.exitCode == 2)
            #expect(
                result.standardError
                    == "corridor: \(output): cannot write: is the working folder or a folder above it; "
                    + "name a new folder for the tables\n")
            let forced = try CLIRunner.run(
                ["allocate", tiny, "--format", "csv", "--output", output, "--force"], in: folder)
            #expect(forced.exitCode == 2)
        }
        #expect(tree(root) == before)
    }

    @Test func aFolderOfSomeoneElsesFilesIsRefusedThenSharedWithForce() throws {
        let root = try project()
        let result = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crossing",
            "--format", "csv", "--output", root.path])
        #expect(result.exitCode == 2)
        #expect(result.standardError.contains("the folder holds files corridor did not write (.git, main.swift, sub)"))
        let forced = try CLIRunner.run(["compare", tiny, "--baseline", "baseline", "--scenario", "third-crossing",
            "--format", "csv", "--output", root.path, "--force"])
        #expect(forced.exitCode == 0, "\(forced.standardError)")
        #expect(
            tree(root).filter { !$0.contains("/") }
                == [
                    ".git", "changes.csv", "corridor-manifest.json", "crossings.csv", "dictionary.csv", "main.swift", "sub",
                    "totals.csv",
                ])
        #expect(try String(contentsOf: root.appendingPathComponent("main.swift"), encoding: .utf8) == "let x = 1\n")
    }

    @Test func linksStayLinksAndDevicesStayDevices() throws {
        let folder = try TemporaryFiles.folder()
        try "old".write(to: folder.appendingPathComponent("real.json"), atomically: false, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.json").path, withDestinationPath: "real.json")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("tables-real"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("tables").path, withDestinationPath: "tables-real")
        let runs: [[String]] = [
            ["allocate", tiny, "--format", "json", "--output", "link.json", "--write-lp", "/dev/null",
                "--write-mps", "/dev/null"],
            ["allocate", tiny, "--format", "csv", "--output", "tables"],
        ]
        for arguments in runs {
            let result = try CLIRunner.run(arguments, in: folder)
            #expect(result.exitCode == 0, "\(result.standardError)")
        }
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("link.json").path) == "real.json")
        #expect(try String(contentsOf: folder.appendingPathComponent("real.json"), encoding: .utf8).hasPrefix("{"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.appendingPathComponent("tables").path) == "tables-real")
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("tables-real/nodes.csv").path))
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)

        let full = try CLIRunner.run(["report", tiny, "--baseline", "baseline", "--scenario", "third-crossing", "-o", "/dev/full"])
        #expect(full.exitCode == 2)
        #expect(full.standardError == "corridor: /dev/full: cannot write: no space left on device\n")
        #expect(lstat("/dev/full", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func dashAndDevStdoutGoToStandardOutput() throws {
        for target in ["-", "/dev/stdout"] {
            let result = try CLIRunner.run(["allocate", tiny, "--format", "json", "--output", target])
            #expect(result.exitCode == 0, "\(result.standardError)")
            #expect(result.standardOutput.hasPrefix("{\n  \"format\": \"corridor-allocation/1\""))
        }
        let lp = try CLIRunner.run(["allocate", tiny, "--format", "json", "--output", "/dev/null", "--write-lp", "-"])
        #expect(lp.standardOutput.contains("Minimize"), "\(lp.standardError)")
        let folder = try CLIRunner.run(["allocate", tiny, "--format", "csv", "--output", "-"])
        #expect(folder.exitCode == 2)
        #expect(folder.standardError == "corridor: -: cannot write: a folder of files cannot go to standard output; name a folder\n")
    }

    @Test func aFIFOWithNobodyReadingIsAnErrorNotAHang() throws {
        let folder = try TemporaryFiles.folder()
        #expect(mkfifo(folder.appendingPathComponent("fifo").path, 0o600) == 0)
        let result = try CLIRunner.run(["allocate", tiny, "--output", "fifo"], in: folder)
        #expect(result.exitCode == 2)
        #expect(result.standardError == "corridor: fifo: cannot write: no process is reading from the FIFO\n")
    }

    /// Two processes writing the same folder at once: both finish, and the folder is one whole output.
    @Test func twoWritersAtOnceLeaveOneWholeFolder() throws {
        let folder = try TemporaryFiles.folder()
        let processes = (0..<2).map { _ in
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments = ["allocate", tiny, "--format", "csv", "--output", "tables"]
            process.currentDirectoryURL = folder
            process.standardError = FileHandle.nullDevice
            return process
        }
        for process in processes { try process.run() }
        for process in processes { process.waitUntilExit() }
        #expect(processes.contains { $0.terminationStatus == 0 })
        #expect(processes.allSatisfy { [0, 2].contains($0.terminationStatus) })
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path)
        #expect(names.count == 9)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["tables"])
    }

    /// kill -9 at random moments: the target is the old output or the new one, never half, and the next
    /// run leaves no temporary file behind.
    @Test func killedWritesLeaveTheOldOrTheNewNeverHalf() throws {
        let folder = try TemporaryFiles.folder()
        let first = try CLIRunner.run(["allocate", tiny, "--format", "csv", "--output", "tables"], in: folder)
        #expect(first.exitCode == 0)
        let expected = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path).sorted()
        var generator = SeededGenerator(seed: 9)
        for trial in 0..<12 {
            let process = Process()
            process.executableURL = CLIRunner.executable
            process.arguments =
                trial.isMultiple(of: 2)
                ? ["allocate", tiny, "--format", "csv", "--output", "tables"]
                : ["allocate", tiny, "--format", "json", "--output", "one.json"]
            process.currentDirectoryURL = folder
            try process.run()
            usleep(UInt32.random(in: 0...60_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path)
            #expect(names.sorted() == expected, "trial \(trial)")
            if let json = FileManager.default.contents(atPath: folder.appendingPathComponent("one.json").path) {
                #expect((try? JSONSerialization.jsonObject(with: json)) != nil, "trial \(trial): half a JSON file")
            }
        }
        for arguments in [["--format", "csv", "--output", "tables"], ["--format", "json", "--output", "one.json"]] {
            let result = try CLIRunner.run(["allocate", tiny] + arguments, in: folder)
            #expect(result.exitCode == 0)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["one.json", "tables"])
        let inside = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("tables").path)
        #expect(inside.sorted() == expected)
    }
}

/// What a name in a network can do to the programs that show it.
@Suite struct HostileTextCLITests {
    /// A node named like a spreadsheet formula goes out as text in every CSV; negative numbers stay numbers.
    @Test func formulaNamesAreNeutralisedInCSV() throws {
        let folder = try TemporaryFiles.folder()
        var text = try String(contentsOfFile: CLIRunner.path("networks/tiny.json"), encoding: .utf8)
        text = text.replacingOccurrences(of: #""name": "Dostyk–Alashankou""#, with: #""name": "=HYPERLINK(\"http://x\",\"y\")""#)
        text = text.replacingOccurrences(of: #""name": "Altynkol–Khorgos""#, with: #""name": "@SUM(A1)""#)
        try text.write(to: folder.appendingPathComponent("evil.json"), atomically: false, encoding: .utf8)
        let result = try CLIRunner.run(["allocate", "evil.json", "--format", "csv", "--output", "tables"], in: folder)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let nodes = try String(contentsOf: folder.appendingPathComponent("tables/nodes.csv"), encoding: .utf8)
        #expect(nodes.contains(#"dostyk,"'=HYPERLINK(""http://x"",""y"")",crossing"#), "\(nodes)")
        #expect(nodes.contains("khorgos,'@SUM(A1),crossing"))
        let compare = try CLIRunner.run(
            ["compare", "evil.json", "--baseline", "baseline", "--scenario", "dostyk-outage", "--format", "csv"], in: folder)
        #expect(compare.standardOutput.contains(#""'=HYPERLINK("#))
        // A change of -60 TEU/day is a number, not a formula.
        #expect(compare.standardOutput.contains(",-"))
        #expect(!compare.standardOutput.contains(",'-"))
    }
}
